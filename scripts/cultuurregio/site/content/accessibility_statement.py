"""The accessibility statement (the page Toegankelijkheid) from data/toegankelijkheid.yml, in
the Dutch model of digitoegankelijk.nl, with its status A–E.

The status is computed from the data on the build date, by the rules in README.md
("Toegankelijkheidsstatus"); nobody types it in. Nothing is invented either: what editors
left empty stays empty, the page says so, and `make check` names it ("let op").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from dateutil.relativedelta import relativedelta

from cultuurregio.site.common.problems import Problem
from cultuurregio.site.content.schema import validate
from cultuurregio.site.content.yamlfile import YamlFile, read_yaml

FILE = "toegankelijkheid.yml"
# How long research counts, how soon planned research must follow the approval, and how
# long an approval holds (README, "Toegankelijkheidsstatus").
RESEARCH_MONTHS = 36
PLANNED_MONTHS = 6
APPROVAL_MONTHS = 12
# The model's names of the statuses (digitoegankelijk.nl, "De status").
NAMES = {
    "A": "voldoet volledig",
    "B": "voldoet gedeeltelijk",
    "C": "eerste maatregelen genomen",
    "D": "voldoet niet",
    "E": "geen goedgekeurde verklaring",
}


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day where it is shorter)."""
    return day + relativedelta(months=months)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Research:
    datum: dt.date
    methode: tuple[str, ...]
    alle_eisen: bool
    hele_site: bool
    uitgevoerd_door: str
    rapport: str

    def shortcomings(self, today: dt.date) -> list[str]:
        """Why this research does not count for status A or B (empty: it counts)."""
        reasons = []
        if self.datum > today:
            reasons.append("de datum ligt na vandaag")
        elif months_after(self.datum, RESEARCH_MONTHS) < today:
            reasons.append(f"het is ouder dan {RESEARCH_MONTHS} maanden")
        if "WCAG-EM" not in self.methode or "handmatig" not in self.methode:
            reasons.append("het is niet (handmatig) volgens WCAG-EM gedaan")
        if not self.alle_eisen:
            reasons.append("niet alle 50 eisen zijn onderzocht")
        if not self.hele_site:
            reasons.append("niet de hele site is onderzocht")
        return reasons


@dataclass(frozen=True)
class KnownProblem:
    eis: str
    probleem: str
    maatregel: str
    gepland: dt.date


@dataclass(frozen=True)
class Status:
    letter: str
    redenen: list[str]
    onderzoek: Research | None

    @property
    def naam(self) -> str:
        return NAMES[self.letter]


@dataclass(frozen=True)
class Statement:
    organisatie: str
    websites: list[str]
    onderzoeken: list[Research]
    onderzoek_gepland: dt.date | None
    bekende_problemen: list[KnownProblem]
    contact: str
    functie: str | None
    naam: str | None
    akkoord: dt.date | None
    # Where each value stands, for the notes.
    source: YamlFile | None = field(default=None, compare=False, repr=False)

    @property
    def approved(self) -> bool:
        return bool(self.functie and self.naam and self.akkoord)

    def counting_research(self, today: dt.date) -> Research | None:
        """The newest research that counts for status A or B (README, rule 2), if any."""
        return next((r for r in sorted(self.onderzoeken, key=lambda r: r.datum, reverse=True)
                     if not r.shortcomings(today)), None)

    def status(self, today: dt.date) -> Status:
        """The rules of README.md, "Toegankelijkheidsstatus", in their order."""
        valid = self.counting_research(today)
        if valid and not self.bekende_problemen:
            reasons = ["Uit onderzoek blijkt dat de site aan alle 50 eisen voldoet."]
        elif valid:
            reasons = ["Uit onderzoek blijkt dat de site nog niet aan alle eisen voldoet; voor elk bekend "
                       "probleem staat hieronder wat we doen en wanneer."]
        elif self.onderzoeken:
            reasons = [f"Er is geen onderzoek van de hele site van minder dan {RESEARCH_MONTHS // 12} jaar oud."]
        else:
            reasons = ["Er is nog geen toegankelijkheidsonderzoek gedaan."]
        if not self.approved or self.akkoord > today:
            return Status("E", [*reasons, "Deze verklaring is nog niet goedgekeurd ('gezien en akkoord')."], valid)
        if valid:
            letter = "B" if self.bekende_problemen else "A"
        else:
            deadline = months_after(self.akkoord, PLANNED_MONTHS)
            planned = bool(self.onderzoek_gepland and self.onderzoek_gepland <= deadline and today <= deadline)
            letter = "C" if planned else "D"
            if planned:
                reasons.append("Een onderzoek is gepland binnen een half jaar na de goedkeuring van deze verklaring.")
        if months_after(self.akkoord, APPROVAL_MONTHS) < today and letter < "D":
            letter = chr(ord(letter) + 1)
            reasons.append("De goedkeuring is ouder dan een jaar; daarom staat de status een letter lager.")
        return Status(letter, reasons, valid)


