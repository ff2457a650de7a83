"""The browser enforces what the content check promises: every page carries a
Content-Security-Policy, Chromium reports no violation of it while a visitor searches,
switches the palette, opens a photo and plays a video, and a script slipped into a page
after the check is blocked. The video block loads nothing from YouTube or Vimeo until the
visitor asks. And /.well-known/security.txt says where to report a problem (RFC 9116)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

from cultuurregio.project import copy_project
from tests.chromium_visits import WATCH
from tests.helpers import AXE_TAGS, build, newsletter, photo, site_pages
from tests.videos import VIDEOS

EPOCH = "1700000000"
PAGE = "nieuwsbrief/2019/03/met-video/"
PLAYERS = re.compile(r"^https://(www\.youtube-nocookie\.com|player\.vimeo\.com)/")


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    """A copy with a newsletter that holds a video with a poster, a photo and a video without."""
    root = tmp_path_factory.mktemp("video")
    project = copy_project(root / "project")
    photo(project, "poster.jpg")
    photo(project, "zaal.jpg")
    newsletter(project, "2019-03-met-video.md", body=VIDEOS)
    result = build(project, root / "site", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_every_page_carries_the_policy_first_and_allows_frames_only_with_a_video(guarded):
    pages = site_pages(guarded)
    assert len(pages) > 25
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, path
        first_script = soup.find("script")
        assert metas[0].find_all_previous("script") == [] and first_script is not None, path
        policy = directives(metas[0]["content"])
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"][0] == "'self'" and all(
            re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", source) for source in policy["script-src"][1:]), policy
        assert policy["img-src"] == ["'self'", "data:"] and policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
        assert "'unsafe-inline'" not in policy.get("style-src", [])
        players = {urlsplit(figure["data-speler"]).hostname for figure in soup.select(".cr-video[data-speler]")}
        assert policy.get("frame-src", []) == sorted(f"https://{host}" for host in players), path
    video_page = guarded / PAGE / "index.html"
    assert "frame-src" in video_page.read_text(encoding="utf-8")


def test_the_feed_gets_the_poster_and_the_link_without_the_button(guarded, site_url):
    feed = feedparser.parse((guarded / "feed_rss_created.xml").read_bytes())
    item = next(entry for entry in feed.entries if entry.link.endswith("/met-video/"))
    soup = BeautifulSoup(item.description, "html.parser")
    assert soup.find("button") is None and soup.find("iframe") is None
    links = {a.get_text(strip=True): a["href"] for a in soup.find_all("a")}
    assert links["Bekijk op YouTube"] == "https://www.youtube.com/watch?v=abcdefghijk&t=90s"
    assert links["Bekijk op Vimeo"] == "https://vimeo.com/76979871"
    poster = soup.find("img", alt="Een volle zaal luistert naar het panel")
    assert poster["src"].startswith(site_url)
    assert (guarded / poster["src"].removeprefix(site_url)).is_file()


def serve(site, site_url):
    from cultuurregio.publiceren.localserver import SiteServer

    return SiteServer(site, urlsplit(site_url).path)


def player_stand_in(context) -> list[str]:
    """The players answered here, never from the internet; what was asked of them."""
    asked: list[str] = []

    def answer(route):
        asked.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Speler</title>")

    context.route(PLAYERS, answer)
    return asked


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_video_loads_nothing_from_youtube_until_asked_and_then_only_the_player(
        guarded, browser, site_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    with serve(guarded, site_url) as server:
        context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
        context.add_init_script(WATCH)
        player_stand_in(context)
        page = context.new_page()
        hosts: list[str] = []
        page.on("request", lambda request: hosts.append(f"{urlsplit(request.url).scheme}://"
                                                        f"{urlsplit(request.url).netloc}"))
        page.goto(server.base + PAGE, wait_until="networkidle")
        assert set(hosts) == {server.origin}, set(hosts)
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        violations = Axe().run(page, options=options).response["violations"]
        assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]

        button = page.get_by_role("button", name="Video afspelen").first
        assert page.get_by_text("krijgt YouTube uw IP-adres", exact=False).is_visible()
        button.focus()
        # The player's own request, waited for: the page itself was idle long before.
        with page.expect_request(PLAYERS):
            page.keyboard.press("Enter")
        page.wait_for_selector("iframe.cr-video__speler")
        assert set(hosts) - {server.origin} == {"https://www.youtube-nocookie.com"}, set(hosts)
        assert page.evaluate("document.activeElement.tagName") == "IFRAME"
        assert page.evaluate("window.__violations") == []
        context.close()


def test_without_javascript_the_link_is_the_way_to_the_video(guarded, browser, site_url):
    with serve(guarded, site_url) as server:
        context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.goto(server.base + PAGE)
        link = page.get_by_role("link", name="Bekijk op YouTube")
        assert link.is_visible() and link.get_attribute("href").startswith("https://www.youtube.com/watch?v=")
        assert not page.get_by_role("button", name="Video afspelen").first.is_visible()
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_violation_while_a_visitor_searches_switches_palette_opens_a_photo_and_plays_videos(
        guarded, browser, site_url, scheme):
    """Every page as it loads: tests/test_every_page.py. Here what a visitor does on them."""
    with serve(guarded, site_url) as server:
        context = browser.new_context(color_scheme=scheme)
        context.add_init_script(WATCH)
        player_stand_in(context)
        page = context.new_page()
        violations: list[str] = []
        page.goto(server.base, wait_until="networkidle")
        page.locator('[data-md-component="palette"] label:not([hidden])').first.click()
        page.keyboard.press("/")
        page.keyboard.type("gemeente")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        violations.extend(page.evaluate("window.__violations"))
        page.goto(server.base + PAGE, wait_until="networkidle")
        page.locator("a.cr-foto-vergroten").first.click()
        page.locator("dialog.cr-foto-venster").wait_for(state="visible")
        page.keyboard.press("Escape")
        buttons = page.get_by_role("button", name="Video afspelen")
        assert buttons.count() == 2
        for _ in range(buttons.count()):
            with page.expect_request(PLAYERS):
                buttons.first.click()  # a played video's button is gone
        assert page.locator("iframe.cr-video__speler").count() == 2
        violations.extend(page.evaluate("window.__violations"))
        context.close()
        assert violations == [], violations


def test_a_script_slipped_into_a_built_page_is_blocked(guarded, browser, site_url, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(guarded, copy)
    page_file = copy / "contact" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    injected = ('<script>window.__ingeschoven = true;</script>'
                '<img alt="" src="https://teller.example.net/p.gif">')
    page_file.write_text(html.replace("</article>", injected + "</article>", 1), encoding="utf-8")
    with serve(copy, site_url) as server:
        context = browser.new_context()
        context.add_init_script(WATCH)
        page = context.new_page()
        # Chromium announces a request the policy then blocks: only what was answered counts.
        asked: list[str] = []
        page.on("requestfinished", lambda request: asked.append(request.url))
        page.goto(server.base + "contact/", wait_until="networkidle")
        assert page.evaluate("window.__ingeschoven === undefined")
        found = page.evaluate("window.__violations")
        context.close()
    assert any(v.startswith("script-src") and " inline " in v for v in found), found
    assert any(v.startswith("img-src") and "teller.example.net" in v for v in found), found
    assert not any("teller.example.net" in url for url in asked), asked


def test_security_txt_tells_where_to_report_and_expires_within_a_year(site, site_url, epoch):
    text = (site / ".well-known" / "security.txt").read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition(": ")
            assert re.fullmatch(r"[A-Za-z-]+", name) and value, line
            fields.setdefault(name.lower(), []).append(value)
    assert len(fields["expires"]) == 1 and fields["contact"]
    expires = dt.datetime.strptime(fields["expires"][0], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    built = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    assert built < expires < built + dt.timedelta(days=365)
    for contact in fields["contact"]:
        assert contact.startswith(("https://", "mailto:")), contact
        if contact.startswith(site_url):
            assert (site / contact.removeprefix(site_url) / "index.html").is_file(), contact
    assert fields["preferred-languages"] == ["nl, en"]
    assert fields["canonical"] == [site_url + ".well-known/security.txt"]
