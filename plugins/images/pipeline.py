"""Responsive image variants made with Pillow, cached by content hash.

``Pipeline.process(path, widths)`` returns an ``ImageSet``: the image's display
size and, for each width (never more than the original), a WebP file and a
fallback in the original's family (PNG when it has transparency, JPEG
otherwise), EXIF orientation applied and metadata dropped. Variants live in a
cache folder outside the output (it survives `invoke clean`); a manifest per
source hash means a build where no image changed decodes nothing. New images
are made in a background process while the build goes on (``finish()`` waits).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from buildkit.workers import can_fork, fork_pool

VERSION = "2"  # change to redo every variant after a change of encoding settings
MAX_PIXELS = 40_000_000  # a 40 MP photo is already more than any phone sends
Image.MAX_IMAGE_PIXELS = MAX_PIXELS * 2  # Pillow's own bomb guard stays above ours
ORIENTATION = 0x0112  # EXIF tag


class ImageError(ValueError):
    """An image that cannot be used, with a French message for editors."""


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


def _stem(path: Path) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-") or "image"


class Pipeline:
    """``process()`` plans an image's variants from its header (size, orientation,
    transparency) and returns their ``ImageSet`` at once; decoding, resizing and
    encoding (about 0.7 s for a 12 MP photo) run in a background process when
    ``background`` is set, while the build renders its pages. ``finish()`` waits for
    them and returns the errors found there. A manifest is written only once every
    variant of the image is in the cache."""

    def __init__(self, cache_dir: Path, url_dir: str = "images", quality: int = 82,
                 background: bool = False):
        self.cache_dir = Path(cache_dir)
        self.url_dir = url_dir
        self.quality = quality
        self.done: dict[tuple, ImageSet] = {}
        self.outputs: dict[str, Path] = {}  # URL -> cached file, for the writer
        self.work = 0  # images decoded and encoded in this build
        self.background = background and can_fork()
        self._pool = None
        self._pending: list[tuple[Path, str, object, Path, ImageSet]] = []

    def process(self, source: Path, widths=(480, 960, 1440), user: str = "") -> ImageSet:
        """The image's variants (``user``: who uses it, for error messages). Raises
        ImageError when the header already shows the image cannot be used."""
        data = source.read_bytes()
        key = hashlib.sha256(data + f"{VERSION}{widths}{self.quality}".encode()).hexdigest()[:16]
        if (key, source.name) in self.done:
            return self.done[(key, source.name)]
        manifest = self.cache_dir / f"{key}.json"
        if manifest.is_file():
            image_set = self._load(manifest)
        else:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            image_set, plan = self._plan(source, data, key, widths)
            if all(target.is_file() for _, _, files in plan for _, target in files):
                plan = []  # made by a build that stopped before writing the manifest
            else:
                self.work += 1
            if plan and self.background:
                if self._pool is None:
                    self._pool = fork_pool()
                future = self._pool.submit(make_variants, data, plan, self.quality)
                self._pending.append((source, user, future, manifest, image_set))
            else:
                if plan:
                    make_variants(data, plan, self.quality)
                manifest.write_text(json.dumps(asdict(image_set)), encoding="utf-8")
        for variant in image_set.webp + image_set.fallback:
            self.outputs[variant.url] = self.cache_dir / Path(variant.url).name
        self.done[(key, source.name)] = image_set
        return image_set

    def finish(self) -> list[tuple[Path, str, ImageError]]:
        """Wait for the background work; [(source, user, error)] of the images that failed."""
        errors = []
        for source, user, future, manifest, image_set in self._pending:
            try:
                future.result()
            except ImageError as exc:
                errors.append((source, user, exc))
                continue
            except Exception as exc:  # a worker that died, an unexpected decoder error
                errors.append((source, user, ImageError(f"image illisible ({exc.__class__.__name__})")))
                continue
            manifest.write_text(json.dumps(asdict(image_set)), encoding="utf-8")
        self._pending.clear()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        return errors

    def _load(self, manifest: Path) -> ImageSet:
        raw = json.loads(manifest.read_text(encoding="utf-8"))
        return ImageSet(raw["width"], raw["height"], [Variant(**v) for v in raw["webp"]],
                        [Variant(**v) for v in raw["fallback"]])

    def _plan(self, source: Path, data: bytes, key: str, widths) -> tuple[ImageSet, list]:
        """The ImageSet, and [(width, height, [(format, cache file)...])] still to make."""
        name = f"{_stem(source)}.{key}"
        if source.suffix.lower() == ".svg":
            width, height = _svg_size(data)
            url = f"{self.url_dir}/{name}.svg"
            (self.cache_dir / Path(url).name).write_bytes(data)
            return ImageSet(width, height, [], [Variant(url, width, height, "image/svg+xml")]), []
        (full_w, full_h), alpha = _header(data)
        ext, mime = ("png", "image/png") if alpha else ("jpg", "image/jpeg")
        result, plan = ImageSet(full_w, full_h), []
        for width in sorted({w for w in widths if w < full_w} | {min(full_w, max(widths))}):
            height = max(1, round(full_h * width / full_w))
            files = []
            for kind, fmt, suffix, mtype in (("webp", "WEBP", "webp", "image/webp"),
                                             ("fallback", mime.split("/")[1].upper(), ext, mime)):
                url = f"{self.url_dir}/{name}-{width}.{suffix}"
                files.append((fmt, self.cache_dir / Path(url).name))
                getattr(result, kind).append(Variant(url, width, height, mtype))
            plan.append((width, height, files))
        return result, plan


def make_variants(data: bytes, plan: list, quality: int) -> None:
    """Decode once, then resize and encode every planned variant into the cache (each
    file written under a temporary name, then renamed)."""
    image = _decode(data, max(width for width, _, _ in plan))
    image = image.convert("RGBA" if _has_alpha(image) else "RGB")
    for width, height, files in plan:
        resized = image if (width, height) == image.size else image.resize((width, height), Image.Resampling.LANCZOS)
        for fmt, target in files:
            out = io.BytesIO()
            if fmt == "WEBP":
                resized.save(out, "WEBP", quality=quality, method=4)
            elif fmt == "PNG":
                resized.save(out, "PNG", optimize=True)
            else:
                resized.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}")
            tmp.write_bytes(out.getvalue())  # no exif= argument: metadata is dropped
            tmp.replace(target)


def _shown_size(image: Image.Image) -> tuple[int, int]:
    """Width and height once the EXIF orientation is applied (5 to 8: a quarter turn)."""
    turned = image.getexif().get(ORIENTATION, 1) in (5, 6, 7, 8)
    return (image.height, image.width) if turned else image.size


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def _header(data: bytes) -> tuple[tuple[int, int], bool]:
    """(display size after EXIF orientation, has transparency), from the header only."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageError(f"image trop grande ({probe.width}×{probe.height} pixels, "
                                 f"{MAX_PIXELS // 1_000_000} millions au plus)")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            return _shown_size(image), _has_alpha(image)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ImageError(f"image illisible ou corrompue ({exc.__class__.__name__})") from None


def _decode(data: bytes, max_width: int) -> Image.Image:
    """The image with EXIF orientation applied; a JPEG wider than ``max_width`` is
    decoded by libjpeg at the smallest power-of-two scale that still covers it (a 12 MP
    photo for 1440 px: a quarter of the pixels to decode and resize)."""
    try:
        image = Image.open(io.BytesIO(data))
        shown_w = _shown_size(image)[0]
        if image.format == "JPEG" and shown_w > max_width:
            scale = max_width / shown_w
            image.draft(None, (math.ceil(image.width * scale), math.ceil(image.height * scale)))
        image = ImageOps.exif_transpose(image)
        image.load()
        return image
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ImageError(f"image illisible ou corrompue ({exc.__class__.__name__})") from None


def _svg_size(data: bytes) -> tuple[int, int]:
    head = data[:4000].decode("utf-8", "replace")
    box = re.search(r'viewBox="\s*[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)', head)
    if not box:
        raise ImageError("image SVG sans attribut viewBox")
    return round(float(box.group(1))), round(float(box.group(2)))
