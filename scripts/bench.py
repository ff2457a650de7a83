"""Benchmark: how the build grows with the newsletter archive. Prints figures; asserts nothing.

    python -m scripts.bench [--sizes 10 100 1000] [--runs 3]      (make bench)

For each N: a copy of the site with N generated Dutch newsletters, built with the real
configuration (strict). Printed: median wall time, peak memory (largest build so far), seconds per newsletter,
size of site/ and of the search index, the time a plain Python-Markdown loop needs for
the same files (a lower bound), and the gzip bytes of a first visit to the home page
(the HTML and everything it loads).
"""

from __future__ import annotations

import argparse
import gzip
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown

from scripts.project import copy_project

WORDS = ("cultuur", "Twente", "gemeenten", "werkgroep", "samenwerking", "theater", "museum",
         "muziek", "erfgoed", "bibliotheek", "jongeren", "festival", "ideeën", "vereniging")


def newsletter(index: int) -> str:
    year, month = 2019 + index // 336, 1 + (index // 28) % 12
    day = 1 + index % 28
    body = "\n\n".join(
        " ".join(WORDS[(index + k * 3 + j) % len(WORDS)] for j in range(60)) + "."
        for k in range(6))
    return (f"---\ndate:\n  created: {year}-{month:02d}-{day:02d}\nslug: bericht-{index}\n"
            f"description: >-\n  Nieuwsbrief nummer {index} van de benchmark, over cultuur in Twente.\n"
            f"categories:\n  - Proces\nauthors:\n  - redactie\n---\n\n# Bericht {index}\n\n"
            f"Inleiding van bericht {index}.\n\n<!-- more -->\n\n## Onderwerp\n\n{body}\n")


def make_project(target: Path, count: int) -> Path:
    copy_project(target)
    posts = target / "docs" / "nieuwsbrief" / "posts"
    for index in range(count):
        (posts / f"bench-{index:05d}.md").write_text(newsletter(index), encoding="utf-8")
    return target


def timed_build(project: Path, site: Path) -> tuple[float, int]:
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "scripts.build", "--config-file", str(project / "mkdocs.yml"),
                    "--site-dir", str(site)], check=True, capture_output=True)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak_kb


def markdown_loop(project: Path) -> float:
    files = sorted((project / "docs").rglob("*.md"))
    start = time.perf_counter()
    for path in files:
        markdown.markdown(path.read_text(encoding="utf-8"), extensions=["toc", "tables", "attr_list"])
    return time.perf_counter() - start


def first_visit_gzip(site: Path) -> int:
    """The home page, the files its HTML asks for (stylesheets, scripts, icons), and what
    Material's script fetches at startup: the search worker and the whole search index."""
    html = (site / "index.html").read_text(encoding="utf-8")
    refs = set(re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js|svg|json))"', html))
    refs |= set(re.findall(r'"search": "([^"]+\.js)"', html)) | {"search/search_index.json"}
    total = len(gzip.compress(html.encode(), mtime=0))
    for ref in refs:
        path = site / ref
        if path.is_file():
            total += len(gzip.compress(path.read_bytes(), mtime=0))
    return total


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet hoe de bouwtijd groeit met het archief.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'N':>6} {'s (mediaan)':>12} {'piek MB':>8} {'s/nieuwsbrief':>14} {'site MB':>8} "
          f"{'index kB':>9} {'Markdown s':>11} {'factor':>7} {'1e bezoek kB gz':>16}")
    for count in args.sizes:
        with tempfile.TemporaryDirectory() as temporary:
            project = make_project(Path(temporary) / "project", count)
            site = Path(temporary) / "site"
            runs = [timed_build(project, site) for _ in range(args.runs)]
            seconds = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs) / 1024
            lower = statistics.median(markdown_loop(project) for _ in range(args.runs))
            print(f"{count:>6} {seconds:>12.2f} {peak:>8.0f} {seconds / count:>14.4f} "
                  f"{size(site) / 1e6:>8.1f} {size(site / 'search' / 'search_index.json') / 1e3:>9.0f} "
                  f"{lower:>11.2f} {seconds / lower:>7.1f} {first_visit_gzip(site) / 1e3:>16.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
