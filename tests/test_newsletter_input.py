"""Newsletters: bad front matter is named with file and line by the content checks the build
runs first (in this process here); template-like text in a newsletter is published exactly as
written. The newsletter is the test's own."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.helpers import build, checked, line_of, replace_once

POST = "docs/nieuwsbrief/posts/2019-03-testbrief.md"
QUOTE = "Schrijf in een sjabloon {{ pagina.titel }} en {% if x %}...{% endif %}."
NEWSLETTER = """---
date:
  created: 2019-03-14
slug: testbrief
description: >-
  Een nieuwsbrief die de test zelf schrijft, met alles wat een nieuwsbrief nodig heeft.
categories:
  - {category}
authors:
  - {author}
---

# Testbrief

Het begin van de testbrief.

<!-- more -->

{quote}
"""


@pytest.fixture
def post(project, config):
    path = project / POST
    category = config.plugins["material/blog"].config.categories_allowed[0]
    authors = yaml.safe_load((project / "docs" / "nieuwsbrief" / ".authors.yml").read_text(encoding="utf-8"))
    path.write_text(NEWSLETTER.format(category=category, author=next(iter(authors["authors"])), quote=QUOTE), encoding="utf-8")
    return path


SCENARIOS = {
    "no date": ("date:\n  created: 2019-03-14\n", "", "slug: testbrief", "veld 'date' ontbreekt"),
    "unknown field": ("description: >-", "summary: >-", "summary:", "onbekend veld 'summary'"),
    "impossible date": ("created: 2019-03-14", "created: 2019-02-30", "created: 2019-02-30",
                        "'2019-02-30' bij 'created': deze datum of tijd bestaat niet"),
    "date in another form": ("created: 2019-03-14", "created: 14 maart 2019", "created: 14 maart",
                             "'14 maart 2019' bij 'created': schrijf een datum als JJJJ-MM-DD"),
    "category not allowed": ("categories:\n  - ", "categories:\n  - Debatten\n  - ", "  - Debatten",
                             "categorie 'Debatten' bestaat niet (kies uit: "),
    "unknown author": ("authors:\n  - ", "authors:\n  - redaktie\n  - ", "  - redaktie",
                       "auteur 'redaktie' bestaat niet"),
    # The title is the e-mail's Subject: a line break there would be a header of its own.
    "title with a line break": ("slug: testbrief\n", 'slug: testbrief\ntitle: "Testbrief\\r\\nBcc: x@voorbeeld.nl"\n',
                                "title:", "'Testbrief\\r\\nBcc: x@voorbeeld.nl' bij 'title': schrijf dit op één regel"),
    "title over two lines": ("slug: testbrief\n", "slug: testbrief\ntitle: |\n  Testbrief\n  met een tweede regel\n",
                             "title:", "'Testbrief\\nmet een tweede regel\\n' bij 'title': schrijf dit op één regel"),
    "tab in the front matter": ("categories:\n  - ", "categories:\n\t- ", "\t- ",
                                "er staat een tab op deze regel; gebruik spaties"),
    "description with a control character": ("  Een nieuwsbrief die", "  Een\x0c nieuwsbrief die", "  Een\x0c",
                                             "op deze regel staat een onzichtbaar stuurteken (U+000C)"),
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_bad_front_matter_is_named_with_file_and_line(project, post, scenario):
    old, new, anchor, message = SCENARIOS[scenario]
    replace_once(post, old, new)
    line = line_of(post, anchor)
    problems = [str(problem) for problem in checked(project).problems]
    assert any(problem.startswith(f"{POST}, regel {line}: {message}") for problem in problems), problems


def test_a_missing_description_is_named(project, post):
    text = post.read_text(encoding="utf-8")
    post.write_text(text[:text.index("description:")] + text[text.index("categories:"):], encoding="utf-8")
    problems = [str(problem) for problem in checked(project).problems]
    # The front matter's first line: where the block that misses the field begins.
    assert any(problem.startswith(f"{POST}, regel 2: veld 'description' ontbreekt") for problem in problems), \
        problems


@pytest.mark.slow
def test_template_syntax_in_a_newsletter_is_published_as_written(project, post, tmp_path):
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((site_dir / "nieuwsbrief/2019/03/testbrief/index.html").read_text(), "html.parser")
    assert QUOTE in page.select_one(".md-content").get_text()
    feed = ET.parse(site_dir / "feed_rss_created.xml").getroot()
    item = next(i for i in feed.iter("item") if i.findtext("link").endswith("/2019/03/testbrief/"))
    assert QUOTE in BeautifulSoup(item.findtext("description"), "html.parser").get_text()


def test_a_coming_newsletter_that_goes_by_itself_without_an_editors_address_is_pointed_out(project):
    import datetime as dt

    from tests.helpers import newsletter
    from tests.mail_server import fill_in_settings

    coming = newsletter(project, "2099-01-vanzelf.md", front="date:\n  created: 2099-01-05\nautomatisch_versturen: true\n")
    newsletter(project, "2019-03-oud.md", front="date:\n  created: 2019-03-14\nautomatisch_versturen: true\n")
    today = dt.date(2026, 12, 3)

    def notes():
        return [str(n) for n in checked(project).notes(today, None) if "redactieadres" in n.message]

    # Only the coming one (the old one never goes by itself), at the field's line.
    assert [note.split(": ", 1)[0] for note in notes()] == [
        f"docs/nieuwsbrief/posts/{coming.name}, regel {line_of(coming, 'automatisch_versturen')}"]
    fill_in_settings(project)
    assert notes() == []


def test_front_matter_that_passed_is_not_checked_again_but_a_problem_is_named_every_time(project, post, monkeypatch):
    """site/content/passed_checks.py keeps what passed its schema in .cache/controle.txt: a
    second check skips it (the same verdict), a broken newsletter is checked and named anew."""
    from cultuurregio.site.common.paths import CHECK_CACHE
    from cultuurregio.site.content import schema

    validated = []
    original = schema.validate
    monkeypatch.setattr(schema, "validate", lambda document, name: validated.append(document.name) or original(document, name))
    newsletters = len(list((project / "docs/nieuwsbrief/posts").glob("*.md")))
    first = checked(project)
    assert len(validated) == newsletters and len((project / CHECK_CACHE).read_text().split()) == newsletters
    validated.clear()
    assert checked(project).problems == first.problems == [] and validated == []
    replace_once(post, "description: >-", "summary: >-")
    for _ in range(2):
        validated.clear()
        assert any("onbekend veld 'summary'" in str(problem) for problem in checked(project).problems)
        assert validated == [POST]
