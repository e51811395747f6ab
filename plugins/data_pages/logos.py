"""Partner logos: resized by the images pipeline (plugins/images); without a logo,
a monogram (initials) drawn by CSS: no image, no third-party request."""

from __future__ import annotations

import re

LOGO_WIDTHS = (320,)  # CSS px a card shows at most; 2x is not worth it for logos
STOP_WORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "pour", "à"}


def monogram(name: str) -> str:
    words = [w for w in re.split(r"[\s'’\-]+", name) if w and w.lower() not in STOP_WORDS]
    if len(words) == 1 and len(words[0]) <= 6 and words[0].upper() == words[0]:
        return words[0]  # an acronym is its own monogram: AKTO, CIMES, 2ARAMI
    letters = "".join(w[0] for w in words if w[0].isalnum())
    return (letters[:3] or name[:1]).upper()
