"""The speed-ups: library internals patched or wrapped so the archive builds fast. Each one
changes no output (tests/test_blog_speedup.py builds with and without, byte for byte), and
each goes when its reason goes. Only hooks.py (which installs them) and meten/ (which
measures them) import this room; tests/test_structure.py enforces it.

blog_speedup.py    Material's blog: views look posts up by identity (IdentityList); each
                   excerpt's Markdown parsed once and rendered once per place; front matter
                   through libyaml.
blog_text.py       What the blog reads of a newsletter's text: only the excerpt converted
                   where the rest cannot change it; the reading time from the page's tree;
                   each date formatted once. Goes when Material's blog does these itself, or with
                   the move to Zensical.
partial_cache.py   Material's navigation (partials/nav.html, partials/tabs.html) rendered
                   once per key, not once per page. Goes when Material caches them, or with
                   the move to Zensical (no Jinja partials).
markdown_reuse.py  One Python-Markdown converter for all pages of a build, reset between them,
                   not a new one per page. Goes when MkDocs reuses its converter, or with
                   the move to Zensical.
translations.py    Material's words (lang.t) from a table kept per build, through this site's
                   partials/language.html. Goes when Material stops rebuilding its word list
                   on every call, or with the move to Zensical.
relative_links.py  What a page's relative links depend on: the key of both caches above.

PATCHES records, for every library object a speed-up replaces or relies on, the sha256 of
its source (or template) as it was written against. tests/test_speedups.py fails, naming
the patch, the object and when the patch can go, as soon as an upgrade changes one; then
read the new source, adapt the patch (or remove it) and record the new hash. COUNTS shows,
in a real build, that each patch takes effect.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import inspect
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# What the speed-ups did in this process's builds: work done and work saved.
COUNTS: Counter[str] = Counter()
# BLOG_SPEEDUP=uit builds without any of them, for the byte-for-byte comparison and make bench.
SWITCH = "BLOG_SPEEDUP"


def enabled() -> bool:
    """Whether the speed-ups are on."""
    return os.environ.get(SWITCH, "").lower() not in {"uit", "off", "0", "nee"}


@dataclass(frozen=True)
class Patch:
    name: str  # the speed-up, as its module names it
    target: str  # "module:Qualified.name", or "template:partials/nav.html" (Material's)
    sha256: str  # of the target's source as the patch was written against
    remove_when: str


BLOG = "Material's blog plugin looks posts up by set or mapping itself, or the site moves to Zensical"
NAVIGATION = "Material caches its navigation partials itself, or the site moves to Zensical"
PATCHES = [
    Patch("blog_speedup: IdentityList for View.posts and View.pages", "material.plugins.blog.structure:View",
          "3e7073dffc6b05a8b5e2fd1617155591192d53695c96285a25be0563daf493eb", BLOG),
    Patch("blog_speedup: each excerpt rendered once per place", "material.plugins.blog.structure:Excerpt.render",
          "2d76ec1a944bf595d3fc193eb267032417a56dffde7a21b223c01317da8d6aeb", BLOG),
    Patch("blog_speedup: one converter for all excerpts", "material.plugins.blog.structure:Excerpt.__init__",
          "f3da64c58d9d871f20b713bbc9537c191fed7ebcfa46770b73af984154cbb1d3", BLOG),
    Patch("blog_speedup: each excerpt's Markdown parsed once (convert_reusing_tree)", "markdown.core:Markdown.convert",
          "57d491faf3a75d6095972f8c0e704ad7864d3ae8253640bd39ac6e442d334ed3", BLOG),
    Patch("blog_speedup: front matter through libyaml (structure.SafeLoader)",
          "material.plugins.blog.structure:Post.__init__",
          "e5861f294489882bb547f2dd756766fcbf2ac7ca8e167abb9383f8ec6c027e58", BLOG),
    Patch("blog_text: each date formatted once", "material.plugins.blog.plugin:BlogPlugin._format_date",
          "489ccf23b21b149389473c589744d5ed330b160d7eca5eb29fdb436428cd41cf", BLOG),
    Patch("translations: Material's words from a table (overrides/partials/language.html)",
          "template:partials/language.html",
          "3a44516f305006ac794f51a45ad7b532cf270916d8e92e8c42784e58b2eff0a3",
          "Material looks its words up without rebuilding their dictionary, or the site moves to Zensical"),
    Patch("markdown_reuse: one converter per build, reset between pages", "mkdocs.structure.pages:Page.render",
          "463291cbd17a84bfbf6493bc925c2c97c2e940c93c8d768e0d0e4738a81d8916", "MkDocs makes one Markdown converter per build itself, or the site moves to Zensical"),
    Patch("partial_cache: the navigation rendered once per key", "template:partials/nav.html",
          "af33f6e032f632eb055c365eb5f1a975bf8456152fa768e69a1aad6d470b843f", NAVIGATION),
    Patch("partial_cache: the tabs rendered once per key", "template:partials/tabs.html",
          "d2c82916569e645a6b6dc5a36a2beddfaca5a66c8738c5b3e13b7d100ac2e8b7", NAVIGATION),
    Patch("partial_cache: wraps Template.root_render_func, which {% include %} calls",
          "jinja2.compiler:CodeGenerator.visit_Include",
          "b38e22af6035f27b592195937ea7589baa8ef85a327f66039fe92e1bb9d16212", NAVIGATION),
]


def current_sha256(target: str) -> str:
    """The sha256 of the installed target's source (or of Material's template)."""
    kind, _, name = target.partition(":")
    if kind == "template":
        material = importlib.import_module("material")
        return hashlib.sha256((Path(material.__file__).parent / "templates" / name).read_bytes()).hexdigest()
    # Read from the library's file, not from the live object, which may be the patch itself.
    source = inspect.getsource(importlib.import_module(kind))
    nodes = ast.parse(source).body
    for part in name.split("."):
        node = next(n for n in nodes if isinstance(n, (ast.ClassDef, ast.FunctionDef)) and n.name == part)
        nodes = node.body
    return hashlib.sha256(ast.get_source_segment(source, node).encode("utf-8")).hexdigest()
