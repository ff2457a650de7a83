"""A stand-in of GitHub's API for the web editor's pull requests (tests/test_web_editor_github.py).

The editor in Chromium talks to https://api.github.com as it would on the published site; the
test routes those requests here (Playwright's `page.route`), and this answers them from a real
git repository: a branch is a git branch, a commit is a git commit of the files the editor sent,
a pull request's files are git's diff of its branch against main. What the test asserts is read
from git, not from what the editor said it did.

It does what GitHub does where the editor depends on it: the REST calls below, GraphQL by the
part of GitHub's schema the editor asks (tests/github_graphql.py), a commit refused when the
branch moved, a ref that exists refused. As the repository's branch protection does (README, "De
webeditor"), main takes a pull request's merge only after an approving review. Every request is
recorded, and one this stand-in does not know is answered 404 and listed in `unknown`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.github_graphql import GraphQL

API = "https://api.github.com"
REVIEW_REQUIRED = "At least 1 approving review is required by reviewers with write access."


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class GitHub(GraphQL):
    """`repo` ("owner/name") holding `project`'s files on main, as `login` sees it."""

    def __init__(self, folder: Path, project: Path, repo: str, login: str = "redacteur"):
        self.folder, self.repo, self.login = folder, repo, login
        self.requests: list[tuple[str, str]] = []
        self.unknown: list[tuple[str, str]] = []
        self.pulls: dict[int, dict] = {}
        self.deployments: dict[str, list[dict]] = {}
        self.git("init", "--quiet", "--initial-branch=main", str(folder))
        self.git("--work-tree", str(project), "add", "--all", ".")
        self.git("commit", "--quiet", "-m", "Begin")
        self.base = self.head("main")

    def git(self, *args: str, data: bytes | None = None, index: str | None = None) -> str:
        env = {**os.environ, "GIT_DIR": str(self.folder / ".git"), "GIT_AUTHOR_NAME": self.login,
               "GIT_AUTHOR_EMAIL": f"{self.login}@example.org", "GIT_COMMITTER_NAME": "GitHub",
               "GIT_COMMITTER_EMAIL": "noreply@github.com", **({"GIT_INDEX_FILE": index} if index else {})}
        return subprocess.run(["git", *args], input=data, env=env, capture_output=True, check=True).stdout.decode()

    def head(self, branch: str) -> str | None:
        name = branch if branch.startswith("refs/") else f"refs/heads/{branch}"
        found = subprocess.run(["git", "--git-dir", str(self.folder / ".git"), "rev-parse", "--verify", "--quiet",
                                name + "^{commit}"], capture_output=True, text=True).stdout.strip()
        return found or None

    def branches(self) -> list[str]:
        return self.git("for-each-ref", "--format=%(refname:lstrip=2)", "refs/heads/").split()

    def files(self, ref: str) -> dict[str, bytes]:
        return {path: self.blob(self.git("rev-parse", f"{ref}:{path}").strip())
                for path in self.git("ls-tree", "-r", "--name-only", "-z", ref).split("\0") if path}

    def blob(self, sha: str) -> bytes:
        return subprocess.run(["git", "--git-dir", str(self.folder / ".git"), "cat-file", "blob", sha],
                              capture_output=True, check=True).stdout

    def changed(self, branch: str, base: str = "main") -> dict[str, str]:
        """The pull request's files as GitHub lists them: path -> ADDED, MODIFIED, DELETED."""
        kinds = {"A": "ADDED", "M": "MODIFIED", "D": "DELETED"}
        lines = self.git("diff", "--name-status", "--no-renames", f"{base}...{branch}").splitlines()
        return {line.split("\t")[1]: kinds[line[0]] for line in lines}

    def approve(self, number: int) -> None:
        """A reviewer with write access approves pull request `number`."""
        self.pulls[number]["approved"] = True

    def deploy(self, sha: str, environment: str, url: str) -> None:
        """A workflow job with `environment: {name, url}` succeeded for commit `sha` (gh-pages.yml)."""
        self.deployments.setdefault(sha, []).append(
            {"environment": environment, "latestStatus": {"state": "SUCCESS", "environmentUrl": url}})

    # --- the requests -----------------------------------------------------------------------

    def handle(self, route) -> None:
        request = route.request
        url = urlsplit(request.url)
        self.requests.append((request.method, url.path))
        body = request.post_data_json if request.post_data else {}
        if url.path == "/graphql":
            status, answer = 200, self.graphql(body["query"], body.get("variables") or {})
        else:
            status, answer = self.rest(request.method, url.path, parse_qs(url.query), body)
        if status == 404:
            self.unknown.append((request.method, url.path))
        headers = {"access-control-allow-origin": "*", "access-control-expose-headers": "*"}
        if isinstance(answer, bytes):
            kind = "application/octet-stream" if b"\0" in answer else "text/plain; charset=utf-8"
            route.fulfill(status=status, headers={**headers, "content-type": kind}, body=answer)
        elif answer is None:
            route.fulfill(status=status, headers=headers, body="")
        else:
            route.fulfill(status=status, headers=headers, content_type="application/json", body=json.dumps(answer))

    def rest(self, method: str, path: str, query: dict, body: dict):
        repo = f"/repos/{self.repo}"
        if (method, path) == ("GET", "/user"):
            return 200, self.user()
        if not path.startswith(repo):
            return 404, {"message": "Not Found"}
        path = path.removeprefix(repo)
        for pattern, handler in self.ROUTES:
            found = re.fullmatch(pattern, f"{method} {path}")
            if found:
                return handler(self, body, *found.groups())
        return 404, {"message": "Not Found"}

    def user(self) -> dict:
        return {"id": 1, "login": self.login, "name": "Redacteur van de test", "email": None,
                "html_url": f"https://github.com/{self.login}", "avatar_url": ""}

    def _repository(self, body):
        return 200, {"full_name": self.repo, "default_branch": "main", "private": False, "allow_forking": True,
                     "owner": {"type": "Organization"}, "permissions": {"push": True, "pull": True}}

    def _tree(self, body, ref):
        tree = []
        for row in filter(None, self.git("ls-tree", "-r", "-l", "-z", ref).split("\0")):
            meta, path = row.split("\t", 1)
            mode, kind, sha, size = meta.split()
            tree.append({"path": path, "mode": mode, "type": kind, "sha": sha, "size": int(size)})
        return 200, {"sha": self.head(ref) or ref, "tree": tree, "truncated": False}

    def _pull_request(self, body):
        if not self.head(body["head"]) or body["head"] == body["base"]:
            return 422, {"message": "Validation Failed"}
        number = len(self.pulls) + 1
        self.pulls[number] = {"number": number, "title": body["title"], "head": body["head"], "base": body["base"],
                              "draft": bool(body.get("draft")), "state": "OPEN", "labels": [],
                              "created": now(), "updated": now(), "approved": False}
        return 201, {"number": number, "node_id": f"PR_{number}", "title": body["title"], "state": "open",
                     "html_url": f"https://github.com/{self.repo}/pull/{number}", "draft": bool(body.get("draft")),
                     "head": {"ref": body["head"], "sha": self.head(body["head"])},
                     "created_at": now(), "updated_at": now()}

    def _labels(self, body, number):
        pull = self.pulls[int(number)]
        pull["labels"] = [*pull["labels"], *body["labels"]]
        return 200, [{"name": name} for name in pull["labels"]]

    def _issue(self, body, number):
        return 200, {"number": int(number), "labels": [{"name": name} for name in self.pulls[int(number)]["labels"]]}

    def _set_labels(self, body, number):
        self.pulls[int(number)]["labels"] = list(body["labels"])
        return self._issue(body, number)

    def _update_pull(self, body, number):
        self.pulls[int(number)]["state"] = body.get("state", "open").upper()
        return 200, {"number": int(number)}

    def _merge(self, body, number):
        pull = self.pulls[int(number)]
        if not pull["approved"]:
            return 405, {"message": REVIEW_REQUIRED}
        base, head = self.head(pull["base"]), self.head(pull["head"])
        tree = self.git("merge-tree", "--write-tree", base, head).split()[0]
        merged = self.git("commit-tree", tree, "-p", base, "-p", head, "-m", body.get("commit_title", "")).strip()
        self.git("update-ref", f"refs/heads/{pull['base']}", merged, base)
        pull["state"] = "MERGED"
        return 200, {"merged": True, "sha": merged}

    def _delete_branch(self, body, branch):
        self.git("update-ref", "-d", f"refs/heads/{branch}")
        return 204, None

    ROUTES = [
        (r"GET ", _repository),
        (r"GET /collaborators/[^/]+", lambda self, body: (204, None)),
        (r"GET /git/trees/(.+)", _tree),
        (r"GET /git/blobs/([0-9a-f]+)", lambda self, body, sha: (200, self.blob(sha))),
        (r"POST /pulls", _pull_request),
        (r"PATCH /pulls/(\d+)", _update_pull),
        (r"PUT /pulls/(\d+)/merge", _merge),
        (r"POST /issues/(\d+)/labels", _labels),
        (r"GET /issues/(\d+)", _issue),
        (r"PATCH /issues/(\d+)", _set_labels),
        (r"DELETE /git/refs/heads/(.+)", _delete_branch),
    ]
