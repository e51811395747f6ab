"""A phone is enough (issue 23, item 6): in real Chromium at 390×844 (touch, DPR 2), with
plugins/cms_config/static/admin-phone.css, an editor opens an entry, edits it, sees its
preview and publishes it: no horizontal scrolling, every control inside the screen's
width, « Publier » and « Supprimer l'entrée » in view wherever the page is scrolled.
docs/cms.md has the figures before and after. Also: without decap-server, /admin/ says to
run `invoke cms`."""

from __future__ import annotations

from cms_config.tests.cms_support import quietly, wait_for
from cms_config.tests.walk import GuideWalk
from content_model.frontmatter import read_text

PHONE = dict(locale="fr-FR", viewport={"width": 390, "height": 844}, device_scale_factor=2,
             is_mobile=True, has_touch=True)
# Every visible control cut by the screen's edges, and the page's width.
LAYOUT = """() => {
  const vw = window.innerWidth;
  const cut = [...document.querySelectorAll('button, a, input, textarea, select, [role=button]')]
    .filter(e => { const r = e.getBoundingClientRect();
                   return r.width > 0 && r.height > 0 && (r.left < -1 || r.right > vw + 1); })
    .map(e => (e.textContent || e.getAttribute('aria-label') || e.tagName).trim().slice(0, 40));
  return {width: vw, scrollWidth: document.scrollingElement.scrollWidth, cut};
}"""


def in_view(locator) -> bool:
    box = locator.bounding_box()
    return bool(box) and box["x"] >= 0 and box["x"] + box["width"] <= 391 and 0 <= box["y"] <= 844


def test_an_editor_can_edit_preview_and_publish_on_a_phone(cms, browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    walk = GuideWalk(page)
    page.goto(f"{cms.base}/admin/")
    page.get_by_role("button", name="Se connecter", exact=True).click()
    page.get_by_text("Actualités", exact=True).first.wait_for()
    try:
        assert page.evaluate(LAYOUT) == {"width": 390, "scrollWidth": 390, "cut": []}
        walk.open_entry("Métiers", "Soudeur ou soudeuse")
        title = walk.field("Titre")
        assert page.evaluate(LAYOUT) == {"width": 390, "scrollWidth": 390, "cut": []}
        assert in_view(page.get_by_text("Supprimer l'entrée", exact=True))

        title.fill("Soudeur ou soudeuse (téléphone)")
        publish = page.get_by_role("button", name="Publier").first
        assert in_view(publish)
        # The preview is below the form: scroll to it; the toolbar stays in view.
        frame = page.locator("iframe").first
        frame.scroll_into_view_if_needed()
        preview = page.frame_locator("iframe").first
        preview.get_by_text("Soudeur ou soudeuse (téléphone)").first.wait_for()
        assert in_view(publish), "the toolbar scrolled out of view"
        assert page.evaluate(LAYOUT)["scrollWidth"] == 390

        walk.publish()
        trade = cms.repo / "content" / "metiers" / "soudeur.md"
        wait_for(lambda: quietly(lambda: "(téléphone)" in read_text(trade)), what="the saved trade")
    finally:
        context.close()
        trade = cms.repo / "content" / "metiers" / "soudeur.md"
        trade.write_text(read_text(trade).replace(" (téléphone)", ""), encoding="utf-8")


def test_without_decap_server_admin_says_to_run_invoke_cms(cms, browser):
    """Under `invoke build serve` nothing answers at the local backend's address: Decap falls
    back to a GitHub login that cannot work locally, and the bar says what to do instead."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route(f"http://127.0.0.1:{cms.port}/**", lambda route: route.abort())
    try:
        page.goto(f"{cms.base}/admin/")
        notice = page.get_by_text("Le serveur de rédaction ne répond pas", exact=False)
        notice.wait_for(timeout=15_000)
        assert "invoke cms" in notice.inner_text()
    finally:
        context.close()
