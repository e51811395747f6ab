"""Bar charts drawn at build time as SVG: no library, no script, no inline style.

Colours and type come from the site's CSS through classes (``h32-chart__*``);
the SVG carries its own text alternative (``<title>``, ``<desc>``), and the
templates put a data table next to it: the table gives every value.

A series has 2 to ``schema.MAX_POINTS`` points. Every bar is drawn; the period
under a bar and the value above it are written for every point when they fit,
otherwise for every second, third… point counted back from the last, so that no
two texts overlap (widths estimated generously, see ``text_width``). Each bar
keeps its period and value in its own ``<title>`` (shown on hover).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from content_model.schema import PERCENT
from french_format.french_format import figure_fr, number_fr

WIDTH = 640
HEIGHT = 320
MARGIN_TOP = 36  # room for the value above the tallest bar
MARGIN_BOTTOM = 40  # room for the period under each bar
MARGIN_X = 24
# Font sizes in viewBox units: chart.css sets them in px, which inside the SVG are
# these units (tested), so that the spacing below holds at any displayed size.
VALUE_SIZE = 28  # .h32-chart__value, bold
LABEL_SIZE = 20  # .h32-chart__label
GAP = 8  # least room between two texts side by side
LIST_ALL = 6  # describe() lists every value up to this many points, then sums up

# Widths in em, at least those of DejaVu Sans Bold, wider than the usual UI fonts
# of system-ui (Segoe UI, Roboto, San Francisco, Cantarell).
_EM = {**dict.fromkeys("0123456789€", 0.7), " ": 0.35, "\u00a0": 0.35, "\u202f": 0.2,
       **dict.fromkeys(",.:;'’!|", 0.45), **dict.fromkeys("mwMW%", 1.1),
       **dict.fromkeys("+−=<>", 0.84)}


def text_width(text: str, size: float) -> float:
    """A generous estimate of the width of ``text`` at font ``size``."""
    return size * sum(_EM.get(c, 0.86 if c.isupper() else 0.72) for c in text)


def amount(value, unit: str) -> str:
    """117 élèves, 54 % (French spaces, as on the key figures)."""
    return figure_fr({"value": value, "unit": unit})


def change(first, last, unit: str) -> str | None:
    """+68 % (relative), or +5 points for a share in %; None if it means nothing."""
    if unit == PERCENT:
        diff = last - first
        word = "point" if abs(diff) < 2 else "points"
        return f"{'+' if diff >= 0 else '−'}{number_fr(abs(diff))}\u00a0{word}"
    if first <= 0:  # no relative change from nothing (values are never negative)
        return None
    rate = round((last - first) / first * 100)
    return f"{'+' if rate >= 0 else '−'}{number_fr(abs(rate))}\u202f%"


def describe(series: dict) -> str:
    """French sentences that say what the chart shows: every value for a short
    series; first, last, lowest and highest for a long one."""
    points = series["points"]
    unit = series.get("unit") or ""
    first, last = points[0], points[-1]
    if len(points) <= LIST_ALL:
        text = f"{series['label']} : " + ", ".join(
            f"{amount(p['value'], unit)} en {p['period']}" for p in points)
    else:
        text = (f"{series['label']} : {len(points)} valeurs, de {amount(first['value'], unit)} "
                f"en {first['period']} à {amount(last['value'], unit)} en {last['period']}")
    difference = change(first["value"], last["value"], unit)
    if difference:
        text += f" ({difference} entre {first['period']} et {last['period']})"
    if len(points) > LIST_ALL:
        low = min(points, key=lambda p: p["value"])
        high = max(points, key=lambda p: p["value"])
        text += (f" ; minimum {amount(low['value'], unit)} en {low['period']}, "
                 f"maximum {amount(high['value'], unit)} en {high['period']}. "
                 "Le tableau donne chaque valeur")
    return text + "."


def _span(centre: float, width: float) -> tuple[float, float]:
    """(left, right) of a text centred on ``centre``, moved to stay inside the chart."""
    x = min(max(centre, width / 2), WIDTH - width / 2)
    return x - width / 2, x + width / 2


def written_points(points: list[dict]) -> list[int]:
    """Indices of the points whose period and value are written: all, or every
    ``step``-th from the last, the smallest step that keeps texts ``GAP`` apart."""
    n = len(points)
    slot = (WIDTH - 2 * MARGIN_X) / n
    spans = []
    for i, point in enumerate(points):
        centre = MARGIN_X + slot * (i + 0.5)
        spans.append((_span(centre, text_width(point["period"], LABEL_SIZE)),
                      _span(centre, text_width(number_fr(point["value"]), VALUE_SIZE))))
    for step in range(1, n + 1):
        shown = list(range(n - 1, -1, -step))[::-1]
        if all(spans[a][k][1] + GAP <= spans[b][k][0]
               for a, b in zip(shown, shown[1:]) for k in (0, 1)):
            return shown
    raise AssertionError("a single point always fits")


def bar_chart(series: dict) -> Markup:
    points = series["points"]
    unit = series.get("unit") or ""
    chart_id = f"graphique-{series['id']}"
    top = max(max(p["value"] for p in points), 0) or 1
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    slot = (WIDTH - 2 * MARGIN_X) / len(points)
    bar_w = min(120.0, slot * 0.6)
    baseline = HEIGHT - MARGIN_BOTTOM
    bars = []  # (left, right, top) of each bar
    for i, point in enumerate(points):
        h = round(plot_h * max(point["value"], 0) / top, 1)
        x = round(MARGIN_X + slot * i + (slot - bar_w) / 2, 1)
        bars.append((x, round(x + bar_w, 1), round(baseline - h, 1)))
    parts = [
        f'<svg class="h32-chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-titre {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-titre">{escape(series["label"])}</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(series))}</desc>',
    ]
    for point, (left, right, y) in zip(points, bars):
        tip = f"{point['period']} : {amount(point['value'], unit)}"
        parts.append(f'<rect class="h32-chart__bar" x="{left}" y="{y}" width="{round(right - left, 1)}" '
                     f'height="{round(baseline - y, 1)}"><title>{escape(tip)}</title></rect>')
    for i in written_points(points):
        point, (left, right, _y) = points[i], bars[i]
        centre = (left + right) / 2
        value = number_fr(point["value"])
        v_left, v_right = _span(centre, text_width(value, VALUE_SIZE))
        # Above every bar the value's text spans, not only its own.
        above = min(y for l, r, y in bars if l < v_right and r > v_left)
        l_left, l_right = _span(centre, text_width(point["period"], LABEL_SIZE))
        parts += [
            f'<text class="h32-chart__value" x="{round((v_left + v_right) / 2, 1)}" '
            f'y="{round(above - 10, 1)}" text-anchor="middle">{escape(value)}</text>',
            f'<text class="h32-chart__label" x="{round((l_left + l_right) / 2, 1)}" '
            f'y="{baseline + 28}" text-anchor="middle">{escape(point["period"])}</text>',
        ]
    parts.append(
        f'<line class="h32-chart__axis" x1="{MARGIN_X}" y1="{baseline}" '
        f'x2="{WIDTH - MARGIN_X}" y2="{baseline}"/>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))
