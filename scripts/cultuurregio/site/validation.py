"""Every check of the content, run before anything renders: by the build (hooks.py,
`on_config`) and by the editors' `make check` alike, so both give the same verdict."""

from __future__ import annotations

from pathlib import Path

from cultuurregio.site.content import Content, load_content
from cultuurregio.site.newsletters import check_newsletters, check_theme_categories
from cultuurregio.site.problems import ContentError, Problem


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


def check_site(config) -> tuple[Content | None, list[Problem]]:
    """`check_everything` for a loaded MkDocs configuration (categories from the blog plugin)."""
    project = Path(config.config_file_path).parent
    categories = config.plugins["material/blog"].config.categories_allowed
    return check_everything(project, Path(config.docs_dir), categories)


def missing_theme_pages(content: Content, docs: Path) -> list[Problem]:
    return [
        Problem("data/themas.yml", None, f"thema '{item['slug']}' heeft geen pagina; maak "
                f"docs/themas/{item['slug']}.md (kopieer een bestaande themapagina)")
        for item in content.themas
        if not (docs / "themas" / f"{item['slug']}.md").is_file()
    ]
