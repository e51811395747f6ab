"""Numbers and lists have bounds declared in the schema (minimum, maximum, max_items,
unit_maximum), checked by validate.py: key figures and series make sense."""

import pytest

from content_model import schema as s
from content_model.validate import check_value, validate

FIGURE = {"id": "a", "label": "élèves", "value": 197, "period": "2022", "source": "Presse"}


def series(values, unit="élèves"):
    return {"id": "evolution", "label": "Élèves", "unit": unit, "source": "Presse",
            "points": [{"period": str(2000 + i), "value": v} for i, v in enumerate(values)]}


def problems_of(ctype, record):
    _values, problems = validate(ctype, record)
    return [str(p) for p in problems]


@pytest.mark.parametrize("value", [0, 0.5, 197, 220000, 10**12])
def test_counts_and_amounts_may_be_zero_or_more(value):
    assert problems_of(s.FIGURE, {**FIGURE, "value": value}) == []
    assert problems_of(s.FIGURE, {**FIGURE, "value": value, "unit": "M€"}) == []
    assert problems_of(s.SERIES, series([value, 1])) == []


@pytest.mark.parametrize("value", [-1, -0.5, -1085])
def test_negative_figures_are_refused(value):
    assert problems_of(s.FIGURE, {**FIGURE, "value": value}) == [
        f"value: doit être positif ou nul, pas « {value} »"]


def test_negative_point_names_its_item():
    assert problems_of(s.SERIES, series([117, 150, -1085])) == [
        "points: élément 3 : value: doit être positif ou nul, pas « -1085 »"]


@pytest.mark.parametrize("value, ok", [(0, True), (54, True), (99.5, True), (100, True),
                                       (100.5, False), (120, False), (-3, False)])
def test_a_share_in_percent_is_from_0_to_100(value, ok):
    assert (problems_of(s.FIGURE, {**FIGURE, "value": value, "unit": "%"}) == []) is ok
    assert (problems_of(s.SERIES, series([50, value], unit="%")) == []) is ok


def test_percent_maximum_messages_name_the_field_and_item():
    assert problems_of(s.FIGURE, {**FIGURE, "value": 120, "unit": " % "}) == [
        "value: doit valoir au plus 100 avec l'unité « % », pas « 120 »"]
    assert problems_of(s.SERIES, series([50, 101, 30, 250], unit="%")) == [
        "points: élément 2 : value: doit valoir au plus 100 avec l'unité « % », pas « 101 »",
        "points: élément 4 : value: doit valoir au plus 100 avec l'unité « % », pas « 250 »",
    ]


def test_every_bad_point_is_reported_at_once():
    found = problems_of(s.SERIES, series([-1, 120, "x"], unit="%"))
    assert len(found) == 2, found
    assert "élément 1 : value: doit être positif ou nul" in found[0]
    assert "élément 3 : value: doit être un nombre" in found[0]
    assert found[1].startswith("points: élément 2 : value: doit valoir au plus 100")


def test_only_percent_caps_at_100():
    assert problems_of(s.FIGURE, {**FIGURE, "value": 220000, "unit": "postes"}) == []
    assert problems_of(s.SERIES, series([117, 1970])) == []


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), True, "12"])
def test_not_finite_numbers_are_refused(value):
    found = problems_of(s.FIGURE, {**FIGURE, "value": value, "unit": "%"})
    assert len(found) == 1 and found[0].startswith("value: doit être un nombre"), found


def test_series_have_a_bounded_number_of_points():
    assert problems_of(s.SERIES, series([1] * s.MAX_POINTS)) == []
    assert problems_of(s.SERIES, series([1] * (s.MAX_POINTS + 1))) == [
        f"points: doit avoir au plus {s.MAX_POINTS} éléments, pas {s.MAX_POINTS + 1}"]
    assert problems_of(s.SERIES, series([1] * 200)) == [
        f"points: doit avoir au plus {s.MAX_POINTS} éléments, pas 200"]
    assert problems_of(s.SERIES, series([1])) == ["points: doit avoir au moins 2 élément(s)"]


def test_period_of_a_point_fits_under_its_bar():
    record = series([1, 2])
    record["points"][0]["period"] = "x" * 21
    assert problems_of(s.SERIES, record) == [
        "points: élément 1 : period: trop long (21 caractères, 20 au plus)"]


def test_integer_bounds():
    f = s.Field("n", s.INTEGER, "N", minimum=1, maximum=10)
    assert check_value(f, 1) == (1, None) and check_value(f, 10) == (10, None)
    assert check_value(f, 0) == (None, "doit valoir au moins 1, pas « 0 »")
    assert check_value(f, 11) == (None, "doit valoir au plus 10, pas « 11 »")


def test_list_bounds():
    f = s.Field("tags", s.STRINGS, "Étiquettes", max_items=2)
    assert check_value(f, ["a", "b"]) == (["a", "b"], None)
    assert check_value(f, ["a", "b", "c"])[1] == "doit avoir au plus 2 éléments, pas 3"


@pytest.mark.parametrize("kwargs", [
    {"kind": s.STRING, "minimum": 0},
    {"kind": s.STRING, "unit_maximum": (("%", 100),)},
    {"kind": s.NUMBER, "max_items": 3},
    {"kind": s.STRINGS, "max_items": 0},
    {"kind": s.STRINGS, "min_items": 3, "max_items": 2},
])
def test_schema_refuses_bounds_on_the_wrong_kind(kwargs):
    with pytest.raises(ValueError):
        s.Field("x", label="X", **kwargs)


def test_figure_values_are_bounded_in_the_schema():
    """The bounds are declared (so the CMS shows them), not hidden in the code."""
    point_value = s.SERIES.field("points").fields[1]
    for f in (s.FIGURE.field("value"), point_value):
        assert f.minimum == 0 and dict(f.unit_maximum) == {s.PERCENT: 100}
    assert s.SERIES.field("points").max_items == s.MAX_POINTS
