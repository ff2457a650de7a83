"""What each feature costs per newsletter, cold and warm, against the plain Markdown loop
(make bench prints it; meten/costs.py does the measuring in each build).

    python -m cultuurregio.meten.feature_table [--count 1000] [--runs 3]

Builds a copy of the site without and with `count` generated newsletters, each cold (no
.cache/) and then warm (a second build with the first's .cache/), `runs` times. A feature's
cost per newsletter is its time in the larger build less its time in the smaller, divided
by `count`: the median over the runs. The ratio divides that by the time Python-Markdown
alone takes for the same newsletters in the same run. budgetten.toml, next to this file,
holds each feature's budget; a feature over it is named. A benchmark: it prints, it does
not fail (README, "Snelheid").
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import markdown
from mkdocs.config import load_config

from cultuurregio.meten.costs import MKDOCS
from cultuurregio.project import project_with_newsletters

BUDGETS = Path(__file__).with_name("budgetten.toml")
# The bars (#32): a cold build's added cost at most 7 times the loop, a warm one's 5.
BARS = {"koud": 7.0, "warm": 5.0}


def measured_build(project: Path, site: Path, env: dict[str, str] | None = None) -> dict:
    """One build in a child process with the clocks of meten/costs.py: its figures, the wall
    time and the peak memory (kB) of the child."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "cultuurregio.meten.costs", "--config-file", str(project / "mkdocs.yml"),
             "--site-dir", str(site), "--json", out.name], env={**os.environ, **(env or {})},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status):
            raise SystemExit(f"de bouw met {project} mislukte")
        figures = json.loads(Path(out.name).read_text(encoding="utf-8"))
    return {**figures, "wall": time.perf_counter() - start, "peak_kb": usage.ru_maxrss}


def markdown_loop(project: Path, pattern: str = "bench-*.md") -> float:
    """Python-Markdown alone over the files of docs/ that match `pattern` (by default the
    generated newsletters), with the site's extensions (as MkDocs configures them:
    mkdocs.yml's list plus MkDocs' defaults), a new converter per file as MkDocs makes one
    per page."""
    config = load_config(str(project / "mkdocs.yml"))
    options = {"extensions": config.markdown_extensions, "extension_configs": config.mdx_configs}
    texts = [p.read_text(encoding="utf-8") for p in sorted((project / "docs").rglob(pattern))]
    start = time.perf_counter()
    for text in texts:
        markdown.markdown(text, **options)
    return time.perf_counter() - start


def cold_and_warm(project: Path, site: Path) -> dict[str, dict]:
    shutil.rmtree(project / ".cache", ignore_errors=True)
    return {"koud": measured_build(project, site), "warm": measured_build(project, site)}


def measure(count: int, runs: int, workdir: Path) -> dict:
    base = project_with_newsletters(workdir / "basis", 0)
    grown = project_with_newsletters(workdir / f"plus-{count}", count)
    results: dict = {"basis": [], "groot": [], "lus": []}
    for _ in range(runs):
        results["basis"].append(cold_and_warm(base, workdir / "site-basis"))
        results["groot"].append(cold_and_warm(grown, workdir / "site-groot"))
        results["lus"].append(markdown_loop(grown))
    return results


def per_newsletter(results: dict, count: int, mode: str) -> dict[str, float]:
    """Seconds each feature adds per newsletter (median over the runs)."""
    features = {name for run in results["groot"] for name in run[mode]["features"]}
    return {name: statistics.median(
        (big[mode]["features"].get(name, 0.0) - small[mode]["features"].get(name, 0.0)) / count
        for big, small in zip(results["groot"], results["basis"], strict=True)) for name in features}


def report(results: dict, count: int) -> list[str]:
    """Prints the table; returns the features over budget."""
    budgets = tomllib.loads(BUDGETS.read_text(encoding="utf-8"))
    loop = statistics.median(results["lus"]) / count
    cold, warm = per_newsletter(results, count, "koud"), per_newsletter(results, count, "warm")
    over = []
    print(f"\nWat elk onderdeel per nieuwsbrief kost (+{count} nieuwsbrieven, mediaan van {len(results['lus'])}; "
          f"Markdown-lus: {loop * 1000:.2f} ms per nieuwsbrief):")
    print(f"  {'onderdeel':<46} {'koud ms':>8} {'warm ms':>8} {'× lus k':>8} {'× lus w':>8} {'budget k/w':>11}")
    for name in sorted(cold, key=lambda n: (n == MKDOCS, -cold[n])):
        budget = budgets.get(name, {})
        flags = [mode for mode, figure in (("koud", cold[name]), ("warm", warm.get(name, 0.0)))
                 if figure * 1000 > budget.get(mode, float("inf"))]
        if flags or not budget:
            over.append(name)
        mark = ("  BOVEN BUDGET (" + ", ".join(flags) + ")") if flags else ("  GEEN BUDGET" if not budget else "")
        print(f"  {name:<46} {cold[name] * 1000:>8.2f} {warm.get(name, 0.0) * 1000:>8.2f} {cold[name] / loop:>8.2f} "
              f"{warm.get(name, 0.0) / loop:>8.2f} {budget.get('koud', 0):>5.1f}/{budget.get('warm', 0):<5.1f}{mark}")
    for mode in ("koud", "warm"):
        added = statistics.median(big[mode]["seconds"] - small[mode]["seconds"]
                                  for big, small in zip(results["groot"], results["basis"], strict=True))
        ratio = added / (loop * count)
        print(f"  hele bouw, {mode}: {added:.1f} s erbij = {ratio:.2f} × de Markdown-lus "
              f"({'binnen' if ratio <= BARS[mode] else 'BOVEN'} de grens van {BARS[mode]:g}×)")
    for mode in ("koud", "warm"):
        big = results["groot"][-1][mode]
        parses = big["parses"]
        print(f"  lxml, {mode}: {parses['pages']} keer een pagina-inhoud ontleed bij {big['pages']} pagina's, "
              f"hoogstens {parses['most_for_one_page']} keer voor één pagina, {parses['after_pages']} keer na de "
              f"pagina's; {parses['template_fragments']} sjabloonfragmenten (video, foto)")
    missing = results["groot"][-1]["koud"].get("missing")
    if missing:
        print("  Niet gemeten (bestaat niet in deze versie): " + ", ".join(missing))
    print("  Boven budget: " + (", ".join(over) if over else "niets"))
    return over


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Wat elk onderdeel van de bouw kost per nieuwsbrief.")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        report(measure(args.count, args.runs, Path(workdir)), args.count)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())
