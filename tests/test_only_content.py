"""Only content is published: a symbolic link (to the repository's .git, to a file or a folder
of the machine, or even to a page next to it) is refused by `make check`, by the build and by a
plain `mkdocs build`, with the link and where it points, and nothing is written; an editor's
text that becomes one line (a mail header, a calendar line) is checked or carried safely."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import os
import subprocess
import sys

import pytest
from icalendar import Calendar

from cultuurregio.site.content.yamlfile import read_yaml
from cultuurregio.site.outputs.ical import calendar_file
from tests.helpers import FOREIGN, build, check, checked, environment, newsletter

SECRET = "geheim-van-de-machine-9f3c"


def git_config(project, outside):
    (project / ".git").mkdir(exist_ok=True)
    (project / ".git" / "config").write_text(f"[remote]\n  token = {SECRET}\n")
    return "docs/assets/notities.txt", "../../.git/config"


def absolute_file(project, outside):
    (outside / "passwd").write_text(f"root:{SECRET}\n")
    return "docs/wachtwoorden.txt", str(outside / "passwd")


def folder(project, outside):
    (outside / "etc").mkdir()
    (outside / "etc" / "hosts.txt").write_text(SECRET)
    return "docs/assets/machine", str(outside / "etc")


def page_next_to_it(project, outside):
    return "docs/gemeenten-kopie.md", "gemeenten.md"


def data_file(project, outside):
    (outside / "gemeenten.yml").write_text(f"gemeenten:\n  - slug: {SECRET}\n")
    (project / "data" / "gemeenten.yml").unlink()
    return "data/gemeenten.yml", str(outside / "gemeenten.yml")


def template(project, outside):
    (outside / "main.html").write_text(SECRET)
    return "overrides/main.html", str(outside / "main.html")


LINKS = {
    "to the repository's .git/config": git_config,
    "to a file outside the repository": absolute_file,
    "to a folder outside the repository": folder,
    # Decided (site/content/symlinks.py): no link at all, not even one that stays inside docs/.
    "to a page in the same folder": page_next_to_it,
    "in place of a data file": data_file,
    "in place of a template": template,
}


@pytest.mark.parametrize("case", LINKS)
def test_a_symbolic_link_is_refused_and_nothing_is_written(project, tmp_path, case):
    outside = tmp_path / "buiten"
    outside.mkdir()
    name, target = LINKS[case](project, outside)
    link = project / name
    if link.exists() and not link.is_symlink():
        link.unlink()
    os.symlink(target, link)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("een oude site")

    checked_output, built = check(project), build(project, site)
    # A plain `mkdocs build`, which the hooks guard (on_config) without site/verdict.py.
    plain_site = tmp_path / "plain"
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                            "-d", str(plain_site)], capture_output=True, text=True,
                           env=environment(NO_MKDOCS_2_WARNING="1"))

    assert checked_output.returncode == 1 and built.returncode == 1 and plain.returncode == 1
    expected = f"{name}: dit is geen bestand maar een snelkoppeling (symbolische link) naar '{target}'"
    assert expected in checked_output.stdout, checked_output.stdout
    assert expected in built.stderr, built.stderr
    assert expected in plain.stderr, plain.stderr
    for output in (checked_output, built, plain):
        assert SECRET not in output.stdout + output.stderr
    # (A plain `mkdocs build` closes with MkDocs' own "Aborted"; editors use make check and make build.)
    for output in (checked_output, built):
        assert not FOREIGN.search(output.stdout + output.stderr), output.stdout + output.stderr
    assert not site.exists() and not list(tmp_path.glob(".site-*"))
    written = [path for path in plain_site.rglob("*")] if plain_site.exists() else []
    assert not [path for path in written if path.is_symlink() or SECRET.encode() in path.read_bytes()]


def test_readers_do_not_follow_a_link_on_their_own(project, tmp_path):
    (tmp_path / "themas.yml").write_text(f"themas:\n  - slug: {SECRET}\n")
    path = project / "data" / "themas.yml"
    path.unlink()
    os.symlink(tmp_path / "themas.yml", path)
    document, problems = read_yaml(path, "data/themas.yml")
    assert document is None and "snelkoppeling" in str(problems[0])
    result = checked(project)
    # Nothing else is read while a link is there: the link is the one problem.
    assert result.content is None and [p.file for p in result.problems] == ["data/themas.yml"]


@pytest.mark.slow
def test_a_title_in_a_one_line_yaml_block_still_builds(project, tmp_path):
    newsletter(project, "2019-03-blok.md", front="date:\n  created: 2019-03-14\ntitle: |\n  Eén regel in een blok\n")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    message = email.message_from_bytes((site / "nieuwsbrief/2019/03/blok/nieuwsbrief.eml").read_bytes(),
                                       policy=email.policy.default)
    assert message["Subject"] == "Eén regel in een blok"


def test_a_calendar_entry_carries_any_description_safely():
    description = "Eerste regel.\nTweede regel met een puntkomma; en een komma, " + "ëéè " * 40 + "\r\nDerde."
    meeting = {"slug": "test", "titel": "Een test, met; tekens", "start": dt.date(2030, 1, 2),
               "einde": None, "plaats": None, "doelgroep": "Iedereen", "beschrijving": description, "themas": [],
               "bijgewerkt": dt.date(2030, 1, 1)}
    ics = calendar_file([meeting], "Test", "https://example.test/")
    # RFC 5545: lines of at most 75 octets, ended by CRLF, with no bare line break inside.
    lines = ics.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines) and not any(b"\n" in line or b"\r" in line for line in lines)
    event = Calendar.from_ical(ics).walk("VEVENT")[0]
    assert str(event["summary"]) == meeting["titel"]
    assert str(event["description"]).startswith(description.replace("\r\n", "\n"))


def test_no_file_of_the_theme_folder_is_published(project, tmp_path):
    """overrides/ holds templates: a text template there (as the morning's test notice is) or
    any other file is no file of the site, though MkDocs copies a theme's non-HTML files."""
    planted = ["email/notitie.txt", "partials/proef.css", "geheim.yml"]
    for path in planted:
        (project / "overrides" / path).write_text(SECRET, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert [path for path in planted if (tmp_path / "site" / path).exists()] == []
    assert (tmp_path / "site" / "assets" / "stylesheets" / "cultuurregio.css").is_file()  # docs/assets/ stays
