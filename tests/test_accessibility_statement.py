"""The accessibility statement (/toegankelijkheid/) from data/toegankelijkheid.yml: its status
is computed, never claimed. Each case below is a data file made by the test, read by the site's
own reader and rendered through the statement's template and the site's Markdown, as the macro
does in a build (the real site's page is read from the real build); the status the page must
show is worked out here from that data and the rules as README.md writes them
("Toegankelijkheidsstatus"), not by the site's code and not copied from its output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from dateutil.relativedelta import relativedelta

from cultuurregio.project import ROOT, read_config
from cultuurregio.site.common.templates import environment
from cultuurregio.site.content.accessibility_statement import read_statement
from cultuurregio.site.content.data import load_content
from tests.helpers import FOREIGN, check, line_of
from tests.nu_html import nu_html_errors

DATA = "data/toegankelijkheid.yml"


def build_day(epoch: str) -> dt.date:
    """README, "Bouwdatum": the builds here get the checkout's moment as SOURCE_DATE_EPOCH."""
    return dt.datetime.fromtimestamp(int(epoch), ZoneInfo("Europe/Amsterdam")).date()


def expected_status(data: dict, today: dt.date) -> str:
    """README.md, "Toegankelijkheidsstatus", rule by rule."""
    day = dt.date.fromisoformat
    approval = data["akkoord"]
    # 1. No approved statement.
    if not (approval["functie"] and approval["naam"] and approval["datum"]) or day(str(approval["datum"])) > today:
        return "E"
    approved = day(str(approval["datum"]))

    # 2. Research that counts.
    def counts(research: dict) -> bool:
        done = day(str(research["datum"]))
        return ({"WCAG-EM", "handmatig"} <= set(research["methode"]) and research["alle_eisen"] == "ja"
                and research["hele_site"] == "ja" and done <= today and today <= done + relativedelta(months=36))

    if any(counts(research) for research in data["onderzoeken"]):
        # 3.
        letter = "B" if data["bekende_problemen"] else "A"
    else:
        # 4.
        limit = approved + relativedelta(months=6)
        planned = data["onderzoek_gepland"]
        letter = "C" if planned and day(str(planned)) <= limit and today <= limit else "D"
    # 5. An approval more than 12 months old: one letter lower, D stays D.
    if today > approved + relativedelta(months=12):
        letter = {"A": "B", "B": "C", "C": "D"}.get(letter, letter)
    return letter


def statement(today: dt.date, *, research_age_days: int | None = 30, problems: int = 0,
              approval_age_days: int | None = 10, planned_in_days: int | None = None) -> dict:
    """A complete statement as editors would write it, with test-made names and dates."""
    ago = lambda days: (today - dt.timedelta(days=days)).isoformat()  # noqa: E731
    research = [] if research_age_days is None else [{
        "datum": ago(research_age_days), "methode": ["WCAG-EM", "handmatig", "automatisch"],
        "alle_eisen": "ja", "hele_site": "ja", "uitgevoerd_door": "Testbureau Toegankelijk",
        "rapport": "https://rapport.example/onderzoek-cultuurregio.pdf"}]
    known = [{"eis": f"1.4.{3 + n} Testeis {n}", "probleem": f"Testprobleem nummer {n}.",
              "maatregel": f"Testmaatregel nummer {n}.", "gepland": ago(-60 - n)} for n in range(problems)]
    return {
        "organisatie": "Cultuurregio Twente",
        "websites": ["https://cultuurregio-twente.github.io/website/"],
        "onderzoeken": research,
        "onderzoek_gepland": None if planned_in_days is None else ago(-planned_in_days),
        "bekende_problemen": known,
        "contact": "contact.md",
        "akkoord": {"functie": "Testfunctie", "naam": "T. Tester",
                    "datum": None if approval_age_days is None else ago(approval_age_days)},
    }


def shown_status(soup: BeautifulSoup) -> str:
    return soup.select_one(".cr-status__letter").get_text(strip=True).removeprefix("Status ").strip()


def test_todays_statement_renders_honestly(pages, epoch):
    data = yaml.safe_load((ROOT / DATA).read_text(encoding="utf-8"))
    page = pages["toegankelijkheid/index.html"]
    text = page.select_one("article").get_text(" ", strip=True)
    assert shown_status(page) == expected_status(data, build_day(epoch))
    if not data["onderzoeken"]:
        assert "nog geen toegankelijkheidsonderzoek" in text
    if not all(data["akkoord"].values()):
        assert "nog niet goedgekeurd" in text
    # What was there before the statement came from data: the law, and how to report a problem.
    assert "Besluit digitale toegankelijkheid overheid" in text and "Een probleem melden" in text
    assert page.select_one("#een-probleem-melden ~ p a[href='../contact/']")


CASES = {
    "complete research and approval": {},
    "known problems with measures": {"problems": 2},
    "research older than 36 months": {"research_age_days": 365 * 3 + 40},
    "approval older than a year": {"approval_age_days": 400},
    "no research, one planned": {"research_age_days": None, "planned_in_days": 60},
    "no research, none planned": {"research_age_days": None},
}


