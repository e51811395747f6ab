"""Variants: never upscaled, WebP + fallback, EXIF applied, metadata dropped, cached;
a damaged cache entry is made again."""

import io

import pytest
from damage import DAMAGES, copy_tree, damage
from PIL import Image

from images import pipeline as p


def save(tmp_path, name, size, mode="RGB", fmt="JPEG", exif=None):
    path = tmp_path / name
    kwargs = {"exif": exif} if exif else {}
    Image.new(mode, size, "white").save(path, fmt, **kwargs)
    return path


@pytest.fixture
def pipe(tmp_path):
    return p.Pipeline(tmp_path / "cache")


def opened(pipe, variant):
    return Image.open(io.BytesIO((pipe.cache_dir / variant.url.split("/")[-1]).read_bytes()))


def test_phone_photo_gets_each_width_in_two_formats(pipe, tmp_path):
    image_set = pipe.process(save(tmp_path, "Photo Atelier.JPG", (4000, 3000)))
    assert [v.width for v in image_set.webp] == [480, 960, 1440]
    assert [v.width for v in image_set.fallback] == [480, 960, 1440]
    assert (image_set.width, image_set.height) == (4000, 3000)
    assert image_set.src.url.startswith("images/photo-atelier.") and image_set.src.url.endswith("-1440.jpg")
    assert opened(pipe, image_set.webp[0]).format == "WEBP"
    assert opened(pipe, image_set.fallback[1]).size == (960, 720)


def test_never_upscaled_and_transparency_kept(pipe, tmp_path):
    image_set = pipe.process(save(tmp_path, "logo.png", (300, 100), mode="RGBA", fmt="PNG"))
    assert [v.width for v in image_set.fallback] == [300]
    assert image_set.fallback[0].type == "image/png"


