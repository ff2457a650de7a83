"""The web editor's configuration (/beheer/config.json), made from the JSON schemas and mkdocs.yml.

The schemas are the one source of the rules (site/content/schema.py); the editor's forms are
made from them at every build, so the two cannot differ: a field's label, its hint (the
schema's `description`), whether it is required, its pattern with the Dutch message, its
choices (`enum`, and the newsletter categories of mkdocs.yml). A new required field in a
schema is a required field in the form at the next build.

Sveltia CMS reads this file (its own schema: node_modules/@sveltia/cms/schema/sveltia-cms.json,
against which tests/test_web_editor.py validates it). Its fields are required unless they
say `required: false`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from cultuurregio.site.content.schema import SCHEMA_DIR
from cultuurregio.site.outputs.editor_pages import data_pages, ordinary_pages, page_entry

# The data files the editor offers, in the order of its menu (file, schema).
DATA_FILES = ("agenda", "samenwerkingen", "gemeenten", "themas", "werkgroepen", "tijdlijn", "organisatie",
              "verzending")
DATA_LABELS = {"agenda": "Agenda", "samenwerkingen": "Samenwerkingen", "gemeenten": "Gemeenten", "themas": "Thema's",
               "werkgroepen": "Werkgroepen", "tijdlijn": "Tijdlijn", "organisatie": "Organisatie",
               "verzending": "Nieuwsbrief per e-mail"}
POSTS = "docs/nieuwsbrief/posts"
# The environment a pull request's preview is published to (check.yml, `omgeving:`). The editor
# reads the deployment GitHub records for the entry's last commit, and links "Voorbeeld bekijken"
# to its address plus the entry's `preview_path`.
PREVIEW_ENVIRONMENT = "voorbeeld"
# A newsletter's address, as the blog makes it (mkdocs.yml: post_url_format "{date}/{slug}",
# post_url_date_format yyyy/MM).
NEWSLETTER_PATH = "nieuwsbrief/{{fields.date.created | date('YYYY/MM')}}/{{fields.slug}}/"
CONFIG_FILE = "config.json"
# The icons the configuration names (Material Symbols); web_editor.py keeps them in the icon font.
ICONS = frozenset({"mail", "database"})
# Labels for the front matter's English keys (Material's blog reads them as they are).
LABELS = {
    "date": "Datum", "created": "Verschijningsdatum", "updated": "Bijgewerkt op",
    "slug": "Slug (het laatste deel van het adres)", "title": "Titel", "description": "Beschrijving",
    "categories": "Categorieën", "authors": "Auteurs", "draft": "Concept",
    "automatisch_versturen": "Vanzelf versturen op de verschijningsdatum", "themas": "Thema's",
}
# What the history and the pull requests say, in Dutch ({{...}} are filled in by the editor).
COMMIT_MESSAGES = {
    "create": "{{collection}} toegevoegd: “{{slug}}”",
    "update": "{{collection}} bijgewerkt: “{{slug}}”",
    "delete": "{{collection}} verwijderd: “{{slug}}”",
    "uploadMedia": "Bestand toegevoegd: “{{path}}”",
    "deleteMedia": "Bestand verwijderd: “{{path}}”",
}
# Shared definitions (common.schema.json) written over more lines than one.
LONG_TEXT = "common.schema.json#/$defs/tekst"


@cache
def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def _resolve(node: dict, home: str) -> tuple[dict, str | None, str]:
    """A schema node with its `$ref` (and a shared definition's `allOf`) taken in, the node's
    own keys winning; the reference it came from; the schema its own references are in."""
    ref = node.get("$ref")
    if ref is None:
        return node, None, home
    file, _, pointer = ref.partition("#")
    target_home = file.removesuffix(".schema.json") if file else home
    target = _schema(target_home)
    for part in pointer.strip("/").split("/"):
        target = target[part]
    # A copy: the schemas are read once (cached) and must stay as they are.
    merged = dict(_resolve(target, target_home)[0])
    for part in merged.pop("allOf", []):
        merged = {**_resolve(part, target_home)[0], **merged}
    full_ref = f"{target_home}.schema.json#{pointer}"
    return {**merged, **{k: v for k, v in node.items() if k != "$ref"}}, full_ref, target_home


def label(name: str) -> str:
    return LABELS.get(name) or name.replace("_", " ").capitalize()


def field(name: str, node: dict, required: bool, home: str, choices: dict[str, list[str]]) -> dict:
    """The editor's field for the schema property `name`."""
    spec, ref, home = _resolve(node, home)
    out: dict = {"name": name, "label": label(name)}
    types = spec.get("type", "string")
    types = [types] if isinstance(types, str) else types
    if "enum" in spec or name in choices:
        out["widget"] = "select"
        out["options"] = spec.get("enum") or choices[name]
        if "array" in types:
            out["multiple"] = True
    elif "boolean" in types:
        out["widget"] = "boolean"
    elif "object" in types:
        out["widget"] = "object"
        out["fields"] = fields(spec, home, choices)
    elif "array" in types:
        out["widget"] = "list"
        items, _, items_home = _resolve(spec.get("items", {}), home)
        if items.get("type") == "object":
            out["fields"] = fields(items, items_home, choices)
            # Each item of a list named in the form by its name or title, not by its number.
            label_field = next((f for f in ("naam", "titel", "slug") if f in items.get("properties", {})), None)
            if label_field:
                out["summary"] = "{{fields.%s}}" % label_field
        else:
            out["field"] = field(name, spec.get("items", {}), True, home, choices) | {"label": label(name)}
        if spec.get("minItems"):
            out["min"] = spec["minItems"]
    elif spec.get("format") == "date":
        # A date picker that writes what the schema asks: JJJJ-MM-DD.
        out.update(widget="datetime", time_format=False, format="YYYY-MM-DD")
    else:
        out["widget"] = "text" if ref == LONG_TEXT else "string"
        if "pattern" in spec:
            out["pattern"] = [spec["pattern"], spec.get("patternErrorMessage", "")]
    if not required or "null" in types:
        out["required"] = False
    if spec.get("description"):
        out["hint"] = spec["description"]
    return out


def fields(schema: dict, home: str, choices: dict[str, list[str]]) -> list[dict]:
    required = set(schema.get("required", []))
    return [field(name, node, name in required, home, choices) for name, node in schema.get("properties", {}).items()]


def data_file(name: str, shown_on: dict[str, str]) -> dict:
    schema = _schema(name)
    form = {"name": name, "label": DATA_LABELS[name], "file": f"data/{name}.yml", "fields": fields(schema, name, {})}
    # Its preview: the first page that shows it.
    if f"data/{name}.yml" in shown_on:
        form["preview_path"] = shown_on[f"data/{name}.yml"]
    return form


# The newsletter's text: the site's own blocks (beheer/onderdelen.js) instead of a bare image,
# which the build would refuse without its maker.
# The editor does not hold a block's own fields to "required" when the entry is saved, so the
# text as a whole is: a photo without its description, file or maker is refused in the form.
# (The build refuses it too, and more: site/media/image_checks.py.)
PHOTO_INCOMPLETE = "Een foto mist wat erop te zien is, het bestand of de maker: vul bij elke foto alle drie in."
COMPLETE_PHOTOS = r"^(?![\s\S]*(?:!\[\s*\]\(|!\[[^\]\n]*\]\(\s*\)|\n(?:Foto|Beeld|Illustratie|Tekening|Ontwerp):[ \t]*(?:\n|$)))[\s\S]*$"
BODY = {"name": "body", "label": "Tekst", "widget": "markdown", "linked_images": False,
        "pattern": [COMPLETE_PHOTOS, PHOTO_INCOMPLETE],
        "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"],
        "editor_components": ["foto", "video", "meer"]}


