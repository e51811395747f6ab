"""JSON-LD helpers: durations, escaping, meta descriptions."""

import json
import re

from seo import jsonld
from seo.seo import meta_description


def test_iso_durations_from_the_content():
    assert jsonld.iso_duration("En général 3 ans") == "P3Y"
    assert jsonld.iso_duration("10 semaines") == "P10W"
    assert jsonld.iso_duration("6 mois") == "P6M"
    assert jsonld.iso_duration("Selon le parcours") is None


def test_script_is_data_that_cannot_close_itself():
    markup = str(jsonld.script({"@type": "Thing", "name": "</script><script>alert(1)"}))
    body = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', markup).group(1)
    assert "</script>" not in body
    assert json.loads(body)["@graph"][0]["name"] == "</script><script>alert(1)"


def test_meta_description_is_at_most_160_characters():
    text = "mot " * 100
    short = meta_description(text)
    assert len(short) <= 160 and short.endswith("…")
    assert meta_description("Court & clair.") == "Court & clair."


def _formation(**fields):
    from types import SimpleNamespace
    base = dict(title="T", summary="S", url="formations/t/", metiers=[], duration="10 semaines",
                level="parcours", level_label="Parcours vers l'emploi")
    return SimpleNamespace(**{**base, **fields})


def test_no_price_without_a_written_cost():
    assert "offers" not in jsonld.program(_formation(), "https://x")
    assert "offers" not in jsonld.program(_formation(cost=None), "https://x")
    assert "offers" not in jsonld.program(_formation(cost=""), "https://x")
    free = jsonld.program(_formation(cost="Gratuit"), "https://x")
    assert free["offers"]["price"] == 0
    assert "offers" not in jsonld.program(_formation(cost="Gratuit", past_run="2021"), "https://x")


def test_credential_only_for_a_diploma():
    assert "educationalCredentialAwarded" not in jsonld.program(_formation(), "https://x")
    continuing = _formation(level="formation-continue", level_label="Formation continue")
    assert "educationalCredentialAwarded" not in jsonld.program(continuing, "https://x")
    bts = jsonld.program(_formation(level="bts", level_label="BTS"), "https://x")
    assert bts["educationalCredentialAwarded"] == "BTS"


def test_names_are_typeset_like_the_pages_and_urls_are_not():
    markup = str(jsonld.script({"@type": "Thing", "name": "L'école ? Oui", "url": "https://x/?q=l'a"}))
    data = json.loads(re.search(r">(.*)</script>", markup).group(1))["@graph"][0]
    assert data["name"] == "L’école\u202f? Oui" and data["url"] == "https://x/?q=l'a"
