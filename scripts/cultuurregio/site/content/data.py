"""The one loader: reads every data file, validates it, and hands out the content.

Used by the content checks (site/guards/validation.py, whose result hooks.py hands to the macros
before any page renders), by the tests and by editor tools. Anything
wrong raises ContentError listing every problem with file and line, in Dutch.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cultuurregio.site.common.dates import TIMEZONE, PartialDate, period_label
from cultuurregio.site.common.problems import ContentError, Problem
from cultuurregio.site.content.schema import item_defaults, validate
from cultuurregio.site.content.yamlfile import YamlFile, read_yaml

# data file -> the list it holds (each data file is named after its schema).
LISTS = {
    "gemeenten": "gemeenten",
    "themas": "themas",
    "werkgroepen": "werkgroepen",
    "organisatie": "organen",
    "tijdlijn": "stappen",
    "samenwerkingen": "samenwerkingen",
    "agenda": "bijeenkomsten",
}

# (file, field, file it refers to, what one item of that file is called)
REFERENCES = (
    ("werkgroepen", "thema", "themas", "thema"),
    ("tijdlijn", "themas", "themas", "thema"),
    ("tijdlijn", "organen", "organisatie", "orgaan"),
    ("samenwerkingen", "gemeenten", "gemeenten", "gemeente"),
    ("samenwerkingen", "themas", "themas", "thema"),
    ("agenda", "themas", "themas", "thema"),
)


@dataclass(frozen=True)
class Content:
    """Validated content; lists are in the order pages show them."""

    gemeenten: list[dict[str, Any]]
    themas: list[dict[str, Any]]
    werkgroepen: list[dict[str, Any]]
    organen: list[dict[str, Any]]
    stappen: list[dict[str, Any]]
    samenwerkingen: list[dict[str, Any]]
    bijeenkomsten: list[dict[str, Any]]
    # The files as read, by name: where each value stands, for messages about it.
    sources: dict[str, YamlFile] = field(default_factory=dict, repr=False, compare=False)

    @property
    def beveiligingsmelding(self) -> str | None:
        """Where to report a security problem, if editors gave it (data/organisatie.yml)."""
        source = self.sources.get("organisatie")
        return source.data.get("beveiligingsmelding") if source else None

    def thema(self, slug: str) -> dict[str, Any]:
        return _by_slug(self.themas, slug, "thema", "data/themas.yml")

    def gemeente(self, slug: str) -> dict[str, Any]:
        return _by_slug(self.gemeenten, slug, "gemeente", "data/gemeenten.yml")

    def werkgroep_van(self, thema: str) -> dict[str, Any]:
        return next(group for group in self.werkgroepen if group["thema"] == thema)

    def bijeenkomsten_voor(self, day: dt.date) -> tuple[list, list]:
        """Meetings still to come on `day` (soonest first) and those past (latest first)."""
        coming = [m for m in self.bijeenkomsten if last_day(m) >= day]
        past = [m for m in self.bijeenkomsten if last_day(m) < day]
        return coming, past[::-1]

    def samenwerkingen_met(self, thema: str | None = None, gemeente: str | None = None):
        """The real collaborations of a theme or a municipality. An editors' placeholder
        (`voorbeeld: true`) is no fact about either: it shows only on /samenwerkingen/, marked."""
        return [
            item
            for item in self.samenwerkingen
            if not item.get("voorbeeld")
            and (thema is None or thema in item["themas"])
            and (gemeente is None or gemeente in item["gemeenten"])
        ]


def last_day(meeting: dict[str, Any]) -> dt.date:
    """The day a meeting ends (its start day, if it gives no end)."""
    end = meeting["einde"] or meeting["start"]
    return end.date() if isinstance(end, dt.datetime) else end


def _by_slug(items: list[dict[str, Any]], slug: str, noun: str, file: str) -> dict[str, Any]:
    for item in items:
        if item["slug"] == slug:
            return item
    raise ContentError([Problem(file, None, _unknown(noun, slug, [i["slug"] for i in items]))])


def _unknown(noun: str, value: str, choices: list[str]) -> str:
    message = f"{noun} '{value}' bestaat niet (kies uit: {', '.join(choices)})"
    close = difflib.get_close_matches(value, choices, n=1)
    return message + (f"; bedoel je '{close[0]}'?" if close else "")


def load_content(data_dir: Path) -> Content:
    """Read and check every file in `data_dir`; raise ContentError if anything is wrong."""
    documents: dict[str, YamlFile] = {}
    problems: list[Problem] = []
    for name in LISTS:
        label = f"{data_dir.name}/{name}.yml"
        document, found = read_yaml(data_dir / f"{name}.yml", label)
        problems += found
        if document is not None:
            schema_problems = validate(document, name)
            problems += schema_problems
            if not schema_problems:
                documents[name] = document
    problems += _check_meaning(documents)
    if problems:
        raise ContentError(problems)
    return _assemble(
        {
            name: [{**item_defaults(name, LISTS[name]), **item} for item in doc.data[LISTS[name]]]
            for name, doc in documents.items()
        },
        documents,
    )


def _items(documents: dict[str, YamlFile], name: str):
    """(item, its path in the file) for each item of a data file's list."""
    key = LISTS[name]
    for index, item in enumerate(documents[name].data[key]):
        yield item, (key, index)


