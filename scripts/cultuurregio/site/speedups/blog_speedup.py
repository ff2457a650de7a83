"""Four speed-ups for Material's blog plugin (three more on its text: blog_text.py). They change no output; a test proves it.

1. Linear-time membership.

Material 9.8's blog plugin asks `page not in self.blog.posts` for every page, twice
(on_page_markdown and on_page_content), and its nav template asks `page in nav_item.pages`
for every blog view on every page. Those are list scans, and each comparison goes through
MkDocs 1.6's `Page.__eq__`, which compares titles, and an unrendered post derives its title
from its Markdown each time. At 1000 newsletters that is about two million comparisons:
a third of the build, growing with the square of the archive.

A view's `posts` and `pages` become an `IdentityList`: a list that answers `in` from a set of
object ids. That equals the list scan here, because MkDocs makes one Page per file and
`Page.__eq__` is true only for the same file. Nothing else changes: order, indexing and
iteration are those of a plain list.

2. Each excerpt parsed once. A newsletter's excerpt is shown in every view that lists it
(the index, its year, each of its categories), and Material renders it anew for each:
a full Markdown conversion of the whole newsletter, only to replace the links, which
are relative to the view. Only the last tree processors depend on the view: MkDocs'
link rewriter (`relpath`) and the blog's anchor rewriter (`excerpt`), plus those after
them. So the tree as it is before `relpath` is kept per excerpt (pickled), and each view
runs those last processors on a fresh copy of it, then serialises as Markdown does. All
excerpts share one converter (Material makes one per excerpt, about 1.2 ms each), reset
before each parse as Python-Markdown documents; what the parse leaves in it for the later
steps (the stash of raw HTML the kept tree refers to, the table of contents) is kept with
the tree and put back for each view, and each excerpt's own two processors are registered
under their names before it is rendered.

3. Each excerpt rendered once per place. Views at the same place (site/speedups/relative_links.py:
the same depth, and the same folders shared with the addresses the excerpt links to) get
the same HTML: a year's archive page and a category page list a newsletter alike. The
first rendering gives the addresses (its links, resolved); later views at the same place
reuse its HTML, table of contents and "more" part.

4. Front matter parsed by libyaml. Material reads each post's front matter again with
PyYAML's pure-Python SafeLoader (about 1.7 ms a post); here it uses CSafeLoader, the same
loader with libyaml's parser (PyYAML's wheels include it), which gives the same data and
is about ten times as fast. Every post's front matter has already been parsed by libyaml
in the content checks (site/content/yamlfile.py), so it parses there as well.

Installed by hooks.py in `on_config`, before the blog plugin builds its lists. Written
against Material 9.8.2 and Markdown 3.11.3, which pyproject.toml pins exactly. Remove this
module when Material's blog plugin looks posts up by set or mapping, or when the site moves
to Zensical, whose blog is not this plugin. `BLOG_SPEEDUP=uit` builds without it, for the test that
compares both builds byte for byte (tests/test_blog_speedup.py) and for `make bench`.
"""

from __future__ import annotations

import pickle
import re
from copy import copy
from typing import Any, Iterable

import yaml
from markdown import Markdown
from material.plugins.blog import structure
from material.plugins.blog.plugin import BlogPlugin
from material.plugins.blog.structure import Excerpt, View
from mkdocs.structure.pages import _RelativePathTreeprocessor

from cultuurregio.site.speedups import COUNTS, enabled
from cultuurregio.site.speedups.blog_text import _format_date, excerpt_source
from cultuurregio.site.speedups.relative_links import place, prefixes, resolve


