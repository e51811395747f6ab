"""Pelican's "Unable to find '/metiers/x.md'" names the content file and line that hold the link.

Pelican replaces ``{filename}``/``{static}`` links when a page's HTML is first
used (``Content._link_replacer``, in pelican/contents.py) and, for a file that
does not exist, logs "Unable to find '%s', skipping url replacement." without
saying which content file holds the link. This filter, on the
``pelican.contents`` logger, finds that content object in the logging call's
own stack (the ``self`` of ``_link_replacer``) and rewrites the message:

    WARNING: content/pages/accessibilite.md:12: lien vers « {filename}/metiers/inexistant.md » :
    fichier introuvable, lien laissé tel quel

It runs before Pelican's duplicate filter, so the same broken link in two files
is reported twice. If a later Pelican logs it elsewhere, the message is left as
Pelican wrote it.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from .paths import display_path

PELICAN_MSG = "Unable to find '%s', skipping url replacement."
MESSAGE = "%s: lien vers « %s » : fichier introuvable, lien laissé tel quel"


def _replacer_frame():
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "_link_replacer" and "self" in frame.f_locals:
            return frame
        frame = frame.f_back
    return None


def _line_of(path: str, text: str) -> int | None:
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return next((number for number, line in enumerate(lines, 1) if text in line), None)


class LinkSource(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg != PELICAN_MSG:
            return True
        frame = _replacer_frame()
        source = getattr(frame.f_locals["self"], "source_path", None) if frame else None
        if not source:
            return True
        match = frame.f_locals.get("m")
        typed = match.group("path") if match is not None else str(record.args[0])
        line = _line_of(source, typed)
        where = display_path(source) + (f":{line}" if line else "")
        record.msg, record.args = MESSAGE, (where, typed)
        return True


_filter = LinkSource()


def install(*_signal_args) -> None:
    """Put the filter first on Pelican's contents logger (a receiver for any signal)."""
    logger = logging.getLogger("pelican.contents")
    if _filter not in logger.filters:
        logger.filters.insert(0, _filter)
