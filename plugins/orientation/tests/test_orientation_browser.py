"""The orientation path in Chromium, with JavaScript off and on: completed with the
keyboard alone (Tab to an answer, Enter), each step at its own URL, back button."""

from __future__ import annotations

import pytest
from support import TYPED

STEPS = ["orientation/college/", "orientation/college/maintenance/"]


def h1(page) -> str:
    """The heading's words (French typography puts no-break spaces before « ? »)."""
    return " ".join(page.inner_text("h1").translate(TYPED).split())


def tab_to(page, href: str, limit: int = 80) -> None:
    """Press Tab until the link to ``href`` has the focus (no mouse)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.getAttribute('href')") == href:
            return
    raise AssertionError(f"{href} never reached with Tab on {page.url}")


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
def test_keyboard_only_completion_and_back_button(browser, served_site, javascript):
    context = browser.new_context(locale="fr-FR", java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(f"{served_site}/orientation/")
        assert h1(page) == "Vous êtes…"
        for url in STEPS:
            tab_to(page, f"/{url}")
            with page.expect_navigation():
                page.keyboard.press("Enter")
            assert page.url == f"{served_site}/{url}"
        assert h1(page) == "Les formations pour vous"
        section = page.locator('section[aria-labelledby="orientation-formations"]')
        assert section.get_by_role("link", name="Bac Pro — maintenance").count() == 1
        page.go_back()
        assert page.url == f"{served_site}/{STEPS[0]}"
        assert h1(page) == "Quels métiers vous attirent ?"
    finally:
        context.close()
