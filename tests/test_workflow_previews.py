"""Every pull request's preview under voorbeeld/pr-N/ on the gh-pages branch, next to the site
itself, as GitHub runs the workflows (tests/github_actions/) against a bare origin with a
gh-pages branch: one pull request from its first push to its close, and what Chromium shows
of its preview served from the branch."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.etree
import lxml.html
import pytest
import yaml

from cultuurregio.project import ROOT
from cultuurregio.site.common.dates import date_label
from cultuurregio.site.mail.edition import EDITION, MESSAGE
from tests.chromium_visits import SEARCH_PROBE, results_for, visit_every_page
from tests.github_actions.hosting import EARLIER_SITE
from tests.github_actions.preview_flow import (
    CHECK,
    NEXT_WEEK,
    NUMBER,
    PREVIEW,
    REMOVED,
    SCHEDULED,
    WORD,
    WRITER,
    State,
    pull_request_from_open_to_close,
)
from tests.github_actions.pull_requests import listed, site_url
from tests.web_editor import EDITOR_PAGE

pytestmark = pytest.mark.slow



@pytest.fixture(scope="module")
def flow(tmp_path_factory) -> dict[int, State]:
    return pull_request_from_open_to_close(tmp_path_factory.mktemp("voorbeelden"))


def ok(state: State) -> None:
    for name, job in state.jobs.items():
        assert job is None or job.ok, f"{name}:\n{job.log[-3000:]}"


def html_pages(folder: Path) -> list[Path]:
    """The pages, not the web editor's: noindex everywhere and without a banner (test_web_editor.py)."""
    return sorted(p for p in folder.rglob("*.html") if not p.as_posix().endswith("/" + EDITOR_PAGE))


def preview_address() -> str:
    return site_url() + PREVIEW


# Which workflows GitHub starts for each event of the flow, by their triggers.
STARTED = {1: [set(), {"check.yml"}], 2: [set(), {"check.yml"}], 3: [{"check.yml", "deploy.yml"}],
           4: [{"voorbeeld-opruimen.yml"}]}


@pytest.mark.parametrize("number", STARTED)
def test_each_event_starts_the_workflows_github_starts_for_it(flow, number):
    for (event, runs), expected in zip(flow[number].events, STARTED[number], strict=True):
        assert set(runs) == expected, f"on {event}, GitHub would start {sorted(runs) or 'no workflow'} by the " \
                                      f"workflow files' triggers; a pull request's flow needs {sorted(expected) or 'none'}"


def test_a_pull_request_publishes_its_preview_without_touching_the_site(flow):
    state = flow[1]
    ok(state)
    assert state.jobs["geen-voorbeeld"] is None
    preview = state.served / PREVIEW
    # The preview, all of it, under its own folder; the site published before is as it was.
    assert {p for p in state.files if not p.startswith(PREVIEW)} == flow[0].files | {".nojekyll"}
    assert (state.served / "index.html").read_text(encoding="utf-8") == EARLIER_SITE["index.html"]
    built = state.runner.artifacts["voorbeeld"]
    assert {p.removeprefix(PREVIEW) for p in state.files if p.startswith(PREVIEW)} == \
        {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()}
    # A sitemap without a single address (Material's script asks for one; see site/common/preview.py).
    sitemap = lxml.etree.fromstring((preview / "sitemap.xml").read_bytes())
    assert sitemap.tag.endswith("urlset") and len(sitemap) == 0 and not (preview / "sitemap.xml.gz").exists()
    assert (preview / ".well-known" / "security.txt").is_file()
    # Every HTML page: not for search engines, and the banner with the pull request's link.
    pull_request = f"https://github.com/cultuurregio-twente/website/pull/{NUMBER}"
    pages = html_pages(preview)
    assert len(pages) > 20
    for page in pages:
        root = lxml.html.fromstring(page.read_bytes())
        assert "noindex" in " ".join(root.xpath("//meta[@name='robots']/@content")), page
        banner = " ".join(root.xpath("//*[contains(@class, 'banner') or contains(@class, 'voorbeeld')]"
                                     "[.//a/@href = $url]//text()", url=pull_request))
        assert f"Voorbeeld van wijziging #{NUMBER}" in banner, page
    # GitHub shows the preview's address on the pull request ("View deployment").
    assert state.jobs["voorbeeld-publiceren"].environment == {"name": "voorbeeld", "url": preview_address()}


