"""Which published pages a change moves: the base branch built with its own code, compared
with the change's site, for the pull request's summary on GitHub (.github/workflows/check.yml).

    python -m cultuurregio.redactie.changes --basis ../basis site

`--basis` is a checkout of the base branch (a `git worktree`). It is built in a process of
its own with its own `scripts/` first on the import path, so a change to the code or the
templates is compared with the code before it, not with itself. Both builds share one
build moment (site/common/dates.py). Prints Markdown: each HTML page that is new, gone or
different, with its published address; a base that does not build is said in Dutch.

    python -m cultuurregio.redactie.changes --basis ../basis --voorbeeld 12 voorbeeld

compares pull request 12's preview (site/common/preview.py) with the base built as the same
preview, so scheduled newsletters count too, and gives each page its preview address as well.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from cultuurregio.project import ROOT, read_config
from cultuurregio.site.common.dates import pin_build_moment
from cultuurregio.site.common.paths import PDF_STAGED
from cultuurregio.site.common.preview import VARIABLE as PREVIEW_VARIABLE
from cultuurregio.site.common.preview import Preview

SUMMARY = Path(__file__).parent / "summary"
# How many of the base build's problems the summary repeats.
SHOWN_PROBLEMS = 5


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


def build_base(checkout: Path, site_dir: Path, preview: Preview | None = None) -> list[str]:
    """Build the base checkout with its own code; the problems it reported (none: it built)."""
    environment = {**os.environ,
                   "PYTHONPATH": os.pathsep.join(filter(None, [str(checkout / "scripts"),
                                                               os.environ.get("PYTHONPATH")]))}
    environment.pop(PREVIEW_VARIABLE, None)
    if preview:
        environment[PREVIEW_VARIABLE] = str(preview.number)
        # The preview links the profile PDF it printed; the base links the same one, so the
        # profile page differs only where the change changes it.
        if (ROOT / PDF_STAGED).is_file():
            (checkout / PDF_STAGED).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / PDF_STAGED, checkout / PDF_STAGED)
    result = subprocess.run([sys.executable, "-m", "cultuurregio.publiceren.build", "--config-file",
                             str(checkout / "mkdocs.yml"), "--site-dir", str(site_dir)],
                            capture_output=True, text=True, env=environment, cwd=checkout, check=False)
    if result.returncode == 0:
        return []
    problems = [line[4:] for line in result.stderr.splitlines() if line.startswith("  - ")]
    return problems or [line for line in result.stderr.splitlines() if line.strip()][-1:] or ["(geen uitvoer)"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Welke gepubliceerde pagina's deze wijziging verandert.")
    parser.add_argument("--basis", type=Path, required=True, help="een checkout van de basis (main)")
    parser.add_argument("gewijzigd", type=Path, help="de site gebouwd uit deze wijziging")
    parser.add_argument("--voorbeeld", type=int, help="het nummer van de pull request met een voorbeeld")
    args = parser.parse_args(argv)
    pin_build_moment(ROOT)
    config = read_config()
    site_url = config.site_url
    env = Environment(loader=FileSystemLoader(SUMMARY), autoescape=False, trim_blocks=True, lstrip_blocks=True)
    env.filters["adres"] = lambda page: address(site_url, page)
    preview = Preview(args.voorbeeld, config.repo_url) if args.voorbeeld else None
    env.globals["voorbeeld"] = preview.address(site_url) if preview else None
    env.filters["voorbeeldadres"] = lambda page: address(preview.address(site_url), page)
    with tempfile.TemporaryDirectory() as temporary:
        base_site = Path(temporary) / "site"
        base_problems = build_base(args.basis.resolve(), base_site, preview)
        print(env.get_template("wijzigingen.md.j2").render(
            soorten=changed_pages(base_site, args.gewijzigd), basis_problemen=base_problems[:SHOWN_PROBLEMS],
            basis_aantal=len(base_problems), artefact=args.gewijzigd.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
