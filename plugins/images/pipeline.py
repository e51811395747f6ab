"""Responsive image variants made with Pillow, cached by content hash.

``Pipeline.process(path, widths)`` returns an ``ImageSet``: the image's display
size and, for each width (never more than the original), a WebP file and a
fallback in the original's family (PNG when it has transparency, JPEG
otherwise), EXIF orientation applied and metadata dropped. A sealed manifest per
source hash lists each variant's size and SHA-256: damage in the cache is a miss.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import struct
import warnings
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

from buildkit.cachefiles import read_sealed, write_atomic, write_sealed
from buildkit.imaging import ImageError, decoder_error  # ImageError defined in buildkit for other plugins
from buildkit.workers import can_fork, fork_pool
from images import svg

VERSION = "3"  # change to redo every variant after a change of encoding settings
QUALITY = 82  # WebP and JPEG
URL_DIR = "images"  # the variants' folder in the output
MANIFEST = "images-manifest"  # the kind of sealed manifest files
MAX_PIXELS = 40_000_000  # a 40 MP photo is already more than any phone sends
Image.MAX_IMAGE_PIXELS = MAX_PIXELS * 2  # Pillow's own bomb guard stays above ours
ORIENTATION = 0x0112  # EXIF tag
SRGB = ImageCms.createProfile("sRGB")


@dataclass
class Variant:
    url: str
    width: int
    height: int
    type: str  # "image/webp", "image/jpeg", "image/png", "image/svg+xml"


@dataclass
class ImageSet:
    width: int
    height: int
    webp: list[Variant] = field(default_factory=list)
    fallback: list[Variant] = field(default_factory=list)

    @property
    def src(self) -> Variant:
        """The fallback that fits most screens: the largest one."""
        return self.fallback[-1]

    def srcset(self, kind: str = "fallback") -> str:
        return ", ".join(f"{v.url} {v.width}w" for v in getattr(self, kind))


class Pipeline:
    """``process()`` plans an image's variants from its header and returns their ``ImageSet``
    at once; with ``background``, they are made in a forked process while the pages render
    and ``finish()`` waits for them, returning the errors found there."""

    def __init__(self, cache_dir: Path, background: bool = False):
        self.cache_dir = Path(cache_dir)
        self.done: dict[tuple, ImageSet] = {}
        self.outputs: dict[str, Path] = {}  # URL -> cached file, for the writer
        self.work = 0  # images decoded and encoded in this build
        self.background = background and can_fork()
        self._pool = None
        self._pending: list[tuple[Path, str, object]] = []

    def process(self, source: Path, widths=(480, 960, 1440), user: str = "") -> ImageSet:
        """The image's variants (``user``: who uses it, for error messages). Raises
        ImageError when the header already shows the image cannot be used."""
        data = source.read_bytes()
        key = hashlib.sha256(data + f"{VERSION}{widths}{QUALITY}".encode()).hexdigest()[:16]
        if (key, source.name) in self.done:
            return self.done[(key, source.name)]
        manifest = self.cache_dir / f"{key}.manifest"
        image_set = self._load(manifest, key)
        if image_set is None:  # never made, or the manifest or a variant is damaged
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            image_set, plan = self._plan(source, data, key, widths)
            if plan:
                self.work += 1
            if plan and self.background:
                if self._pool is None:
                    self._pool = fork_pool()
                future = self._pool.submit(make_entry, data, plan, manifest, image_set)
                self._pending.append((source, user, future))
            else:
                make_entry(data, plan, manifest, image_set)
        for variant in image_set.webp + image_set.fallback:
            self.outputs[variant.url] = self.cache_dir / Path(variant.url).name
        self.done[(key, source.name)] = image_set
        return image_set

    def finish(self) -> list[tuple[Path, str, ImageError]]:
        """Wait for the background work; [(source, user, error)] of the images that failed."""
        errors = []
        for source, user, future in self._pending:
            try:
                future.result()
            except ImageError as exc:
                errors.append((source, user, exc))
            except BrokenProcessPool:  # the worker died (out of memory, killed)
                errors.append((source, user, ImageError("image impossible à traiter : le "
                                                        "processus de conversion s'est arrêté")))
        self._pending.clear()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        return errors

    def _load(self, manifest: Path, key: str) -> ImageSet | None:
        """The manifest's ImageSet if it and every variant it lists are whole, else None."""
        data = read_sealed(manifest, f"{MANIFEST}:{key}")
        if data is None:
            return None
        try:
            raw = json.loads(data)
            found = raw["image_set"]
            image_set = ImageSet(found["width"], found["height"], [Variant(**v) for v in found["webp"]],
                                 [Variant(**v) for v in found["fallback"]])
            expected = {name: list(value) for name, value in raw["files"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        for path in _files(manifest.parent, image_set):
            try:
                if _fingerprint(path.read_bytes()) != expected.get(path.name):
                    return None
            except OSError:  # missing, a folder
                return None
        return image_set

    def _plan(self, source: Path, data: bytes, key: str, widths) -> tuple[ImageSet, list]:
        """The ImageSet, and [(width, height, [(format, cache file)...])] still to make."""
        name = (re.sub(r"[^a-z0-9-]+", "-", source.stem.lower()).strip("-") or "image") + f".{key}"
        if source.suffix.lower() == ".svg":
            try:
                svg.check(data)  # published as uploaded: it must be a plain drawing
            except svg.SvgError as exc:
                raise ImageError(str(exc)) from None
            width, height = _svg_size(data)
            url = f"{URL_DIR}/{name}.svg"
            write_atomic(self.cache_dir / Path(url).name, data)
            return ImageSet(width, height, [], [Variant(url, width, height, "image/svg+xml")]), []
        (full_w, full_h), alpha = _header(data)
        ext, mime = ("png", "image/png") if alpha else ("jpg", "image/jpeg")
        result, plan = ImageSet(full_w, full_h), []
        for width in sorted({w for w in widths if w < full_w} | {min(full_w, max(widths))}):
            height = max(1, round(full_h * width / full_w))
            files = []
            for kind, fmt, suffix, mtype in (("webp", "WEBP", "webp", "image/webp"),
                                             ("fallback", mime.split("/")[1].upper(), ext, mime)):
                url = f"{URL_DIR}/{name}-{width}.{suffix}"
                files.append((fmt, self.cache_dir / Path(url).name))
                getattr(result, kind).append(Variant(url, width, height, mtype))
            plan.append((width, height, files))
        return result, plan


def _files(cache_dir: Path, image_set: ImageSet) -> list[Path]:
    return [cache_dir / Path(v.url).name for v in image_set.webp + image_set.fallback]


def make_entry(data: bytes, plan: list, manifest: Path, image_set: ImageSet) -> None:
    """Make the planned variants, then write the manifest: in the background worker, so
    that a build stopped before ``finish()`` (a content error) still leaves whole entries."""
    if plan:
        make_variants(data, plan)
    files = {path.name: _fingerprint(path.read_bytes()) for path in _files(manifest.parent, image_set)}
    text = json.dumps({"image_set": asdict(image_set), "files": files}, sort_keys=True)
    write_sealed(manifest, f"{MANIFEST}:{manifest.stem}", text.encode())


def make_variants(data: bytes, plan: list) -> None:
    """Decode once, then resize and encode every planned variant into the cache (each
    file written under a temporary name, then renamed)."""
    image = _decode(data, max(width for width, _, _ in plan))
    for width, height, files in plan:
        resized = image if (width, height) == image.size else image.resize((width, height), Image.Resampling.LANCZOS)
        for fmt, target in files:
            out = io.BytesIO()
            if fmt == "WEBP":
                resized.save(out, "WEBP", quality=QUALITY, method=4)
            elif fmt == "PNG":
                resized.save(out, "PNG", optimize=True)
            else:
                resized.save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
            write_atomic(target, out.getvalue())  # no exif= argument: metadata is dropped


def _fingerprint(data: bytes) -> list:
    return [len(data), hashlib.sha256(data).hexdigest()]


def _shown_size(image: Image.Image) -> tuple[int, int]:
    """Width and height once the EXIF orientation is applied (5 to 8: a quarter turn)."""
    turned = image.getexif().get(ORIENTATION, 1) in (5, 6, 7, 8)
    return (image.height, image.width) if turned else image.size


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


# Everything Pillow and its format plugins raise on a hostile or damaged file (a zTXt
# chunk inflating past MAX_TEXT_CHUNK is a ValueError, a bad EXIF offset a struct.error
# or an IndexError): each becomes an ImageError with its reason (imaging.decoder_error).
DECODER_ERRORS = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError,
                  IndexError, KeyError, TypeError, struct.error, Image.DecompressionBombError,
                  Image.DecompressionBombWarning, ImageCms.PyCMSError)


@contextmanager
def decoding():
    """The one boundary between image files and the build: decoder failures inside
    become ImageError (« trop grande », « tronquée », « pas une image »,
    « métadonnées trop volumineuses »). Pillow's bomb warning is an error here."""
    # A library loaded in the same build may relax Pillow for its own images (WeasyPrint,
    # for the printable dossiers, sets LOAD_TRUNCATED_IMAGES at import): not for content.
    relaxed, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except DECODER_ERRORS as exc:
        raise decoder_error(exc) from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = relaxed


def _header(data: bytes) -> tuple[tuple[int, int], bool]:
    """(display size after EXIF orientation, has transparency), from the header only."""
    with decoding():
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageError(f"image trop grande ({probe.width}×{probe.height} pixels, "
                                 f"{MAX_PIXELS // 1_000_000} millions au plus)")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            return _shown_size(image), _has_alpha(image)


def _decode(data: bytes, max_width: int) -> Image.Image:
    """The image with EXIF orientation applied, converted to sRGB when it carries a
    colour profile; a JPEG wider than ``max_width`` is decoded by libjpeg at the
    smallest power-of-two scale that still covers it (a 12 MP photo for 1440 px: a
    quarter of the pixels to decode and resize)."""
    with decoding():
        image = Image.open(io.BytesIO(data))
        shown_w = _shown_size(image)[0]
        if image.format == "JPEG" and shown_w > max_width:
            scale = max_width / shown_w
            image.draft(None, (math.ceil(image.width * scale), math.ceil(image.height * scale)))
        image = ImageOps.exif_transpose(image)
        image.load()
        return _without_metadata(_to_srgb(image, "RGBA" if _has_alpha(image) else "RGB"))


def _to_srgb(image: Image.Image, mode: str) -> Image.Image:
    """``image`` in ``mode``, its colours as its profile meant them (a phone's Display P3,
    a scanner's CMYK) when it has one; a profile that does not fit the pixels is left out."""
    profile = image.info.get("icc_profile")
    if profile:
        source = image if image.mode in ("RGB", "RGBA", "CMYK", "L") else image.convert(mode)
        try:
            return ImageCms.profileToProfile(
                source, ImageCms.ImageCmsProfile(io.BytesIO(profile)), SRGB, outputMode=mode)
        except ImageCms.PyCMSError:
            pass  # e.g. an RGB profile on a grey image: its pixels are used as they are
    return image.convert(mode)


def _without_metadata(image: Image.Image) -> Image.Image:
    """The pixels only: Pillow's encoders copy some of ``info`` into the file (a JPEG's
    COM comment, a PNG's colour profile), and a copy of the image keeps ``info``."""
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return clean


def _svg_size(data: bytes) -> tuple[int, int]:
    head = data[:4000].decode("utf-8", "replace")
    number = r"(\d{1,9}(?:\.\d{1,9})?)"
    box = re.search(rf'viewBox="\s*-?[\d.]{{1,20}}[\s,]+-?[\d.]{{1,20}}[\s,]+{number}[\s,]+{number}\s*"', head)
    if not box or not float(box.group(1)) or not float(box.group(2)):
        raise ImageError("image SVG sans attribut viewBox valide (viewBox=\"0 0 largeur hauteur\")")
    return max(1, round(float(box.group(1)))), max(1, round(float(box.group(2))))
