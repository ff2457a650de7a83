"""A page's content as MkDocs rendered it, parsed once and handed to every step that reads or
changes it (hooks.py, `on_page_content`), in this order:

1. whoever observes the tree as MkDocs rendered it (hooks.py: the newsletter's reading time,
   site/speedups/blog_speedup.py), then the outside check (site/guards/outside.py) reads it;
2. the video blocks are made (site/media/video.py);
3. a newsletter's feed item is taken from it as the feed plugin copied the page, with its
   videos (site/outputs/feeds.py);
4. its images are checked and its photos made (site/media/photo_pages.py);
5. the page's HTML is written out again only if a step changed the tree;
6. a newsletter's e-mail edition is made from that final tree, or taken from the cache
   (site/mail/edition.py).

The blog's overview pages (generated) show excerpts, which the blog renders on its own: the
photos of those are made in the finished page (hooks.py, on_post_page).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Callable

from jinja2 import Template

from cultuurregio.site.common.fragments import inner_html, parse_content
from cultuurregio.site.common.paths import EDITION_CACHE, caches_enabled, feed_files
from cultuurregio.site.common.problems import Problem
from cultuurregio.site.common.templates import theme_templates
from cultuurregio.site.content.mail_settings import MailSettings
from cultuurregio.site.guards.outside import outside_problems
from cultuurregio.site.mail.edition import Editions, Newsletter
from cultuurregio.site.media.photo_pages import PhotoPages
from cultuurregio.site.media.video import render_videos
from cultuurregio.site.outputs.feeds import finished_item


class PageContent:
    """The steps of one build; `feed_items` by the newsletter's address, for finish_feed;
    `contact`: the contact page's address in the site (security.txt names it)."""

    def __init__(self, photos: PhotoPages, editions: Editions, video_template: Template, site_url: str,
                 data_dir: Path, contact: str) -> None:
        self.photos, self.editions, self.video_template = photos, editions, video_template
        self.site_url, self.data_dir, self.contact = site_url, data_dir, contact
        self.feed_items: dict[str, str] = {}
        # Called with (tree, HTML, page) before any step changes the tree.
        self.observers: list[Callable[[object, str, object], None]] = []

    @classmethod
    def for_build(cls, config, files, mail: MailSettings, video_template: Template) -> PageContent:
        """In on_nav, when every page has its address."""
        contact = files.get_file_from_path("contact.md")
        contact = contact.url if contact else ""
        project, site_url = Path(config.config_file_path).parent, config.site_url or ""
        links = {"contact": site_url + contact, "feed": site_url + feed_files(config)[0],
                 "archief": site_url + config.plugins["material/blog"].config.blog_dir + "/"}
        email = theme_templates(project, "email")
        email.globals["voorbeeld"] = config.extra.get("voorbeeld")
        editions = Editions(mail, site_url, links, email, project / "overrides" / "email",
                            project / EDITION_CACHE if caches_enabled() else None)
        return cls(PhotoPages(config, files), editions, video_template, site_url, project / "data", contact)

    def feed_photo(self, address: str) -> str | None:
        return self.photos.in_feed(self.site_url, address)

    def process(self, html: str, page, newsletter: bool) -> tuple[str, list[Problem]]:
        """The page's HTML as the site shows it, and the problems found in it."""
        if not page.file or page.file.generated_by or not html.strip():
            return html, []
        source, name = Path(page.file.abs_src_path), f"docs/{page.file.src_uri}"
        root = parse_content(html)
        for observe in self.observers:
            observe(root, html, page)
        problems = outside_problems(root, source, name, self.site_url, self.data_dir)
        videos, video_problems = render_videos(root, source, name, self.video_template)
        item = copy.deepcopy(root) if newsletter else None
        photos, photo_problems = self.photos.page_content(root, page)
        if videos or photos:
            html = inner_html(root)
        if newsletter:
            self.feed_items[page.canonical_url] = finished_item(item, page.canonical_url, self.feed_photo)
            self.editions.add(Newsletter(page.title, html, page.canonical_url, page.meta["date"]["created"]), root)
        return html, problems + video_problems + photo_problems