class IdentityList(list):
    """A list whose `in` looks up a set of ids, rebuilt lazily after any change."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(items)
        self._ids: set[int] | None = None

    def __contains__(self, item: object) -> bool:
        if self._ids is None:
            self._ids = {id(element) for element in self}
        return id(item) in self._ids


def _forgetting(name: str):
    """List method `name`, which also forgets the ids, as the list may have changed."""
    method = getattr(list, name)

    def forgetting(self: IdentityList, *args, **kwargs):
        self._ids = None
        return method(self, *args, **kwargs)

    forgetting.__name__ = name
    return forgetting


for _name in ("append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse",
              "__setitem__", "__delitem__", "__iadd__", "__imul__"):
    setattr(IdentityList, _name, _forgetting(_name))


def _identity_list_attribute(name: str) -> property:
    """A View attribute that keeps whatever list it is given as an IdentityList."""
    slot = f"_speedup_{name}"

    def get(self: View) -> IdentityList:
        return getattr(self, slot)

    def set_(self: View, items: Iterable[Any]) -> None:
        setattr(self, slot, items if isinstance(items, IdentityList) else IdentityList(items))

    return property(get, set_)


# The first tree processor whose result depends on the view the excerpt is shown in.
VIEW_DEPENDENT = "relpath"


def convert_reusing_tree(md: Markdown, source: str, keeper: object = None) -> str:
    """`md.convert(source)`, parsing `source` only the first time `keeper` (the excerpt; by
    default `md`) gives it. What the parse left in `md` for the later steps (the stash of raw
    HTML, the table of contents) is kept with the tree, as `md` may convert others between."""
    if not source.strip():
        return ""
    keeper = md if keeper is None else keeper
    processors = list(md.treeprocessors)
    first = md.treeprocessors.get_index_for_name(VIEW_DEPENDENT)
    cached: tuple[str, bytes] | None = getattr(keeper, "_speedup_tree", None)
    if cached is None or cached[0] != source:
        # As Markdown.convert on a fresh converter, up to the view-dependent processors.
        md.reset()
        md.lines = source.split("\n")
        for preprocessor in md.preprocessors:
            md.lines = preprocessor.run(md.lines)
        root = md.parser.parseDocument(md.lines).getroot()
        for processor in processors[:first]:
            root = processor.run(root) or root
        # Pickled: far smaller than the live tree (peak memory at 1000 newsletters stays
        # within 10 MB of a build without this), and as quick to copy as a deep copy.
        state = (md.htmlStash, getattr(md, "toc_tokens", None), getattr(md, "toc", None))
        keeper._speedup_tree = cached = (source, pickle.dumps((root, state), pickle.HIGHEST_PROTOCOL))
        COUNTS["tree parsed"] += 1
    else:
        COUNTS["tree reused"] += 1
    root, (md.htmlStash, toc_tokens, toc) = pickle.loads(cached[1])
    if toc_tokens is not None:
        md.toc_tokens, md.toc = toc_tokens, toc
    for processor in processors[first:]:
        root = processor.run(root) or root
    # As Markdown.convert from here on.
    output = md.serializer(root)
    if md.stripTopLevelTags:
        start = output.index(f"<{md.doc_tag}>") + len(md.doc_tag) + 2
        output = output[start:output.rindex(f"</{md.doc_tag}>")].strip()
    for postprocessor in md.postprocessors:
        output = postprocessor.run(output)
    return output.strip()


class _ExcerptMarkdown:
    """Stands in for the excerpts' Markdown instance during one excerpt's render; `convert`
    converts what `excerpt_source` leaves, and reuses the excerpt's tree."""

    def __init__(self, md: Markdown, separator: str, excerpt: Excerpt) -> None:
        self._md, self._separator, self._excerpt = md, separator, excerpt

    def convert(self, source: str) -> str:
        return convert_reusing_tree(self._md, excerpt_source(source, self._separator), self._excerpt)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._md, name)


_material_render = Excerpt.render
# The excerpts' configuration and converter, for the build whose configuration they are made with.
_excerpts: tuple[object, object, Markdown] | None = None


def _excerpt_init(self: Excerpt, post, config, files) -> None:
    """Material's Excerpt.__init__ (9.8.2), with one converter for all excerpts of a build
    (made as Material makes each excerpt's) and this excerpt's processors kept aside."""
    global _excerpts
    self.file = copy(post.file)
    self.post = post
    self._set_canonical_url(config.site_url)
    self.config = post.config
    self.meta = post.meta
    self.authors, self.categories = [], []
    self.more = None
    if _excerpts is None or _excerpts[0] is not config:
        patched = structure._patch(config)
        _excerpts = (config, patched, Markdown(extensions=patched.markdown_extensions,
                                               extension_configs=patched.mdx_configs))
        COUNTS["excerpt converter made"] += 1
    else:
        COUNTS["excerpt converter reused"] += 1
    _, patched, self.md = _excerpts
    self._speedup_processors = (structure.ExcerptTreeprocessor(post),
                                _RelativePathTreeprocessor(self.file, files, patched))


LINK = re.compile(r'\b(?:href|src)="([^"]*)"')


def _render_excerpt(self: Excerpt, page, separator: str) -> None:
    known = getattr(self, "_speedup_known", None)
    if known is not None and (rendered := self._speedup_rendered.get(place(page.url, known))):
        # As Material's render leaves the excerpt (it resets the URL to the post's).
        self.content, self.more, self.toc = rendered
        self.file.url = self.post.url
        COUNTS["excerpt reused"] += 1
        return
    md = self.md
    # This excerpt's processors, in the place Material's own converter gives them.
    md.treeprocessors.register(self._speedup_processors[0], "excerpt", 0)
    md.treeprocessors.register(self._speedup_processors[1], VIEW_DEPENDENT, 1)
    self.md = _ExcerptMarkdown(md, separator, self)
    try:
        _material_render(self, page, separator)
    finally:
        self.md = md
    if known is None:
        html = self.content + (self.more or "")
        addresses = {resolve(page.url, link) for link in LINK.findall(html)} - {None}
        self._speedup_known = known = prefixes(addresses | {self.post.url})
        self._speedup_rendered = {}
    self._speedup_rendered[place(page.url, known)] = (self.content, self.more, self.toc)
    COUNTS["excerpt rendered"] += 1


def install() -> None:
    """Patch the blog's classes once, unless BLOG_SPEEDUP says not to."""
    if not enabled():
        return
    if not isinstance(View.__dict__.get("posts"), property):
        View.posts = _identity_list_attribute("posts")
        View.pages = _identity_list_attribute("pages")
        Excerpt.render = _render_excerpt
        Excerpt.__init__ = _excerpt_init
        BlogPlugin._format_date = _format_date
        structure.SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
