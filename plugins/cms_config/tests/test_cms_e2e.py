"""End to end in real Chromium: Decap CMS at /admin/ with decap-server (local
backend, MODE=fs) on loopback writes Markdown and YAML that the build reads.

The test copies the content to a temporary repository, builds the site with
the local backend pointed at a free port, starts decap-server there, creates a
news item titled "No" and edits a partner in the CMS, then builds again."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time

import pytest

from checks.server import SiteServer
from content_model import yaml12
from content_model.frontmatter import read_text, split
from support import ROOT, build_site

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _quietly(predicate) -> bool:
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


@pytest.fixture
def cms(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "content", repo / "content")
    port = free_port()
    built = build_site(repo / "content", tmp_path / "site", ROOT / "pelicanconf.py",
                       "-e", f'CMS_LOCAL_BACKEND_URL="http://127.0.0.1:{port}/api/v1"', cwd=repo)
    assert built.returncode == 0, built.log
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(repo)}
    server = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        def listening():
            with socket.socket() as sock:
                return sock.connect_ex(("127.0.0.1", port)) == 0
        wait_for(listening, what="decap-server")
        with SiteServer(tmp_path / "site") as base:
            yield base, repo
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_editor_creates_news_and_edits_partner(cms, browser, tmp_path):
    base, repo = cms
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/admin/")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_selector("text=Actualités")

    # A news item whose title YAML 1.1 would read as the boolean false.
    page.goto(f"{base}/admin/#/collections/actualites/new")
    page.get_by_label("Titre", exact=True).fill("No")
    page.get_by_label("Identifiant d'adresse (slug)").fill("titre-no")
    page.locator("[id^=date-field]").fill("2026-11-20T10:30")
    page.get_by_label("Résumé", exact=True).fill("Un titre qui ressemble à un booléen.")
    page.locator("[id^=category-field]").click()
    page.get_by_text("Orientation", exact=True).click()
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("Texte écrit dans le CMS.")
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()
    news = repo / "content" / "actualites" / "titre-no.md"
    wait_for(lambda: _quietly(lambda: "Texte écrit dans le CMS." in split(read_text(news))[1]),
             what="the news file, written completely")
    meta, body, _ = split(read_text(news))
    assert meta["title"] == "No" and meta["date"] == "2026-11-20 10:30"
    assert "Texte écrit dans le CMS." in body

    # A partner of the YAML data file (a fresh tab: the login is remembered).
    page.close()
    page = context.new_page()
    page.goto(f"{base}/admin/#/collections/donnees/entries/partners")
    page.wait_for_selector("textarea[id^=description-field]", state="attached")
    page.locator("[id^=partners-field] button").first.click()  # expand every partner
    description = page.locator("textarea[id^=description-field]").nth(1)
    description.wait_for(state="visible")
    description.fill("Michelin, membre fondateur : description modifiée dans le CMS.")
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()
    partners_file = repo / "content" / "data" / "partners.yaml"
    def partners_saved():
        text = partners_file.read_text(encoding="utf-8")
        return "modifiée dans le CMS" in text and len(yaml12.load(text)["partners"]) == 17

    wait_for(lambda: _quietly(partners_saved), what="the partners file, written completely")
    context.close()
    michelin = [p for p in yaml12.load(read_text(partners_file))["partners"] if p["id"] == "michelin"]
    assert michelin[0]["description"].endswith("modifiée dans le CMS.")

    # What the CMS wrote builds, unchanged.
    result = build_site(repo / "content", tmp_path / "after", ROOT / "pelicanconf.py", cwd=repo)
    assert result.returncode == 0, result.log
    assert result.page("actualites/2026/titre-no/").h1 == ["No"]
    assert "description modifiée dans le CMS" in result.page("partenaires/").words
