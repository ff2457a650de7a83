"""Read a YAML file and remember where every value stands, so errors can name the line.

Dates and times are kept as the strings the editor typed: the schemas check their form,
and YAML 1.1 would otherwise turn `14:00` into the number 840 and `2018-09-12` into a date
object that no JSON Schema can describe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cultuurregio.site.common.problems import Problem
from cultuurregio.site.content.symlinks import symlink_problem
from cultuurregio.site.content.yaml_messages import yaml_problem

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_INT = "tag:yaml.org,2002:int"
# YAML 1.1 integers without the base-60 form (`14:00` -> 840).
_INT_PATTERN = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0[0-7_]+
    |[-+]?(?:0|[1-9][0-9_]*)
    |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)


# libyaml's parser where PyYAML has it (its wheels do): the same nodes and marks, several
# times faster, which counts with a thousand newsletters.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_TIMESTAMP, _INT)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(_INT, _INT_PATTERN, list("-+0123456789"))

Path_ = tuple[str | int, ...]
# Control characters other than tab, line feed and carriage return (C0, DEL and C1).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class YamlFile:
    """A parsed YAML file: its data and the node tree that knows the lines."""

    name: str
    data: Any
    root: yaml.Node | None
    # For front matter: the page's text below it, and the line that text starts on.
    body: str = ""
    body_line: int = 1

    def line(self, path: Path_) -> int | None:
        """Line (1-based) of the deepest node along `path` that exists."""
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for key in path:
            node = _child(node, key)
            if node is None:
                break
            line = node.start_mark.line + 1
        return line


def _child(node: yaml.Node, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def _duplicate_keys(node: yaml.Node, name: str) -> list[Problem]:
    """PyYAML silently keeps the last of two equal keys; an editor needs to hear of it."""
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.value in seen:
                problems.append(
                    Problem(
                        name,
                        key_node.start_mark.line + 1,
                        f"veld '{key_node.value}' staat hier twee keer; houd er één over",
                    )
                )
            seen.add(key_node.value)
            problems += _duplicate_keys(value_node, name)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicate_keys(item, name)
    return problems


def read_text(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """The text of an editor's file, which must be UTF-8 (a byte order mark is fine), without
    invisible control characters, and a file of the repository itself, not a link to one."""
    if path.is_symlink():
        # site/content/symlinks.py names every link before anything is read; this keeps a reader
        # that is called on its own from following one.
        return None, [symlink_problem(path, name)]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, None, "dit bestand ontbreekt; zet het terug (zie git)")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # Word and Notepad save as Windows-1252 unless told otherwise; "–" and "’" then break.
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, "dit bestand is niet als UTF-8 opgeslagen (het eerste vreemde "
                              "teken staat op deze regel); open het en kies 'Opslaan als' met codering "
                              "UTF-8 (Kladblok: Codering UTF-8; VS Code: rechtsonder de codering, 'Save "
                              "with Encoding', UTF-8)")]
    control = CONTROL.search(text)
    if control:
        # Pasted from Word (a manual line break is U+000B) or a PDF; XML (the feeds) and HTML
        # forbid them, YAML refuses them, and in a mail header they are an error.
        line = text[: control.start()].count("\n") + 1
        return None, [Problem(name, line, f"op deze regel staat een onzichtbaar stuurteken (U+{ord(control[0]):04X}), "
                              "meestal meegekomen bij het plakken uit Word of een pdf; typ de tekst rond die "
                              "plek opnieuw of haal het teken weg (in VS Code zichtbaar als een rood blokje)")]
    return text, []


def read_yaml(path: Path, name: str) -> tuple[YamlFile | None, list[Problem]]:
    """Parse `path`; `name` is how messages call the file (e.g. data/themas.yml)."""
    text, problems = read_text(path, name)
    if text is None:
        return None, problems
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> tuple[YamlFile | None, list[Problem]]:
    """`read_yaml` for text that did not come from a file of the checkout (the ledger's branch)."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [Problem(name, None, "dit bestand is leeg")]
        problems = _duplicate_keys(root, name)
        data = loader.construct_document(root)
    except yaml.YAMLError as error:
        return None, [yaml_problem(error, text, name)]
    finally:
        loader.dispose()
    return YamlFile(name, data, root), problems


def read_front_matter(path: Path, name: str) -> tuple[YamlFile | None, list[Problem]]:
    """The YAML block between the `---` lines at the top of a Markdown page; its `body`
    is the rest of the page.

    Lines in messages count from the top of the page, as an editor sees them.
    """
    text, problems = read_text(path, name)
    if text is None:
        return None, problems
    return parse_front_matter(text, name)


def parse_front_matter(text: str, name: str) -> tuple[YamlFile | None, list[Problem]]:
    """`read_front_matter` for a page's text that is already read."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, [Problem(name, 1, "de pagina begint niet met een kopje tussen twee regels "
                              "'---' (front matter); kopieer het kopje van een bestaande nieuwsbrief")]
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
    if end is None:
        return None, [Problem(name, 1, "het kopje (front matter) wordt niet afgesloten met een "
                              "regel '---'")]
    # Blank lines in front of the YAML keep the parser's line numbers equal to the page's.
    document, problems = parse_yaml("\n" + "".join(lines[1:end]), name)
    if document is not None:
        document.body = "".join(lines[end + 1:])
        document.body_line = end + 2
    return document, problems
