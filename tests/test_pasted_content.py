"""What editors paste from other sites cannot break the site's promises (/privacy/): nothing
reaches another host or runs foreign code. Each case is what an editor would paste, made
in a copy of the project; `make check` and the build both refuse it in Dutch, with the
file and line, and publish nothing. A link to another site stays a link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cultuurregio.site.common.fragments import parse_content
from cultuurregio.site.guards.outside import outside_problems
from tests.helpers import FOREIGN, append, build, check, checked, line_of, newsletter, photo

PASTED = {
    "a YouTube embed": '<iframe src="https://www.youtube.com/embed/abcdefghijk" title="Debat"></iframe>',
    "an image from another site": "![Publiek in de zaal bij het debat](https://www.example.org/beeld/debat.jpg)",
    "a counter's script": '<script src="https://stats.example.net/t.js"></script>',
    "an onclick": '<p onclick="alert(1)">Klik hier voor het programma</p>',
    "a javascript: link": "[Het programma](javascript:alert(1))",
    "a CSS @import": '<style>@import url("https://fonts.example.com/css");</style>',
}
LINKS = "Zie [de oude site](http://www.example.org/oud/) en [de rijksoverheid](https://www.rijksoverheid.nl/)."
SVG_TRICKS = {
    "xlink-data.svg": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
                      '<image xlink:href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" width="9" height="9"/>\n</svg>\n',
    "animate-link.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="9" height="9">\n'
                        '<animate attributeName="href" to="javascript:alert(1)" dur="1s"/>\n</rect>\n</svg>\n',
    "set-handler.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="9" height="9">\n'
                       '<set attributeName="onmouseover" to="alert(1)"/>\n</rect>\n</svg>\n',
}
SVG_LINES = {"xlink-data.svg": 2, "animate-link.svg": 3, "set-handler.svg": 3}

CHECK_LINE = re.compile(r"^(?P<file>[^\s:]+)(?::(?P<line>\d+))?: (?P<message>.+)$")
BUILD_LINE = re.compile(r"^  - (?P<file>[^\s,:]+)(?:, regel (?P<line>\d+))?: (?P<message>.+)$")


def found(output: str, pattern: re.Pattern) -> dict[tuple[str, int | None], str]:
    lines = (pattern.match(line) for line in output.splitlines())
    return {(m["file"], int(m["line"]) if m["line"] else None): m["message"] for m in lines
            if m and not m["message"].startswith("let op: ")}


def paste_everything(project: Path) -> dict[tuple[str, int], str]:
    """Every case at once in a copy of the project; where each must be named."""
    cut = photo(project, "afgebroken.jpg")
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    body = "Het begin.\n\n<!-- more -->\n\n" + "\n\n".join(PASTED.values()) + f"\n\n{LINKS}\n\n" \
           "![Een volle zaal bij het debat](afgebroken.jpg)\n/// caption\nFoto: Testfotograaf\n///\n"
    page = newsletter(project, "2019-03-geplakt.md", body=body)
    name = page.relative_to(project).as_posix()
    needles = {"a YouTube embed": "<iframe", "an image from another site": "https://www.example.org/beeld",
               "a counter's script": "<script", "an onclick": "onclick=", "a javascript: link": "javascript:",
               "a CSS @import": "@import"}
    expected = {(name, line_of(page, needle)): case for case, needle in needles.items()}
    expected[(name, line_of(page, "afgebroken.jpg"))] = "a truncated JPEG"
    for file, text in SVG_TRICKS.items():
        (project / "docs" / "assets" / file).write_text(text, encoding="utf-8")
        expected[(f"docs/assets/{file}", SVG_LINES[file])] = file
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - Contact: contact.md\n",
                                                      "  - Contact: contact.md\n  - Pers: pers.md\n")
    config.write_text(text, encoding="utf-8")
    expected[("mkdocs.yml", line_of(config, "pers.md"))] = "a menu entry to a missing page"
    return expected


@pytest.mark.slow
def test_everything_pasted_is_refused_by_check_and_build_with_file_and_line(project, tmp_path):
    expected = paste_everything(project)
    links_line = line_of(project / "docs/nieuwsbrief/posts/2019-03-geplakt.md", "http://www.example.org/oud/")
    checked_ = check(project)
    built = build(project, tmp_path / "site", env={"SOURCE_DATE_EPOCH": "1700000000"})

    assert checked_.returncode == 1 and built.returncode == 1
    by_check, by_build = found(checked_.stdout, CHECK_LINE), found(built.stderr, BUILD_LINE)
    missing = {where: case for where, case in expected.items() if where not in by_check}
    assert not missing, (missing, checked_.stdout)
    assert by_check == by_build
    assert ("docs/nieuwsbrief/posts/2019-03-geplakt.md", links_line) not in by_check
    for output in (checked_.stdout + checked_.stderr, built.stdout + built.stderr):
        assert not FOREIGN.search(output), output
    # What to do instead is said where it matters.
    messages = {case: by_check[where] for where, case in expected.items()}
    assert "videoblok" in messages["a YouTube embed"]
    assert "toestemming" in messages["an image from another site"] and "onderschrift" in messages[
        "an image from another site"]
    assert "beschadigd of geen afbeelding" in messages["a truncated JPEG"]
    assert "bestaat niet" in messages["a menu entry to a missing page"]
    assert not (tmp_path / "site").exists()


def test_links_to_other_sites_pass_and_what_loads_from_them_does_not(tmp_path):
    source = tmp_path / "pagina.md"
    source.write_text("regel een\n" + LINKS + "\n", encoding="utf-8")
    links = '<p>Zie <a href="http://www.example.org/oud/">de oude site</a> en <a href="https://x.nl/">x</a></p>'
    assert outside_problems(parse_content(links), source, "docs/pagina.md", "https://cultuurregio.example/") == []
    own = '<img alt="Logo" src="https://cultuurregio.example/assets/logo.png">'
    assert outside_problems(parse_content(own), source, "docs/pagina.md", "https://cultuurregio.example/") == []
    loads = {
        '<video src="https://cdn.example.net/film.mp4"></video>': "video",
        '<audio><source src="https://cdn.example.net/a.mp3"></audio>': "geluid",
        '<img alt="Een zaal" src="x.jpg" srcset="https://cdn.example.net/a.jpg 2x">': "afbeelding",
        '<video poster="https://cdn.example.net/p.jpg" src="film.mp4"></video>': "cdn.example.net",
        '<p style="background: url(https://cdn.example.net/b.png)">x</p>': "cdn.example.net",
        '<link rel="stylesheet" href="https://cdn.example.net/s.css">': "<link>",
        '<object data="https://cdn.example.net/o.swf"></object>': "<object>",
        '<embed src="https://cdn.example.net/e.swf">': "<embed>",
        '<img alt="Een zaal" src="data:image/png;base64,iVBORw0KGgo=">': "data:",
        '<a href="#" onmouseover="steel()">x</a>': "onmouseover=",
        '<form action="https://formulier.example.net/"><button>Verstuur</button></form>': "formulier.example.net",
    }
    for html, says in loads.items():
        problems = outside_problems(parse_content(html), source, "docs/pagina.md", "https://cultuurregio.example/")
        assert len(problems) == 1 and says in problems[0].message, (html, problems)


def test_svg_tricks_are_named_with_their_line_and_a_plain_drawing_passes(project):
    for file, text in SVG_TRICKS.items():
        (project / "docs" / "assets" / file).write_text(text, encoding="utf-8")
    (project / "docs" / "assets" / "tekening.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9" role="img" aria-label="Vierkant">\n'
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/></linearGradient></defs>\n'
        '<rect width="9" height="9" fill="url(#g)"><animate attributeName="opacity" from="0" to="1" dur="1s"/>'
        '</rect>\n</svg>\n', encoding="utf-8")
    problems = checked(project).problems
    named = {(p.file, p.line) for p in problems}
    assert named >= {(f"docs/assets/{file}", line) for file, line in SVG_LINES.items()}, problems
    assert not [p for p in problems if p.file == "docs/assets/tekening.svg"], problems


def test_menu_mistakes_are_named_with_their_line_in_mkdocs_yml(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    twice = text.replace("  - Contact: contact.md\n", "  - Contact: contact.md\n  - Nog eens: contact.md\n"
                                                      "  - Pers: pers.md\n")
    config.write_text(twice, encoding="utf-8")
    problems = {(p.file, p.line): p.message for p in checked(project).problems}
    assert "twee keer" in problems[("mkdocs.yml", line_of(config, "Nog eens"))]
    assert "bestaat niet" in problems[("mkdocs.yml", line_of(config, "pers.md"))]

    broken = text.replace("  - Contact: contact.md\n", "  - Contact: contact.md\n   - Pers: pers.md\n")
    config.write_text(broken, encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("mkdocs.yml:")]
    assert lines and "inspringing" in lines[0], result.stdout + result.stderr
    assert abs(int(lines[0].split(":")[1]) - line_of(config, "   - Pers")) <= 1, lines
    assert not FOREIGN.search(result.stdout + result.stderr)


@pytest.mark.slow
def test_an_empty_or_unreadable_photo_is_named_not_blamed_on_the_code(project):
    append(project / "docs" / "contact.md", "\n![Een volle zaal bij het debat](leeg.jpg)\n"
                                            "/// caption\nFoto: Testfotograaf\n///\n")
    (project / "docs" / "leeg.jpg").write_bytes(b"")
    result = check(project)
    assert result.returncode == 1
    line = line_of(project / "docs" / "contact.md", "leeg.jpg")
    assert f"docs/contact.md:{line}: de foto leeg.jpg is beschadigd of geen afbeelding" in result.stdout, \
        result.stdout
    assert "fout in de code" not in result.stdout + result.stderr
