"""Each kind of bad data is named in Dutch with file and line by the content checks (the
ones the build runs before anything renders, called here in this process), and the JSON
schemas editors' VS Code reads reject what they can see of it. One build shows that bad
data stops the build, every problem at once, and leaves no site that could pass for a good one.

Every mistake is made in a copy of the project, at a position in the data (the second
item, its field), never by searching for today's wording, so editing the real content
cannot break these tests."""

from __future__ import annotations

import pytest

from cultuurregio.site.content.yamlfile import read_yaml
from tests.helpers import (
    add_field,
    append,
    build,
    check,
    checked,
    key_lines,
    line_of,
    newsletter,
    remove_field,
    replace_value,
    schema_validator,
)


def unparseable(data):
    return "themas.yml", append(data / "themas.yml", "  - slug: kapot\n   naam: Verkeerd ingesprongen\n") + 1


def missing_field(data):
    return "gemeenten.yml", remove_field(data / "gemeenten.yml", ("gemeenten", 1, "naam"))


def wrong_type(data):
    return "werkgroepen.yml", add_field(data / "werkgroepen.yml", ("werkgroepen", 0), "organisaties: Twentse Schouwburg")


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
    return "samenwerkingen.yml", replace_value(data / "samenwerkingen.yml", ("samenwerkingen", 0, "gemeenten", 0),
                                               "enschde")


def unknown_map_code(data):
    return "gemeenten.yml", replace_value(data / "gemeenten.yml", ("gemeenten", 1, "code"), "GM9999")


def unknown_field(data):
    return "themas.yml", add_field(data / "themas.yml", ("themas", 0), "samenvating: x")


def duplicate_key(data):
    add_field(data / "gemeenten.yml", ("gemeenten", 1), "naam: Tweede naam")
    # The later of the two is the one to remove.
    return "gemeenten.yml", max(key_lines(data / "gemeenten.yml", ("gemeenten", 1), "naam"))


def status_not_allowed(data):
    return "themas.yml", replace_value(data / "themas.yml", ("themas", 0, "status"), "klaar")


def incomplete_web_address(data):
    return "samenwerkingen.yml", add_field(data / "samenwerkingen.yml", ("samenwerkingen", 0), "website: www.twente.nl")


def tab_for_indentation(data):
    path = data / "gemeenten.yml"
    line = replace_value(path, ("gemeenten", 1, "naam"), "Tweede")
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    text[line - 1] = "\t" + text[line - 1].lstrip(" ")
    path.write_text("".join(text), encoding="utf-8")
    return "gemeenten.yml", line


def pasted_control_character(data):
    # Word's manual line break (Shift+Enter) is U+000B.
    return "themas.yml", replace_value(data / "themas.yml", ("themas", 0, "naam"), "Tijd\x0ben ruimte")


def line_break_in_a_one_line_field(data):
    # A meeting's title is the SUMMARY of its calendar entry and a heading.
    return "agenda.yml", replace_value(data / "agenda.yml", ("bijeenkomsten", 1, "titel"),
                                      '"Bijeenkomst\\r\\nBcc: iemand@voorbeeld.nl"')


def address_with_a_line_break(data):
    # `|` keeps the line break: security.txt would get an empty line in its Contact field.
    return "organisatie.yml", append(data / "organisatie.yml", "beveiligingsmelding: |\n  mailto:test@voorbeeld.nl\n")


