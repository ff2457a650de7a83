"""Builds in a warm process: one long-lived build worker per pytest worker, which runs the
project's own commands (`python -m cultuurregio.publiceren.build`, `….pdf`, `cultuurregio.redactie.check`)
in itself, as `python -m` runs them, without paying a new interpreter's imports and MkDocs'
configuration (about 1.5 s) for every copy a test builds.

Each command gets what a subprocess would: its arguments, the whole environment the test gives
(nothing else of the pytest process), its working folder, and its own stdout and stderr, caught
at the file descriptors, so what the build's children (Chromium for the PDF, git) print is caught
too. The worker is a process of its own (spawned, so nothing of pytest's state comes along), and
a command that crashes it or runs past its time ends it: the next one starts a fresh worker.

The commands as editors type them stay tested as subprocesses: `make check` and `make build`
in the workflow scenarios (tests/test_workflow_check.py, tests/test_workflow_deploy.py), and a
plain `mkdocs build` in tests/test_only_content.py.
"""

from __future__ import annotations

import multiprocessing
import os
import runpy
import subprocess
import sys
import tempfile
import traceback
import warnings
from multiprocessing.connection import Connection
from pathlib import Path

TIMEOUT = 600  # seconds: far above a build of a copy (about 5 s), below make test's own limit

_worker: tuple[multiprocessing.Process, Connection] | None = None


def run_module(module: str, arguments: list[str], env: dict[str, str], cwd: Path | None = None) \
        -> subprocess.CompletedProcess:
    """`python -m module arguments` with `env`, in the warm worker; as subprocess.run(…, text=True) returns it."""
    global _worker
    if _worker is None or not _worker[0].is_alive():
        parent, child = multiprocessing.get_context("spawn").Pipe()
        process = multiprocessing.get_context("spawn").Process(target=_serve, args=(child,), daemon=True)
        process.start()
        child.close()
        _worker = (process, parent)
    process, connection = _worker
    command = [sys.executable, "-m", module, *arguments]
    try:
        connection.send((module, arguments, env, str(cwd or Path.cwd())))
        if not connection.poll(TIMEOUT):
            raise TimeoutError(f"{module} took longer than {TIMEOUT} s")
        returncode, stdout, stderr = connection.recv()
    except (EOFError, OSError, TimeoutError) as error:
        process.kill()
        _worker = None
        return subprocess.CompletedProcess(command, 1, "", f"the build worker stopped: {error!r}")
    return subprocess.CompletedProcess(command, returncode, stdout, stderr)


def _serve(connection: Connection) -> None:
    # runpy warns when the module of a command was imported by an earlier one in this process; a
    # fresh interpreter has no earlier one, and its stderr would not say so.
    warnings.filterwarnings("ignore", message=".*found in sys.modules after import of package",
                            category=RuntimeWarning)
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        connection.send(_run(*request))


def _run(module: str, arguments: list[str], env: dict[str, str], cwd: str) -> tuple[int, str, str]:
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    sys.argv = [module, *arguments]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sys.stdout.flush()
        sys.stderr.flush()
        saved = os.dup(1), os.dup(2)
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        try:
            runpy.run_module(module, run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
            if isinstance(exit.code, str):
                print(exit.code, file=sys.stderr)
        except BaseException:  # as an interpreter would: the traceback on stderr, exit status 1
            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
        out.seek(0)
        err.seek(0)
        return code, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
