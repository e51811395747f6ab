"""Key figures and series that make no sense stop the build (as in tests/test_bad_content.py:
exit 1, file and field named, no traceback, last good site untouched); the longest
series the schema allows builds into a full table, its bars to scale."""

from __future__ import annotations

import re

import pytest

from content_model.schema import MAX_POINTS
from support import TYPED, build_site, refused_build

FIGURES = "data/figures.yaml"
SERIES = "content/data/figures.yaml: series[1] (evolution-eleves): "
FIGURE = "content/data/figures.yaml: figures[1] (eleves): "


def points(n):
    return "".join(f'      - period: "{2001 + i}"\n        value: {100 + 5 * i}\n' for i in range(n))


TWO_POINTS = '      - period: "2019"\n        value: 117\n      - period: "2022"\n        value: 197\n'

CASES = {
    # name: ((old, new) in figures.yaml, expected lines of the log)
    "negative point": (("value: 117", "value: -1085"),
                       [SERIES + "points: élément 1 : value: doit être positif ou nul, pas « -1085 »"]),
    "negative figure": (("value: 197\n    period", "value: -3\n    period"),
                        [FIGURE + "value: doit être positif ou nul, pas « -3 »"]),
    "share over 100": (("value: 197\n    period", 'value: 197\n    unit: "%"\n    period'),
                       [FIGURE + "value: doit valoir au plus 100 avec l'unité « % », pas « 197 »"]),
    "series in % over 100": (("unit: élèves", 'unit: "%"'), [
        SERIES + "points: élément 1 : value: doit valoir au plus 100 avec l'unité « % », pas « 117 »",
        SERIES + "points: élément 2 : value: doit valoir au plus 100 avec l'unité « % », pas « 197 »"]),
    "too many points": ((TWO_POINTS, points(200)),
                        [SERIES + f"points: doit avoir au plus {MAX_POINTS} éléments, pas 200"]),
    "not a number": (("value: 117", "value: .nan"),
                     [SERIES + "points: élément 1 : value: doit être un nombre, pas « nan »"]),
}


def edit(content, old, new):
    path = content / FIGURES
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_meaningless_figures_stop_the_build(case, minimal_site, tmp_path, good_output, capfd):
    (old, new), expected = CASES[case]
    edit(minimal_site, old, new)
    log = refused_build(minimal_site, good_output, tmp_path, capfd)
    errors = [line for line in log.splitlines() if line.startswith("ERROR:")]
    assert all("content/data/figures.yaml: " in e for e in errors), log
    for line in expected:
        assert any(e.endswith(line) for e in errors), (line, log)
    assert len(errors) == len(expected), log


def test_longest_series_builds_a_full_table_with_bars_to_scale(minimal_site, tmp_path):
    edit(minimal_site, TWO_POINTS, points(MAX_POINTS))
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
    html = (tmp_path / "out" / "chiffres-cles" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<th scope="row">([^<]+)</th>', html)
    assert rows == [str(2001 + i) for i in range(MAX_POINTS)]  # the table gives every value
    bars = [float(w) for w in re.findall(r'<rect width="([\d.]+)"', html)]
    top = 100 + 5 * (MAX_POINTS - 1)
    assert bars == [round(100 * (100 + 5 * i) / top, 1) for i in range(MAX_POINTS)]
    assert f"De 100 élèves en 2001 à {top} élèves en {2000 + MAX_POINTS}" in html.translate(TYPED)
