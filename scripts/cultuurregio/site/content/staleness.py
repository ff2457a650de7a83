"""Content that has gone stale: warnings for editors, never a reason to stop the build
(the daily rebuild must keep publishing). `make check` and the pull request show them."""

from __future__ import annotations

import datetime as dt

from cultuurregio.site.common.problems import Problem
from cultuurregio.site.content.data import Content, last_day


def stale_content(content: Content, day: dt.date) -> list[Problem]:
    """What no longer fits `day` (the build date): planned steps whose date or meeting has
    passed, and placeholders still on the site."""
    return _passed_steps(content, day) + _placeholders(content)


def _passed_steps(content: Content, day: dt.date) -> list[Problem]:
    steps = content.sources["tijdlijn"]
    by_slug = {step["slug"]: step for step in content.stappen}
    # A timeline step and a meeting with the same slug are the same event.
    meetings = {meeting["slug"]: meeting for meeting in content.bijeenkomsten}
    warnings = []
    for index, raw in enumerate(steps.data["stappen"]):
        step = by_slug[raw["slug"]]
        if step["status"] != "gepland":
            continue
        meeting = meetings.get(step["slug"])
        if meeting and last_day(meeting) < day:
            message = (f"stap '{step['slug']}' staat nog op 'gepland', maar de bijeenkomst in data/agenda.yml "
                       f"was al ({meeting['wanneer']}); zet 'status: gedaan' en pas de tekst aan")
        elif step["datum"].last_day < day:
            message = (f"stap '{step['slug']}' staat nog op 'gepland', maar '{step['datum'].label}' is voorbij; "
                       "zet 'status: gedaan' of geef een nieuwe datum")
        else:
            continue
        warnings.append(Problem(steps.name, steps.line(("stappen", index, "status")), message))
    return warnings


def _placeholders(content: Content) -> list[Problem]:
    source = content.sources["samenwerkingen"]
    return [
        Problem(source.name, source.line(("samenwerkingen", index, "voorbeeld")),
                f"'{item['titel']}' is een invulvoorbeeld (voorbeeld: true) en staat op de site; vervang "
                "het door een echte samenwerking of haal het weg")
        for index, item in enumerate(source.data["samenwerkingen"])
        if item.get("voorbeeld")
    ]
