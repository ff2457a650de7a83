"""A job's GITHUB_TOKEN permissions as GitHub decides them: the job's `permissions:`, else the
workflow's, else the repository's default (read-only, README "Publiceren"); for a job of a
called workflow, never more than its caller's; for a pull request from a fork, read at most."""

from __future__ import annotations

from tests.github_actions.expressions import WorkflowError

LEVELS = ("none", "read", "write")
SCOPES = ("actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token", "issues",
          "models", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses")
# Settings > Actions > General > Workflow permissions: "Read repository contents and packages permissions".
DEFAULT = {"contents": "read", "packages": "read"}
Permissions = dict[str, str]


def declared(value, where: str) -> Permissions | None:
    if value is None:
        return None
    if value in ("read-all", "write-all"):
        return dict.fromkeys(SCOPES, value.removesuffix("-all"))
    if not isinstance(value, dict):
        raise WorkflowError(f"{where}: permissions {value!r} is not a form GitHub knows")
    for scope, level in value.items():
        if scope not in SCOPES or level not in LEVELS:
            raise WorkflowError(f"{where}: GitHub has no permission {scope}: {level}")
    return dict(value)


def effective(workflow: dict, job: dict, where: str, cap: Permissions | None = None,
              fork: bool = False) -> Permissions:
    own = declared(job.get("permissions"), where)
    if own is None:
        own = declared(workflow.get("permissions"), where)
    if own is None:
        own = dict(cap) if cap is not None else dict(DEFAULT)
    if cap is not None:
        own = {scope: lower(level, cap.get(scope, "none")) for scope, level in own.items()}
    if fork:
        own = {scope: lower(level, "read") for scope, level in own.items()}
    return own


def lower(one: str, other: str) -> str:
    return min(one, other, key=LEVELS.index)
