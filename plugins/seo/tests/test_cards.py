"""Social cards: 1200×630, text that never overflows, drawn once then cached."""

import io
from pathlib import Path

import pytest
from damage import DAMAGES, damage
from PIL import Image, ImageDraw, ImageFont

from buildkit import tokens
from seo import cards

THEME_TOKENS = Path(__file__).resolve().parents[3] / "theme" / tokens.TOKENS_CSS
PALETTE = cards.Palette.from_tokens(tokens.read(THEME_TOKENS))


def test_card_size_and_format():
    image = Image.open(io.BytesIO(cards.draw(cards.Card("Soudeur ou soudeuse", "Métier", PALETTE))))
    assert image.size == (1200, 630) and image.format == "PNG"


def test_long_titles_wrap_within_the_card():
    pen = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    width = cards.WIDTH - 2 * cards.MARGIN
    title = "Une actualité au titre très long " * 8
    font, lines = cards.fit_title(pen, title, width)
    assert len(lines) <= cards.MAX_LINES
    assert all(pen.textlength(line, font=font) <= width for line in lines)
    assert lines[-1].endswith("…")


def test_short_titles_use_the_largest_size():
    pen = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    font, lines = cards.fit_title(pen, "Soudeur", 1000)
    assert font.size == cards.TITLE_SIZES[0] and lines == ["Soudeur"]


def pixels(card: cards.Card) -> bytes:
    return Image.open(io.BytesIO(cards.draw(card))).convert("RGB").tobytes()


def test_titles_are_drawn_in_the_pages_typography():
    typed = cards.Card("L'école ? 100 % gratuite : « oui »", "École 100 % gratuite", PALETTE)
    typeset = cards.Card("L’école\u202f? 100\u202f% gratuite\u00a0: «\u202foui\u202f»",
                         "École 100\u202f% gratuite", PALETTE)
    assert pixels(typed) == pixels(typeset)
    assert pixels(typed) != pixels(cards.Card("L'école", "Hall 32", PALETTE))  # the comparison sees text


def test_punctuation_stays_with_its_word_when_the_title_wraps():
    pen = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    title = cards.typeset_text("Pourquoi choisir l'industrie quand on a seize ans ?")
    font = ImageFont.truetype(str(cards.find_font("Bold")), cards.TITLE_SIZES[0])
    width = pen.textlength(title[:-1], font=font)  # room for all but the "?"
    lines = cards.wrap(pen, title, font, width)
    assert not any(line.startswith(("?", "\u202f?")) for line in lines) and lines[-1].endswith("ans\u202f?")


def test_cache_draws_each_card_once(tmp_path, monkeypatch):
    card = cards.Card("Usineur", "Métier", PALETTE)
    first, drawn = cards.render(card, tmp_path)
    assert drawn and (tmp_path / f"{card.key}.png").is_file()

    def fail(_card):
        raise AssertionError("redrawn")

    monkeypatch.setattr(cards, "draw", fail)
    second, drawn = cards.render(card, tmp_path)
    assert not drawn and second == first and second.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_key_changes_with_what_the_card_shows():
    assert cards.Card("A", "Métier", PALETTE).key != cards.Card("A", "Formation", PALETTE).key
    assert cards.Card("A", "Métier", PALETTE).key != cards.Card("B", "Métier", PALETTE).key


def test_missing_font_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(cards, "FONT_BOLD", tmp_path / "absent.ttf")
    with pytest.raises(cards.CardError, match="fonts-dejavu-core"):
        cards.draw(cards.Card("A", "B", PALETTE))


def test_font_has_french_glyphs():
    font = ImageFont.truetype(str(cards.find_font("Bold")), 40)
    missing = font.getmask("\uffff").getbbox()  # the .notdef box
    for char in "éèêàçôûœ’«»€":
        assert font.getmask(char).getbbox() != missing, char


@pytest.mark.parametrize("how", DAMAGES)
def test_damaged_or_foreign_card_is_drawn_again(tmp_path, how):
    card, other = cards.Card("Usineur", "Métier", PALETTE), cards.Card("Soudeur", "Métier", PALETTE)
    path, _ = cards.render(card, tmp_path)
    good = path.read_bytes()
    damage(path, how, foreign=cards.render(other, tmp_path)[0].read_bytes())  # a whole card of another title
    assert not cards.is_cached(card, path)
    assert cards.render(card, tmp_path) == (path, True)
    assert path.read_bytes() == good and cards.is_cached(card, path)


def test_colours_come_from_the_theme_tokens(tmp_path):
    """One home for the colours: a token changed in tokens.css changes the drawn card."""
    css = THEME_TOKENS.read_text(encoding="utf-8")
    assert "--h32-c-navy: #0f2a44;" in css
    changed = tmp_path / "tokens.css"
    changed.write_text(css.replace("--h32-c-navy: #0f2a44;", "--h32-c-navy: #123456;"), encoding="utf-8")
    palette = cards.Palette.from_tokens(tokens.read(changed))
    card = cards.Card("Soudeur", "Métier", palette)
    image = Image.open(io.BytesIO(cards.draw(card))).convert("RGB")
    assert image.getpixel((cards.WIDTH - 5, 100)) == (0x12, 0x34, 0x56)  # background
    assert image.getpixel((5, 5)) == (0xF5, 0xA3, 0x00)  # accent bar: --h32-c-accent, unchanged
    assert card.key != cards.Card("Soudeur", "Métier", PALETTE).key  # a new name: redrawn, not reused


def test_a_missing_colour_token_is_a_clear_error():
    with pytest.raises(cards.CardError, match="--h32-c-navy-deep"):
        cards.Palette.from_tokens({"h32-c-navy": "#0f2a44"})


def test_fonts_are_found_through_fontconfig(monkeypatch):
    assert cards.find_font("Bold").is_file() and cards.find_font("Book").is_file()
    monkeypatch.setattr(cards, "FONT_FAMILY", "Police Inexistante")  # fc-match falls back: refused
    assert not cards.find_font("Bold").exists()


def test_a_title_with_separators_is_wrapped_at_them_never_at_no_break_spaces():
    """Defence in depth: validate refuses these characters in titles (issue 26), and a card
    never hands Pillow a line it cannot measure."""
    from PIL import Image, ImageDraw, ImageFont

    from seo.cards import wrap
    pen = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    lines = wrap(pen, "Portes\u2029ouvertes\r\nà\x0bHall\u00a032", ImageFont.load_default(), 60)
    assert "Hall\u00a032" in lines
    assert not any(c in line for line in lines for c in "\u2029\r\n\x0b")
