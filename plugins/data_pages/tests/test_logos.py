"""Logos are resized (never upscaled), re-encoded as WebP plus a fallback."""

import io

import pytest
from PIL import Image

from data_pages import logos


def save(tmp_path, name, size, mode="RGB", fmt="PNG", exif=None):
    path = tmp_path / name
    image = Image.new(mode, size, "white")
    kwargs = {"exif": exif} if exif else {}
    image.save(path, fmt, **kwargs)
    return path


def decode(data):
    return Image.open(io.BytesIO(data))


def test_large_logo_is_resized_with_both_formats(tmp_path):
    logo = logos.process(save(tmp_path, "a.png", (1000, 500), "RGBA"), "partenaires/logos", "a")
    assert (logo.width, logo.height) == (logos.MAX_WIDTH, logos.MAX_WIDTH // 2)
    assert logo.webp.endswith(".webp") and logo.fallback.endswith(".png")
    assert decode(logo.files[logo.webp]).format == "WEBP"
    assert decode(logo.files[logo.fallback]).size == (logo.width, logo.height)


def test_small_logo_is_not_upscaled_and_jpeg_stays_jpeg(tmp_path):
    logo = logos.process(save(tmp_path, "b.jpg", (100, 40), fmt="JPEG"), "x", "b")
    assert (logo.width, logo.height) == (100, 40)
    assert logo.fallback.endswith(".jpg")


def test_exif_orientation_is_applied(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90°: a 200x100 file shows as 100x200
    logo = logos.process(save(tmp_path, "c.jpg", (200, 100), fmt="JPEG", exif=exif), "x", "c")
    assert (logo.width, logo.height) == (100, 200)
    assert not decode(logo.files[logo.fallback]).getexif()


def test_name_changes_with_content(tmp_path):
    first = logos.process(save(tmp_path, "d.png", (50, 50)), "x", "d")
    second = logos.process(save(tmp_path, "d.png", (60, 50)), "x", "d")
    assert first.webp != second.webp


def test_corrupt_image_is_a_clear_error(tmp_path):
    path = tmp_path / "e.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\nnot really a png")
    with pytest.raises(logos.LogoError, match="illisible"):
        logos.process(path, "x", "e")


def test_too_many_pixels_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(logos, "MAX_PIXELS", 100)
    with pytest.raises(logos.LogoError, match="trop grande"):
        logos.process(save(tmp_path, "f.png", (20, 20)), "x", "f")


@pytest.mark.parametrize(
    "name, letters",
    [("Michelin", "M"), ("Banque de France", "BF"), ("Région Auvergne-Rhône-Alpes", "RAR"),
     ("Programme d'investissements d'avenir", "PIA"), ("2ARAMI", "2ARAMI"), ("AKTO", "AKTO")],
)
def test_monogram(name, letters):
    assert logos.monogram(name) == letters
