"""Editors write in the browser: the real editor (Sveltia CMS at /beheer/), in Chromium, on a
local copy of the repository (no GitHub). What it writes passes `make check` and builds into the
pages, feed and calendar a visitor gets. The content is the test's own."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError, expect

from cultuurregio.project import copy_project
from cultuurregio.site.outputs.editor_config import PHOTO_INCOMPLETE
from tests.helpers import build, check
from tests.web_editor import field, insert_block, open_entry, open_local_repository, save_file, word, write_back
from tests.web_editor_newsletter import AMSTERDAM, DAY, PHOTOS, POST, SLUG, TITLE, new_newsletter, phone_photos

MEETING = {"slug": "netwerkavond-hengelo", "titel": "Netwerkavond: cultuur in Hengelo",
           "start": f"{DAY:%Y-%m-%d} 19:30", "doelgroep": "Iedereen die in Twente met cultuur werkt.",
           "beschrijving": "Een avond om elkaar te leren kennen.", "bijgewerkt": f"{dt.date.today():%Y-%m-%d}"}
MUNICIPALITY_TEXT = "Hengelo werkt aan een netwerk van makers in de stad."
# A video without a picture before it (test content: an address of the form YouTube gives).
VIDEO = ("https://www.youtube.com/watch?v=aqz-KE-bpKQ", "Dansers uit Hengelo op het podium")


def fill(page, key: str, value: str) -> None:
    box = field(page, key).locator("input, textarea").first
    box.fill(value)
    expect(box).to_have_value(value)


@pytest.fixture(scope="module")
def edited(browser, web, tmp_path_factory):
    """One editor's work, one after the other in one editor: a newsletter with two photos (saved
    first with a photo's description left empty: refused, nothing written; then complete), a
    meeting, a municipality's text."""
    folder = tmp_path_factory.mktemp("beheer")
    project = copy_project(folder / "project")
    context, page, before = open_local_repository(browser, web.base, project)
    try:
        page.get_by_text("Nieuwsbrieven", exact=True).first.wait_for()
        new_newsletter(page, phone_photos(folder))
        description = page.get_by_role("textbox", name="Wat er op de foto te zien is").nth(len(PHOTOS) - 1)
        description.fill("")
        page.get_by_role("button", name=word("save")).click()
        refusal = page.get_by_text(PHOTO_INCOMPLETE)
        try:
            refusal.first.wait_for(timeout=10_000)
        except TimeoutError:  # saved as it was: the rest of this work cannot go on in this entry
            raise AssertionError("a photo without its description was not refused in the form") from None
        refused = {"shown": refusal.count(), "written": write_back(page, project, before)}
        description.fill(PHOTOS[-1][1])
        expect(description).to_have_value(PHOTOS[-1][1])
        insert_block(page, "Tekst", "Video")
        page.get_by_role("textbox", name="Adres van de video").fill(VIDEO[0])
        page.get_by_role("textbox", name="Titel van de video").fill(VIDEO[1])
        save_file(page, POST, b"")

        open_entry(page, "gegevens", "agenda")
        index = len(yaml.safe_load((project / "data/agenda.yml").read_text(encoding="utf-8"))["bijeenkomsten"])
        page.get_by_role("button", name="\u2068Bijeenkomsten\u2069 toevoegen").last.click()
        for key, value in MEETING.items():
            fill(page, f"bijeenkomsten.{index}.{key}", value)
        save_file(page, "data/agenda.yml", before["data/agenda.yml"])

        open_entry(page, "gegevens", "gemeenten")
        municipalities = yaml.safe_load((project / "data/gemeenten.yml").read_text(encoding="utf-8"))["gemeenten"]
        fill(page, f"gemeenten.{[m['slug'] for m in municipalities].index('hengelo')}.tekst", MUNICIPALITY_TEXT)
        save_file(page, "data/gemeenten.yml", before["data/gemeenten.yml"])
        changed = write_back(page, project, before)
        errors = page.errors
    finally:
        context.close()
    return {"project": project, "changed": changed, "errors": errors, "folder": folder, "refused": refused}


def test_the_editor_writes_the_newsletter_its_photos_and_the_data_files(edited):
    post = POST
    assert set(edited["changed"]) == {post, "docs/nieuwsbrief/posts/img-2041.jpg", "docs/nieuwsbrief/posts/img-2042.jpg",
                                      "data/agenda.yml", "data/gemeenten.yml"}
    text = edited["changed"][post].decode("utf-8")
    assert f"slug: {SLUG}\n" in text and "automatisch_versturen: true\n" in text
    for name, description, maker, _ in PHOTOS:
        photo = name.lower().replace(" ", "-")
        assert f"![{description}]({photo})\n/// caption\nFoto: {maker}\n///" in text
    assert f"/// video | {VIDEO[0]}\n{VIDEO[1]}\n///" in text
    assert edited["errors"] == []


def test_the_files_the_editor_wrote_pass_make_check(edited):
    result = check(edited["project"])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def built(edited):
    """The site built on the newsletter's day, as the morning deploy would."""
    epoch = dt.datetime.combine(DAY, dt.time(6), AMSTERDAM).timestamp()
    site = edited["folder"] / "site"
    result = build(edited["project"], site, env={"SOURCE_DATE_EPOCH": str(int(epoch))})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_site_shows_the_newsletter_with_its_photos_and_captions(built):
    page = BeautifulSoup((built / f"nieuwsbrief/{DAY:%Y/%m}/{SLUG}/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.h1.get_text(strip=True) == TITLE
    figures = page.select(".md-content figure:not(.cr-video)")
    assert [(f.img["alt"], f.figcaption.get_text(strip=True)) for f in figures] == [
        (description, f"Foto: {maker}") for _, description, maker, _ in PHOTOS]
    folder = built / f"nieuwsbrief/{DAY:%Y/%m}/{SLUG}"
    video = page.select_one(".md-content figure.cr-video")
    assert video.select_one(".cr-video__titel").get_text(strip=True) == VIDEO[1]
    assert video.find("a", string="Bekijk op YouTube")["href"] == VIDEO[0]
    for figure in figures:  # the build's variants, never the phone's original
        assert (folder / figure.img["src"]).resolve().is_file()
        assert figure.img["src"].rsplit("/", 1)[-1] not in ("img-2041.jpg", "img-2042.jpg")


def test_the_meeting_is_in_the_agenda_and_the_calendar(built):
    agenda = BeautifulSoup((built / "agenda/index.html").read_text(encoding="utf-8"), "html.parser")
    assert agenda.find(id=MEETING["slug"]) is not None
    calendar = icalendar.Calendar.from_ical((built / "agenda.ics").read_bytes())
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    start = events[MEETING["titel"]].decoded("DTSTART")
    assert start == dt.datetime.combine(DAY, dt.time(19, 30), AMSTERDAM)


def test_the_municipality_shows_its_new_text(built):
    page = BeautifulSoup((built / "gemeenten/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find(id="hengelo").select_one(".cr-gemeente__tekst").get_text(strip=True) == MUNICIPALITY_TEXT


def test_a_photo_without_its_description_is_refused_in_the_form(edited):
    """Said once, in Dutch, and nothing written until the description is there."""
    assert edited["refused"] == {"shown": 1, "written": {}}
