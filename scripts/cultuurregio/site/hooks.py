"""The build's own steps around the plugins (MkDocs `hooks:`, listed in mkdocs.yml).

on_startup  remember whether this is `mkdocs serve` (a preview shows scheduled newsletters);
on_config   speak Dutch, check all content before anything renders (and note what went stale),
            hand it to the macros; a preview gets its own address (site/common/preview.py);
on_files    hold back newsletters dated after the build date (scheduled);
on_nav      the steps each page's content goes through, for this build (site/pages/content.py:
            where every image ends up, the e-mail editions and their cache);
on_page_content  the page's content parsed once and handed on (site/pages/content.py): its
            reading time, the outside check, the video blocks, the images and photos, a
            newsletter's feed item and e-mail edition; before the blog's, which would parse
            it again for the reading time;
on_post_page  the excerpts' photos, the policy from the theme's own scripts (security_policy.py);
on_env      Material's inline scripts noted for the policy (filter eigen_scripts); the speed-ups
            of the theme (site/speedups/: navigation and constant partials, Material's words);
            globals for the theme's templates (the footer's municipalities; for the home
            page the next meeting, the map and the feeds);
on_page_context  per page: no table of contents for a few headings, the category feed
            to announce, the schema.org data;
on_post_build  the calendar files, the finished feed, the search index, security.txt, the
            e-mail editions, the web editor's configuration, the PDF.

Priorities are explicit, so the order of the plugins in mkdocs.yml decides nothing:
the checks run before every plugin, scheduling before the blog plugin reads its posts,
the post-build steps after mkdocs-rss-plugin has written its feed and search its index.
"""

from __future__ import annotations

import logging
import shutil
from functools import partial
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

from cultuurregio.site import speedups
from cultuurregio.site.common.dates import build_date, date_label
from cultuurregio.site.common.paths import (
    PDF_FILE,
    PDF_STAGED,
    PHOTO_CACHE,
    SEARCH_INDEX_FILE,
    feed_files,
    meeting_file,
)
from cultuurregio.site.common.preview import empty_sitemap, preview_for
from cultuurregio.site.common.problems import not_built
from cultuurregio.site.common.templates import theme_templates, without_theme_files
from cultuurregio.site.content.staleness import stale_content
from cultuurregio.site.guards import library_messages
from cultuurregio.site.guards.security_policy import EDITOR_POLICY, FILTER, PLACEHOLDER, InlineScripts, with_policy
from cultuurregio.site.guards.validation import Checked, check_site
from cultuurregio.site.mail.edition import EDITION
from cultuurregio.site.media.video import PLAYER_HOSTS
from cultuurregio.site.outputs import structured_data
from cultuurregio.site.outputs.category_feeds import CategoryFeed, category_feeds, write_category_feeds
from cultuurregio.site.outputs.editor_config import entry_links, write_editor_config
from cultuurregio.site.outputs.feeds import finish_feed
from cultuurregio.site.outputs.ical import write_calendars
from cultuurregio.site.outputs.search_index import add_folded_words
from cultuurregio.site.outputs.security_txt import write_security_txt
from cultuurregio.site.outputs.twente_map import draw
from cultuurregio.site.pages.content import PageContent
from cultuurregio.site.speedups import blog_speedup, blog_text, markdown_reuse, translations
from cultuurregio.site.speedups.partial_cache import PartialCache

log = logging.getLogger("mkdocs.plugins.cultuurregio")

# The build under way (`mkdocs serve` runs on_config again for each rebuild).
_checked: Checked | None = None
_serving = False
# A pull request's preview (VOORBEELD=N), or None for the site itself.
_preview = None
# The build's day (site/common/dates.py, README "Bouwdatum"), taken once per build; the map of Twente.
_today, _map = None, None
# Each category's feed; and per theme page (its source), the feed of its category.
_feeds, _theme_feeds = [], {}
# The navigation of this build.
_nav = None
# The theme's inline scripts of the page being rendered, for its policy (site/guards/security_policy.py).
_scripts = InlineScripts()
# Each page's content, parsed once: its checks, videos, photos, feed item and e-mail edition.
_pages = None
SHARE_CARD = {"pad": "assets/deelkaart.png", "breedte": 1200, "hoogte": 630}


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


