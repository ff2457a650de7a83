"""Check all content without building the site: `python -m scripts.check` (make check).

Prints every problem at once, one per line as `file:line: message`, and exits non-zero
when there is any. The build runs the same checks (scripts/macros.py) before it renders.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.content import Content, load_content
from scripts.newsletters import check_newsletters, check_theme_categories
from scripts.problems import ContentError, Problem
from scripts.project import read_config


def check_everything(project: Path, docs: Path, categories: list[str]) -> tuple[Content | None, list[Problem]]:
    """The validated content (None if the data is broken) and every problem found."""
    problems: list[Problem] = []
    try:
        content = load_content(project / "data")
    except ContentError as error:
        content = None
        problems += error.problems
    if content is not None:
        problems += missing_theme_pages(content, docs)
        problems += check_theme_categories([t["naam"] for t in content.themas], categories)
    problems += check_newsletters(docs, categories)
    return content, sorted(problems)


def missing_theme_pages(content: Content, docs: Path) -> list[Problem]:
    return [
        Problem("data/themas.yml", None, f"thema '{item['slug']}' heeft geen pagina; maak "
                f"docs/themas/{item['slug']}.md (kopieer een bestaande themapagina)")
        for item in content.themas
        if not (docs / "themas" / f"{item['slug']}.md").is_file()
    ]


def blog_categories(config: dict) -> list[str]:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "blog" in plugin:
            return list(plugin["blog"].get("categories_allowed", []))
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Controleer alle inhoud zonder de site te bouwen.")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    config_file = args.config_file.resolve()
    config = read_config(config_file)
    project = config_file.parent
    _, problems = check_everything(project, project / config.get("docs_dir", "docs"),
                                   blog_categories(config))
    for problem in problems:
        print(problem.as_line())
    if problems:
        count = len(problems)
        print(f"\n{count} {'probleem' if count == 1 else 'problemen'} gevonden; pas ze aan en "
              "draai 'make check' opnieuw.", file=sys.stderr)
        return 1
    print("Alles in orde: de gegevens en nieuwsbrieven kloppen.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
