"""A real mail server for the tests of the newsletter's sending: aiosmtpd on 127.0.0.1 with
STARTTLS on a certificate from a test authority (trustme), login required, and what it
accepted; and the test's own settings for data/verzending.yml (example.org, never real)."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

SETTINGS = {"adres": "nieuwsbrief@example.org", "antwoordadres": "redactie@example.org",
            "lijstadres": "lijst@example.org", "afmelden": "https://example.org/afmelden",
            "aanmelden": "https://example.org/aanmelden", "redactieadres": "proef@example.org"}
USER, PASSWORD = "redactie", "test-wachtwoord"


def fill_in_settings(project: Path) -> None:
    """Test-made settings (example.org), in place of what editors will fill in."""
    path = project / "data" / "verzending.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["afzender"]["adres"] = SETTINGS["adres"]
    for key in ("antwoordadres", "lijstadres", "afmelden", "aanmelden", "redactieadres"):
        data[key] = SETTINGS[key]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


class Inbox:
    """What the server accepted; or, told to, drops the connection after DATA."""

    def __init__(self, drop: bool = False):
        self.messages: list[tuple[list[str], bytes]] = []
        self.drop = drop

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        if self.drop:
            session.transport.close()
            return "421 verbinding verbroken"
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 OK"


def smtp_server(certificate, inbox: Inbox, password: str = PASSWORD) -> Controller:
    authority, _ = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(context)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == USER.encode() and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)  # not handled: the server answers 535 itself

    with socket.socket() as probe:  # a free port (aiosmtpd's controller cannot take port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
                            auth_require_tls=True, authenticator=authenticate)
    controller.start()
    return controller


@contextmanager
def running(certificate, inbox: Inbox, password: str = PASSWORD) -> Iterator[tuple[Inbox, Controller]]:
    """The server of `smtp_server` for the block, stopped after it whatever happened."""
    server = smtp_server(certificate, inbox, password)
    try:
        yield inbox, server
    finally:
        server.stop()


def trusted_authority(tmp_path: Path, monkeypatch):
    """A test certificate authority that this process and what it starts trust (as GitHub's image
    trusts public ones): the authority and the bundle, for `smtp_server`."""
    import trustme

    authority = trustme.CA()
    bundle = tmp_path / "vertrouwd.pem"
    system = Path(ssl.get_default_verify_paths().openssl_cafile or "/etc/ssl/certs/ca-certificates.crt")
    bundle.write_bytes((system.read_bytes() if system.is_file() else b"") + authority.cert_pem.bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))  # the runner's image: KEPT passes it on
    return authority, bundle
