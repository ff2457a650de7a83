"""The site in a browser without installing anything (.devcontainer/devcontainer.json, for
GitHub Codespaces; CONTRIBUTING.md, "De site bekijken zonder iets te installeren"): valid by
the Dev Container specification's schema, and the commands it names work here."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.request

import pytest
from jsonschema import Draft201909Validator

from cultuurregio.project import ROOT

pytestmark = pytest.mark.slow

CONFIG = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
# devcontainers/spec, schemas/devContainer.base.schema.json at commit 15f30fd007af77a9615c6e5e6a765c682a425b88
# (tests/schemas/README.md).
SCHEMA = json.loads((ROOT / "tests" / "schemas" / "devContainer.base.schema.json").read_text(encoding="utf-8"))


def test_devcontainer_json_follows_the_specification():
    errors = [f"{'/'.join(map(str, error.path))}: {error.message}"
              for error in Draft201909Validator(SCHEMA).iter_errors(CONFIG)]
    assert errors == []
    # And the schema does refuse what the specification does not know.
    assert list(Draft201909Validator(SCHEMA).iter_errors({**CONFIG, "poortjes": [8000]}))


def test_it_opens_the_site_on_port_8000_with_the_yaml_schemas():
    assert CONFIG["forwardPorts"] == [8000]
    assert CONFIG["portsAttributes"]["8000"]["onAutoForward"] == "openPreview"
    assert "redhat.vscode-yaml" in CONFIG["customizations"]["vscode"]["extensions"]
    # The extension finds each data file's schema in the settings (tests/test_editing.py checks the mapping).
    schemas = CONFIG["customizations"]["vscode"]["settings"]["yaml.schemas"]
    assert sorted(schemas.values()) == sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").glob("*.yml"))


def test_its_commands_install_and_serve_the_site_here():
    installed = subprocess.run(["bash", "-c", CONFIG["postCreateCommand"]], cwd=ROOT, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    server = subprocess.Popen(["bash", "-c", CONFIG["postAttachCommand"]], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline, page = time.monotonic() + 120, ""
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{CONFIG['forwardPorts'][0]}/", timeout=5) as answer:
                    page = answer.read().decode("utf-8")
                break
            except OSError:
                time.sleep(1)
        assert '<html lang="nl"' in page and "Cultuurregio Twente" in page, server.stderr.read() if server.poll() else ""
        # The web editor too, on the local repository (README, "De webeditor"): its page and its forms.
        base = f"http://127.0.0.1:{CONFIG['forwardPorts'][0]}/beheer/"
        with urllib.request.urlopen(base, timeout=5) as answer:
            assert 'src="editor.js"' in answer.read().decode("utf-8")
        with urllib.request.urlopen(base + "config.json", timeout=5) as answer:
            assert json.load(answer)["backend"]["name"] == "github"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