def test_exif_orientation_applied_and_metadata_dropped(pipe, tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated: a 200x100 file shows as 100x200
    exif[0x010F] = "Téléphone"
    image_set = pipe.process(save(tmp_path, "r.jpg", (200, 100), exif=exif))
    variant = opened(pipe, image_set.fallback[0])
    assert variant.size == (100, 200)
    assert not variant.getexif()


def test_warm_cache_does_no_image_work(tmp_path):
    source = save(tmp_path, "a.jpg", (1000, 500))
    first = p.Pipeline(tmp_path / "cache")
    first.process(source)
    assert first.work == 1
    second = p.Pipeline(tmp_path / "cache")
    second.process(source)
    assert second.work == 0 and second.outputs == first.outputs
    source.write_bytes(b"")  # a changed image is redone
    Image.new("RGB", (900, 500), "black").save(source, "JPEG")
    second.process(source)
    assert second.work == 1


def test_corrupt_and_oversized_images_are_errors(pipe, tmp_path, monkeypatch):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not a jpeg")
    with pytest.raises(p.ImageError, match="tronquée"):
        pipe.process(bad)
    monkeypatch.setattr(p, "MAX_PIXELS", 100)
    with pytest.raises(p.ImageError, match="trop grande"):
        pipe.process(save(tmp_path, "big.jpg", (20, 20)))


def test_background_work_gives_the_same_files(tmp_path):
    photo = tmp_path / "photo.jpg"
    Image.effect_noise((2000, 1500), 40).convert("RGB").save(photo, "JPEG", quality=90)
    inline = p.Pipeline(tmp_path / "inline")
    expected = inline.process(photo)
    background = p.Pipeline(tmp_path / "background", background=True)
    image_set = background.process(photo)
    assert image_set == expected  # planned from the header, before any decoding
    assert background.finish() == []
    assert list((tmp_path / "background").glob("*.manifest"))  # manifest once the files exist
    for variant in image_set.webp + image_set.fallback:
        name = variant.url.split("/")[-1]
        assert (tmp_path / "background" / name).read_bytes() == (tmp_path / "inline" / name).read_bytes()
        assert Image.open(tmp_path / "background" / name).size == (variant.width, variant.height)


def test_large_jpeg_is_decoded_at_a_reduced_scale_with_the_right_size(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # a 4000x3000 file shown as 3000x4000
    photo = save(tmp_path, "turned.jpg", (4000, 3000), exif=exif)
    pipe = p.Pipeline(tmp_path / "cache")
    image_set = pipe.process(photo)
    assert (image_set.width, image_set.height) == (3000, 4000)
    assert [(v.width, v.height) for v in image_set.fallback] == [(480, 640), (960, 1280), (1440, 1920)]
    assert opened(pipe, image_set.fallback[-1]).size == (1440, 1920)


@pytest.mark.parametrize("background", [False, True])
def test_image_broken_after_its_header_is_an_error(tmp_path, background):
    photo = tmp_path / "cut.jpg"
    Image.effect_noise((800, 600), 40).convert("RGB").save(photo, "JPEG")
    photo.write_bytes(photo.read_bytes()[:3000])  # header fine, data cut short
    pipe = p.Pipeline(tmp_path / "cache", background=background)
    if background:
        pipe.process(photo, user="content/actualites/a.md: image:")
        ((source, user, error),) = pipe.finish()
        assert source == photo and user == "content/actualites/a.md: image:"
    else:
        with pytest.raises(p.ImageError) as failure:
            pipe.process(photo)
        error = failure.value
    assert "tronquée" in str(error)
    assert not list((tmp_path / "cache").glob("*.manifest"))  # never taken as done


def cache_files(folder):
    """({name: bytes} of the variants, the manifest files), whatever the manifests are named."""
    variants = {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix in (".webp", ".jpg", ".png")}
    return variants, sorted(p for p in folder.iterdir() if p.name not in variants)


@pytest.fixture(scope="module")
def two_images_made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two")
    sources = [folder / "a.jpg", folder / "b.jpg"]
    for seed, path in enumerate(sources):
        Image.effect_noise((1000, 600), 30 + seed).convert("RGB").save(path, "JPEG")
    pipe = p.Pipeline(folder / "cache")
    return sources, [pipe.process(path) for path in sources], folder / "cache"


@pytest.fixture
def two_images(tmp_path, two_images_made):
    """Two photos through the pipeline, in tmp_path/cache: (sources, ImageSets, variants, manifests)."""
    sources, sets, made = two_images_made
    copy_tree(made, tmp_path / "cache")
    variants, manifests = cache_files(tmp_path / "cache")
    assert len(manifests) == 2
    return sources, sets, variants, manifests


@pytest.mark.parametrize("how", DAMAGES)
def test_damaged_manifest_is_a_miss_and_replaced(tmp_path, two_images, how):
    sources, sets, variants, manifests = two_images
    good = manifests[0].read_bytes()
    damage(manifests[0], how, foreign=manifests[1].read_bytes())
    again = p.Pipeline(tmp_path / "cache")
    assert [again.process(path) for path in sources] == sets
    assert again.work == 1  # that image's variants made again, the same bytes
    assert manifests[0].read_bytes() == good
    assert cache_files(tmp_path / "cache")[0] == variants


@pytest.mark.parametrize("how", DAMAGES)
@pytest.mark.parametrize("with_manifest", [True, False])
def test_damaged_variant_is_made_again(tmp_path, two_images, how, with_manifest):
    sources, sets, variants, manifests = two_images
    cache = tmp_path / "cache"
    webp = [v.url.split("/")[-1] for v in sets[0].webp]
    damage(cache / webp[0], how, foreign=variants[webp[1]])  # a whole WebP of another size
    if not with_manifest:  # a build stopped before writing it
        for manifest in manifests:
            manifest.unlink()
    again = p.Pipeline(tmp_path / "cache")
    assert [again.process(path) for path in sources] == sets
    assert again.work == (1 if with_manifest else 2)  # without a manifest: made again
    assert cache_files(cache)[0] == variants  # the same bytes as the first time
    assert len(cache_files(cache)[1]) == 2
    third = p.Pipeline(tmp_path / "cache")
    assert [third.process(path) for path in sources] == sets and third.work == 0


@pytest.mark.skipif(not p.can_fork(), reason="needs fork and two cores")
def test_background_worker_writes_the_manifest_even_if_the_build_stops(tmp_path):
    """A build stopped on a content error never calls finish(): its images are whole entries
    all the same, found by the next build without decoding anything."""
    source = save(tmp_path, "a.jpg", (1000, 500))
    first = p.Pipeline(tmp_path / "cache", background=True)
    first.process(source)
    first._pool.shutdown(wait=True)  # what the interpreter does at exit
    _, manifests = cache_files(tmp_path / "cache")
    assert len(manifests) == 1
    again = p.Pipeline(tmp_path / "cache")
    again.process(source)
    assert again.work == 0
