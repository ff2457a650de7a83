"""The web editor's forms of the site's pages (part of /beheer/config.json, editor_config.py): each
page of the navigation with a Markdown file of its own, and where each data file is shown."""

from __future__ import annotations

from mkdocs.utils.meta import get_data

# The ordinary pages: their title and description in a form, their text as Markdown, kept exactly
# as it is (the site's blocks, `!!!` notes and `{{ ... }}` macro calls are written there, and a
# rich text editor would rewrite them). Their other front matter keys are kept, unseen.
PAGE_FIELDS = {
    "title": {"label": "Titel", "widget": "string", "hint": "De titel in het tabblad en in zoekmachines."},
    "description": {"label": "Beschrijving", "widget": "text", "required": False,
                    "hint": "Eén of twee zinnen over de pagina, voor zoekmachines en gedeelde links."},
    "periode": {"label": "Periode", "widget": "string",
                "hint": "De periode waarvoor het profiel geschreven is; ook op het titelblad van de PDF."},
}
PAGE_TEXT = {
    "name": "body", "label": "Tekst", "widget": "markdown", "modes": ["raw"],
    "hint": ("In Markdown, zoals CONTRIBUTING.md uitlegt: # voor een kop, **vet**, [tekst](adres) voor een link. "
             "Laat regels met {{ … }} en blokken met !!! of /// staan: die maken de lijsten en vakken van de site."),
}

# What a page's form says besides (the guidance its file kept in a comment before).
PAGE_NOTES = {
    "index.md": ("De nieuwste nieuwsbrieven, de volgende bijeenkomst, de kaart en de manieren om de "
                 "cultuurregio te volgen zet de site er zelf onder."),
}


def page_entry(src_uri: str) -> str:
    """A page's name in the editor's address (`proces/index.md` -> `proces-index`)."""
    return src_uri.removesuffix(".md").replace("/", "-")


def ordinary_pages(nav) -> dict:
    """A form for each page of the navigation that has a Markdown file of its own."""
    files = []
    for page in nav.pages if nav else []:
        if page.file.generated_by:  # the blog's archive and category pages
            continue
        # The front matter as the file has it (the build adds keys to page.meta).
        _, front = get_data(page.file.content_string)
        fields = [{"name": key, **PAGE_FIELDS[key]} if key in PAGE_FIELDS else {"name": key, "widget": "hidden"}
                  for key in front]
        text = {**PAGE_TEXT, "hint": f"{PAGE_TEXT['hint']} {PAGE_NOTES.get(page.file.src_uri, '')}".strip()}
        files.append({"name": page_entry(page.file.src_uri), "label": page.title, "file": f"docs/{page.file.src_uri}",
                      "fields": [*fields, text], "preview_path": page.url})
    return {"name": "paginas", "label": "Pagina's", "files": files}


def data_pages(nav) -> dict[str, str]:
    """Each data file's page (front matter `gegevens:`): the one named after it (agenda.yml on
    agenda/), else the first in the navigation that shows it."""
    found = {}
    for page in nav.pages if nav else []:
        for file in page.meta.get("gegevens", []):
            if file not in found or page.url == f"{file.removeprefix('data/').removesuffix('.yml')}/":
                found[file] = page.url
    return found
