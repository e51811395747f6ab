"""One spelling for each recurring name, and « d’ » before a vowel (issue 15, item 9).

Reads what editors write (content/: Markdown bodies, the front matter's texts and the
data files, search keywords left out: they are what visitors type) and the templates.
Each forbidden variant names the spelling to use instead.
"""

from __future__ import annotations

import re

import pytest

from support import ROOT

CONTENT = ROOT / "content"
TEMPLATES = ROOT / "theme" / "templates"

# (forbidden pattern, the spelling to use)
FORBIDDEN = [
    (r"\bBacs? [Pp]rofessionnels?\b", "« Bac Pro » (« Bacs Pro »), ou « baccalauréat professionnel »"),
    (r"\b(?:bac pro|Bac pro|BAC PRO|Bac PRO)\b", "« Bac Pro »"),
    (r"\b(?:Bts|B\.T\.S\.?)\b", "« BTS »"),
    (r"Pôle Emploi|Pole [Ee]mploi|Pôle-emploi", "« Pôle emploi » (devenu France Travail en 2024)"),
    (r"\b2 ARAMI\b|\b2Arami\b|\b2-ARAMI\b", "« 2ARAMI »"),
    (r"Semaine de l['’]Industrie", "« Semaine de l’industrie »"),
    (r"fiches actions", "« fiches-actions »"),
    (r"\b(?:[Ll]es|[Dd]es|[Aa]ux|[Cc]es) start-up\b(?!s)|\b[Ss]tartups?\b", "« start-up », au pluriel « start-ups »"),
    (r"(?<!\w)[Dd]e (?=(?:AKTO|Adecco|Humando|Opcalia|Auversup|ALTERN)\b)", "l’élision « d’ »"),
    # An audience list in the masculine alone (audit 3.7, review of 2026-12-03).
    (r"\bsalariés,? (?:et |ou )?(?:aux |les |des )?demandeurs d['’]emploi",
     "« en poste ou en recherche d’emploi », ou les doublets « salariés et salariées, "
     "demandeurs et demandeuses d’emploi »"),
]
SKIP_KEYS = re.compile(r"^(keywords|partners|metiers|formations|audiences|slug|id):")


def editable_text(path) -> str:
    """The file's text without search keywords and identifiers (lists of ids, slugs)."""
    lines, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if SKIP_KEYS.match(line.strip()) and not line.startswith("    "):
            skipping = line.rstrip().endswith(":")
            continue
        if skipping and re.match(r"^\s*- ", line):
            continue
        skipping = False
        lines.append(line)
    return "\n".join(lines)


def files():
    yield from sorted(CONTENT.rglob("*.md"))
    yield from sorted((CONTENT / "data").glob("*.yaml"))
    yield from sorted(TEMPLATES.rglob("*.html"))


def variants(text: str) -> list[str]:
    found = []
    for pattern, use in FORBIDDEN:
        for match in re.finditer(pattern, text):
            found.append(f"« {match.group(0)} » : écrire {use}")
    return found


@pytest.mark.parametrize("path", list(files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_one_spelling_per_name(path):
    assert variants(editable_text(path)) == []


def test_the_check_finds_each_variant():
    for sample in ("du Bac Professionnel au BTS", "un bac pro", "Pôle Emploi", "2 ARAMI",
                   "la Semaine de l'Industrie", "10 fiches actions", "Site de AKTO",
                   "des start-up aux PME", "les startups",
                   "jeunes, salariés et demandeurs d’emploi",
                   "aux salariés et aux demandeurs d'emploi"):
        assert variants(sample), sample
    assert variants("du Bac Pro au BTS, Pôle emploi, 2ARAMI, site d’AKTO, une start-up, "
                    "des start-ups, salariés et salariées, demandeurs et demandeuses d’emploi, "
                    "en poste ou en recherche d’emploi") == []
