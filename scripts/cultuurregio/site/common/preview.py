"""A pull request's preview (README, "Een voorbeeld van elke wijziging"): the whole site built
for its own address, `<site_url>voorbeeld/pr-<N>/`, which the workflows publish on the
gh-pages branch next to the site itself.

    VOORBEELD=12 python -m cultuurregio.publiceren.pdf --site-dir voorbeeld   (make voorbeeld PR=12)

In a preview every page says so in a banner and asks search engines to stay away (noindex),
its sitemap lists no address, and scheduled newsletters are shown with the day they will appear.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

VARIABLE = "VOORBEELD"
# gh-pages: production at the root, every preview in a folder of its own under this one.
FOLDER = "voorbeeld"


class PreviewError(ValueError):
    """VOORBEELD is set to something that is not a pull request's number (in Dutch)."""


@dataclass(frozen=True)
class Preview:
    number: int
    repo_url: str

    @property
    def folder(self) -> str:
        return f"{FOLDER}/pr-{self.number}/"

    @property
    def pull_request(self) -> str:
        return f"{self.repo_url.rstrip('/')}/pull/{self.number}"

    def address(self, site_url: str) -> str:
        """The preview's address on the published site."""
        return site_url + self.folder

    def template_values(self) -> dict:
        return {"nummer": self.number, "pull_request": self.pull_request}


def preview_from_environment(repo_url: str) -> Preview | None:
    """The preview this build makes, if VOORBEELD names a pull request."""
    value = os.environ.get(VARIABLE, "").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise PreviewError(f"{VARIABLE}={value!r} is geen nummer van een pull request. Geef een getal, "
                           f"bijvoorbeeld: make voorbeeld PR=12")
    return Preview(int(value), repo_url)


def preview_for(config) -> Preview | None:
    """The preview this build makes, with the site's address set to the preview's and the
    templates told (`config.extra.voorbeeld`); None for the site itself."""
    try:
        preview = preview_from_environment(config.repo_url)
    except PreviewError as error:
        raise PluginError(str(error)) from None
    if preview:
        config.site_url = preview.address(config.site_url)
        config.extra["voorbeeld"] = preview.template_values()
    return preview


# Material's script asks for sitemap.xml next to every page's alternate link (the feeds), so a
# missing one would be a 404 on every page: the preview's lists no address at all.
EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def empty_sitemap(site: Path) -> None:
    """Search engines are not invited to a preview (its pages say noindex too)."""
    (site / "sitemap.xml").write_text(EMPTY_SITEMAP, encoding="utf-8")
    (site / "sitemap.xml.gz").unlink(missing_ok=True)
