"""The Lighthouse bench's server (benchmarks/search_lighthouse.py, gzip_server) sends text files
gzip-compressed, as static hosts do; checks.server.SiteServer sends files as they are."""

from __future__ import annotations

import gzip
import urllib.request

import pytest

from benchmarks.search_lighthouse import gzip_server
from checks.server import SiteServer

PAGE = "<!doctype html><title>Accueil</title><p>" + "Métiers de l'industrie. " * 50


@pytest.fixture
def site(tmp_path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG not compressed")
    (tmp_path / "_headers").write_text("/*\n  X-Frame-Options: DENY\n", encoding="utf-8")
    return tmp_path


def get(url: str, accept: str = "gzip"):
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": accept})) as response:
        return response.headers, response.read()


@pytest.mark.parametrize("compress, accept, gzipped", [
    (True, "gzip, br", True), (True, "identity", False), (False, "gzip", False)])
def test_text_files_are_gzipped_only_when_asked_and_accepted(site, compress, accept, gzipped):
    with (gzip_server(site) if compress else SiteServer(site)) as base:
        headers, body = get(base + "/", accept)
    assert (headers.get("Content-Encoding") == "gzip") == gzipped
    assert (gzip.decompress(body) if gzipped else body).decode("utf-8") == PAGE
    assert headers["X-Frame-Options"] == "DENY"  # the _headers rules still apply
    assert headers["Content-Type"].startswith("text/html")


def test_other_files_are_sent_as_they_are(site):
    with gzip_server(site) as base:
        headers, body = get(base + "/logo.png")
    assert "Content-Encoding" not in headers and body == b"\x89PNG not compressed"
