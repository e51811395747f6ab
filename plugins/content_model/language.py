"""Trade pages name the trade in both genders (docs/guide-redaction.md, « Écrire les textes »):
the full doublet, never a contracted form nor the masculine alone, in the title, the summary
and the first paragraph; an epicene trade takes both articles (« le ou la pilote »).

``problems(slug, meta, body)`` says what a trade page gets wrong, in French, each problem
naming its place; ``people_problems(sentence)`` finds a noun of ``PEOPLE`` in the masculine
alone. Both are advice for the health report (plugins/health/people_nouns.py), never a failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .schema import SUMMARY, TITLE

# Epicene trades (the same noun in both genders, named with both articles), by slug.
# Every other trade page is read from its title, « Soudeur ou soudeuse … ».
EPICENE = {"pilote-ligne-production": "pilote"}
# The whole contracted word (« technicien·ne », « soudeur(se) »), as the editor typed it.
# A suffix is short (« ·ne », « .euse »): « www.alternance » is no contracted form.
# Tried from word starts only (lookbehind): linear (tests/test_regex_linear.py).
CONTRACTED = re.compile(r"(?<!\w)(?:\w+[·.•]\w{0,3}(?:e|se|ne|ice|ère)\b|\w+\((?:e|se|ne|ice|ère)\))", re.I)
# Addresses are not words: links' targets, URLs and e-mail addresses are left out.
ADDRESSES = re.compile(r"\]\([^()]*\)|<[^<>\s]*>|\b(?:https?://|www\.)\S+|(?<!\S)\S+@\S+")  # linear
TITLE_DOUBLET = re.compile(r"^(\w+) ou (\w+)\b")
FIRST_PARAGRAPH = "premier paragraphe"
# Each place checked, with its label on the editors' screen (the body is « Texte » in
# the CMS, cms_config/config.py).
PLACES = {"title": TITLE.label, "summary": SUMMARY.label, FIRST_PARAGRAPH: "Texte"}


@dataclass(frozen=True)
class Problem:
    place: str  # a key of PLACES: title, summary, premier paragraphe
    message: str  # in French: what is wrong and what to write

    @property
    def label(self) -> str:
        return PLACES[self.place]

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


def word(form: str) -> re.Pattern:
    """The form as a whole word, singular or plural (« technicien » never matches
    « technicienne »; « l’usineur » matches « usineur »)."""
    return re.compile(rf"(?<!\w){re.escape(form)}s?(?!\w)", re.I)


def first_paragraph(body: str) -> str:
    """The first paragraph of a Markdown body (headings, lists and quotes skipped)."""
    for block in re.split(r"\n\s*\n", body.strip()):
        block = block.strip()
        if block and not block.startswith(("#", "-", "*", ">")):
            return block
    return ""


def places(meta: dict, body: str) -> dict[str, str]:
    """{place: its text} for a page's front matter and Markdown body."""
    return {"title": str(meta.get("title") or ""), "summary": str(meta.get("summary") or ""),
            FIRST_PARAGRAPH: first_paragraph(body)}


def pair(slug: str, title: str) -> tuple[str, str] | None:
    """The trade's two forms: the title's « X ou Y », or an epicene noun twice."""
    if slug in EPICENE:
        return EPICENE[slug], EPICENE[slug]
    match = TITLE_DOUBLET.match(title)
    return (match.group(1).lower(), match.group(2).lower()) if match else None


def epicene_problem(text: str, noun: str, place: str) -> str | None:
    doublet = re.compile(rf"\b(?:le ou la|la ou le|un ou une|une ou un) {noun}s?\b", re.I)
    if place == "title":
        return None if word(noun).search(text) else f"« {noun} » absent : le nommer"
    if not doublet.search(text):
        return f"« le ou la {noun} » absent : écrire « le ou la {noun} »"
    alone = re.search(rf"\b(?:le|la|un|une|du|au)\s+{noun}\b", doublet.sub("", text), re.I)
    return (f"« {alone.group(0)} » sans l'autre genre : écrire « le ou la {noun} »"
            if alone else None)


