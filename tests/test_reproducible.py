"""The same commit builds the same bytes: feeds, sitemap, calendars and the PDF included."""

from __future__ import annotations

from tests.conftest import ROOT, build


def test_two_builds_are_byte_identical(site, tmp_path):
    again = tmp_path / "site"
    result = build(ROOT, again, with_pdf=True)
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(site): p for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    different = [str(name) for name, path in first.items() if path.read_bytes() != second[name].read_bytes()]
    assert not different, different
    assert {"feed_rss_created.xml", "sitemap.xml", "sitemap.xml.gz", "agenda.ics",
            "profiel/cultuurprofiel-twente.pdf"} <= {str(n) for n in first}
