"""Which published pages a change moves: two built sites compared, for the pull request's
summary on GitHub (.github/workflows/check.yml).

    python -m cultuurregio.redactie.changes BASE_SITE CHANGED_SITE

Prints Markdown: each HTML page that is new, gone or different, with its published address.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from cultuurregio.project import read_config

SUMMARY = Path(__file__).parent / "summary"


def pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))} \
        if site.is_dir() else {}


def changed_pages(base: Path, changed: Path) -> dict[str, list[str]]:
    """HTML pages by what happened to them: 'nieuw', 'anders', 'weg'."""
    before, after = pages(base), pages(changed)
    return {
        "nieuw": sorted(set(after) - set(before)),
        "anders": sorted(p for p in set(after) & set(before) if after[p] != before[p]),
        "weg": sorted(set(before) - set(after)),
    }


def address(site_url: str, page: str) -> str:
    return site_url + page.removesuffix("index.html")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Welke gepubliceerde pagina's deze wijziging verandert.")
    parser.add_argument("basis", type=Path, help="de site gebouwd uit de basis (main)")
    parser.add_argument("gewijzigd", type=Path, help="de site gebouwd uit deze wijziging")
    args = parser.parse_args(argv)
    site_url = read_config().site_url
    env = Environment(loader=FileSystemLoader(SUMMARY), autoescape=False, trim_blocks=True, lstrip_blocks=True)
    env.filters["adres"] = lambda page: address(site_url, page)
    print(env.get_template("wijzigingen.md.j2").render(
        soorten=changed_pages(args.basis, args.gewijzigd), basis_gebouwd=args.basis.is_dir()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
