"""What is published of a photo: upright, in sRGB, in a few widths and formats, without any
metadata, never the original; the same bytes from the cache and without it; and the e-mail
edition of a newsletter full of photos."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from cultuurregio.project import copy_project
from tests.helpers import AXE_TAGS, POSTS, build, differing, newsletter, site_files

PAGE = "nieuwsbrief/2019/03/met-fotos/"
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def phone_photo(path, size=(2400, 1800)) -> None:
    """Like a phone's: to be turned (orientation 6), GPS, XMP, larger than the largest width either way."""
    image = Image.merge("RGB", [Image.linear_gradient("L").resize(size), Image.effect_noise(size, 40),
                                Image.linear_gradient("L").rotate(90).resize(size)])
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x0110] = "Testtelefoon"
    exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 13.0, 0.0), 3: "E", 4: (6.0, 53.0, 0.0)})
    image.save(path, quality=92, exif=exif, xmp=b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>Testmaker</x:xmpmeta>")


def transparent_png(path) -> None:
    image = Image.new("RGBA", (1200, 800), (200, 40, 40, 0))
    image.paste((30, 90, 160, 255), (100, 100, 1100, 700))
    image.save(path)


def body(names: list[str]) -> str:
    """A photo per name, each with its maker; the last is a link of the editor's own."""
    images = [f"![Testbeeld {index} van de fotoreeks]({name})" for index, name in enumerate(names, 1)]
    images[-1] = f"[{images[-1]}]({LINKED})"
    return "Het begin.\n\n<!-- more -->\n\n" + "".join(f"{i}\n/// caption\nFoto: Testfotograaf\n///\n\n" for i in images)


LINKED = "https://example.org/"
PHONE = [f"telefoon-{number}.jpg" for number in range(1, 7)]
SOURCES = PHONE + ["schermafdruk-logo.png"]

@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    """A copy with a newsletter of six phone photos and a screenshot: built cold, warm, uncached."""
    root = tmp_path_factory.mktemp("fotos")
    project = copy_project(root / "project")
    for name in PHONE:
        phone_photo(project / POSTS / name)
    transparent_png(project / POSTS / "schermafdruk-logo.png")
    newsletter(project, "2019-03-met-fotos.md", body=body(SOURCES))
    first, second = build(project, root / "eerst", env=EPOCH), build(project, root / "daarna", env=EPOCH)
    uncached = build(project, root / "zonder", env={**EPOCH, "BOUWCACHE": "uit"})
    assert first.returncode == second.returncode == uncached.returncode == 0, first.stderr + second.stderr
    return {name: root / name for name in ("eerst", "daarna", "zonder")} | {"uitvoer": (first, second, uncached)}


def variants(site, stem: str) -> dict[str, Image.Image]:
    return {p.name: Image.open(io.BytesIO(p.read_bytes())) for p in (site / "nieuwsbrief").glob(f"{stem}-*")}


@pytest.mark.slow
def test_published_photos_are_upright_in_their_widths_and_carry_no_metadata(photos):
    site = photos["eerst"]
    phone = variants(site, "telefoon-1")
    assert sorted(phone) == sorted(f"telefoon-1-{w}.{ext}" for w in (480, 960, 1200, 1600) for ext in ("jpeg", "webp"))
    png = variants(site, "schermafdruk-logo")
    assert sorted(png) == sorted(f"schermafdruk-logo-{w}.{ext}" for w in (480, 960, 1200) for ext in ("png", "webp"))
    for name, image in {**phone, **png}.items():
        width = int(name.rsplit("-", 1)[1].split(".")[0])
        assert image.width == width, name
        data = (site / "nieuwsbrief" / name).read_bytes()
        assert not image.getexif() and "icc_profile" not in image.info, name
        assert b"Exif\x00\x00" not in data and b"xmpmeta" not in data and b"Testtelefoon" not in data, name
    # Orientation 6 applied: the landscape pixels stand upright.
    assert all(image.height > image.width for image in phone.values())
    assert png["schermafdruk-logo-480.png"].mode == "RGBA"


@pytest.mark.slow
def test_the_page_lets_the_browser_pick_and_loads_later_photos_lazily(photos):
    content = BeautifulSoup((photos["eerst"] / PAGE / "index.html").read_text(encoding="utf-8"),
                            "html.parser").select_one(".md-content")
    pictures = content.select("figure picture")
    assert len(pictures) == len(SOURCES)
    for index, picture in enumerate(pictures):
        source, image = picture.source, picture.img
        widths = 3 if "schermafdruk" in image["src"] else 4  # never wider than the original
        assert source["type"] == "image/webp" and len(source["srcset"].split(", ")) == widths
        assert len(image["srcset"].split(", ")) == widths and image["sizes"] == source["sizes"]
        assert image["alt"].startswith("Testbeeld") and int(image["width"]) > 0 and int(image["height"]) > 0
        assert (image.get("loading"), image.get("decoding")) == ((None, None) if index == 0 else ("lazy", "async"))
        for candidate in source["srcset"].split(", ") + image["srcset"].split(", ") + [image["src"] + " x"]:
            assert (photos["eerst"] / PAGE / candidate.split()[0]).resolve().is_file(), candidate


@pytest.mark.slow
def test_a_photo_links_to_its_largest_width_unless_it_is_a_link_already(photos):
    content = BeautifulSoup((photos["eerst"] / PAGE / "index.html").read_text(encoding="utf-8"),
                            "html.parser").select_one(".md-content")
    pictures = content.select("figure picture")
    for picture in pictures[:-1]:
        link = picture.parent
        assert link.name == "a" and link["class"] == ["cr-foto-vergroten"]
        assert link["href"] == picture.img["srcset"].split(", ")[-1].split()[0]
        assert (photos["eerst"] / PAGE / link["href"]).resolve().is_file()
        # What the link does, for a screen reader: the alt text and "(groter bekijken)".
        assert "groter bekijken" in link.get_text()
    assert pictures[-1].parent.name == "a" and pictures[-1].parent["href"] == LINKED


@pytest.mark.slow
def test_a_shared_link_shows_the_first_photo_at_1200_pixels(photos, site_url):
    head = BeautifulSoup((photos["eerst"] / PAGE / "index.html").read_text(encoding="utf-8"), "html.parser")
    image = head.find("meta", attrs={"property": "og:image"})["content"]
    assert image == f"{site_url}nieuwsbrief/telefoon-1-1200.jpeg"
    assert head.find("meta", attrs={"property": "og:image:alt"})["content"] == "Testbeeld 1 van de fotoreeks"
    assert (photos["eerst"] / "nieuwsbrief" / "telefoon-1-1200.jpeg").is_file()


@pytest.mark.slow
def test_originals_are_never_published(photos):
    names = {p.name for p in photos["eerst"].rglob("*")}
    assert not names & set(SOURCES)


@pytest.mark.slow
def test_a_second_build_makes_nothing_again_and_gives_the_same_bytes_as_one_without_caches(photos):
    """Cold (a fresh copy has no .cache/), warm, without caches (BOUWCACHE=uit): the same bytes."""
    editions = len(list(photos["eerst"].rglob("nieuwsbrief.eml")))
    for result, made in zip(photos["uitvoer"], (True, False, True), strict=True):
        for what, n in (("Foto's", len(SOURCES)), ("E-mailversies", editions)):
            assert (f"{what}: {n} gemaakt, 0 uit" if made else f"{what}: 0 gemaakt, {n} uit") in result.stderr
    cold = site_files(photos["eerst"])
    assert editions > 1 and differing(cold, site_files(photos["daarna"])) == differing(cold, site_files(photos["zonder"])) == []


@pytest.mark.slow
def test_the_feed_carries_plain_absolute_images_that_exist(photos, site_url):
    feed = ET.parse(photos["eerst"] / "feed_rss_created.xml").getroot()
    item = next(i for i in feed.iter("item") if i.findtext("link").endswith(PAGE))
    html = BeautifulSoup(item.findtext("description"), "html.parser")
    assert not html.find("picture")
    images = html.find_all("img")
    assert len(images) == len(SOURCES)
    for image in images:
        assert image["src"].startswith(site_url) and not image.get("srcset")
        assert (photos["eerst"] / urlsplit(image["src"]).path.removeprefix(urlsplit(site_url).path)).is_file()


def test_a_phone_gets_small_photos_and_the_page_stays_accessible(photos, browser, site_url):
    from axe_playwright_python.sync_playwright import Axe

    from cultuurregio.publiceren.localserver import SiteServer

    with SiteServer(photos["eerst"], urlsplit(site_url).path) as server:
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda request, done=finished: done.append(request))
            page.goto(server.base + PAGE, wait_until="networkidle")
            page.wait_for_timeout(500)
            transferred = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished)
            if scheme == "light":  # a first visit: nothing in the cache yet
                assert transferred <= 350_000, transferred
                assert any(r.url.endswith("-480.webp") for r in finished)
                assert not any(r.url.endswith(("-1600.webp", "-1600.jpeg")) for r in finished)
            options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
            violations = Axe().run(page, options=options).response["violations"]
            context.close()
            assert violations == [], [v["id"] for v in violations]


