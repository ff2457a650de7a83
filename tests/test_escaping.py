"""Text from data files and pages is text: never markup, never a template."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests.helpers import build, replace_value

ATTACK = "<script>alert('x')</script>"


@pytest.mark.slow
def test_script_in_data_is_shown_as_text_everywhere(project, tmp_path, content):
    # A municipality's name reaches the footer (theme template) and the data pages
    # (content templates); a working group's name reaches Markdown links and headings.
    replace_value(project / "data" / "gemeenten.yml", ("gemeenten", 1, "naam"), f'"Borne {ATTACK}"')
    replace_value(project / "data" / "werkgroepen.yml", ("werkgroepen", 0, "naam"),
                  f'"Werkgroep *Grenzeloos* {ATTACK}"')
    theme = f"themas/{content.werkgroepen[0]['thema']}/index.html"
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr

    for page in ("gemeenten/index.html", "werkgroepen/index.html", theme, "index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        scripts = soup.find_all("script")
        assert "alert(" not in "".join(s.get_text() for s in scripts if s.get("type") != "application/ld+json"), page
        # In schema.org data it is data: escaped JSON that cannot close the script element.
        for data in (s.get_text() for s in scripts if s.get("type") == "application/ld+json"):
            assert "<" not in data
            assert "alert(" not in data or ATTACK in json.dumps(json.loads(data), ensure_ascii=False)
        assert ATTACK in soup.get_text(), page
    footer = BeautifulSoup((site_dir / "index.html").read_text(), "html.parser").footer
    assert f"Borne {ATTACK}" in footer.get_text()
    theme_page = BeautifulSoup((site_dir / theme).read_text(), "html.parser")
    link = theme_page.select_one(".md-content").find("a", string=lambda s: s and "Werkgroep" in s)
    # Markdown punctuation in data stays punctuation, too.
    assert link.get_text() == f"Werkgroep *Grenzeloos* {ATTACK}"

