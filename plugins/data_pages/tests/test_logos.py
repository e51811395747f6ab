"""Partners without a logo get a monogram."""

import pytest

from data_pages import logos


@pytest.mark.parametrize(
    "name, letters",
    [("Michelin", "M"), ("Banque de France", "BF"), ("Région Auvergne-Rhône-Alpes", "RAR"),
     ("Programme d'investissements d'avenir", "PIA"), ("2ARAMI", "2ARAMI"), ("AKTO", "AKTO")],
)
def test_monogram(name, letters):
    assert logos.monogram(name) == letters