def gendered_problem(text: str, masculine: str, feminine: str) -> str | None:
    males, females = len(word(masculine).findall(text)), len(word(feminine).findall(text))
    if not males and not females:
        return f"le métier n'est pas nommé : écrire « {masculine} ou {feminine} »"
    if males != females:
        return (f"« {masculine} » {males} fois, « {feminine} » {females} fois : "
                f"écrire « {masculine} ou {feminine} »")
    return None


def problems(slug: str, meta: dict, body: str) -> list[Problem]:
    """What a trade page's title, summary and first paragraph get wrong, in French.
    ``meta``: its front matter (title, summary); ``body``: its Markdown text."""
    texts = places(meta, body)
    forms = pair(slug, texts["title"])
    if forms is None:
        return [Problem("title", f"nommer le métier aux deux genres, sous la forme « Masculin ou "
                                 f"féminin … » (titre actuel : « {texts['title']} ») ; un nom "
                                 "identique aux deux genres, comme « pilote », se déclare par la "
                                 "personne qui gère le site (EPICENE)")]
    masculine, feminine = forms
    found = []
    for place, text in texts.items():
        contracted = CONTRACTED.search(ADDRESSES.sub(" ", text))
        if contracted:
            found.append(Problem(place, f"forme contractée « {contracted.group(0)} » : écrire "
                                        f"les deux mots en entier"))
        problem = (epicene_problem(text, masculine, place) if masculine == feminine
                   else gendered_problem(text, masculine, feminine))
        if problem:
            found.append(Problem(place, problem))
    return found


# Common nouns for people with a feminine form: (masculine, feminine, what to write). A
# masculine written without its feminine in the same sentence is reported. Add a line
# for a noun the site starts to use; epicene nouns (élèves, jeunes, parents, personnes,
# stagiaires) need none.
PEOPLE: tuple[tuple[str, str, str], ...] = (
    ("opérateurs", "opératrices", "les opérateurs et opératrices"),
    ("ingénieurs", "ingénieures", "les ingénieurs et ingénieures"),
    ("techniciens", "techniciennes", "les techniciens et techniciennes"),
    ("alternants", "alternantes", "les alternantes et alternants"),
    ("apprentis", "apprenties", "les apprentis et apprenties"),
    ("apprenants", "apprenantes", "les apprenants et apprenantes"),
    ("enseignants", "enseignantes", "le personnel enseignant, ou les enseignants et enseignantes"),
    ("formateurs", "formatrices", "les formateurs et formatrices"),
    ("salariés", "salariées", "les salariés et salariées"),
    ("étudiants", "étudiantes", "les étudiants et étudiantes"),
    ("collégiens", "collégiennes", "les collégiens et collégiennes"),
    ("lycéens", "lycéennes", "les lycéens et lycéennes"),
    ("participants", "participantes", "les participants et participantes, ou les personnes"),
    ("réfugiés", "réfugiées", "les personnes réfugiées"),
    ("demandeurs", "demandeuses", "les demandeurs et demandeuses d'emploi"),
    ("tuteurs", "tutrices", "les tuteurs et tutrices"),
    ("participant", "participante", "chaque personne, ou le participant ou la participante"),
    ("tuteur", "tutrice", "un tuteur ou une tutrice"),
    ("maître d'apprentissage", "maîtresse d'apprentissage",
     "un maître ou une maîtresse d'apprentissage"),
)


def _noun(form: str) -> re.Pattern:
    """A noun as whole words, either apostrophe (« maître d’apprentissage »)."""
    return re.compile(r"(?<!\w)" + re.escape(form).replace("'", "['’]") + r"(?!\w)", re.I)


_PEOPLE = tuple((_noun(m), _noun(f), m, f, advice) for m, f, advice in PEOPLE)
# The first word of every masculine noun: a sentence with none of them is done with at once.
_FIRST_WORDS = frozenset(re.findall(r"\w+", m.lower())[0] for m, _, _ in PEOPLE)


def people_problems(sentence: str) -> list[str]:
    """What one sentence says of people in the masculine alone, each with what to write."""
    if _FIRST_WORDS.isdisjoint(re.findall(r"\w+", sentence.lower())):
        return []
    return [f"« {m} » sans « {f} » : écrire « {advice} »"
            for masculine, feminine, m, f, advice in _PEOPLE
            if masculine.search(sentence) and not feminine.search(sentence)]
