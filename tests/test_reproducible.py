"""The same commit builds the same bytes: feeds, sitemap, calendars and the PDF included."""

from __future__ import annotations

from tests.conftest import ROOT, build, site_files


def test_two_builds_are_byte_identical(site, tmp_path):
    again = tmp_path / "site"
    result = build(ROOT, again, with_pdf=True)
    assert result.returncode == 0, result.stderr
    first, second = site_files(site), site_files(again)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert not different, different
    assert {"feed_rss_created.xml", "sitemap.xml", "sitemap.xml.gz", "agenda.ics",
            "profiel/cultuurprofiel-twente.pdf"} <= set(first)