# mistake -> (makes it and says where, words the message must contain, whether the schema sees it)
SCENARIOS = {
    "unparseable YAML": (unparseable, ["geen geldige YAML"], False),
    "missing required field": (missing_field, ["veld 'naam' ontbreekt"], True),
    "wrong type": (wrong_type, ["'organisaties' moet een lijst"], True),
    "impossible date": (impossible_date, ["'2018-09-31'", "bestaat niet"], False),
    "date in the wrong form": (date_in_another_form, ["'21-11-2018'", "JJJJ-MM-DD"], True),
    "value not allowed": (status_not_allowed, ["'klaar'", "'status'", "kies uit: "], True),
    "incomplete web address": (incomplete_web_address, ["'www.twente.nl'", "https://"], True),
    "duplicate slug": (duplicate_slug, ["slug 'testdubbel' komt twee keer voor"], False),
    "unknown theme": (unknown_theme, ["thema 'grensloos' bestaat niet", "kies uit: "], False),
    "unknown municipality": (unknown_municipality, ["gemeente 'enschde' bestaat niet"], False),
    "unknown map code": (unknown_map_code, ["code GM9999", "staat niet in data/kaart/twente-2025.geojson"], False),
    "unknown field": (unknown_field, ["onbekend veld 'samenvating'"], True),
    "duplicate key": (duplicate_key, ["veld 'naam' staat hier twee keer"], False),
    "tab for indentation": (tab_for_indentation, ["er staat een tab", "gebruik spaties"], False),
    "pasted control character": (pasted_control_character, ["onzichtbaar stuurteken (U+000B)"], False),
    "line break in a one-line field": (line_break_in_a_one_line_field,
                                       ["\\r\\nBcc", "'titel'", "op één regel"], True),
    # Python's `$` matches before a final line break, VS Code's does not: the build reads the
    # pattern as JSON Schema means it (site/content/schema.py), and this helper as Python does.
    "web address with a line break": (address_with_a_line_break, ["'mailto:test@voorbeeld.nl\\n'", "https://"],
                                      False),
}

# What PyYAML and libyaml say in English, which an editor must never see.
PARSER_ENGLISH = ("found", "character", "token", "expected", "scanning", "mapping", "allowed")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_each_data_mistake_is_named_with_file_and_line(project, scenario):
    make, words, schema_sees_it = SCENARIOS[scenario]
    name, line = make(project / "data")
    problems = [problem for problem in checked(project).problems if problem.file == f"data/{name}"]
    assert line in [problem.line for problem in problems], (line, problems)
    text = " ".join(str(problem) for problem in problems)
    assert all(word in text for word in words), text
    assert not [word for word in PARSER_ENGLISH if word in text.split()], text
    if schema_sees_it:
        document, _ = read_yaml(project / "data" / name, name.removesuffix(".yml"))
        assert list(schema_validator(name.removesuffix(".yml")).iter_errors(document.data)), \
            "the loader rejects it, the schema editors' VS Code reads accepts it"


def test_a_missing_data_file_is_named(project):
    (project / "data" / "agenda.yml").unlink()
    assert any(str(problem).startswith("data/agenda.yml: dit bestand ontbreekt") for problem in checked(project).problems)


def test_a_theme_without_a_page_is_named(project, content):
    slug = content.themas[-1]["slug"]
    (project / "docs" / "themas" / f"{slug}.md").unlink()
    assert any(f"maak docs/themas/{slug}.md" in str(problem) for problem in checked(project).problems)


@pytest.mark.slow
def test_a_page_naming_an_unknown_theme_stops_the_build(project, tmp_path):
    (project / "docs" / "themas" / "testthema.md").write_text(
        "---\nrender_macros: true\n---\n\n# Test\n\n{{ thema_pagina(\"bestaat-niet\") }}\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "thema 'bestaat-niet' bestaat niet" in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.slow
def test_check_and_build_name_every_mistake_at_once_and_leave_no_site(project, tmp_path):
    expected = {f"data/{name}": line for name, line in (make(project / "data") for make, _, _ in (
        SCENARIOS["missing required field"], SCENARIOS["unknown theme"], SCENARIOS["date in the wrong form"]))}
    post = newsletter(project, "2019-03-categorie.md")
    post.write_text(post.read_text(encoding="utf-8").replace("categories:\n", "categories:\n  - Debatten\n"),
                    encoding="utf-8")
    expected[f"docs/nieuwsbrief/posts/{post.name}"] = line_of(post, "  - Debatten")
    site_dir = tmp_path / "site"
    # A site from an earlier good build must not survive as if it were current.
    site_dir.mkdir()
    (site_dir / "index.html").write_text("oude site")

    checked_output, built = check(project), build(project, site_dir)
    assert checked_output.returncode == 1 and built.returncode == 1
    for file, line in expected.items():
        assert f"{file}:{line}: " in checked_output.stdout, checked_output.stdout
        assert f"{file}, regel {line}: " in built.stderr, built.stderr
    assert not site_dir.exists()
    assert not list(site_dir.parent.glob(".site-*")), "the staging folder was left behind"
