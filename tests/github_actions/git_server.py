"""GitHub's git over HTTPS, here: every origin of this process served by `git http-backend` on
127.0.0.1, with GitHub's rule for a job's token. A fetch needs no token (the repository is
public); a push needs the token of a job of that repository whose `contents` permission is
`write`, sent the way git sends it: the `Authorization` header that actions/checkout leaves in
the workspace's git config (persist-credentials) or that a step sets itself (http.extraheader).
A push without it is answered as GitHub answers it, and git says so in the job's log."""

from __future__ import annotations

import base64
import gzip
import os
import secrets
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPOSITORY = "cultuurregio-twente/website"
BOT = "github-actions[bot]"
ENDPOINTS = ("/info/refs", "/git-upload-pack", "/git-receive-pack")


@dataclass
class Grant:
    origin: Path
    contents: str  # the job's `contents` permission: none, read or write


@dataclass
class GitServer:
    tokens: dict[str, Grant] = field(default_factory=dict)
    # What happens right after a fetch from an origin (a test's other writer landing then).
    after_fetch: dict[Path, Callable[[], None]] = field(default_factory=dict)
    http: ThreadingHTTPServer | None = None

    def start(self) -> GitServer:
        server = self

        class Handler(GitRequest):
            git_server = server

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        return self

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http.server_address[1]}"

    def url(self, origin: Path) -> str:
        return f"{self.base}{Path(origin).resolve()}"

    def token(self, origin: Path, contents: str) -> str:
        """A job's GITHUB_TOKEN: valid for the job's repository, with its `contents` permission."""
        token = f"ghs_{secrets.token_hex(18)}"
        self.tokens[token] = Grant(Path(origin).resolve(), contents)
        return token

    def once_fetched(self, origin: Path, then: Callable[[], None]) -> None:
        """`then` right after the next fetch from `origin` has been answered."""
        self.after_fetch[Path(origin).resolve()] = then

    def grant(self, authorization: str) -> Grant | None:
        kind, _, value = authorization.partition(" ")
        if kind.lower() != "basic":
            return None
        try:
            _, _, token = base64.b64decode(value).decode().partition(":")
        except ValueError:
            return None
        return self.tokens.get(token)


class GitRequest(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    git_server: GitServer

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def do_GET(self):
        self.serve(b"")

    def do_POST(self):
        self.serve(self.body())

    def body(self) -> bytes:
        """The request's body; git sends a large push in chunks."""
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))
        parts = []
        while size := int(self.rfile.readline().split(b";")[0], 16):
            parts.append(self.rfile.read(size))
            self.rfile.readline()
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):  # trailers
            pass
        return b"".join(parts)

    def serve(self, body: bytes) -> None:
        path, _, query = self.path.partition("?")
        repository = next((path[: -len(end)] for end in ENDPOINTS if path.endswith(end)), None)
        if repository is None:
            return self.answer(404, "Not found")
        pushing = path.endswith("/git-receive-pack") or query == "service=git-receive-pack"
        if pushing:
            grant = self.git_server.grant(self.headers.get("Authorization", ""))
            if grant is None:
                return self.answer(401, f"GitHub: a push to {REPOSITORY} without credentials is refused (this "
                                        "job's git has none: a checkout with persist-credentials: false "
                                        "keeps no token).", {"WWW-Authenticate": 'Basic realm="GitHub"'})
            if grant.origin != Path(repository) or grant.contents != "write":
                return self.answer(403, f"Permission to {REPOSITORY}.git denied to {BOT}. (GitHub: the job's "
                                        f"token has contents: {grant.contents}; a push needs contents: write.)")
        environment = {"PATH": os.environ["PATH"], "GIT_PROJECT_ROOT": "/", "GIT_HTTP_EXPORT_ALL": "1",
                       "PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": self.command,
                       "CONTENT_TYPE": self.headers.get("Content-Type", ""), "CONTENT_LENGTH": str(len(body)),
                       "REMOTE_ADDR": "127.0.0.1", "GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
                       "HTTP_CONTENT_ENCODING": self.headers.get("Content-Encoding", ""),
                       **({"REMOTE_USER": BOT} if pushing else {})}
        result = subprocess.run(["git", "http-backend"], input=body, env=environment, capture_output=True,
                                check=False)
        head, _, content = result.stdout.partition(b"\r\n\r\n")
        headers = dict(line.split(": ", 1) for line in head.decode("latin-1").split("\r\n") if ": " in line)
        status = int(headers.pop("Status", "200").split()[0])
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)
        self.wfile.flush()
        then = self.git_server.after_fetch.pop(Path(repository), None) if fetched(path, body, self.headers) else None
        if then is not None:
            then()

    def answer(self, status: int, text: str, headers: dict | None = None) -> None:
        # git shows a text/plain answer's lines as "remote: …" in the job's log, as it shows GitHub's.
        content = f"{text}\n".encode()
        self.send_response(status)
        for name, value in {"Content-Type": "text/plain; charset=utf-8", **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)


def fetched(path: str, body: bytes, headers) -> bool:
    """Whether this request fetched objects (not only listed the refs, as ls-remote does)."""
    if not path.endswith("/git-upload-pack"):
        return False
    if headers.get("Content-Encoding", "") == "gzip":
        body = gzip.decompress(body)
    return b"command=fetch" in body or b"want " in body


_SERVER: GitServer | None = None
_LOCK = threading.Lock()


def git_server() -> GitServer:
    """The one server of this process (each pytest worker has its own), started when first asked."""
    global _SERVER
    with _LOCK:
        if _SERVER is None:
            _SERVER = GitServer().start()
        return _SERVER
