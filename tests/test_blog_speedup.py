"""scripts/blog_speedup.py makes the blog faster and changes nothing a visitor gets."""

from __future__ import annotations

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from scripts.blog_speedup import VIEW_DEPENDENT, IdentityList, convert_reusing_tree
from tests.conftest import ROOT, build, site_files


def test_the_site_is_byte_identical_with_and_without_the_speedup(tmp_path):
    with_speedup, without = tmp_path / "met", tmp_path / "zonder"
    for site, switch in ((with_speedup, "aan"), (without, "uit")):
        result = build(ROOT, site, env={"BLOG_SPEEDUP": switch})
        assert result.returncode == 0, result.stderr
    first, second = site_files(with_speedup), site_files(without)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    # The comparison covers what the speed-up touches: views listing excerpts of posts.
    assert "nieuwsbrief/index.html" in first and any(n.startswith("nieuwsbrief/categorie/") for n in first)


def test_identity_list_answers_in_after_every_change():
    a, b, c = object(), object(), object()
    items = IdentityList([a])
    assert a in items and b not in items
    items.append(b)
    assert b in items
    items.remove(a)
    assert a not in items
    items[0] = c
    assert c in items and b not in items
    items += [a]
    assert a in items and isinstance(items, IdentityList)
    items.clear()
    assert a not in items and c not in items


class _Base(Treeprocessor):
    """Stands in for a view-dependent processor: links relative to `base`."""

    base = ""

    def run(self, root):
        for link in root.iter("a"):
            link.set("href", self.base + link.get("href"))


def _markdown(base: str) -> Markdown:
    md = Markdown(extensions=["toc", "abbr", "md_in_html"])
    processor = _Base(md)
    processor.base = base
    md.treeprocessors.register(processor, VIEW_DEPENDENT, 1)
    return md


SOURCE = """# Titel

Een [link](doel/) en *[HTML]: HyperText Markup Language HTML.

<div markdown="1">**ruwe** HTML</div>

## Verder
"""


def test_converting_again_for_another_view_parses_once_and_equals_a_fresh_conversion():
    md = _markdown("")
    parsed = []
    parse = md.parser.parseDocument
    md.parser.parseDocument = lambda lines: parsed.append(1) or parse(lines)
    outputs = []
    for base in ("../", "../../", "../"):
        md.treeprocessors[VIEW_DEPENDENT].base = base
        outputs.append(convert_reusing_tree(md, SOURCE))
        assert outputs[-1] == _markdown(base).convert(SOURCE)
    assert len(parsed) == 1
    assert outputs[0] != outputs[1]
