"""Dates as precise as the sources allow (a year, a month or a day), in Dutch.

The names of months and weekdays come from Babel (CLDR), as in the blog's own dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date

TIMEZONE = ZoneInfo("Europe/Amsterdam")
LOCALE = "nl"

# How an approximate date reads, and where it sorts within its period.
_APPROXIMATIONS = {"voor": ("vóór", -1), "begin": ("begin", 0), "eind": ("eind", 2), "na": ("na", 3)}


@dataclass(frozen=True)
class PartialDate:
    """`2018`, `2018-05` or `2018-09-12`, optionally 'voor', 'begin', 'eind' or 'na' it."""

    iso: str
    approximation: str | None = None

    @property
    def parts(self) -> list[int]:
        return [int(part) for part in self.iso.split("-")]

    @property
    def first_day(self) -> dt.date:
        year, month, day = (self.parts + [1, 1])[:3]
        return dt.date(year, month, day)

    @property
    def last_day(self) -> dt.date:
        parts = self.parts
        if len(parts) == 3:
            return self.first_day
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return dt.date(parts[0], 12, 31)

    @property
    def sort_key(self) -> tuple[dt.date, int]:
        """'voor mei' sorts before May, 'eind mei' and 'na mei' after all of May."""
        rank = _APPROXIMATIONS[self.approximation][1] if self.approximation else 1
        day = self.last_day if rank >= 2 else self.first_day
        return (day, rank)

    @property
    def label(self) -> str:
        parts = self.parts
        pattern = {1: "y", 2: "MMMM y", 3: "d MMMM y"}[len(parts)]
        text = format_date(self.first_day, pattern, locale=LOCALE)
        if self.approximation:
            text = f"{_APPROXIMATIONS[self.approximation][0]} {text}"
        return text


def date_label(day: dt.date, weekday: bool = False) -> str:
    """`12 september 2018`, or `woensdag 12 september 2018`."""
    return format_date(day, "EEEE d MMMM y" if weekday else "d MMMM y", locale=LOCALE)


def period_label(start: dt.date | dt.datetime, end: dt.date | dt.datetime | None) -> str:
    """`woensdag 21 november 2018, 14:00 tot 17:00 uur`, or whole days without times."""
    if not isinstance(start, dt.datetime):
        text = date_label(start, weekday=True)
        if end and end != start:
            text += f" tot en met {date_label(end, weekday=True)}"
        return text
    text = f"{date_label(start.date(), weekday=True)}, {start:%H:%M}"
    if end:
        if end.date() != start.date():
            text += f" tot {date_label(end.date(), weekday=True)}, {end:%H:%M}"
        else:
            text += f" tot {end:%H:%M}"
    return text + " uur"


# The one rule for the build's moment (README, "Bouwdatum"); make check, make build, the
# pull request's comparison and the deploy all take it from here.
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def last_commit_epoch(project: Path) -> int | None:
    """The time of the project's last commit (None outside a git checkout)."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True,
                                text=True, check=False)
    except FileNotFoundError:
        return None
    return int(result.stdout) if result.returncode == 0 and result.stdout.strip() else None


def build_epoch(project: Path, now: dt.datetime | None = None) -> int:
    """SOURCE_DATE_EPOCH when it is set; otherwise the later of the last commit's time and the
    start of today in Europe/Amsterdam.

    The same commit on the same day gives the same bytes, and a push of an older commit does
    not hide a newsletter that the morning's build has already published on its day."""
    if os.environ.get(EPOCH_VARIABLE):
        return int(os.environ[EPOCH_VARIABLE])
    today = (now or dt.datetime.now(TIMEZONE)).astimezone(TIMEZONE).replace(hour=0, minute=0, second=0,
                                                                            microsecond=0)
    return max(last_commit_epoch(project) or 0, int(today.timestamp()))


def pin_build_moment(project: Path) -> None:
    """Fix the build's moment for this process and what it starts (MkDocs' sitemap reads it too)."""
    os.environ[EPOCH_VARIABLE] = str(build_epoch(project))


def build_date(project: Path) -> dt.date:
    """Today for the build: the day, in Europe/Amsterdam, of the build's moment."""
    return dt.datetime.fromtimestamp(build_epoch(project), TIMEZONE).date()


def main() -> int:
    """`make -s bouwdatum`: the moment as a line for $GITHUB_ENV (and for people to read)."""
    print(f"{EPOCH_VARIABLE}={build_epoch(Path.cwd())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
