"""Check every newsletter's front matter before the blog and feed plugins read it.

Material's blog plugin and the RSS plugin have their own checks, in English and without
line numbers; these run first and speak Dutch. The allowed categories are the blog
plugin's own `categories_allowed`, so mkdocs.yml stays the one place that lists them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cultuurregio.site.common.problems import Problem
from cultuurregio.site.content.passed_checks import PassedChecks
from cultuurregio.site.content.schema import validate
from cultuurregio.site.content.yamlfile import read_front_matter, read_yaml

POSTS = Path("nieuwsbrief") / "posts"
AUTHORS = Path("nieuwsbrief") / ".authors.yml"


def check_newsletters(docs_dir: Path, allowed_categories: list[str], separator: str,
                      checks: PassedChecks | None = None) -> tuple[list[Problem], dict[str, dt.date], dict[str, int]]:
    """Every problem in the newsletters, each correct newsletter's date (by its path in docs/),
    for scheduling, and the line of `automatisch_versturen: true` in those that go out by
    themselves. `checks`: the front matter that passed before (passed_checks.py)."""
    problems: list[Problem] = []
    dates: dict[str, dt.date] = {}
    automatic: dict[str, int] = {}
    authors_name = f"docs/{AUTHORS.as_posix()}"
    authors_file, found = read_yaml(docs_dir / AUTHORS, authors_name)
    problems += found
    authors = sorted((authors_file.data or {}).get("authors", {})) if authors_file else []

    slugs: dict[tuple[str, str], str] = {}
    for path in sorted((docs_dir / POSTS).rglob("*.md")):
        name = f"docs/{path.relative_to(docs_dir).as_posix()}"
        document, found = read_front_matter(path, name)
        problems += found
        if document is None:
            continue
        schema_problems = (checks.validate if checks else validate)(document, "nieuwsbrief")
        problems += schema_problems
        if schema_problems:
            continue
        meta = document.data

        def problem(field: tuple, message: str, found: list = problems, name: str = name, document=document) -> None:
            found.append(Problem(name, document.line(field), message))

        for index, category in enumerate(meta["categories"]):
            if category not in allowed_categories:
                problem(("categories", index), f"categorie '{category}' bestaat niet (kies uit: "
                        f"{', '.join(allowed_categories)}); een nieuwe categorie kan in "
                        "mkdocs.yml bij categories_allowed")
        for index, author in enumerate(meta["authors"]):
            if author not in authors:
                problem(("authors", index), f"auteur '{author}' bestaat niet (kies uit: "
                        f"{', '.join(authors)}); auteurs staan in {authors_name}")
        created = dt.date.fromisoformat(meta["date"]["created"])
        updated = meta["date"].get("updated")
        updated = dt.date.fromisoformat(updated) if updated else None
        if updated and updated < created:
            problem(("date", "updated"), f"updated ({updated}) ligt vóór created ({created})")
        if separator not in document.body:
            first_text = document.body_line + len(document.body) - len(document.body.lstrip("\n"))
            problems.append(Problem(name, first_text, f"de regel {separator} ontbreekt; zet hem onder "
                                    "de inleiding: wat erboven staat, komt in het overzicht van alle nieuwsbrieven"))
        # Permanent addresses are /nieuwsbrief/JJJJ/MM/<slug>/: two posts may not share one.
        key = (created.strftime("%Y-%m"), meta["slug"])
        if key in slugs:
            problem(("slug",), f"slug '{meta['slug']}' gebruikt {slugs[key]} al in dezelfde "
                    "maand; kies een andere")
        slugs[key] = name
        dates[path.relative_to(docs_dir).as_posix()] = created
        if meta.get("automatisch_versturen") and not meta.get("draft"):
            automatic[path.relative_to(docs_dir).as_posix()] = document.line(("automatisch_versturen",))
    return problems, dates, automatic


def check_theme_categories(theme_names: list[str], allowed_categories: list[str]) -> list[Problem]:
    """Every theme must be a category, so a newsletter about one theme can say so."""
    return [
        Problem("mkdocs.yml", None, f"thema '{name}' staat niet in categories_allowed van de "
                "blog-plugin; voeg het daar toe")
        for name in theme_names
        if name not in allowed_categories
    ]
