"""The e-mail edition as a message (RFC 5322, MIME multipart/alternative), byte for byte as
Python's `email` package writes it with `email.policy.SMTP`, in a fraction of its time.

The package parses every header it is given into an object and folds it again on output:
about 8 ms a newsletter, most of an edition's cost. Here each header is folded once by the
package's own policy (`SMTP.fold_binary`), and the headers that are the same for every
newsletter (sender, list) once per build; the two parts' bodies are encoded as the package
encodes them (quoted-printable or base64, whichever its rule picks). tests/test_mail_edition.py
builds the same message with EmailMessage and compares the bytes, so a Python whose
package writes otherwise is caught.
"""

from __future__ import annotations

import binascii
import datetime as dt
import hashlib
from email import quoprimime
from email.headerregistry import Address
from email.policy import SMTP
from email.utils import format_datetime
from functools import lru_cache

from cultuurregio.site.common.dates import TIMEZONE
from cultuurregio.site.content.mail_settings import MailSettings

CHARSET = "utf-8"


@lru_cache(maxsize=256)
def _header(name: str, value: str) -> bytes:
    # As EmailMessage stores it (header_store_parse) and the generator writes it.
    return SMTP.fold_binary(*SMTP.header_store_parse(name, value))


# Values that differ per newsletter only in characters that folding treats alike (digits,
# letters, hexadecimal), at the same length: each folded once, as this stand-in, and the
# newsletter's own put in its place. (The Subject and the address are folded each time.)
SHAPES = {"Date": "Mon, 01 Jan 2001 09:00:00 +0100", "Message-ID": "0" * 24, "Content-Type": "0" * 40}


def _shaped(name: str, value: str, part: str) -> bytes:
    """`value` folded, where `part` is what differs from the stand-in SHAPES[name] for."""
    stand_in = SHAPES[name]
    folded = _header(name, value.replace(part, stand_in))
    if len(part) != len(stand_in) or folded.count(stand_in.encode()) != 1 or not part.isascii():
        return _header(name, value)
    return folded.replace(stand_in.encode(), part.encode())


def rfc5322(newsletter, settings: MailSettings, html: str, text: str, ident: str) -> bytes:
    headers: list[tuple[str, str]] = []
    if settings.afzender:
        headers.append(("From", str(Address(settings.naam, addr_spec=settings.afzender))))
    if settings.antwoordadres:
        headers.append(("Reply-To", settings.antwoordadres))
    if settings.lijstadres:
        headers.append(("To", str(Address(f"Nieuwsbrief {settings.naam}", addr_spec=settings.lijstadres))))
        headers.append(("List-Id", f"Nieuwsbrief {settings.naam} <{settings.list_id}>"))
    if settings.afmelden:
        headers.append(("List-Unsubscribe", f"<{settings.afmelden}>"))
    # The day it appears, at 09:00 in Twente (as in the feed): never the build's clock.
    sent = dt.datetime.combine(newsletter.created, dt.time(9), TIMEZONE)
    # A boundary from the message itself, not from chance: the same newsletter, the same bytes.
    digest = hashlib.sha256((html + text).encode()).hexdigest()[:40]
    date, local = format_datetime(sent), ident.partition("@")[0].removeprefix("<")
    out = [_header(name, value) for name, value in headers]
    out += [_header("Subject", newsletter.title), _shaped("Date", date, date),
            _shaped("Message-ID", ident, local),
            _header("List-Archive", f"<{newsletter.url}>"), _header("MIME-Version", "1.0"),
            _shaped("Content-Type", f'multipart/alternative; boundary="=_{digest}"', digest),
            _header("Content-Language", "nl")]
    boundary = f"=_{digest}"
    out.append(b"\r\n")
    for subtype, body, extra in (("plain", text, []), ("html", html, [("MIME-Version", "1.0")])):
        encoding, data = _encoded(body)
        part = [("Content-Type", f'text/{subtype}; charset="{CHARSET}"'), ("Content-Transfer-Encoding", encoding)]
        out += [f"--{boundary}\r\n".encode(), *(_header(name, value) for name, value in part + extra), b"\r\n",
                b"\r\n".join(data.splitlines()) + b"\r\n\r\n"]
    out.append(f"--{boundary}--\r\n".encode())
    return b"".join(out)


def _encoded(string: str) -> tuple[str, bytes]:
    """(transfer encoding, body) as `email.contentmanager` picks and writes them for
    `set_content(string, charset="utf-8")` under SMTP: 7bit or 8bit when no line is too long, else
    base64 or quoted-printable, whichever its sample of the first ten lines says is shorter."""
    lines = string.encode(CHARSET).splitlines()
    if max((len(line) for line in lines), default=0) <= SMTP.max_line_length:
        return ("7bit" if string.isascii() else "8bit"), b"\n".join(lines) + b"\n"
    sample = b"\r\n".join(lines[:10]) + b"\r\n"
    sample_qp = quoprimime.body_encode(sample.decode("latin-1"), SMTP.max_line_length)
    if len(sample_qp) <= len(binascii.b2a_base64(sample)):
        if len(lines) <= 10:
            return "quoted-printable", sample_qp.encode("ascii")
        body = (b"\n".join(lines) + b"\n").decode("latin-1")
        return "quoted-printable", quoprimime.body_encode(body, SMTP.max_line_length).encode("ascii")
    embedded = b"\r\n".join(lines) + b"\r\n"
    step = SMTP.max_line_length // 4 * 3
    return "base64", b"".join(binascii.b2a_base64(embedded[i:i + step]) for i in range(0, len(embedded), step))
