"""The stand-in starts what GitHub starts for an event (tests/github_actions/events.py) and lets
a job's token do what its permissions say (git_server.py, permissions.py): small workflows of
the test's own in a repository of the test's own."""

from __future__ import annotations

import pytest

from tests.github_actions import WorkflowError, commit, git
from tests.github_actions.events import dispatch, happen, pull_request, push, schedule

STEP = "    runs-on: ubuntu-latest\n    steps:\n      - run: echo gestart\n"
TRIGGERS = {
    "standaard.yml": "on:\n  pull_request:\n",
    "gesloten.yml": "on:\n  pull_request:\n    types: [closed]\n",
    "main.yml": "on:\n  push:\n    branches: [main]\n",
    "docs.yml": "on:\n  push:\n    branches-ignore: [gh-pages]\n    paths: ['docs/**', '!docs/intern/**']\n",
    "ochtend.yml": "on:\n  schedule:\n    - cron: '0 5 * * *'\n  workflow_dispatch:\n",
}


def repository(folder, workflows: dict[str, str]):
    folder.mkdir(parents=True)
    git(folder, "init", "--quiet", "--initial-branch=main")
    (folder / ".github" / "workflows").mkdir(parents=True)
    for name, text in workflows.items():
        (folder / ".github" / "workflows" / name).write_text(text, encoding="utf-8")
    (folder / "docs").mkdir()
    (folder / "docs" / "index.md").write_text("Begin\n", encoding="utf-8")
    commit(folder, "Basis")
    return folder


def change_on(origin, branch: str, path: str) -> str:
    """A commit on `branch` (new from main) that changes `path`; the commit before it."""
    before = git(origin, "rev-parse", "main").strip()
    git(origin, "checkout", "--quiet", "-B", branch, "main")
    (origin / path).parent.mkdir(parents=True, exist_ok=True)
    (origin / path).write_text("Anders\n", encoding="utf-8")
    commit(origin, f"{path} anders")
    git(origin, "checkout", "--quiet", "main")
    return before


def started(origin, folder, event) -> set[str]:
    runs = happen(origin, folder, event)
    assert all(job and job.ok for run in runs.values() for job in run.jobs.values()), runs
    return set(runs)


def test_an_event_starts_the_workflows_whose_triggers_take_it(tmp_path):
    origin = repository(tmp_path / "origin", {name: f"{on}jobs:\n  proef:\n{STEP}" for name, on in TRIGGERS.items()})
    git(origin, "update-ref", "refs/pull/3/merge", "main")
    assert started(origin, tmp_path / "1", pull_request(origin, 3, "opened")) == {"standaard.yml"}
    assert started(origin, tmp_path / "2", pull_request(origin, 3, "synchronize")) == {"standaard.yml"}
    assert started(origin, tmp_path / "3", pull_request(origin, 3, "closed")) == {"gesloten.yml"}
    assert started(origin, tmp_path / "4", pull_request(origin, 3, "edited")) == set()
    before = change_on(origin, "wijziging", "docs/nieuw.md")
    assert started(origin, tmp_path / "5", push(origin, "wijziging", before)) == {"docs.yml"}
    change_on(origin, "intern", "docs/intern/notities.md")
    assert started(origin, tmp_path / "6", push(origin, "intern", before)) == set()
    # A new branch: its changes against where it left main, not every file it holds.
    change_on(origin, "nieuw-intern", "docs/intern/meer.md")
    assert started(origin, tmp_path / "6b", push(origin, "nieuw-intern")) == set()
    change_on(origin, "nieuw-docs", "docs/ander.md")
    assert started(origin, tmp_path / "6c", push(origin, "nieuw-docs")) == {"docs.yml"}
    change_on(origin, "gh-pages", "docs/site.md")
    assert started(origin, tmp_path / "7", push(origin, "gh-pages", before)) == set()
    git(origin, "merge", "--quiet", "--ff-only", "wijziging")
    assert started(origin, tmp_path / "8", push(origin, "main", before)) == {"main.yml", "docs.yml"}
    assert started(origin, tmp_path / "9", schedule()) == {"ochtend.yml"}
    assert started(origin, tmp_path / "10", dispatch("ochtend.yml")) == {"ochtend.yml"}
    with pytest.raises(WorkflowError, match="does not have 'workflow_dispatch' trigger"):
        happen(origin, tmp_path / "11", dispatch("main.yml"))
    with pytest.raises(WorkflowError, match="does not start"):
        happen(origin, tmp_path / "12", schedule(), leave_out={("main.yml", "proef"): "niet nodig"})
    with pytest.raises(WorkflowError, match="only with the reason why"):
        happen(origin, tmp_path / "13", schedule(), leave_out={("ochtend.yml", "proef"): ""})


def test_what_the_stand_in_does_not_model_is_refused(tmp_path):
    origin = repository(tmp_path / "origin", {"release.yml": f"on:\n  release:\njobs:\n  proef:\n{STEP}"})
    with pytest.raises(WorkflowError, match="release, an event the stand-in does not model"):
        happen(origin, tmp_path / "run", schedule())
    origin = repository(tmp_path / "origin2", {"tags.yml": f"on:\n  push:\n    tags: ['v*']\njobs:\n  proef:\n{STEP}"})
    with pytest.raises(WorkflowError, match="models only"):
        happen(origin, tmp_path / "run2", schedule())


PUSH = """    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: {persist}
      - run: git push origin HEAD:refs/heads/{branch}
"""
CALLED = """on:
  workflow_call:
permissions: {}
jobs:
  schrijven:
    permissions:
      contents: write
""" + PUSH.format(persist="true", branch="via-aanroep")


@pytest.mark.parametrize(("permissions", "persist", "pushed"), [
    ("contents: write", "true", True),
    ("contents: read", "true", False),
    ("contents: write", "false", False),
])
def test_a_push_needs_contents_write_and_the_token_in_git(tmp_path, permissions, persist, pushed):
    workflow = f"on: [push]\npermissions: {{}}\njobs:\n  proef:\n    permissions:\n      {permissions}\n" + \
        PUSH.format(persist=persist, branch="uit-de-taak")
    origin = repository(tmp_path / "origin", {"proef.yml": workflow})
    job = happen(origin, tmp_path / "run", push(origin, "main"))["proef.yml"].jobs["proef"]
    assert job.ok is pushed, job.log
    assert bool(git(origin, "branch", "--list", "uit-de-taak").strip()) is pushed
    if not pushed:
        said = "denied to github-actions[bot]" if "read" in permissions else "could not read Username"
        assert said in job.log, job.log


@pytest.mark.parametrize(("caller", "pushed"), [("contents: write", True), ("contents: read", False)])
def test_a_called_workflow_has_no_more_than_its_caller(tmp_path, caller, pushed):
    calling = f"on: [push]\npermissions: {{}}\njobs:\n  aanroep:\n    permissions:\n      {caller}\n" \
              "    uses: ./.github/workflows/aangeroepen.yml\n"
    origin = repository(tmp_path / "origin", {"roept.yml": calling, "aangeroepen.yml": CALLED})
    job = happen(origin, tmp_path / "run", push(origin, "main"))["roept.yml"].jobs["aanroep"]
    assert job.ok is pushed and job.permissions["contents"] == ("write" if pushed else "read"), job.log
    assert bool(git(origin, "branch", "--list", "via-aanroep").strip()) is pushed