def _check_meaning(documents: dict[str, YamlFile]) -> list[Problem]:
    """What a schema cannot say: unique slugs, references, and consistency between fields.

    `documents` holds the files that passed their schema; a check that needs a file that
    did not is skipped, so one broken file does not hide the problems in the others.
    """
    problems: list[Problem] = []

    def problem(name: str, path: tuple, message: str) -> None:
        problems.append(Problem(documents[name].name, documents[name].line(path), message))

    for name in documents:
        seen: set[str] = set()
        for item, path in _items(documents, name):
            if item["slug"] in seen:
                problem(name, path + ("slug",), f"slug '{item['slug']}' komt twee keer voor; "
                        "elke slug moet uniek zijn")
            seen.add(item["slug"])

    for name, key, target, noun in REFERENCES:
        if name not in documents or target not in documents:
            continue
        choices = [item["slug"] for item, _ in _items(documents, target)]
        for item, path in _items(documents, name):
            values = item.get(key, [])
            for index, value in enumerate(values if isinstance(values, list) else [values]):
                if value not in choices:
                    where = path + (key, index) if isinstance(values, list) else path + (key,)
                    problem(name, where, _unknown(noun, value, choices))

    if "themas" in documents and "werkgroepen" in documents:
        problems += _one_group_per_theme(documents)
    if "tijdlijn" in documents:
        problems += _check_steps(documents["tijdlijn"])
    if "agenda" in documents:
        problems += _check_meetings(documents["agenda"])
    return problems


def _one_group_per_theme(documents: dict[str, YamlFile]) -> list[Problem]:
    problems: list[Problem] = []
    themes, groups_file = documents["themas"], documents["werkgroepen"]
    groups: dict[str, list] = {}
    for item, path in _items(documents, "werkgroepen"):
        groups.setdefault(item["thema"], []).append(path)
    for item, path in _items(documents, "themas"):
        paths = groups.get(item["slug"], [])
        if not paths:
            problems.append(Problem(themes.name, themes.line(path), f"thema '{item['slug']}' "
                                    "heeft geen werkgroep; voeg er een toe in data/werkgroepen.yml"))
        for extra in paths[1:]:
            problems.append(Problem(groups_file.name, groups_file.line(extra + ("thema",)),
                                    f"thema '{item['slug']}' heeft al een werkgroep; elk thema "
                                    "heeft er precies één"))
    return problems


def _check_steps(document: YamlFile) -> list[Problem]:
    return [
        Problem(document.name, document.line(("stappen", index, "benadering")),
                "'begin' en 'eind' passen bij een maand of jaar, niet bij een precieze dag; "
                "laat 'benadering' weg of schrijf JJJJ-MM")
        for index, item in enumerate(document.data["stappen"])
        if item.get("benadering") in ("begin", "eind") and len(item["datum"]) == 10
    ]


def _check_meetings(document: YamlFile) -> list[Problem]:
    problems: list[Problem] = []
    for index, item in enumerate(document.data["bijeenkomsten"]):
        if "einde" not in item:
            continue
        line = document.line(("bijeenkomsten", index, "einde"))
        if (len(item["start"]) == 10) != (len(item["einde"]) == 10):
            problems.append(Problem(document.name, line, "geef 'start' en 'einde' allebei met "
                                    "tijd, of allebei zonder tijd (hele dag)"))
        elif item["einde"] < item["start"]:
            problems.append(Problem(document.name, line, f"einde {item['einde']} ligt vóór "
                                    f"start {item['start']}"))
    return problems


def _moment(text: str) -> dt.datetime | dt.date:
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text).replace(tzinfo=TIMEZONE)


def _assemble(lists: dict[str, list[dict[str, Any]]], sources: dict[str, YamlFile]) -> Content:
    steps = [
        {**step, "datum": PartialDate(step["datum"], step["benadering"])}
        for step in lists["tijdlijn"]
    ]
    meetings = []
    for meeting in lists["agenda"]:
        start = _moment(meeting["start"])
        end = _moment(meeting["einde"]) if meeting["einde"] else None
        meetings.append({**meeting, "start": start, "einde": end, "wanneer": period_label(start, end),
                         "bijgewerkt": dt.date.fromisoformat(meeting["bijgewerkt"])})
    return Content(
        gemeenten=sorted(lists["gemeenten"], key=lambda item: item["naam"]),
        themas=lists["themas"],
        werkgroepen=lists["werkgroepen"],
        organen=lists["organisatie"],
        # A stable sort: steps on the same date keep the order editors gave them.
        stappen=sorted(steps, key=lambda step: step["datum"].sort_key),
        samenwerkingen=lists["samenwerkingen"],
        bijeenkomsten=sorted(meetings, key=lambda item: item["start"].isoformat()),
        sources=sources,
    )
