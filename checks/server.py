"""Serve a built site on loopback with the headers its _headers file declares."""

from __future__ import annotations

import fnmatch
import functools
import http.server
import threading
from pathlib import Path


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

    def __init__(self, output: Path, headers: bool = True):
        """``headers=False``: plain files, without the rules of the site's _headers."""
        headers_file = output / "_headers"
        rules = parse_headers(headers_file.read_text(encoding="utf-8")) \
            if headers and headers_file.is_file() else []
        handler = type("Handler", (_Handler,), {"rules": rules})
        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(output)))

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
