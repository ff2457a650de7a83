"""The map of Twente (site/outputs/twente_map.py, overrides/content/kaart.html): the 14
municipalities as they lie, drawn from the CBS/Kadaster outlines in data/kaart/, each a link
to its entry on /gemeenten/; read from the built site, and in Chromium at a phone's width and
a desktop's, light and dark."""

from __future__ import annotations

import json
import re
from itertools import combinations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from cultuurregio.project import ROOT
from cultuurregio.site.content.outlines import MAP_FILE
from cultuurregio.site.outputs.twente_map import area
from tests.helpers import AXE_TAGS

PAGES = [("index.html", "", "gemeenten/"), ("gemeenten/index.html", "gemeenten/", "")]


def shapes(soup) -> list:
    return soup.select("svg.cr-kaart-twente__svg a.cr-kaart__gemeente")


def outline(link) -> list[tuple[float, float]]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", link.select_one("path.cr-kaart__vorm")["d"])]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


@pytest.mark.parametrize(("page", "path", "prefix"), PAGES)
def test_each_municipality_is_a_named_shape_linked_to_its_entry(pages, content, page, path, prefix):
    svg = pages[page].select_one("svg.cr-kaart-twente__svg")
    assert str(len(content.gemeenten)) in pages[page].find(id=svg["aria-labelledby"]).get_text()
    assert pages[page].find(id=svg["aria-describedby"]).get_text().strip()
    links = shapes(pages[page])
    assert len(links) == len(content.gemeenten)
    entries = pages["gemeenten/index.html"]
    for link, gemeente in zip(links, content.gemeenten, strict=True):
        assert link["aria-label"].split(",")[0] == gemeente["naam"]
        assert link["href"] == f"{prefix}#{gemeente['slug']}"
        assert entries.find(id=gemeente["slug"]) is not None and len(outline(link)) >= 3
    caption = svg.find_parent("figure").figcaption.get_text(" ")
    assert "Kaart: CBS, Kadaster (CC BY 4.0)" in " ".join(caption.split())


def test_shape_areas_follow_the_boundaries(pages, content):
    """A wrong projection or a swapped feature changes which shape is how large."""
    links = {link["href"].split("#")[1]: link for link in shapes(pages["index.html"])}
    drawn = {slug: area(outline(link)) for slug, link in links.items()}
    features = json.loads((ROOT / MAP_FILE).read_text(encoding="utf-8"))["features"]
    by_code = {f["properties"]["statcode"]: f["geometry"]["coordinates"][0] for f in features}
    true = {g["slug"]: area([tuple(p) for p in by_code[g["code"]]]) for g in content.gemeenten}
    assert sorted(drawn, key=drawn.get) == sorted(true, key=true.get)
    assert max(drawn, key=drawn.get) == "hof-van-twente" and min(drawn, key=drawn.get) == "oldenzaal"
    # Scaled alike: every shape's share of Twente is its true share (rounding aside).
    for slug in drawn:
        assert abs(drawn[slug] / sum(drawn.values()) - true[slug] / sum(true.values())) < 0.01, slug


def test_the_trekkers_are_marked_in_the_markup_not_only_by_colour(pages, content):
    trekkers = {g["naam"] for g in content.gemeenten if g.get("trekker")}
    assert trekkers
    soup = pages["index.html"]
    marked = {link["aria-label"].split(",")[0] for link in shapes(soup)
              if "cr-kaart__gemeente--trekker" in link["class"] and link["aria-label"].endswith(", trekker")}
    assert marked == trekkers
    legend = soup.select_one(".cr-kaart__legenda").get_text()
    assert "trekkers" in legend and all(name in legend for name in trekkers)


# Twente's fourteen municipalities as the CBS names them (gemeentelijke indeling 2025, COROP-gebied
# Twente), the year of MAP_FILE: a fact from outside the site, not read from its files.
TWENTE = {"GM0141": "Almelo", "GM0147": "Borne", "GM1774": "Dinkelland", "GM0153": "Enschede",
          "GM0158": "Haaksbergen", "GM0163": "Hellendoorn", "GM0164": "Hengelo (O.)", "GM1735": "Hof van Twente",
          "GM0168": "Losser", "GM0173": "Oldenzaal", "GM1742": "Rijssen-Holten", "GM0183": "Tubbergen",
          "GM1700": "Twenterand", "GM0189": "Wierden"}


