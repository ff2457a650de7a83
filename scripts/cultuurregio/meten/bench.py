"""Benchmark: how the build grows with the newsletter archive. Prints figures; asserts nothing.

    make bench      (python -m cultuurregio.meten.bench [--sizes 10 100 1000] [--runs 3])

For each N: a copy of the site with N generated Dutch newsletters, built with the real
configuration (strict). Printed: median wall time, peak memory of the build,
seconds per newsletter, size of site/ and of the search index, the time Python-Markdown
alone needs for the same files with the site's extensions (a lower bound) and the ratio,
the bytes Chromium transfers for a first visit to the home page (gzip, from its request
log), and whether search then finds a newsletter. Then what each feature costs per
newsletter at +1000, cold and warm, against its budget (meten/feature_table.py, with the
count of lxml parses per page). At N=100 it also times the editor's
loop: from saving a newsletter to `mkdocs serve` showing it. Then the photos
(meten/photo_bench.py): a phone's first visit to a newsletter with six phone photos, and
the build time per photo, encoded and from the cache. `--without-speedup` builds without
site/speedups/blog_speedup.py, for the before/after comparison.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from cultuurregio.meten import feature_table, photo_bench
from cultuurregio.meten.feature_table import markdown_loop
from cultuurregio.project import project_with_newsletters, read_config
from cultuurregio.publiceren.chromium import CHROMIUM_ARGS, chromium_path
from cultuurregio.publiceren.localserver import SiteServer
from cultuurregio.site import speedups


def timed_build(project: Path, site: Path, speedup: bool = True) -> tuple[float, int]:
    """Wall seconds and peak memory (kB) of one build: the build process and its children,
    not the browser or server this benchmark starts too."""
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, **({} if speedup else {speedups.SWITCH: "uit"})}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "cultuurregio.publiceren.build", "--config-file", str(project / "mkdocs.yml"),
         "--site-dir", str(site)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"de bouw met {project} mislukte")
    return elapsed, usage.ru_maxrss


def first_visit(site: Path, site_url: str) -> tuple[int, bool]:
    """Bytes (gzip, headers included) Chromium transfers for a first visit to the home page,
    counted from its own request log; and whether searching then finds a newsletter."""
    from playwright.sync_api import sync_playwright

    with SiteServer(site, urlsplit(site_url).path) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(server.base, wait_until="networkidle")
        page.wait_for_timeout(500)
        transferred = sum(sum(request.sizes()[key] for key in ("responseBodySize", "responseHeadersSize"))
                          for request in finished)
        page.keyboard.press("/")
        page.locator("input.md-search__input").type("bericht", delay=20)
        try:
            page.wait_for_selector(".md-search-result__link[href*='/bericht-']", state="attached", timeout=60_000)
            found = True
        except PlaywrightTimeout:
            found = False
        browser.close()
    return transferred, found


def editor_loop(project: Path, edits: int = 3) -> float:
    """Seconds from saving a changed newsletter to `make serve` serving it (median)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"}
    post = project / "docs" / "nieuwsbrief" / "posts" / "bench-00000.md"
    url = base + "nieuwsbrief/2019/01/bericht-0/"
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}",
             "--config-file", str(project / "mkdocs.yml")], env=env, stdout=log, stderr=log)
        try:
            _wait_for(url, "Bericht 0", timeout=600)
            times = []
            for edit in range(edits):
                marker = f"Gewijzigd-{edit}-{time.time_ns()}"
                post.write_text(post.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
                start = time.perf_counter()
                _wait_for(url, marker, timeout=600)
                times.append(time.perf_counter() - start)
            return statistics.median(times)
        finally:
            server.terminate()
            server.wait(timeout=30)


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} toonde '{text}' niet binnen {timeout:.0f} s")


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet hoe de bouwtijd groeit met het archief.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--editor-at", type=int, default=100,
                        help="N waarbij de bewerkingslus van make serve gemeten wordt (0: niet)")
    parser.add_argument("--zonder-fotos", action="store_true", help="sla de meting van foto's over")
    parser.add_argument("--onderdelen-bij", type=int, default=1000,
                        help="N waarbij de kosten per onderdeel gemeten worden (0: niet)")
    parser.add_argument("--without-speedup", action="store_true",
                        help=f"bouw zonder site/speedups/blog_speedup.py ({speedups.SWITCH}=uit), ter vergelijking")
    args = parser.parse_args(argv)
    site_url = read_config().site_url
    print(f"{'N':>6} {'s (mediaan)':>12} {'piek MB':>8} {'s/nieuwsbrief':>14} {'site MB':>8} "
          f"{'index kB':>9} {'Markdown s':>11} {'factor':>7} {'1e bezoek kB gz':>16} {'zoeken':>7}")
    for count in args.sizes:
        with tempfile.TemporaryDirectory() as temporary:
            project = project_with_newsletters(Path(temporary) / "project", count)
            site = Path(temporary) / "site"
            runs = [timed_build(project, site, not args.without_speedup) for _ in range(args.runs)]
            seconds = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs) / 1024
            lower = statistics.median(markdown_loop(project, "*.md") for _ in range(args.runs))
            transferred, found = first_visit(site, site_url)
            print(f"{count:>6} {seconds:>12.2f} {peak:>8.0f} {seconds / count:>14.4f} "
                  f"{size(site) / 1e6:>8.1f} {size(site / 'search' / 'search_index.json') / 1e3:>9.0f} "
                  f"{lower:>11.2f} {seconds / lower:>7.1f} {transferred / 1e3:>16.0f} "
                  f"{'vindt' if found else 'NIET':>7}", flush=True)
            if count == args.editor_at:
                editor = editor_loop(project)
                print(f"{'':>6} make serve bij N={count}: een gewijzigde nieuwsbrief staat "
                      f"{editor:.1f} s na het opslaan op de preview (mediaan van 3)", flush=True)
    if args.onderdelen_bij:
        with tempfile.TemporaryDirectory() as temporary:
            feature_table.report(feature_table.measure(args.onderdelen_bij, args.runs, Path(temporary)),
                                 args.onderdelen_bij)
    if not args.zonder_fotos:
        photo_bench.report(timed_build, site_url, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