def test_the_summary_gives_each_changed_page_its_preview_address(flow):
    """The preview's summary: next week's newsletter too, with where it will appear."""
    summary = flow[1].jobs["voorbeeld"].summary
    new = listed(summary, "Nieuwe pagina's")
    assert site_url() + SCHEDULED in new and site_url() + REMOVED in new, summary
    lines = [line for line in summary.splitlines() if line.startswith("- [")]
    for line in lines:
        published = line.split("](", 1)[0].removeprefix("- [")
        preview = preview_address() + published.removeprefix(site_url())
        assert f"voorbeeld: [{preview}]({preview})" in line, line
        path = urlsplit(preview).path.removeprefix(urlsplit(site_url()).path)
        assert (flow[1].served / (path + "index.html" if path.endswith("/") else path)).is_file(), line
    assert preview_address() in summary.split("Het voorbeeld van deze wijziging")[1], summary
    # The check itself lists the site's pages, as before: the published addresses only. The
    # preview moves the same pages (its banner is on both sides), and next week's newsletter.
    check = flow[1].jobs["inhoud"].summary
    assert site_url() + REMOVED in listed(check, "Nieuwe pagina's") and "· voorbeeld: [" not in check, check
    everything = {line.split("](", 1)[0].removeprefix("- [") for line in lines}
    assert everything == {line.split("](", 1)[0].removeprefix("- [") for line in check.splitlines()
                          if line.startswith("- [")} | {site_url() + SCHEDULED, site_url() + SCHEDULED + EDITION}


def test_the_job_that_writes_gh_pages_runs_nothing_of_the_change(flow):
    writer = yaml.safe_load(WRITER.read_text(encoding="utf-8"))["jobs"]["schrijven"]
    assert writer["permissions"] == {"contents": "write"}
    assert [step["uses"].split("@")[0] for step in writer["steps"] if "uses" in step] == ["actions/download-artifact"]
    for step in writer["steps"]:
        assert not any(word in step.get("run", "") for word in ("make", "python", ".venv", "scripts/", "npm")), step
    # Its workspace held the built preview and nothing else: no checkout of the change.
    workspace = flow[1].runner.workspace
    assert [p.name for p in workspace.iterdir()] == ["werk"]
    assert not (workspace / "werk" / "Makefile").exists()
    check = yaml.safe_load(CHECK.read_text(encoding="utf-8"))["jobs"]
    assert check["voorbeeld"]["permissions"] == {"contents": "read"}
    assert check["voorbeeld-publiceren"]["uses"] == "./.github/workflows/gh-pages.yml"


def test_a_second_push_replaces_the_preview(flow):
    ok(flow[2])
    assert PREVIEW + SCHEDULED + "index.html" in flow[2].files
    assert PREVIEW + REMOVED + "index.html" in flow[1].files and not any(
        path.startswith(PREVIEW + REMOVED) for path in flow[2].files)
    assert (flow[2].served / "index.html").read_text(encoding="utf-8") == EARLIER_SITE["index.html"]


def test_a_scheduled_newsletter_shows_in_the_preview_with_its_day_and_its_e_mail_edition(flow):
    page = flow[2].served / PREVIEW / SCHEDULED
    root = lxml.html.fromstring((page / "index.html").read_bytes())
    assert f"hij verschijnt op {date_label(NEXT_WEEK)}" in root.text_content()
    assert WORD in root.text_content()
    edition = lxml.html.fromstring((page / EDITION).read_bytes())
    assert WORD in edition.text_content() and f"Voorbeeld van wijziging #{NUMBER}" in edition.text_content()
    message = email.message_from_bytes((page / MESSAGE).read_bytes(), policy=policy.default)
    assert message["Subject"] and WORD in message.get_body(("plain",)).get_content()
    feed = feedparser.parse((flow[2].served / PREVIEW / "feed_rss_created.xml").read_bytes())
    assert preview_address() + SCHEDULED in {entry.link for entry in feed.entries}


