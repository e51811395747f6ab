"""Drives Decap CMS by the texts on screen, as docs/guide-redaction.md tells editors to,
and records which of the guide's bold texts (screen texts) were seen, section by
section (test_cms_guide_e2e.py)."""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import NamedTuple

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from cms_config.tests import guide
from cms_config.tests.cms_support import quietly, wait_for
from content_model import yaml12
from content_model.frontmatter import read_text

# Which of the wanted texts are shown: an element whose whole text (a field label
# without Decap's " (optionnel)"), title (toolbar buttons) or placeholder is one of
# them, and that has a box on the page.
SHOWN = """([wanted, prefix]) => {
  const norm = s => (s || '').replace(/\\s+/g, ' ').trim();
  const found = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    const own = norm(el.textContent);
    const texts = [el.tagName === 'LABEL' ? own.replace(/ \\(optionnel\\)$/, '') : own,
                   norm(el.getAttribute('title')), norm(el.getAttribute('placeholder'))];
    for (const w of wanted) {
      if (found.has(w) || !texts.some(t => t && (prefix ? t.startsWith(w) : t === w))) continue;
      if (el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden') found.add(w);
    }
  }
  return [...found];
}"""

# The id a shown field label points to (the last one: a new list item opens at the bottom).
FIELD_ID = """(label) => {
  const norm = s => (s || '').replace(/\\s+/g, ' ').trim();
  const hits = [...document.querySelectorAll('label[for]')].filter(el =>
    el.getClientRects().length && norm(el.textContent).replace(/ \\(optionnel\\)$/, '') === label);
  return hits.length ? hits[hits.length - 1].htmlFor : null;
}"""


class Pick(NamedTuple):
    """The value of a select or relation field: ``option``, after typing ``search``."""
    option: str
    search: str = ""


class Line(NamedTuple):
    """The value of a list of one-line texts: ``button`` adds a line, ``value`` is typed."""
    button: str
    value: str


