"""What make bench measures per feature is real: the clocks sit on functions that exist, every
feature has a budget, one over it is named, and in a real build each page's content is
parsed by lxml once, and no newsletter again after the pages (#32)."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import tomllib

import pytest

from cultuurregio.meten import costs, feature_table
from cultuurregio.project import project_with_newsletters
from tests.helpers import environment, newsletter, photo
from tests.videos import VIDEOS


def test_every_function_the_clocks_time_exists():
    """A renamed function would be timed as 0 ms without a word."""
    targets = [target for _, group in costs.FUNCTIONS for target in group] + costs.LXML_PARSERS + [costs.FRAGMENTS]
    for target in targets:
        module, _, qualified = target.partition(":")
        owner = importlib.import_module(module)
        for part in qualified.split("."):
            owner = getattr(owner, part, None)
            assert owner is not None, f"{target} bestaat niet meer: pas meten/costs.py aan"


def test_every_feature_has_a_budget():
    budgets = tomllib.loads(feature_table.BUDGETS.read_text(encoding="utf-8"))
    features = {name for name, _ in costs.FUNCTIONS} | set(costs.PLUGINS.values()) | {costs.OWN_STEPS, costs.MKDOCS}
    assert set(budgets) == features
    assert all(set(budget) == {"koud", "warm"} for budget in budgets.values())


def test_the_bench_names_a_feature_over_its_budget(capsys):
    def run(seconds: float, extra: float) -> dict:
        figures = {"seconds": seconds, "pages": 10,
                   "parses": {"pages": 8, "most_for_one_page": 1, "after_pages": 0, "template_fragments": 0},
                   "features": {"e-mailversie": extra, "zoekindex": extra / 20}}
        return {"koud": figures, "warm": figures}

    results = {"basis": [run(1.0, 0.0)], "groot": [run(2.0, 0.2)], "lus": [0.1]}
    over = feature_table.report(results, 10)
    printed = capsys.readouterr().out
    # 20 ms per newsletter for the e-mail edition, over its budget; the search index 1 ms, within.
    assert over == ["e-mailversie"]
    assert "e-mailversie" in printed and "BOVEN BUDGET (koud, warm)" in printed
    assert "Boven budget: e-mailversie" in printed


@pytest.mark.slow
def test_each_page_is_parsed_once_and_no_newsletter_again_after_the_pages(tmp_path):
    project = project_with_newsletters(tmp_path / "project", 12)
    for name in ("poster.jpg", "zaal.jpg"):
        photo(project, name)
    newsletter(project, "2019-03-met-video.md", body=VIDEOS)
    out = tmp_path / "kosten.json"
    result = subprocess.run([sys.executable, "-m", "cultuurregio.meten.costs", "--config-file",
                             str(project / "mkdocs.yml"), "--site-dir", str(tmp_path / "site"), "--json", str(out)],
                            capture_output=True, text=True, env=environment(SOURCE_DATE_EPOCH="1700000000"))
    assert result.returncode == 0, result.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    parses = figures["parses"]
    assert figures["missing"] == []
    assert parses["most_for_one_page"] == 1 and parses["after_pages"] == 0
    # Every page but the blog's overviews has content of its own to parse.
    assert 13 < parses["pages"] < figures["pages"]
    # The two video blocks, the first one's poster and the photo: the site's own templates.
    assert parses["template_fragments"] == 4
    assert (tmp_path / "site" / "nieuwsbrief" / "2019" / "03" / "met-video" / "nieuwsbrief.eml").is_file()
    assert set(figures["features"]) >= {name for name, _ in costs.FUNCTIONS}