def test_the_site_goes_to_the_root_and_the_preview_stays(flow):
    state = flow[3]
    ok(state)
    assert {".nojekyll", ".well-known/security.txt", "index.html"} <= state.files
    assert {p for p in flow[2].files if p.startswith(PREVIEW)} <= state.files
    assert (state.served / PREVIEW / "index.html").read_bytes() == (flow[2].served / PREVIEW / "index.html").read_bytes()
    site = state.runner.artifacts["site"]
    assert {p for p in state.files if not p.startswith("voorbeeld/")} == \
        {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} | {".nojekyll"}
    for page in html_pages(state.served):
        if PREVIEW in page.as_posix() or page.name == EDITION:  # e-mail editions are noindex by design
            continue
        text = page.read_text(encoding="utf-8")
        assert 'name="robots"' not in text and "Voorbeeld van wijziging" not in text, page
    # Next week's newsletter waits for its day on the site itself.
    assert not (state.served / SCHEDULED).exists()
    feed = feedparser.parse((state.served / "feed_rss_created.xml").read_bytes())
    assert not any("volgende-week" in entry.link for entry in feed.entries)
    assert state.jobs["deploy"].environment == {"name": "github-pages", "url": site_url()}


def test_closing_the_pull_request_removes_its_preview_and_nothing_else(flow):
    ok(flow[4])
    assert flow[4].files == {p for p in flow[3].files if not p.startswith(PREVIEW)}
    for path in flow[4].files:
        assert (flow[4].served / path).read_bytes() == (flow[3].served / path).read_bytes(), path


# ---- In Chromium: the preview served from a copy of the gh-pages tree, under its own path.

@pytest.fixture(scope="module")
def served(flow):
    from cultuurregio.publiceren.localserver import SiteServer

    with SiteServer(flow[3].served, urlsplit(site_url()).path) as server:
        yield server.base + PREVIEW


SHOWN = ("", SCHEDULED, "nieuwsbrief/", "gemeenten/", "agenda/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_preview_in_chromium_shows_its_banner_and_passes_axe_and_the_policy(browser, served, flow, scheme):
    visit = visit_every_page(browser, served, None, scheme, urls=[served + path for path in SHOWN])
    assert visit.axe == [], "\n".join(visit.axe)
    assert visit.violations == [], visit.violations
    base = urlsplit(served)
    foreign = [f"{page} -> {url}" for page, url in visit.requests if urlsplit(url).netloc != base.netloc]
    assert foreign == [] and visit.failed == [], foreign + visit.failed
    page = browser.new_page(color_scheme=scheme)
    page.goto(served, wait_until="load")
    banner = page.locator(".md-banner")
    assert banner.is_visible() and f"Voorbeeld van wijziging #{NUMBER}" in banner.inner_text()
    page.close()


def test_search_in_the_preview_finds_the_pull_requests_newsletter(browser, served):
    page = browser.new_page()
    page.add_init_script(SEARCH_PROBE)
    page.goto(served, wait_until="networkidle")
    hrefs = results_for(page, WORD)
    page.close()
    assert any(urlsplit(href).path.endswith("/" + PREVIEW + SCHEDULED) for href in hrefs), hrefs


def test_every_link_of_the_preview_stays_inside_it(browser, served, flow):
    """In Chromium on the pages shown, and in the files for every page of the preview."""
    inside = urlsplit(served).path
    page = browser.new_page()
    for path in SHOWN:
        page.goto(served + path, wait_until="load")
        hrefs = page.eval_on_selector_all("a[href], link[href]", "links => links.map(a => "
                                          "new URL(a.getAttribute('href'), document.baseURI).href)")
        stray = [h for h in hrefs if urlsplit(h).netloc == urlsplit(served).netloc and
                 not urlsplit(h).path.startswith(inside)]
        assert stray == [], (path, stray)
    page.close()
    preview, site = flow[3].served / PREVIEW, urlsplit(site_url())
    # Except the addresses the accessibility statement names as the websites it is for: data.
    statement = yaml.safe_load((ROOT / "data" / "toegankelijkheid.yml").read_text(encoding="utf-8"))["websites"]
    stray = []
    for file in html_pages(preview):
        address = preview_address() + file.relative_to(preview).as_posix()
        root = lxml.html.fromstring(file.read_bytes())
        for href in root.xpath("//a/@href | //link/@href | //img/@src | //script/@src"):
            target = urlsplit(urljoin(address, href))
            if target.netloc == site.netloc and not target.path.startswith(site.path + PREVIEW) and href not in statement:
                stray.append(f"{file.relative_to(preview)}: {href}")
    assert stray == []
