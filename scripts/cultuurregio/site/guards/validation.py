"""Every check of the content, run before anything renders: by the build (hooks.py,
`on_config`) and by the editors' `make check` alike, so both give the same verdict."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cultuurregio.site.common.paths import CHECK_CACHE, caches_enabled
from cultuurregio.site.common.problems import ContentError, Problem
from cultuurregio.site.content.accessibility_statement import Statement, read_statement, statement_notes
from cultuurregio.site.content.data import Content, load_content
from cultuurregio.site.content.mail_settings import MailSettings, read_mail_settings
from cultuurregio.site.content.newsletters import POSTS, check_newsletters, check_theme_categories
from cultuurregio.site.content.outlines import Outlines, read_outlines
from cultuurregio.site.content.passed_checks import PassedChecks
from cultuurregio.site.content.symlinks import symlink_problems
from cultuurregio.site.content.yamlfile import parse_front_matter, read_text
from cultuurregio.site.guards.nav_check import nav_problems
from cultuurregio.site.guards.svg_check import svg_problems


@dataclass
class Checked:
    """The content, if it can be read, and what is wrong with it."""

    content: Content | None
    problems: list[Problem] = field(default_factory=list)
    # Each correct newsletter's date of appearance, by its path in docs/.
    newsletter_dates: dict[str, dt.date] = field(default_factory=dict)
    # How the newsletter goes out by e-mail, and what sending still needs (notes, not problems).
    mail: MailSettings | None = None
    mail_notes: list[Problem] = field(default_factory=list)
    # The accessibility statement; what it still lacks depends on the build date.
    statement: Statement | None = None
    # Newsletters that go out by themselves on their day: the line of the field, by path in docs/.
    automatic: dict[str, int] = field(default_factory=dict)
    # The municipalities' outlines, for the map (None when they cannot be read: a problem says why).
    outlines: Outlines | None = None

    def notes(self, today: dt.date, site_url: str | None) -> list[Problem]:
        """What editors still have to fill in ("let op"): never a reason to stop the build.
        `site_url`: where the site is published (None for the preview)."""
        return self.mail_notes + statement_notes(self.statement, today, site_url) + self.automatic_notes(today)

    def automatic_notes(self, today: dt.date) -> list[Problem]:
        """A coming newsletter that should go out by itself, while nothing can (publiceren/scheduled_mail.py)."""
        if self.mail is None or self.mail.redactieadres:
            return []
        return [Problem(f"docs/{path}", line, "deze nieuwsbrief gaat vanzelf naar de lijst (automatisch_versturen: "
                        "true), maar data/verzending.yml heeft geen redactieadres; zonder dat adres gaat er niets "
                        "vanzelf, ook geen test. Vul het in, of verstuur hem met de hand")
                for path, line in sorted(self.automatic.items()) if self.newsletter_dates.get(path, today) >= today]


def check_everything(config_file: Path, docs: Path, categories: list[str], separator: str,
                     site_name: str = "") -> Checked:
    project = config_file.parent
    # Before anything is read: a link could make any reader below read a file of the machine.
    links = symlink_problems(project)
    if links:
        return Checked(None, links)
    problems: list[Problem] = nav_problems(config_file, docs)
    mail, mail_problems, mail_notes = read_mail_settings(project / "data", site_name)
    problems += mail_problems
    statement, statement_problems = read_statement(project / "data")
    problems += statement_problems
    try:
        content = load_content(project / "data")
    except ContentError as error:
        content = None
        problems += error.problems
    outlines = None
    if content is not None:
        problems += missing_theme_pages(content, docs)
        problems += check_theme_categories([t["naam"] for t in content.themas], categories)
        outlines, outline_problems = read_outlines(project, content)
        problems += outline_problems
    checks = PassedChecks(project / CHECK_CACHE if caches_enabled() else None)
    newsletter_problems, dates, automatic = check_newsletters(docs, categories, separator, checks)
    checks.save()
    problems += newsletter_problems + page_problems(docs)
    for svg in sorted(docs.rglob("*.svg")):
        problems += svg_problems(svg, f"docs/{svg.relative_to(docs).as_posix()}")
    return Checked(content, sorted(problems), dates, mail, mail_notes, statement, automatic, outlines)


def check_site(config) -> Checked:
    """`check_everything` for a loaded MkDocs configuration (the blog plugin's settings)."""
    blog = config.plugins["material/blog"].config
    return check_everything(Path(config.config_file_path), Path(config.docs_dir),
                            blog.categories_allowed, blog.post_excerpt_separator, config.site_name)


def page_problems(docs: Path) -> list[Problem]:
    """Pages that are not UTF-8, hold control characters, or whose front matter is no valid
    YAML (MkDocs would silently publish it as text). Newsletters are checked on their own."""
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")):
        if path.relative_to(docs).is_relative_to(POSTS):
            continue
        name = f"docs/{path.relative_to(docs).as_posix()}"
        text, found = read_text(path, name)
        problems += found
        if text is not None and text.lstrip("\ufeff").startswith("---"):
            problems += parse_front_matter(text, name)[1]
    return problems


def missing_theme_pages(content: Content, docs: Path) -> list[Problem]:
    return [
        Problem("data/themas.yml", None, f"thema '{item['slug']}' heeft geen pagina; maak "
                f"docs/themas/{item['slug']}.md (kopieer een bestaande themapagina)")
        for item in content.themas
        if not (docs / "themas" / f"{item['slug']}.md").is_file()
    ]