class GuideWalk:
    """Drives Decap by the texts on screen and records, for the guide sections being
    walked, which of their bold texts were seen. A section is done when all were."""

    def __init__(self, page):
        self.page = page
        self.labels = {title: guide.labels(body) for title, body in guide.sections().items()}
        self.active: list[str] = []
        self.seen: dict[str, set[str]] = {title: set() for title in self.labels}
        self.walked: set[str] = set()
        self.backend_calls: set = set()  # requests to decap-server not answered yet
        page.on("dialog", self._dialog)
        page.on("request", lambda r: "/api/v1" in r.url and self.backend_calls.add(r))
        page.on("requestfinished", lambda r: self.backend_calls.discard(r))
        page.on("requestfailed", lambda r: self.backend_calls.discard(r))

    def _dialog(self, dialog):
        self._mark(" ".join(dialog.message.split()))
        dialog.accept()

    def _mark(self, text: str) -> None:
        for title in self.active:
            if text in self.labels[title]:
                self.seen[title].add(text)

    @contextmanager
    def section(self, *titles: str):
        for title in titles:
            assert title in self.labels, f"docs/guide-redaction.md has no section « {title} »"
        self.active = list(titles)
        yield self
        self.screen()
        for title in titles:
            missing = [t for t in self.labels[title] if t not in self.seen[title]]
            assert not missing, (f"docs/guide-redaction.md, section « {title} »: not on the "
                                 f"screens this section describes: {missing}")
            self.walked.add(title)
        self.active = []

    def pending(self) -> list[str]:
        return sorted({t for title in self.active for t in self.labels[title]
                       if t not in self.seen[title]})

    def screen(self) -> None:
        """Marks every pending text shown now."""
        for text in self.page.evaluate(SHOWN, [self.pending(), False]):
            self._mark(text)

    def see(self, text: str, prefix: bool = False, timeout: float = 20_000) -> None:
        try:
            self.page.wait_for_function(f"w => ({SHOWN})(w).length", arg=[[text], prefix],
                                        timeout=timeout)
        except PlaywrightTimeout:
            messages = self.page.locator(".Toastify__toast").all_inner_texts()
            raise AssertionError(f"« {text} » not on screen at {self.page.url}; "
                                 f"Decap's messages: {messages}") from None
        self._mark(text)

    def click(self, text: str) -> None:
        self.page.get_by_text(text, exact=True).locator("visible=true").first.click()
        self._mark(text)

    def field(self, label: str):
        """The input (or list, or select) of the field labelled ``label``."""
        try:
            self.page.wait_for_function(f"l => ({FIELD_ID})(l)", arg=label, timeout=20_000)
        except PlaywrightTimeout:
            raise AssertionError(f"no field labelled « {label} » on screen at "
                                 f"{self.page.url}") from None
        self._mark(label)
        return self.page.locator(f"[id='{self.page.evaluate(FIELD_ID, label)}']")

    def fill(self, label: str, value: str) -> None:
        field = self.field(label)
        field.fill("")  # after a refused publication, fill alone appends to the old value
        field.fill(value)
        assert field.input_value() == value, (label, field.input_value())

    def choose(self, label: str, option: str, search: str = "") -> None:
        """A select or relation field: open it, note what it offers, pick ``option``."""
        self.field(label).click()
        if search:
            self.page.keyboard.type(search)
        self.page.get_by_role("option", name=option, exact=True).wait_for()
        self.screen()
        chosen = self.page.get_by_role("option", name=option, exact=True)
        chosen.click()
        # The menu closes after its animation; a multiple select keeps it open without the
        # chosen option. A click before the menu is gone lands on another option: wait for
        # the chosen option to go (3 s at most, as before), then close a menu still open as
        # a keyboard user would.
        try:
            chosen.wait_for(state="hidden", timeout=3_000)
        except PlaywrightTimeout:
            pass
        menu = self.page.get_by_role("option").first
        if menu.is_visible():
            self.page.keyboard.press("Escape")
            menu.wait_for(state="hidden")
        self._mark(option)

    def add_line(self, button: str, label: str, value: str) -> None:
        """A list of one-line texts: add a line and type it."""
        self.click(button)
        field = self.field(label)  # the new line's own label (the list's when it has none)
        if field.evaluate("e => e.tagName") != "INPUT":
            field = field.locator("input").last
        field.fill(value)

    def type_body(self, text: str) -> None:
        self.page.locator("[data-slate-editor]").first.click()
        self.page.keyboard.type(text)

    def settle(self, timeout: float = 20.0) -> None:
        """Waits until decap-server has answered every request, then 0.2 s more. Decap shows a
        new entry's fields before it has made its empty draft: the first new entry of a page
        waits for the media library, and text typed meanwhile is lost when the draft comes
        (decap-cms-core createEmptyDraft; once, the first entry was refused for a required
        field after every field was filled). Playwright reports requests while it waits."""
        deadline = time.monotonic() + timeout
        while self.backend_calls and time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
        assert not self.backend_calls, f"decap-server did not answer: {self.backend_calls}"
        self.page.wait_for_timeout(200)

    def enter(self, fields: dict, body: str | None = None) -> None:
        """Enters ``fields`` in their order, {label: value}: a text is filled, a Pick
        chosen, a Line added, a callable called (a button of the field); then ``body``."""
        for label, value in fields.items():
            if isinstance(value, Pick):
                self.choose(label, value.option, search=value.search)
            elif isinstance(value, Line):
                self.add_line(value.button, label, value.value)
            elif callable(value):
                value()
            else:
                self.fill(label, value)
        if body is not None:
            self.type_body(body)

    def create(self, collection: str, button: str, fields: dict, body: str | None = None,
               saved: tuple | None = None) -> None:
        """A new entry: ``collection`` → ``button`` (« + Métier »), its empty screen
        noted, ``fields`` and ``body`` entered (enter); with saved=(path, text, what),
        published and waited for until the file at path holds text."""
        self.open_collection(collection)
        self.click(button)
        self.see("Titre")
        self.settle()
        self.screen()
        self.enter(fields, body)
        if saved:
            self.publish_into(*saved)

    NEW_MESSAGE = ".Toastify__toast:not([data-seen])"

    def mark_messages_seen(self) -> None:
        """Decap's messages (toasts) on screen now are old: the next one is new."""
        self.page.evaluate("""() => document.querySelectorAll('.Toastify__toast')
                                     .forEach(e => { e.dataset.seen = '1'; })""")

    def new_messages(self) -> list[str]:
        self.page.locator(self.NEW_MESSAGE).first.wait_for()
        return self.page.locator(self.NEW_MESSAGE).all_inner_texts()

    def publish(self, until=None, what: str = "the file") -> None:
        """Publier → Publier maintenant, Decap's « Entrée enregistrée »; then, with
        ``until``, waits until it holds (a check of the file Decap writes)."""
        self.mark_messages_seen()
        self.click("Publier")
        self.page.get_by_text("Publier maintenant", exact=True).wait_for()
        self.screen()  # the menu's other choices
        self.click("Publier maintenant")
        messages = self.new_messages()
        if messages != ["Entrée enregistrée"]:  # with the field errors on screen
            errors = self.page.evaluate("""() => [...document.querySelectorAll('li')].map(e => e.textContent)
                                            .filter(t => / requis\\.$|ne correspond pas/.test(t))""")
            raise AssertionError(f"Decap said {messages}; field errors: {errors}")
        self._mark("Entrée enregistrée")
        self.see("Publiée")  # the entry, reloaded: ready for the next change
        if until is not None:
            wait_for(lambda: quietly(until), what=what)

    def publish_into(self, path, text: str, what: str) -> None:
        """Publishes, then waits until the file at ``path`` holds ``text``."""
        self.publish(until=lambda: text in read_text(path), what=what)

    def block_button(self, label: str, which: str, last: bool = False):
        """The arrow (which="arrow") or the cross ("cross") of the first or last block of
        the list field labelled ``label``: the buttons either side of its drag handle."""
        handles = self.field(label).locator("[aria-roledescription='sortable']")
        handle = handles.last if last else handles.first
        side = "preceding" if which == "arrow" else "following"
        return handle.locator(f"xpath={side}-sibling::button[1]")

    def open_collection(self, name: str) -> None:
        self.page.goto(self.page.url.split("#")[0] + "#/")
        self.click(name)

    def open_entry(self, collection: str, entry: str) -> None:
        self.open_collection(collection)
        self.click_entry(entry)

    def click_entry(self, entry: str) -> None:
        """Opens ``entry`` from the collection's list on screen."""
        # The list renders twice (cached entries, then the backend's): a click during the
        # second render can be lost, so click again until the entry's screen opens.
        for _ in range(3):
            self.click(entry)
            try:
                self.page.wait_for_url("**/entries/**", timeout=5_000)
                return
            except PlaywrightTimeout:
                continue
        raise AssertionError(f"clicking « {entry} » opened nothing at {self.page.url}")


def github_login_config(cms) -> str:
    """The site's config.yml as published: GitHub backend, no local backend."""
    site_config = yaml12.load(read_text(cms.repo.parent / "site" / "admin" / "config.yml"))
    site_config.pop("local_backend", None)
    site_config["backend"] = {"name": "github", "repo": "owner/site", "branch": "main"}
    return yaml12.dump(site_config)
