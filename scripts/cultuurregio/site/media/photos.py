"""Photos as a visitor gets them: a few widths, WebP with a JPEG (or, with transparency,
PNG) fallback, turned upright, in sRGB, and without any metadata (EXIF, XMP, IPTC, maker
notes, GPS). The original is never published.

Encoding is the slow part, so every set of variants is kept in a cache by the hash of the
original's bytes and the recipe below (`.cache/fotos/`, ignored by git): `make serve` and
repeated builds encode only photos that changed. The same original gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from PIL import Image, ImageCms, ImageOps

from cultuurregio.site.common.fragments import replace_with

# 1200: what a shared link's preview (Open Graph) asks for.
WIDTHS = (480, 960, 1200, 1600)
WEBP_QUALITY = 76
# libwebp's effort: 6 makes files about 1.5 % smaller than 5 in 2.5 times the time
# (measured with make bench's phone photos).
WEBP_METHOD = 5
JPEG_QUALITY = 80
# Change when the recipe changes: cached variants of the old recipe are then not reused.
RECIPE = f"1-{WIDTHS}-{WEBP_QUALITY}-{WEBP_METHOD}-{JPEG_QUALITY}"
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@dataclass(frozen=True)
class Variant:
    name: str  # file name, next to where the original would have been published
    format: str  # "webp", "jpeg" or "png"
    width: int
    height: int


@dataclass
class Photo:
    variants: list[Variant]

    def of(self, format_: str) -> list[Variant]:
        return [v for v in self.variants if v.format == format_]

    @property
    def fallback(self) -> list[Variant]:
        return self.of("jpeg") or self.of("png")

    @property
    def largest(self) -> Variant:
        return self.fallback[-1]

    def width(self, wanted: int) -> Variant:
        """The fallback closest to `wanted` pixels wide (no wider than the original)."""
        return min(self.fallback, key=lambda v: abs(v.width - wanted))

    @property
    def default(self) -> Variant:
        """For a browser that picks nothing, and for feed readers: at most 960 wide."""
        return [v for v in self.fallback if v.width <= 960][-1]


@dataclass
class Counts:
    encoded: int = 0
    cached: int = 0


def _upright_srgb(image: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(image)
    icc = image.info.get("icc_profile")
    alpha = "A" in image.getbands() or "transparency" in image.info
    mode = "RGBA" if alpha else "RGB"
    if icc:
        image = ImageCms.profileToProfile(image.convert(mode), ImageCms.ImageCmsProfile(io.BytesIO(icc)), SRGB,
                                          outputMode=mode)
    return image.convert(mode)


def _encode(source: Path, stem: str, folder: Path) -> None:
    with Image.open(source) as original:
        image = _upright_srgb(original)
    width, height = image.size
    alpha = image.mode == "RGBA"
    widths = sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})
    for target in widths:
        scaled = image if target == width else image.resize((target, round(height * target / width)),
                                                            Image.Resampling.LANCZOS)
        # Saved without exif=, icc_profile= or xmp=: nothing of the original's metadata.
        scaled.save(folder / f"{stem}-{target}.webp", "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
        if alpha:
            scaled.save(folder / f"{stem}-{target}.png", "PNG", optimize=True)
        else:
            scaled.save(folder / f"{stem}-{target}.jpeg", "JPEG", quality=JPEG_QUALITY, optimize=True,
                        progressive=True)


def _variants(folder: Path) -> list[Variant]:
    variants = []
    for path in sorted(folder.iterdir()):
        with Image.open(path) as image:
            variants.append(Variant(path.name, path.suffix[1:], *image.size))
    return sorted(variants, key=lambda v: (v.format, v.width))


def publish(source: Path, target: Path, cache: Path, counts: Counts) -> Photo:
    """The variants of `source`, written into the folder `target` of the site."""
    # The name too: the variants carry it.
    key = hashlib.sha256(f"{RECIPE}/{source.name}/".encode() + source.read_bytes()).hexdigest()[:32]
    folder = cache / key
    if folder.is_dir():
        counts.cached += 1
    else:
        staging = cache / f".{key}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        _encode(source, source.stem, staging)
        staging.rename(folder)
        counts.encoded += 1
    target.mkdir(parents=True, exist_ok=True)
    for path in folder.iterdir():
        shutil.copyfile(path, target / path.name)
    return Photo(_variants(folder))


IMG = re.compile(r"<img\b[^>]*>")
# A video's poster (site/media/video.py) does not open larger: its action is playing the video.
NOT_ENLARGED = "cr-video__poster"


class _Pictures:
    """The <picture> of each published photo on one page, in its order: the first loaded at
    once and the others when they come near (lazy); one that is not a link already opens
    larger (`vergroten`). `seen` hears of each photo (its address in the site, the photo,
    its alt text)."""

    def __init__(self, page_url: str, photo_at: Callable[[str], Photo | None], render: Callable[..., str],
                 seen: Callable[[str, Photo, str], None]) -> None:
        self.page_url, self.photo_at, self.render, self.seen = page_url, photo_at, render, seen
        self.first = True

    def picture(self, src: str, alt: str, classes: list[str], in_link: bool) -> str | None:
        """The <picture> for an <img> (its attributes), or None if it is not a published photo."""
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        url = site_path(self.page_url, unquote(parts.path))
        photo = self.photo_at(url)
        if photo is None:
            return None
        self.seen(url, photo, alt)
        lazy, self.first = not self.first, False
        return self.render(photo=photo, base=src[: src.rfind("/") + 1], alt=alt, klasse=" ".join(classes),
                           lazy=lazy, vergroten=not in_link and NOT_ENLARGED not in classes)


def rewrite(html: str, page_url: str, photo_at: Callable[[str], Photo | None],
            render: Callable[..., str], seen: Callable[[str, Photo, str], None] = lambda *_: None) -> str:
    """Each <img> of a published photo in `html` as a <picture> (`render`, a Jinja template):
    for what no step has parsed, the blog's excerpts in a finished page."""
    pictures = _Pictures(page_url, photo_at, render, seen)

    def replace(found: re.Match) -> str:
        image = BeautifulSoup(found.group(0), "html.parser").img
        in_link = html.rfind("<a ", 0, found.start()) > html.rfind("</a>", 0, found.start())
        picture = pictures.picture(image.get("src", ""), image.get("alt", ""), image.get("class", []), in_link)
        return found.group(0) if picture is None else picture

    return IMG.sub(replace, html) if "<img" in html else html


def rewrite_tree(root, page_url: str, photo_at: Callable[[str], Photo | None],
                 render: Callable[..., str], seen: Callable[[str, Photo, str], None] = lambda *_: None) -> bool:
    """Each <img> of a published photo in a page's content (one tree: site/common/fragments.py)
    as a <picture>, in place; whether there was one."""
    pictures, changed = _Pictures(page_url, photo_at, render, seen), False
    for image in list(root.iter("img")):
        in_link = any(ancestor.tag == "a" for ancestor in image.iterancestors())
        picture = pictures.picture(image.get("src", ""), image.get("alt", ""), image.get("class", "").split(), in_link)
        if picture is not None:
            replace_with(image, picture)
            changed = True
    return changed


def site_path(page_url: str, relative: str) -> str:
    """`relative`, a link on the page at `page_url` (MkDocs: "", "a/b/" or "404.html"), as a
    path in the site."""
    folder = page_url if page_url.endswith("/") else page_url.rpartition("/")[0] + "/"
    parts: list[str] = []
    for part in (folder + relative).split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)
