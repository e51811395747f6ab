"""buildkit.imaging: the images plugin registers the build's pipeline, other plugins ask for it."""

from __future__ import annotations

import pytest

from buildkit import imaging


def test_the_registered_pipeline_is_returned_and_its_absence_is_named(monkeypatch):
    monkeypatch.setattr(imaging, "_current", {})
    with pytest.raises(LookupError, match="images plugin is missing from PLUGINS"):
        imaging.pipeline()
    pipeline = object()
    imaging.register(pipeline)
    assert imaging.pipeline() is pipeline


def test_the_images_plugin_raises_the_error_other_plugins_catch():
    from images.pipeline import ImageError

    assert ImageError is imaging.ImageError and issubclass(ImageError, ValueError)
