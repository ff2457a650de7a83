"""Each kind of bad data stops the build with a Dutch message naming file and line,
and leaves no site behind that could pass for a good one.

Every mistake is made in a copy of the project, at a position in the data (the second
item, its field), never by searching for today's wording, so editing the real content
cannot break these tests."""

from __future__ import annotations

import re

import pytest

from tests.helpers import add_field, append, build, key_lines, remove_field, replace_value


def unparseable(data):
    return "themas.yml", append(data / "themas.yml", "  - slug: kapot\n   naam: Verkeerd ingesprongen\n") + 1


def missing_field(data):
    return "gemeenten.yml", remove_field(data / "gemeenten.yml", ("gemeenten", 1, "naam"))


def wrong_type(data):
    return "werkgroepen.yml", replace_value(data / "werkgroepen.yml", ("werkgroepen", 0, "organisaties"),
                                            "Twentse Schouwburg")


def impossible_date(data):
    return "tijdlijn.yml", replace_value(data / "tijdlijn.yml", ("stappen", 0, "datum"), "2018-09-31")


def date_in_another_form(data):
    return "agenda.yml", replace_value(data / "agenda.yml", ("bijeenkomsten", 0, "start"), "21-11-2018")


def duplicate_slug(data):
    path = data / "gemeenten.yml"
    replace_value(path, ("gemeenten", 0, "slug"), "testdubbel")
    return "gemeenten.yml", replace_value(path, ("gemeenten", 1, "slug"), "testdubbel")


def unknown_theme(data):
    return "werkgroepen.yml", replace_value(data / "werkgroepen.yml", ("werkgroepen", 0, "thema"), "grensloos")


def unknown_municipality(data):
    return "samenwerkingen.yml", replace_value(data / "samenwerkingen.yml", ("samenwerkingen", 0, "gemeenten"),
                                               "[enschde]")


def unknown_field(data):
    return "themas.yml", add_field(data / "themas.yml", ("themas", 0), "samenvating: x")


def duplicate_key(data):
    add_field(data / "gemeenten.yml", ("gemeenten", 1), "naam: Tweede naam")
    # The later of the two is the one to remove.
    return "gemeenten.yml", max(key_lines(data / "gemeenten.yml", ("gemeenten", 1), "naam"))


# mistake -> (makes it and says where, words the message must contain)
SCENARIOS = {
    "unparseable YAML": (unparseable, ["geen geldige YAML"]),
    "missing required field": (missing_field, ["veld 'naam' ontbreekt"]),
    "wrong type": (wrong_type, ["'organisaties' moet een lijst"]),
    "impossible date": (impossible_date, ["'2018-09-31'", "bestaat niet"]),
    "date in the wrong form": (date_in_another_form, ["'21-11-2018'", "JJJJ-MM-DD"]),
    "duplicate slug": (duplicate_slug, ["slug 'testdubbel' komt twee keer voor"]),
    "unknown theme": (unknown_theme, ["thema 'grensloos' bestaat niet", "kies uit: "]),
    "unknown municipality": (unknown_municipality, ["gemeente 'enschde' bestaat niet"]),
    "unknown field": (unknown_field, ["onbekend veld 'samenvating'"]),
    "duplicate key": (duplicate_key, ["veld 'naam' staat hier twee keer"]),
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_bad_data_stops_the_build_and_names_file_and_line(project, tmp_path, scenario):
    make, words = SCENARIOS[scenario]
    name, line = make(project / "data")
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


def test_a_theme_without_a_page_stops_the_build(project, tmp_path, content):
    slug = content.themas[-1]["slug"]
    (project / "docs" / "themas" / f"{slug}.md").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"maak docs/themas/{slug}.md" in result.stderr


def test_a_page_naming_an_unknown_theme_stops_the_build(project, tmp_path):
    (project / "docs" / "themas" / "testthema.md").write_text(
        "---\nrender_macros: true\n---\n\n# Test\n\n{{ thema_pagina(\"bestaat-niet\") }}\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "thema 'bestaat-niet' bestaat niet" in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


def test_a_broken_link_in_a_page_stops_the_build(project, tmp_path):
    append(project / "docs" / "contact.md", "\nZie ook [de oude pagina](bestaat-niet.md).\n")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "bestaat-niet.md" in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


def test_every_problem_is_reported_in_one_run(project, tmp_path):
    for make, _ in (SCENARIOS["missing required field"], SCENARIOS["unknown theme"],
                    SCENARIOS["date in the wrong form"]):
        make(project / "data")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    for name in ("gemeenten.yml", "werkgroepen.yml", "agenda.yml"):
        assert f"data/{name}, regel" in result.stderr, result.stderr
