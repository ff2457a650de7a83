"""Nothing on a page may make a visitor's browser reach another site, or run code the site
did not ship (the promise of /privacy/). Checked on each page as rendered (hooks.py,
`on_page_content`): Markdown pages, newsletters, and data rendered into pages by macros,
whatever syntax the editor pasted. The Content-Security-Policy (site/guards/security_policy.py)
is the second line of defence, for what this check might miss.

Links to other sites (`<a href>`) stay allowed, `http:` included: a visitor chooses to
follow them. What loads by itself is refused: scripts, embedded pages, outside images,
media and styles, event attributes and `javascript:` addresses.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from cultuurregio.site.common.problems import Problem, line_in_page

# Attributes that hold an address the browser may load (or, for links, go to); by their local
# name, so an SVG's xlink:href counts as href.
ADDRESSES = ("src", "href", "srcset", "poster", "data", "action", "formaction", "background", "ping",
             "manifest", "codebase", "archive", "classid", "lowsrc", "dynsrc", "longdesc", "icon")
# Elements whose address is only followed when the visitor chooses to.
LINKS = {"a", "area"}
EMBEDS = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"}
MEDIA = {"video", "audio", "source", "track"}
CODE_SCHEMES = re.compile(r"^\s*(?:javascript|vbscript)\s*:", re.I)
CSS_URL = re.compile(r"url\(\s*(['\"]?)(?P<address>[^'\")]*)\1\s*\)", re.I)
CSS_IMPORT = re.compile(r"@import\b", re.I)

PHOTO = ("vraag de maker om toestemming, sla de afbeelding op naast deze pagina en voeg haar toe als foto "
         "met een onderschrift (CONTRIBUTING.md, 'Foto's')")
VIDEO = "gebruik voor een video van YouTube of Vimeo het videoblok (CONTRIBUTING.md, 'Een video')"
WHY = "elke bezoeker zou dan contact maken met {host}, met zijn IP-adres en cookies (zie /privacy/)"


def outside_problems(root, source: Path, name: str, site_url: str, data: Path | None = None) -> list[Problem]:
    """Everything on a rendered page (its content as one tree: site/common/fragments.py) that
    would reach outside the site, as Dutch problems. `source` is the page's Markdown file,
    `name` how messages call it; a mistake that is not in the page itself is looked for in
    the data files of `data` (rendered by macros)."""
    problems: list[Problem] = []
    for element in root.iter(etree.Element):
        tag = _local(element.tag)
        for message, needle in _refusals(element, tag, site_url):
            file, line = _locate(source, name, needle, tag, data)
            problems.append(Problem(file, line, message))
    return problems


def _refusals(element, tag: str, site_url: str):
    """(message, what to look for in the source) for each thing wrong with one element."""
    attributes = {_local(key): value for key, value in element.attrib.items()}
    first_address = next((attributes[a] for a in ("src", "data", "href") if attributes.get(a)), "")
    if tag == "script":
        yield ("hier staat een script (<script>); een pagina mag geen code van buiten de site laten draaien, "
               "ook geen teller of widget. Haal het weg; wilt u iets laten zien, zet er dan een link naar neer",
               first_address or "<script")
        return
    if tag in EMBEDS:
        host = _host(first_address) or "een andere site"
        yield (f"hier staat een ingebedde pagina of speler (<{tag}>) van {host}; {WHY.format(host=host)}. "
               f"Haal hem weg: {VIDEO}; voor iets anders zet u er een gewone link naar neer",
               first_address or f"<{tag}")
        return
    if tag == "link":
        yield ("hier staat een <link> die iets van elders laadt; haal hem weg (de site heeft zijn eigen "
               "opmaak; een link voor bezoekers schrijft u als [tekst](adres))", attributes.get("href") or "<link")
        return
    if tag == "base":
        yield "hier staat <base>, dat alle links van de pagina verlegt; haal het weg", "<base"
    if tag == "meta" and attributes.get("http-equiv"):
        yield "hier staat <meta http-equiv>, dat de pagina laat doorsturen of herladen; haal het weg", "<meta"
    for attribute in attributes:
        if attribute.lower().startswith("on"):
            yield (f"het attribuut {attribute}= laat bij elke bezoeker code draaien; haal het weg (een link "
                   "schrijft u als [tekst](adres))", f"{attribute}=")
    for attribute in ADDRESSES:
        value = attributes.get(attribute)
        if not value:
            continue
        if CODE_SCHEMES.match(value):
            yield ("dit adres begint met javascript: en voert code uit; maak er een gewone link naar een "
                   "pagina van", value.strip())
            continue
        if tag in LINKS and attribute == "href":
            continue  # a visitor's own choice to go there
        for address in _addresses(attribute, value):
            if _reaches_outside(address, site_url):
                yield _outside_message(tag, address), address
    style = attributes.get("style", "") + (element.text or "" if tag == "style" else "")
    if CSS_IMPORT.search(style):
        yield ("deze opmaak haalt met @import een ander stijlblad op; haal het weg (de site heeft zijn eigen "
               "opmaak)", "@import")
    for found in CSS_URL.finditer(style):
        if _reaches_outside(found["address"], site_url):
            yield _outside_message("style", found["address"]), found["address"]


def _outside_message(tag: str, address: str) -> str:
    host = _host(address) or "een ander adres"
    if address.strip().lower().startswith("data:"):
        return (f"deze afbeelding is in de tekst geplakt (een data:-adres) in plaats van als bestand bewaard; "
                f"{PHOTO}")
    if tag in MEDIA:
        return f"deze video of dit geluid komt van {host}; {WHY.format(host=host)}. Haal het weg: {VIDEO}"
    if tag == "style":
        return (f"deze opmaak laadt iets van {host} (url()); {WHY.format(host=host)}. Haal het weg, of "
                f"{PHOTO}")
    if tag in ("img", "picture", "image", "input"):
        return f"deze afbeelding komt van {host}; {WHY.format(host=host)}. Haal haar weg, {PHOTO}"
    return (f"<{tag}> laadt iets van {host}; {WHY.format(host=host)}. Haal het weg; een link voor bezoekers "
            "schrijft u als [tekst](adres)")


def _addresses(attribute: str, value: str) -> list[str]:
    if attribute == "srcset":
        return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]
    return [value]


def _reaches_outside(address: str, site_url: str) -> bool:
    address = address.strip()
    if not address or address.startswith("#"):
        return False
    if site_url and address.startswith(site_url):
        return False
    parts = urlsplit(address)
    return bool(parts.scheme or parts.netloc or address.startswith("//"))


def _host(address: str) -> str:
    return urlsplit(address.strip()).hostname or ""


def _local(name) -> str:
    name = str(name)
    return name.rpartition("}")[2].rpartition(":")[2].lower() if "}" in name or ":" in name else name.lower()


def _locate(source: Path, name: str, needle: str, tag: str, data: Path | None) -> tuple[str, int | None]:
    """Where the editor wrote it: in the page, else in a data file a macro rendered."""
    for candidate in (needle, f"<{tag}"):
        line = line_in_page(source, candidate)
        if line:
            return name, line
    if data is not None:
        for path in sorted(data.glob("*.yml")):
            line = line_in_page(path, needle)
            if line:
                return f"data/{path.name}", line
    return name, None
