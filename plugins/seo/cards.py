"""Social card images (1200×630) drawn with Pillow for pages that have no image.

A card shows the site's identity, the kind of page and its title, typeset
(``typeset_text``) and shrunk until it fits, in the colours of the theme's tokens.
``render`` draws it only when no whole card with its key is cached (``is_cached``: the
size, the key's tEXt chunk and IEND; a bit flipped inside the image data is not seen).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import struct
import subprocess
import zlib
from dataclasses import astuple, dataclass
from pathlib import Path

from buildkit.cachefiles import write_atomic
from buildkit.french_typeset import typeset_text
from PIL import Image, ImageColor, ImageDraw, ImageFont, PngImagePlugin

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
VERSION = "5"  # change to redraw every card after a design change
FONT_FAMILY = "DejaVu Sans"


def find_font(style: str) -> Path:
    """The file of FONT_FAMILY in ``style`` as fontconfig finds it (fc-match: Linux, macOS
    with Homebrew's fontconfig), or a path that does not exist when fontconfig or the font
    is missing (fc-match falls back to another family: that is missing too)."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{family}\t%{file}", f"{FONT_FAMILY}:style={style}"],
                             capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    families, _, file = out.partition("\t")
    return Path(file) if file and FONT_FAMILY in families.split(",") else Path(f"/{FONT_FAMILY} {style} absent")


FONT_BOLD: Path | None = None  # found at the first card drawn (fc-match takes 20 ms)
FONT_REGULAR: Path | None = None


def _find_fonts() -> None:
    global FONT_BOLD, FONT_REGULAR
    FONT_BOLD = FONT_BOLD or find_font("Bold")
    FONT_REGULAR = FONT_REGULAR or find_font("Book")
TITLE_SIZES = (76, 68, 60, 54, 48, 42)
MAX_LINES = 4
KEY_TEXT = "hall32-card"  # PNG tEXt keyword of the card's key
PNG_START = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + struct.pack(">II", WIDTH, HEIGHT)
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"


class CardError(RuntimeError):
    pass


@dataclass(frozen=True)
class Palette:
    """The card's colours, named after the tokens of tokens.css they come from."""
    navy: str
    navy_deep: str
    accent: str
    on_navy: str
    on_navy_muted: str

    @classmethod
    def from_tokens(cls, tokens: dict[str, str]) -> Palette:
        colours = {}
        for name in cls.__dataclass_fields__:
            token = "h32-c-" + name.replace("_", "-")
            try:
                ImageColor.getrgb(tokens[token])
            except (KeyError, ValueError):
                raise CardError(f"tokens.css : --{token} manque ou n'est pas une couleur "
                                f"que Pillow sait lire ({tokens.get(token)!r})") from None
            colours[name] = tokens[token]
        return cls(**colours)


@dataclass(frozen=True)
class Card:
    title: str
    kind: str  # "Métier", "Formation", "Actualité"...
    palette: Palette
    tagline: str = ""  # the bottom line: organisation.yaml's tagline (none: left blank)

    @property
    def key(self) -> str:
        text = "\x1f".join((VERSION, self.kind, self.title, self.tagline, *astuple(self.palette)))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# Where a card's title may break: spaces, and (defence in depth: validate refuses them in
# titles) any line or paragraph separator, which Pillow cannot measure on one line. Never
# at the no-break spaces the typesetting put in.
BREAKS = re.compile("[ \t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")


def wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in BREAKS.split(text.strip()):
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=font) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def fit_title(draw, text: str, width: int):
    """Largest size at which the title fits in MAX_LINES lines, each within width."""
    _find_fonts()
    for size in TITLE_SIZES:
        font = ImageFont.truetype(str(FONT_BOLD), size)
        lines = wrap(draw, text, font, width)
        if len(lines) <= MAX_LINES and all(draw.textlength(l, font=font) <= width for l in lines):
            return font, lines
    font = ImageFont.truetype(str(FONT_BOLD), TITLE_SIZES[-1])
    lines = wrap(draw, text, font, width)[:MAX_LINES]
    while draw.textlength(lines[-1] + "…", font=font) > width and " " in lines[-1]:
        lines[-1] = lines[-1].rsplit(" ", 1)[0]
    lines[-1] += "…"
    return font, lines


