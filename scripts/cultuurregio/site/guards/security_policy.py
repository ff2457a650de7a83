"""The Content-Security-Policy of each page: what the visitor's browser may load and run.

GitHub Pages sends no headers of our choosing, so the policy is a `<meta http-equiv>` at the
top of the head (overrides/main.html writes it with a placeholder; hooks.py fills it in
`on_post_page`, when the page is complete). It is the second line of defence behind the
content check (site/guards/outside.py): whatever that misses, the browser refuses.

- Scripts come from the site only. Material's few inline scripts (the palette, the
  scope, the consent) are allowed by their sha256, taken from the page as built; only
  scripts outside the page's content count, so a script that slipped into the content
  would not be hashed but blocked.
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

import lxml.html

PLACEHOLDER = "cr-beveiligingsbeleid"
# Script types a browser does not run (JSON-LD, Material's configuration).
DATA_TYPES = {"application/ld+json", "application/json"}
CONTENT = re.compile(r"\bmd-content\b")


def policy(output: str, frame_hosts: set[str]) -> str:
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *(f"'sha256-{digest}'" for digest in _inline_script_hashes(output))]),
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if frame_hosts:
        directives.append("frame-src " + " ".join(sorted(frame_hosts)))
    return "; ".join(directives)


def with_policy(output: str, frame_hosts: set[str]) -> str:
    """The page with its policy in place of the placeholder (a page without one is left alone)."""
    marker = f'content="{PLACEHOLDER}"'
    if marker not in output:
        return output
    return output.replace(marker, f'content="{policy(output, frame_hosts)}"', 1)


def _inline_script_hashes(output: str) -> list[str]:
    root = lxml.html.document_fromstring(output)
    digests = []
    for script in root.iter("script"):
        if script.get("src") or (script.get("type") or "").strip().lower() in DATA_TYPES:
            continue
        if any(CONTENT.search(parent.get("class", "")) for parent in script.iterancestors()):
            continue
        digest = base64.b64encode(hashlib.sha256((script.text or "").encode("utf-8")).digest()).decode()
        if digest not in digests:
            digests.append(digest)
    return digests
