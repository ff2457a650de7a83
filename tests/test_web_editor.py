"""The web editor at /beheer/ (README, "De webeditor"): Sveltia CMS from the site itself, Dutch,
its forms made from the schemas, and nothing loaded from another host before signing in."""

from __future__ import annotations

import copy
import gzip
import hashlib
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jsonschema
import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from cultuurregio.project import ROOT, read_config
from cultuurregio.redactie import web_editor
from cultuurregio.site.content.schema import SCHEMA_DIR
from cultuurregio.site.guards.security_policy import EDITOR_POLICY
from cultuurregio.site.outputs.editor_config import DATA_FILES, editor_config
from tests.web_editor import EDITOR_PAGE, PICKER, hand_repository, required_fields, schema_required, word

FILES = ROOT / web_editor.TARGET
FIRST_LOAD_LIMIT = 800_000  # bytes as they travel (gzip where GitHub Pages compresses)


def schema(name: str) -> dict:
    """A schema with its own references named by file, so a part of it resolves anywhere."""
    def qualify(node):
        if isinstance(node, dict):
            return {k: (f"{name}.schema.json{v}" if k == "$ref" and v.startswith("#") else qualify(v)) for k, v in node.items()}
        return [qualify(item) for item in node] if isinstance(node, list) else node

    return qualify(json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")))


def resolve(node: dict) -> dict:
    """A schema node with its `$ref` followed."""
    while "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        target = schema(file.removesuffix(".schema.json"))
        for part in pointer.strip("/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def forms(config: dict) -> dict[str, list[dict]]:
    """Each form of the configuration (a collection, or a file of one) by its schema's name."""
    found = {}
    for collection in config["collections"]:
        for item in collection.get("files", [collection]):
            found[item["name"]] = item["fields"]
    return found


def missing_from_forms(config: dict) -> list[str]:
    schemas = {"nieuwsbrief": schema("nieuwsbrief"), **{name: schema(name) for name in DATA_FILES}}
    form_fields = forms(config)
    return sorted(f"{name}: {field}" for name, s in schemas.items()
                  for field in schema_required(s, resolve) - required_fields(form_fields.get(name, [])))


@pytest.mark.slow
def test_the_editor_files_are_what_the_pinned_package_gives(tmp_path):
    made = web_editor.make(ROOT, tmp_path / "beheer")
    lock = web_editor.package_lock(ROOT)
    assert (made["versie"], made["integriteit"]) == (lock["version"], lock["integrity"])
    ours = sorted(p.relative_to(FILES).as_posix() for p in FILES.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(tmp_path / "beheer").as_posix() for p in (tmp_path / "beheer").rglob("*") if p.is_file())
    assert ours == theirs
    differ = [name for name in ours if (FILES / name).read_bytes() != (tmp_path / "beheer" / name).read_bytes()]
    assert differ == [], f"niet wat make beheer-bijwerken maakt: {differ}"


def test_every_file_of_the_editor_is_listed_with_its_hash_and_licensed():
    manifest = json.loads((FILES / web_editor.MANIFEST).read_text(encoding="utf-8"))
    on_disk = {p.relative_to(FILES).as_posix() for p in FILES.rglob("*") if p.is_file()} - {web_editor.MANIFEST}
    assert set(manifest["bestanden"]) == on_disk
    for name, digest in manifest["bestanden"].items():
        assert hashlib.sha256((FILES / name).read_bytes()).hexdigest() == digest, name
    licences = {p.stem for p in (FILES / "licenties").iterdir()}
    assert {"@sveltia__cms", "source-sans-3", "material-symbols-outlined"} <= licences
    assert {name.replace("/", "__") for name in manifest["pakketten_in_de_bundel"]} <= licences


def sveltia_errors(config: dict) -> list[str]:
    rules = json.loads((ROOT / "node_modules/@sveltia/cms/schema/sveltia-cms.json").read_text(encoding="utf-8"))
    return [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft7Validator(rules).iter_errors(config)]


def test_the_configuration_is_valid_for_sveltia_cms():
    assert sveltia_errors(editor_config(read_config())) == []


def test_every_field_a_schema_requires_is_required_in_its_form():
    config = editor_config(read_config())
    assert set(forms(config)) == {"nieuwsbrief", *DATA_FILES}
    assert missing_from_forms(config) == []


def test_a_required_field_the_form_lacks_is_found():
    """Guards the test above: a schema's new required field, not in the form, is named."""
    config = copy.deepcopy(editor_config(read_config()))
    agenda = next(f for c in config["collections"] for f in c.get("files", []) if f["name"] == "agenda")
    meetings = next(f for f in agenda["fields"] if f["name"] == "bijeenkomsten")
    meetings["fields"] = [f for f in meetings["fields"] if f["name"] != "doelgroep"]
    newsletter = config["collections"][0]
    newsletter["fields"] = [{**f, "required": False} if f["name"] == "description" else f for f in newsletter["fields"]]
    assert missing_from_forms(config) == ["agenda: bijeenkomsten.doelgroep", "nieuwsbrief: description"]


def test_the_forms_offer_mkdocs_categories_and_the_schemas_hints():
    config = editor_config(read_config())
    fields = {f["name"]: f for f in forms(config)["nieuwsbrief"]}
    allowed = read_config().plugins["material/blog"].config.categories_allowed
    assert fields["categories"]["options"] == list(allowed) and fields["categories"]["multiple"]
    assert fields["automatisch_versturen"]["hint"] == schema("nieuwsbrief")["properties"]["automatisch_versturen"]["description"]
    assert fields["automatisch_versturen"]["required"] is False


def test_the_editor_page_is_dutch_noindex_and_outside_the_site(site, pages):
    page = (site / EDITOR_PAGE).read_text(encoding="utf-8")
    assert '<html lang="nl">' in page and 'name="robots" content="noindex, nofollow"' in page
    assert f'http-equiv="Content-Security-Policy" content="{EDITOR_POLICY}"' in page
    assert "'unsafe-eval'" not in EDITOR_POLICY
    built = json.loads((site / "beheer/config.json").read_text(encoding="utf-8"))
    assert sveltia_errors(built) == []
    # Each data file's preview is a page of the site that shows it (read from the pages as built).
    shown = {form["file"]: form.pop("preview_path") for form in built["collections"][1]["files"] if "preview_path" in form}
    page_forms = built["collections"].pop(2)
    assert built == editor_config(read_config()) | {"collections": editor_config(read_config())["collections"][:2]}
    assert page_forms["name"] == "paginas" and len(page_forms["files"]) > 10
    assert {"data/agenda.yml", "data/gemeenten.yml", "data/werkgroepen.yml"} <= set(shown)
    for file, path in shown.items():
        assert file in (site / path / "index.html").read_text(encoding="utf-8"), (file, path)
    assert "beheer" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not any(doc["location"].startswith("beheer") for doc in
                   json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"])
    assert len(pages) > 20
    in_menus = [(name, a["href"]) for name, soup in pages.items() for a in soup.select("nav a[href]") if "beheer" in a["href"]]
    assert in_menus == []


def first_load(browser, web, locale: str):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    messages, requests = [], []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
    page.on("requestfinished", lambda r: requests.append(r))
    page.goto(web.base + "beheer/", wait_until="networkidle")
    page.get_by_role("button", name=word("work_with_local_repo")).wait_for()
    return context, page, messages, requests


@pytest.mark.parametrize("locale", ["nl-NL", "en-US"])
def test_the_editor_loads_in_dutch_from_the_site_alone(browser, web, locale):
    context, page, messages, requests = first_load(browser, web, locale)
    try:
        for key in ("work_with_local_repo", "sign_in_using_access_token"):
            assert page.get_by_role("button", name=word(key)).is_visible()
        assert page.evaluate("document.documentElement.lang") == "nl"
        assert messages == []
        origin = urlsplit(web.base).netloc
        outside = [r.url for r in requests if urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != origin]
        assert outside == []
        sizes = {r.url: r.sizes()["responseBodySize"] for r in requests if r.url.startswith("http")}
        assert sum(sizes.values()) <= FIRST_LOAD_LIMIT, sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
        assert any(url.endswith("/beheer/editor.js") for url in sizes)
        # The page's own parts: its language, its title, and zooming allowed (Sveltia's own
        # viewport forbade it; make beheer-bijwerken removes that, see web_editor.py).
        own = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["html-has-lang", "html-lang-valid",
                                                                              "document-title", "meta-viewport"]}})
        assert own.response["violations"] == []
    finally:
        context.close()


