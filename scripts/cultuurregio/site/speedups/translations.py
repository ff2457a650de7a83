"""Material's words (`lang.t(key)` in every template) from a table, not from a Jinja
dictionary rebuilt on every call.

Material's partials/language.html asks partials/languages/<language>.html, whose macro `t`
builds a dictionary of all of the theme's words (about 70) to look up one: some 50 000
times at 1000 newsletters, nearly a second. overrides/partials/language.html calls
`vertaling(key)` instead; `Translations` asks Material's own two macros (the language's,
then English's, then the key itself, as the original) once per key and keeps the answer.
With BLOG_SPEEDUP=uit it asks them every time, which is the original's cost and output.
Installed by hooks.py in `on_env`. Remove it (and the override) when Material looks words
up without rebuilding its dictionary, or with the move to Zensical.
"""

from __future__ import annotations

from jinja2 import Environment

from cultuurregio.site.speedups import COUNTS

GLOBAL = "vertaling"


class Translations:
    def __init__(self, env: Environment, language: str, keep: bool) -> None:
        self._language = env.get_template(f"partials/languages/{language}.html").module
        self._fallback = env.get_template("partials/languages/en.html").module
        self._keep = keep
        self._known: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        if key in self._known:
            COUNTS["word reused"] += 1
            return self._known[key]
        word = str(self._language.t(key) or self._fallback.t(key) or key)
        if self._keep:
            self._known[key] = word
            COUNTS["word looked up"] += 1
        return word


def install(env: Environment, config, keep: bool) -> None:
    env.globals[GLOBAL] = Translations(env, config.theme["language"], keep)
