"""Shared fixtures: the real site, built once, and copies of the project to break on purpose."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from scripts.content import Content, load_content
from scripts.project import ROOT, copy_project, read_config


def build(project: Path, site_dir: Path, with_pdf: bool = False,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Build the site (with the profile PDF: exactly as `make build`), return what it printed."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.pdf" if with_pdf else "scripts.build",
         "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        capture_output=True, text=True, env={**os.environ, **(env or {})},
    )


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site, with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site as `make build` makes it (PDF included), strictly, in a temporary folder."""
    site_dir = tmp_path_factory.mktemp("build") / "site"
    result = build(ROOT, site_dir, with_pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def pages(site) -> dict[str, BeautifulSoup]:
    """Every HTML page of the built site, by its path in site/ (found by walking, not listed)."""
    return {
        path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(site.rglob("*.html"))
    }


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(ROOT / "data")


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project that a test may change."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site_url() -> str:
    return read_config()["site_url"]


@pytest.fixture(scope="session")
def web(site, site_url):
    """The built site on a local web server, under the published site's path."""
    from scripts.localserver import SiteServer

    with SiteServer(site, urlsplit(site_url).path) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from scripts.chromium import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
