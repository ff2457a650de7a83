"""The newsletters as sending knows them: by their permanent address and their file, never by
the slug alone.

Two newsletters may share a slug in different months (the build allows it: their addresses
`/nieuwsbrief/JJJJ/MM/<slug>/` differ), so everything that sends (publiceren/newsletter_mail.py,
publiceren/scheduled_mail.py), the ledger (publiceren/ledger.py) and every summary name a
newsletter by its address, and its e-mail edition is the one the build wrote next to the page at
that address.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from cultuurregio.site.content.newsletters import POSTS
from cultuurregio.site.content.yamlfile import read_front_matter
from cultuurregio.site.mail.edition import MESSAGE, message_id

MARK = "automatisch_versturen"


class Refused(Exception):
    """Nothing was sent, and why (in Dutch)."""


@dataclass(frozen=True)
class Newsletter:
    file: str  # as editors see it: docs/nieuwsbrief/posts/2026-12-nieuws.md
    slug: str
    created: dt.date
    draft: bool
    marked: bool  # automatisch_versturen: true

    @property
    def address(self) -> str:
        """The permanent address within the site, as the blog makes it (mkdocs.yml:
        post_url_format "{date}/{slug}" with post_url_date_format yyyy/MM)."""
        return f"/{POSTS.parent.as_posix()}/{self.created:%Y/%m}/{self.slug}/"

    @property
    def name(self) -> str:
        """How messages and summaries name it: its address and its file."""
        return f"{self.address} ({self.file})"

    def message_id(self, site_url: str) -> str:
        """The Message-ID its e-mail edition carries (site/mail/edition.py), by which entries of
        the ledger's old form, keyed by slug, are known."""
        return message_id(site_url.rstrip("/") + self.address, site_url)

    def edition(self, site: Path) -> Path:
        """Where the build put its e-mail edition."""
        return site / self.address.strip("/") / MESSAGE


def newsletters(project: Path) -> list[Newsletter]:
    """Every newsletter whose front matter can be read, in the order of their files."""
    found = []
    for path in sorted((project / "docs" / POSTS).rglob("*.md")):
        file = path.relative_to(project).as_posix()
        document, _ = read_front_matter(path, file)
        data = document.data if document is not None and isinstance(document.data, dict) else {}
        date = data.get("date")
        created = date.get("created") if isinstance(date, dict) else None
        try:
            day = dt.date.fromisoformat(str(created)[:10])
        except ValueError:
            continue  # make check names it; nothing can be sent that the build did not publish
        found.append(Newsletter(file, str(data.get("slug") or path.stem), day, bool(data.get("draft")),
                                data.get(MARK) is True))
    return found


def find(project: Path, given: str) -> Newsletter:
    """The one newsletter that `given` names: its address (with or without the site's own part),
    its file (name or path), or, when no other newsletter shares it, its slug. Refused when
    none or several match."""
    wanted = given.strip()
    path = unquote(urlsplit(wanted).path) if "://" in wanted else wanted
    path = "/" + path.strip("/") + "/"
    everything = newsletters(project)
    matches = [n for n in everything if path.endswith(n.address) or
               wanted in (n.file, Path(n.file).name, Path(n.file).stem)]
    if not matches:
        matches = [n for n in everything if n.slug == wanted]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise Refused(f"'{given}' past bij meer dan één nieuwsbrief: {'; '.join(n.name for n in matches)}. "
                      "Vul het adres of de bestandsnaam in van de nieuwsbrief die u bedoelt")
    recent = ", ".join(n.address for n in sorted(everything, key=lambda n: n.created)[-5:])
    raise Refused(f"er is geen nieuwsbrief met het adres of de bestandsnaam '{given}'. Vul het adres in "
                  f"(bijvoorbeeld {everything[-1].address if everything else '/nieuwsbrief/2026/12/naam/'}) of de "
                  f"naam van het bestand in docs/nieuwsbrief/posts/. De nieuwste: {recent}")


def main(argv: list[str] | None = None) -> int:
    """`python -m cultuurregio.publiceren.newsletters WAT`: which newsletter an editor means, said
    before the workflow spends a minute on the build (nieuwsbrief.yml)."""
    parser = argparse.ArgumentParser(description="Zeg welke nieuwsbrief een adres of bestandsnaam aanwijst.")
    parser.add_argument("nieuwsbrief")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    try:
        newsletter = find(args.config_file.resolve().parent, args.nieuwsbrief)
    except Refused as problem:
        print(f"Niet verstuurd: {problem}", file=sys.stderr)
        return 1
    print(f"Nieuwsbrief: {newsletter.name}, van {newsletter.created.isoformat()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
