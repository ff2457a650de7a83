"""Benchmark of photos: what a phone downloads of a newsletter with six phone photos, and
what a photo costs the build, first (encoded) and again (from the cache). Prints figures;
asserts nothing. Part of `make bench` (cultuurregio.meten.bench).

The photos are made here, like a phone's: 4000 x 3000 pixels to be turned upright
(EXIF orientation 6), a GPS position, noise that compresses as badly as a real scene.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image

from cultuurregio.project import copy_project
from cultuurregio.publiceren.chromium import CHROMIUM_ARGS, chromium_path
from cultuurregio.publiceren.localserver import SiteServer
from cultuurregio.site.common.paths import PHOTO_CACHE

COUNT = 6
PAGE = "nieuwsbrief/2020/05/met-zes-fotos/"


def phone_like(path: Path, seed: int) -> None:
    size = (4000, 3000)
    scene = Image.effect_mandelbrot(size, (-2.0 + seed * 0.1, -1.2, 1.0, 1.2), 60)
    grain = Image.effect_noise(size, 30 + seed)
    image = Image.merge("RGB", [scene, grain, Image.linear_gradient("L").resize(size)])
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x0110] = "Benchmarktelefoon"
    exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 16.0, 0.0), 3: "E", 4: (6.0, 46.0, 0.0)})
    image.save(path, quality=92, exif=exif)


def make_project(target: Path) -> tuple[Path, int]:
    """A copy of the site with one newsletter of six phone photos; and their bytes."""
    copy_project(target)
    posts = target / "docs" / "nieuwsbrief" / "posts"
    parts = []
    for index in range(1, COUNT + 1):
        phone_like(posts / f"telefoon-{index}.jpg", index)
        parts.append(f"![Benchmarkbeeld {index} uit een reeks van zes](telefoon-{index}.jpg)\n"
                     f"/// caption\nFoto: Benchmark\n///\n")
    (posts / "2020-05-met-zes-fotos.md").write_text(
        "---\ndate:\n  created: 2020-05-01\nslug: met-zes-fotos\ndescription: >-\n  Een nieuwsbrief van de "
        "benchmark met zes foto's van een telefoon.\ncategories:\n  - Proces\nauthors:\n  - redactie\n---\n\n"
        "# Zes foto's\n\nHet begin.\n\n<!-- more -->\n\n" + "\n".join(parts), encoding="utf-8")
    return target, sum(p.stat().st_size for p in posts.glob("telefoon-*.jpg"))


def mobile_visit(site: Path, site_url: str, path: str, scale: int) -> tuple[int, int]:
    """Bytes (body and headers) Chromium transfers at 360 px (CSS pixels; `scale` device
    pixels each) for a first visit to `path`: all, and those of the photos."""
    from playwright.sync_api import sync_playwright

    with SiteServer(site, urlsplit(site_url).path) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 740}, device_scale_factor=scale)
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(server.base + path, wait_until="networkidle")
        page.wait_for_timeout(500)
        sizes = {r.url: r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished}
        browser.close()
    return sum(sizes.values()), sum(n for url, n in sizes.items() if "/telefoon-" in url)


def report(timed_build, site_url: str, runs: int) -> None:
    """`timed_build(project, site)` is bench.py's: wall seconds of one whole build."""
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        project, originals = make_project(root / "project")
        site = root / "site"
        cache = project / PHOTO_CACHE
        first, cached = [], []
        for _ in range(runs):
            shutil.rmtree(cache, ignore_errors=True)
            first.append(timed_build(project, site)[0])
            cached.append(timed_build(project, site)[0])
        without = root / "zonder"
        copy_project(without)
        plain = statistics.median(timed_build(without, root / "site-zonder")[0] for _ in range(runs))
        first_s, cached_s = statistics.median(first), statistics.median(cached)
        print(f"\nFoto's: een nieuwsbrief met {COUNT} telefoonfoto's (4000 x 3000, samen {originals / 1e6:.1f} MB)")
        print(f"  bouw zonder foto's {plain:.2f} s; met, eerste keer {first_s:.2f} s, uit de cache {cached_s:.2f} s "
              f"(mediaan van {runs})")
        # From the cache a photo costs about nothing: the difference is within the noise.
        print(f"  per foto: eerste bouw {(first_s - plain) / COUNT:.2f} s, uit de cache "
              f"{(cached_s - plain) / COUNT:+.3f} s")
        for scale in (1, 2):
            total, photos = mobile_visit(site, site_url, PAGE, scale)
            print(f"  eerste bezoek op een telefoon (360 px breed, {scale}x): {total / 1e3:.0f} kB, "
                  f"waarvan foto's {photos / 1e3:.0f} kB", flush=True)
