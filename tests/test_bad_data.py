"""Each kind of bad data stops the build with a Dutch message naming file and line,
and leaves no site behind that could pass for a good one."""

from __future__ import annotations

import re

import pytest

from tests.conftest import build


def replace_once(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path, anchor: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert anchor in text, f"{anchor!r} not in {path.name}"
    return text[: text.index(anchor)].count("\n") + 1


# (data file, text to find, replacement, the text whose line the message must name
#  after the change, words the message must contain)
SCENARIOS = {
    "unparseable YAML": (
        "themas.yml", "  - slug: traditie-en-innovatie\n    naam:", "  - slug: traditie-en-innovatie\n   naam:",
        "   naam: Traditie", ["geen geldige YAML"],
    ),
    "missing required field": (
        "gemeenten.yml", "    naam: Borne\n", "", "  - slug: borne", ["veld 'naam' ontbreekt"],
    ),
    "wrong type": (
        "werkgroepen.yml", "    organisaties: []", "    organisaties: Twentse Schouwburg",
        "    organisaties: Twentse", ["'organisaties' moet een lijst"],
    ),
    "bad date": (
        "tijdlijn.yml", "    datum: 2018-09-12\n    status: gedaan", "    datum: 2018-09-31\n    status: gedaan",
        "    datum: 2018-09-31", ["'2018-09-31'", "bestaat niet"],
    ),
    "date in the wrong form": (
        "agenda.yml", "    start: 2018-11-21", "    start: 21-11-2018", "    start: 21-11-2018",
        ["'21-11-2018'", "JJJJ-MM-DD"],
    ),
    "duplicate slug": (
        "gemeenten.yml", "  - slug: borne\n", "  - slug: almelo\n", "  - slug: almelo\n    naam: Borne",
        ["slug 'almelo' komt twee keer voor"],
    ),
    "unknown theme": (
        "werkgroepen.yml", "    thema: grenzeloos-twente", "    thema: grensloos", "    thema: grensloos",
        ["thema 'grensloos' bestaat niet", "kies uit: tijd-en-ruimte, traditie-en-innovatie, grenzeloos-twente"],
    ),
    "unknown municipality": (
        "samenwerkingen.yml", "gemeenten: [almelo, enschede, hengelo]", "gemeenten: [almelo, enschde, hengelo]",
        "    gemeenten: [almelo, enschde", ["gemeente 'enschde' bestaat niet", "bedoel je 'enschede'?"],
    ),
    "unknown field": (
        "themas.yml", "    status: concept\n  - slug: traditie", "    status: concept\n    samenvating: x\n  - slug: traditie",
        "    samenvating: x", ["onbekend veld 'samenvating'"],
    ),
    "duplicate key": (
        "gemeenten.yml", "    naam: Borne\n", "    naam: Borne\n    naam: Hengelo\n", "    naam: Hengelo",
        ["veld 'naam' staat hier twee keer"],
    ),
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_bad_data_stops_the_build_and_names_file_and_line(project, tmp_path, scenario):
    name, old, new, anchor, words = SCENARIOS[scenario]
    data_file = project / "data" / name
    replace_once(data_file, old, new)
    line = line_of(data_file, anchor)
    site_dir = tmp_path / "site"
    # A site from an earlier good build must not survive as if it were current.
    site_dir.mkdir()
    (site_dir / "index.html").write_text("oude site")

    result = build(project, site_dir)

    assert result.returncode != 0
    output = result.stdout + result.stderr
    lines = [l for l in output.splitlines() if f"data/{name}, regel " in l]
    assert lines, output
    reported = [int(re.search(r"regel (\d+)", l).group(1)) for l in lines]
    assert line in reported, (line, lines)
    for word in words:
        assert word in output, output
    assert "Traceback" not in output
    assert not site_dir.exists()
    assert not list(site_dir.parent.glob(".site-*")), "the staging folder was left behind"


def test_a_missing_data_file_stops_the_build(project, tmp_path):
    (project / "data" / "agenda.yml").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/agenda.yml: dit bestand ontbreekt" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_theme_without_a_page_stops_the_build(project, tmp_path):
    (project / "docs" / "themas" / "grenzeloos-twente.md").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "maak docs/themas/grenzeloos-twente.md" in result.stderr


def test_a_page_naming_an_unknown_theme_stops_the_build(project, tmp_path):
    replace_once(project / "docs" / "themas" / "tijd-en-ruimte.md",
                 'thema_pagina("tijd-en-ruimte")', 'thema_pagina("tijd-en-rumte")')
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "thema 'tijd-en-rumte' bestaat niet" in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


def test_a_broken_link_in_a_page_stops_the_build(project, tmp_path):
    with (project / "docs" / "contact.md").open("a", encoding="utf-8") as page:
        page.write("\nZie ook [de oude pagina](bestaat-niet.md).\n")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "bestaat-niet.md" in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


def test_every_problem_is_reported_in_one_run(project, tmp_path):
    replace_once(project / "data" / "gemeenten.yml", "    naam: Borne\n", "")
    replace_once(project / "data" / "werkgroepen.yml", "    thema: grenzeloos-twente", "    thema: grensloos")
    replace_once(project / "data" / "agenda.yml", "    start: 2018-11-21", "    start: 2018-11-31")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    for name in ("gemeenten.yml", "werkgroepen.yml", "agenda.yml"):
        assert f"data/{name}, regel" in result.stderr, result.stderr
