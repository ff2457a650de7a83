"""Debian's Chromium, for the PDF, the browser tests and the Lighthouse benchmark."""

from __future__ import annotations

import os
import shutil

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
        raise SystemExit(
            "Chromium ontbreekt. `make test` en `make build` installeren het op Debian (als root); "
            "installeer anders het pakket 'chromium' of zet CHROMIUM=/pad/naar/chromium."
        )
    return path