def newsletters(categories: list[str], authors: list[str]) -> dict:
    schema = _schema("nieuwsbrief")
    front = {f["name"]: f for f in fields(schema, "nieuwsbrief", {"categories": categories, "authors": authors})}
    # The title comes first and is asked for: the address and the file name are made from it.
    # (A newsletter may also carry its title as its first heading, `# ...`; the editor writes
    # it in the front matter, where the site reads it just as well.)
    title = {**front.pop("title"), "hint": "De kop van de nieuwsbrief. Het adres en de bestandsnaam worden ervan gemaakt."}
    title.pop("required")
    # Filled in from the title when the newsletter is first saved (beheer/start.js), then never changed.
    slug = {"name": "slug", "label": front.pop("slug")["label"], "widget": "hidden"}
    date = front.pop("date")
    return {
        "name": "nieuwsbrief", "label": "Nieuwsbrieven", "label_singular": "Nieuwsbrief", "icon": "mail",
        "folder": POSTS, "extension": "md", "format": "frontmatter", "create": True,
        "identifier_field": "title",
        "slug": {"template": "{{title}}", "editable": False},
        "path": "{{fields.date.created | date('YYYY-MM')}}-{{slug}}",
        "preview_path": NEWSLETTER_PATH,
        # Photos sit next to the newsletter that shows them (CONTRIBUTING, "Een foto toevoegen").
        "media_folder": "", "public_folder": "",
        "fields": [title, date, slug, *front.values(), BODY],
    }