def test_a_photo_opens_larger_by_keyboard_and_focus_returns_to_it(photos, browser, site_url):
    """Tab to a photo, Enter opens it, Escape (or the close button) closes it and focus is back
    on the photo; axe finds nothing with the photo open; no request leaves the site."""
    from axe_playwright_python.sync_playwright import Axe

    from cultuurregio.publiceren.localserver import SiteServer

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    second = "document.querySelectorAll('a.cr-foto-vergroten')[1]"
    with SiteServer(photos["eerst"], urlsplit(site_url).path) as server:
        for scheme, close in (("light", "Escape"), ("dark", "Sluiten")):
            context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
            page = context.new_page()
            requests = []
            page.on("request", lambda request, seen=requests: seen.append(request.url))
            page.goto(server.base + PAGE, wait_until="networkidle")
            for _ in range(150):
                page.keyboard.press("Tab")
                if page.evaluate(f"document.activeElement === {second}"):
                    break
            else:
                pytest.fail("de tweede foto is met Tab niet te bereiken")
            page.keyboard.press("Enter")
            dialog = page.locator("dialog.cr-foto-venster")
            dialog.wait_for(state="visible")
            page.wait_for_function("(() => { const i = document.querySelector('dialog[open] img');"
                                   " return i && i.complete && i.naturalWidth > 0; })()")
            assert dialog.get_attribute("aria-label") == "Testbeeld 2 van de fotoreeks"
            assert dialog.locator("img").get_attribute("alt") == "Testbeeld 2 van de fotoreeks"
            assert dialog.locator("figcaption").inner_text().strip() == "Foto: Testfotograaf"
            assert page.evaluate("document.activeElement.closest('dialog[open]') !== null")
            violations = Axe().run(page, options=options).response["violations"]
            assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]], v["nodes"][0]["any"][0]["message"]) for v in violations]
            if close == "Escape":
                page.keyboard.press("Escape")
            else:
                assert page.evaluate("document.activeElement.textContent") == "Sluiten"
                page.keyboard.press("Enter")
            dialog.wait_for(state="hidden")
            assert page.evaluate(f"document.activeElement === {second}")
            assert all(url.startswith(server.base) for url in requests), requests
            context.close()


