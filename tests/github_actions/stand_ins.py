"""What each action of the workflows does, here: one function per action, given the run and
the step's `with:` (expanded), giving (ok, log, outputs). Like the real actions they change
the later steps' environment only through the step's GITHUB_ENV and GITHUB_PATH files."""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.github_actions.git_server import REPOSITORY, git_server

# GitHub's cache, kept between runs as GitHub keeps it: per key, in the machine's temporary
# folder (so a second test session finds what the first saved, as a second run on GitHub does).
CACHE_STORE = Path(tempfile.gettempdir()) / "github-actions-cache"


# GitHub's branch protection of main (README "Publiceren": a review and the checks before a
# merge): every push to it is refused, the bot's included. Merging is the server's own act.
PROTECTION = """#!/bin/sh
while read old new ref; do
  if [ "$ref" = refs/heads/main ]; then
    echo "remote: error: GH006: Protected branch update failed for refs/heads/main." >&2
    echo "remote: error: Changes must be made through a pull request." >&2
    exit 1
  fi
done
"""


def protect_main(origin: Path) -> None:
    """The protection above, as a hook of the repository that stands for GitHub's."""
    hooks = subprocess.run(["git", "rev-parse", "--git-path", "hooks"], cwd=origin, capture_output=True, text=True,
                           check=False)
    if hooks.returncode:  # a folder that is no repository (a runner's own test): nothing to push to
        return
    hook = origin / hooks.stdout.strip() / "pre-receive"
    if not hook.exists():
        hook.parent.mkdir(parents=True, exist_ok=True)
        hook.write_text(PROTECTION, encoding="utf-8")
        hook.chmod(0o755)


def pull_request_payload(number: int, action: str = "synchronize", fork: bool = False) -> dict:
    """github.event of a pull request: its number, and where its branch lives."""
    head = f"iemand/{REPOSITORY.split('/')[1]}" if fork else REPOSITORY
    return {"action": action, "number": number,
            "pull_request": {"number": number, "head": {"repo": {"full_name": head}}}}


def checkout(runner, with_: dict) -> tuple[bool, str, dict]:
    """The change at the event's ref, `origin` the repository on GitHub. With persist-credentials
    (the action's default) the job's token stays in the workspace's git config, as the action
    leaves it, so that a later `git push` carries it; without, git has no credentials."""
    depth = int(with_.get("fetch-depth", 1))
    if any(runner.workspace.iterdir()):
        return False, "the workspace is not empty", {}
    remote = f"+{runner.ref}:refs/remotes/change"
    persist = str(with_.get("persist-credentials", "true")).lower() == "true"
    header = base64.b64encode(f"x-access-token:{runner.token}".encode()).decode()
    commands = [["git", "init", "--quiet"], ["git", "remote", "add", "origin", f"https://github.com/{REPOSITORY}.git"],
                *([["git", "config", f"http.{git_server().base}/.extraheader", f"AUTHORIZATION: basic {header}"]]
                  if persist else []),
                # Reading needs no token (a public repository): straight from the origin.
                ["git", "fetch", "--quiet", "--no-tags", *([] if depth == 0 else [f"--depth={depth}"]),
                 f"file://{runner.origin}", remote, *(["+refs/heads/*:refs/remotes/origin/*"] if depth == 0 else [])],
                # A branch is checked out as that branch (a run may push to it); anything else detached.
                ["git", "checkout", "--quiet", *(["-B", runner.ref.removeprefix("refs/heads/")]
                                                 if runner.ref.startswith("refs/heads/") else ["--detach"]),
                 "refs/remotes/change"]]
    output = []
    for command in commands:
        result = subprocess.run(command, cwd=runner.workspace, capture_output=True, text=True, check=False)
        output.append(result.stdout + result.stderr)
        if result.returncode:
            return False, "".join(output), {}
    return True, "".join(output), {}


def setup_python(runner, with_: dict) -> tuple[bool, str, dict]:
    wanted, have = str(with_.get("python-version", "")), f"{sys.version_info.major}.{sys.version_info.minor}"
    return wanted == have, f"python {have} (asked: {wanted})", {}


