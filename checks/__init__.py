"""Quality gates run on a built site: `python -m checks OUTPUT` or `invoke check`.

links (internal links and #anchors), html (Nu HTML Checker, npm vnu-jar),
browser (axe-core WCAG 2.1 A/AA + best practices, Content-Security-Policy,
third-party requests, bytes per page) in headless Chromium. Every failure
names the page and the element.
"""
