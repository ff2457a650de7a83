"""Nothing lost on save: every newsletter, data file and page the web editor offers, saved by the real
editor in Chromium, changes only where the editor changed it. The files were written once by the
editor itself (README, "De webeditor"), so a save writes them back as they are."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cultuurregio.project import ROOT, copy_project
from cultuurregio.site.outputs.editor_config import DATA_FILES, POSTS
from cultuurregio.site.outputs.editor_pages import page_entry
from tests.web_editor import field, open_entry, open_local_repository, save_file

NEWSLETTERS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / POSTS).glob("*.md"))


def page_forms() -> dict[tuple[str, ...], str]:
    """One page for each form the editor has for pages (editor_pages.ordinary_pages: the page's own
    front matter keys, the same form for the same keys; its text is kept as it is). A page with
    keys of its own is a form of its own, and is tested. All 16 pages were once written by the
    editor itself; testing all of them, each in an editor of its own then, cost 110 s of the suite (issue 41)."""
    forms = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not path.is_relative_to(ROOT / POSTS) and text.startswith("---\ntitle: "):
            keys = tuple(yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n")))
            forms.setdefault(keys, path.relative_to(ROOT).as_posix())
    return forms


PAGES = sorted(page_forms().values())
FILES = [*NEWSLETTERS, *(f"data/{name}.yml" for name in DATA_FILES), *PAGES]


def entry(path: str) -> tuple[str, str]:
    """The file's collection and entry in the editor's addresses."""
    if path in PAGES:
        return "paginas", page_entry(path.removeprefix("docs/"))
    return ("nieuwsbrief" if path.endswith(".md") else "gegevens"), Path(path).stem


def first_field(path: Path) -> tuple[str, str]:
    """The form's key of a field the test changes in this file, and that field's name."""
    if path.suffix == ".md":
        return ("description", "description") if POSTS in path.as_posix() else ("title", "title")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lists = [key for key, value in data.items() if isinstance(value, list) and value]
    if not lists:
        return "afzender.naam", "naam"
    # A line of free text (a slug has a pattern the changed value would not meet).
    name = next(name for name in ("titel", "naam") if name in data[lists[0]][0])
    return f"{lists[0]}.0.{name}", name


@pytest.fixture(scope="module")
def saved(browser, web, tmp_path_factory):
    """Each file saved twice: with one field changed, then with it changed back; one file after
    the other in one editor, opened on the repository as it is."""
    project = copy_project(tmp_path_factory.mktemp("heen-en-terug") / "project")
    results = {}
    context, page, before = open_local_repository(browser, web.base, project)
    try:
        page.get_by_text("Nieuwsbrieven", exact=True).first.wait_for()
        for path in FILES:
            collection, name_in_editor = entry(path)
            key, name = first_field(project / path)
            open_entry(page, collection, name_in_editor)
            box = field(page, key).locator("input, textarea").first
            value = box.input_value()
            box.fill(value + " (gewijzigd)")
            changed = save_file(page, path, before[path])
            open_entry(page, collection, name_in_editor)
            field(page, key).locator("input, textarea").first.fill(value)
            results[path] = (before[path], changed, save_file(page, path, changed), name)
        errors = page.errors
    finally:
        context.close()
    return results, errors


@pytest.mark.parametrize("path", FILES)
def test_a_changed_field_changes_only_its_line_and_changing_it_back_restores_every_byte(saved, path):
    results, errors = saved
    original, changed, restored, name = results[path]
    before, after = original.decode("utf-8").splitlines(), changed.decode("utf-8").splitlines()
    assert len(before) == len(after), path
    differ = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(differ) == 1, differ
    assert yaml.safe_load(differ[0][1].strip().removeprefix("- "))[name] == \
        yaml.safe_load(differ[0][0].strip().removeprefix("- "))[name] + " (gewijzigd)"
    assert restored == original
    assert errors == []