@pytest.mark.parametrize("width", [600, 360])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_e_mail_edition_reads_well_with_its_photos(photos, browser, site_url, width, scheme):
    from axe_playwright_python.sync_playwright import Axe

    from cultuurregio.publiceren.localserver import SiteServer

    assert len((photos["eerst"] / PAGE / "e-mail.html").read_bytes()) < 102_000  # where Gmail clips
    with SiteServer(photos["eerst"], urlsplit(site_url).path) as server:
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        # A mail's images are the published site's (absolute): answered from this build.
        context.route(site_url + "**", lambda route: route.fulfill(
            path=photos["eerst"] / urlsplit(route.request.url).path.removeprefix(urlsplit(site_url).path)))
        page = context.new_page()
        page.goto(server.base + PAGE + "e-mail.html", wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        images = page.evaluate("[...document.images].map(i => [i.complete && i.naturalWidth > 0, "
                               "Math.round(i.getBoundingClientRect().width), i.alt])")
        assert len(images) == len(SOURCES) + 1, images  # the logo and every photo, loaded, in the column
        assert all(loaded and 0 < shown <= min(width, 600) and alt for loaded, shown, alt in images), images
        assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('td.inhoud p')).fontSize)") >= 14
        violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                              "resultTypes": ["violations"]}).response["violations"]
        context.close()
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
