"""The content-health report: what is missing, stale or waiting, grouped by urgency.

``collect(content_root, today)`` reads and validates content/ itself (no Markdown rendering),
so ``invoke report`` works without a build and says what the build's /admin/etat/ says.

In a build, each Markdown file's advice (``ADVICE``) is cached in HEALTH_CACHE (``advice``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from buildkit.cachefiles import read_sealed, write_sealed
from buildkit.clock import local
from buildkit.event_time import EventTime
from content_model import bounds, paths, yaml12
from content_model import schema as s
from content_model.frontmatter import FENCE_RE, SourceError, read_bytes, read_text, split
from content_model.validate import validate

from . import invitations, legal, people_nouns, sentence_length, spelling, textcheck, trade_names
from .dates import age, day, moment, month_index, month_label

URGENT, UPDATE, INFO = 0, 1, 2
LEVELS = {URGENT: "À traiter en priorité", UPDATE: "À mettre à jour", INFO: "Pour information"}
NEWS_MAX_MONTHS = 6
VALIDITY_MAX_MONTHS = 12
# Types whose entries should all carry a validity date (pages: only those with dated facts).
VALIDITY_EXPECTED = ("formation", "figure")
# Evergreen types read for old years in the present tense (news and events are dated).
EVERGREEN = ("page", "formation", "metier")


@dataclass(frozen=True)
class Item:
    where: str  # content/formations/x.md, content/data/figures.yaml: figures[2] (id)
    message: str


@dataclass
class Section:
    level: int
    title: str
    items: list[Item] = field(default_factory=list)
    note: str = ""  # how the section is computed, when the reader should know
    # Its items name unpublished content (drafts, scheduled news): /admin/etat/, a public
    # URL, shows only how many (public.py); `invoke report` and the CI summary show them.
    private: bool = False


@dataclass
class Report:
    today: dt.datetime
    sections: list[Section]
    unpublished: frozenset[str] = frozenset()  # `where` of drafts and scheduled news

    def by_level(self) -> list[tuple[str, list[Section]]]:
        """[(level title, [sections with items])], most urgent first."""
        return [(title, [x for x in self.sections if x.level == level and x.items])
                for level, title in LEVELS.items()]

    @property
    def clear(self) -> list[Section]:
        return [x for x in self.sections if not x.items]

    @property
    def count(self) -> int:
        return sum(len(x.items) for x in self.sections)


@dataclass
class Entry:
    """One validated record: a Markdown file or an entry of a data file."""

    ctype: s.ContentType
    where: str
    values: dict
    body: str = ""
    body_line: int = 1
    digest: str = ""  # of the Markdown file's path and text (the advice cache's key)

    @property
    def title(self) -> str:
        v = self.values
        return str(v.get("title") or v.get("label") or v.get("name") or v.get("id") or "")

    @property
    def draft(self) -> bool:
        return self.values.get("status") == "draft"


def read_content(root: Path, parsed=None) -> tuple[list[Entry], list[Item]]:
    """Every Markdown file, and every entry of the data lists that carry a validity date
    (key figures), that validates; and the problems. ``parsed(path)``: the front matter
    the build's reader already parsed (content_model's cache), or None to parse it."""
    entries: list[Entry] = []
    errors: list[Item] = []
    shown = Path(root.name)
    for ctype in s.MARKDOWN_TYPES:
        for path in sorted((root / ctype.folder).glob("*.md")):
            if paths.ignored(path.relative_to(root)):
                continue  # hidden, editor's lock or backup: never read (content_model.paths)
            where = str(shown / ctype.folder / path.name)
            # A file the build's reader accepted passed its name and size checks there.
            data = None
            if parsed:
                with contextlib.suppress(OSError):  # a broken symlink, a folder: paths.problem says what
                    data = read_bytes(path)
            meta = parsed(path, data) if data is not None else None
            accepted = meta is not None
            problem = None if accepted else paths.problem(path, root)
            if problem:  # a broken symlink, a name Windows refuses
                errors.append(Item(where, problem))
                continue
            try:
                text = read_text(path, data)
                if meta is None:
                    meta, body, body_line = split(text)
                else:
                    body, body_line = _body(text)
            except SourceError as exc:
                errors.append(Item(where, str(exc)))
                continue
            past = [] if accepted else bounds.problems(body, body_line)
            if past:  # the advice below reads the body
                errors += [Item(where, f"corps: {p}") for p in past]
                continue
            values, problems = validate(ctype, meta, root)
            errors += [Item(where, str(p)) for p in problems]
            if not problems:
                digest = hashlib.blake2b(f"{where}\0{text}".encode(), digest_size=16).hexdigest()
                entries.append(Entry(ctype, where, values, body, body_line, digest))
    for ctype in s.DATA_TYPES:
        if not getattr(ctype, "data_key", None) or "valid_as_of" not in ctype.field_names:
            continue  # a single record (organisation): see organisation_sections
        where = str(shown / ctype.data_file)
        data, error = _load(root / ctype.data_file)
        if error:
            errors.append(Item(where, error))
        items = data.get(ctype.data_key) if isinstance(data, dict) else None
        for n, raw in enumerate(items if isinstance(items, list) else [], 1):
            values, problems = validate(ctype, raw, root)
            label = f"{where}: {ctype.data_key}[{n}]" + (f" ({values.get(ctype.id_field)})"
                                                         if values.get(ctype.id_field) else "")
            errors += [Item(label, str(p)) for p in problems]
            if not problems:
                entries.append(Entry(ctype, label, values))
    return entries, list(dict.fromkeys(errors))


def _body(text: str) -> tuple[str, int]:
    """(Markdown body, line where it starts) of a file whose front matter is known."""
    match = FENCE_RE.match(text)
    if not match:
        raise SourceError("en-tête manquant")
    return text[match.end():], text.count("\n", 0, match.end()) + 1


def _load(path: Path):
    """(YAML data or None, error message or None)."""
    if not path.is_file():
        return None, None
    try:
        return yaml12.load(read_text(path)), None
    except (SourceError, yaml12.YamlError) as exc:
        return None, str(exc)


def of_type(entries, name: str) -> list[Entry]:
    return [e for e in entries if e.ctype.name == name and not e.draft]


def organisation_sections(root: Path, records=None) -> list[Section]:
    """Empty fields of each single-record data file (content/data/organisation.yaml):
    the site leaves out the sentences that need them. ``records``: the build's context,
    where data_pages put each record it read and validated ({type name: record}); a
    record not there is read from its file."""
    sections = []
    for ctype in s.DATA_TYPES:
        if getattr(ctype, "data_key", None):
            continue
        where = f"{root.name}/{ctype.data_file}"
        if records is not None and ctype.name in records:
            data, error = records[ctype.name], None
        else:
            data, error = _load(root / ctype.data_file)
        record = data if isinstance(data, dict) else {}
        section = Section(URGENT, f"{ctype.label} : informations manquantes",
                          note="Une information vide n'est jamais affichée : la phrase qui "
                               "en a besoin est retirée des pages.")
        if error:
            section.items.append(Item(where, error))
        legal_fields = legal.FIELDS if ctype is s.ORGANISATION else ()  # their own section
        section.items += [Item(where, f"{f.label} : vide") for f in ctype.fields
                          if record.get(f.name) in (None, "", [], {}) and f.name not in legal_fields]
        sections.append(section)
        if legal_fields:
            sections.append(Section(URGENT, legal.TITLE, note=legal.NOTE, items=[
                Item(where, f"{label} : vide") for label in legal.missing(record)]))
    return sections


def events_sections(entries, today: dt.datetime, root: Path) -> list[Section]:
    """No upcoming event; events over whose text still announces them."""
    ctype = s.BY_NAME.get("evenement")
    if ctype is None:
        return []
    events = [(e, EventTime.of(e.values["start"], e.values.get("end"))) for e in of_type(entries, ctype.name)]
    upcoming = Section(URGENT, "Aucun événement à venir")
    if not any(t.upcoming(today) for _, t in events):
        last = max((t.start for _, t in events), default=None)
        upcoming.items.append(Item(f"{root.name}/{ctype.folder}/", (
            "aucun événement à venir n'est annoncé" + (f" (le dernier date du {day(last)})" if last else "")
            + " : ajoutez les prochaines portes ouvertes, salons ou réunions d'information.")))
    stale = Section(URGENT, "Événements passés présentés comme à venir",
                    note="Repérage approximatif : mots qui annoncent un rendez-vous (« aura lieu », "
                         "« inscrivez-vous », « à venir »…) dans un événement terminé.")
    for entry, timing in events:
        if timing.upcoming(today):
            continue
        text = "\n".join([entry.title, str(entry.values.get("summary") or "")])
        found = textcheck.upcoming_phrases(text, 0) + textcheck.upcoming_phrases(entry.body, entry.body_line)
        for line, phrase in found:
            place = f"ligne {line}" if line else "titre ou résumé"
            stale.items.append(Item(entry.where, f"« {entry.title} » a eu lieu le {day(timing.start)}, "
                                                 f"mais le texte dit « {phrase} » ({place})"))
    return [upcoming, stale]


def news_sections(entries, today: dt.datetime, root: Path) -> list[Section]:
    news = of_type(entries, s.NEWS.name)
    published = [e for e in news if local(e.values["date"]) <= today]
    stale = Section(UPDATE, f"Dernière actualité de plus de {NEWS_MAX_MONTHS} mois")
    newest = max(published, key=lambda e: e.values["date"], default=None)
    if newest is None:
        stale.items.append(Item(f"{root.name}/{s.NEWS.folder}/", "aucune actualité publiée"))
    elif month_index(today) - month_index(newest.values["date"]) > NEWS_MAX_MONTHS:
        when = newest.values["date"]
        stale.items.append(Item(newest.where, f"la plus récente, « {newest.title} », date du "
                                              f"{day(when)} ({age(when, today)})"))
    scheduled = Section(INFO, "Actualités programmées", private=True, note=(
        "Une actualité datée après aujourd'hui n'est pas publiée : elle paraît à la première "
        "construction du site après sa date (le site est reconstruit chaque nuit)."), items=[
        Item(e.where, f"« {e.title} » : mise en ligne prévue le {moment(e.values['date'])}")
        for e in sorted(news, key=lambda e: e.values["date"]) if local(e.values["date"]) > today])
    return [stale, scheduled]


def validity_sections(entries, today: dt.datetime) -> list[Section]:
    old = Section(UPDATE, f"Informations de plus de {VALIDITY_MAX_MONTHS} mois", note=(
        "Date « Informations valables en » des formations, chiffres clés et pages : "
        "vérifiez les faits, mettez-les à jour, puis changez la date."))
    missing = Section(UPDATE, "Date de validité manquante", note=(
        "Formations et chiffres clés sans « Informations valables en » : indiquez le mois ou "
        "l'année du document source, ou laissez vide si personne ne la connaît."))
    for entry in entries:
        if "valid_as_of" not in entry.ctype.field_names or entry.draft:
            continue
        valid = entry.values.get("valid_as_of")
        kind = entry.ctype.label_singular.lower()
        if not valid:
            if entry.ctype.name in VALIDITY_EXPECTED:
                missing.items.append(Item(entry.where, f"{kind} « {entry.title} »"))
        elif month_index(today) - month_index(valid) > VALIDITY_MAX_MONTHS:
            old.items.append(Item(entry.where, f"{kind} « {entry.title} » : informations de "
                                               f"{month_label(valid)} ({age(valid, today)})"))
    return [old, missing]


PRESENT_TITLE = "Années anciennes au présent"
PRESENT_NOTE = ("Repérage approximatif : phrases qui citent une année d'il y a plus de deux ans avec un "
                "verbe au présent (« est », « propose », « depuis 2019 »…). Relisez-les : dites quand "
                "c'était vrai (« en 2022, … ») ou mettez la phrase au passé.")


def present_tense(entries, year: int) -> list[tuple[str, str]]:
    items = []
    for entry in entries:
        if entry.ctype.name not in EVERGREEN or entry.draft:
            continue
        found = textcheck.old_years_in_present(str(entry.values.get("summary") or ""), year, 0)
        found += textcheck.old_years_in_present(entry.body, year, entry.body_line)
        items += [(entry.where, f"{f'ligne {line}' if line else 'résumé'} : « {textcheck.excerpt(sentence)} »")
                  for line, sentence in found]
    return items


ADVICE = (invitations, people_nouns, sentence_length, spelling)  # each: TITLE, NOTE, found(entries)


def advice(entries, year: int, folder=None) -> list[list[tuple[str, str]]]:
    """The items of each ADVICE module, then of ``present_tense``; a Markdown file's come
    from the cache in ``folder`` when a build of the same year and code read the same text."""
    checks = [module.found for module in ADVICE] + [lambda group: present_tense(group, year)]
    salt = hashlib.sha256(str(year).encode())
    plugins = Path(__file__).parents[1]
    for path in sorted([*plugins.glob("health/*.py"), *plugins.glob("content_model/*.py"),
                        plugins / "buildkit" / "sentences.py"]):
        salt.update(path.read_bytes())
    file = Path(folder) / f"advice-{salt.hexdigest()[:20]}" if folder else None
    kind = f"health-advice:{salt.hexdigest()}"
    try:
        cached = json.loads(read_sealed(file, kind) or "{}") if file else {}
    except ValueError:
        cached = {}
    used, found = {}, [[] for _ in checks]
    for entry in entries:
        items = cached.get(entry.digest) if entry.digest else None
        if items is None:
            items = [check([entry]) for check in checks]
        if entry.digest:
            used[entry.digest] = items
        for all_items, own in zip(found, items):
            all_items += [tuple(item) for item in own]
    if file and used != cached:
        write_sealed(file, kind, json.dumps(used, ensure_ascii=False, sort_keys=True).encode())
        for old in file.parent.glob("advice-*"):
            if old != file:
                old.unlink(missing_ok=True)
    return found


def collect(content_root: Path, today: dt.datetime, parsed=None, records=None, cache=None) -> Report:
    """The report. In a build, ``parsed`` gives the front matter the reader parsed (it is
    validated again here), ``records`` the single records data_pages read and validated
    (organisation.yaml is not read again) and ``cache`` the advice's folder (HEALTH_CACHE);
    ``invoke report`` passes none of them."""
    root = Path(content_root)
    entries, errors = read_content(root, parsed)
    *found, present = advice(entries, today.year, cache)
    sections = [Section(URGENT, "Fichiers refusés par la construction", errors, note=(
        "Tant qu'un de ces problèmes reste, le site n'est pas mis à jour."))]
    sections.append(Section(UPDATE, trade_names.TITLE, [Item(*x) for x in trade_names.found(entries)],
                            note=trade_names.NOTE))
    sections += organisation_sections(root, records)
    for module, items in zip(ADVICE, found):
        sections.append(Section(UPDATE, module.TITLE, [Item(*x) for x in items], note=module.NOTE))
    sections += events_sections(entries, today, root)
    sections += news_sections(entries, today, root)
    sections += validity_sections(entries, today)
    sections.append(Section(UPDATE, PRESENT_TITLE, [Item(*x) for x in present], note=PRESENT_NOTE))
    sections.append(Section(INFO, "Brouillons en attente", private=True, items=[
        Item(e.where, f"{e.ctype.label_singular.lower()} « {e.title} » : brouillon, non publié")
        for e in entries if e.draft]))
    sections.sort(key=lambda x: x.level)  # stable: the order above within a level
    unpublished = frozenset(e.where for e in entries if e.draft or (
        e.ctype.name == s.NEWS.name and local(e.values["date"]) > today))
    return Report(today, sections, unpublished)
