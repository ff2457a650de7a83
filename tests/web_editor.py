"""Helpers for the web editor's tests (tests/test_web_editor.py): its Dutch words, its forms'
required fields, and a local repository handed to it in Chromium.

Sveltia CMS works on a local repository through the File System Access API: "Werken met een
lokale repository" asks for a folder with `showDirectoryPicker()`. A test cannot answer a
native dialog, so the page gets a folder of Chromium's own private file system (the origin
private file system, a real directory handle) filled with the repository's files; whatever
the editor writes there is read back into a copy of the project.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from playwright.sync_api import TimeoutError, expect

from cultuurregio.project import ROOT

# The web editor's page: Sveltia CMS's screens, held to their own rules, not the site's pages'.
EDITOR_PAGE = "beheer/index.html"
LOCALE = ROOT / "node_modules" / "@sveltia" / "cms" / "locales" / "nl.json"
REPOSITORY = "website"
# What the editor's configuration reaches (and a `.git` folder: it checks for one): the data, the
# newsletters with their photos, the pages.
PARTS = ("data/**/*", "docs/nieuwsbrief/**/*", "docs/**/*.md")

PICKER = f"""
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle("{REPOSITORY}");
"""

FILL = """async ([name, files]) => {
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(name, {recursive: true}).catch(() => {});
  const repository = await root.getDirectoryHandle(name, {create: true});
  await repository.getDirectoryHandle(".git", {create: true});
  for (const [path, data] of Object.entries(files)) {
    const parts = path.split("/");
    let folder = repository;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
    await writable.close();
  }
}"""

READ = """async (name) => {
  const files = {};
  const walk = async (folder, prefix) => {
    for await (const [entry, handle] of folder.entries()) {
      if (handle.kind === "directory") { await walk(handle, prefix + entry + "/"); continue; }
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let text = ""; for (const b of bytes) text += String.fromCharCode(b);
      files[prefix + entry] = btoa(text);
    }
  };
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(name), "");
  return files;
}"""


def word(key: str) -> str:
    """A Dutch text of the editor's interface, as its package ships it (`validation.value_missing`)."""
    found = json.loads(LOCALE.read_text(encoding="utf-8"))
    for part in key.split("."):
        found = found[part]
    return found


def hand_repository(page, project: Path) -> dict[str, bytes]:
    """Put the files of `project` the editor works on in the page's private file system."""
    files = {p.relative_to(project).as_posix(): p.read_bytes()
             for part in PARTS for p in sorted(project.glob(part)) if p.is_file()}
    page.evaluate(FILL, [REPOSITORY, {path: base64.b64encode(data).decode() for path, data in files.items()}])
    return files


def repository_files(page) -> dict[str, bytes]:
    """The files as the editor left them (without the empty `.git`)."""
    return {path: base64.b64decode(data) for path, data in page.evaluate(READ, REPOSITORY).items()}


def required_fields(fields: list[dict], prefix: str = "") -> set[str]:
    """The dotted names of the fields a form requires (Sveltia: required unless it says not)."""
    names = set()
    for field in fields:
        name = prefix + field["name"]
        if field.get("required", True):
            names.add(name)
        names |= required_fields(field.get("fields", []), name + ".")
    return names


def schema_required(schema: dict, resolve, prefix: str = "") -> set[str]:
    """The dotted names a JSON schema requires a value for, through objects and lists of objects
    (a required key that may be null, an address not known yet, may stay empty)."""
    names = set()
    for name, node in schema.get("properties", {}).items():
        node = resolve(node)
        if name in schema.get("required", []) and "null" not in node.get("type", []):
            names.add(prefix + name)
        inner = resolve(node.get("items", {})) if node.get("type") == "array" else node
        names |= schema_required(inner, resolve, prefix + name + ".")
    return names


