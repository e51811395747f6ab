"""The sentence above a series' table says its first and last values and their change."""

import pytest

from data_pages.data_pages import describe


def series_of(values, unit="élèves"):
    return {"unit": unit, "points": [{"period": str(2019 + i), "value": v} for i, v in enumerate(values)]}


def test_relative_change():
    assert describe(series_of([117, 150, 197])) == "De 117 élèves en 2019 à 197 élèves en 2021 (+68\u202f%)."


def test_change_of_a_share_is_in_points():
    assert describe(series_of([54, 59.5], "%")) == "De 54\u202f% en 2019 à 59,5\u202f% en 2020 (+5,5\u00a0points)."
    assert describe(series_of([54, 53], "%")).endswith("(−1\u00a0point).")


@pytest.mark.parametrize("values", [[0, 12], [0, 0]])
def test_no_relative_change_from_zero(values):
    assert describe(series_of(values)) == f"De 0 élèves en 2019 à {values[1]} élèves en 2020."
