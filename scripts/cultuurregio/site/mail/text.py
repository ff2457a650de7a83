"""The plain-text part of the e-mail edition, from the same content as its HTML part: for
mail programs that show no HTML, and for readers who prefer text. Headings stand on their
own line, list items begin with "- ", a link is its text with the address written out
after it, a photo is its description and its caption. Made from the same tree as the HTML
part (site/mail/edition.py), not from a second parse of it."""

from __future__ import annotations

import re
import textwrap

from cultuurregio.site.content.mail_settings import MailSettings

BLOCKS = {"p", "h2", "h3", "h4", "li", "figcaption", "blockquote", "tr", "div", "figure", "pre"}
WIDTH = 72


def plain_text(title: str, root, online: str, settings: MailSettings, links: dict[str, str]) -> str:
    parts = [title, "=" * min(len(title), WIDTH), "", f"Lees deze nieuwsbrief online: {online}", ""]
    parts += _blocks(root)
    unsubscribe = (f"Geen nieuwsbrief meer ontvangen? Meld u af: {_plain(settings.afmelden)}" if settings.afmelden
                   else f"Geen nieuwsbrief meer ontvangen? Laat het ons weten: {links['contact']}")
    parts += ["", "-- ", f"Deze nieuwsbrief komt van {settings.naam}.",
              "U krijgt hem omdat u zich heeft aangemeld voor de nieuwsbrief, of omdat u betrokken bent bij "
              "het cultuurprofiel.", unsubscribe, f"Alle nieuwsbrieven: {links['archief']}"]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(_wrap(line) for line in parts)).rstrip() + "\n"


def _blocks(root) -> list[str]:
    lines: list[str] = []
    for element in root.iterdescendants():
        if not isinstance(element.tag, str) or element.tag not in BLOCKS:
            continue
        if element.tag != "li" and any(a.tag in BLOCKS for a in element.iterancestors() if a is not root):
            continue  # said by the block around it
        text = _inline(element).strip()
        if not text:
            continue
        if element.tag in ("h2", "h3", "h4"):
            lines += ["", text.upper() if element.tag == "h2" else text, ""]
        elif element.tag == "li":
            lines.append(f"- {text}")
        else:
            lines += [text, ""]
    return lines


def _inline(element) -> str:
    """An element's text with links written out and images by their description."""
    out = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            out.append(child.tail or "")
            continue
        if child.tag in ("ul", "ol"):
            out.append(child.tail or "")
            continue  # its items are blocks of their own
        if child.tag == "img":
            alt = (child.get("alt") or "").strip()
            out.append(f"[Beeld: {alt}]" if alt else "")
        elif child.tag == "a":
            label = _inline(child).strip()
            href = child.get("href", "")
            out.append(label if not href or href == label else f"{label} ({href})")
        elif child.tag == "br":
            out.append("\n")
        else:
            out.append(_inline(child))
        out.append(child.tail or "")
    return " ".join("".join(out).split()) if "\n" not in "".join(out) else "".join(out)


def _plain(route: str) -> str:
    return route.removeprefix("mailto:")


# What the quick way below does not do as textwrap does: other whitespace, runs of spaces.
IRREGULAR = re.compile(r"[\t\n\x0b\x0c\r]|  ")


def _wrap(line: str) -> str:
    """textwrap.fill(line, WIDTH, break_long_words=False, break_on_hyphens=False), a list item's
    lines indented: for a line of single spaces (nearly every line) by cutting at the last
    space that fits, five times as fast; tests/test_mail_edition.py compares the two."""
    if len(line) <= WIDTH or line.startswith(("http", "-- ")):
        return line
    indent = "  " if line.startswith("- ") else ""
    if IRREGULAR.search(line) or line != line.strip(" "):
        return textwrap.fill(line, WIDTH, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
    lines, rest, room = [], line, WIDTH
    while len(rest) > room:
        cut = rest.rfind(" ", 0, room + 1)
        if cut <= 0:  # a word longer than the line stands on a line of its own
            cut = rest.find(" ", room)
            if cut == -1:
                break
        lines.append(rest[:cut])
        rest, room = rest[cut + 1:], WIDTH - len(indent)
    lines.append(rest)
    return ("\n" + indent).join(lines)
