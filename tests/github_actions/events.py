"""What happened on GitHub, and the workflows GitHub runs for it: every file in the event's
commit's .github/workflows/ whose trigger takes the event, with `types` (and each event's
default activity types), `branches` / `branches-ignore` and `paths` / `paths-ignore`, as
GitHub reads them. A scenario says what happened; it does not pick a file to run.

    event = pull_request(origin, 7, "opened")
    runs = happen(origin, folder, event, leave_out={("check.yml", "test"): SUITE})
    runs["check.yml"].jobs["voorbeeld"].ok, runs["check.yml"].runner.artifacts

A job may be left out only with a reason, and only a job that the event starts: leaving out
one that would not run is refused, so a trigger that changed cannot hide behind it. An event,
a trigger or a filter the stand-in does not model is refused, never ignored."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.github_actions.expressions import WorkflowError
from tests.github_actions.repository import git
from tests.github_actions.runner import Job, Runner
from tests.github_actions.stand_ins import pull_request_payload

# Jobs a scenario may leave out, and why.
SUITE = "make test: the suite this scenario is part of"
OWN_SCENARIO = "it has scenarios of its own (test_workflow_check.py)"
# check.yml's check and suite (on a later push, or on main): neither is the scenario's subject.
CHECK_AND_SUITE = {("check.yml", "test"): SUITE, ("check.yml", "inhoud"): OWN_SCENARIO}
# The deploy's sending job, in a scenario that marks no newsletter to go by itself.
SENDING = {("deploy.yml", "versturen"): "sending has its own scenarios (test_workflow_sending_days.py)"}
# When a trigger names no `types:` (GitHub's documentation of each event).
DEFAULT_TYPES = {"pull_request": ("opened", "synchronize", "reopened")}
FILTERS = {"push": {"branches", "branches-ignore", "paths", "paths-ignore"},
           "pull_request": {"types", "branches", "branches-ignore", "paths", "paths-ignore"},
           "schedule": set(), "workflow_dispatch": {"inputs"}, "workflow_call": {"inputs", "secrets", "outputs"}}
# Events no scenario makes; a workflow may listen to them, the stand-in never starts it for them.
ONLY_CALLED = {"workflow_call"}


@dataclass(frozen=True)
class Event:
    name: str  # push, pull_request, schedule or workflow_dispatch
    ref: str  # what the run checks out: refs/heads/<branch>, refs/pull/N/merge
    base_ref: str = ""  # a pull request's base branch
    payload: dict = field(default_factory=dict)  # github.event
    changed: tuple[str, ...] = ()  # the files the push or the pull request changes
    workflow: str = ""  # workflow_dispatch: the file chosen under Actions
    inputs: dict = field(default_factory=dict)

    def __str__(self) -> str:
        action = self.payload.get("action", "")
        return " ".join(filter(None, (self.name, action, self.ref, self.workflow)))


def push(origin: Path, branch: str, before: str | None = None) -> Event:
    """A push of `branch` (already in the origin), which moved it from `before` (None: a new branch).
    Its changed files as GitHub's `paths` filter takes them: against `before`; for a new branch,
    against the parent of the oldest commit it brought (on no other branch)."""
    after = git(origin, "rev-parse", f"refs/heads/{branch}").strip()
    if before is None:
        brought = git(origin, "rev-list", "--reverse", after, "--not", f"--exclude={branch}",
                       "--branches").split()
        parents = git(origin, "rev-list", "--parents", "-n", "1", brought[0]).split()[1:] if brought else [after]
        changed = git(origin, "diff", "--name-only", parents[0], after) if parents else \
            git(origin, "ls-tree", "-r", "--name-only", after)
    else:
        changed = git(origin, "diff", "--name-only", before, after)
    return Event("push", f"refs/heads/{branch}", payload={"before": before or "0" * 40, "after": after},
                 changed=tuple(changed.split()))


def pull_request(origin: Path, number: int, action: str, fork: bool = False, base: str = "main") -> Event:
    """Pull request `number` (its refs/pull/N/merge in the origin) opened, synchronize(d), reopened or closed."""
    ref = f"refs/pull/{number}/merge"
    changed = git(origin, "diff", "--name-only", f"refs/heads/{base}...{ref}")
    return Event("pull_request", ref, base, pull_request_payload(number, action, fork), tuple(changed.split()))


def schedule(default_branch: str = "main") -> Event:
    """The schedule: GitHub starts it on the default branch, with that branch's workflows."""
    return Event("schedule", f"refs/heads/{default_branch}")


def dispatch(workflow: str, inputs: dict | None = None, ref: str = "refs/heads/main") -> Event:
    """Actions > the workflow `workflow` (its file name) > Run workflow, from `ref`."""
    return Event("workflow_dispatch", ref, workflow=workflow, inputs=dict(inputs or {}))


def triggers(workflow: dict, name: str) -> dict[str, dict]:
    """The workflow's `on:` as events and their filters; refused if the stand-in does not know one."""
    on = workflow.get("on", workflow.get(True))
    listed = {on: {}} if isinstance(on, str) else dict.fromkeys(on, {}) if isinstance(on, list) else dict(on or {})
    for event, spec in listed.items():
        if event not in FILTERS:
            raise WorkflowError(f"{name} runs on {event}, an event the stand-in does not model: add it to "
                                "tests/github_actions/events.py")
        spec = {} if spec is None or event == "schedule" else spec
        unknown = set(spec) - FILTERS[event]
        if unknown or ("branches" in spec and "branches-ignore" in spec) or ("paths" in spec and "paths-ignore" in spec):
            raise WorkflowError(f"{name}: {event} with {sorted(spec)}: GitHub refuses both forms of one filter; "
                                f"the stand-in models only {sorted(FILTERS[event])}")
        listed[event] = spec
    return listed


