"""Editors' tools: scaffolds, `make check`, schemas that agree with the loader, edit links,
and workflows that pass the linters."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cultuurregio.project import ROOT
from cultuurregio.redactie.scaffold import slugify
from cultuurregio.site.content.data import LISTS
from cultuurregio.site.content.schema import SCHEMA_DIR
from cultuurregio.site.content.yamlfile import read_yaml
from tests.helpers import build, environment, schema_validator


def scaffold(project, kind: str, title: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cultuurregio.redactie.scaffold", kind, title,
                           "--project", str(project)],
                          capture_output=True, text=True, env=environment())


@pytest.mark.parametrize(("title", "slug"), [
    ("Ideeën uit Hengelo", "ideeen-uit-hengelo"),
    ("Café-avond: Kunst & Cultuur!", "cafe-avond-kunst-cultuur"),
    ("Twente   Grenzeloos", "twente-grenzeloos"),
    ("Één jaar Rijssen-Holten", "een-jaar-rijssen-holten"),
])
def test_slugs_are_plain_and_keep_dutch_words_readable(title, slug):
    assert slugify(ROOT, title) == slug


def test_the_scaffold_gives_the_slug_the_blog_itself_would_give(project, config):
    """A newsletter without `slug:` gets its address from the blog's slugify; the scaffold's
    slug is that same one, so writing it down changes nothing."""
    title = "Café-avond: Kunst & Cultuur!"
    assert scaffold(project, "nieuwsbrief", title).returncode == 0
    post = next((project / "docs" / "nieuwsbrief" / "posts").glob("*-cafe-avond*.md"))
    written = next(line.split(": ", 1)[1] for line in post.read_text(encoding="utf-8").splitlines()
                   if line.startswith("slug: "))
    blog = config.plugins["material/blog"].config
    assert written == blog.post_slugify(title, blog.post_slugify_separator)


@pytest.mark.slow
def test_scaffolds_write_content_that_builds_and_is_published(project, tmp_path):
    for kind, title in (("nieuwsbrief", "Ideeën uit Hengelo"), ("samenwerking", "Samen spelen in Twente"),
                        ("bijeenkomst", "Netwerkavond")):
        result = scaffold(project, kind, title)
        assert result.returncode == 0, result.stderr
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    posts = list((project / "docs" / "nieuwsbrief" / "posts").glob("*-ideeen-uit-hengelo.md"))
    assert len(posts) == 1
    month = posts[0].name[:7].replace("-", "/")
    assert (site_dir / "nieuwsbrief" / month / "ideeen-uit-hengelo" / "index.html").is_file()
    archive = (site_dir / "nieuwsbrief" / "index.html").read_text(encoding="utf-8")
    assert "Ideeën uit Hengelo" in archive
    feed = ET.parse(site_dir / "feed_rss_created.xml").getroot()
    assert any(item.findtext("title") == "Ideeën uit Hengelo" for item in feed.iter("item"))
    assert 'id="samen-spelen-in-twente"' in (site_dir / "samenwerkingen" / "index.html").read_text()
    assert 'id="netwerkavond"' in (site_dir / "agenda" / "index.html").read_text()


@pytest.mark.parametrize(("kind", "title"), [("nieuwsbrief", "Twee keer"), ("samenwerking", "Twee keer"),
                                             ("bijeenkomst", "Twee keer")])
def test_scaffolds_never_overwrite(project, kind, title):
    assert scaffold(project, kind, title).returncode == 0
    before = {p: p.read_bytes() for p in (project / "data").glob("*.yml")}
    before.update({p: p.read_bytes() for p in (project / "docs").rglob("*.md")})
    again = scaffold(project, kind, title)
    assert again.returncode != 0
    assert "Niets geschreven" in again.stderr
    assert "bestaat al" in again.stderr or "heeft al een item" in again.stderr
    assert {p: p.read_bytes() for p in before} == before


@pytest.mark.parametrize("name", list(LISTS))
def test_every_data_file_is_valid_against_its_schema(name):
    document, problems = read_yaml(ROOT / "data" / f"{name}.yml", name)
    assert not problems
    errors = list(schema_validator(name).iter_errors(document.data))
    assert not errors, [e.message for e in errors]


def test_vs_code_knows_each_data_file_by_its_schema():
    """The web editor writes no comments, so the schema is named in .vscode/settings.json and the
    Codespace's settings, not on each file's first line."""
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    codespace = json.loads((ROOT / ".devcontainer/devcontainer.json").read_text(encoding="utf-8"))
    assert codespace["customizations"]["vscode"]["settings"]["yaml.schemas"] == settings
    data_files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").glob("*.yml"))
    assert sorted(settings.values()) == data_files
    for schema, data in settings.items():
        assert (ROOT / schema).resolve() == (SCHEMA_DIR / f"{Path(data).stem}.schema.json").resolve(), data


def test_every_edit_link_leads_to_a_file_in_the_repository(pages, config):
    root = f"{config.repo_url.rstrip('/')}/{config.edit_uri.removesuffix('docs/')}"
    checked = 0
    for path, soup in pages.items():
        links = [a["href"] for a in soup.select('a[rel="edit"]')]
        generated = (path.startswith(("nieuwsbrief/archief/", "nieuwsbrief/categorie/", "nieuwsbrief/pagina/"))
                     or path == "404.html")
        assert links or generated, f"{path} has no edit link"
        for href in links:
            assert href.startswith(root), href
            assert (ROOT / href.removeprefix(root)).is_file(), f"{path}: {href}"
            checked += 1
    assert checked > 30


def test_pages_made_from_data_link_to_the_data_not_to_a_macro_call(pages, content):
    links = [a["href"] for a in pages[f"themas/{content.themas[0]['slug']}/index.html"].select('a[rel="edit"]')]
    assert links and all("/data/" in href for href in links)


WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


# The linters come as executables in the test environment (installed from PyPI, see pyproject.toml).
TOOLS = Path(sys.executable).parent


def test_actionlint_finds_nothing():
    result = subprocess.run([str(TOOLS / "actionlint"), *map(str, WORKFLOWS)], capture_output=True,
                            text=True, cwd=ROOT, env=environment())
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = subprocess.run([str(TOOLS / "zizmor"), "--offline", str(ROOT / ".github" / "workflows")],
                            capture_output=True, text=True, env=environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_ruff_finds_nothing():
    """pyflakes, import order and bugbear over the package and the tests (pyproject.toml)."""
    result = subprocess.run([str(TOOLS / "ruff"), "check", "--no-cache", "scripts", "tests"], capture_output=True,
                            text=True, cwd=ROOT, env=environment())
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_full_commit():
    uses = [line.strip() for path in WORKFLOWS for line in path.read_text().splitlines()
            if line.strip().startswith(("uses:", "- uses:"))]
    assert uses
    for line in uses:
        # This repository's own reusable workflow comes with the commit that calls it.
        assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d", line) or \
            re.fullmatch(r"uses: \./\.github/workflows/[\w-]+\.yml( # .*)?", line), line
