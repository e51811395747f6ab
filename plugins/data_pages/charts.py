"""Bar charts drawn at build time as SVG: no library, no script, no inline style.

Colours and type come from the site's CSS through classes (``h32-chart__*``);
the SVG carries its own text alternative (``<title>``, ``<desc>``), and the
templates put a data table next to it: the table gives every value.

A series has 2 to ``schema.MAX_POINTS`` points, and every bar is drawn. When each
value fits above its own bar (short series), every value is written there;
otherwise none is, and a scale (round values on light grid lines) is drawn at the
left instead: a value written over a neighbouring bar would be read as that bar's.
The period under a bar is written for every point when they fit, otherwise for
every second, third… point counted back from the last. Texts never overlap: their
widths are estimated generously (``text_width``). Each bar keeps its period and
value in its own ``<title>`` (shown on hover), and the table has them all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from content_model.schema import PERCENT
from buildkit.french import figure_fr, number_fr

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


def scale(highest, integers: bool) -> list[float]:
    """Grid values: 0 and steps of 1, 2, 2.5 or 5 × 10^k (whole steps for whole
    numbers) up to the first at or above ``highest``: 2 to 5 lines."""
    if highest <= 0:
        return [0, 1]
    rough = highest / 4
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)
    if integers:
        step = max(step, 1)
    return [round(i * step, 9) for i in range(math.ceil(highest / step - 1e-9) + 1)]


@dataclass(frozen=True)
class Layout:
    """Where the bars go and which texts are written."""

    left: float  # the plot's left edge (room for the scale, if any)
    slot: float  # width given to each point
    top: float  # the value drawn at full height
    ticks: tuple[float, ...]  # grid values when the values are not written
    labelled: tuple[int, ...]  # points whose period is written

    def centre(self, i: int) -> float:
        return self.left + self.slot * (i + 0.5)


def layout(points: list[dict]) -> Layout:
    values = [p["value"] for p in points]
    slot = (WIDTH - 2 * MARGIN_X) / len(points)
    if all(text_width(number_fr(v), VALUE_SIZE) + GAP <= slot for v in values):
        left, top, ticks = MARGIN_X, max(max(values), 0) or 1, ()
    else:
        ticks = tuple(scale(max(values), all(isinstance(v, int) for v in values)))
        left = MARGIN_X + max(text_width(number_fr(t), LABEL_SIZE) for t in ticks) + GAP
        top = ticks[-1]
    slot = (WIDTH - MARGIN_X - left) / len(points)
    spans = [_span(left + slot * (i + 0.5), text_width(p["period"], LABEL_SIZE))
             for i, p in enumerate(points)]
    n = len(points)
    for step in range(1, n + 1):  # ends at a single label, which always fits
        shown = list(range(n - 1, -1, -step))[::-1]
        if all(spans[a][1] + GAP <= spans[b][0] for a, b in zip(shown, shown[1:])):
            break
    return Layout(left, slot, top, ticks, tuple(shown))


def bar_chart(series: dict) -> Markup:
    points = series["points"]
    unit = series.get("unit") or ""
    chart_id = f"graphique-{series['id']}"
    plan = layout(points)
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    bar_w = min(120.0, plan.slot * 0.6)
    baseline = HEIGHT - MARGIN_BOTTOM
    parts = [
        f'<svg class="h32-chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-titre {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-titre">{escape(series["label"])}</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(series))}</desc>',
    ]
    for tick in plan.ticks:
        y = round(baseline - plot_h * tick / plan.top, 1)
        if tick:
            parts.append(f'<line class="h32-chart__grid" x1="{round(plan.left, 1)}" y1="{y}" '
                         f'x2="{WIDTH - MARGIN_X}" y2="{y}"/>')
        parts.append(f'<text class="h32-chart__tick" x="{round(plan.left - GAP, 1)}" '
                     f'y="{round(y - 4, 1)}" text-anchor="end">'  # just above its line
                     f'{escape(number_fr(tick))}</text>')
    for i, point in enumerate(points):
        h = round(plot_h * max(point["value"], 0) / plan.top, 1)
        x = round(plan.centre(i) - bar_w / 2, 1)
        y = round(baseline - h, 1)
        tip = f"{point['period']} : {amount(point['value'], unit)}"
        parts.append(f'<rect class="h32-chart__bar" x="{x}" y="{y}" width="{round(bar_w, 1)}" '
                     f'height="{h}"><title>{escape(tip)}</title></rect>')
        if not plan.ticks:
            parts.append(f'<text class="h32-chart__value" x="{round(plan.centre(i), 1)}" '
                         f'y="{round(y - 10, 1)}" text-anchor="middle">'
                         f'{escape(number_fr(point["value"]))}</text>')
        if i in plan.labelled:
            left, right = _span(plan.centre(i), text_width(point["period"], LABEL_SIZE))
            parts.append(f'<text class="h32-chart__label" x="{round((left + right) / 2, 1)}" '
                         f'y="{baseline + 28}" text-anchor="middle">{escape(point["period"])}</text>')
    parts.append(
        f'<line class="h32-chart__axis" x1="{round(plan.left, 1)}" y1="{baseline}" '
        f'x2="{WIDTH - MARGIN_X}" y2="{baseline}"/>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))
