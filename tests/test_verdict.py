"""`make check` gives the build's verdict: every mistake an editor can make is named by
both, in Dutch, with file and line, all at once, and never with a traceback."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from cultuurregio.project import copy_project
from tests.helpers import (
    FOREIGN,
    append,
    build,
    check,
    checked,
    line_of,
    newsletter,
    photo,
    replace_once,
)

AMSTERDAM = dt.timezone(dt.timedelta(hours=1))


def relative(project: Path, path: Path) -> str:
    return path.relative_to(project).as_posix()


def no_marker(project):
    path = newsletter(project, "2019-03-zonder-marker.md", body="Alleen een inleiding, zonder meer.\n")
    return [(relative(project, path), line_of(path, "# Test"))]


def windows_1252(project):
    path = newsletter(project, "2019-03-uit-word.md", body="Een gedachte – zo’n idee.\n\n<!-- more -->\n",
                      encoding="cp1252")
    return [(relative(project, path), path.read_bytes().count(b"\n", 0, path.read_bytes().index(b"\x96")) + 1)]


def short_date(project):
    path = newsletter(project, "2019-03-korte-datum.md", front="date: 2019-03-14\n")
    return [(relative(project, path), 2)]


def broken_links(project):
    page = project / "docs" / "contact.md"
    start = append(page, "\nZie [de oude pagina](bestaat-niet.md).\n\n![Kaart van Twente](kaart.png)\n\n"
                         "En [een kopje dat er niet is](#bestaat-niet).\n")
    return [("docs/contact.md", start + 1), ("docs/contact.md", start + 3), ("docs/contact.md", start + 5)]


def stray_braces(project):
    line = append(project / "docs" / "gemeenten.md", "\nSchrijf een macro als {{ naam\n") + 1
    return [("docs/gemeenten.md", line)]


def with_photo(project: Path, markdown: str, name: str, size: int = 0):
    """A newsletter of its own with a photo of its own, so that every case fits in one copy."""
    path = photo(project, name)
    if size:
        # What counts is the size an editor would add to the repository.
        with path.open("ab") as file:
            file.truncate(size)
    path = newsletter(project, f"2019-03-met-{Path(name).stem}.md",
                      body=f"Het begin.\n\n<!-- more -->\n\n{markdown.format(name=name)}\n")
    return [(relative(project, path), line_of(path, name))]


CAPTION = "\n/// caption\nFoto: Testfotograaf\n///"
IMAGE_CASES = {
    "an image without alt text": lambda p: with_photo(p, "![]({name})" + CAPTION, "zonder-alt.jpg"),
    "alt text that says nothing": lambda p: with_photo(p, "![foto]({name})" + CAPTION, "lege-alt.jpg"),
    "a photo without its maker": lambda p: with_photo(p, "![Een volle zaal bij het debat]({name})", "geen-maker.jpg"),
    "an original over 20 MB": lambda p: with_photo(
        p, "![Een volle zaal bij het debat]({name})" + CAPTION, "te-groot.jpg", size=21_000_000),
    "an iPhone photo (HEIC)": lambda p: with_photo(
        p, "![Een volle zaal bij het debat]({name})" + CAPTION, "iphone.heic"),
}


def unsafe_svg(project):
    path = project / "docs" / "assets" / "partnerlogo.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="10" height="10"/>\n'
                    '<script>alert(1)</script>\n</svg>\n', encoding="utf-8")
    return [("docs/assets/partnerlogo.svg", 3)]


def tabs(project):
    """The most common YAML mistake, in a page's front matter and in a data file at once."""
    page = project / "docs" / "privacy.md"
    page.write_text("---\ntitle: Privacy\n\tsearch:\n---\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    data = project / "data" / "themas.yml"
    line = append(data, "  - slug: tab\n\tnaam: Met een tab\n") + 1
    return [("docs/privacy.md", 3), ("data/themas.yml", line)]


def tab_in_mkdocs_yml(project):
    config = project / "mkdocs.yml"
    replace_once(config, "\n  - Contact: contact.md", "\n\t- Contact: contact.md")
    return [("mkdocs.yml", line_of(config, "\t- Contact"))]


def title_over_two_lines(project):
    crlf = newsletter(project, "2019-03-crlf.md", front='date:\n  created: 2019-03-14\ntitle: "Een\\r\\nBcc: x@voorbeeld.nl"\n')
    block = newsletter(project, "2019-03-blok.md", front="date:\n  created: 2019-03-14\ntitle: |\n  Twee\n  regels\n")
    return [(relative(project, crlf), line_of(crlf, "title:")), (relative(project, block), line_of(block, "title:"))]


CASES = {
    "newsletter without <!-- more -->": no_marker,
    "newsletter saved as Windows-1252": windows_1252,
    "short date form": short_date,
    "links to a page, an image and an anchor that do not exist": broken_links,
    "a stray {{ in a page with macros": stray_braces,
    "an SVG that holds a script": unsafe_svg,
    "tabs in front matter and data": tabs,
    "a tab in mkdocs.yml": tab_in_mkdocs_yml,
    "a newsletter title over two lines": title_over_two_lines,
    **IMAGE_CASES,
}

CHECK_LINE = re.compile(r"^(?P<file>[^\s:]+)(?::(?P<line>\d+))?: (?P<message>.+)$")
BUILD_LINE = re.compile(r"^  - (?P<file>[^\s,:]+)(?:, regel (?P<line>\d+))?: (?P<message>.+)$")


def problems(output: str, pattern: re.Pattern) -> set[tuple[str, int | None, str]]:
    found = set()
    for line in output.splitlines():
        match = pattern.match(line)
        if match and not match["message"].startswith("let op: "):
            found.add((match["file"], int(match["line"]) if match["line"] else None, match["message"]))
    return found


# "Every problem at once" is the promise, so the mistakes share copies: one per point where the
# build stops. The content checks before rendering stop it before rendering; what rendering finds
# is named at its end; a macro that breaks stops rendering at once (mkdocs-macros' on_error_fail),
# and a mkdocs.yml that cannot be read stops everything before it starts.
STAGES = {
    "vooraf": ["newsletter without <!-- more -->", "newsletter saved as Windows-1252", "short date form",
               "an SVG that holds a script", "tabs in front matter and data", "a newsletter title over two lines"],
    "tijdens": ["links to a page, an image and an anchor that do not exist", *IMAGE_CASES],
    "macro": ["a stray {{ in a page with macros"],
    "mkdocs.yml": ["a tab in mkdocs.yml"],
}


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory) -> dict[str, dict]:
    """Per stage: its mistakes made in one copy, and that copy through `make check` and the build."""
    found = {}
    for stage, cases in STAGES.items():
        folder = tmp_path_factory.mktemp(stage.replace(".", "-"))
        project = copy_project(folder / "project")
        expected = {case: CASES[case](project) for case in cases}
        checked = check(project)
        built = build(project, folder / "site", env={"SOURCE_DATE_EPOCH": "1700000000"})
        found[stage] = {"expected": expected, "check": checked, "build": built, "site": folder / "site",
                        "by_check": problems(checked.stdout, CHECK_LINE), "by_build": problems(built.stderr, BUILD_LINE)}
    return found


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_check_and_build_give_the_same_dutch_verdict_and_publish_nothing(verdicts, stage):
    verdict = verdicts[stage]
    assert verdict["check"].returncode == 1 and verdict["build"].returncode == 1
    assert verdict["by_check"] == verdict["by_build"], (verdict["check"].stdout, verdict["build"].stderr)
    for result in (verdict["check"], verdict["build"]):
        assert not FOREIGN.search(result.stdout + result.stderr), result.stdout + result.stderr
    assert not verdict["site"].exists()


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_each_mistake_is_named_with_its_file_and_line_by_check_and_build(verdicts, case):
    verdict = next(verdicts[stage] for stage, cases in STAGES.items() if case in cases)
    expected = set(verdict["expected"][case])
    for named in (verdict["by_check"], verdict["by_build"]):
        assert {(file, line) for file, line, _ in named} >= expected, (case, expected, named)


