"""Start a new newsletter, collaboration or meeting with the right fields filled in.

    make nieuwsbrief TITEL="Ideeën uit Hengelo"
    make samenwerking TITEL="Naam van de samenwerking"
    make bijeenkomst TITEL="Naam van de bijeenkomst"

The result builds as it is; the placeholder texts say what to write. Nothing existing is
ever overwritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from cultuurregio.project import read_config
from cultuurregio.site.common.problems import ContentError
from cultuurregio.site.content.data import load_content

TEMPLATES = Path(__file__).parent / "scaffolds"


def slugify(project: Path, title: str) -> str:
    """The slug Material's blog would give `title` with this project's configuration
    (mkdocs.yml, `post_slugify`): 'Ideeën uit Hengelo' -> 'ideeen-uit-hengelo'."""
    blog = read_config(project / "mkdocs.yml").plugins["material/blog"].config
    return blog.post_slugify(title, blog.post_slugify_separator)


def _render(name: str, **context) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                      keep_trailing_newline=True)
    # A JSON string is a valid YAML string, quotes and colons included.
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env.get_template(name).render(**context)


class ScaffoldError(Exception):
    pass


def new_newsletter(project: Path, title: str, slug: str, today: dt.date) -> Path:
    posts = project / "docs" / "nieuwsbrief" / "posts"
    path = posts / f"{today:%Y-%m}-{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(project)} bestaat al; kies een andere titel "
                            "of bewerk die nieuwsbrief")
    path.write_text(_render("nieuwsbrief.md.j2", title=title, slug=slug, today=today.isoformat()),
                    encoding="utf-8")
    return path


def _append(project: Path, data_file: str, template: str, title: str, slug: str, context) -> Path:
    """Add an item at the end of a data file; `context(content)` gives the template's values."""
    try:
        content = load_content(project / "data")
    except ContentError as error:
        raise ScaffoldError("los eerst deze problemen op:\n" + error.report()) from None
    existing = {"samenwerkingen.yml": content.samenwerkingen,
                "agenda.yml": content.bijeenkomsten}[data_file]
    if any(item["slug"] == slug for item in existing):
        raise ScaffoldError(f"data/{data_file} heeft al een item met slug '{slug}'; kies een "
                            "andere titel of bewerk dat item")
    path = project / "data" / data_file
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + _render(template, title=title, slug=slug,
                                                        **context(content)),
                    encoding="utf-8")
    return path


def new_collaboration(project: Path, title: str, slug: str, today: dt.date) -> Path:
    # Valid references to start from; the editor replaces them with the right ones.
    return _append(project, "samenwerkingen.yml", "samenwerking.yml.j2", title, slug,
                   lambda content: {"gemeente": content.gemeenten[0]["slug"],
                                    "thema": content.themas[0]["slug"]})


def new_meeting(project: Path, title: str, slug: str, today: dt.date) -> Path:
    return _append(project, "agenda.yml", "bijeenkomst.yml.j2", title, slug,
                   lambda content: {"today": today.isoformat()})


KINDS = {"nieuwsbrief": new_newsletter, "samenwerking": new_collaboration, "bijeenkomst": new_meeting}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Begin een nieuwsbrief, samenwerking of bijeenkomst.")
    parser.add_argument("soort", choices=sorted(KINDS))
    parser.add_argument("titel")
    parser.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    project = args.project.resolve()
    # The title as meant: without stray spaces from the command line.
    title = " ".join(args.titel.split())
    slug = slugify(project, title) if title else ""
    if not slug:
        print("Geef een titel, bijvoorbeeld: make nieuwsbrief TITEL=\"Ideeën uit Hengelo\"", file=sys.stderr)
        return 2
    try:
        path = KINDS[args.soort](project, title, slug, dt.date.today())
    except ScaffoldError as error:
        print(f"Niets geschreven: {error}", file=sys.stderr)
        return 1
    print(f"Geschreven: {path.relative_to(project)}. Vervang de voorbeeldteksten "
          "en bekijk het resultaat met 'make serve'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
