"""Serve a built site on loopback with the headers its _headers file declares."""

from __future__ import annotations

import fnmatch
import functools
import gzip
import http.server
import mimetypes
import threading
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics")


def parse_headers(text: str) -> list[tuple[str, dict[str, str]]]:
    """Netlify/Cloudflare `_headers`: a path pattern, then indented `Name: value` lines."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        elif rules and line.strip().startswith("!"):
            rules[-1][1]["! " + line.strip()[1:].strip()] = ""
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(rules, path: str) -> dict[str, str]:
    """Headers of every matching rule, in order; "! Name" drops an earlier one (Cloudflare)."""
    found: dict[str, str] = {}
    for pattern, headers in rules:
        if fnmatch.fnmatchcase(path, pattern):
            for name, value in headers.items():
                if name.startswith("!"):
                    found.pop(name[1:].strip(), None)
                else:
                    found[name] = value
    return found


class _Handler(http.server.SimpleHTTPRequestHandler):
    rules: list = []
    compress = False  # gzip text files for clients that accept it, as static hosts do

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (not self.compress or not path.is_file() or path.suffix not in COMPRESSIBLE
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        data = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/")
                                                 or kind.endswith(("json", "javascript")) else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def send_header(self, keyword, value):
        # Content-Type declared in _headers wins over the guess from the extension.
        if keyword.lower() == "content-type" and "Content-Type" in self._declared():
            return
        super().send_header(keyword, value)

    def _declared(self) -> dict[str, str]:
        return headers_for(self.rules, self.path.split("?")[0])

    def end_headers(self):
        for name, value in self._declared().items():
            super().send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


class SiteServer:
    """Context manager: ``with SiteServer(output) as base: ...`` (base = http://127.0.0.1:port)."""

    def __init__(self, output: Path, headers: bool = True, compress: bool = False):
        """``headers=False``: plain files, without the rules of the site's _headers;
        ``compress=True``: text files (COMPRESSIBLE) gzip-compressed for clients that accept it."""
        headers_file = output / "_headers"
        rules = parse_headers(headers_file.read_text(encoding="utf-8")) \
            if headers and headers_file.is_file() else []
        handler = type("Handler", (_Handler,), {"rules": rules, "compress": compress})
        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(output)))

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
