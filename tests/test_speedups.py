"""Every library patch of the speed-ups is guarded (site/speedups/__init__.py, PATCHES): the
library object is still what the patch was written against, and in a real build the patch
is installed and takes effect. An upgrade that changes either fails exactly that patch's
test, with a message naming the patch, the object and when the patch can go."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml
from material.plugins.blog import structure
from mkdocs.commands.build import build
from mkdocs.config import load_config

from cultuurregio.site.speedups import COUNTS, PATCHES, current_sha256
from cultuurregio.site.speedups.blog_speedup import IdentityList


@pytest.fixture(scope="module")
def built(clean_project, tmp_path_factory, monkeypatch_module):
    """One real build, in this process as hooks.py installs the speed-ups, with their counts."""
    monkeypatch_module.delenv("BLOG_SPEEDUP", raising=False)
    COUNTS.clear()
    config = load_config(str(clean_project / "mkdocs.yml"), strict=True,
                         site_dir=str(tmp_path_factory.mktemp("speedups") / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config, Counter(COUNTS)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patcher:
        yield patcher


def posts(config):
    return config.plugins["material/blog"].blog.posts


def identity_lists(config, counts):
    views = config.plugins["material/blog"].blog.views
    return all(isinstance(view.posts, IdentityList) for view in views) and isinstance(posts(config), IdentityList)


def excerpts_once_per_place(config, counts):
    places = sum(len(getattr(post.excerpt, "_speedup_rendered", {})) for post in posts(config))
    return (counts["excerpt rendered"] == places > 0 and counts["excerpt reused"] > 0
            and counts["excerpt cut at the separator"] > 0 and counts["reading time from the tree"] > 0)


def trees_parsed_once(config, counts):
    return 0 < counts["tree parsed"] <= len(posts(config)) and counts["tree reused"] > 0


def front_matter_by_libyaml(config, counts):
    return structure.SafeLoader is yaml.CSafeLoader


def one_converter_per_build(config, counts):
    return counts["markdown converter made"] == 1 and counts["markdown converter reused"] > 0


def partial_reused(name):
    return lambda config, counts: counts[f"{name} rendered"] > 0 and counts[f"{name} reused"] > 0


# What each patched object's patch does, as a build shows it.
EFFECTS = {
    "material.plugins.blog.structure:View": identity_lists,
    "material.plugins.blog.structure:Excerpt.render": excerpts_once_per_place,
    "markdown.core:Markdown.convert": trees_parsed_once,
    "material.plugins.blog.structure:Post.__init__": front_matter_by_libyaml,
    "mkdocs.structure.pages:Page.render": one_converter_per_build,
    "material.plugins.blog.structure:Excerpt.__init__":
        lambda config, counts: counts["excerpt converter made"] == 1 and counts["excerpt converter reused"] > 0,
    "material.plugins.blog.plugin:BlogPlugin._format_date": lambda config, counts: counts["date reused"] > 0,
    "template:partials/language.html": lambda config, counts: counts["word reused"] > counts["word looked up"] > 0,
    # This site has too few newsletters for paged overviews, the pages whose items are reused.
    "template:partials/nav.html": lambda config, counts: (partial_reused("partials/nav.html")(config, counts)
                                                          and counts["navigation item rendered"] > 0),
    "template:partials/tabs.html": partial_reused("partials/tabs.html"),
    # The partials are reached by {% include %} (never by Template.render(), so that one needs no
    # guard), and through the cache: the search form and the palette toggles, rendered once.
    "jinja2.compiler:CodeGenerator.visit_Include": lambda config, counts: (
        counts["partials/search.html rendered"] == 1 and counts["partials/search.html reused"] > 0
        and counts["partials/palette.html rendered"] == 1 and counts["partials/palette.html reused"] > 0),
}


@pytest.mark.parametrize("patch", PATCHES, ids=[p.target for p in PATCHES])
def test_each_patch_matches_the_library_and_takes_effect(patch, built):
    config, counts = built
    current = current_sha256(patch.target)
    assert current == patch.sha256, (
        f"{patch.name}: {patch.target} is no longer what the patch was written against (recorded sha256 "
        f"{patch.sha256[:16]}…, installed {current[:16]}…). Read the new source, adapt the patch or remove it, "
        f"and record the new hash in site/speedups/__init__.py. The patch can go when {patch.remove_when}.")
    assert EFFECTS[patch.target](config, counts), (
        f"{patch.name}: installed, but it did not take effect in a real build (counts: {dict(counts)}); "
        f"{patch.target} may have changed how it is called. The patch can go when {patch.remove_when}.")


def test_every_patched_object_has_a_guard():
    assert set(EFFECTS) == {patch.target for patch in PATCHES}


def test_the_category_feeds_sit_on_the_blog_plugins_own_category_pages(built):
    """site/outputs/category_feeds.py rebuilds Material's category URL rule; the plugin's own views say."""
    from cultuurregio.site.outputs.category_feeds import category_feeds

    config, _ = built
    blog = config.plugins["material/blog"]
    own = {view.name: view.url for view in blog.blog.views if isinstance(view, structure.Category)}
    computed = {feed.naam: feed.pagina for feed in category_feeds(blog.config)}
    assert own and {name: computed[name] for name in own} == own, (own, computed)
