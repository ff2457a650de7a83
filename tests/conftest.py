"""Fixtures: the real site, built once, and copies of the project to break on purpose.

Tests that need Chromium (the browser, or the site with its PDF, which Chromium prints)
are marked `browser` here, from the fixtures they use, and tests that read a complete build
(the real site, or a test file's own built copy) `slow`; `make test-snel` leaves both out.
"""

from __future__ import annotations

import fcntl
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from cultuurregio.project import ROOT, copy_project, read_config
from cultuurregio.site.common.dates import build_epoch
from cultuurregio.site.content.data import Content, load_content
from tests.helpers import build, site_pages

CHROMIUM_FIXTURES = {"browser", "published_site", "web"}
# The real site, and the built copies of test files (tests/test_newsletter_mail.py, test_security_policy.py).
BUILT_FIXTURES = {"site", "pages", "mail_site", "guarded", "verdicts", "photos"}
pytest_plugins = ["tests.summary_guard"]
LONGEST = ("test_workflow_sending_days.py", "test_workflow_previews.py", "test_every_page.py", "test_photos.py",
           "test_web_editor_round_trip.py", "test_keyboard.py", "test_workflow_morning_failures.py",
           "test_web_editor_github.py", "test_newsletter_mail.py", "test_pa11y.py", "test_workflow_changes.py")


def pytest_collection_modifyitems(items):
    for item in items:
        if CHROMIUM_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
        elif BUILT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    # Longest files first: `make test` has pytest-xdist hand out files in this order
    # (--no-loadscope-reorder; by default it sends the files with the most tests first, and the
    # 105 s scenario of one test started at 360 s of 476), so a long file does not start last on
    # one worker while the other has finished. The files that took longest in a measured run
    # (2026-12-05, seconds from first start to last end on their worker: 105, 104, 65, 53, 52, 47,
    # 42, 39, 33, 32, 31) go out before all others, longest first; after them a file's length is
    # told by its workflow scenarios (a fresh environment per job), then by how many of its tests
    # build or drive a browser. A wrong guess here costs time, never a test.
    first_seen, heavy, scenario = {}, {}, {}
    for index, item in enumerate(items):
        first_seen.setdefault(item.path, index)
        scenario[item.path] = item.path.name.startswith("test_workflow_")
        heavy[item.path] = heavy.get(item.path, 0) + bool(
            item.get_closest_marker("browser") or item.get_closest_marker("slow"))
    items.sort(key=lambda item: (item.path.name not in LONGEST, LONGEST.index(item.path.name) if item.path.name
                                 in LONGEST else 0, not scenario[item.path], -heavy[item.path], first_seen[item.path]))


@pytest.fixture(scope="session")
def epoch() -> str:
    """The build's moment of this checkout (site/common/dates.py), for builds of copies of it."""
    return str(build_epoch(ROOT))


@pytest.fixture(scope="session")
def clean_project(tmp_path_factory) -> Path:
    """A copy of the project as committed, without what earlier builds left in build/."""
    return copy_project(tmp_path_factory.mktemp("clean") / "project")


def built_once(tmp_path_factory, worker_id: str, name: str, make) -> Path:
    """A site that tests only read, built by the first worker that asks for it and read by
    both (pytest-xdist's workers share the parent of their temporary folders in one run)."""
    if worker_id == "master":
        site_dir = tmp_path_factory.mktemp(name) / "site"
        make(site_dir)
        return site_dir
    shared = tmp_path_factory.getbasetemp().parent
    site_dir, done = shared / name / "site", shared / f"{name}.gebouwd"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            make(site_dir)
            done.touch()
    return site_dir


@pytest.fixture(scope="session")
def site(clean_project, tmp_path_factory, worker_id, epoch) -> Path:
    """The real site, built strictly into a temporary folder (no PDF: no Chromium needed)."""
    def make(site_dir: Path) -> None:
        result = build(clean_project, site_dir, env={"SOURCE_DATE_EPOCH": epoch})
        assert result.returncode == 0, result.stdout + result.stderr

    return built_once(tmp_path_factory, worker_id, "build", make)


@pytest.fixture(scope="session")
def published_site(tmp_path_factory, worker_id) -> Path:
    """The real site exactly as `make build` publishes it, with the profile PDF."""
    def make(site_dir: Path) -> None:
        result = build(ROOT, site_dir, with_pdf=True)
        assert result.returncode == 0, result.stdout + result.stderr

    return built_once(tmp_path_factory, worker_id, "publish", make)


@pytest.fixture(scope="session")
def pages(site) -> dict[str, BeautifulSoup]:
    """Every HTML page of the built site, by its path in site/ (found by walking, not listed)."""
    return {
        path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in site_pages(site)
    }


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(ROOT / "data")


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project that a test may change."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def config():
    return read_config()


@pytest.fixture(scope="session")
def site_url(config) -> str:
    return config.site_url


@pytest.fixture(scope="session")
def web(published_site, site_url):
    """The published site on a local web server, under the published site's path."""
    from cultuurregio.publiceren.localserver import SiteServer

    with SiteServer(published_site, urlsplit(site_url).path) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from cultuurregio.publiceren.chromium import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
