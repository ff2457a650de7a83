"""The same commit builds the same bytes: feeds, sitemap, calendars and the PDF included."""

from __future__ import annotations

from cultuurregio.project import ROOT
from tests.helpers import build, differing, site_files


def test_two_builds_are_byte_identical(published_site, tmp_path):
    again = tmp_path / "site"
    result = build(ROOT, again, with_pdf=True)
    assert result.returncode == 0, result.stderr
    first, second = site_files(published_site), site_files(again)
    assert differing(first, second) == []
    assert {"feed_rss_created.xml", "sitemap.xml", "sitemap.xml.gz", "agenda.ics",
            "profiel/cultuurprofiel-twente.pdf"} <= set(first)
