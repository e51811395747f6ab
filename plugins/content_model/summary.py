"""One line per content type at the end of a build: what was published, and the time.

Readers and generators ``record()`` the time spent on each type (Pelican's own line knows
only articles and pages); content_model prints the lines once the site is written, e.g.::

    Métiers : 11 en ligne (lus en 0,04 s)
    Actualités : 10 en ligne, 1 brouillon (lus en 0,02 s)
    Images : 12 (3 traitée(s), 9 depuis le cache, 0,80 s)
"""

from __future__ import annotations

from collections import defaultdict

from . import schema as s

_seconds: dict[str, float] = defaultdict(float)
_drafts: dict[str, int] = defaultdict(int)
_published: dict[str, int] = {}
_extra: list[str] = []


def reset() -> None:
    for table in (_seconds, _drafts, _published):
        table.clear()
    _extra.clear()


def record(type_name: str, seconds: float, draft: bool = False) -> None:
    _seconds[type_name] += seconds
    _drafts[type_name] += draft


def published(counts: dict[str, int]) -> None:
    _published.update(counts)


def line(text: str) -> None:
    """A line of another part of the build (images)."""
    _extra.append(text)


def seconds_fr(value: float) -> str:
    return f"{value:.2f}".replace(".", ",") + " s"


def lines() -> list[str]:
    out = []
    for ctype in s.TYPES:
        if ctype.name not in _published:
            continue
        text = f"{ctype.label} : {_published[ctype.name]} en ligne"
        drafts = _drafts[ctype.name]
        if drafts:
            text += f", {drafts} brouillon" + ("s" if drafts > 1 else "")
        out.append(text + f" (lus en {seconds_fr(_seconds[ctype.name])})")
    return out + _extra
