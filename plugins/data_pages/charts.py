"""Bar charts drawn at build time as SVG: no library, no script, no inline style.

Colours and type come from the site's CSS through classes (``h32-chart__*``);
the SVG carries its own text alternative (``<title>``, ``<desc>``), and the
templates put a data table next to it.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from french_format.french_format import number_fr

WIDTH = 640
HEIGHT = 320
MARGIN_TOP = 36  # room for the value above the tallest bar
MARGIN_BOTTOM = 40  # room for the period under each bar
MARGIN_X = 24


def with_unit(value, unit: str) -> str:
    return f"{number_fr(value)} {unit}".strip()


def describe(series: dict) -> str:
    """One French sentence that says what the chart shows."""
    points = series["points"]
    unit = series.get("unit") or ""
    parts = [f"{with_unit(p['value'], unit)} en {p['period']}" for p in points]
    text = f"{series['label']} : " + ", ".join(parts)
    first, last = points[0]["value"], points[-1]["value"]
    if first:
        change = round((last - first) / first * 100)
        sign = "+" if change >= 0 else "−"
        text += f" ({sign}{abs(change)}\u202f% entre {points[0]['period']} et {points[-1]['period']})"
    return text + "."


def bar_chart(series: dict) -> Markup:
    points = series["points"]
    chart_id = f"graphique-{series['id']}"
    top = max(max(p["value"] for p in points), 0) or 1
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    slot = (WIDTH - 2 * MARGIN_X) / len(points)
    bar_w = min(120.0, slot * 0.6)
    baseline = HEIGHT - MARGIN_BOTTOM
    parts = [
        f'<svg class="h32-chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-titre {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-titre">{escape(series["label"])}</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(series))}</desc>',
    ]
    for i, point in enumerate(points):
        value = max(point["value"], 0)
        h = round(plot_h * value / top, 1)
        x = round(MARGIN_X + slot * i + (slot - bar_w) / 2, 1)
        cx = round(x + bar_w / 2, 1)
        y = round(baseline - h, 1)
        parts += [
            f'<rect class="h32-chart__bar" x="{x}" y="{y}" width="{round(bar_w, 1)}" height="{h}"/>',
            f'<text class="h32-chart__value" x="{cx}" y="{round(y - 10, 1)}" '
            f'text-anchor="middle">{escape(number_fr(point["value"]))}</text>',
            f'<text class="h32-chart__label" x="{cx}" y="{baseline + 28}" '
            f'text-anchor="middle">{escape(point["period"])}</text>',
        ]
    parts.append(
        f'<line class="h32-chart__axis" x1="{MARGIN_X}" y1="{baseline}" '
        f'x2="{WIDTH - MARGIN_X}" y2="{baseline}"/>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))