def setup_uv(runner, with_: dict) -> tuple[bool, str, dict]:
    """uv at the version asked (this machine's: the test lock's uv) on PATH, and with
    `enable-cache` its cache restored by the hash of the files `cache-dependency-glob` names,
    as UV_CACHE_DIR; what the job adds to it is there for the next run with that key."""
    uv = Path(sys.executable).parent / "uv"
    have = subprocess.run([str(uv), "--version"], capture_output=True, text=True, check=True).stdout.split()[1]
    wanted = str(with_.get("version", "latest"))
    if wanted != have:
        return False, f"uv {have} on this machine, the step asks for {wanted}", {}
    folder = runner.temp / "setup-uv"
    folder.mkdir(exist_ok=True)
    (folder / "uv").unlink(missing_ok=True)
    (folder / "uv").symlink_to(uv)
    runner.step_files["GITHUB_PATH"].write_text(f"{folder}\n", encoding="utf-8")
    if str(with_.get("enable-cache", "auto")).lower() == "false":
        return True, f"uv {have}", {}
    patterns = str(with_.get("cache-dependency-glob", "**/uv.lock\n**/requirements*.txt")).split()
    matched = sorted({path for pattern in patterns for path in runner.workspace.glob(pattern) if path.is_file()})
    if not matched:
        return False, f"no file matched {patterns} for the cache key", {}
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in matched)).hexdigest()
    key = f"setup-uv-{have}-{digest[:16]}"
    cache = CACHE_STORE / key
    hit = cache.is_dir()
    cache.mkdir(parents=True, exist_ok=True)
    with runner.step_files["GITHUB_ENV"].open("a", encoding="utf-8") as env:
        env.write(f"UV_CACHE_DIR={cache}\n")
    return True, f"uv {have}; cache {key} {'restored' if hit else 'not found (saved after the job)'}", \
        {"cache-hit": str(hit).lower()}


def cache(runner, with_: dict) -> tuple[bool, str, dict]:
    """As actions/cache does: `path` restored from the entry of `key`, or else from the newest
    entry whose key starts with one of `restore-keys` (in their order); on a miss of `key`, the
    folder saved under it when the job has succeeded (the action's post step). Entries live in
    CACHE_STORE, so a scenario after the first finds what the first saved, as on GitHub."""
    key, path = str(with_["key"]), runner.workspace / str(with_["path"])
    store = CACHE_STORE / "actions-cache"
    entries = sorted(store.glob("*/"), key=lambda entry: entry.stat().st_mtime, reverse=True) if store.is_dir() else []
    found = store / key if (store / key).is_dir() else next(
        (entry for prefix in str(with_.get("restore-keys", "")).split() for entry in entries
         if entry.name.startswith(prefix)), None)
    if found is not None:
        shutil.copytree(found, path, dirs_exist_ok=True)
    hit = found is not None and found.name == key
    if not hit:
        runner.after_job.append(lambda: save_cache(path, store / key))
    said = "restored" if hit else f"restored from {found.name}" if found else "not found"
    return True, f"cache {key}: {said}", {"cache-hit": str(hit).lower()}


def save_cache(path: Path, entry: Path) -> None:
    """Whole or not at all, and never over an entry saved meanwhile: GitHub's entries are immutable."""
    if not path.is_dir() or entry.exists():
        return
    entry.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".opslaan-"))
    shutil.copytree(path, staging, dirs_exist_ok=True)
    try:
        staging.rename(entry)
    except OSError:  # another worker saved this key first
        shutil.rmtree(staging, ignore_errors=True)


def upload(runner, name: str, with_: dict, hidden: bool = True) -> tuple[bool, str, dict]:
    source = runner.workspace / with_["path"]
    if not source.exists():
        return False, f"no files at {with_['path']}", {}
    target = runner.artifact_dir / name
    # Never .git and .github; other dot files as the action's version and inputs say.
    ignore = shutil.ignore_patterns(".git", ".github", *(() if hidden else (".*",)))
    shutil.copytree(source, target, ignore=ignore) if source.is_dir() else shutil.copy2(source, target)
    runner.artifacts[name] = target
    return True, f"artifact {name}: {sum(1 for p in target.rglob('*') if p.is_file())} files", {}


def upload_artifact(runner, with_: dict) -> tuple[bool, str, dict]:
    """Since upload-artifact v4.4.0, files and folders whose names start with a dot
    (.well-known/security.txt, .nojekyll) stay out unless `include-hidden-files: true`."""
    hidden = str(with_.get("include-hidden-files", "false")).lower() == "true"
    return upload(runner, with_.get("name", "artifact"), with_, hidden=hidden)


def download_artifact(runner, with_: dict) -> tuple[bool, str, dict]:
    """An artifact of this run, by name, into `path` (relative to the workspace)."""
    name = with_.get("name", "")
    if name not in runner.artifacts:
        return False, f"Unable to download artifact(s): Artifact not found for name: {name}", {}
    target = runner.workspace / with_.get("path", "")
    shutil.copytree(runner.artifacts[name], target, dirs_exist_ok=True)
    return True, f"artifact {name} in {with_.get('path', '.')}", {"download-path": str(target)}


STAND_INS = {
    "actions/checkout": checkout,
    "actions/setup-python": setup_python,
    "astral-sh/setup-uv": setup_uv,
    "actions/cache": cache,
    "actions/upload-artifact": upload_artifact,
    "actions/download-artifact": download_artifact,
}
