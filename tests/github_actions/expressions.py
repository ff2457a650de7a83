"""GitHub's expression language (`${{ }}` and `if:`), as far as the workflows use it; any
other expression raises WorkflowError (tests/github_actions/__init__.py)."""

from __future__ import annotations

import glob
import hashlib
import re
from pathlib import Path

from tests.github_actions.stand_ins import pull_request_payload

STATUS_FUNCTIONS = {"success", "failure", "always", "cancelled"}


class WorkflowError(Exception):
    """Something in the workflow that this runner does not know: the test must fail."""


TOKEN = re.compile(r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>\d+(?:\.\d+)?)|(?P<op>==|!=|&&|\|\||!|\(|\)|,)"
                   r"|(?P<name>[A-Za-z_][\w-]*(?:\.[A-Za-z_*][\w-]*)*))")


class Expression:
    """GitHub's expression language as far as the workflows use it: strings, numbers,
    true/false/null, context properties (github, env, steps, inputs, secrets), ==, !=, &&, ||, !,
    parentheses and the functions success(), failure(), always(), cancelled() and hashFiles()."""

    def __init__(self, text: str, context: dict, workspace: Path | None, failed: bool):
        self.text, self.context, self.workspace, self.failed = text, context, workspace, failed
        self.tokens, position = [], 0
        while position < len(text.rstrip()):
            match = TOKEN.match(text, position)
            if not match:
                raise WorkflowError(f"unknown expression: {text!r} (at {text[position:]!r})")
            kind = match.lastgroup
            self.tokens.append((kind, match[kind]))
            position = match.end()
        self.at = 0

    def value(self):
        result = self._or()
        if self.at != len(self.tokens):
            raise WorkflowError(f"unknown expression: {self.text!r}")
        return result

    def _peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else (None, None)

    def _take(self, op: str) -> bool:
        if self._peek() == ("op", op):
            self.at += 1
            return True
        return False

    def _or(self):
        left = self._and()
        while self._take("||"):
            right = self._and()
            left = left if truthy(left) else right
        return left

    def _and(self):
        left = self._comparison()
        while self._take("&&"):
            right = self._comparison()
            left = right if truthy(left) else left
        return left

    def _comparison(self):
        left = self._unary()
        for op in ("==", "!="):
            if self._take(op):
                equal = loose(left) == loose(self._unary())
                return equal if op == "==" else not equal
        return left

    def _unary(self):
        if self._take("!"):
            return not truthy(self._unary())
        kind, text = self._peek()
        self.at += 1
        if kind == "string":
            return text[1:-1].replace("''", "'")
        if kind == "number":
            return float(text) if "." in text else int(text)
        if kind == "op" and text == "(":
            inner = self._or()
            if not self._take(")"):
                raise WorkflowError(f"unknown expression: {self.text!r}")
            return inner
        if kind == "name" and self._take("("):
            return self._call(text)
        if kind == "name":
            return self._property(text)
        raise WorkflowError(f"unknown expression: {self.text!r}")

    def _call(self, name: str):
        arguments = []
        while not self._take(")"):
            arguments.append(self._or())
            self._take(",")
        if name in STATUS_FUNCTIONS and not arguments:
            return {"success": not self.failed, "failure": self.failed, "always": True, "cancelled": False}[name]
        if name == "hashFiles" and arguments and self.workspace:
            return hash_files(self.workspace, [str(a) for a in arguments])
        raise WorkflowError(f"unknown function in expression: {name}() in {self.text!r}")

    def _property(self, path: str):
        if path in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[path]
        root, *rest = path.split(".")
        if root not in self.context or not rest:
            raise WorkflowError(f"unknown context in expression: {path!r} in {self.text!r}")
        value = self.context[root]
        # Another event's payload has no pull request: null on GitHub, not a typo (a property the
        # runner's pull requests do not have either is still unknown).
        if rest[:2] == ["event", "pull_request"] and value.get("event_name") != "pull_request":
            known = pull_request_payload(1)
            for part in rest[1:]:
                if not isinstance(known, dict) or part not in known:
                    raise WorkflowError(f"unknown property in expression: {path!r}")
                known = known[part]
            return None
        for part in rest:
            if root == "github" and part not in value:
                raise WorkflowError(f"unknown property in expression: {path!r}")
            value = value.get(part) if isinstance(value, dict) else None
        return value


def expressions(value, key: str = ""):
    """The text of every expression in a part of a workflow (`if:` is one without `${{ }}`)."""
    if isinstance(value, dict):
        for inner_key, inner in value.items():
            yield from expressions(inner, str(inner_key))
    elif isinstance(value, list):
        for inner in value:
            yield from expressions(inner)
    elif isinstance(value, str):
        if key == "if" and "${{" not in value:
            yield value
        yield from re.findall(r"\$\{\{(.*?)\}\}", value)


def truthy(value) -> bool:
    return value not in (None, False, 0, 0.0, "")


def loose(value):
    """GitHub compares strings without regard to case."""
    return value.casefold() if isinstance(value, str) else value


def as_text(value) -> str:
    return "" if value is None else ("true" if value else "false") if isinstance(value, bool) else str(value)


def hash_files(workspace: Path, patterns: list[str]) -> str:
    files = sorted({path for pattern in patterns for path in glob.glob(str(workspace / pattern), recursive=True)
                    if Path(path).is_file()})
    if not files:
        return ""
    digest = hashlib.sha256()
    for path in files:
        digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
    return digest.hexdigest()


def condition(job_or_step: dict) -> str:
    """Its `if:` as GitHub reads it: `${{ }}` optional, success() implied unless a status function is named."""
    text = str(job_or_step.get("if", "success()")).strip()
    text = text[3:-2] if text.startswith("${{") else text
    return text if any(f"{f}(" in text for f in STATUS_FUNCTIONS) else f"success() && ({text})"


class Secrets(dict):
    """`secrets.NAME`: a secret nobody set is empty, never an unknown name."""

    def get(self, key, default=None):
        return super().get(key, "")
