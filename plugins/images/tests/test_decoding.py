"""One boundary for image files (pipeline.decoding): every decoder failure is an ImageError
with its reason, and published variants carry no metadata at all. Real files, made here
with Pillow the way phones, scanners and editors write them."""

import io
import struct
import zlib

import pytest
from PIL import Image, ImageCms, PngImagePlugin

from images import pipeline as p

SECRET = b"Jean Dupont 06 12 34 56 78"  # what a scanner's comment or an author tag may hold


def icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Téléphone"  # Make
    exif[0x013B] = SECRET.decode()  # Artist
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (45.0, 46.0, 37.0)  # GPSLatitudeRef, GPSLatitude
    gps[3], gps[4] = "E", (3.0, 5.0, 10.0)
    return exif


XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>' + SECRET + b"</dc:creator></x:xmpmeta>"


def phone_jpeg(path):
    """A JPEG with a COM comment, EXIF with GPS, XMP and an ICC profile."""
    Image.effect_noise((1600, 1200), 40).convert("RGB").save(
        path, "JPEG", comment=SECRET, exif=exif_with_gps(), xmp=XMP, icc_profile=icc())
    info = Image.open(path).info
    assert {"comment", "exif", "xmp", "icc_profile"} <= set(info)  # the file has them all
    assert Image.open(path).getexif().get_ifd(0x8825)
    return path


def png_with_chunks(path, mode="RGB"):
    """A PNG with zTXt (compressed text), tEXt, iTXt, iCCP and eXIf chunks."""
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", SECRET.decode(), zip=True)  # zTXt
    text.add_text("Comment", SECRET.decode())  # tEXt
    text.add_itxt("Description", SECRET.decode())
    Image.new(mode, (1000, 700), "teal").save(path, "PNG", pnginfo=text, icc_profile=icc(),
                                               exif=exif_with_gps())
    data = path.read_bytes()
    assert all(chunk in data for chunk in (b"zTXt", b"tEXt", b"iTXt", b"iCCP", b"eXIf"))
    return path


def variants(pipe, image_set):
    return [(v, (pipe.cache_dir / v.url.split("/")[-1]).read_bytes())
            for v in image_set.webp + image_set.fallback]


def assert_no_metadata(data: bytes):
    image = Image.open(io.BytesIO(data))
    assert not image.getexif(), "EXIF"
    assert not {"comment", "exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(image.info)
    assert not getattr(image, "text", {}), "PNG text"
    for marker in (SECRET, b"xmpmeta", b"Exif\x00", b"ICC_PROFILE", b"zTXt", b"tEXt",
                   b"iTXt", b"iCCP", b"eXIf", b"ICCP", b"EXIF", b"XMP "):
        assert marker not in data, marker
    if image.format == "JPEG":
        assert b"\xff\xfe" not in data[:data.index(b"\xff\xda")]  # no COM segment


@pytest.mark.parametrize("background", [False, True])
def test_phone_jpeg_with_com_exif_gps_xmp_publishes_no_metadata(tmp_path, background):
    pipe = p.Pipeline(tmp_path / "cache", background=background)
    image_set = pipe.process(phone_jpeg(tmp_path / "atelier.jpg"))
    assert pipe.finish() == []
    found = variants(pipe, image_set)
    assert len(found) == 6  # 480, 960, 1440 in WebP and JPEG
    for _variant, data in found:
        assert_no_metadata(data)


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_png_with_text_profile_and_exif_chunks_publishes_no_metadata(tmp_path, mode):
    pipe = p.Pipeline(tmp_path / "cache")
    image_set = pipe.process(png_with_chunks(tmp_path / "schema.png", mode))
    for _variant, data in variants(pipe, image_set):
        assert_no_metadata(data)


def test_colour_profile_is_applied_before_it_is_dropped(tmp_path):
    """A photo in another colour space keeps its colours (converted to sRGB), not its profile."""
    lab_like = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    path = tmp_path / "p3.jpg"
    Image.new("RGB", (600, 400), (200, 30, 30)).save(path, "JPEG", icc_profile=icc())
    pipe = p.Pipeline(tmp_path / "cache")
    for _variant, data in variants(pipe, pipe.process(path)):
        assert_no_metadata(data)
        red = Image.open(io.BytesIO(data)).convert("RGB").getpixel((10, 10))
        assert abs(red[0] - 200) < 12 and red[1] < 50  # sRGB to sRGB: the same colour
    assert lab_like  # the profile bytes are built by LittleCMS (sanity of the helper)


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header(width, height, *chunks) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" + b"\x00" * 3)  # one pixel row, enough for a header
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + b"".join(chunks)
            + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b""))


def inflating(kind: bytes, keyword: bytes) -> bytes:
    """A chunk of a few kB that inflates to 20 MB (past Pillow's MAX_TEXT_CHUNK)."""
    return png_chunk(kind, keyword + b"\x00\x00" + zlib.compress(b"\x00" * 20_000_000, 9))


@pytest.mark.parametrize("name, data, reason", [
    ("huge.png", png_header(60_000, 60_000), "trop grande"),
    ("ztxt.png", png_header(10, 10, inflating(b"zTXt", b"Comment")),
     "métadonnées trop volumineuses"),
    ("iccp.png", png_header(10, 10, inflating(b"iCCP", b"profile")),
     "métadonnées trop volumineuses"),
    ("text.jpg", b"Bonjour, ceci n'est pas une photo", "pas une image"),
    ("empty.png", b"", "pas une image"),
])
def test_decoder_failures_are_image_errors_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    pipe = p.Pipeline(tmp_path / "cache")
    with pytest.raises(p.ImageError, match=reason):
        pipe.process(path)
        for _source, _user, error in pipe.finish():
            raise error


@pytest.mark.parametrize("background", [False, True])
def test_truncated_photo_is_tronquee(tmp_path, background):
    photo = phone_jpeg(tmp_path / "cut.jpg")
    photo.write_bytes(photo.read_bytes()[:60_000])
    pipe = p.Pipeline(tmp_path / "cache", background=background)
    with pytest.raises(p.ImageError, match="tronquée"):
        pipe.process(photo)
        for _source, _user, error in pipe.finish():
            raise error


@pytest.mark.parametrize("box", ["0 0 1.2.3 10", "0 0 0 0", "0 0 1e999 5", "a b c d"])
def test_svg_with_a_bad_viewbox_is_an_image_error(tmp_path, box):
    path = tmp_path / "logo.svg"
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}"><rect width="1" '
                    'height="1"/></svg>')
    with pytest.raises(p.ImageError, match="viewBox"):
        p.Pipeline(tmp_path / "cache").process(path)


def test_a_library_relaxing_pillow_does_not_relax_the_boundary(tmp_path, monkeypatch):
    """WeasyPrint (the printable dossiers) sets LOAD_TRUNCATED_IMAGES when imported."""
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    photo = phone_jpeg(tmp_path / "cut.jpg")
    photo.write_bytes(photo.read_bytes()[:60_000])
    with pytest.raises(p.ImageError, match="tronquée"):
        p.Pipeline(tmp_path / "cache").process(photo)
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # given back to the library
