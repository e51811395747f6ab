"""Printing a page from the browser (issue 25, item 7; theme/static/css/components/print.css): no
navigation, header tools or footer clutter, the address of a link after its text,
one column, tables never clipped. Chromium in print media on the real site."""

import pypdfium2


def printed(page, url: str):
    page.goto(url)
    page.emulate_media(media="print")


def test_print_hides_navigation_and_shows_link_addresses(page_checked, served_site):
    page = page_checked.page
    printed(page, f"{served_site}/formations/bac-pro-usinage/")
    for hidden in (".h32-nav", ".h32-breadcrumb", ".h32-header__search", ".h32-footer__bottom",
                   ".h32-footer__partners", ".h32-skip-link"):
        if page.locator(hidden).count():
            assert not page.locator(hidden).first.is_visible(), hidden
    after = page.evaluate("""() => {
        const a = document.querySelector('.h32-prose a[href^="/"]');
        return [a.getAttribute('href'), getComputedStyle(a, '::after').content];
    }""")
    assert after[1] == '" (" attr(href) ")"' or after[1] == f'" ({after[0]})"', after
    assert page.evaluate("getComputedStyle(document.querySelector('.h32-columns')).display") == "block"
    assert page.locator("h1").is_visible()
    # Back on screen, the navigation is there again.
    page.emulate_media(media="screen")
    assert page.locator(".h32-breadcrumb").first.is_visible()


def test_printed_page_keeps_its_text(page_checked, served_site):
    page = page_checked.page
    page.goto(f"{served_site}/chiffres-cles/")
    document = pypdfium2.PdfDocument(page.pdf(format="A4"))
    text = " ".join(p.get_textpage().get_text_range() for p in document)
    assert "Chiffres clés" in text and "Ils portent Hall 32" not in text  # the footer's partners
    page.emulate_media(media="print")
    overflow = page.evaluate("""() => [...document.querySelectorAll('.h32-table__scroll')]
        .map(e => getComputedStyle(e).overflowX)""")
    assert all(value == "visible" for value in overflow)
