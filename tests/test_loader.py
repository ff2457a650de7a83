"""The loader on its own: small data sets, one mistake each, and the dates it understands."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
import yaml

from cultuurregio.project import ROOT
from cultuurregio.site.common.dates import PartialDate, period_label
from cultuurregio.site.common.problems import ContentError, Problem
from cultuurregio.site.content.data import LISTS, load_content
from cultuurregio.site.content.staleness import stale_content
from tests.helpers import add_field, checked, remove_field, replace_value


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def problems(data) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(data)
    return [str(problem) for problem in caught.value.problems]


def test_the_real_data_loads_completely(content):
    """Every item of every data file, read here with plain PyYAML, is in the content."""
    for name, key in LISTS.items():
        raw = yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))[key]
        assert sorted(item["slug"] for item in getattr(content, key)) == sorted(item["slug"] for item in raw)


def meeting_at(data, start: str, end: str | None = None) -> dict:
    """The first meeting of the agenda, moved to `start` (and `end`), as the loader gives it."""
    path = data / "agenda.yml"
    first = yaml.safe_load(path.read_text(encoding="utf-8"))["bijeenkomsten"][0]
    if "einde" in first:
        remove_field(path, ("bijeenkomsten", 0, "einde"))
    if end:
        add_field(path, ("bijeenkomsten", 0), f"einde: {end}")
    replace_value(path, ("bijeenkomsten", 0, "start"), start)
    slug = first["slug"]
    return next(m for m in load_content(data).bijeenkomsten if m["slug"] == slug)


def test_times_stay_times_and_dates_stay_text(data):
    """YAML 1.1 reads 14:00 as 840 and 2018-09-12 as a date; the loader keeps what was typed."""
    meeting = meeting_at(data, "2018-11-21 14:00", "2018-11-21 17:00")
    assert meeting["start"].isoformat() == "2018-11-21T14:00:00+01:00"
    assert meeting["wanneer"] == "woensdag 21 november 2018, 14:00 tot 17:00 uur"


def test_summer_time_is_applied_in_amsterdam(data):
    assert meeting_at(data, "2018-09-12 19:30")["start"].isoformat() == "2018-09-12T19:30:00+02:00"


def test_an_end_before_the_start_is_refused(data):
    with pytest.raises(ContentError):
        meeting_at(data, "2018-11-21", "2018-11-20")
    assert any("einde 2018-11-20 ligt vóór start 2018-11-21" in p for p in problems(data))


def test_mixing_a_whole_day_with_a_time_is_refused(data):
    with pytest.raises(ContentError):
        meeting_at(data, "2018-11-21", "2018-11-21 17:00")
    assert any("allebei met tijd" in p for p in problems(data))


def test_begin_or_end_of_an_exact_day_is_refused(data):
    path = data / "tijdlijn.yml"
    replace_value(path, ("stappen", 0, "datum"), "2018-08-31")
    replace_value(path, ("stappen", 0, "benadering"), "eind")
    assert any("data/tijdlijn.yml, regel" in p and "'begin' en 'eind'" in p for p in problems(data))


def test_an_unknown_choice_lists_the_valid_ones(data):
    replace_value(data / "tijdlijn.yml", ("stappen", 0, "status"), "bezig")
    assert any("'bezig' is geen geldige waarde voor 'status' (kies uit: gedaan, gepland)" in p
               for p in problems(data))


def test_an_empty_required_text_is_refused(data):
    line = replace_value(data / "organisatie.yml", ("organen", 1, "naam"), '""')
    assert any(f"data/organisatie.yml, regel {line}:" in p and "vul een tekst in" in p for p in problems(data))


def test_an_empty_file_is_refused(data):
    (data / "themas.yml").write_text("# niets\n")
    with pytest.raises(ContentError) as caught:
        load_content(data)
    assert "data/themas.yml: dit bestand is leeg" in str(caught.value)


def test_a_second_working_group_for_a_theme_is_refused(data):
    groups = yaml.safe_load((data / "werkgroepen.yml").read_text(encoding="utf-8"))["werkgroepen"]
    first, last = groups[0]["thema"], groups[-1]["thema"]
    replace_value(data / "werkgroepen.yml", ("werkgroepen", len(groups) - 1, "thema"), first)
    found = problems(data)
    assert any(f"thema '{first}' heeft al een werkgroep" in p for p in found)
    assert any(f"thema '{last}' heeft geen werkgroep" in p for p in found)


def test_the_report_is_dutch_and_says_nothing_was_published(data):
    replace_value(data / "gemeenten.yml", ("gemeenten", 0, "slug"), "Hoofdletters")
    with pytest.raises(ContentError) as caught:
        load_content(data)
    report = caught.value.report()
    assert report.startswith("De site is niet gebouwd: 1 probleem in de inhoud.")
    assert "gebruik alleen kleine letters" in report
    assert "er is niets gepubliceerd" in report


@pytest.mark.parametrize(("iso", "approximation", "label"), [
    ("2018", None, "2018"),
    ("2018-05", None, "mei 2018"),
    ("2018-05", "voor", "vóór mei 2018"),
    ("2018-08", "eind", "eind augustus 2018"),
    ("2018-09-12", "na", "na 12 september 2018"),
])
def test_partial_dates_read_as_dutch(iso, approximation, label):
    assert PartialDate(iso, approximation).label == label


def test_partial_dates_sort_by_what_they_mean():
    dates = [PartialDate("2018-05", "na"), PartialDate("2018-05-31"), PartialDate("2018-05"),
             PartialDate("2018-05", "voor"), PartialDate("2018-05", "eind"), PartialDate("2018-06")]
    ordered = sorted(dates, key=lambda d: d.sort_key)
    assert [d.label for d in ordered] == [
        "vóór mei 2018", "mei 2018", "31 mei 2018", "eind mei 2018", "na mei 2018", "juni 2018"]


def test_a_whole_day_period_reads_as_dutch():
    assert period_label(dt.date(2018, 9, 12), None) == "woensdag 12 september 2018"
    assert period_label(dt.date(2018, 9, 12), dt.date(2018, 9, 13)) == (
        "woensdag 12 september 2018 tot en met donderdag 13 september 2018")


def test_problems_without_a_line_come_first_in_their_file():
    """A whole-file problem next to one on a line: sorting must not compare None with int."""
    found = [Problem("data/b.yml", 3, "x"), Problem("data/a.yml", 7, "y"), Problem("data/b.yml", None, "z"),
             Problem("data/a.yml", None, "w")]
    ordered = [(p.file, p.line) for p in ContentError(found).problems]
    assert ordered == [("data/a.yml", None), ("data/a.yml", 7), ("data/b.yml", None), ("data/b.yml", 3)]


def test_stale_content_is_pointed_out_without_stopping_anything(project):
    """Which steps are stale is worked out here from the data file itself, as of today; the
    notes are what the build logs ("let op") and never problems."""
    steps = yaml.safe_load((project / "data" / "tijdlijn.yml").read_text(encoding="utf-8"))["stappen"]
    today = dt.date.today().isoformat()
    stale = {step["slug"] for step in steps if step["status"] == "gepland" and str(step["datum"]) < today[:len(str(step["datum"]))]}
    examples = [i["slug"] for i in yaml.safe_load((project / "data" / "samenwerkingen.yml").read_text(
        encoding="utf-8"))["samenwerkingen"] if i.get("voorbeeld")]
    assert checked(project).problems == []
    notes = stale_content(load_content(project / "data"), dt.date.today())
    assert {re.search(r"stap '([^']+)'", n.message)[1] for n in notes if "stap '" in n.message} == stale
    assert len([n for n in notes if "invulvoorbeeld" in n.message]) == len(examples)
    assert all(re.match(r"^data/\w+\.yml:\d+: let op: ", n.as_line("let op: ")) for n in notes)


def test_a_placeholder_collaboration_belongs_to_no_theme_or_municipality(data):
    """Test-made: a real collaboration beside a placeholder with the same theme and municipality."""
    items = [{"slug": slug, "titel": slug, "samenvatting": "Tekst.", "partners": ["Een organisatie"],
              "gemeenten": ["almelo"], "themas": ["tijd-en-ruimte"], **extra}
             for slug, extra in (("echt", {}), ("plaatshouder", {"voorbeeld": True}))]
    (data / "samenwerkingen.yml").write_text(yaml.safe_dump({"samenwerkingen": items}), encoding="utf-8")
    content = load_content(data)
    assert [i["slug"] for i in content.samenwerkingen] == ["echt", "plaatshouder"]
    assert [i["slug"] for i in content.samenwerkingen_met(gemeente="almelo")] == ["echt"]
    assert [i["slug"] for i in content.samenwerkingen_met(thema="tijd-en-ruimte")] == ["echt"]