def test_the_codes_in_the_data_are_exactly_twentes_features(content):
    """The data names Twente's fourteen and no other; the map file has each of them under that
    name, and its other features are neighbours: none of Twente's is drawn grey."""
    features = {f["properties"]["statcode"]: f["properties"]["statnaam"]
                for f in json.loads((ROOT / MAP_FILE).read_text(encoding="utf-8"))["features"]}
    codes = [g["code"] for g in content.gemeenten]
    assert sorted(codes) == sorted(TWENTE)
    assert {code: features.get(code) for code in TWENTE} == TWENTE
    neighbours = set(features) - set(codes)
    assert neighbours and not neighbours & set(TWENTE)


# ---- In Chromium

LABELS = """() => {
    const map = document.querySelector('svg.cr-kaart-twente__svg').getBoundingClientRect();
    const shown = [...document.querySelectorAll('svg.cr-kaart-twente__svg text')]
        .filter(t => getComputedStyle(t).display !== 'none');
    return {map: [map.left, map.top, map.right, map.bottom], labels: shown.map(t => {
        const box = t.getBoundingClientRect();
        return {text: t.textContent, box: [box.left, box.top, box.right, box.bottom],
                size: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(t.getScreenCTM().a, t.getScreenCTM().b)};
    })};
}"""


@pytest.fixture(scope="module", params=[(360, "light"), (360, "dark"), (1280, "light"), (1280, "dark")],
                ids=lambda p: f"{p[0]}px-{p[1]}")
def shown(request, browser, web):
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(web.base, wait_until="networkidle")
    # As a visitor comes to it (the browser renders the map only near the screen).
    page.locator("figure.cr-kaart-twente").scroll_into_view_if_needed()
    yield width, page, requests
    context.close()


def test_no_two_labels_overlap_and_none_leaves_the_map(shown, content):
    width, page, _ = shown
    found = page.evaluate(LABELS)
    left, top, right, bottom = found["map"]
    labels = found["labels"]
    assert len(labels) == len(content.gemeenten) + 1  # and "Duitsland"
    for label in labels:
        x0, y0, x1, y1 = label["box"]
        assert left <= x0 and x1 <= right and top <= y0 and y1 <= bottom, label
        assert label["size"] >= 11, label  # readable, at either width
    for a, b in combinations(labels, 2):
        assert not (a["box"][0] < b["box"][2] and b["box"][0] < a["box"][2] and a["box"][1] < b["box"][3]
                    and b["box"][1] < a["box"][3]), (a, b)
    # On a phone the names are in the key below the map, numbered as the shapes are.
    key = page.locator("ol.cr-kaart__sleutel")
    assert key.is_visible() == (width < 600)
    if width < 600:
        # Below the map, drawn when it comes near the screen (content-visibility): as a visitor
        # scrolls to it. Read before that, its items have no rendered text yet.
        key.scroll_into_view_if_needed()
        expect(key.locator("li")).to_have_text([g["naam"] for g in content.gemeenten], use_inner_text=True)


def test_the_map_passes_axe_and_asks_nothing_of_other_hosts(shown, web):
    _, page, requests = shown
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    violations = Axe().run(page, context=".cr-kaart-twente", options=options).response["violations"]
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []
    assert [url for url in requests if not url.startswith(web.base.split("/website/")[0])] == []


def test_every_shape_is_reached_by_keyboard_with_a_visible_focus(shown, content):
    _, page, _ = shown
    # From the element before the map, by keyboard: the focus ring is the keyboard's (:focus-visible).
    page.locator("svg.cr-kaart-twente__svg a").first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    reached = []
    for _ in content.gemeenten:
        reached.append(page.evaluate("""() => {
            const link = document.activeElement, shape = link.querySelector('path');
            return [link.getAttribute('aria-label'), getComputedStyle(shape).strokeWidth];
        }"""))
        page.keyboard.press("Tab")
    assert [label.split(",")[0] for label, _ in reached] == [g["naam"] for g in content.gemeenten]
    assert all(stroke == "4px" for _, stroke in reached), reached