@event_priority(100)
def on_config(config):
    global _checked, _feeds, _theme_feeds, _today, _preview, _map
    library_messages.install(Path(config.docs_dir))
    _preview = preview_for(config)  # before every plugin reads site_url: feeds, links, editions follow it
    _today = build_date(Path(config.config_file_path).parent)
    # Before the blog plugin builds its views from the files (in on_files).
    blog_speedup.install()
    markdown_reuse.install()
    _checked = check_site(config)
    # Errors fail strict mode at the end of the build, so nothing is published; until then
    # the build goes on without the pages they are in (on_files), to find every other
    # problem (links, macros) in the same run. Without sound data nothing can render.
    for problem in _checked.problems:
        log.error("%s", problem, extra={"problem": problem})
    if _checked.content is None:
        raise PluginError(not_built(len(_checked.problems)))
    _feeds = category_feeds(config.plugins["material/blog"].config)
    by_name = {feed.naam: feed for feed in _feeds}
    _theme_feeds = {f"themas/{t['slug']}.md": by_name[t["naam"]] for t in _checked.content.themas if t["naam"] in by_name}
    # Stale content never stops the build (the daily rebuild must keep publishing); `make check` lists it.
    published = None if _serving or _preview else config.site_url  # the address the statement must name
    for note in stale_content(_checked.content, _today) + _checked.notes(_today, published):
        log.info("Let op: %s", note, extra={"stale": note})
    _map = draw(_checked.outlines, _checked.content.gemeenten) if _checked.outlines else None
    # The macros plugin's documented way for others to give its pages variables.
    config.plugins["macros"].register_variables({"inhoud": _checked.content, "bouwdatum": _today, "kaartgegevens": _map,
                                                 "verzending": _checked.mail, "toegankelijkheid": _checked.statement})
    return config


@event_priority(100)
def on_files(files, config):
    """Pages that MkDocs must not read: those with a problem (reported in on_config), and
    newsletters dated after the build date. MkDocs' own draft level keeps them out of the
    site, the feed and search, and the daily rebuild publishes a scheduled newsletter on
    its day. (Material's `draft_if_future_date` compares with the clock, not with the
    build date that makes a build repeatable.) `make serve` and a pull request's preview
    show scheduled newsletters, marked as such (on_page_context)."""
    broken = {p.file.removeprefix("docs/") for p in _checked.problems if p.file.startswith("docs/")}
    for file in files.documentation_pages():
        created = _checked.newsletter_dates.get(file.src_uri)
        if file.src_uri in broken or (created and created > _today and not (_serving or _preview)):
            file.inclusion = InclusionLevel.DRAFT
    return without_theme_files(files, config.theme.custom_dir)


def on_nav(nav, config, files):
    global _nav, _pages
    video = theme_templates(Path(config.config_file_path).parent, "content").get_template("video.html")
    _pages = PageContent.for_build(config, files, _checked.mail, video)
    _pages.observers.append(partial(blog_text.reading_time, blog=config.plugins["material/blog"]))
    _nav = nav
    return nav


@event_priority(10)  # before the blog's, which would read the page again for its reading time
def on_page_content(html, page, config, files):
    html, problems = _pages.process(html, page, page in config.plugins["material/blog"].blog.posts)
    for problem in problems:
        log.error("%s", problem, extra={"problem": problem})
    return html


def on_post_page(output, page, config):
    output = _pages.photos.page_output(output, page)
    # Frames only for the players of the videos this page shows (excerpts included).
    return with_policy(output, _scripts.take(), {host for host in PLAYER_HOSTS.values() if f'data-speler="{host}/' in output})


def on_post_template(output_content, template_name, config):
    return with_policy(output_content, _scripts.take(), set()) if template_name.endswith(".html") else output_content


