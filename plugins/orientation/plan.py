"""The pages of the orientation path, computed from the content model.

``plan(formations, metiers, pages)`` returns every page of the path (``Step``),
from the schema's profiles and trade families and the programmes' own fields:
- ``orientation/``: « Vous êtes… » (one answer per profile, and parents/teachers);
- ``orientation/parent-ou-enseignant/``: « Pour qui cherchez-vous ? » (young profiles);
- ``orientation/<profile>/``: « Quels métiers vous attirent ? » when the profile's
  programmes lead to trades (their family tells them apart), else the result;
- ``orientation/<profile>/<family or je-ne-sais-pas>/``: the result.
A programme fits a profile when it lists the profile in ``audiences``, and a family
when one of its trades is of that family or it names no trade (open to every trade).
At most 2 + P × (F + 2) pages: P profiles, F families, whatever the content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from content_model import schema as s

from . import questions as q

TITLE = "Quelle formation pour moi ?"
ADMISSION_FIELDS = ("admission", "admission_steps", "admission_when", "admission_contact",
                    "admission_documents")


@dataclass(frozen=True)
class Answer:
    label: str
    hint: str
    url: str


@dataclass
class Step:
    url: str
    title: str  # the page's h1 (a question, or the result's heading)
    description: str  # meta description, and the lead under the h1
    trail: list[tuple[str, str]]  # breadcrumb after « Accueil »
    answers: list[Answer] = field(default_factory=list)  # a question's links
    result: "Result | None" = None

    @property
    def is_question(self) -> bool:
        return self.result is None

    @property
    def head_title(self) -> str:
        """The <title>: the path's name and the answers so far (unique per page)."""
        answers = [label for label, _url in self.trail[1:]]
        return f"{TITLE} {' · '.join(answers)}" if answers else TITLE


@dataclass
class Result:
    profile: str
    profile_words: q.ProfileWords
    family: str | None  # None: every family ("je ne sais pas", or no family question)
    family_words: q.FamilyWords | None
    programmes: list  # open programmes that fit, in the catalogue's order
    past: list  # programmes that fit but whose only run is over (past_run)
    nearest: list  # when nothing open fits: the open programmes closest to the answers
    trades: list  # trades the fitting programmes lead to (or the family's trades)
    pages: list  # pages written for the profile's audiences (schema field audiences)
    events: tuple[str, ...]  # schema.AUDIENCES whose upcoming events the page lists
    nearest_elsewhere: bool = False  # the nearest options are for other profiles

    @property
    def admissions(self) -> list[tuple[list, object]]:
        """[(programmes, one of them)] grouped by identical admission fields: four
        programmes with the same admission text show it once."""
        groups: dict[tuple, list] = {}
        for f in self.programmes:
            key = tuple(str(getattr(f, name, None) or "") for name in ADMISSION_FIELDS)
            groups.setdefault(key, []).append(f)
        return [(group, group[0]) for group in groups.values()]


def trade_slugs(formation) -> list[str]:
    """The programme's trades: slugs while reading, objects once references resolved."""
    return [getattr(m, "slug", m) for m in getattr(formation, "metiers", None) or ()]


def families_of(formation, family_by_trade: dict[str, str]) -> set[str]:
    return {family_by_trade[t] for t in trade_slugs(formation) if t in family_by_trade}


def fits(formation, profile: str, family: str | None, family_by_trade: dict[str, str]) -> bool:
    if profile not in (getattr(formation, "audiences", None) or ()):
        return False
    families = families_of(formation, family_by_trade)
    return family is None or not families or family in families


def _url(*parts: str) -> str:
    return q.ROOT + "".join(f"{p}/" for p in parts)


