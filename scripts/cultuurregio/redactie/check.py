"""Check all content: `make check`. The verdict is the strict build's own (site/verdict.py).

Prints every problem at once, one per line as `file:line: message`, then the notes about
stale content ("let op"), and exits non-zero when there is a problem (notes alone do not
count). On GitHub Actions (GITHUB_ACTIONS=true) each problem becomes a workflow command,
`::error file=…,line=…,title=…::…`, which GitHub shows at its line in the pull request's
"Files changed", and the whole list goes to the job summary ($GITHUB_STEP_SUMMARY).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from cultuurregio.site.common.dates import pin_build_moment
from cultuurregio.site.common.problems import Problem
from cultuurregio.site.verdict import Verdict, strict_build

SUMMARY = Path(__file__).parent / "summary"


def workflow_command(kind: str, problem: Problem, title: str) -> str:
    """One GitHub workflow command, escaped as GitHub's toolkit escapes them."""
    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    where = f"file={prop(problem.file)}" + (f",line={problem.line}" if problem.line else "")
    return f"::{kind} {where},title={prop(title)}::{data(problem.message)}"


def summary(verdict: Verdict) -> str:
    """The job summary (Markdown) for GitHub: the whole list, in Dutch."""
    env = Environment(loader=FileSystemLoader(SUMMARY), autoescape=False, trim_blocks=True, lstrip_blocks=True)
    env.filters["cel"] = lambda text: str(text).replace("|", "\\|").replace("\n", " ")
    return env.get_template("controle.md.j2").render(problemen=verdict.problems, waarschuwingen=verdict.warnings)


def report(verdict: Verdict, on_github: bool) -> None:
    for problem in verdict.problems:
        print(workflow_command("error", problem, "Fout in de inhoud") if on_github else problem.as_line())
    for warning in verdict.warnings:
        print(workflow_command("warning", warning, "Let op") if on_github else warning.as_line("let op: "))
    if on_github and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as file:
            file.write(summary(verdict))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Controleer alle inhoud: het oordeel van de strikte bouw.")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, help="bewaar de gebouwde site hier (anders tijdelijk)")
    args = parser.parse_args(argv)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    # The same day as `make build` and the deploy (README, "Bouwdatum").
    pin_build_moment(args.config_file.resolve().parent)
    with tempfile.TemporaryDirectory() as temporary:
        site_dir = args.site_dir.resolve() if args.site_dir else Path(temporary) / "site"
        verdict = strict_build(args.config_file.resolve(), site_dir)
    report(verdict, os.environ.get("GITHUB_ACTIONS") == "true")
    count = len(verdict.problems)
    if count and args.site_dir:
        # A half-built site must not be kept as if it were the change's (nor be uploaded).
        shutil.rmtree(args.site_dir, ignore_errors=True)
    if count:
        print(f"\n{count} {'probleem' if count == 1 else 'problemen'} gevonden; pas ze aan en "
              "draai 'make check' opnieuw.", file=sys.stderr)
        return 1
    notes = f" ({len(verdict.warnings)} keer 'let op' hierboven)" if verdict.warnings else ""
    print(f"Alles in orde: de site bouwt zonder fouten{notes}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
