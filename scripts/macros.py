"""Macros that render the validated data into pages (mkdocs-macros-plugin module).

Only pages whose front matter says `render_macros: true` are rendered (opt-in), so a
newsletter quoting `{{` is published as written. The data is loaded and checked here,
when MkDocs reads its configuration: a problem stops the build before any page renders.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from scripts import blog_speedup
from scripts.check import check_everything
from scripts.content import Content
from scripts.dates import build_date
from scripts.feeds import finish_feed
from scripts.ical import calendar_file
from scripts.problems import ContentError
from scripts.search_index import add_folded_words
from scripts.sizes import file_size_label
from scripts.templates import environment

log = logging.getLogger("mkdocs.plugins.cultuurregio")


def define_env(env) -> None:
    blog_speedup.install()
    project = Path(env.conf.config_file_path).parent
    docs = Path(env.conf.docs_dir)
    categories = env.conf.plugins["material/blog"].config.categories_allowed
    content, problems = check_everything(project, docs, categories)
    if problems:
        raise PluginError(ContentError(problems).report())
    templates = environment(project / "overrides" / "content")

    def render(template: str, **context) -> str:
        return templates.get_template(template).render(inhoud=content, **context)

    # The footer (overrides/partials/copyright.html) lists the municipalities on every page.
    env.conf.extra["gemeentenamen"] = [item["naam"] for item in content.gemeenten]
    env.variables["inhoud"] = content

    @env.macro
    def tijdlijn(status: str | None = None) -> str:
        """The process steps in date order; only 'gedaan' or 'gepland' ones if asked."""
        steps = [s for s in content.stappen if status is None or s["status"] == status]
        return render("tijdlijn.html", stappen=steps)

    @env.macro
    def organisatie() -> str:
        """Stuurgroep, kerngroep and werkgroepen: role and composition."""
        return render("organisatie.html")

    @env.macro
    def thema_kaarten(niveau: int = 3) -> str:
        """A card per theme, linking to its page; `niveau` is the cards' heading level."""
        return render("thema-kaarten.html", niveau=niveau)

    @env.macro
    def thema_pagina(slug: str) -> str:
        """The body of a theme page: summary, goals, working group, collaborations."""
        thema = _known(lambda: content.thema(slug))
        return render(
            "thema.html",
            thema=thema,
            werkgroep=content.werkgroep_van(slug),
            samenwerkingen=content.samenwerkingen_met(thema=slug),
        )

    @env.macro
    def werkgroepen() -> str:
        """Every working group with its assignment, organisations and results."""
        return render("werkgroepen.html")

    @env.macro
    def samenwerkingen(niveau: int = 2) -> str:
        """Cards for the example collaborations; `niveau` is the cards' heading level."""
        return render("samenwerkingen.html", items=content.samenwerkingen, niveau=niveau)

    @env.macro
    def gemeenten() -> str:
        """The 14 municipalities, with the collaborations each takes part in."""
        return render("gemeenten.html")

    @env.macro
    def pdf_link() -> str:
        """The profile as PDF with its size, once `make build` has printed it (scripts/pdf.py)."""
        staged = project / PDF_STAGED
        if not staged.is_file():
            return render("pdf-link.html", pdf=None)
        return render("pdf-link.html", pdf={
            "href": get_relative_url(PDF_FILE, env.page.url),
            "size": file_size_label(staged.stat().st_size),
        })

    @env.macro
    def agenda() -> str:
        """Meetings to come (soonest first), then past ones, with calendar files to add."""
        coming, past = content.bijeenkomsten_voor(build_date())
        here = env.page.url
        return render(
            "agenda.html",
            komend=coming,
            voorbij=past,
            ics=get_relative_url(AGENDA_FILE, here),
            webcal="webcal://" + env.conf.site_url.split("://", 1)[1] + AGENDA_FILE,
            ics_per_bijeenkomst={m["slug"]: get_relative_url(_meeting_file(m), here)
                                 for m in content.bijeenkomsten},
        )


AGENDA_FILE = "agenda.ics"
# Printed by scripts/pdf.py between two builds; the second build publishes it.
PDF_STAGED = Path("build") / "pdf" / "cultuurprofiel-twente.pdf"
PDF_FILE = "profiel/cultuurprofiel-twente.pdf"


def _meeting_file(meeting) -> str:
    return f"agenda/{meeting['slug']}.ics"


def on_post_build(env) -> None:
    """Write the calendar files, finish the newsletter feed and the search index."""
    content: Content = env.variables["inhoud"]
    site = Path(env.conf.site_dir)
    site_url = env.conf.site_url
    (site / AGENDA_FILE).write_bytes(
        calendar_file(content.bijeenkomsten, "Cultuurregio Twente", site_url))
    for meeting in content.bijeenkomsten:
        path = site / _meeting_file(meeting)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(calendar_file([meeting], meeting["titel"], site_url))
    finish_feed(site / "feed_rss_created.xml")
    # The plugin dates newsletters that were never updated at build time in this second
    # feed; the archive feed above is the one we publish.
    (site / "feed_rss_updated.xml").unlink(missing_ok=True)
    add_folded_words(site / "search" / "search_index.json")
    staged = Path(env.conf.config_file_path).parent / PDF_STAGED
    if staged.is_file():
        shutil.copyfile(staged, site / PDF_FILE)


def _known(lookup):
    """A page naming an unknown slug is an editor's mistake; say what to pick.

    The macros plugin turns any error in a page into a warning plus exit, so the Dutch
    message is logged as an error first, where `mkdocs build` always shows it.
    """
    try:
        return lookup()
    except ContentError as error:
        log.error(error.report())
        raise PluginError(error.report()) from None
