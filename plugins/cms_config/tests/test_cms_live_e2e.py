"""End to end in real Chromium, as `invoke cms` runs: decap-server, and the site served by
tasks.serve_live (livereload: every save rebuilds the site), on a copy of the content.

- a save never reloads /admin/: text typed right after it is still there once the rebuild
  has reloaded a public page open beside it, and /admin/ never loaded livereload's client
  (issue 23: typed text was lost);
- a refused build is shown in /admin/ with its file, field and problem;
- the CMS refuses an image without alt text, as the build does, with its message;
- an uploaded image shows in the editor and the preview (the dev server serves the original).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from playwright.sync_api import Error as PlaywrightError

from cms_config.tests.cms_support import (
    DECAP_SERVER, Cms, free_port, listening, new_page, photo, quietly, wait_for,
)
from cms_config.tests.walk import GuideWalk, Pick
from support import ROOT

SERVE = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
import invoke, tasks
tasks.serve_live(invoke.Context(), output=Path({output!r}), content=Path({content!r}),
                 extra=("-e", {backend!r}), host="127.0.0.1", port={port},
                 watched=[{watch!r}])
"""


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("live")
    repo = tmp / "repo"
    shutil.copytree(ROOT / "content", repo / "content")
    api, site = free_port(), free_port()
    logs = open(tmp / "servers.log", "w", encoding="utf-8")
    env = {**os.environ, "PORT": str(api), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(repo)}
    decap = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=logs,
                             stderr=subprocess.STDOUT)
    code = SERVE.format(root=str(ROOT), output=str(tmp / "output"), content=str(repo / "content"),
                        backend=f'CMS_LOCAL_BACKEND_URL="http://127.0.0.1:{api}/api/v1"',
                        port=site, watch=str(repo / "content" / "**" / "*"))
    server = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=logs,
                              stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: listening(api) and listening(site), timeout=120, what="the servers")
        yield Cms(f"http://127.0.0.1:{site}", repo, api), tmp / ".output.status.json"
    finally:
        for proc in (server, decap):
            proc.terminate()
            proc.wait(timeout=10)
        logs.close()


# What of livereload's client a page loaded: its script element, or its file fetched.
LIVERELOAD_CLIENT = """() => [...document.querySelectorAll('script[src*="livereload"]')].map(s => s.src)
  .concat(performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('livereload')))"""


def mark(page):
    """The page's mark: None once it has reloaded ("navigating" while it does)."""
    try:
        return page.evaluate("window.h32Mark")
    except PlaywrightError:  # the page is between two documents
        return "navigating"


def status(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def rebuilt_after(path, number: int):
    wait_for(lambda: quietly(lambda: status(path)["number"] > number), timeout=60,
             what="a rebuild after the save")


def test_a_save_never_reloads_the_editor_but_public_pages_reload(live, browser):
    cms, state = live
    context, page = new_page(browser, cms)
    public = context.new_page()
    public.goto(f"{cms.base}/evenements/")
    public.evaluate("window.h32Mark = 'not reloaded'")
    # A page behind another gets no animation frames in headless Chromium: each click on
    # it waited ~2 s for Playwright's "stable" check. The public page reloads from behind.
    page.bring_to_front()
    page.evaluate("window.h32Mark = 'not reloaded'")
    walk = GuideWalk(page)
    news = cms.repo / "content" / "actualites" / "sans-rechargement.md"
    walk.create("Actualités", "+ Actualité", {
        "Titre": "Sans rechargement", "Identifiant d'adresse (slug)": "sans-rechargement",
        "Date de publication": "2026-11-20", "Résumé": "Avant la sauvegarde.",
        "Rubrique": Pick("Orientation")}, body="Texte.")
    page.evaluate("window.h32Mark = 'not reloaded'")
    before = status(state)["number"]
    walk.publish_into(news, "Avant la sauvegarde.", "the news file")
    summary = walk.field("Résumé")
    summary.click()
    summary.press("End")
    page.keyboard.type(" Tapé juste après.")
    try:
        rebuilt_after(state, before)
        wait_for(lambda: mark(public) is None, timeout=20,
                 what="the public page's reload")
        # livereload sends its reload to every page that runs its client at once: the public
        # page reloaded, so it was sent, and /admin/ never loaded the client to receive it.
        public.wait_for_load_state()
        assert public.evaluate(LIVERELOAD_CLIENT), "the check sees the client where it runs"
        assert page.evaluate(LIVERELOAD_CLIENT) == []
        assert mark(page) == "not reloaded"
        assert walk.field("Résumé").input_value() == "Avant la sauvegarde. Tapé juste après."
    finally:
        context.close()
        news.unlink(missing_ok=True)


def test_a_refused_build_is_shown_in_admin(live, browser):
    cms, state = live
    context, page = new_page(browser, cms)
    broken = cms.repo / "content" / "actualites" / "refusee.md"
    before = status(state)["number"]
    broken.write_text("---\ntitle: Refusée\nslug: refusee\ndate: 2026-11-20\nsummary: x\n"
                      "category: orientation\ncontact: a@b@c.fr\n---\nTexte.\n", encoding="utf-8")
    try:
        rebuilt_after(state, before)
        assert status(state)["state"] == "refused"
        bar = page.locator(".h32-build-info")
        bar.get_by_text("Enregistrement refusé par la construction", exact=False).wait_for(timeout=15_000)
        text = bar.inner_text()
        assert "content/actualites/refusee.md — contact : champ inconnu" in text, text
    finally:
        refused = status(state)["number"]
        broken.unlink()
        context.close()
    rebuilt_after(state, refused)
    assert status(state)["state"] == "ok"


def test_the_cms_refuses_an_image_without_alt_text_and_shows_the_upload(live, browser, tmp_path):
    cms, _state = live
    context, page = new_page(browser, cms)
    walk = GuideWalk(page)
    news = cms.repo / "content" / "actualites" / "image-sans-alt.md"
    walk.create("Actualités", "+ Actualité", {
        "Titre": "Image sans texte", "Identifiant d'adresse (slug)": "image-sans-alt",
        "Date de publication": "2026-11-20", "Résumé": "Une image.",
        "Rubrique": Pick("Orientation")}, body="Texte.")
    walk.click("Choisir une image")
    page.locator("input[type=file]").set_input_files(photo(tmp_path))
    walk.click("Choisir les éléments sélectionnés")
    try:
        walk.mark_messages_seen()
        walk.click("Publier")
        walk.click("Publier maintenant")
        messages = walk.new_messages()
        assert any("Texte alternatif de l'image : texte alternatif obligatoire quand une image "
                   "est donnée" in m for m in messages), messages
        assert not news.exists()
        walk.fill("Texte alternatif de l'image", "Un carré de couleur")
        walk.publish_into(news, "Un carré de couleur", "the news file")
        page.reload()
        image = page.locator("img[src*='photo']").first
        image.wait_for(timeout=20_000)
        wait_for(lambda: image.evaluate("i => i.complete && i.naturalWidth") > 0, timeout=20,
                 what="the uploaded image, shown in the editor")
        shown = page.frame_locator("iframe").first.locator("img[src*='photo']").first
        shown.wait_for(timeout=20_000)
        wait_for(lambda: shown.evaluate("i => i.complete && i.naturalWidth") > 0, timeout=20,
                 what="the uploaded image, shown in the preview")
    finally:
        context.close()
        news.unlink(missing_ok=True)
        (cms.repo / "content" / "images" / "photo.png").unlink(missing_ok=True)
