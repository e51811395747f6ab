"""The build's image pipeline, for plugins other than images (data_pages' partner logos).

The images plugin makes one pipeline per build and registers it here at ``initialized``;
another plugin asks for it with ``pipeline()`` and catches ``ImageError``, the error a
pipeline raises for an image an editor must fix: no plugin imports the images plugin.
``decoder_error`` turns whatever a decoder raised into that error, with its reason.
"""

from __future__ import annotations

import re

_current: dict = {}


class ImageError(ValueError):
    """An image that cannot be used, with a French message for editors."""


# Why a decoder failed, in the words an editor can act on. Pillow says it with exception
# classes and messages (checked against Pillow 13 by plugins/images/tests/test_decoding.py).
TOO_LARGE = "image trop grande"
TRUNCATED = "image tronquée : le fichier est incomplet, déposez-le à nouveau"
NOT_AN_IMAGE = "ce fichier n'est pas une image (ou d'un format inconnu) : enregistrez-la en JPEG ou PNG"
METADATA = ("image aux métadonnées trop volumineuses (texte ou profil de couleurs intégré) : "
            "réenregistrez-la sans métadonnées")
DAMAGED = "image illisible ou corrompue"


def decoder_error(exc: BaseException) -> ImageError:
    from PIL import Image, UnidentifiedImageError

    text = str(exc)
    if isinstance(exc, ImageError):
        return exc
    if isinstance(exc, (Image.DecompressionBombError, Image.DecompressionBombWarning)):
        pixels = re.search(r"\((\d+) pixels\)", text)
        reason = (f"{TOO_LARGE} ({int(pixels[1]) / 1e6:.0f} millions de pixels)" if pixels
                  else TOO_LARGE)
    elif isinstance(exc, UnidentifiedImageError):
        reason = NOT_AN_IMAGE
    elif "too large" in text or "Too much memory" in text or "MAX_TEXT" in text:
        reason = METADATA
    elif "runcated" in text or "broken data stream" in text or isinstance(exc, EOFError):
        reason = TRUNCATED
    else:
        reason = f"{DAMAGED} ({exc.__class__.__name__})"
    return ImageError(reason)


def register(pipeline) -> None:
    _current["pipeline"] = pipeline


def pipeline():
    try:
        return _current["pipeline"]
    except KeyError:
        raise LookupError("buildkit.imaging: no image pipeline registered "
                          "(the images plugin is missing from PLUGINS)") from None
