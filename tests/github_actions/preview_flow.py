"""One pull request from its first push to its close, as GitHub runs the workflows
(tests/github_actions/) against a bare origin with a gh-pages branch, and gh-pages after each
step (tests/test_workflow_previews.py reads it):

  0. before: gh-pages holds a site published earlier;
  1. pull request 7 is opened with two newsletters, next week's and today's (check.yml);
  2. a second push removes today's (check.yml, the preview's jobs);
  3. it is merged, and main is published (deploy.yml);
  4. it is closed (voorbeeld-opruimen.yml).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cultuurregio.project import ROOT
from cultuurregio.site.common.dates import TIMEZONE
from tests.github_actions.hosting import Hosting
from tests.github_actions.runner import Job, Runner
from tests.github_actions.stand_ins import pull_request_payload
from tests.helpers import POSTS, newsletter

WORKFLOWS = ROOT / ".github" / "workflows"
CHECK, DEPLOY, CLEANUP, WRITER = (WORKFLOWS / f"{name}.yml" for name in ("check", "deploy", "voorbeeld-opruimen",
                                                                         "gh-pages"))
NUMBER = 7
PREVIEW = f"voorbeeld/pr-{NUMBER}/"
# A word only the pull request's newsletter has, for search.
WORD = "zonnewijzerfeest"
TODAY = dt.datetime.now(TIMEZONE).date()
NEXT_WEEK = TODAY + dt.timedelta(days=7)
SCHEDULED = f"nieuwsbrief/{NEXT_WEEK:%Y/%m}/volgende-week/"
REMOVED = f"nieuwsbrief/{TODAY:%Y/%m}/proefnummer/"


@dataclass
class State:
    """gh-pages after a step: its files (as Pages serves them) and the run's jobs."""
    files: set[str]
    served: Path
    jobs: dict[str, Job | None]
    runner: Runner


def add_newsletters(work: Path) -> None:
    newsletter(work, f"{NEXT_WEEK:%Y-%m}-volgende-week.md", front=f"date:\n  created: {NEXT_WEEK.isoformat()}\n",
               body=f"Het begin.\n\n<!-- more -->\n\nWe vieren het {WORD} in Twente.\n")
    newsletter(work, f"{TODAY:%Y-%m}-proefnummer.md", front=f"date:\n  created: {TODAY.isoformat()}\n")


def pull_request_from_open_to_close(folder: Path) -> dict[int, State]:
    hosting = Hosting(ROOT, folder / "github")
    states = {0: State(hosting.files(), hosting.export(folder / "gh-pages-0"), {}, None)}

    def step(number: int, runner: Runner, workflow: Path, only: set[str] | None = None) -> None:
        jobs = runner.run_all(workflow, only)
        states[number] = State(hosting.files(), hosting.export(folder / f"gh-pages-{number}"), jobs, runner)

    def pull_request(number: int, ref: str, action: str) -> Runner:
        return Runner(hosting.origin, folder / f"run-{number}", "pull_request", ref, base_ref="main",
                      payload=pull_request_payload(NUMBER, action))

    ref = hosting.pull_request(NUMBER, add_newsletters, "Twee nieuwsbrieven")
    step(1, pull_request(1, ref, "opened"), CHECK, {"inhoud", "voorbeeld", "geen-voorbeeld", "voorbeeld-publiceren"})
    ref = hosting.pull_request(NUMBER, lambda work: (work / POSTS / f"{TODAY:%Y-%m}-proefnummer.md").unlink(),
                               "Het proefnummer niet")
    step(2, pull_request(2, ref, "synchronize"), CHECK, {"voorbeeld", "geen-voorbeeld", "voorbeeld-publiceren"})
    hosting.merge(NUMBER)
    step(3, Runner(hosting.origin, folder / "run-3", "push", "refs/heads/main"), DEPLOY, {"build", "deploy"})
    step(4, pull_request(4, ref, "closed"), CLEANUP)
    return states
