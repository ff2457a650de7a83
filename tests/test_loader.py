"""The loader on its own: small data sets, one mistake each, and the dates it understands."""

from __future__ import annotations

import shutil

import pytest

from scripts.content import load_content
from scripts.dates import PartialDate, period_label
from scripts.problems import ContentError
from tests.conftest import ROOT


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def problems_after(data, name: str, old: str, new: str) -> list[str]:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(data)
    return [str(problem) for problem in caught.value.problems]


def test_the_real_data_loads(content):
    assert len(content.gemeenten) == 14
    assert [t["slug"] for t in content.themas] == [
        "tijd-en-ruimte", "traditie-en-innovatie", "grenzeloos-twente"]


def test_times_stay_times_and_dates_stay_text(data):
    """YAML 1.1 reads 14:00 as 840 and 2018-09-12 as a date; the loader keeps what was typed."""
    path = data / "agenda.yml"
    path.write_text(path.read_text().replace("start: 2018-11-21", "start: 2018-11-21 14:00\n    einde: 2018-11-21 17:00"))
    meeting = next(m for m in load_content(data).bijeenkomsten if m["slug"] == "bijeenkomst-uitvoeringsagenda")
    assert meeting["start"].isoformat() == "2018-11-21T14:00:00+01:00"
    assert meeting["wanneer"] == "woensdag 21 november 2018, 14:00 tot 17:00 uur"


def test_summer_time_is_applied_in_amsterdam(data):
    path = data / "agenda.yml"
    path.write_text(path.read_text().replace("start: 2018-09-12", "start: 2018-09-12 19:30"))
    meeting = next(m for m in load_content(data).bijeenkomsten if m["slug"] == "debat-cultuurprofiel")
    assert meeting["start"].isoformat() == "2018-09-12T19:30:00+02:00"


def test_an_end_before_the_start_is_refused(data):
    found = problems_after(data, "agenda.yml", "start: 2018-11-21", "start: 2018-11-21\n    einde: 2018-11-20")
    assert any("einde 2018-11-20 ligt vóór start 2018-11-21" in p for p in found)


def test_mixing_a_whole_day_with_a_time_is_refused(data):
    found = problems_after(data, "agenda.yml", "start: 2018-11-21", "start: 2018-11-21\n    einde: 2018-11-21 17:00")
    assert any("allebei met tijd" in p for p in found)


def test_begin_or_end_of_an_exact_day_is_refused(data):
    found = problems_after(data, "tijdlijn.yml", "    datum: 2018-08\n    benadering: eind",
                           "    datum: 2018-08-31\n    benadering: eind")
    assert any("data/tijdlijn.yml, regel" in p and "'begin' en 'eind'" in p for p in found)


def test_an_unknown_choice_lists_the_valid_ones(data):
    found = problems_after(data, "tijdlijn.yml", "status: gepland", "status: bezig")
    assert any("'bezig' is geen geldige waarde voor 'status' (kies uit: gedaan, gepland)" in p for p in found)


def test_an_empty_required_text_is_refused(data):
    text = (data / "organisatie.yml").read_text(encoding="utf-8")
    line = text[: text.index("    naam: Kerngroep")].count("\n") + 1
    found = problems_after(data, "organisatie.yml", "    naam: Kerngroep", '    naam: ""')
    assert any(f"data/organisatie.yml, regel {line}:" in p and "vul een tekst in" in p for p in found)


def test_an_empty_file_is_refused(data):
    (data / "themas.yml").write_text("# niets\n")
    with pytest.raises(ContentError) as caught:
        load_content(data)
    assert "data/themas.yml: dit bestand is leeg" in str(caught.value)


def test_a_second_working_group_for_a_theme_is_refused(data):
    found = problems_after(data, "werkgroepen.yml", "    thema: grenzeloos-twente", "    thema: tijd-en-ruimte")
    assert any("thema 'tijd-en-ruimte' heeft al een werkgroep" in p for p in found)
    assert any("thema 'grenzeloos-twente' heeft geen werkgroep" in p for p in found)


def test_the_report_is_dutch_and_says_nothing_was_published(data):
    problems_after(data, "gemeenten.yml", "slug: losser", "slug: Losser")
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
    import datetime as dt
    assert period_label(dt.date(2018, 9, 12), None) == "woensdag 12 september 2018"
    assert period_label(dt.date(2018, 9, 12), dt.date(2018, 9, 13)) == (
        "woensdag 12 september 2018 tot en met donderdag 13 september 2018")
