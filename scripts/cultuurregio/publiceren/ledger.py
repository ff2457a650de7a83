"""The ledger of sends: which newsletter went to the list, and which version the editors got as a test.

Its place is the file `verzonden.yml` on a branch of its own, `verzendlogboek`, which only the
sending jobs write (as only gh-pages.yml writes gh-pages). `main` is protected on GitHub (a
review and the checks before a merge, README "Publiceren"); a bot's push to it is refused, a push
to this branch is not.

Each write is a new commit on top of the one it read, pushed without force: a writer that lost
a race (someone else's commit came first) is refused by the push, reads the ledger again and
decides anew on what it reads, so "bezig" written by one run stops the other. Without
`--vastleggen` (a maintainer's machine) the ledger is a local file, `.cache/verzonden.yml`.

A newsletter is known by its address (publiceren/newsletters.py). Entries of the old form,
written before December 2026 to `data/verzonden.yml` on main and keyed by slug, keep counting:
the Message-ID they recorded is derived from the newsletter's address, so it says which one it
was. A repository whose main still has that file starts the branch from it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cultuurregio.publiceren.newsletters import Newsletter, Refused
from cultuurregio.site.common.dates import TIMEZONE
from cultuurregio.site.content.schema import validate
from cultuurregio.site.content.yamlfile import parse_yaml, read_text

BRANCH = "verzendlogboek"
FILE = "verzonden.yml"
OLD = Path("data") / "verzonden.yml"
LOCAL = Path(".cache") / "verzonden.yml"
NAME = f"{FILE} op de tak {BRANCH}"
HEADER = f"""\
# Logboek van de nieuwsbrieven die naar de verzendlijst gingen, en van de laatste test per
# nieuwsbrief aan de redactie. Alleen de workflows "Publiceren" en "Nieuwsbrief versturen"
# schrijven hierin, op deze eigen tak ({BRANCH}); verander het niet met de hand, behalve om een
# regel met 'status: bezig' weg te halen nadat u zeker weet dat die nieuwsbrief niet aankwam
# (CONTRIBUTING.md, "De nieuwsbrief per e-mail").
"""
BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")
ATTEMPTS = 5


class LedgerError(Refused):
    """The ledger could not be read or written."""


@dataclass
class Entries:
    sends: list[dict] = field(default_factory=list)
    tests: list[dict] = field(default_factory=list)

    def send_of(self, newsletter: Newsletter, site_url: str) -> dict | None:
        """This newsletter's entry: by its address, or (the old form) by the Message-ID recorded."""
        for entry in self.sends:
            if entry.get("adres") == newsletter.address:
                return entry
            if "adres" not in entry and entry.get("message_id") == newsletter.message_id(site_url):
                return entry
        return None

    def without_send_of(self, newsletter: Newsletter, site_url: str) -> None:
        entry = self.send_of(newsletter, site_url)
        self.sends = [e for e in self.sends if e is not entry]

    def test_of(self, newsletter: Newsletter) -> dict | None:
        return next((entry for entry in self.tests if entry.get("adres") == newsletter.address), None)

    def text(self) -> str:
        data = {"verzonden": self.sends, **({"testen": self.tests} if self.tests else {})}
        return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def now() -> str:
    return dt.datetime.now(TIMEZONE).replace(microsecond=0).isoformat()


def parse(text: str | None, name: str) -> Entries:
    if text is None:
        return Entries()
    document, problems = parse_yaml(text, name)
    if document is not None and not problems:
        problems = validate(document, "verzonden")
    if problems:
        raise LedgerError("het logboek is niet te lezen: " + "; ".join(map(str, problems)))
    return Entries(list(document.data.get("verzonden") or []), list(document.data.get("testen") or [])) \
        if document else Entries()


class Ledger:
    """`record`: on the branch of the repository the checkout came from; else the local file."""

    def __init__(self, project: Path, record: bool):
        self.project, self.record = project, record
        self.base: str | None = None  # the branch's commit that the last read saw

    def read(self) -> Entries:
        if not self.record:
            return self._file(LOCAL)
        self.base = None
        if self._tip() is None:  # before the branch exists: the old ledger on main, if there is one
            return self._file(OLD)
        tracking = f"refs/remotes/origin/{BRANCH}"
        self._git("fetch", "--quiet", "--no-tags", "--depth=1", "origin", f"+refs/heads/{BRANCH}:{tracking}")
        self.base = self._git("rev-parse", tracking).strip()
        return parse(self._git("show", f"{self.base}:{FILE}"), NAME)

    def change(self, edit: Callable[[Entries], str]) -> str:
        """Read, let `edit` change the entries (or refuse), write; again from a fresh read when
        another writer came first. `edit` returns the commit message; what it returned last."""
        for attempt in range(ATTEMPTS):
            entries = self.read()
            message = edit(entries)
            if not self.record:
                (self.project / LOCAL).parent.mkdir(parents=True, exist_ok=True)
                (self.project / LOCAL).write_text(entries.text(), encoding="utf-8")
                return message
            error = self._write(entries, message)
            if error is None:
                return message
            if self._tip() == self.base:  # nobody came first: the push itself is refused
                raise LedgerError(f"het logboek kon niet worden vastgelegd op de tak {BRANCH} ({error})")
            time.sleep(attempt + 1)
        raise LedgerError(f"het logboek kon niet worden vastgelegd: {ATTEMPTS} keer schreef een andere taak er "
                          "tegelijk in")

    def _tip(self) -> str | None:
        listed = self._git("ls-remote", "origin", f"refs/heads/{BRANCH}").split()
        return listed[0] if listed else None

    def _file(self, relative: Path) -> Entries:
        if not (self.project / relative).exists():
            return Entries()
        text, problems = read_text(self.project / relative, relative.as_posix())
        if problems:
            raise LedgerError("; ".join(map(str, problems)))
        return parse(text, relative.as_posix())

    def _write(self, entries: Entries, message: str) -> str | None:
        """None when the push was taken; else git's reason."""
        blob = self._git("hash-object", "-w", "--stdin", input=entries.text()).strip()
        tree = self._git("mktree", input=f"100644 blob {blob}\t{FILE}\n").strip()
        # Two writers of the same entry in the same second would make the same commit, and both
        # pushes would be taken: each write names its writer, so the second is refused.
        writer = f"Schrijver: {os.environ.get('GITHUB_RUN_ID', 'lokaal')}-{uuid.uuid4().hex[:12]}"
        commit = self._git("commit-tree", tree, *(["-p", self.base] if self.base else []), "-m", message,
                           "-m", writer).strip()
        pushed = subprocess.run(["git", "push", "--quiet", "origin", f"{commit}:refs/heads/{BRANCH}"],
                                cwd=self.project, capture_output=True, text=True, check=False)
        return None if pushed.returncode == 0 else pushed.stderr.strip() or f"git push: {pushed.returncode}"

    def _git(self, *args: str, input: str | None = None) -> str:
        environment = {**os.environ, "GIT_AUTHOR_NAME": BOT[0], "GIT_AUTHOR_EMAIL": BOT[1],
                       "GIT_COMMITTER_NAME": BOT[0], "GIT_COMMITTER_EMAIL": BOT[1]}
        result = subprocess.run(["git", *args], cwd=self.project, input=input, capture_output=True, text=True,
                                env=environment, check=False)
        if result.returncode:
            raise LedgerError(f"het logboek op de tak {BRANCH} is niet te bereiken ({result.stderr.strip()})")
        return result.stdout
