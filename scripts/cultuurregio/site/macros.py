"""Macros that render the validated data into pages (mkdocs-macros-plugin module).

Macros only. Only pages whose front matter says `render_macros: true` are rendered
(opt-in), so a newsletter quoting `{{` is published as written. The content they show is
checked and handed over by hooks.py before any page renders, as the variable `inhoud`,
with the build's day as `bouwdatum`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from cultuurregio.site.common.paths import AGENDA_FILE, PDF_FILE, PDF_STAGED, meeting_file
from cultuurregio.site.common.problems import ContentError
from cultuurregio.site.common.sizes import file_size_label
from cultuurregio.site.common.templates import environment
from cultuurregio.site.outputs.category_feeds import category_feeds


def define_env(env) -> None:
    project = Path(env.conf.config_file_path).parent
    templates = environment(project / "overrides" / "content")

    def content():
        return env.variables["inhoud"]

    def render(template: str, **context) -> str:
        return templates.get_template(template).render(inhoud=content(), **context)

    @env.macro
    def tijdlijn(status: str | None = None) -> str:
        """The process steps in date order; only 'gedaan' or 'gepland' ones if asked."""
        steps = [s for s in content().stappen if status is None or s["status"] == status]
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
        thema = _known(lambda: content().thema(slug))
        return render(
            "thema.html",
            thema=thema,
            werkgroep=content().werkgroep_van(slug),
            samenwerkingen=content().samenwerkingen_met(thema=slug),
        )

    @env.macro
    def werkgroepen() -> str:
        """Every working group with its assignment, organisations and results."""
        return render("werkgroepen.html")

    @env.macro
    def samenwerkingen(niveau: int = 2) -> str:
        """Cards for the example collaborations; `niveau` is the cards' heading level."""
        return render("samenwerkingen.html", items=content().samenwerkingen, niveau=niveau)

    @env.macro
    def gemeenten() -> str:
        """The 14 municipalities, with the collaborations each takes part in."""
        return render("gemeenten.html")

    @env.macro
    def feeds() -> str:
        """The feed of each newsletter category, with its address (for the Abonneren page)."""
        return render("feeds.html", feeds=category_feeds(env.conf.plugins["material/blog"].config),
                      site_url=env.conf.site_url)

    @env.macro
    def per_e_mail() -> str:
        """How to get the newsletter by e-mail, if data/verzending.yml gives a sign-up route;
        else nothing, and the Abonneren page offers RSS only."""
        settings = env.variables["verzending"]
        if not settings or not settings.aanmelden:
            return ""
        return render("per-e-mail.html", aanmelden=settings.aanmelden,
                      adres=settings.aanmelden.removeprefix("mailto:"))

    @env.macro
    def toegankelijkheidsverklaring() -> str:
        """The accessibility statement from data/toegankelijkheid.yml, with its status
        computed for the build date (site/content/accessibility_statement.py)."""
        statement, today = env.variables["toegankelijkheid"], env.variables["bouwdatum"]
        if statement is None:
            # The data file's problems are reported with their lines, and nothing is published.
            return ""
        return render("toegankelijkheidsverklaring.html", verklaring=statement, status=statement.status(today),
                      bouwdatum=today)

    @env.macro
    def kaart() -> str:
        """The map of Twente (site/outputs/twente_map.py); each municipality links to its entry
        on the Gemeenten page."""
        if env.variables["kaartgegevens"] is None:
            return ""  # the outlines could not be read: a problem says why, and nothing is published
        here = env.page.url
        page = "" if here == GEMEENTEN_PAGE else get_relative_url(GEMEENTEN_PAGE, here)
        return render("kaart.html", kaart=env.variables["kaartgegevens"], gemeenten_pagina=page)

    @env.macro
    def profiel_pdf() -> str:
        """The profile as PDF with its size, once `make build` has printed it (publiceren/pdf.py)."""
        staged = project / PDF_STAGED
        if not staged.is_file():
            return render("profiel-pdf.html", pdf=None)
        return render("profiel-pdf.html", pdf={
            "href": get_relative_url(PDF_FILE, env.page.url),
            "size": file_size_label(staged.stat().st_size),
        })

    @env.macro
    def agenda() -> str:
        """Meetings to come (soonest first), then past ones, with calendar files to add."""
        coming, past = content().bijeenkomsten_voor(env.variables["bouwdatum"])
        here = env.page.url
        return render(
            "agenda.html",
            komend=coming,
            voorbij=past,
            ics=get_relative_url(AGENDA_FILE, here),
            webcal="webcal://" + env.conf.site_url.split("://", 1)[1] + AGENDA_FILE,
            ics_per_bijeenkomst={m["slug"]: get_relative_url(meeting_file(m), here)
                                 for m in content().bijeenkomsten},
        )


GEMEENTEN_PAGE = "gemeenten/"


class MacroProblem(Exception):
    """A page names something the data does not have. mkdocs-macros reports it with the
    page; site/guards/library_messages.py gives the Dutch message its line."""


def _known(lookup):
    """A page naming an unknown slug is an editor's mistake; say what to pick."""
    try:
        return lookup()
    except ContentError as error:
        raise MacroProblem(error.problems[0].message) from None
