"""Text from data files and pages is text: never markup, never a template."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import build
from tests.test_bad_data import replace_once

ATTACK = "<script>alert('x')</script>"


def test_script_in_data_is_shown_as_text_everywhere(project, tmp_path):
    # A municipality's name reaches the footer (theme template) and the data pages
    # (content templates); a working group's name reaches Markdown links and headings.
    replace_once(project / "data" / "gemeenten.yml", "naam: Borne", f'naam: "Borne {ATTACK}"')
    replace_once(project / "data" / "werkgroepen.yml", "naam: Werkgroep Grenzeloos Twente",
                 f'naam: "Werkgroep *Grenzeloos* {ATTACK}"')
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr

    for page in ("gemeenten/index.html", "werkgroepen/index.html", "themas/grenzeloos-twente/index.html", "index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert "alert(" not in "".join(s.get_text() for s in soup.find_all("script")), page
        assert ATTACK in soup.get_text(), page
    footer = BeautifulSoup((site_dir / "index.html").read_text(), "html.parser").footer
    assert f"Borne {ATTACK}" in footer.get_text()
    theme_page = BeautifulSoup((site_dir / "themas/grenzeloos-twente/index.html").read_text(), "html.parser")
    link = theme_page.find("a", string=lambda s: s and "Werkgroep" in s)
    # Markdown punctuation in data stays punctuation, too.
    assert link.get_text() == f"Werkgroep *Grenzeloos* {ATTACK}"


def test_a_page_without_macros_publishes_template_syntax_as_written(project, tmp_path):
    with (project / "docs" / "nieuwsbrief" / "index.md").open("a", encoding="utf-8") as page:
        page.write("\nIn een sjabloon schrijf je `{{ pagina.titel }}` of {% raw %} zonder meer.\n")
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    text = BeautifulSoup((site_dir / "nieuwsbrief/index.html").read_text(), "html.parser").get_text()
    assert "{{ pagina.titel }}" in text and "{% raw %}" in text
