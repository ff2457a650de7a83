"""schema.org data (JSON-LD) for search engines, as plain dicts: main.html writes them
with `tojson`. The organisation and its municipalities on the home page, an Event per
meeting on the agenda, a BlogPosting per newsletter; every value from the data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cultuurregio.site.content.data import Content

CONTEXT = "https://schema.org"


def _publisher(config) -> dict[str, Any]:
    return {"@type": "Organization", "name": config.site_name, "url": config.site_url,
            "logo": {"@type": "ImageObject", "url": config.site_url + "assets/logo-144.png"}}


def organization(config, content: Content) -> dict[str, Any]:
    return {"@context": CONTEXT, **_publisher(config), "description": config.site_description,
            "member": [{"@type": "GovernmentOrganization", "name": f"Gemeente {g['naam']}"}
                       for g in content.gemeenten]}


def _moment(value: dt.date | dt.datetime) -> str:
    """ISO 8601: a time with its offset in Amsterdam, or a whole day."""
    return value.isoformat()


def event(config, meeting: dict[str, Any]) -> dict[str, Any]:
    data = {"@context": CONTEXT, "@type": "Event", "name": meeting["titel"],
            "description": meeting["beschrijving"], "startDate": _moment(meeting["start"]),
            "endDate": _moment(meeting["einde"] or meeting["start"]),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "url": f"{config.site_url}agenda/#{meeting['slug']}",
            "organizer": _publisher(config), "inLanguage": "nl"}
    if meeting["plaats"]:
        data["location"] = {"@type": "Place", "name": meeting["plaats"], "address": meeting["plaats"]}
    return data


def day(value: dt.date | dt.datetime) -> str:
    # Material reads a front-matter day as midnight UTC; the day is what the editor wrote.
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


def posting(config, page, authors: list[str]) -> dict[str, Any]:
    """A newsletter; its dates as its front matter gives them (days)."""
    dates = page.meta["date"]
    published = day(dates["created"])
    modified = day(dates.get("updated") or dates["created"])
    return {"@context": CONTEXT, "@type": "BlogPosting", "headline": page.title,
            "description": page.meta.get("description", ""), "url": page.canonical_url,
            "mainEntityOfPage": page.canonical_url, "inLanguage": "nl",
            "datePublished": published, "dateModified": modified,
            "author": [{"@type": "Organization", "name": name} for name in authors],
            "publisher": _publisher(config)}


def for_page(page, config, content: Content, posts) -> list[dict[str, Any]]:
    """The schema.org data a page carries: the organisation on the home page, the meetings on
    the agenda, each newsletter as a posting."""
    source = page.file.src_uri if page.file else None
    if source == "index.md":
        return [organization(config, content)]
    if source == "agenda.md":
        return [event(config, meeting) for meeting in content.bijeenkomsten]
    if page in posts:
        return [posting(config, page, [author.name for author in page.authors])]
    return []
