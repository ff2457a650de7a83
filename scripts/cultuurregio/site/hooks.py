"""The build's own steps around the plugins (MkDocs `hooks:`, listed in mkdocs.yml).

on_config   check all content before anything renders, and hand it to the macros;
on_env      globals for the theme's templates (the footer's municipalities);
on_post_build  the calendar files, the finished feed, the search index and the PDF.

Priorities are explicit, so the order of the plugins in mkdocs.yml decides nothing:
the checks run before every plugin, the post-build steps after mkdocs-rss-plugin has
written its feed and the search plugin its index.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from cultuurregio.site import blog_speedup
from cultuurregio.site.content import Content
from cultuurregio.site.feeds import finish_feed
from cultuurregio.site.ical import calendar_file
from cultuurregio.site.outputs import (AGENDA_FILE, FEED_FILE, PDF_FILE, PDF_STAGED, SEARCH_INDEX_FILE,
                                       UNPUBLISHED_FEED_FILE, meeting_file)
from cultuurregio.site.problems import ContentError
from cultuurregio.site.search_index import add_folded_words
from cultuurregio.site.validation import check_site

# The content checked in on_config of the build under way (`mkdocs serve` rebuilds anew).
_content: Content | None = None


@event_priority(100)
def on_config(config):
    global _content
    # Before the blog plugin builds its views from the files (in on_files).
    blog_speedup.install()
    content, problems = check_site(config)
    if problems:
        raise PluginError(ContentError(problems).report())
    _content = content
    # The macros plugin's documented way for others to give its pages variables.
    config.plugins["macros"].register_variables({"inhoud": content})
    return config


def on_env(env, config, files):
    env.globals["gemeentenamen"] = [item["naam"] for item in _content.gemeenten]
    return env


@event_priority(-100)
def on_post_build(config):
    site = Path(config.site_dir)
    site_url = config.site_url
    (site / AGENDA_FILE).write_bytes(calendar_file(_content.bijeenkomsten, config.site_name, site_url))
    for meeting in _content.bijeenkomsten:
        path = site / meeting_file(meeting)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(calendar_file([meeting], meeting["titel"], site_url))
    finish_feed(site / FEED_FILE)
    (site / UNPUBLISHED_FEED_FILE).unlink(missing_ok=True)
    add_folded_words(site / SEARCH_INDEX_FILE, config.plugins["material/blog"].config.post_slugify)
    staged = Path(config.config_file_path).parent / PDF_STAGED
    if staged.is_file():
        shutil.copyfile(staged, site / PDF_FILE)
