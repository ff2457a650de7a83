"""The workflows run here as GitHub runs them (a helper of the tests, not a test).

    runs = happen(origin, folder, pull_request(origin, 7, "opened"), leave_out={("check.yml", "test"): SUITE})
    runs["check.yml"].jobs["voorbeeld"].ok, runs["check.yml"].runner.artifacts["voorbeeld"]

A scenario says what happened (events.py: a push to a branch, a pull request opened,
synchronize(d), reopened or closed, from the repository or a fork, the schedule, a manual
dispatch), and every workflow of the event's commit whose trigger takes it runs, as GitHub
decides: `types` (with each event's default types), `branches`/`branches-ignore`,
`paths`/`paths-ignore`. A job is left out only with a reason, and only one the event starts.
A job's own tests may still run one job of one file (`Runner.run`, `Runner.run_all`).

What is done as on GitHub:
- The token (git_server.py, permissions.py): each job's GITHUB_TOKEN has the permissions of
  its `permissions:`, else its workflow's, else the repository's read-only default; a called
  workflow's jobs never more than their caller's, a fork's pull request read at most (and no
  secrets). git reaches "github.com" over HTTP, served by `git http-backend`: a fetch needs no
  token, a push needs one with `contents: write`, sent as actions/checkout leaves it in git's
  config (persist-credentials, the default) or as a step sets it (http.extraheader). Else
  GitHub's answer ("Permission to … denied to github-actions[bot]", or no credentials).
- GitHub's variables (GITHUB_ACTIONS, CI, GITHUB_WORKSPACE, GITHUB_EVENT_NAME, GITHUB_REF,
  GITHUB_BASE_REF, GITHUB_REPOSITORY, RUNNER_TEMP) and, per step, fresh files for
  GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_ENV and GITHUB_PATH. What a step (or an action)
  writes to GITHUB_ENV holds for the later steps, a folder in GITHUB_PATH comes first on PATH, its GITHUB_OUTPUT becomes `steps.<id>.outputs`, and the job's summary
  is its steps' summaries in order. Of this process's environment the steps get only what a
  machine has (PATH, HOME, pip's settings), nothing of GitHub's or of the tests'.
- `env:` of the workflow, the job and the step, the nearer one winning; `${{ }}` in env,
  with, run and the job's environment; `if:` with GitHub's implicit `success() &&`; a
  failed step skips the later ones unless they ask for failure() or always().
- `run:` as `bash --noprofile --norc -eo pipefail`, in the workspace, within the job's
  `timeout-minutes`. Each job starts in an empty workspace, as on a machine of its own.
- A whole run (`run_all`): the jobs in the file's order, a job skipped (None) when a job it
  `needs` did not succeed or its own `if:` is false (`job_runs`). GITHUB_RUN_ATTEMPT is 1, or
  what the test gives for a re-run; `failing` names actions that fail in this run (a Pages
  outage). Concurrency groups are not run in parallel here: jobs of one group run one after
  the other, which is what the group guarantees on GitHub.
- `main` is protected, as README "Publiceren" asks on GitHub: a push to it is refused in every
  scenario (stand_ins.protect_main), so no workflow can rely on one.
- `uses:` only for the actions in STAND_INS, each standing in for what that action does:
  checkout clones the origin at the event's ref into a fresh workspace (every branch as
  `origin/*` with `fetch-depth: 0`, only the change by default); setup-python checks that
  this machine's Python is the version asked for; setup-uv puts this machine's uv (the test
  lock's) on PATH if it is the version asked for, and with `enable-cache` restores uv's cache
  by the hash of the locks as UV_CACHE_DIR (tests/github_actions/stand_ins.py, CACHE_STORE:
  kept between runs, as GitHub keeps it, so a scenario's environment comes from the cache);
  cache saves and restores `path` by `key` and `restore-keys` as GitHub's does (saved after a
  job that succeeded, only on a miss of its key; kept in CACHE_STORE, so the first scenario of a
  fresh machine misses and fills it); the upload steps check
  that `path` exists and keep a copy as the run's artifact; deploy-pages needs the Pages
  artifact. Any other action, or any expression not in the small language below, fails
  the run, so nothing new slips in untested.
- The runner image's Chrome (`/usr/bin/google-chrome`) is this machine's Chromium.
"""

from __future__ import annotations

from tests.github_actions.expressions import Expression, WorkflowError
from tests.github_actions.repository import commit, git, job_named, origin_repository, pull_request
from tests.github_actions.runner import Job, Runner

__all__ = ["Expression", "Job", "Runner", "WorkflowError", "commit", "git", "job_named", "origin_repository",
           "pull_request"]
