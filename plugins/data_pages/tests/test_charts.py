"""Charts are SVG drawn at build time, with a text alternative and no inline style."""

import re
from xml.etree import ElementTree

from data_pages.charts import bar_chart, describe

SERIES = {
    "id": "evolution-eleves",
    "label": "Élèves en formation initiale",
    "unit": "élèves",
    "points": [{"period": "2019", "value": 117}, {"period": "2022", "value": 197}],
}
SVG = "{http://www.w3.org/2000/svg}"


def parse(markup):
    return ElementTree.fromstring(str(markup).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def test_bars_are_proportional_to_values():
    svg = parse(bar_chart(SERIES))
    heights = [float(r.get("height")) for r in svg.iter(f"{SVG}rect")]
    assert len(heights) == 2
    assert abs(heights[0] / heights[1] - 117 / 197) < 0.01


def test_text_alternative_and_labels():
    svg = parse(bar_chart(SERIES))
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby").split()
    texts = {el.get("id"): el.text for el in svg if el.get("id")}
    assert texts[ids[0]] == SERIES["label"]
    assert "117 élèves en 2019" in texts[ids[1]] and "197 élèves en 2022" in texts[ids[1]]
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert labels == ["117", "2019", "197", "2022"]


def test_description_gives_the_change():
    assert "+68\u202f%" in describe(SERIES)


def test_no_inline_style_or_script_and_escaped_text():
    series = {**SERIES, "label": "<script>alert(1)</script>"}
    markup = str(bar_chart(series))
    assert "<script" not in markup
    assert "&lt;script&gt;" in markup
    assert not re.search(r"\sstyle=", markup)
