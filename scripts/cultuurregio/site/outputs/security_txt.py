"""/.well-known/security.txt (RFC 9116): where to report a security problem with the site.

Written by the build (hooks.py, `on_post_build`) from texts/security.txt.j2:
- `Contact:` the address editors give in data/organisatie.yml (`beveiligingsmelding`), or
  else the contact page; none is invented;
- `Expires:` half a year after the build date (RFC 9116 advises less than a year; the daily
  build moves it on, and a site nobody builds any more stops claiming a contact);
- `Preferred-Languages` and `Canonical`.
MkDocs skips dot folders in docs/, which is why the file is written after the build; the
Pages artifact keeps it (tests/test_workflow_deploy.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

PATH = ".well-known/security.txt"
VALID_FOR = dt.timedelta(days=182)
TEXTS = Path(__file__).parent / "texts"


def security_txt(site_url: str, contact_page: str, contact: str | None, build_day: dt.date) -> str:
    env = Environment(loader=FileSystemLoader(TEXTS), undefined=StrictUndefined, keep_trailing_newline=True,
                      autoescape=False)
    expires = dt.datetime.combine(build_day + VALID_FOR, dt.time(), tzinfo=dt.UTC)
    return env.get_template("security.txt.j2").render(
        contact=contact or site_url + contact_page,
        verloopt=expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
        canoniek=site_url + PATH,
    )


def write_security_txt(site: Path, site_url: str, contact_page: str, contact: str | None, build_day: dt.date) -> None:
    path = site / PATH
    path.parent.mkdir(exist_ok=True)
    path.write_text(security_txt(site_url, contact_page, contact, build_day), encoding="utf-8")
