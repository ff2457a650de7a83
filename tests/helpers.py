"""Helpers shared by the tests (fixtures live in conftest.py). Test modules import from
here only, never from each other."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from functools import cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from PIL import Image
from referencing import Registry, Resource

from cultuurregio.project import ROOT, read_config
from tests.build_worker import run_module

POSTS = Path("docs") / "nieuwsbrief" / "posts"
# What an untranslated library message or a crash looks like.
FOREIGN = re.compile(r"Traceback|Doc file|contains a link|Couldn't|is not found|Error:|Aborted|"
                     r"UnicodeDecodeError|_Macro|undefined|found character|start any token|tab character|"
                     r"not allowed|expected|while scanning|fout in de code")
# The rules axe-core applies in the browser tests: WCAG 2.2 AA and best practice.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


# What GitHub (or the tests' own run) sets and a tool under test must not inherit: every test
# that depends on one of these sets it itself.
OUTSIDE = re.compile(r"^(GITHUB_\w+|RUNNER_\w+|CI|SOURCE_DATE_EPOCH)$")


def environment(**variables: str) -> dict[str, str]:
    """This process's environment without GitHub's variables, with `variables` added."""
    return {**{k: v for k, v in os.environ.items() if not OUTSIDE.match(k)}, **variables}


def build(project: Path, site_dir: Path, with_pdf: bool = False,
          env: dict[str, str] | None = None, command: list[str] | None = None) -> subprocess.CompletedProcess:
    """Build the site as `make build` does (with the profile PDF if asked), in the warm build
    worker (tests/build_worker.py); what it printed. `command`: another command, as a subprocess."""
    if command:
        return subprocess.run(command, capture_output=True, text=True, env=environment(**(env or {})))
    module = "cultuurregio.publiceren.pdf" if with_pdf else "cultuurregio.publiceren.build"
    return run_module(module, ["--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
                      environment(**(env or {})))


def check(project: Path, *options: str, **env: str) -> subprocess.CompletedProcess:
    """`make check` on a project, in the warm build worker; GitHub's variables only as the test gives them."""
    return run_module("cultuurregio.redactie.check", ["--config-file", str(project / "mkdocs.yml"), *options],
                      environment(**env))


def checked(project: Path):
    """The content checks the build runs before anything renders (site/guards/validation.py), on a
    copy of the project, in this process: what `make check` would name, in milliseconds."""
    from cultuurregio.site.guards.validation import check_site

    return check_site(read_config(project / "mkdocs.yml"))


def schema_validator(name: str) -> Draft202012Validator:
    """Straight from the schema files with the JSON Schema library: no project code."""
    from cultuurregio.site.content.schema import SCHEMA_DIR

    registry = Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text()))) for path in SCHEMA_DIR.glob("*.json"))
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text())
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site, with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def differing(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """Files that one site has and the other lacks, or that differ in a single byte."""
    return sorted(set(first) ^ set(second)) + [n for n in sorted(set(first) & set(second)) if first[n] != second[n]]


def line_of(path: Path, anchor: str) -> int:
    """The line (1-based) on which `anchor` first stands in the file."""
    text = path.read_text(encoding="utf-8")
    assert anchor in text, f"{anchor!r} not in {path.name}"
    return text[: text.index(anchor)].count("\n") + 1


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> int:
    """Add `text` (test-made content) at the end of a file; the line it starts on."""
    existing = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(existing + text, encoding="utf-8")
    return existing.count("\n") + 1


def heading(tag) -> str:
    """A heading's text as a reader sees it, without the permalink sign."""
    return "".join(t for t in tag.find_all(string=True) if not t.find_parent(class_="headerlink")).strip()


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site (found by walking site/). Not the newsletters' e-mail
    editions (mails, tested in test_mail_edition.py and test_photos.py), nor the web editor's
    page, Sveltia CMS's screens (tested in test_web_editor.py)."""
    from cultuurregio.site.mail.edition import EDITION
    from tests.web_editor import EDITOR_PAGE

    return [p for p in sorted(site.rglob("*.html")) if p.name != EDITION and p.relative_to(site).as_posix() != EDITOR_PAGE]


def page_urls(site: Path, base: str) -> list[str]:
    """Every HTML page of the built site, as a visitor's URL."""
    return [base + path.relative_to(site).as_posix().removesuffix("index.html") for path in site_pages(site)]


def published_newsletters(project: Path = ROOT) -> list[dict]:
    """The newsletters as their source files say they are (drafts left out), read without the site's code."""
    posts = []
    for path in sorted((project / POSTS).glob("*.md")):
        if (meta := yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])).get("draft"):
            continue
        created = meta["date"]["created"]
        assert isinstance(created, dt.date)
        posts.append({**meta, "created": created, "path": path,
                      "url": f"nieuwsbrief/{created:%Y/%m}/{meta['slug']}/"})
    return posts


