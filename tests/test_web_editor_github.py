"""The web editor's pull requests (README, "De webeditor"): the real editor in Chromium, signed in
with a token, against a stand-in of GitHub's API that answers from a real git repository
(tests/github_api.py). A new newsletter with two photos becomes one branch and one pull request
holding the entry and its photos, and nothing else changes; from the entry, one click opens the
pull request's preview, found through the deployment that the preview's job reports; publishing
is the pull request's merge, which GitHub takes only after review.

What only GitHub proves (the token's permissions, the branch protection as the repository is set,
the deployment GitHub records for the job's `environment:`) is said in README and in the note
that closed issue 42."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from cultuurregio.project import ROOT, copy_project, read_config
from cultuurregio.publiceren.localserver import SiteServer
from tests.github_api import API, GitHub
from tests.helpers import build
from tests.web_editor import open_entry, word
from tests.web_editor_newsletter import DAY, PHOTOS, POST, SLUG, TITLE, new_newsletter, phone_photos

BRANCH = f"cms/nieuwsbrief/{SLUG}"
ENTRY = f"#/collections/nieuwsbrief/entries/{DAY:%Y-%m}-{SLUG}"
PHOTO_FILES = [f"docs/nieuwsbrief/posts/{name.lower().replace(' ', '-')}" for name, *_ in PHOTOS]


def preview_environment() -> str:
    """The environment check.yml publishes a pull request's preview to (GitHub records a deployment)."""
    check = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    return check["jobs"]["voorbeeld-publiceren"]["with"]["omgeving"]


def preview_address(number: int) -> str:
    """The preview's address as the workflow's step finds it (check.yml, "Het adres van het voorbeeld")."""
    line = subprocess.run([sys.executable, "-m", "cultuurregio.publiceren.addresses", "--voorbeeld", str(number)],
                          capture_output=True, text=True, check=True).stdout.strip()
    return line.removeprefix("adres=")


def wait_until(page, condition, what: str) -> None:
    for _ in range(200):
        if condition():
            return
        page.wait_for_timeout(50)
    raise AssertionError(what)


@pytest.fixture(scope="module")
def github(browser, web, tmp_path_factory):
    """An editor who signed in with a token wrote a newsletter with two photos, saved it and sent
    it for review."""
    folder = tmp_path_factory.mktemp("github")
    project = copy_project(folder / "project")
    standin = GitHub(folder / "repository", project, read_config().repo_name)
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 1000})
    context.route(f"{API}/**", standin.handle)
    hosts = set()
    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page = context.new_page()
    try:
        page.goto(web.base + "beheer/")
        page.get_by_role("button", name=word("sign_in_using_access_token")).click()
        page.get_by_role("textbox", name=word("personal_access_token")).fill("github_pat_van_de_test")
        page.get_by_role("button", name=word("sign_in"), exact=True).click()
        page.get_by_role("button", name="Nieuw").wait_for()
        new_newsletter(page, phone_photos(folder))
        page.get_by_role("button", name=word("save")).click()
        page.get_by_role("button", name=word("workflow.send_for_review")).click()
        # The editor sets the label, then marks the pull request ready for review: both are waited for.
        wait_until(page, lambda: standin.pulls and standin.pulls[1]["labels"] == ["sveltia-cms/pending_review"]
                   and not standin.pulls[1]["draft"], "de pull request kwam niet 'in review'")
        yield {"standin": standin, "page": page, "folder": folder, "hosts": hosts}
    finally:
        context.close()


def test_a_new_newsletter_is_one_branch_and_one_pull_request_holding_it_and_its_photos(github, web):
    standin = github["standin"]
    assert standin.branches() == [BRANCH, "main"]
    assert standin.head("main") == standin.base  # nothing published
    [pull] = standin.pulls.values()
    assert (pull["head"], pull["base"], pull["state"], pull["draft"]) == (BRANCH, "main", "OPEN", False)
    assert standin.changed(BRANCH) == {POST: "ADDED", **{photo: "ADDED" for photo in PHOTO_FILES}}
    files = standin.files(BRANCH)
    for (name, description, maker, _), photo in zip(PHOTOS, PHOTO_FILES, strict=True):
        assert files[photo] == (github["folder"] / name).read_bytes()
        assert f"![{description}]({photo.rsplit('/', 1)[1]})\n/// caption\nFoto: {maker}\n///" in files[POST].decode()
    assert standin.unknown == []
    assert github["hosts"] == {urlsplit(web.base).netloc, urlsplit(API).netloc}


def test_the_entry_opens_its_preview_in_one_click(github, epoch):
    """The preview of the pull request's branch, built as check.yml's preview job builds it, at the
    address the deployment of its last commit names."""
    standin, page, folder = github["standin"], github["page"], github["folder"]
    [number] = standin.pulls
    address = preview_address(number)
    branch = folder / "branch"
    branch.mkdir()
    for path, data in standin.files(BRANCH).items():
        (branch / path).parent.mkdir(parents=True, exist_ok=True)
        (branch / path).write_bytes(data)
    result = build(branch, folder / "voorbeeld", env={"VOORBEELD": str(number), "SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stdout + result.stderr
    standin.deploy(standin.head(BRANCH), preview_environment(), address)
    with SiteServer(folder / "voorbeeld", urlsplit(address).path) as preview:
        page.context.route(f"{address}**", lambda route: route.fulfill(
            response=route.fetch(url=preview.origin + urlsplit(route.request.url).path)))
        page.goto(page.url.split("#")[0] + ENTRY)
        page.reload()
        with page.expect_popup() as opened:
            page.get_by_role("button", name=word("deploy_preview.view")).click()
        shown = opened.value
        shown.wait_for_load_state()
        assert shown.url == f"{address}nieuwsbrief/{DAY:%Y/%m}/{SLUG}/"
        html = BeautifulSoup(shown.content(), "html.parser")
    assert html.h1.get_text(strip=True) == TITLE
    assert [figure.img["alt"] for figure in html.select(".md-content figure")] == [p[1] for p in PHOTOS]


def test_publishing_is_the_merge_github_takes_only_after_review(github):
    standin, page = github["standin"], github["page"]
    open_entry(page, "nieuwsbrief", ENTRY.rsplit("/", 1)[1])
    status = word("workflow.entry_status_value").replace("{$status}", f"\u2068{word('status.in_review')}\u2069")
    page.get_by_role("button", name=status).click()
    page.get_by_role("menuitemradio", name=word("status.ready")).click()
    wait_until(page, lambda: standin.pulls[1]["labels"] == ["sveltia-cms/pending_publish"], "niet op 'klaar' gezet")

    def publish() -> None:
        page.get_by_role("button", name=word("workflow.publish_entry")).click()
        page.get_by_role("alertdialog").get_by_role("button", name=word("publish")).click()

    publish()
    expect(page.get_by_text(word("workflow.publishing_entry_failed"))).to_be_visible()
    assert ("PUT", f"/repos/{standin.repo}/pulls/1/merge") in standin.requests
    assert standin.head("main") == standin.base and standin.pulls[1]["state"] == "OPEN"

    standin.approve(1)
    publish()
    wait_until(page, lambda: standin.branches() == ["main"], "de branch bleef na het publiceren")
    assert standin.pulls[1]["state"] == "MERGED"
    assert {POST, *PHOTO_FILES} <= set(standin.files("main"))
