"""Charts are SVG drawn at build time, with a text alternative and no inline style,
readable for every number of points the schema allows: no two texts overlap."""

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import ImageFont

from content_model.schema import MAX_POINTS
from data_pages import charts
from data_pages.charts import bar_chart, describe, layout, scale

SERIES = {
    "id": "evolution-eleves",
    "label": "Élèves en formation initiale",
    "unit": "élèves",
    "points": [{"period": "2019", "value": 117}, {"period": "2022", "value": 197}],
}
SVG = "{http://www.w3.org/2000/svg}"
CSS = Path(__file__).resolve().parents[3] / "theme/static/css/components/chart.css"
# Real metrics of a wide sans-serif (system-ui on Linux), not the chart's estimate.
FONTS = "/usr/share/fonts/truetype/dejavu/"
REGULAR = ImageFont.truetype(FONTS + "DejaVuSans.ttf", 1000)
BOLD = ImageFont.truetype(FONTS + "DejaVuSans-Bold.ttf", 1000)


def parse(markup):
    return ElementTree.fromstring(str(markup).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def series_of(n, period=lambda i: str(2001 + i), value=lambda i: 117 + 37 * i, unit="élèves"):
    return {"id": "s", "label": "Série", "unit": unit,
            "points": [{"period": period(i), "value": value(i)} for i in range(n)]}


def texts(svg, kind):
    """[(left, right, baseline y, text)] of the chart's texts of one class, measured
    with DejaVu Sans at the sizes chart.css gives."""
    font, size = (BOLD, charts.VALUE_SIZE) if kind == "value" else (REGULAR, charts.LABEL_SIZE)
    out = []
    for el in svg.iter(f"{SVG}text"):
        if el.get("class") == f"h32-chart__{kind}":
            width = font.getlength(el.text) * size / 1000
            x = float(el.get("x"))
            left = {"middle": x - width / 2, "end": x - width}[el.get("text-anchor")]
            out.append((left, left + width, float(el.get("y")), el.text))
    return out


def boxes(svg):
    """Every text as (left, right, top, bottom, text): ascent 0.8 em, descent 0.25 em."""
    out = []
    for kind, size in (("value", charts.VALUE_SIZE), ("label", charts.LABEL_SIZE),
                       ("tick", charts.LABEL_SIZE)):
        out += [(left, right, y - 0.8 * size, y + 0.25 * size, text)
                for left, right, y, text in texts(svg, kind)]
    return out


def bars(svg):
    return [(float(r.get("x")), float(r.get("x")) + float(r.get("width")), float(r.get("y")))
            for r in svg.iter(f"{SVG}rect")]


def test_bars_are_proportional_to_values():
    svg = parse(bar_chart(SERIES))
    heights = [float(r.get("height")) for r in svg.iter(f"{SVG}rect")]
    assert len(heights) == 2
    assert abs(heights[0] / heights[1] - 117 / 197) < 0.01


def test_text_alternative_and_labels():
    svg = parse(bar_chart(SERIES))
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby").split()
    texts_by_id = {el.get("id"): el.text for el in svg if el.get("id")}
    assert texts_by_id[ids[0]] == SERIES["label"]
    assert "117 élèves en 2019" in texts_by_id[ids[1]] and "197 élèves en 2022" in texts_by_id[ids[1]]
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert labels == ["117", "2019", "197", "2022"]
    tips = [r.find(f"{SVG}title").text for r in svg.iter(f"{SVG}rect")]
    assert tips == ["2019 : 117 élèves", "2022 : 197 élèves"]


def test_description_gives_the_change():
    assert "+68\u202f%" in describe(SERIES)


def test_change_of_a_share_is_in_points():
    text = describe(series_of(2, value=lambda i: [54, 59.5][i], unit="%"))
    assert text == ("Série : 54\u202f% en 2001, 59,5\u202f% en 2002 "
                    "(+5,5\u00a0points entre 2001 et 2002).")
    assert "(−1\u00a0point " in describe(series_of(2, value=lambda i: [54, 53][i], unit="%"))


@pytest.mark.parametrize("values", [[0, 12], [0, 0]])
def test_no_relative_change_from_zero(values):
    text = describe(series_of(2, value=lambda i: values[i]))
    assert text == f"Série : 0 élèves en 2001, {values[1]} élèves en 2002."
    svg = parse(bar_chart(series_of(2, value=lambda i: values[i])))
    assert all(float(r.get("height")) >= 0 for r in svg.iter(f"{SVG}rect"))


def test_long_series_are_summed_up_not_listed():
    values = [117, 90, 250, 130, 140, 150, 160, 197]
    text = describe(series_of(len(values), value=lambda i: values[i]))
    assert text == ("Série : 8 valeurs, de 117 élèves en 2001 à 197 élèves en 2008 "
                    "(+68\u202f% entre 2001 et 2008) ; minimum 90 élèves en 2002, "
                    "maximum 250 élèves en 2003. Le tableau donne chaque valeur.")
    assert len(describe(series_of(MAX_POINTS))) < 300


PERIODS = {
    "years": lambda i: str(2001 + i),
    "school years": lambda i: f"{2001 + i}-{2002 + i}",
    "longest": lambda i: f"1er semestre {2001 + i} M"[:20],  # max_length of a period
}
VALUES = {
    "small": lambda i: 17 + 3 * i,
    "large": lambda i: 1_234_567 + 98_765 * i,
    "decimal": lambda i: 54.5 + i,
    "uneven": lambda i: [3, 250_000, 12][i % 3],
}


@pytest.mark.parametrize("values", sorted(VALUES))
@pytest.mark.parametrize("periods", sorted(PERIODS))
@pytest.mark.parametrize("n", [1, 2, 3, 7, 12, MAX_POINTS])
def test_texts_never_overlap_and_stay_inside(n, periods, values):
    svg = parse(bar_chart(series_of(n, PERIODS[periods], VALUES[values])))
    drawn = bars(svg)
    assert len(drawn) == n
    found = boxes(svg)
    for left, right, top, bottom, text in found:
        assert 0 <= left and right <= charts.WIDTH and 0 <= top and bottom <= charts.HEIGHT, text
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            apart = (a[1] + 2 <= b[0] or b[1] + 2 <= a[0] or a[3] + 2 <= b[2] or b[3] + 2 <= a[2])
            assert apart, (a, b)
    labels = [t[3] for t in texts(svg, "label")]
    assert labels and labels[-1] == PERIODS[periods](n - 1)  # the latest period is always written
    values_written = texts(svg, "value")
    if values_written:  # one above each bar, crossing no other bar
        assert len(values_written) == n and not texts(svg, "tick")
        for (left, right, y, text), own in zip(values_written, drawn):
            assert [b for b in drawn if b[0] < right and b[1] > left] == [own], text
            assert y + 2 <= own[2], text
    else:  # a scale instead, starting at 0 under the lowest grid line
        ticks = texts(svg, "tick")
        assert len(ticks) >= 2 and ticks[0][3] == "0", ticks
        assert max(b[1] for b in drawn) and min(b[0] for b in drawn) > max(t[1] for t in ticks)


def test_short_series_write_every_value_and_period():
    for n in (1, 2):
        svg = parse(bar_chart(series_of(n, PERIODS["longest"], VALUES["large"])))
        assert len(texts(svg, "value")) == len(texts(svg, "label")) == n
    assert layout(series_of(6)["points"]).labelled == tuple(range(6))


def test_longest_series_keep_a_regular_rhythm_of_labels_and_a_scale():
    plan = layout(series_of(MAX_POINTS)["points"])
    steps = {b - a for a, b in zip(plan.labelled, plan.labelled[1:])}
    assert len(steps) == 1 and plan.labelled[-1] == MAX_POINTS - 1
    assert len(plan.labelled) >= 6  # years every fourth bar at most
    svg = parse(bar_chart(series_of(MAX_POINTS)))
    widths = {float(r.get("width")) for r in svg.iter(f"{SVG}rect")}
    assert min(widths) >= 12  # about 5 px on a 320 px wide phone
    assert [t[3] for t in texts(svg, "tick")] == ["0", "250", "500", "750", "1\u202f000"]
    heights = [float(r.get("height")) for r in svg.iter(f"{SVG}rect")]
    plot_h = charts.HEIGHT - charts.MARGIN_TOP - charts.MARGIN_BOTTOM
    for i, h in enumerate(heights):  # to scale: the top grid line is 1 000
        assert abs(h - plot_h * (117 + 37 * i) / 1000) <= 0.06, i


@pytest.mark.parametrize("highest, integers, expected", [
    (197, True, [0, 50, 100, 150, 200]), (20299, True, [0, 10000, 20000, 30000]),
    (77.5, False, [0, 20, 40, 60, 80]), (100, True, [0, 25, 50, 75, 100]),
    (1, True, [0, 1]), (0.3, False, [0, 0.1, 0.2, 0.3]), (0, True, [0, 1]),
])
def test_scale_has_round_steps_up_to_the_highest_value(highest, integers, expected):
    assert scale(highest, integers) == expected


def test_estimate_is_wider_than_real_text():
    for text in ["2019", "1er semestre 2022 M", "1\u202f234\u202f567", "54,5", "WMmw%€"]:
        assert charts.text_width(text, 20) >= REGULAR.getlength(text) * 20 / 1000, text
        assert charts.text_width(text, 28) >= BOLD.getlength(text) * 28 / 1000, text


def test_css_font_sizes_are_the_ones_the_chart_spaces_for():
    css = CSS.read_text(encoding="utf-8")
    for kind, size in (("value", charts.VALUE_SIZE), ("label", charts.LABEL_SIZE),
                       ("tick", charts.LABEL_SIZE)):
        rule = re.search(r"\.h32-chart__%s \{([^}]*)\}" % kind, css).group(1)
        assert re.search(r"font:[^;]*\b%dpx\b" % size, rule), (kind, rule)


def test_no_inline_style_or_script_and_escaped_text():
    series = {**SERIES, "label": "<script>alert(1)</script>"}
    series["points"] = [{"period": "<b>2019</b>", "value": 1}, {"period": "2022", "value": 2}]
    markup = str(bar_chart(series))
    assert "<script" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in markup and "&lt;b&gt;2019&lt;/b&gt;" in markup
    assert not re.search(r"\sstyle=", markup)
