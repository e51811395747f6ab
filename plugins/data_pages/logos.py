"""Partner logos: resized at build time with Pillow, WebP plus a PNG/JPEG fallback.

Never upscaled; EXIF orientation applied and metadata dropped; file names carry
a hash of the source so they can be cached forever. A partner without a logo
gets a monogram (initials) drawn by CSS: no image, no third-party request.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_WIDTH = 320  # CSS px the card shows at most; 2x density is not worth it for logos
MAX_PIXELS = 40_000_000
STOP_WORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "pour", "à"}


class LogoError(ValueError):
    pass


@dataclass
class Logo:
    width: int
    height: int
    webp: str = ""  # URL paths, relative to the site root
    fallback: str = ""
    files: dict[str, bytes] = field(default_factory=dict, repr=False)


def monogram(name: str) -> str:
    words = [w for w in re.split(r"[\s'’\-]+", name) if w and w.lower() not in STOP_WORDS]
    if len(words) == 1 and len(words[0]) <= 6 and words[0].upper() == words[0]:
        return words[0]  # an acronym is its own monogram: AKTO, CIMES, 2ARAMI
    letters = "".join(w[0] for w in words if w[0].isalnum())
    return (letters[:3] or name[:1]).upper()


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "WEBP":
        image.save(buffer, "WEBP", quality=85, method=6)
    elif fmt == "PNG":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def _svg_size(data: bytes) -> tuple[int, int]:
    head = data[:2000].decode("utf-8", "replace")
    box = re.search(r'viewBox="\s*[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)', head)
    if not box:
        raise LogoError("logo SVG sans attribut viewBox")
    return round(float(box.group(1))), round(float(box.group(2)))


def process(source: Path, url_dir: str, stem: str) -> Logo:
    data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:10]
    if source.suffix.lower() == ".svg":
        width, height = _svg_size(data)
        url = f"{url_dir}/{stem}.{digest}.svg"
        return Logo(width, height, fallback=url, files={url: data})
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise LogoError(f"image trop grande ({probe.width}×{probe.height} pixels)")
            probe.verify()
        image = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise LogoError(f"image illisible ou corrompue ({exc.__class__.__name__})") from None
    if image.width > MAX_WIDTH:
        height = max(1, round(image.height * MAX_WIDTH / image.width))
        image = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    has_alpha = image.mode in ("RGBA", "LA", "P")
    image = image.convert("RGBA" if has_alpha else "RGB")
    fallback_ext, fallback_fmt = ("png", "PNG") if has_alpha else ("jpg", "JPEG")
    webp = f"{url_dir}/{stem}.{digest}.webp"
    fallback = f"{url_dir}/{stem}.{digest}.{fallback_ext}"
    return Logo(
        image.width, image.height, webp=webp, fallback=fallback,
        files={webp: _encode(image, "WEBP"), fallback: _encode(image, fallback_fmt)},
    )
