"""One job of a workflow file run as GitHub runs it, with a stand-in for each action it
uses (tests/github_actions/__init__.py says what is done as on GitHub)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.github_actions.expressions import Expression, Secrets, WorkflowError, as_text, condition, expressions, truthy
from tests.github_actions.git_server import git_server
from tests.github_actions.permissions import Permissions, effective
from tests.github_actions.stand_ins import REPOSITORY, STAND_INS, protect_main, pull_request_payload
from tests.github_actions.variables import read_variables

# What a machine has, not what GitHub or these tests set: nothing else reaches a step.
KEPT = re.compile(r"^(PATH|HOME|USER|LANG|LC_\w+|TZ|TMPDIR|PIP_\w+|SSL_CERT_\w+|REQUESTS_CA_BUNDLE)$")
RUNNER_IMAGE = {"/usr/bin/google-chrome": shutil.which("chromium") or "/usr/bin/chromium"}
STEP_KEYS = {"name", "id", "if", "uses", "with", "run", "env"}
# What a job that calls a reusable workflow may have (GitHub allows no steps, env or environment there).
CALLER_KEYS = {"name", "needs", "if", "permissions", "uses", "with", "concurrency"}
# A run's folder: the job's workspace and the run's artifacts.
WORKSPACE, ARTIFACTS = "werkruimte", "artefacten"


@dataclass
class Job:
    ok: bool
    log: str
    summary: str
    outcomes: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)  # as the job ended, GITHUB_ENV included
    outputs: dict[str, str] = field(default_factory=dict)  # the job's `outputs:`, for `needs`
    environment: dict[str, str] = field(default_factory=dict)  # its `environment:` (name, url), expanded
    permissions: dict[str, str] = field(default_factory=dict)  # its token's, as GitHub decided them


class Runner:
    """One workflow run for one event: a fresh workspace, its artifacts, its jobs in turn."""

    def __init__(self, origin: Path, folder: Path, event: str, ref: str, base_ref: str = "",
                 inputs: dict | None = None, secrets: dict | None = None, failing: frozenset[str] = frozenset(),
                 attempt: int = 1, payload: dict | None = None):
        self.origin, self.event, self.ref, self.base_ref = origin, event, ref, base_ref
        # main is protected on GitHub: every scenario runs with that, so no job can push to it.
        protect_main(origin)
        # github.event: the webhook's payload (a pull request: number 1, from this repository);
        # the jobs of this run so far, for `needs.<job>.outputs`.
        self.payload = payload if payload is not None else pull_request_payload(1) if event == "pull_request" else {}
        self.jobs: dict[str, Job | None] = {}
        # Actions that fail in this run, as GitHub's own can (a Pages outage: "actions/deploy-pages").
        self.failing = failing
        # GITHUB_RUN_ATTEMPT: 2 and up when someone presses "Re-run" on the same run.
        self.attempt = attempt
        # workflow_dispatch's inputs as the editor typed them; the repository's secrets (a
        # secret that is not set is an empty string, as on GitHub).
        self.inputs, self.secrets = inputs or {}, secrets or {}
        self.workspace = folder / WORKSPACE
        self.temp = folder / "runner-temp"
        self.artifact_dir = folder / ARTIFACTS
        self.artifacts: dict[str, Path] = {}
        self.step_files: dict[str, Path] = {}
        self.token = ""  # the running job's GITHUB_TOKEN (git_server.py knows what it may do)
        for path in (self.workspace, self.temp, self.artifact_dir):
            path.mkdir(parents=True)

    def github(self) -> dict:
        return {"event_name": self.event, "ref": self.ref, "base_ref": self.base_ref, "event": self.payload,
                "repository": REPOSITORY, "workspace": str(self.workspace), "sha": self.sha(), "token": self.token}

    def sha(self) -> str:
        return subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{self.ref}^{{commit}}"], cwd=self.origin,
                              capture_output=True, text=True, check=False).stdout.strip()

    def context(self, inputs: dict) -> dict:
        needs = {job_id: {"outputs": job.outputs if job else {}, "result": "success" if job and job.ok else
                          "skipped" if job is None else "failure"} for job_id, job in self.jobs.items()}
        return {"github": self.github(), "env": {}, "steps": {}, "inputs": dict(inputs), "needs": needs,
                # A fork's pull request gets no secrets on GitHub.
                "secrets": Secrets({} if self.fork() else self.secrets)}

    def expand(self, text, context: dict, failed: bool = False):
        """`${{ … }}` in a string replaced by their values (other values as they are)."""
        if not isinstance(text, str):
            return text
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: as_text(
            Expression(m[1], context, self.workspace, failed).value()), text)

    def run_all(self, workflow_file: Path, only: set[str] | None = None) -> dict[str, Job | None]:
        """Every job of the workflow in the order of the file (needs before their jobs), as GitHub
        runs them: a job whose `needs` did not all succeed, or whose `if:` is false, is skipped
        (None). Each job starts in a fresh workspace. `only`: these jobs (and none they need)."""
        workflow = yaml.safe_load(Path(workflow_file).read_text(encoding="utf-8"))
        self.jobs = {}
        for job_id, job in workflow["jobs"].items():
            if only is not None and job_id not in only:
                continue
            needs = job.get("needs") or []
            needs = [needs] if isinstance(needs, str) else needs
            if any(need not in self.jobs for need in needs):
                raise WorkflowError(f"job {job_id} needs a job that comes after it")
            failed = not all(self.jobs[need] and self.jobs[need].ok for need in needs)
            self.jobs[job_id] = self.run(workflow_file, job_id) if self.job_runs(workflow_file, job_id, failed) \
                else None
        return dict(self.jobs)

    def job_runs(self, workflow_file: Path, job_id: str, needs_failed: bool = False) -> bool:
        """Whether GitHub starts the job for this event (its `if:`, with the implicit success()
        of the jobs it needs)."""
        job = yaml.safe_load(Path(workflow_file).read_text(encoding="utf-8"))["jobs"][job_id]
        return truthy(Expression(condition(job), self.context(self.inputs), self.workspace, needs_failed).value())

    def fork(self) -> bool:
        head = ((self.payload.get("pull_request") or {}).get("head") or {}).get("repo") or {}
        return self.event.startswith("pull_request") and head.get("full_name", REPOSITORY) != REPOSITORY

    def run(self, workflow_file: Path, job_id: str, called_with: dict | None = None,
            cap: Permissions | None = None) -> Job:
        """One job; `called_with`: the inputs when the workflow is a reusable one, called (`cap`:
        its caller's permissions)."""
        workflow = yaml.safe_load(Path(workflow_file).read_text(encoding="utf-8"))
        job = workflow["jobs"][job_id]
        permissions = effective(workflow, job, f"{Path(workflow_file).name} job {job_id}", cap, self.fork())
        if "uses" in job:
            return self.call(workflow_file, job, permissions)
        self.token = git_server().token(self.origin, permissions.get("contents", "none"))
        # Each job on a machine of its own: what an earlier job left (beside its workspace too) is not there.
        for path in set(self.workspace.parent.iterdir()) - {self.artifact_dir}:
            shutil.rmtree(path)
        self.workspace.mkdir()
        self.temp.mkdir()
        triggers = workflow.get("on", workflow.get(True))
        event = "workflow_call" if called_with is not None else self.event
        if event not in (triggers if isinstance(triggers, (dict, list)) else [triggers]):
            raise WorkflowError(f"{Path(workflow_file).name} does not run on {event}")
        context = self.context(self.inputs if called_with is None else called_with)
        # Every expression of the job is known before any step runs, skipped steps' too.
        for text in expressions({"concurrency": workflow.get("concurrency"), "env": workflow.get("env"), **job}):
            Expression(text, context, self.workspace, False).value()
        deadline = time.monotonic() + 60 * job.get("timeout-minutes", 360)
        environment = {k: v for k, v in os.environ.items() if KEPT.match(k)}
        environment.update({"GITHUB_ACTIONS": "true", "CI": "true", "GITHUB_WORKSPACE": str(self.workspace),
                            "GITHUB_EVENT_NAME": self.event, "GITHUB_REF": self.ref,
                            "GITHUB_BASE_REF": self.base_ref, "GITHUB_REPOSITORY": REPOSITORY,
                            "RUNNER_TEMP": str(self.temp), "GITHUB_RUN_ATTEMPT": str(self.attempt),
                            "GITHUB_SERVER_URL": "https://github.com", "GITHUB_SHA": self.sha(),
                            # The network: git's way to the repository on GitHub leads to the origin,
                            # served as GitHub serves it (git_server.py); no terminal to ask for a password.
                            "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": f"url.{git_server().url(self.origin)}.insteadOf",
                            "GIT_CONFIG_VALUE_0": f"https://github.com/{REPOSITORY}.git", "GIT_TERMINAL_PROMPT": "0"})
        for level in (workflow, job):
            environment.update({k: RUNNER_IMAGE.get(str(v), str(v)) for k, v in self.expand_all(
                level.get("env") or {}, context).items()})
        failed, log, summary, outcomes = False, [], [], {}
        # What actions do after the job's steps (actions/cache saves there), on success only.
        self.after_job: list = []
        for number, step in enumerate(job["steps"]):
            unknown = set(step) - STEP_KEYS
            if unknown:
                raise WorkflowError(f"step {number} has keys this runner does not know: {sorted(unknown)}")
            name = step.get("name") or step.get("uses") or step["run"].splitlines()[0]
            context["env"] = environment
            if not truthy(Expression(condition(step), context, self.workspace, failed).value()):
                outcomes[name] = "skipped"
                continue
            files = {key: self.temp / f"{key.lower()}-{number}" for key in
                     ("GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH")}
            for path in files.values():
                path.touch()
            step_env = {**environment, **{k: str(v) for k, v in files.items()},
                        **{k: RUNNER_IMAGE.get(v, v) for k, v in self.expand_all(step.get("env") or {}, context).items()}}
            context["env"] = step_env
            with_ = self.expand_all(step.get("with") or {}, context)
            log.append(f"▶ {name}")
            if "uses" in step:
                self.step_files = files
                ok, output, outputs = self.stand_in(step["uses"], with_)
            else:
                ok, output = self.shell(self.expand(step["run"], context), step_env, deadline)
                outputs = read_variables(files["GITHUB_OUTPUT"])
            log.append(output)
            failed = failed or not ok
            outcomes[name] = "success" if ok else "failure"
            if "id" in step:
                context["steps"][step["id"]] = {"outputs": outputs, "outcome": outcomes[name]}
            summary.append(files["GITHUB_STEP_SUMMARY"].read_text(encoding="utf-8"))
            environment.update(read_variables(files["GITHUB_ENV"]))
            # GITHUB_PATH: each line before PATH, the last one written first.
            for folder in files["GITHUB_PATH"].read_text(encoding="utf-8").splitlines():
                environment["PATH"] = f"{folder}{os.pathsep}{environment.get('PATH', '')}"
        context["env"] = environment
        for post in [] if failed else self.after_job:
            post()
        return Job(not failed, "\n".join(log), "".join(summary), outcomes, environment,
                   self.expand_all(job.get("outputs") or {}, context), self.expand_all(job.get("environment") or {}, context),
                   permissions)

    def call(self, workflow_file: Path, job: dict, permissions: Permissions) -> Job:
        """A job that calls a reusable workflow of this repository (`uses: ./.github/workflows/…`):
        its inputs checked against the called workflow's and completed with their defaults,
        and its jobs run in turn; one Job for all of them."""
        unknown = set(job) - CALLER_KEYS
        if unknown or not str(job["uses"]).startswith("./"):
            raise WorkflowError(f"a calling job with {sorted(unknown)} or uses {job['uses']!r}")
        called = Path(workflow_file).resolve().parents[2] / job["uses"][2:]
        return self.call_workflow(called, self.expand_all(job.get("with") or {}, self.context(self.inputs)), permissions)

    def call_workflow(self, called: Path, values: dict, cap: Permissions | None = None) -> Job:
        workflow = yaml.safe_load(called.read_text(encoding="utf-8"))
        declared = (workflow.get("on", workflow.get(True))["workflow_call"] or {}).get("inputs") or {}
        if set(values) - set(declared):
            raise WorkflowError(f"{called.name} has no inputs {sorted(set(values) - set(declared))}")
        inputs = {name: values.get(name, spec.get("default", "")) for name, spec in declared.items()}
        jobs = [self.run(called, job_id, called_with=inputs, cap=cap) for job_id in workflow["jobs"]]
        return Job(all(job.ok for job in jobs), "\n".join(job.log for job in jobs), "".join(job.summary for job in jobs),
                   {k: v for job in jobs for k, v in job.outcomes.items()}, jobs[-1].env, jobs[-1].outputs,
                   jobs[-1].environment, jobs[-1].permissions)

    def expand_all(self, values: dict, context: dict) -> dict:
        return {key: self.expand(value, context) for key, value in values.items()}

    def shell(self, script: str, environment: dict, deadline: float) -> tuple[bool, str]:
        path = self.temp / "step.sh"
        path.write_text(script, encoding="utf-8")
        try:
            result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(path)],
                                    cwd=self.workspace, env=environment, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True, timeout=max(1, deadline - time.monotonic()),
                                    check=False)
        except subprocess.TimeoutExpired as error:
            return False, f"{error.output or ''}\n(timeout-minutes of the job passed)"
        return result.returncode == 0, result.stdout

    def stand_in(self, uses: str, with_: dict) -> tuple[bool, str, dict]:
        action = uses.split("@", 1)[0]
        if action not in STAND_INS:
            raise WorkflowError(f"no stand-in for the action {uses!r}: add one to tests/github_actions/")
        if action in self.failing:
            return False, f"{action} failed (as the test asked)", {}
        self.action_ref = uses.partition("@")[2]
        return STAND_INS[action](self, with_)