def editor_config(config, nav=None) -> dict:
    """The configuration for the site that `config` (mkdocs.yml, as MkDocs loaded it) builds, with
    `nav` (its pages, read) for where each data file is shown."""
    blog = config.plugins["material/blog"].config
    # The blog's authors (their file was checked before anything renders: site/content/newsletters.py).
    authors_file = Path(config.docs_dir) / blog.blog_dir / ".authors.yml"
    authors = sorted((yaml.safe_load(authors_file.read_text(encoding="utf-8")) or {}).get("authors", {}))
    site_path = urlsplit(config.site_url or "/").path
    shown_on = data_pages(nav)
    return {
        "app_title": f"Beheer – {config.site_name}",
        "backend": {
            "name": "github", "repo": config.repo_name, "branch": "main",
            # Signing in with a token needs no server of our own (README, "De webeditor"); the
            # OAuth button would go through Netlify's server, so it is not offered.
            "auth_methods": ["token"],
            "commit_messages": COMMIT_MESSAGES,
            "preview_context": PREVIEW_ENVIRONMENT,
        },
        # Each new or changed entry on its own branch with a pull request: the checks and the
        # preview apply before anything is published, and publishing stays a merge.
        "publish_mode": "editorial_workflow",
        "site_url": config.site_url,
        "logo_url": f"{site_path}assets/logo.svg",
        "media_folder": "docs/assets",
        # Slugs as the site makes them (Python-Markdown's slugify): "Ideeën" -> "ideeen".
        "slug": {"encoding": "ascii", "clean_accents": True},
        "public_folder": f"{site_path}assets",
        # A phone's photo name ("IMG 2041.JPG") becomes a web name ("img-2041.jpg"); the build
        # refuses a photo over 20 MB, so the form refuses it first.
        # No stock photos (other hosts, and not ours to publish): photos come from the editor.
        "media_libraries": {"default": {"config": {"slugify_filename": True, "max_file_size": 20_000_000}},
                            "stock_assets": {"providers": []}},
        # Written as our files are: an optional field left empty is left out, lists indented.
        "output": {"omit_empty_optional_fields": True, "yaml": {"indent_sequences": True}},
        "collections": [
            newsletters(list(blog.categories_allowed), authors),
            {"name": "gegevens", "label": "Gegevens", "icon": "database",
             "files": [data_file(name, shown_on) for name in DATA_FILES]},
            ordinary_pages(nav),
        ],
    }


def write_editor_config(site: Path, config, nav) -> None:
    """/beheer/config.json, which the editor's page names (overrides/beheer/index.html). JSON, not
    the usual config.yml: GitHub Pages sends JSON compressed, and the first load counts."""
    text = json.dumps(editor_config(config, nav), ensure_ascii=False, indent=1)
    (site / "beheer").mkdir(exist_ok=True)
    (site / "beheer" / CONFIG_FILE).write_text(text + "\n", encoding="utf-8")


def entry_links() -> dict:
    """Where the pages' edit links open a form of the editor (overrides/partials/source-file.html)."""
    return {"adres": "beheer/#/collections/", "nieuwsbrief": "nieuwsbrief/entries/",
            "pagina": lambda src_uri: f"paginas/entries/{page_entry(src_uri)}",
            "gegevens": {name: f"gegevens/entries/{name}" for name in DATA_FILES}}