def read_statement(data_dir: Path) -> tuple[Statement | None, list[Problem]]:
    name = f"data/{FILE}"
    document, problems = read_yaml(data_dir / FILE, name)
    if document is not None:
        problems += validate(document, "toegankelijkheid")
    if document is None or problems:
        return None, problems
    data, approval = document.data, document.data["akkoord"]
    research = [Research(_date(r["datum"]), tuple(r["methode"]), r["alle_eisen"] == "ja", r["hele_site"] == "ja",
                         r["uitgevoerd_door"], r["rapport"]) for r in data["onderzoeken"]]
    known = [KnownProblem(p["eis"], p["probleem"], p["maatregel"], _date(p["gepland"]))
             for p in data["bekende_problemen"]]
    return Statement(data["organisatie"], data["websites"], research, _date(data["onderzoek_gepland"]), known,
                     data["contact"], approval["functie"], approval["naam"], _date(approval["datum"]),
                     document), []


def statement_notes(statement: Statement | None, today: dt.date, site_url: str | None) -> list[Problem]:
    """What editors still have to fill in or renew ("let op"); never a reason to stop the build.
    `site_url`: where the site is published (None for the preview)."""
    if statement is None:
        return []
    source = statement.source
    notes = []

    def note(path: tuple, message: str) -> None:
        notes.append(Problem(source.name, source.line(path), message))

    if site_url and site_url.rstrip("/") not in {website.rstrip("/") for website in statement.websites}:
        note(("websites",), f"de site staat op {site_url}, maar dat adres staat niet bij websites; zet het erbij "
                            "(en haal een oud adres weg), anders geldt de verklaring niet voor deze site")
    if not statement.approved:
        given = {"functie": statement.functie, "naam": statement.naam, "datum": statement.akkoord}
        missing = [key for key, value in given.items() if not value]
        note(("akkoord", missing[0]), f"'gezien en akkoord' is nog niet ingevuld ({', '.join(missing)}); laat "
                                      "iemand die daarvoor tekent de verklaring goedkeuren. Tot dan is de status E")
    elif statement.akkoord > today:
        note(("akkoord", "datum"), "de datum van het akkoord ligt na vandaag; tot die dag is de status E")
    elif months_after(statement.akkoord, APPROVAL_MONTHS) < today:
        note(("akkoord", "datum"), "het akkoord is ouder dan een jaar; laat de verklaring opnieuw bekijken en "
                                   "goedkeuren (nieuwe datum). Tot dan staat de status een letter lager")
    counted = statement.counting_research(today) is not None
    if not statement.onderzoeken:
        note(("onderzoeken",), "er is nog geen toegankelijkheidsonderzoek vastgelegd; laat de hele site onderzoeken "
                               "(WCAG-EM, alle 50 eisen) of zet de datum van een afgesproken onderzoek bij "
                               "onderzoek_gepland. Zonder onderzoek is de status hoogstens C")
    elif not counted:
        newest = max(range(len(statement.onderzoeken)), key=lambda i: statement.onderzoeken[i].datum)
        note(("onderzoeken", newest, "datum"), "dit onderzoek telt niet mee voor status A of B: "
             + "; ".join(statement.onderzoeken[newest].shortcomings(today)))
    if statement.onderzoek_gepland and statement.onderzoek_gepland < today and not counted:
        note(("onderzoek_gepland",), "de datum van het geplande onderzoek is voorbij; leg het onderzoek vast "
                                     "bij onderzoeken, of zet een nieuwe datum")
    for index, known in enumerate(statement.bekende_problemen):
        if known.gepland < today:
            note(("bekende_problemen", index, "gepland"), f"de geplande datum voor '{known.eis}' is voorbij; "
                 "haal het probleem weg als het is opgelost, of zet een nieuwe datum")
    return notes
