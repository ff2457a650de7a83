"""The agenda page and its calendar files."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from tests.helpers import append, build, replace_value

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


def meeting(slug: str, start: str, end: str | None = None) -> str:
    """A meeting made by the test, as an editor would add it to data/agenda.yml."""
    return (f"  - slug: {slug}\n    titel: Testbijeenkomst {slug}\n    start: {start}\n"
            + (f"    einde: {end}\n" if end else "")
            + "    doelgroep: Iedereen die test.\n    beschrijving: Een bijeenkomst die de test maakt.\n"
            "    bijgewerkt: 2018-06-01\n")


@pytest.mark.slow
def test_uids_survive_an_edit_and_times_follow_amsterdam_across_dst(project, tmp_path):
    agenda = project / "data" / "agenda.yml"
    # Summer time (CEST, UTC+2) in September, winter time (CET, UTC+1) in November.
    append(agenda, meeting("test-zomer", "2018-09-12 19:30", "2018-09-12 22:00")
           + meeting("test-winter", "2018-11-21 14:00", "2018-11-21 17:00"))
    first, second = tmp_path / "eerst", tmp_path / "daarna"
    assert build(project, first).returncode == 0
    replace_value(agenda, ("bijeenkomsten", -1, "titel"), "Testbijeenkomst met een nieuwe titel")
    result = build(project, second)
    assert result.returncode == 0, result.stderr

    assert {str(e["UID"]) for e in events(second / "agenda.ics")} == {str(e["UID"]) for e in events(first / "agenda.ics")}
    calendar = Calendar.from_ical((second / "agenda.ics").read_bytes())
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    starts = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    summer = starts["test-zomer"].decoded("DTSTART")
    winter = starts["test-winter"].decoded("DTSTART")
    assert summer.astimezone(dt.timezone.utc) == dt.datetime(2018, 9, 12, 17, 30, tzinfo=dt.timezone.utc)
    assert winter.astimezone(dt.timezone.utc) == dt.datetime(2018, 11, 21, 13, 0, tzinfo=dt.timezone.utc)
    assert starts["test-zomer"].decoded("DTEND").astimezone(AMSTERDAM).hour == 22
    assert str(starts["test-winter"]["SUMMARY"]) == "Testbijeenkomst met een nieuwe titel"
    assert "TZID=Europe/Amsterdam" in (second / "agenda.ics").read_text()


@pytest.mark.slow
def test_upcoming_meetings_come_first_and_past_ones_in_the_archive(project, tmp_path):
    append(project / "data" / "agenda.yml", meeting("test-voorbij", "2031-05-01") + meeting("test-komend", "2031-05-03"))
    # Build as on 2 May 2031: one test meeting is past, the other still to come.
    epoch = str(int(dt.datetime(2031, 5, 2, 12, tzinfo=AMSTERDAM).timestamp()))
    site_dir = tmp_path / "site"
    result = build(project, site_dir, env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr
    article = BeautifulSoup((site_dir / "agenda/index.html").read_text(), "html.parser").select_one(".md-content")
    coming, archive = article.find(id="komend"), article.find(id="archief")
    upcoming, past = article.find(id="test-komend"), article.find(id="test-voorbij")
    # Document order: coming heading < upcoming meeting < archive heading < past meeting.
    order = [tag.sourceline for tag in (coming, upcoming, archive, past)]
    assert order == sorted(order)
    # Every meeting of the real agenda (all before 2031) is in the archive.
    assert all(section.h3.sourceline > archive.sourceline for section in article.select(".cr-bijeenkomst")
               if not section.h3["id"].startswith("test-"))
