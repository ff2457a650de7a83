"""Where a build's seconds go: one build under cProfile, summed into the phases below.

    python -m cultuurregio.meten.phases PROJECT_DIR    (make bench prints it at the largest N)

A phase is the cumulative time of the function that makes it. Profiling doubles the
build's time, evenly enough for the shares to hold.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import tempfile
from pathlib import Path

# (phase, file ending, function). Phases may hold others (a page's template holds the
# navigation), so the rows do not add up to the whole.
PHASES = [
    ("inhoud controleren (check_site)", "site/guards/validation.py", "check_site"),
    ("blog: berichten lezen (on_files)", "blog/plugin.py", "on_files"),
    ("Markdown-objecten maken", "markdown/core.py", "__init__"),
    ("pagina's: Markdown naar HTML", "mkdocs/structure/pages.py", "render"),
    ("uittreksels in overzichten", "blog/plugin.py", "_render_post"),
    ("paginasjablonen (Jinja, alles)", "jinja2/environment.py", "render"),
    ("  navigatie (partials/nav.html)", "partials/nav.html", "root"),
    ("  kop (partials/header.html)", "partials/header.html", "root"),
    ("zoekindex per pagina", "search/plugin.py", "on_page_context"),
    ("feed afmaken (finish_feed)", "site/outputs/feeds.py", "finish_feed"),
    ("categoriefeeds", "site/outputs/category_feeds.py", "write_category_feeds"),
    ("zoekwoorden vouwen", "site/outputs/search_index.py", "add_folded_words"),
    ("pagina's schrijven", "mkdocs/utils/__init__.py", "write_file"),
]


def _cumulative(stats: pstats.Stats) -> dict[tuple[str, str], float]:
    totals: dict[tuple[str, str], float] = {}
    for (filename, _, function), (_, _, _, cumulative, _) in stats.stats.items():
        for _, ending, name in PHASES:
            if function == name and filename.endswith(ending):
                key = (ending, name)
                totals[key] = totals.get(key, 0.0) + cumulative
    return totals


def profile(config_file: Path) -> tuple[float, list[tuple[str, float]]]:
    """The whole build's seconds (profiled) and each phase's."""
    from cultuurregio.site.verdict import strict_build

    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as site:
        profiler.enable()
        strict_build(config_file, Path(site))
        profiler.disable()
    stats = pstats.Stats(profiler)
    totals = _cumulative(stats)
    return stats.total_tt, [(label, totals.get((ending, name), 0.0)) for label, ending, name in PHASES]


def report(config_file: Path) -> None:
    # Cumulative times of nested phases overlap (a page's render holds its navigation), so
    # each row is a share of the whole, not a slice of a sum.
    total, phases = profile(config_file)
    print(f"\nWaar de tijd heen gaat (een bouw onder cProfile, {total:.1f} s; fasen kunnen elkaar bevatten):")
    for label, seconds in phases:
        print(f"  {label:<40} {seconds:>7.2f} s  {100 * seconds / total:>4.0f} %")


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    report(Path(sys.argv[1]) / "mkdocs.yml")
