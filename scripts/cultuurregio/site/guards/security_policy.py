"""The Content-Security-Policy of each page: what the visitor's browser may load and run.

GitHub Pages sends no headers of our choosing, so the policy is a `<meta http-equiv>` at the
top of the head (overrides/main.html writes it with a placeholder; hooks.py fills it in
`on_post_page`, when the page is complete). It is the second line of defence behind the
content check (site/guards/outside.py): whatever that misses, the browser refuses.

- Scripts come from the site only. Material's few inline scripts (the scope, the palette,
  the tabs, the announcement, the consent: its partials/javascripts/) are allowed by their
  sha256. The theme says which they are: overrides/base.html and partials/header.html put
  each of those includes through the filter `eigen_scripts`, which records the scripts as
  the page's template writes them (`InlineScripts`). Nothing else is hashed, wherever it
  stands (the content, a title in the navigation, an excerpt), so a script that slipped
  into a page is blocked; and no page is parsed again for it. Each distinct script is
  hashed once per build.
- Styles: `'self'` only. Material and this site set styles from script (the CSSOM, which
  a policy does not govern) and write no style attributes, so `'unsafe-inline'` is not
  needed. (A test fails if a page ever does.)
- Images from the site and `data:` (Material's icons in its stylesheet).
- Frames only on a page with a video block, and only from that video's player host
  (site/media/video.py); everywhere else `default-src 'self'` leaves no room for one.

`make serve` leaves the policy out: MkDocs' live reload adds an inline script of its own
to every page it serves.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "cr-beveiligingsbeleid"
FILTER = "eigen_scripts"
# The scripts of Material's partials/javascripts/: generated files, each a bare <script>.
SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


class InlineScripts:
    """The theme's inline scripts of the page being rendered, by their sha256 (one per build:
    hooks.py makes it in on_env and registers `record` as the filter FILTER)."""

    def __init__(self) -> None:
        self._digests: dict[str, str] = {}
        self._page: list[str] = []

    def record(self, html: str) -> str:
        """The filter: notes each script in `html` for the page, and returns `html` as it is."""
        for script in SCRIPT.findall(html):
            digest = self._digests.get(script)
            if digest is None:
                digest = self._digests[script] = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            if digest not in self._page:
                self._page.append(digest)
        return html

    def take(self) -> list[str]:
        """The digests recorded since the last page, in the order the page has them."""
        digests, self._page = self._page, []
        return digests


def policy(script_digests: list[str], frame_hosts: set[str]) -> str:
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *(f"'sha256-{digest}'" for digest in script_digests)]),
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if frame_hosts:
        directives.append("frame-src " + " ".join(sorted(frame_hosts)))
    return "; ".join(directives)


def with_policy(output: str, script_digests: list[str], frame_hosts: set[str]) -> str:
    """The page with its policy in place of the placeholder (a page without one is left alone)."""
    marker = f'content="{PLACEHOLDER}"'
    if marker not in output:
        return output
    return output.replace(marker, f'content="{policy(script_digests, frame_hosts)}"', 1)


# The web editor's page (/beheer/, overrides/beheer/index.html) has a policy of its own: the
# editor is Sveltia CMS, served from the site (cultuurregio/redactie/web_editor.py). Each
# source beyond the public pages' is there for a reason:
EDITOR_POLICY = "; ".join([
    "default-src 'self'",
    # Its code from the site only; WebAssembly (its own decoders, for an iPhone's HEIC photo
    # and for WebP) is compiled, never `eval`. No 'unsafe-eval'.
    "script-src 'self' 'wasm-unsafe-eval'",
    # Svelte sets style attributes on the editor's elements (the sizes of panes and menus).
    "style-src 'self' 'unsafe-inline'",
    # A chosen photo is shown from memory (blob:) before it is saved; the signed-in editor's
    # picture comes from GitHub.
    "img-src 'self' data: blob: https://avatars.githubusercontent.com",
    # GitHub's API, only after signing in: reading the repository and proposing the change.
    # data: and blob: are read by the editor itself (its built-in pictures, a photo just
    # chosen); no request leaves the browser.
    "connect-src 'self' data: blob: https://api.github.com",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
])
