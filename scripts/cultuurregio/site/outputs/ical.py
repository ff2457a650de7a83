"""The agenda as iCalendar: one file with every meeting, and one file per meeting.

Everything in it comes from data/agenda.yml, DTSTAMP included (the `bijgewerkt` date),
so the same data gives the same bytes and calendar apps see a change only when there is
one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event

from cultuurregio.site.common.dates import TIMEZONE
from cultuurregio.site.common.paths import AGENDA_FILE, meeting_file


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Cultuurregio Twente//Agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE.key)
    return calendar


def _event(meeting: dict[str, Any], site_url: str) -> Event:
    event = Event()
    # Not tied to the site's address: a move to another domain must not duplicate events.
    event.add("uid", f"{meeting['slug']}@cultuurregio-twente")
    stamp = dt.datetime.combine(meeting["bijgewerkt"], dt.time(), tzinfo=dt.timezone.utc)
    event.add("dtstamp", stamp)
    event.add("summary", meeting["titel"])
    start, end = meeting["start"], meeting["einde"]
    event.add("dtstart", start)
    if isinstance(start, dt.datetime):
        if end:
            event.add("dtend", end)
    else:
        # An all-day event ends (exclusively) on the day after its last day.
        event.add("dtend", (end or start) + dt.timedelta(days=1))
    if meeting["plaats"]:
        event.add("location", meeting["plaats"])
    event.add("description", f"{meeting['beschrijving']}\n\nVoor wie: {meeting['doelgroep']}")
    event.add("url", f"{site_url}agenda/#{meeting['slug']}")
    if meeting["themas"]:
        event.add("categories", meeting["themas"])
    return event


def calendar_file(meetings: list[dict[str, Any]], name: str, site_url: str) -> bytes:
    """An iCalendar file named `name` with `meetings`, and the time zones they use."""
    calendar = _calendar(name)
    for meeting in meetings:
        calendar.add_component(_event(meeting, site_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def write_calendars(site: Path, meetings: list[dict[str, Any]], site_name: str, site_url: str) -> None:
    """The agenda's file with every meeting, and a file per meeting, in `site`."""
    (site / AGENDA_FILE).write_bytes(calendar_file(meetings, site_name, site_url))
    for meeting in meetings:
        path = site / meeting_file(meeting)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(calendar_file([meeting], meeting["titel"], site_url))
