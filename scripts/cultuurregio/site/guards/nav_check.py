"""The menu (`nav:` in mkdocs.yml) as editors change it, checked with the line of each entry.

MkDocs names a menu entry to a missing page in English and without a line, says nothing
of a page listed twice, and stops on broken indentation with a YAML parser's message.
Here mkdocs.yml is read as a YAML node tree (without building anything), so every
problem has its line: the build's `on_config` (site/guards/validation.py) and, for a file MkDocs
cannot even read, `make check` and `make build` before MkDocs starts (site/verdict.py).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml

from cultuurregio.site.common.problems import Problem
from cultuurregio.site.content.yaml_messages import yaml_problem
from cultuurregio.site.content.yamlfile import read_text

NAME = "mkdocs.yml"
INDENT = ("controleer de inspringing: elk menu-item begint met '- ' en staat precies onder de andere "
          "items van hetzelfde niveau (spaties, geen tabs)")


def config_problems(config_file: Path) -> list[Problem]:
    """What keeps mkdocs.yml from being read at all, with its line."""
    text, problems = read_text(config_file, NAME)
    if text is None:
        return problems
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return [yaml_problem(error, text, NAME, INDENT)]
    return []


def unreadable(config_file: Path) -> list[Problem]:
    """What keeps MkDocs from loading mkdocs.yml: broken YAML, or a menu of the wrong shape."""
    return config_problems(config_file) or nav_problems(config_file, None)


def nav_problems(config_file: Path, docs: Path | None) -> list[Problem]:
    """Each menu entry that names a missing page, a page listed twice, or is not shaped as a
    menu item, with its line in mkdocs.yml (without `docs`, only the shape)."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError):
        return config_problems(config_file)
    nav = next((value for key, value in getattr(root, "value", []) if key.value == "nav"), None)
    if nav is None:
        return []
    problems: list[Problem] = []
    seen: dict[str, int] = {}

    def page(node: yaml.ScalarNode) -> None:
        if docs is None:
            return
        line = node.start_mark.line + 1
        target = node.value.strip()
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or target.startswith("/"):
            return  # a link to another site (or an absolute path): not a page of docs/
        if not (docs / target).is_file():
            problems.append(Problem(NAME, line, f"het menu verwijst naar '{target}', maar die pagina bestaat niet "
                                                "in docs/; controleer de naam en de map, of haal de regel weg"))
        elif target in seen:
            problems.append(Problem(NAME, line, f"'{target}' staat twee keer in het menu (ook op regel "
                                                f"{seen[target]}); een pagina hoort op één plek, haal een van "
                                                "beide weg"))
        else:
            seen[target] = line

    def items(node: yaml.Node) -> None:
        if not isinstance(node, yaml.SequenceNode):
            problems.append(Problem(NAME, node.start_mark.line + 1, f"hier verwacht het menu een lijst; {INDENT}"))
            return
        for item in node.value:
            if isinstance(item, yaml.ScalarNode):
                page(item)
            elif isinstance(item, yaml.MappingNode) and len(item.value) == 1:
                _, value = item.value[0]
                if isinstance(value, yaml.ScalarNode):
                    page(value)
                else:
                    items(value)
            else:
                problems.append(Problem(NAME, item.start_mark.line + 1, f"dit menu-item is geen titel met één "
                                                                        f"pagina of één lijst; {INDENT}"))

    items(nav)
    return problems
