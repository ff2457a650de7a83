"""Newsletters: bad front matter stops the build with the file named; template-like text
in a newsletter is published exactly as written."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from tests.conftest import build
from tests.test_bad_data import line_of, replace_once

POST = "docs/nieuwsbrief/posts/2018-09-debat.md"

SCENARIOS = {
    "no date": ("date:\n  created: 2018-09-28\n", "", "slug: debat", "veld 'date' ontbreekt"),
    "no description": ("description: >-\n  Verslag", "summary: >-\n  Verslag", "summary:",
                       "onbekend veld 'summary'"),
    "unparseable date": ("created: 2018-09-28", "created: 2018-09-31", "created: 2018-09-31",
                         "'2018-09-31' bij 'created': deze datum of tijd bestaat niet"),
    "date in another form": ("created: 2018-09-28", "created: 28 september 2018", "created: 28 september",
                             "'28 september 2018' bij 'created': schrijf een datum als JJJJ-MM-DD"),
    "category not allowed": ("  - Proces\nauthors", "  - Debatten\nauthors", "  - Debatten",
                             "categorie 'Debatten' bestaat niet (kies uit: Proces, Uitvoeringsagenda"),
    "unknown author": ("  - redactie", "  - redaktie", "  - redaktie", "auteur 'redaktie' bestaat niet"),
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_bad_front_matter_stops_the_build_naming_file_and_line(project, tmp_path, scenario):
    old, new, anchor, message = SCENARIOS[scenario]
    post = project / POST
    replace_once(post, old, new)
    line = line_of(post, anchor)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"{POST}, regel {line}: {message}" in result.stderr, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()


def test_a_missing_description_is_named(project, tmp_path):
    post = project / POST
    text = post.read_text(encoding="utf-8")
    start = text.index("description:")
    end = text.index("categories:")
    post.write_text(text[:start] + text[end:], encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    # The front matter's first line: where the block that misses the field begins.
    assert f"{POST}, regel 2: veld 'description' ontbreekt" in result.stderr, result.stderr


def test_template_syntax_in_a_newsletter_is_published_as_written(project, tmp_path):
    quote = "Schrijf in een sjabloon {{ pagina.titel }} en {% if x %}...{% endif %}."
    with (project / POST).open("a", encoding="utf-8") as post:
        post.write(f"\n{quote}\n")
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((site_dir / "nieuwsbrief/2018/09/debat/index.html").read_text(), "html.parser")
    assert quote in page.select_one(".md-content").get_text()
    feed = ET.parse(site_dir / "feed_rss_created.xml").getroot()
    item = next(i for i in feed.iter("item") if i.findtext("link").endswith("/2018/09/debat/"))
    assert quote in BeautifulSoup(item.findtext("description"), "html.parser").get_text()
