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
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from cultuurregio.project import ROOT
from cultuurregio.redactie.scaffold import slugify
from cultuurregio.site.content import LISTS
from cultuurregio.site.schema import SCHEMA_DIR
from cultuurregio.site.yamlfile import read_yaml
from tests.helpers import add_field, build, check, environment, line_of, remove_field, replace_value


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


def test_check_reports_every_mistake_at_once_with_file_and_line(project):
    data, post = project / "data", project / "docs" / "nieuwsbrief" / "posts"
    newsletter = sorted(post.glob("*.md"))[-1]
    text = newsletter.read_text(encoding="utf-8")
    newsletter.write_text(text.replace("categories:\n", "categories:\n  - Debatten\n", 1), encoding="utf-8")
    name = f"docs/nieuwsbrief/posts/{newsletter.name}"
    expected = {
        "data/gemeenten.yml": (remove_field(data / "gemeenten.yml", ("gemeenten", 1, "naam")),
                               "veld 'naam' ontbreekt"),
        "data/agenda.yml": (replace_value(data / "agenda.yml", ("bijeenkomsten", 0, "start"), "2018-11-31"),
                            "'2018-11-31'"),
        "data/werkgroepen.yml": (replace_value(data / "werkgroepen.yml", ("werkgroepen", 0, "thema"), "grensloos"),
                                 "thema 'grensloos' bestaat niet"),
        name: (line_of(newsletter, "  - Debatten"), "categorie 'Debatten' bestaat niet"),
    }
    result = check(project)
    assert result.returncode != 0
    lines = result.stdout.splitlines()
    for file, (line, message) in expected.items():
        assert any(l.startswith(f"{file}:{line}: ") and message in l for l in lines), (file, line, lines)


def _schema_validator(name: str) -> Draft202012Validator:
    """Straight from the schema files with the JSON Schema library: no project code."""
    registry = Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text()))) for path in SCHEMA_DIR.glob("*.json"))
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text())
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


@pytest.mark.parametrize("name", list(LISTS))
def test_every_data_file_is_valid_against_its_schema(name):
    document, problems = read_yaml(ROOT / "data" / f"{name}.yml", name)
    assert not problems
    errors = list(_schema_validator(name).iter_errors(document.data))
    assert not errors, [e.message for e in errors]


# Mistakes a schema can see: (file, how to make it in the file).
SCHEMA_MISTAKES = {
    "themas": lambda path: replace_value(path, ("themas", 0, "status"), "klaar"),
    "gemeenten": lambda path: remove_field(path, ("gemeenten", 1, "naam")),
    "agenda": lambda path: replace_value(path, ("bijeenkomsten", 0, "start"), "21-11-2018"),
    "werkgroepen": lambda path: replace_value(path, ("werkgroepen", 0, "organisaties"), "geen"),
    "samenwerkingen": lambda path: add_field(path, ("samenwerkingen", 0), "website: www.twente.nl"),
    "tijdlijn": lambda path: add_field(path, ("stappen", 0), "kleur: rood"),
}


@pytest.mark.parametrize("name", SCHEMA_MISTAKES)
def test_what_the_schema_rejects_the_loader_rejects(project, name):
    SCHEMA_MISTAKES[name](project / "data" / f"{name}.yml")
    document, _ = read_yaml(project / "data" / f"{name}.yml", name)
    assert list(_schema_validator(name).iter_errors(document.data)), "the schema accepts it"
    result = check(project)
    assert result.returncode != 0 and f"data/{name}.yml:" in result.stdout


def test_every_data_file_points_editors_to_its_schema():
    for name in LISTS:
        first = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        target = (ROOT / "data" / first.split("$schema=", 1)[1]).resolve()
        assert target == (SCHEMA_DIR / f"{name}.schema.json").resolve(), first


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


def test_pages_made_from_data_link_to_the_data_not_to_a_macro_call(pages):
    links = [a["href"] for a in pages["themas/tijd-en-ruimte/index.html"].select('a[rel="edit"]')]
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
        assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d", line), line
