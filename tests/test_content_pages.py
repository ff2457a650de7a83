"""The data shows up where the site map says, complete and in order."""

from __future__ import annotations

import re

from tests.helpers import heading


def test_the_municipalities_page_lists_every_municipality(pages, content):
    article = pages["gemeenten/index.html"].select_one(".md-content")
    listed = [item.select_one(".cr-gemeente__naam").get_text(" ", strip=True).removesuffix(" trekker")
              for item in article.select(".cr-gemeente")]
    assert sorted(listed) == sorted(g["naam"] for g in content.gemeenten)


def test_the_leading_cities_are_marked(pages, content):
    article = pages["gemeenten/index.html"].select_one(".md-content")
    marked = {item["id"] for item in article.select(".cr-gemeente") if item.select(".cr-label")}
    assert marked == {g["slug"] for g in content.gemeenten if g["trekker"]}


def test_every_page_footer_names_all_municipalities(pages, content):
    for path, soup in pages.items():
        footer = " ".join(soup.select_one("footer").get_text(" ").split())
        for gemeente in content.gemeenten:
            assert gemeente["naam"] in footer, (path, gemeente["naam"])
        links = {a.get_text(strip=True) for a in soup.select("footer .md-copyright a")}
        assert {"Toegankelijkheid", "Privacy"} <= links, path


def test_every_theme_is_on_the_themes_page_and_has_a_page(pages, content):
    names = {t["naam"] for t in content.themas}
    cards = pages["themas/index.html"].select(".cr-kaart--thema h2 a:not(.headerlink)")
    assert {a.get_text(strip=True) for a in cards} == names
    for thema in content.themas:
        soup = pages[f"themas/{thema['slug']}/index.html"]
        assert heading(soup.h1) == thema["naam"]


def test_each_theme_page_lists_its_working_group(pages, content):
    for thema in content.themas:
        soup = pages[f"themas/{thema['slug']}/index.html"]
        groups = [g for g in content.werkgroepen if g["thema"] == thema["slug"]]
        assert len(groups) == 1
        section = soup.select_one(".md-content").find(id="werkgroep").find_next(class_="cr-kaart")
        assert groups[0]["naam"] in section.get_text()
        assert groups[0]["opdracht"] in section.get_text()


def test_theme_pages_list_their_collaborations_and_only_those(pages, content):
    for thema in content.themas:
        article = pages[f"themas/{thema['slug']}/index.html"].select_one(".md-content")
        shown = {card.h3["id"] for card in article.select(".cr-kaart--samenwerking")}
        assert shown == {s["slug"] for s in content.samenwerkingen if thema["slug"] in s["themas"] and not s["voorbeeld"]}


def test_a_municipality_lists_its_real_collaborations_and_no_placeholder(pages, content):
    """An editors' placeholder (voorbeeld: true) is not a municipality's collaboration."""
    article = pages["gemeenten/index.html"].select_one(".md-content")
    for gemeente in content.gemeenten:
        links = {a["href"].rsplit("#", 1)[1] for a in article.find(id=gemeente["slug"]).select(".cr-gemeente__samenwerkingen a")}
        real = {s["slug"] for s in content.samenwerkingen if gemeente["slug"] in s["gemeenten"] and not s["voorbeeld"]}
        assert links == real, gemeente["slug"]


def test_the_timeline_shows_every_step_in_date_order(pages, content):
    article = pages["proces/index.html"].select_one(".md-content")
    steps = article.select(".cr-tijdlijn__stap")
    titles = [heading(step.select_one(".cr-tijdlijn__titel")) for step in steps]
    assert sorted(titles) == sorted(s["titel"] for s in content.stappen)
    # Order, read from what the page says: ISO dates never go back...
    dates = [step.time["datetime"] for step in steps]
    assert all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d) for d in dates)
    gedaan = [d for d, step in zip(dates, steps, strict=True) if "cr-tijdlijn__stap--gedaan" in step["class"]]
    gepland = [d for d, step in zip(dates, steps, strict=True) if "cr-tijdlijn__stap--gepland" in step["class"]]
    assert gedaan == sorted(gedaan) and gepland == sorted(gepland)
    # ... and within one date, "vóór" comes first and "na" last.
    order = {"vóór": 0, "begin": 1, "": 2, "eind": 3, "na": 4}
    for first, second in zip(steps, steps[1:], strict=False):
        if first.time["datetime"] == second.time["datetime"] and first["class"] == second["class"]:
            rank = [order.get(s.time.get_text().split()[0], 2) for s in (first, second)]
            assert rank[0] <= rank[1], (first.h3.get_text(), second.h3.get_text())


def test_the_timeline_separates_done_from_planned(pages, content):
    """Each timeline on the process page holds steps of one status, and says it in words."""
    article = pages["proces/index.html"].select_one(".md-content")
    shown: dict[str, set[str]] = {}
    for timeline in article.select("ol.cr-tijdlijn"):
        labels = {li.select_one(".cr-label").get_text(strip=True) for li in timeline.select("li")}
        assert len(labels) == 1, labels
        shown.setdefault(labels.pop(), set()).update(li.h3["id"] for li in timeline.select("li"))
    for status in ("gedaan", "gepland"):
        assert shown.get(status, set()) == {s["slug"] for s in content.stappen if s["status"] == status}


def test_the_process_page_shows_the_organisation(pages, content):
    article = pages["proces/index.html"].select_one(".md-content")
    for orgaan in content.organen:
        section = article.find(id=orgaan["slug"]).find_parent("section")
        assert orgaan["rol"] in section.get_text()
        assert orgaan["samenstelling"] in section.get_text()


def test_the_working_groups_page_lists_every_group(pages, content):
    article = pages["werkgroepen/index.html"].select_one(".md-content")
    for groep in content.werkgroepen:
        section = article.find(id=groep["slug"]).find_parent("section")
        assert content.thema(groep["thema"])["naam"] in section.get_text()


def test_example_collaborations_are_marked_as_examples(pages, content):
    article = pages["samenwerkingen/index.html"].select_one(".md-content")
    cards = {card.h2["id"]: card for card in article.select(".cr-kaart--samenwerking")}
    assert set(cards) == {s["slug"] for s in content.samenwerkingen}
    for item in content.samenwerkingen:
        marked = cards[item["slug"]].select_one(".cr-label--voorbeeld") is not None
        assert marked == bool(item["voorbeeld"])


def test_the_home_page_leads_to_profile_process_and_themes(pages, content):
    links = {a["href"] for a in pages["index.html"].select("article a[href]")}
    assert {"profiel/", "proces/"} | {f"themas/{t['slug']}/" for t in content.themas} <= links