def on_env(env, config, files):
    global _scripts
    _scripts = InlineScripts()
    env.filters[FILTER] = _scripts.record
    translations.install(env, config, keep=speedups.enabled())
    if speedups.enabled():
        PartialCache(env, _nav, config)
    content = _checked.content
    env.globals["gemeentenamen"] = [item["naam"] for item in content.gemeenten]
    coming, _ = content.bijeenkomsten_voor(_today)
    env.globals["volgende_bijeenkomst"] = {"bijeenkomst": coming[0], "ics": meeting_file(coming[0])} \
        if coming else None
    env.globals["categoriefeeds"] = _feeds
    # Filled in per page (on_post_page); not in the preview, whose live reload is an inline script.
    env.globals["beveiligingsbeleid"] = None if _serving else PLACEHOLDER
    env.globals["beheerbeleid"] = EDITOR_POLICY
    env.globals["webeditor"] = entry_links()
    env.globals["feedbestand"] = feed_files(config)[0]
    # For pages rendered without on_page_context (404.html): the site's card, no date.
    env.globals["deelbeeld"] = {**SHARE_CARD, "alt": config.site_name}
    env.globals["verschenen"] = None
    env.globals["kaart"] = _map
    return env


# A page shows its table of contents from this many headings below its title.
TOC_FROM = 3


def on_page_context(context, page, config, nav):
    if sum(1 for _ in _headings(page.toc)) < TOC_FROM:
        page.meta["hide"] = [*page.meta.get("hide", []), "toc"]
    context["categoriefeed"] = _category_feed(page)
    # What a shared link shows (Open Graph): the page's first photo, else the site's card.
    context["deelbeeld"] = _pages.photos.share_image(page.url) or {**SHARE_CARD, "alt": config.site_name}
    blog = config.plugins["material/blog"]
    context["verschenen"] = structured_data.day(page.meta["date"]["created"]) if page in blog.blog.posts else None
    context["e_mailversie"] = EDITION if context["verschenen"] else None
    scheduled = _checked.newsletter_dates.get(page.file.src_uri) if context["verschenen"] else None
    context["gepland"] = date_label(scheduled) if scheduled and scheduled > _today else None
    context["gestructureerd"] = structured_data.for_page(page, config, _checked.content, blog.blog.posts)
    return context


def _headings(toc):
    """The headings below a page's title (its h1)."""
    for item in toc:
        for child in item.children:
            yield child
            yield from _headings([child])


def _category_feed(page) -> CategoryFeed | None:
    """The feed of the category whose archive page this is, or of the theme on this page."""
    if page.file and page.file.src_uri in _theme_feeds:
        return _theme_feeds[page.file.src_uri]
    return next((feed for feed in _feeds if page.url.startswith(feed.pagina)), None)


@event_priority(-100)
def on_post_build(config):
    content = _checked.content
    site = Path(config.site_dir)
    site_url = config.site_url
    write_calendars(site, content.bijeenkomsten, config.site_name, site_url)
    published, unpublished = feed_files(config)
    finish_feed(site / published, _pages.feed_items, _pages.feed_photo, _pages.video_template)
    write_category_feeds(site, published, _feeds, site_url)
    (site / unpublished).unlink(missing_ok=True)
    add_folded_words(site / SEARCH_INDEX_FILE, config.plugins["material/blog"].config.post_slugify)
    write_security_txt(site, site_url, _pages.contact, content.beveiligingsmelding, _today)
    _pages.editions.write(site)
    write_editor_config(site, config, _nav)
    if _preview:
        empty_sitemap(site)
    _pages.photos.remove_originals()
    if _pages.photos.photos:
        log.info("Foto's: %d gemaakt, %d uit de cache (%s)", _pages.photos.counts.encoded, _pages.photos.counts.cached, PHOTO_CACHE)
    log.info("E-mailversies: %d gemaakt, %d uit de cache", _pages.editions.made, _pages.editions.cached)
    staged = Path(config.config_file_path).parent / PDF_STAGED
    if staged.is_file():
        shutil.copyfile(staged, site / PDF_FILE)
