"""Render the content templates in overrides/content/ into page Markdown.

Every value is HTML-escaped (autoescape), so a `<script>` typed into a data file shows as
text. Text that stands inside a `markdown="span"` element (links and headings that MkDocs
must resolve and list in the table of contents) goes through the `md` filter as well, so
Markdown punctuation in data stays punctuation.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from cultuurregio.site.common.dates import date_label

# Python-Markdown's own backslash escapes; '<', '>' and '&' are handled by HTML escaping.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def markdown_text(value: object) -> Markup:
    # Backslashes first, then HTML escaping: the other order would break `&#39;`.
    return escape(_MARKDOWN_PUNCTUATION.sub(r"\\\1", str(value)))


def environment(templates_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_text
    env.filters["datum"] = date_label
    return env


@cache
def theme_templates(project: Path, folder: str) -> Environment:
    """The templates of overrides/<folder>, once per build process (Jinja reloads a changed file)."""
    return environment(project / "overrides" / folder)


def without_theme_files(files, custom_dir: str):
    """The site's files without those of overrides/: it holds templates only (the site's own
    static files are in docs/assets/), but MkDocs copies every file of a theme folder that is
    not HTML into the site, as it would have done with overrides/email/testmelding.txt."""
    for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(custom_dir)]:
        files.remove(file)
    return files