def test_the_first_load_limit_counts_what_travels():
    """Guards the limit above: editor.js alone, compressed as it is served, is most of it."""
    compressed = len(gzip.compress((FILES / "editor.js").read_bytes()))
    assert 400_000 < compressed < FIRST_LOAD_LIMIT


def test_the_editor_opens_a_local_repository_with_its_newsletters(browser, web, tmp_path):
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(PICKER)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(web.base + "beheer/")
        files = hand_repository(page, ROOT)
        page.get_by_role("button", name=word("work_with_local_repo")).click()
        posts = [p for p in files if p.startswith("docs/nieuwsbrief/posts/") and p.endswith(".md")]
        titles = [yaml.safe_load(files[p].decode().split("---\n")[1])["title"] for p in posts]
        assert len(titles) >= 5
        for heading in titles:
            page.get_by_text(heading, exact=True).first.wait_for()
        assert errors == []
    finally:
        context.close()


def test_the_tool_refuses_a_bundle_that_moved_an_outside_address(tmp_path):
    script = Path(tmp_path / "editor.js")
    script.write_text("const a = 'https://www.githubstatus.com/api/v2/status.json';", encoding="utf-8")
    with pytest.raises(SystemExit, match="cdn.jsdelivr.net.*0 keer"):
        web_editor.replace_outside_addresses(script)


