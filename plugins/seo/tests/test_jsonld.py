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
