"""site/speedups/blog_speedup.py makes the blog faster and changes nothing a visitor gets."""

from __future__ import annotations

import pytest
from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from cultuurregio.project import project_with_newsletters
from cultuurregio.site.speedups.blog_speedup import VIEW_DEPENDENT, IdentityList, convert_reusing_tree
from tests.helpers import build, differing, site_files

GENERATED = 30


@pytest.mark.slow
def test_the_site_is_byte_identical_with_and_without_the_speedup(tmp_path, config):
    """With enough newsletters that the index, a category and a year have several pages."""
    categories = tuple(config.plugins["material/blog"].config.categories_allowed)
    project = project_with_newsletters(tmp_path / "project", GENERATED, categories)
    with_speedup, without = tmp_path / "met", tmp_path / "zonder"
    # A copy has no git history to take the build time from (publiceren/build.py).
    for site, switch in ((with_speedup, "aan"), (without, "uit")):
        result = build(project, site, env={"BLOG_SPEEDUP": switch, "SOURCE_DATE_EPOCH": "1700000000"})
        assert result.returncode == 0, result.stderr
    first, second = site_files(with_speedup), site_files(without)
    assert differing(first, second) == []
    # The comparison covers what the speed-up touches: every kind of view, paginated.
    assert "nieuwsbrief/pagina/3/index.html" in first
    assert any(n.startswith("nieuwsbrief/archief/2019/pagina/2/") for n in first)
    assert len({n.split("/")[2] for n in first if n.startswith("nieuwsbrief/categorie/")}) == len(categories)


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


def test_one_converter_for_many_excerpts_gives_each_its_own_conversion():
    """All excerpts share a converter: another excerpt's parse in between (its raw HTML, its
    headings) must not leak into the views of the first."""
    md = _markdown("")
    other = "# Ander\n\n<div markdown=\"1\">*andere* ruwe HTML</div>\n\n## Kop\n"
    first, second = object.__new__(type("Excerpt", (), {})), object.__new__(type("Excerpt", (), {}))
    for base, keeper, source in (("../", first, SOURCE), ("../", second, other), ("../../", first, SOURCE),
                                 ("../../", second, other)):
        md.treeprocessors[VIEW_DEPENDENT].base = base
        fresh = _markdown(base)
        assert convert_reusing_tree(md, source, keeper) == fresh.convert(source)
        assert md.toc_tokens == fresh.toc_tokens


def test_the_partials_rendered_once_per_build_use_no_page_and_no_address():
    """partial_cache.py renders these once for every page: they may read the configuration and
    the language, never the page, an address or the navigation."""
    import re

    from cultuurregio.project import ROOT
    from cultuurregio.site.speedups.partial_cache import CONSTANT

    for name in CONSTANT:
        code = " ".join(re.findall(r"\{[{%].*?[%}]\}", (ROOT / "overrides" / name).read_text(encoding="utf-8"), re.S))
        assert "config" in code and not re.search(r"\b(page|url|base_url|nav|toc)\b", code), name
        assert all(part.startswith(".icons/") for part in re.findall(r'\{%-?\s*include\s+"([^"]+)"', code)), name


EXCERPTS = {
    "plain": "Intro met een [link](https://example.org/).\n\n<!-- more -->\n\n## Verder\n\nTekst.\n",
    "nothing after": "Intro.\n\n<!-- more -->\n",
    "an abbreviation defined after": "Intro over HTML.\n\n<!-- more -->\n\n*[HTML]: HyperText Markup Language\n",
    "a reference defined after": "Zie [de site][s].\n\n<!-- more -->\n\nMeer.\n\n[s]: https://example.org/\n",
    "in code": "```\nIntro\n\n<!-- more -->\n\nnog code\n```\n\nNa.\n",
    "in a block": "/// caption\nIntro\n\n<!-- more -->\n\nOnderschrift\n///\n",
    "in HTML": '<div markdown="1">\nIntro\n\n<!-- more -->\n\nMeer\n</div>\n',
    "in a list": "- een\n- twee\n\n    <!-- more -->\n\n- drie\n",
}


def test_an_excerpt_cut_at_the_separator_is_what_the_whole_text_gives(config):
    """blog_speedup converts only the part before the separator where the rest cannot change
    it: the excerpt, and whether there is more, are what converting everything gives."""
    from cultuurregio.site.speedups.blog_text import excerpt_source

    separator = config.plugins["material/blog"].config.post_excerpt_separator
    cut = 0
    for name, source in EXCERPTS.items():
        texts = (source, excerpt_source(source, separator))
        cut += texts[0] != texts[1]
        outputs = [Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
                   .convert(f"# Titel\n\n{text}").split(separator, 1) for text in texts]
        (whole, *more), (part, *part_more) = outputs
        assert part == whole and bool(more and more[0]) == bool(part_more and part_more[0]), name
    assert cut == 1  # "plain" ("nothing after" is its own cut); the others are converted whole


def test_the_reading_time_from_the_tree_is_materials():
    """Material counts words and images with HTMLParser; blog_speedup counts them in the tree
    the build parsed already: the same minutes, whatever the page holds."""
    from material.plugins.blog.readtime import readtime

    from cultuurregio.site.common.fragments import parse_content
    from cultuurregio.site.speedups.blog_text import minutes

    words = " ".join(["cultuur", "Twente's", "e-mail", "ideeën", "&amp;", "2026"] * 90)
    samples = [f"<p>{words}</p>" * count for count in (1, 2, 5)] + [
        "<h2 id='x'>Kop <a class='headerlink' href='#x'>&para;</a></h2>\n<p>Tekst</p><!-- more --><p>meer</p>",
        f"<p>{words}</p><svg><text>{words}</text></svg><script>var a = 1;</script><style>p {{}}</style>",
        "".join(f'<figure><img src="f{n}.jpg" alt="Beeld {n}"><figcaption>Foto: iemand</figcaption></figure>'
                for n in range(14)) + f"<p>{words}</p>",
        "Tekst voor<p>en <em>na</em> een<br>regel</p> en staart",
    ]
    for html in samples:
        assert minutes(parse_content(html), 265) == readtime(html, 265), html[:60]
    assert len({minutes(parse_content(html), 265) for html in samples}) >= 4  # short, long, and with images