class Planner:
    def __init__(self, formations, metiers, pages=()):
        self.formations = list(formations)
        self.metiers = list(metiers)
        self.pages = list(pages)
        self.family_by_trade = {m.slug: m.family for m in self.metiers}
        self.profiles = s.PROFILES
        self.families = s.METIER.field("family").options
        self.root_trail = [(TITLE, q.ROOT)]

    def words(self, profile: str) -> q.ProfileWords:
        return q.profile_words(profile, dict(self.profiles)[profile])

    def asks_family(self, profile: str) -> bool:
        """A family question only when the profile's programmes lead to trades."""
        return any(families_of(f, self.family_by_trade) for f in self.formations
                   if profile in (getattr(f, "audiences", None) or ()))

    def steps(self) -> list[Step]:
        steps = [self.start(), self.helper()]
        for profile, _label in self.profiles:
            if self.asks_family(profile):
                steps.append(self.family_question(profile))
                for family, label in self.families:
                    steps.append(self.result(profile, family, q.family_words(family, label)))
                steps.append(self.result(profile, None, q.ANY_FAMILY_WORDS))
            else:
                steps.append(self.result(profile, None, None))
        return steps

    def start(self) -> Step:
        answers = [Answer(self.words(p).me, "", _url(p)) for p, _ in self.profiles]
        answers.append(Answer(*q.HELPER_WORDS, _url(q.HELPER)))
        return Step(q.ROOT, "Vous êtes…", "Quelle formation de Hall 32 pour vous ? Répondez à "
                    "deux ou trois questions : chaque réponse mène à la suivante, puis aux "
                    "formations qui vous correspondent.", self.root_trail, answers)

    def helper(self) -> Step:
        answers = [Answer(self.words(p).them, "", _url(p)) for p, _ in self.profiles
                   if self.words(p).them]
        return Step(_url(q.HELPER), "Pour qui cherchez-vous ?", "Parents et enseignants : "
                    "choisissez pour qui vous cherchez une formation à Hall 32.",
                    self.root_trail + [("Parent ou enseignant", _url(q.HELPER))], answers)

    def profile_trail(self, profile: str) -> list[tuple[str, str]]:
        return self.root_trail + [(self.words(profile).short.capitalize(), _url(profile))]

    def family_question(self, profile: str) -> Step:
        choices = [(q.family_words(family, label), family) for family, label in self.families]
        answers = [Answer(w.answer, w.hint, _url(profile, key))
                   for w, key in choices + [(q.ANY_FAMILY_WORDS, q.ANY_FAMILY)]]
        who = self.words(profile).short
        return Step(_url(profile), "Quels métiers vous attirent ?",
                    f"Vous êtes {who} : choisissez ce qui vous attire, pour voir les "
                    "formations de Hall 32 qui y mènent.", self.profile_trail(profile), answers)

    def result(self, profile: str, family: str | None, fwords: q.FamilyWords | None) -> Step:
        words = self.words(profile)
        fitting = [f for f in self.formations if fits(f, profile, family, self.family_by_trade)]
        open_ = [f for f in fitting if not getattr(f, "past_run", None)]
        past = [f for f in fitting if getattr(f, "past_run", None)]
        nearest = [] if open_ else self.nearest(profile, family)
        trade_ids = [t for f in open_ or nearest for t in trade_slugs(f)]
        if family is not None:
            trade_ids = [t for t in trade_ids if self.family_by_trade.get(t) == family] or \
                [m.slug for m in self.metiers if m.family == family]
        trades = [m for m in self.metiers if m.slug in trade_ids]
        pages = [p for p in self.pages
                 if set(getattr(p, "audiences", None) or ()) & set(words.events)]
        elsewhere = bool(nearest) and not any(profile in (getattr(f, "audiences", None) or ())
                                              for f in nearest)
        result = Result(profile, words, family, fwords, open_, past, nearest, trades, pages,
                        words.events, elsewhere)
        if fwords is None:  # no family question: the profile's own page is the result
            url, trail = _url(profile), self.profile_trail(profile)
            what = ""
        else:
            url = _url(profile, family or q.ANY_FAMILY)
            trail = self.profile_trail(profile) + [(fwords.answer, url)]
            what = f", attiré par « {fwords.answer.lower()} »" if family else ""
        if open_:
            title = "Les formations pour vous"
            count = (f"{len(open_)} formations de Hall 32 vous correspondent" if len(open_) > 1
                     else "une formation de Hall 32 vous correspond")
            description = f"Vous êtes {words.short}{what} : {count}, et ce qu'il faut faire ensuite."
        else:
            title = ("Pas encore de formation dans ces métiers" if family
                     else "Pas de formation ouverte pour vous en ce moment")
            description = (f"Vous êtes {words.short}{what} : Hall 32 n'a pas de formation "
                           "ouverte qui vous corresponde ; voici les options les plus proches.")
        return Step(url, title, description, trail, result=result)

    def nearest(self, profile: str, family: str | None) -> list:
        """Open programmes closest to the answers: the profile's own in other families,
        else those of profiles that share its events' audiences (young people, adults),
        in the chosen family first."""
        own = [f for f in self.formations if fits(f, profile, None, self.family_by_trade)
               and not getattr(f, "past_run", None)]
        if own:
            return own
        events = set(self.words(profile).events)
        near = [p for p, _ in self.profiles if p != profile and set(self.words(p).events) & events]
        found = [f for f in self.formations if not getattr(f, "past_run", None)
                 and any(fits(f, p, family, self.family_by_trade) for p in near)]
        if not found and family is not None:
            found = [f for f in self.formations if not getattr(f, "past_run", None)
                     and any(fits(f, p, None, self.family_by_trade) for p in near)]
        return found


def plan(formations, metiers, pages=()) -> list[Step]:
    return Planner(formations, metiers, pages).steps()
