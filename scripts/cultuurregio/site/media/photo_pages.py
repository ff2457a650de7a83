"""The photos of one build, from the images in docs/ to what each page shows (the events in
hooks.py call this).

Each page's images are checked (site/media/image_checks.py); a page without problems gets its
photos as <picture> elements that open larger (overrides/content/foto.html); the first
photo of a page is what a shared link shows; the feed gets plain images; the originals are
removed from site/ at the end.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from cultuurregio.site.common.paths import PHOTO_CACHE, caches_enabled
from cultuurregio.site.common.problems import Problem
from cultuurregio.site.common.templates import environment
from cultuurregio.site.media.image_checks import RASTER, UNPUBLISHABLE, check_images, readable
from cultuurregio.site.media.photos import Counts, Photo, publish, rewrite, rewrite_tree

IMAGE_SUFFIXES = RASTER | set(UNPUBLISHABLE)
OWN_FILES = ("assets/", "beheer/")


class PhotoPages:
    def __init__(self, config, files):
        self.project = Path(config.config_file_path).parent
        self.site = Path(config.site_dir)
        # The images in docs/ by their address in the site, as every plugin left them in
        # on_files (the blog moves a newsletter's images out of its posts folder).
        # docs/assets/ is the site's own (logo, the feed's image), docs/beheer/ the web editor's
        # (made by make beheer-bijwerken): published as they are, and no reason to look for
        # photos in every page.
        self.images = {file.url: Path(file.abs_src_path) for file in files.media_files()
                       if Path(file.src_uri).suffix.lower() in IMAGE_SUFFIXES
                       and not file.src_uri.startswith(OWN_FILES)}
        self.any_photo = any(path.suffix.lower() in RASTER for path in self.images.values())
        # BOUWCACHE=uit: every photo encoded anew, in a folder for this build only.
        self.cache = self.project / PHOTO_CACHE if caches_enabled() else Path(tempfile.mkdtemp(prefix="fotos-"))
        self.photos: dict[str, Photo] = {}
        self.counts = Counts()
        self.first: dict[str, dict] = {}
        self.picture = environment(self.project / "overrides" / "content").get_template("foto.html")

    def photo_at(self, url: str) -> Photo | None:
        """The published photo for an image's address in the site (made on first use)."""
        source = self.images.get(url)
        if source is None or source.suffix.lower() not in RASTER:
            return None
        # A broken file is reported at its reference (check_images); the blog's excerpts
        # reach here without that check.
        if url not in self.photos and not readable(source):
            return None
        if url not in self.photos:
            self.photos[url] = publish(source, self.site / url.rpartition("/")[0], self.cache,
                                       self.counts)
        return self.photos[url]

    def page_content(self, root, page) -> tuple[bool, list[Problem]]:
        """A page's own content (one tree: site/common/fragments.py): its images checked, then
        its photos published, in place; whether any was, and the problems."""
        problems = check_images(root, page.url, Path(page.file.abs_src_path), f"docs/{page.file.src_uri}",
                                self.images)
        if problems:
            return False, problems

        def seen(url: str, photo: Photo, alt: str) -> None:
            if page.url not in self.first and alt:
                card = photo.width(1200)
                self.first[page.url] = {"pad": url.rpartition("/")[0] + "/" + card.name, "alt": alt,
                                        "breedte": card.width, "hoogte": card.height}

        return rewrite_tree(root, page.url, self.photo_at, self.picture.render, seen), []

    def page_output(self, output: str, page) -> str:
        """The blog renders excerpts of newsletters without on_page_content: their photos too.
        (Every page has images, the logo at least; without photos there is nothing to do.)"""
        return rewrite(output, page.url, self.photo_at, self.picture.render) if self.any_photo else output

    def share_image(self, page_url: str) -> dict | None:
        """The page's first described photo at 1200 px, for a shared link (Open Graph)."""
        return self.first.get(page_url)

    def in_feed(self, site_url: str, address: str) -> str | None:
        """For an original image's absolute address, its published photo's (the feed items)."""
        photo = self.photos.get(address.removeprefix(site_url)) if address.startswith(site_url) else None
        if photo is None:
            return None
        return address.rpartition("/")[0] + "/" + photo.default.name

    def remove_originals(self) -> None:
        """Originals are never published, only the photos made from them."""
        for url, source in self.images.items():
            if source.suffix.lower() in RASTER:
                (self.site / url).unlink(missing_ok=True)
        if not caches_enabled():
            shutil.rmtree(self.cache, ignore_errors=True)
