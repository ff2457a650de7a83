"""The warm build worker (tests/build_worker.py) gives what a subprocess gives, and builds one
after another in one process as separate processes would."""

from __future__ import annotations

import pytest

from cultuurregio.project import copy_project
from tests.build_worker import run_module
from tests.helpers import append, build, check, environment


def test_a_command_in_the_worker_gets_only_its_environment_and_its_exit_status():
    # A command that fails: its status, and what it printed on each stream, as a subprocess has them.
    missing = run_module("cultuurregio.redactie.check", ["--config-file", "/bestaat/niet/mkdocs.yml"], environment())
    assert missing.returncode == 1 and "mkdocs.yml: dit bestand ontbreekt" in missing.stdout
    assert "1 probleem gevonden" in missing.stderr
    # A module that an earlier command imported runs as `python -m` runs it, saying nothing else.
    result = run_module("cultuurregio.site.common.dates", [], environment(SOURCE_DATE_EPOCH="1700000000"))
    assert (result.returncode, result.stdout, result.stderr) == (0, "SOURCE_DATE_EPOCH=1700000000\n", "")
    # The next command does not inherit the last one's variables.
    later = run_module("cultuurregio.site.common.dates", [], environment())
    assert later.returncode == 0 and later.stdout != result.stdout


@pytest.mark.slow
def test_builds_that_stop_early_one_after_another_in_one_process_each_give_their_verdict(tmp_path, epoch):
    """MkDocs keeps plugin instances for serve's rebuilds; Material's blog removes its temporary
    folder when a build ends. Every strict build starts with plugins of its own (site/verdict.py)."""
    broken, clean = copy_project(tmp_path / "kapot"), copy_project(tmp_path / "heel")
    append(broken / "data" / "themas.yml", "  - slug: tab\n\tnaam: Met een tab\n")
    checked, built = check(broken), build(broken, tmp_path / "kapot-site")
    assert checked.returncode == built.returncode == 1
    assert "data/themas.yml, regel" in built.stderr and "Traceback" not in built.stderr, built.stderr
    result = build(clean, tmp_path / "site", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "nieuwsbrief" / "index.html").is_file()
