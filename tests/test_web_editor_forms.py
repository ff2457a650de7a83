"""Editors write in the browser: the real editor (Sveltia CMS at /beheer/), in Chromium, on a
local copy of the repository (no GitHub). What it writes passes `make check` and builds into the
pages, feed and calendar a visitor gets. The content is the test's own."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image
from playwright.sync_api import expect

from cultuurregio.project import copy_project
from cultuurregio.site.outputs.editor_config import PHOTO_INCOMPLETE
from tests.helpers import build, check
from tests.web_editor import (
    add_photo,
    field,
    insert_block,
    open_entry,
    open_local_repository,
    save_file,
    text_field,
    word,
    write_back,
)

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# Scheduled: two months from today, so it is always in the future when the test runs.
DAY = dt.date.today() + dt.timedelta(days=60)
TITLE = "Ideeën uit Hengelo"
SLUG = "ideeen-uit-hengelo"
POST = f"docs/nieuwsbrief/posts/{DAY:%Y-%m}-{SLUG}.md"
PHOTOS = [("IMG 2041.JPG", "Twee dansers op een podium in Hengelo", "Anna de Vries", (190, 80, 40)),
          ("IMG 2042.JPG", "Een koor zingt in een dorpskerk", "Bram Jansen", (40, 80, 190))]
MEETING = {"slug": "netwerkavond-hengelo", "titel": "Netwerkavond: cultuur in Hengelo",
           "start": f"{DAY:%Y-%m-%d} 19:30", "doelgroep": "Iedereen die in Twente met cultuur werkt.",
           "beschrijving": "Een avond om elkaar te leren kennen.", "bijgewerkt": f"{dt.date.today():%Y-%m-%d}"}
MUNICIPALITY_TEXT = "Hengelo werkt aan een netwerk van makers in de stad."


def phone_photos(folder):
    for name, _, _, colour in PHOTOS:
        Image.new("RGB", (1600, 1200), colour).save(folder / name, quality=85)
    return folder


def new_newsletter(page, photos) -> None:
    page.get_by_role("button", name="Nieuw").click()
    page.get_by_role("textbox", name="Titel").fill(TITLE)
    page.locator('section[data-key-path="date.created"] input').fill(f"{DAY:%Y-%m-%d}")
    page.get_by_role("textbox", name="Beschrijving").fill("Wat er in Hengelo aan ideeën leeft, in twee foto's.")
    page.get_by_role("checkbox", name="Proces").check()
    page.get_by_role("checkbox", name="redactie").check()
    page.get_by_role("switch", name="Vanzelf versturen op de verschijningsdatum").click()
    text_field(page, "Tekst").locator('[contenteditable="true"]').first.click()
    page.keyboard.type("Een inleiding over de ideeën uit Hengelo.")
    insert_block(page, "Tekst", "Einde van de inleiding")
    for name, description, maker, _ in PHOTOS:
        add_photo(page, photos / name, description, maker)


def fill(page, key: str, value: str) -> None:
    box = field(page, key).locator("input, textarea").first
    box.fill(value)
    expect(box).to_have_value(value)


@pytest.fixture(scope="module")
def edited(browser, web, tmp_path_factory):
    """One editor's work: a newsletter with two photos, a meeting, a municipality's text; each in
    the editor opened anew on the repository as the last one left it."""
    folder = tmp_path_factory.mktemp("beheer")
    project = copy_project(folder / "project")
    changed, errors = {}, []

    def session(work) -> None:
        context, page, before = open_local_repository(browser, web.base, project)
        try:
            page.get_by_text("Nieuwsbrieven", exact=True).first.wait_for()
            work(page, before)
            changed.update(write_back(page, project, before))
            errors.extend(page.errors)
        finally:
            context.close()

    def newsletter(page, before) -> None:
        new_newsletter(page, phone_photos(folder))
        save_file(page, POST, b"")

    def meeting(page, before) -> None:
        open_entry(page, "gegevens", "agenda")
        index = len(yaml.safe_load((project / "data/agenda.yml").read_text(encoding="utf-8"))["bijeenkomsten"])
        page.get_by_role("button", name="\u2068Bijeenkomsten\u2069 toevoegen").last.click()
        for key, value in MEETING.items():
            fill(page, f"bijeenkomsten.{index}.{key}", value)
        save_file(page, "data/agenda.yml", before["data/agenda.yml"])

    def municipality(page, before) -> None:
        open_entry(page, "gegevens", "gemeenten")
        municipalities = yaml.safe_load((project / "data/gemeenten.yml").read_text(encoding="utf-8"))["gemeenten"]
        fill(page, f"gemeenten.{[m['slug'] for m in municipalities].index('hengelo')}.tekst", MUNICIPALITY_TEXT)
        save_file(page, "data/gemeenten.yml", before["data/gemeenten.yml"])

    for work in (newsletter, meeting, municipality):
        session(work)
    return {"project": project, "changed": changed, "errors": errors, "folder": folder}


def test_the_editor_writes_the_newsletter_its_photos_and_the_data_files(edited):
    post = POST
    assert set(edited["changed"]) == {post, "docs/nieuwsbrief/posts/img-2041.jpg", "docs/nieuwsbrief/posts/img-2042.jpg",
                                      "data/agenda.yml", "data/gemeenten.yml"}
    text = edited["changed"][post].decode("utf-8")
    assert f"slug: {SLUG}\n" in text and "automatisch_versturen: true\n" in text
    for name, description, maker, _ in PHOTOS:
        photo = name.lower().replace(" ", "-")
        assert f"![{description}]({photo})\n/// caption\nFoto: {maker}\n///" in text
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
    figures = page.select(".md-content figure")
    assert [(f.img["alt"], f.figcaption.get_text(strip=True)) for f in figures] == [
        (description, f"Foto: {maker}") for _, description, maker, _ in PHOTOS]
    folder = built / f"nieuwsbrief/{DAY:%Y/%m}/{SLUG}"
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


def test_a_photo_without_its_description_is_refused_in_the_form(browser, web, tmp_path):
    project = copy_project(tmp_path / "project")
    context, page, before = open_local_repository(browser, web.base, project)
    try:
        page.get_by_text("Nieuwsbrieven", exact=True).first.wait_for()
        new_newsletter(page, phone_photos(tmp_path))
        page.get_by_role("textbox", name="Wat er op de foto te zien is").last.fill("")
        page.get_by_role("button", name=word("save")).click()
        refusal = page.get_by_text(PHOTO_INCOMPLETE)
        refusal.first.wait_for()
        assert refusal.count() == 1
        assert write_back(page, project, before) == {}
    finally:
        context.close()
