"""A real browser on the built site: Debian's Chromium driven by Playwright, and a local
web server that serves site/ under the same path as the published site."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

# Without these, Chromium phones home (updates, sync, field trials) at every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--metrics-recording-only",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError(
            "Chromium ontbreekt. `make test` installeert het op Debian (als root); "
            "installeer anders het pakket 'chromium' of zet CHROMIUM=/pad/naar/chromium."
        )
    return path


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves site/ at `prefix` (e.g. /website/), and the 404 page like GitHub Pages does."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class SiteServer:
    def __init__(self, site: Path, prefix: str):
        handler = functools.partial(type("Handler", (_SiteHandler,), {"prefix": prefix}),
                                    directory=str(site))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = self.origin + prefix
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def page_urls(site: Path, base: str) -> list[str]:
    """Every HTML page of the built site, as a visitor's URL (found by walking site/)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        urls.append(base + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative))
    return urls