def test_every_mistake_has_its_stage():
    assert sorted(case for cases in STAGES.values() for case in cases) == sorted(CASES)


def test_a_byte_order_mark_is_simply_accepted(project):
    path = newsletter(project, "2019-03-met-bom.md")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert checked(project).problems == []


@pytest.mark.slow
def test_on_github_each_problem_is_an_annotation_and_the_summary_lists_them(project, tmp_path):
    expected = broken_links(project) + short_date(project)
    summary = tmp_path / "summary.md"
    result = check(project, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 1
    command = re.compile(r"^::(?P<kind>error|warning) file=(?P<file>[^,:]+),line=(?P<line>\d+),"
                         r"title=(?P<title>[^,:]+)::(?P<message>[^\r\n]+)$")
    lines = [line for line in result.stdout.splitlines() if line]
    assert all(command.match(line) for line in lines), lines
    errors = [command.match(line) for line in lines if line.startswith("::error")]
    assert sorted((m["file"], int(m["line"])) for m in errors) == sorted(expected)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Controle van de inhoud")
    for file, line in expected:
        assert f"| `{file}` | {line} |" in text


@pytest.mark.slow
def test_a_scheduled_newsletter_appears_on_its_day(project, tmp_path):
    newsletter(project, "2031-06-gepland.md", front="date:\n  created: 2031-06-01\n")
    url = "nieuwsbrief/2031/06/gepland/"
    for day, published in ((dt.datetime(2031, 5, 31, 7), False), (dt.datetime(2031, 6, 1, 7), True)):
        site = tmp_path / day.strftime("%d")
        result = build(project, site, env={"SOURCE_DATE_EPOCH": str(int(day.replace(tzinfo=AMSTERDAM).timestamp()))})
        assert result.returncode == 0, result.stderr
        assert (site / url / "index.html").is_file() is published
        assert (url in (site / "feed_rss_created.xml").read_text(encoding="utf-8")) is published
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert any(doc["location"].startswith(url) for doc in index["docs"]) is published
        archive = (site / "nieuwsbrief" / "index.html").read_text(encoding="utf-8")
        assert ('href="2031/06/gepland/"' in archive) is published


@pytest.mark.slow
@pytest.mark.parametrize("stop", ["import sys\nsys.exit(0)", "from mkdocs.exceptions import Abort\nraise Abort('')"])
def test_a_build_that_stops_without_a_word_publishes_nothing(project, tmp_path, stop):
    """A plugin or hook that stops the build silently is a problem in Dutch, never a site."""
    (project / "stil.py").write_text(f"def on_post_build(config):\n    {stop.replace(chr(10), chr(10) + '    ')}\n",
                                     encoding="utf-8")
    replace_once(project / "mkdocs.yml", "hooks:\n", "hooks:\n  - stil.py\n")
    checked, built = check(project), build(project, tmp_path / "site")
    for result, output in ((checked, checked.stdout), (built, built.stderr)):
        assert result.returncode == 1, output
        assert "de bouw stopte zonder melding" in output and not FOREIGN.search(output), output
    assert not (tmp_path / "site").exists() and not list(tmp_path.glob(".site-*"))
