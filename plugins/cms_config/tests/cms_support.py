"""Helpers of the end-to-end CMS tests (conftest.py's `cms` fixture and the test files):
decap-server's port, waiting for a file Decap writes, a logged-in Decap page."""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from pathlib import Path

from content_model.frontmatter import read_text, split
from support import ROOT

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


@dataclass
class Cms:
    base: str  # the built site, served with its _headers
    repo: Path  # what decap-server writes into: repo/content
    port: int  # decap-server's

    @property
    def site(self) -> Path:
        """The build of the content as it was when the fixture started."""
        return self.repo.parent / "site"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def quietly(predicate) -> bool:
    try:
        return bool(predicate())
    except (OSError, ValueError, KeyError, TypeError):  # a file caught half-written
        return False


def wait_for(predicate, timeout=20.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def new_page(browser, cms, login=True):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if login:
        page.goto(f"{cms.base}/admin/")
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_selector("text=Actualités")
    return context, page


def publish(page) -> None:
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()


def front_matter(path: Path) -> dict:
    return split(read_text(path))[0]


def photo(folder: Path) -> Path:
    from PIL import Image

    path = folder / "photo.png"
    Image.new("RGB", (640, 400), "teal").save(path)
    return path
