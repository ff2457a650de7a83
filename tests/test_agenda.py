"""The agenda page and its calendar files."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from icalendar import Calendar

from tests.conftest import build
from tests.test_bad_data import replace_once

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def events(path):
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_the_calendar_has_every_meeting_once(site, content):
    found = events(site / "agenda.ics")
    assert len(found) == len(content.bijeenkomsten)
    uids = [str(event["UID"]) for event in found]
    assert len(set(uids)) == len(uids)
    for meeting in content.bijeenkomsten:
        event = next(e for e in found if str(e["SUMMARY"]) == meeting["titel"])
        assert event.decoded("DTSTART") == meeting["start"]
        assert event.decoded("DTSTAMP").date() == meeting["bijgewerkt"]
        assert meeting["doelgroep"] in str(event["DESCRIPTION"])


def test_each_meeting_has_its_own_file_with_the_same_uid(site, content):
    whole = {str(e["SUMMARY"]): str(e["UID"]) for e in events(site / "agenda.ics")}
    for meeting in content.bijeenkomsten:
        single = events(site / "agenda" / f"{meeting['slug']}.ics")
        assert len(single) == 1
        assert str(single[0]["UID"]) == whole[meeting["titel"]]


def test_the_agenda_page_offers_the_calendar(pages, content):
    article = pages["agenda/index.html"].select_one(".md-content")
    hrefs = [a["href"] for a in article.select("a[href]")]
    assert any(h.startswith("webcal://") and h.endswith("/agenda.ics") for h in hrefs)
    assert "../agenda.ics" in hrefs
    for meeting in content.bijeenkomsten:
        assert f"{meeting['slug']}.ics" in hrefs


def test_uids_survive_an_edit_and_times_follow_amsterdam_across_dst(project, tmp_path, site):
    before = {str(e["UID"]) for e in events(site / "agenda.ics")}
    agenda = project / "data" / "agenda.yml"
    # Summer time (CEST, UTC+2) in September, winter time (CET, UTC+1) in November.
    replace_once(agenda, "    start: 2018-09-12\n", "    start: 2018-09-12 19:30\n    einde: 2018-09-12 22:00\n")
    replace_once(agenda, "    start: 2018-11-21\n", "    start: 2018-11-21 14:00\n    einde: 2018-11-21 17:00\n")
    replace_once(agenda, "titel: Debat over het cultuurprofiel", "titel: Debat over het cultuurprofiel (nieuwe titel)")
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stderr

    calendar = Calendar.from_ical((site_dir / "agenda.ics").read_bytes())
    assert {str(e["UID"]) for e in calendar.walk("VEVENT")} == before
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    starts = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    debate = starts["debat-cultuurprofiel"].decoded("DTSTART")
    meeting = starts["bijeenkomst-uitvoeringsagenda"].decoded("DTSTART")
    assert debate.astimezone(dt.timezone.utc) == dt.datetime(2018, 9, 12, 17, 30, tzinfo=dt.timezone.utc)
    assert meeting.astimezone(dt.timezone.utc) == dt.datetime(2018, 11, 21, 13, 0, tzinfo=dt.timezone.utc)
    assert starts["debat-cultuurprofiel"].decoded("DTEND").astimezone(AMSTERDAM).hour == 22
    assert "TZID=Europe/Amsterdam" in (site_dir / "agenda.ics").read_text()


def test_upcoming_meetings_come_first_and_past_ones_in_the_archive(project, tmp_path, monkeypatch):
    # Build as on 1 October 2018: the debate is past, the November meeting still to come.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2018, 10, 1, 12, tzinfo=AMSTERDAM).timestamp())))
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stderr
    article = BeautifulSoup((site_dir / "agenda/index.html").read_text(), "html.parser").select_one(".md-content")
    coming = article.find(id="komend")
    archive = article.find(id="archief")
    ids = [section.h3["id"] for section in article.select(".cr-bijeenkomst")]
    assert ids == ["bijeenkomst-uitvoeringsagenda", "debat-cultuurprofiel"]
    first = article.find(id="bijeenkomst-uitvoeringsagenda")
    second = article.find(id="debat-cultuurprofiel")
    # Document order: coming heading < upcoming meeting < archive heading < past meeting.
    order = [tag.sourceline for tag in (coming, first, archive, second)]
    assert order == sorted(order)
    assert os.environ["SOURCE_DATE_EPOCH"]