def draw(card: Card) -> bytes:
    _find_fonts()
    if not FONT_BOLD.is_file():
        raise CardError(f"police {FONT_FAMILY} introuvable par fontconfig (fc-match) : installez "
                        "fontconfig et la police DejaVu (Debian : fonts-dejavu-core)")
    colour = card.palette
    image = Image.new("RGB", (WIDTH, HEIGHT), colour.navy)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, WIDTH, 14), fill=colour.accent)
    pen.rectangle((0, HEIGHT - 110, WIDTH, HEIGHT), fill=colour.navy_deep)
    brand = ImageFont.truetype(str(FONT_BOLD), 44)
    small = ImageFont.truetype(str(FONT_REGULAR), 30)
    kind = ImageFont.truetype(str(FONT_BOLD), 30)
    pen.text((MARGIN, 60), "HALL 32", font=brand, fill=colour.on_navy)
    label = typeset_text(card.kind).upper()
    box_w = pen.textlength(label, font=kind) + 36
    pen.rectangle((MARGIN, 140, MARGIN + box_w, 190), fill=colour.accent)
    pen.text((MARGIN + 18, 146), label, font=kind, fill=colour.navy_deep)
    font, lines = fit_title(pen, typeset_text(card.title), WIDTH - 2 * MARGIN)
    line_h = round(font.size * 1.18)
    top = 225 + max(0, (HEIGHT - 110 - 225 - line_h * len(lines)) // 2 - 10)
    for i, line in enumerate(lines):
        pen.text((MARGIN, top + i * line_h), line, font=font, fill=colour.on_navy)
    if card.tagline:
        pen.text((MARGIN, HEIGHT - 74), typeset_text(card.tagline), font=small,
                 fill=colour.on_navy_muted)
    info = PngImagePlugin.PngInfo()
    info.add_text(KEY_TEXT, card.key)
    out = io.BytesIO()
    # A palette PNG at zlib's fastest level: the same picture, encoded faster (docs/performance.md).
    image.quantize(palette=_palette(colour), dither=Image.Dither.NONE).save(
        out, "PNG", pnginfo=info, compress_level=1)
    return out.getvalue()


def _palette(colour: Palette) -> Image.Image:
    """A palette image: 16 steps from each background to the text drawn on it."""
    steps = []
    for back, text in ((colour.navy, colour.on_navy), (colour.accent, colour.navy_deep),
                       (colour.navy_deep, colour.on_navy_muted)):
        a, b = ImageColor.getrgb(back)[:3], ImageColor.getrgb(text)[:3]
        steps += [round(a[i] + (b[i] - a[i]) * k / 15) for k in range(16) for i in range(3)]
    palette = Image.new("P", (1, 1))
    palette.putpalette(steps)
    return palette


def is_cached(card: Card, path: Path) -> bool:
    """Is the file a whole card drawn for ``card`` (size, own key right after IHDR, IEND)?"""
    head = PNG_START + b"\0" * 9  # IHDR: size, then 5 bytes of format and 4 of CRC
    data = f"{KEY_TEXT}\0{card.key}".encode("latin-1")
    key = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    try:
        with open(path, "rb") as f:
            start = f.read(len(head) + len(key))
            f.seek(-len(PNG_END), os.SEEK_END)
            end = f.read()
    except OSError:  # missing, a folder, shorter than a PNG's last chunk
        return False
    return start.startswith(PNG_START) and start[len(head):] == key and end == PNG_END


def cached_file(card: Card, cache_dir: Path) -> Path:
    return cache_dir / f"{card.key}.png"


def render(card: Card, cache_dir: Path) -> tuple[Path, bool]:
    """(cached PNG file, drawn now?) — drawn only when no earlier build drew the same card
    (or its file is damaged). Written under another name and renamed: never changed in place."""
    cached = cached_file(card, cache_dir)
    if is_cached(card, cached):
        return cached, False
    write_atomic(cached, draw(card))
    return cached, True