def pattern(glob: str) -> re.Pattern:
    """GitHub's filter pattern: `*` within a path segment, `**` across them, `?` and `+` for the
    character before, `[…]` a class."""
    parts, at = [], 0
    while at < len(glob):
        if glob.startswith("**", at):
            parts.append(".*")
            at += 2
        elif glob[at] == "*":
            parts.append("[^/]*")
            at += 1
        elif glob[at] in "?+":
            parts.append(glob[at])
            at += 1
        elif glob[at] == "[":
            end = glob.index("]", at)
            parts.append(glob[at:end + 1])
            at = end + 1
        else:
            parts.append(re.escape(glob[at]))
            at += 1
    return re.compile("".join(parts) + r"\Z")


def matches(value: str, patterns: list[str]) -> bool:
    """The patterns in order, a `!` one excluding again what an earlier one included: the last that matches decides."""
    included = False
    for glob in patterns:
        negated = glob.startswith("!")
        if pattern(glob.removeprefix("!")).match(value):
            included = not negated
    return included


def passes(spec: dict, key: str, values: list[str]) -> bool:
    """A `branches`/`paths` filter takes the event if a value matches; an `-ignore` one if a value does not."""
    if key in spec:
        return any(matches(value, list(spec[key])) for value in values)
    if f"{key}-ignore" in spec:
        return any(not matches(value, list(spec[f"{key}-ignore"])) for value in values)
    return True


def runs_on(workflow_file: Path, event: Event) -> bool:
    workflow = yaml.safe_load(workflow_file.read_text(encoding="utf-8"))
    listed = triggers(workflow, workflow_file.name)
    if event.name == "workflow_dispatch":
        if workflow_file.name != event.workflow:
            return False
        if "workflow_dispatch" not in listed:
            raise WorkflowError(f"{workflow_file.name}: GitHub refuses to run it by hand: Workflow does not have "
                                "'workflow_dispatch' trigger")
        return True
    if event.name not in listed or event.name in ONLY_CALLED:
        return False
    spec = listed[event.name]
    if event.name == "push":
        return passes(spec, "branches", [event.ref.removeprefix("refs/heads/")]) and \
            passes(spec, "paths", list(event.changed))
    if event.name == "pull_request":
        return event.payload["action"] in spec.get("types", DEFAULT_TYPES["pull_request"]) and \
            passes(spec, "branches", [event.base_ref]) and passes(spec, "paths", list(event.changed))
    return True


def run_folder(folder: Path, workflow: str) -> Path:
    """Where happen() runs `workflow` (a file name): its Runner's folder, for a path known before
    the run (runner.py: WORKSPACE, ARTIFACTS)."""
    return folder / Path(workflow).stem


def workflows_of(origin: Path, folder: Path, ref: str) -> Path:
    """The event's commit's .github/workflows/, as files (GitHub reads them from that commit)."""
    target = folder / "workflows" / ".github" / "workflows"
    target.mkdir(parents=True)
    for name in git(origin, "ls-tree", "--name-only", f"{ref}:.github/workflows").split():
        (target / name).write_text(git(origin, "show", f"{ref}:.github/workflows/{name}"), encoding="utf-8")
    return target


@dataclass
class Run:
    """One workflow run: its jobs (None: skipped by GitHub's rules) and its runner (artifacts)."""
    jobs: dict[str, Job | None]
    runner: Runner


def happen(origin: Path, folder: Path, event: Event, leave_out: dict[tuple[str, str], str] | None = None,
           **runner: object) -> dict[str, Run]:
    """Every workflow the event starts, each a run of its own in the order of their names: its
    file name -> its run. `leave_out`: (file name, job) -> why."""
    leave_out = dict(leave_out or {})
    if not all(leave_out.values()):
        raise WorkflowError(f"a job is left out only with the reason why: {leave_out}")
    runs: dict[str, Run] = {}
    folder.mkdir(parents=True, exist_ok=True)
    for workflow_file in sorted(workflows_of(origin, folder, event.ref).glob("*.yml")):
        if not runs_on(workflow_file, event):
            continue
        jobs = list(yaml.safe_load(workflow_file.read_text(encoding="utf-8"))["jobs"])
        left = {job for name, job in leave_out if name == workflow_file.name}
        if left - set(jobs):
            raise WorkflowError(f"{workflow_file.name} has no jobs {sorted(left - set(jobs))} to leave out")
        run = Runner(origin, run_folder(folder, workflow_file.name), event.name, event.ref, event.base_ref,
                     inputs=event.inputs, payload=event.payload, **runner)
        runs[workflow_file.name] = Run(run.run_all(workflow_file, only=set(jobs) - left), run)
    unstarted = {name for name, _ in leave_out} - set(runs)
    if unstarted:
        raise WorkflowError(f"left out jobs of {sorted(unstarted)}, which GitHub does not start on {event}")
    return runs
