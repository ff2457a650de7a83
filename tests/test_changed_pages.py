"""Which pages a change moves (redactie/changes.py), as the pull request's summary lists them."""

from __future__ import annotations


def test_the_pull_request_summary_names_the_pages_a_change_moves(tmp_path):
    from cultuurregio.redactie.changes import changed_pages

    base, changed = tmp_path / "basis", tmp_path / "gewijzigd"
    for site, pages in ((base, {"index.html": "a", "oud/index.html": "b", "zelfde/index.html": "c"}),
                        (changed, {"index.html": "A", "nieuw/index.html": "d", "zelfde/index.html": "c"})):
        for name, text in pages.items():
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_text(text)
    assert changed_pages(base, changed) == {"nieuw": ["nieuw/index.html"], "anders": ["index.html"],
                                            "weg": ["oud/index.html"]}
