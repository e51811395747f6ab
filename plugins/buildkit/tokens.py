"""The theme's design tokens (theme/static/css/tokens.css), read by Python.

tokens.css is the one home of the site's colours and fonts: the stylesheets use
them as var(--h32-…), and code that draws or writes outside CSS (the social cards,
the theme-color meta tag) reads the same custom properties here, with tinycss2.
"""

from __future__ import annotations

from pathlib import Path

import tinycss2

TOKENS_CSS = Path("static") / "css" / "tokens.css"  # inside the theme folder


def read(path: str | Path) -> dict[str, str]:
    """{name without "--": value} of the custom properties declared in :root."""
    css = Path(path).read_text(encoding="utf-8")
    tokens: dict[str, str] = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule" or tinycss2.serialize(rule.prelude).strip() != ":root":
            continue
        for decl in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            if decl.type == "declaration" and decl.name.startswith("--"):
                tokens[decl.name[2:]] = tinycss2.serialize(decl.value).strip()
    return tokens
