"""Images on a page: described, credited, publishable, and without private data.

WCAG 1.1.1 wants a text alternative for every image that carries meaning, the Auteurswet
wants the maker named (the AVG part, no location or other metadata, is photos.py's: the
original is never published, only new files without metadata). Checked
on the page as MkDocs renders it (hooks.py, `on_page_content`), so the alt text and the
caption are read as a browser will get them, whatever syntax the editor used:

    ![Twee dansers op het podium van de Schouwburg](dansers.jpg)
    /// caption
    Foto: Naam van de fotograaf
    ///

A purely decorative image says so: `![](rand.png){ .decoratief }`.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image

from cultuurregio.site.common.problems import Problem, line_in_page
from cultuurregio.site.media.photos import site_path

RASTER = {".jpg", ".jpeg", ".png", ".webp", ".gif"}
# Formats a browser cannot show, and what to do instead.
UNPUBLISHABLE = {
    ".heic": "een iPhone-foto (HEIC) kan een browser niet tonen; exporteer hem als JPEG (op de iPhone: "
             "Instellingen > Camera > Formaten > Meest compatibel; of open hem en kies Opslaan als JPEG)",
    ".heif": "een HEIF-foto kan een browser niet tonen; exporteer hem als JPEG",
    ".tif": "een TIFF-bestand kan een browser niet tonen; exporteer het als JPEG (foto) of PNG (tekening)",
    ".tiff": "een TIFF-bestand kan een browser niet tonen; exporteer het als JPEG (foto) of PNG (tekening)",
    ".bmp": "een BMP-bestand is onnodig groot; sla het op als PNG of JPEG",
    ".psd": "een Photoshop-bestand kan een browser niet tonen; exporteer het als JPEG",
}
MAX_BYTES = 20_000_000
MEANINGLESS = {"foto", "afbeelding", "image", "img", "plaatje", "beeld", "photo", "picture", "logo", "figuur"}
CAMERA_NAME = re.compile(r"^(img|dsc|dscn|pxl|image|foto|photo|screenshot|schermafbeelding)[\s_-]*[\d_-]+", re.I)
MAKER = re.compile(r"\b(foto|beeld|illustratie|tekening|ontwerp)\s*:", re.I)


def check_images(root, page_url: str, source: Path, name: str, media: dict[str, Path]) -> list[Problem]:
    """Every problem with the images of one page (its content as one tree:
    site/common/fragments.py). `media` maps each image's URL in the site to its file;
    `name` is how messages call the page (docs/...)."""
    problems = []
    for image in root.iter("img"):
        src = image.get("src", "")
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = media.get(site_path(page_url, unquote(parts.path)))
        if path is None:
            continue  # a missing file: MkDocs' link check names it (library_messages.py)

        def problem(message: str, line: int | None = line_in_page(source, path.name)) -> None:
            problems.append(Problem(name, line, message))

        for message in file_problems(path):
            problem(message)
        decorative = "decoratief" in image.get("class", "").split()
        alt = (image.get("alt") or "").strip()
        if not alt and not decorative:
            problem(f"de afbeelding {path.name} heeft geen beschrijving; zet tussen de haken wat erop te zien "
                    f"is, bijvoorbeeld ![Twee dansers op het podium]({path.name}); is ze puur versiering, "
                    "schrijf er dan { .decoratief } achter")
        elif alt and _says_nothing(alt, path):
            problem(f"de beschrijving '{alt}' van {path.name} zegt niet wat erop te zien is; beschrijf het "
                    "beeld in een korte zin, zoals u het aan iemand aan de telefoon zou vertellen")
        if not decorative and path.suffix.lower() in RASTER and not _credited(image):
            problem(f"bij {path.name} staat niet wie het beeld maakte; zet eronder een onderschrift met "
                    "'Foto: naam' (een blok /// caption ... /// direct onder de afbeelding)")
    return problems


def file_problems(path: Path) -> list[str]:
    """What is wrong with an image file itself, whatever page shows it."""
    suffix = path.suffix.lower()
    if suffix in UNPUBLISHABLE:
        return [f"{path.name}: {UNPUBLISHABLE[suffix]}"]
    size = path.stat().st_size
    if size > MAX_BYTES:
        return [f"{path.name} is {size / 1_000_000:.0f} MB; verklein het tot onder de {MAX_BYTES // 1_000_000} "
                "MB (een foto van 3000 pixels breed is genoeg) voor u het toevoegt"]
    if suffix in RASTER and not readable(path):
        return [f"de foto {path.name} is beschadigd of geen afbeelding (bijvoorbeeld niet helemaal geüpload); "
                "exporteer hem opnieuw als JPEG en zet hem er opnieuw neer"]
    return []


def readable(path: Path) -> bool:
    """Whether the whole image decodes: an upload cut short, an empty file or another kind of
    file with a photo's name does not. Decoded at an eighth of its size where the format
    allows (JPEG), which still reads every byte, in a fraction of the time."""
    try:
        with Image.open(path) as image:
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True


def _says_nothing(alt: str, path: Path) -> bool:
    text = alt.lower().strip(" .")
    return (text in MEANINGLESS or text in (path.name.lower(), path.stem.lower())
            or bool(CAMERA_NAME.match(text)))


def _credited(image) -> bool:
    figure = next(image.iterancestors("figure"), None)
    caption = figure.find(".//figcaption") if figure is not None else None
    return caption is not None and bool(MAKER.search(" ".join(caption.itertext())))
