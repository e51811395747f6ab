"""The build ends with one line per content type: what is online, drafts, time."""

from __future__ import annotations

import re

from support import build_site


def test_one_summary_line_per_type(minimal_site, tmp_path):
    news = minimal_site / "actualites" / "brouillon.md"
    news.write_text((minimal_site / "actualites" / "ouverture.md").read_text(encoding="utf-8")
                    .replace("slug: ouverture", "slug: brouillon\nstatus: draft"), encoding="utf-8")
    result = build_site(minimal_site, tmp_path / "out")
    assert result.returncode == 0, result.log
    lines = {line.split(" : ")[0]: line for line in result.log.splitlines() if " : " in line}
    time = r"\(lus en \d+,\d\d s\)"
    assert re.fullmatch(rf"Métiers : 2 en ligne {time}", lines["Métiers"])
    assert re.fullmatch(rf"Formations : 2 en ligne {time}", lines["Formations"])
    assert re.fullmatch(rf"Actualités : 1 en ligne, 1 brouillon {time}", lines["Actualités"])
    assert re.fullmatch(rf"Pages : 5 en ligne {time}", lines["Pages"])
    assert re.fullmatch(rf"Partenaires : 1 en ligne {time}", lines["Partenaires"])
    assert "Chiffres clés" in lines and "Séries de chiffres" in lines
    assert re.fullmatch(r"Images : \d+ \(\d+ traitée\(s\), \d+ depuis le cache, \d+,\d\d s\)", lines["Images"])
