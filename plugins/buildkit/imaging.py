"""The build's image pipeline, for plugins other than images (data_pages' partner logos).

The images plugin makes one pipeline per build and registers it here at ``initialized``;
another plugin asks for it with ``pipeline()`` and catches ``ImageError``, the error a
pipeline raises for an image an editor must fix: no plugin imports the images plugin.
"""

from __future__ import annotations

_current: dict = {}


class ImageError(ValueError):
    """An image that cannot be used, with a French message for editors."""


def register(pipeline) -> None:
    """Make ``pipeline`` (images.pipeline.Pipeline) the one of this build."""
    _current["pipeline"] = pipeline


def pipeline():
    """This build's pipeline: ``process(source, widths, user=...)`` plans an image's
    variants and returns its ImageSet (``picture()`` in templates), or raises ImageError."""
    try:
        return _current["pipeline"]
    except KeyError:
        raise LookupError("buildkit.imaging: no image pipeline registered "
                          "(the images plugin is missing from PLUGINS)") from None
