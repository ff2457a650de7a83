"""The ledger of sends on its own branch (publiceren/ledger.py), against a repository whose main is
protected as GitHub's is: two writers at once, and what a newsletter is known by."""

from __future__ import annotations

import datetime as dt

import pytest

from cultuurregio.project import ROOT
from cultuurregio.publiceren.ledger import BRANCH, Entries, Ledger, LedgerError
from cultuurregio.publiceren.newsletter_mail import reserve
from cultuurregio.publiceren.newsletters import Newsletter, Refused, find
from tests.github_actions import commit, git, origin_repository
from tests.github_actions.repository import ledger
from tests.github_actions.stand_ins import protect_main
from tests.helpers import newsletter

SITE = "https://cultuurregio-twente.github.io/website/"
NEWS = Newsletter("docs/nieuwsbrief/posts/2027-01-nieuws.md", "nieuws", dt.date(2027, 1, 12), False, True)


@pytest.fixture
def clones(tmp_path):
    """A small repository standing for GitHub's, its main protected, and two checkouts of it."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "--quiet", "--initial-branch=main")
    (origin / "LEESMIJ").write_text("test\n", encoding="utf-8")
    commit(origin, "Basis")
    protect_main(origin)
    for name in ("een", "twee"):
        git(tmp_path, "clone", "--quiet", str(origin), name)
    return origin, tmp_path / "een", tmp_path / "twee"


def entry(status: str = "bezig") -> dict:
    return {"adres": NEWS.address, "bestand": NEWS.file, "status": status, "moment": "2027-01-12T05:30:00+01:00",
            "message_id": NEWS.message_id(SITE), "aan": "lijst@example.org"}


def test_a_writer_that_loses_the_race_reads_again_and_is_refused(clones):
    """Both find the newsletter missing; the second one's push comes first. The first one's push
    is refused, it reads the ledger again, finds 'bezig', and so never sends."""
    origin, first, second = clones
    calls = []

    def edit(entries: Entries) -> str:
        calls.append(len(entries.sends))
        if len(calls) == 1:  # the other run writes between this read and this write
            Ledger(second, record=True).change(lambda other: reserve(other, NEWS, entry(), SITE))
        return reserve(entries, NEWS, entry(), SITE)

    with pytest.raises(Refused, match="staat als 'bezig'"):
        Ledger(first, record=True).change(edit)
    assert calls == [0, 1]
    assert [e["status"] for e in ledger(origin)] == ["bezig"]
    assert git(origin, "log", "--format=%an", BRANCH).splitlines() == ["github-actions[bot]"]


def test_the_ledger_never_touches_main_and_a_refused_push_is_said_in_dutch(clones):
    origin, first, _ = clones
    main = git(origin, "rev-parse", "main")
    Ledger(first, record=True).change(lambda entries: reserve(entries, NEWS, entry(), SITE))
    assert git(origin, "rev-parse", "main") == main and ledger(origin)[0]["adres"] == "/nieuwsbrief/2027/01/nieuws/"
    # A repository that refuses every push to the branch too (no write permission).
    hook = origin / ".git" / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'permission denied' >&2\nexit 1\n", encoding="utf-8")
    def clear(entries: Entries) -> str:
        entries.sends.clear()
        return "Leeg"
    with pytest.raises(LedgerError, match="kon niet worden vastgelegd op de tak verzendlogboek.*permission denied"):
        Ledger(first, record=True).change(clear)


def test_an_input_that_names_two_newsletters_is_refused_naming_both(tmp_path):
    project = origin_repository(ROOT, tmp_path / "p")
    for name, day in (("2027-01-nieuws.md", "2027-01-12"), ("2027-02-nieuws.md", "2027-02-02")):
        newsletter(project, name, front=f"date:\n  created: {day}\n")
    with pytest.raises(Refused) as refused:
        find(project, "nieuws")
    assert "/nieuwsbrief/2027/01/nieuws/" in str(refused.value) and "/nieuwsbrief/2027/02/nieuws/" in str(refused.value)
    for given in ("/nieuwsbrief/2027/02/nieuws/", "https://cultuurregio-twente.github.io/website/nieuwsbrief/2027/02/nieuws/",
                  "2027-02-nieuws.md", "docs/nieuwsbrief/posts/2027-02-nieuws.md", "nieuwsbrief/2027/02/nieuws"):
        assert find(project, given).file == "docs/nieuwsbrief/posts/2027-02-nieuws.md", given