def _node(text: str, keys: tuple) -> tuple[yaml.Node, yaml.Node | None]:
    """The node at `keys` in a YAML text, and for a mapping entry its key node."""
    node, key_node = yaml.compose(text), None
    for key in keys:
        if isinstance(key, int):
            node, key_node = node.value[key], None
        else:
            key_node, node = next((k, v) for k, v in node.value if k.value == key)
    return node, key_node


def replace_value(path: Path, keys: tuple, new: str) -> int:
    """Write `new` in place of the value at `keys` (e.g. ("gemeenten", 1, "naam")) as it
    stands in the file, whatever an editor wrote there; the line it is on."""
    text = path.read_text(encoding="utf-8")
    node, _ = _node(text, keys)
    path.write_text(text[: node.start_mark.index] + new + text[node.end_mark.index:], encoding="utf-8")
    return node.start_mark.line + 1


def remove_field(path: Path, keys: tuple) -> int:
    """Delete the field at `keys` (its key and value lines); the line of the item it was in."""
    text = path.read_text(encoding="utf-8")
    item, _ = _node(text, keys[:-1])
    value, key = _node(text, keys)
    start = text.rindex("\n", 0, key.start_mark.index) + 1
    end = text.find("\n", value.end_mark.index - 1 if value.end_mark.column == 0 else value.end_mark.index)
    path.write_text(text[:start] + text[end + 1:], encoding="utf-8")
    return item.start_mark.line + 1


def add_field(path: Path, item: tuple, field: str) -> int:
    """Add the line `field` (e.g. "naam: X") to the item at `item`, right below its first
    line, indented as that item's fields are; the line it is on."""
    text = path.read_text(encoding="utf-8")
    node, _ = _node(text, item)
    first = node.value[0][0].start_mark
    at = text.index("\n", first.index) + 1
    path.write_text(text[:at] + " " * first.column + field + "\n" + text[at:], encoding="utf-8")
    return first.line + 2


def key_lines(path: Path, item: tuple, key: str) -> list[int]:
    """The lines on which `key` stands in the item at `item` (more than one if repeated)."""
    node, _ = _node(path.read_text(encoding="utf-8"), item)
    return [k.start_mark.line + 1 for k, _ in node.value if k.value == key]


def announced_feeds(site: Path, path: str, soup, site_url: str) -> list[Path]:
    """The files the page's RSS autodiscovery links point to (the 404 page's start at the
    site's root path, as it is served at any depth)."""
    root = "/" + site_url.split("://", 1)[1].split("/", 1)[1]
    targets = []
    for link in soup.select('link[rel="alternate"][type="application/rss+xml"]'):
        href = link["href"]
        target = site / href.removeprefix(root) if href.startswith("/") else (site / path).parent / href
        targets.append(target.resolve())
    return targets


@cache
def first_category() -> str:
    return read_config().plugins["material/blog"].config.categories_allowed[0]


def newsletter(project: Path, name: str, front: str = "date:\n  created: 2019-03-14\n",
               body: str = "Het begin.\n\n<!-- more -->\n\nDe rest.\n", encoding: str = "utf-8") -> Path:
    """A newsletter made by the test (first category, first author of the project)."""
    category = first_category()
    authors = yaml.safe_load((project / "docs/nieuwsbrief/.authors.yml").read_text(encoding="utf-8"))["authors"]
    path = project / POSTS / name
    path.write_bytes((f"---\n{front}slug: {path.stem[8:]}\ndescription: >-\n  Een nieuwsbrief die de test zelf "
                      f"schrijft, lang genoeg om een beschrijving te zijn.\ncategories:\n  - {category}\n"
                      f"authors:\n  - {next(iter(authors))}\n---\n\n# Test {path.stem}\n\n{body}").encode(encoding))
    return path


def photo(project: Path, name: str) -> Path:
    """A photo made by the test, next to the newsletters."""
    path = project / POSTS / name
    if path.suffix == ".heic":
        # What a browser cannot show is known by its format; an HEIC file begins like this.
        path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
        return path
    Image.new("RGB", (800, 600), (30, 90, 160)).save(path)
    return path


def scheduled_for_today_and_tomorrow(folder: Path) -> tuple[Path, dt.date, dt.date]:
    """The project as the one commit of a repository, dated yesterday, that holds newsletters
    dated today ("vandaag") and tomorrow ("morgen") in Europe/Amsterdam: what the morning
    build finds on main. The repository, today and tomorrow."""
    from cultuurregio.site.common.dates import TIMEZONE
    from tests.github_actions import git, origin_repository

    now = dt.datetime.now(TIMEZONE)
    today, tomorrow, yesterday = now.date(), now.date() + dt.timedelta(days=1), (now - dt.timedelta(days=1)).isoformat()
    project = origin_repository(ROOT, folder, date=yesterday)
    for day, name in ((today, "vandaag"), (tomorrow, "morgen")):
        newsletter(project, f"{day:%Y-%m}-{name}.md", front=f"date:\n  created: {day.isoformat()}\n")
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "--amend", "--no-edit", date=yesterday)
    return project, today, tomorrow
