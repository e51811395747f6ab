"""Responsive image variants made with Pillow, cached by content hash.

``Pipeline.process(path, widths)`` returns an ``ImageSet``: the image's display
size and, for each width (never more than the original), a WebP file and a
fallback in the original's family (PNG when it has transparency, JPEG
otherwise), EXIF orientation applied and metadata dropped. Variants live in a
cache folder outside the output (it survives `invoke clean`); a manifest per
source hash means a build where no image changed decodes nothing.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

VERSION = "1"  # change to redo every variant after a change of encoding settings
MAX_PIXELS = 40_000_000  # a 40 MP photo is already more than any phone sends
Image.MAX_IMAGE_PIXELS = MAX_PIXELS * 2  # Pillow's own bomb guard stays above ours


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
    def __init__(self, cache_dir: Path, url_dir: str = "images", quality: int = 82):
        self.cache_dir = Path(cache_dir)
        self.url_dir = url_dir
        self.quality = quality
        self.done: dict[tuple, ImageSet] = {}
        self.outputs: dict[str, Path] = {}  # URL -> cached file, for the writer
        self.work = 0  # images decoded and encoded in this build

    def process(self, source: Path, widths=(480, 960, 1440)) -> ImageSet:
        data = source.read_bytes()
        key = hashlib.sha256(data + f"{VERSION}{widths}{self.quality}".encode()).hexdigest()[:16]
        if (key, source.name) in self.done:
            return self.done[(key, source.name)]
        manifest = self.cache_dir / f"{key}.json"
        if manifest.is_file():
            image_set = self._load(manifest)
        else:
            image_set = self._make(source, data, key, widths)
            manifest.write_text(json.dumps(asdict(image_set)), encoding="utf-8")
            self.work += 1
        for variant in image_set.webp + image_set.fallback:
            self.outputs[variant.url] = self.cache_dir / Path(variant.url).name
        self.done[(key, source.name)] = image_set
        return image_set

    def _load(self, manifest: Path) -> ImageSet:
        raw = json.loads(manifest.read_text(encoding="utf-8"))
        return ImageSet(raw["width"], raw["height"], [Variant(**v) for v in raw["webp"]],
                        [Variant(**v) for v in raw["fallback"]])

    def _make(self, source: Path, data: bytes, key: str, widths) -> ImageSet:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        name = f"{_stem(source)}.{key}"
        if source.suffix.lower() == ".svg":
            width, height = _svg_size(data)
            url = f"{self.url_dir}/{name}.svg"
            (self.cache_dir / Path(url).name).write_bytes(data)
            return ImageSet(width, height, [], [Variant(url, width, height, "image/svg+xml")])
        image = _open(data)
        alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if alpha else "RGB")
        ext, mime = ("png", "image/png") if alpha else ("jpg", "image/jpeg")
        sizes = sorted({w for w in widths if w < image.width} | {min(image.width, max(widths))})
        result = ImageSet(image.width, image.height)
        for width in sizes:
            height = max(1, round(image.height * width / image.width))
            resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
            for kind, fmt, suffix, mtype in (("webp", "WEBP", "webp", "image/webp"),
                                             ("fallback", mime.split("/")[1].upper(), ext, mime)):
                url = f"{self.url_dir}/{name}-{width}.{suffix}"
                (self.cache_dir / Path(url).name).write_bytes(self._encode(resized, fmt))
                getattr(result, kind).append(Variant(url, width, height, mtype))
        return result

    def _encode(self, image: Image.Image, fmt: str) -> bytes:
        out = io.BytesIO()
        if fmt == "WEBP":
            image.save(out, "WEBP", quality=self.quality, method=4)
        elif fmt == "PNG":
            image.save(out, "PNG", optimize=True)
        else:
            image.save(out, "JPEG", quality=self.quality, optimize=True, progressive=True)
        return out.getvalue()  # no exif= argument: metadata is dropped


def _open(data: bytes) -> Image.Image:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise ImageError(f"image trop grande ({probe.width}×{probe.height} pixels, "
                                 f"{MAX_PIXELS // 1_000_000} millions au plus)")
            probe.verify()
        image = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
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