MEANT = {"complete research and approval": "A", "known problems with measures": "B"}


@pytest.fixture(scope="module")
def rendered():
    """The statement as the macro `toegankelijkheidsverklaring` renders it (site/macros.py), and
    the page's Markdown with the site's extensions: the page's article, for a data folder."""
    config = read_config()
    templates = environment(ROOT / "overrides" / "content")
    content = load_content(ROOT / "data")

    def render(data_dir: Path, today: dt.date) -> str:
        statement, problems = read_statement(data_dir)
        assert problems == [], problems
        text = templates.get_template("toegankelijkheidsverklaring.html").render(
            inhoud=content, verklaring=statement, status=statement.status(today), bouwdatum=today)
        return markdown.markdown(text, extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    return render


@pytest.fixture(scope="module")
def statements(rendered, epoch, tmp_path_factory) -> dict[str, dict]:
    """Each case's data, its status by the README's rules and its rendered article, and what the
    Nu Html Checker finds in that article: one run of the checker (Java) for all six."""
    today = build_day(epoch)
    cases, pages = {}, []
    for number, (case, options) in enumerate(CASES.items()):
        folder = tmp_path_factory.mktemp(f"verklaring-{number}")
        data = statement(today, **options)
        (folder / DATA).parent.mkdir()
        (folder / DATA).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        article = rendered(folder / "data", today)
        built = folder / "toegankelijkheid.html"
        built.write_text(f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Toegankelijkheid</title>'
                         f"</head><body><main><article>{article}</article></main></body></html>", encoding="utf-8")
        cases[case] = {"data": data, "expected": expected_status(data, today), "article": article, "file": built}
        pages.append(built)
    root = tmp_path_factory.getbasetemp()
    errors = nu_html_errors(pages, root)
    for found in cases.values():
        named = found["file"].relative_to(root).as_posix() + ":"
        found["errors"] = [error for error in errors if error.startswith(named)]
    return cases


@pytest.mark.slow  # the Nu Html Checker: Java, and node_modules from make test
@pytest.mark.parametrize("case", CASES)
def test_the_page_shows_the_status_the_readme_rules_give(statements, case):
    data, expected, article = (statements[case][key] for key in ("data", "expected", "article"))
    # The cases are what they say: complete → A, known problems → B, old research lower than both.
    assert expected == MEANT.get(case, expected) and (case != "research older than 36 months" or expected > "B")
    page = BeautifulSoup(article, "html.parser")
    assert shown_status(page) == expected, case
    # Research, problems and approval are rendered only with data like this: valid HTML there too.
    assert statements[case]["errors"] == []
    text = page.get_text(" ", strip=True)
    if not data["onderzoeken"]:
        assert "nog geen toegankelijkheidsonderzoek" in text
    for research in data["onderzoeken"]:
        assert research["uitgevoerd_door"] in text
        assert page.select_one(f"a[href='{research['rapport']}']")
    for known in data["bekende_problemen"]:
        assert all(known[key] in text for key in ("eis", "probleem", "maatregel"))
    assert "T. Tester" in text and "Testfunctie" in text


@pytest.mark.slow
def test_make_check_says_what_is_missing_and_refuses_a_problem_without_measure(project, epoch):
    today = build_day(epoch)
    data = statement(today, research_age_days=None, approval_age_days=None)
    data["akkoord"]["naam"] = None
    (project / DATA).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # Published somewhere else than the statement says (a domain of its own, say).
    result = check(project, SOURCE_DATE_EPOCH=epoch, SITE_URL="https://www.cultuurregio.example/")
    assert result.returncode == 0, result.stdout + result.stderr
    notes = [line for line in result.stdout.splitlines() if line.startswith(DATA)]
    assert any(line.startswith(f"{DATA}:{line_of(project / DATA, data['websites'][0])}: let op: de site staat op "
                               "https://www.cultuurregio.example/") for line in notes), notes
    assert any(line.startswith(f"{DATA}:{line_of(project / DATA, '  naam:')}: let op:") and "naam, datum" in line
               for line in notes), notes
    assert any(line.startswith(f"{DATA}:{line_of(project / DATA, 'onderzoeken:')}: let op:") for line in notes)

    complete = statement(today, problems=1)
    del complete["bekende_problemen"][0]["maatregel"]
    (project / DATA).write_text(yaml.safe_dump(complete, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = check(project, SOURCE_DATE_EPOCH=epoch)
    assert result.returncode == 1
    assert f"{DATA}:{line_of(project / DATA, '- eis:')}: veld 'maatregel' ontbreekt" in result.stdout, result.stdout
    # The one problem, said once: not also as a page whose macro failed, nor in a library's words.
    output = result.stdout + result.stderr
    assert "1 probleem gevonden" in output and "macro" not in output and not FOREIGN.search(output), output