def open_local_repository(browser, base: str, project: Path):
    """The editor in a fresh Chromium context, on a local repository holding `project`'s files;
    the page, and the files as they were handed over."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 1000})
    context.add_init_script(PICKER)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.goto(base + "beheer/")
    files = hand_repository(page, project)
    page.get_by_role("button", name=word("work_with_local_repo")).click()
    return context, page, files


def text_field(page, label: str):
    return page.get_by_role("group", name=f"Veld “\u2068{label}\u2069”")


def insert_block(page, label: str, block: str) -> None:
    """A block of the text field `label` from its "Invoegen" menu (beheer/onderdelen.js)."""
    text_field(page, label).get_by_role("button", name="Invoegen").click()
    page.get_by_role("menuitem", name=block).click()


def add_photo(page, photo: Path, description: str, maker: str) -> None:
    """A photo block at the end of the text: the file uploaded as an editor would, then its words.
    Each step waits for what the editor draws, so the words land in this block, not the last one
    drawn so far."""
    descriptions = page.get_by_role("textbox", name="Wat er op de foto te zien is")
    makers = page.get_by_role("textbox", name="Maker")
    index = descriptions.count()
    insert_block(page, "Tekst", "Foto")
    expect(descriptions).to_have_count(index + 1)
    page.get_by_role("button", name="Bladeren").last.click()  # the new block: the others have their file
    with page.expect_file_chooser() as chooser:
        page.get_by_role("dialog").get_by_role("button", name="Uploaden").click()
    chooser.value.set_files(photo)
    # Chosen once it is listed (under the web name the editor gives it) and the button is enabled.
    web_name = photo.name.lower().replace(" ", "-")
    page.get_by_role("dialog").get_by_text(web_name).first.wait_for()
    insert = page.get_by_role("dialog").get_by_role("button", name="Invoegen")
    expect(insert).to_be_enabled()
    insert.click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.get_by_text(web_name).last.wait_for()
    descriptions.nth(index).fill(description)
    makers.nth(index).fill(maker)
    expect(descriptions.nth(index)).to_have_value(description)
    expect(makers.nth(index)).to_have_value(maker)


def write_back(page, project: Path, before: dict[str, bytes]) -> dict[str, bytes]:
    """What the editor changed in its repository, written into `project`."""
    changed = {path: data for path, data in repository_files(page).items() if before.get(path) != data}
    for path, data in changed.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_bytes(data)
    return changed


def field(page, key: str):
    """The form field at `key` (`gemeenten.6.tekst`). A long list draws only the items in view,
    so the form is scrolled, as an editor would, until the field is there."""
    # The form's fields are named for screen readers ("Veld …"); the preview beside it has the same keys.
    section = page.locator(f'section[aria-label][data-key-path="{key}"]')
    page.locator(f'section[aria-label][data-key-path^="{key.split(".")[0]}"]').first.wait_for()
    # The form is the left half of the window (open_local_repository: 1280 pixels wide).
    page.mouse.move(300, 600)
    for _ in range(100):
        if section.count():
            return section.first
        page.mouse.wheel(0, 500)
        page.wait_for_timeout(50)
    raise AssertionError(f"het veld {key} verschijnt niet in het formulier")


def open_entry(page, collection: str, entry: str) -> None:
    """An entry by its address in the editor (`#/collections/<collection>/entries/<entry>`), its
    form drawn. From another entry it goes by way of the list of newsletters (straight from one
    data file to the next the editor draws an empty form). save_file returns once the editor is
    back on its list, so a late return cannot take this address back; if the form does not come,
    the address is asked again."""
    target = f"#/collections/{collection}/entries/{entry}"
    listing = "#/collections/nieuwsbrief"
    form = page.locator("section[aria-label][data-key-path]").first
    for _ in range(5):
        try:
            if not page.url.endswith(target):
                if "/entries/" in page.url:
                    page.evaluate(f"location.hash = '{listing}'")
                    page.wait_for_url(lambda url: url.endswith(listing), timeout=5000)
                    page.get_by_role("button", name="Nieuw").wait_for(timeout=5000)
                page.evaluate(f"location.hash = '{target}'")
            page.wait_for_url(lambda url: url.endswith(target), timeout=5000)
            form.wait_for(timeout=5000)
        except TimeoutError:
            continue
        if page.url.endswith(target) and form.count():
            return
    raise AssertionError(f"de editor opent {target} niet")


# One file of the private file system; null while the editor is writing it (during a write the
# browser lets no one read the file, or the editor has just removed it to write it anew).
READ_ONE = """async ([name, path]) => {
  try {
    let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
    const parts = path.split("/");
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
    const bytes = new Uint8Array(await (await (await folder.getFileHandle(parts.at(-1))).getFile()).arrayBuffer());
    let text = ""; for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  } catch (error) {
    if (error.name === "NotReadableError" || error.name === "NotFoundError") return null;
    throw error;
  }
}"""


# Where the editor goes after a save: back to the entry's collection, its list.
LISTING = re.compile(r"#/collections/[^/]+$")


def save_file(page, path: str, previous: bytes) -> bytes:
    """Save the entry open in the editor; the file `path` once the editor has written it anew and
    gone back to its list (so that it takes no later address back)."""
    page.get_by_role("button", name=word("save")).click()
    for _ in range(200):
        found = page.evaluate(READ_ONE, [REPOSITORY, path])
        if found is not None and base64.b64decode(found) != previous:
            page.wait_for_url(LISTING)
            return base64.b64decode(found)
        page.wait_for_timeout(50)
    raise AssertionError(f"de editor schreef {path} niet")