def test_each_newsletter_page_and_edited_data_file_links_to_its_form(site, pages):
    """The pages' edit links offer the editor's form beside GitHub's screen: each link names an
    entry of the configuration as built."""
    config = json.loads((site / "beheer/config.json").read_text(encoding="utf-8"))
    entries = {f"nieuwsbrief/entries/{p.stem}" for p in (ROOT / "docs/nieuwsbrief/posts").glob("*.md")} | {
        f"{c['name']}/entries/{f['name']}" for c in config["collections"] for f in c.get("files", [])}
    linked = {}
    for path, soup in pages.items():
        for a in soup.select(".cr-bewerken a.cr-webeditor"):
            address = urljoin(f"https://example.org/{path}", a["href"])
            assert urlsplit(address).path == "/beheer/", (path, a["href"])
            linked.setdefault(urlsplit(address).fragment.removeprefix("/collections/"), set()).add(path)
    assert set(linked) <= entries
    newsletters = {p for p in pages if p.startswith("nieuwsbrief/20") and p.count("/") == 4}
    assert newsletters and all(any(p in linked.get(e, ()) for e in entries) for p in newsletters)
    assert "gegevens/entries/agenda" in linked and "gegevens/entries/gemeenten" in linked
    assert linked["paginas/entries/contact"] == {"contact/index.html"}
    # Each ordinary page's form is the page's own file, previewed at the page's address, and
    # linked from it (unless the page is only data: `alleen_gegevens`, it has no text to edit).
    for form in next(c for c in config["collections"] if c["name"] == "paginas")["files"]:
        assert (ROOT / form["file"]).is_file() and (site / form["preview_path"] / "index.html").is_file()
        if "alleen_gegevens" not in {field["name"] for field in form["fields"]}:
            assert f"paginas/entries/{form['name']}" in linked, form["file"]


def test_the_editor_files_are_no_photos_of_the_site():
    """Its image (a map marker) is the editor's own: published as it is, and no reason for the
    build to look for photos in every page (make bench found that cost: 0.8 ms a newsletter)."""
    from mkdocs.structure.files import get_files

    from cultuurregio.site.media.photo_pages import PhotoPages

    config = read_config()
    files = get_files(config)
    assert any(f.src_uri.startswith("beheer/assets/") and f.src_uri.endswith(".png") for f in files)
    assert not any(url.startswith("beheer/") for url in PhotoPages(config, files).images)
