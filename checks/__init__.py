"""Quality gates run on a built site: `python -m checks OUTPUT` or `invoke check`.

links, pdf, html (Nu HTML Checker) and browser (axe-core, Content-Security-Policy, third-party
requests, bytes per page, in headless Chromium); every failure names the page and the element.
"""
