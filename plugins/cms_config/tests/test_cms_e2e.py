"""End to end in real Chromium: Decap CMS at /admin/ with decap-server (local
backend, MODE=fs) on loopback writes Markdown and YAML that the build reads, and
the editors' guide (docs/guide-redaction.md) names what the screens show.

One build and one decap-server for the module: the fixture copies the content to
a temporary repository, builds the site with the local backend pointed at a free
port and starts decap-server there.

- test_editor_creates_news_and_edits_partner: a news item titled "No" and an
  edited partner, then the build.
- test_guide_matches_the_screens follows the guide section by section (create,
  edit, draft, delete, partners, figures, refused publications) and checks that
  every bold text of a section, the guide's mark for screen text, was on a screen
  that section describes; then builds what it made.
- test_news_with_an_uploaded_image_is_published: the guide's image procedure to
  the end (it needs blob: in the connect-src of /admin/'s CSP).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from checks.server import SiteServer
from cms_config.tests import guide
from content_model import yaml12
from content_model.frontmatter import read_text, split
from support import ROOT, build_site

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _quietly(predicate) -> bool:
    try:
        return bool(predicate())
    except (OSError, ValueError, KeyError, TypeError):  # a file caught half-written
        return False


def wait_for(predicate, timeout=20.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@dataclass
class Cms:
    base: str  # the built site, served with its _headers
    repo: Path  # what decap-server writes into: repo/content
    port: int  # decap-server's


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cms")
    repo = tmp / "repo"
    shutil.copytree(ROOT / "content", repo / "content")
    port = free_port()
    built = build_site(repo / "content", tmp / "site", ROOT / "pelicanconf.py",
                       "-e", f'CMS_LOCAL_BACKEND_URL="http://127.0.0.1:{port}/api/v1"', cwd=repo)
    assert built.returncode == 0, built.log
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(repo)}
    server = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        def listening():
            with socket.socket() as sock:
                return sock.connect_ex(("127.0.0.1", port)) == 0
        wait_for(listening, what="decap-server")
        with SiteServer(tmp / "site") as base:
            yield Cms(base, repo, port)
    finally:
        server.terminate()
        server.wait(timeout=10)


def new_page(browser, cms, login=True):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if login:
        page.goto(f"{cms.base}/admin/")
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_selector("text=Actualités")
    return context, page


def front_matter(path: Path) -> dict:
    return split(read_text(path))[0]


def photo(folder: Path) -> Path:
    from PIL import Image

    path = folder / "photo.png"
    Image.new("RGB", (640, 400), "teal").save(path)
    return path


def test_editor_creates_news_and_edits_partner(cms, browser, tmp_path):
    repo = cms.repo
    context, page = new_page(browser, cms)

    # A news item whose title YAML 1.1 would read as the boolean false.
    page.goto(f"{cms.base}/admin/#/collections/actualites/new")
    page.get_by_label("Titre", exact=True).fill("No")
    page.get_by_label("Identifiant d'adresse (slug)").fill("titre-no")
    page.locator("[id^=date-field]").fill("2026-11-20T10:30")
    page.get_by_label("Résumé", exact=True).fill("Un titre qui ressemble à un booléen.")
    page.locator("[id^=category-field]").click()
    page.get_by_text("Orientation", exact=True).click()
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("Texte écrit dans le CMS.")
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()
    news = repo / "content" / "actualites" / "titre-no.md"
    wait_for(lambda: _quietly(lambda: "Texte écrit dans le CMS." in split(read_text(news))[1]),
             what="the news file, written completely")
    meta, body, _ = split(read_text(news))
    assert meta["title"] == "No" and meta["date"] == "2026-11-20 10:30"
    assert "Texte écrit dans le CMS." in body

    # A partner of the YAML data file (a fresh tab: the login is remembered).
    page.close()
    page = context.new_page()
    partners_file = repo / "content" / "data" / "partners.yaml"
    count = len(yaml12.load(read_text(partners_file))["partners"])
    page.goto(f"{cms.base}/admin/#/collections/donnees/entries/partners")
    page.wait_for_selector("textarea[id^=description-field]", state="attached")
    page.locator("[id^=partners-field] button").first.click()  # expand every partner
    description = page.locator("textarea[id^=description-field]").nth(1)
    description.wait_for(state="visible")
    description.fill("Michelin, membre fondateur : description modifiée dans le CMS.")
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()

    def partners_saved():
        text = partners_file.read_text(encoding="utf-8")
        return "modifiée dans le CMS" in text and len(yaml12.load(text)["partners"]) == count

    wait_for(lambda: _quietly(partners_saved), what="the partners file, written completely")
    context.close()
    michelin = [p for p in yaml12.load(read_text(partners_file))["partners"] if p["id"] == "michelin"]
    assert michelin[0]["description"].endswith("modifiée dans le CMS.")

    # What the CMS wrote builds, unchanged.
    result = build_site(repo / "content", tmp_path / "after", ROOT / "pelicanconf.py", cwd=repo)
    assert result.returncode == 0, result.log
    assert result.page("actualites/2026/titre-no/").h1 == ["No"]
    assert "description modifiée dans le CMS" in result.page("partenaires/").words


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


class GuideWalk:
    """Drives Decap by the texts on screen and records, for the guide sections being
    walked, which of their bold texts were seen. A section is done when all were."""

    def __init__(self, page):
        self.page = page
        self.labels = {title: guide.labels(body) for title, body in guide.sections().items()}
        self.active: list[str] = []
        self.seen: dict[str, set[str]] = {title: set() for title in self.labels}
        self.walked: set[str] = set()
        page.on("dialog", self._dialog)

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
        self.page.wait_for_function(f"l => ({FIELD_ID})(l)", arg=label, timeout=10_000)
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
        self.page.get_by_role("option", name=option, exact=True).click()
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

    NEW_MESSAGE = ".Toastify__toast:not([data-seen])"

    def mark_messages_seen(self) -> None:
        """Decap's messages (toasts) on screen now are old: the next one is new."""
        self.page.evaluate("""() => document.querySelectorAll('.Toastify__toast')
                                     .forEach(e => { e.dataset.seen = '1'; })""")

    def new_messages(self) -> list[str]:
        self.page.locator(self.NEW_MESSAGE).first.wait_for()
        return self.page.locator(self.NEW_MESSAGE).all_inner_texts()

    def publish(self) -> None:
        self.mark_messages_seen()
        self.click("Publier")
        self.page.get_by_text("Publier maintenant", exact=True).wait_for()
        self.screen()  # the menu's other choices
        self.click("Publier maintenant")
        assert self.new_messages() == ["Entrée enregistrée"], self.new_messages()
        self._mark("Entrée enregistrée")
        self.see("Publiée")  # the entry, reloaded: ready for the next change

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


def github_login_config(cms) -> str:
    """The site's config.yml as published: GitHub backend, no local backend."""
    site_config = yaml12.load(read_text(cms.repo.parent / "site" / "admin" / "config.yml"))
    site_config.pop("local_backend", None)
    site_config["backend"] = {"name": "github", "repo": "owner/site", "branch": "main"}
    return yaml12.dump(site_config)


def test_guide_matches_the_screens(cms, browser, tmp_path):
    repo, content = cms.repo, cms.repo / "content"
    context, page = new_page(browser, cms, login=False)
    walk = GuideWalk(page)

    with walk.section("Se connecter"):
        page.route("**/admin/config.yml", lambda route: route.fulfill(
            body=github_login_config(cms), content_type="text/yaml"))
        page.goto(f"{cms.base}/admin/")
        walk.see("Se connecter avec GitHub")
        page.unroute("**/admin/config.yml")
        page.reload()
        page.get_by_role("button", name="Se connecter").click()  # the local backend's
        walk.see("Collections")

    with walk.section("Comment lire ce guide"):
        walk.click("Métiers")
        walk.see("＋ Métier")

    trade = content / "metiers" / "metier-du-guide.md"
    with walk.section("Ajouter un métier", "Publier : ce qui se passe ensuite"):
        walk.open_collection("Métiers")
        walk.click("＋ Métier")
        walk.see("Titre")
        walk.screen()
        walk.fill("Titre", "Métier du guide")
        walk.fill("Identifiant d'adresse (slug)", "metier-du-guide")
        walk.fill("Résumé", "Un métier créé en suivant le guide.")
        walk.choose("Famille de métiers", "Maintenance")
        walk.add_line("Ajouter compétences", "Compétences", "Lire un plan")
        walk.add_line("Ajouter où s'exerce le métier", "Où s'exerce le métier", "En atelier")
        walk.add_line("Ajouter mots-clés de recherche", "Mots-clés de recherche", "guide")
        walk.type_body("Ce que fait ce métier.")
        walk.see("Modifications non enregistrées")
        walk.see("En ligne : site construit le", prefix=True)
        walk.publish()
        wait_for(lambda: _quietly(lambda: "Ce que fait ce métier." in read_text(trade)),
                 what="the trade's file")
    assert front_matter(trade)["skills"] == ["Lire un plan"]

    programme = content / "formations" / "formation-du-guide.md"
    with walk.section("Ajouter une formation"):
        walk.open_collection("Formations")
        walk.click("＋ Formation")
        walk.see("Titre")
        walk.screen()
        walk.fill("Titre", "Formation du guide")
        walk.fill("Identifiant d'adresse (slug)", "formation-du-guide")
        walk.fill("Résumé", "Une formation créée en suivant le guide.")
        walk.choose("Type de formation", "BTS")
        for label in ("Public", "Durée", "Rythme", "Admission"):
            walk.fill(label, f"{label} de la formation du guide")
        walk.choose("Métiers visés", "Métier du guide", search="Métier du")
        walk.type_body("Le contenu de la formation.")
        walk.publish()
        wait_for(lambda: _quietly(lambda: "Le contenu de la formation." in read_text(programme)),
                 what="the programme's file")
    assert front_matter(programme)["metiers"] == ["metier-du-guide"]
    assert not front_matter(programme).get("cost")  # no default: a cost is written from a source

    news = content / "actualites" / "actualite-du-guide.md"
    image = photo(tmp_path)
    with walk.section("Ajouter une actualité avec une image"):
        walk.open_collection("Actualités")
        walk.click("＋ Actualité")
        walk.see("Titre")
        walk.screen()
        walk.fill("Titre", "Actualité du guide")
        walk.fill("Identifiant d'adresse (slug)", "actualite-du-guide")
        walk.click("Maintenant")
        walk.fill("Résumé", "Une actualité créée en suivant le guide.")
        walk.choose("Rubrique", "Orientation")
        page.locator("[data-slate-editor]").first.click()
        page.locator("[title='Titres']").click()
        walk.see("Titre 3")
        walk.screen()
        walk.click("Titre 2")
        page.keyboard.type("Intertitre")
        page.keyboard.press("Enter")
        page.keyboard.type("Le corps de l'actualité.")
        walk.publish()
        wait_for(lambda: _quietly(lambda: "Le corps de l'actualité." in read_text(news)),
                 what="the news file")
        # The image, chosen but not published: under /admin/'s CSP a publication with
        # an uploaded file fails (test_news_with_an_uploaded_image_is_published).
        walk.click("Choisir une image")
        walk.see("Téléverser une nouvelle ressource")
        page.locator("input[type=file]").set_input_files(image)
        walk.see("Brouillon")
        walk.click("Choisir les éléments sélectionnés")
        walk.fill("Texte alternatif de l'image", "Un carré de couleur")
    assert "## Intertitre" in read_text(news)

    event = content / "evenements" / "evenement-du-guide.md"
    with walk.section("Annoncer un événement"):
        walk.open_collection("Événements")
        walk.click("＋ Événement")
        walk.see("Titre")
        walk.screen()
        walk.fill("Titre", "Événement du guide")
        walk.fill("Identifiant d'adresse (slug)", "evenement-du-guide")
        walk.choose("Type d'événement", "Salon")
        page.get_by_text("Maintenant", exact=True).first.click()  # Début
        walk.fill("Résumé", "Un événement créé en suivant le guide.")
        walk.choose("Publics", "Parents")
        walk.choose("Formations concernées", "Formation du guide", search="Formation du")
        walk.type_body("La présentation de l'événement.")
        walk.publish()
        wait_for(lambda: _quietly(lambda: "La présentation" in read_text(event)),
                 what="the event's file")
    assert front_matter(event)["formations"] == ["formation-du-guide"]

    page_file = content / "pages" / "page-du-guide.md"
    with walk.section("Ajouter une page"):
        walk.open_collection("Pages")
        walk.click("＋ Page")
        walk.see("Titre")
        walk.screen()
        walk.fill("Titre", "Page du guide")
        walk.fill("Identifiant d'adresse (slug)", "page-du-guide")
        walk.fill("Résumé", "Une page créée en suivant le guide.")
        walk.choose("Mise en page", "Page simple")
        walk.type_body("Le contenu de la page.")
        walk.publish()
        wait_for(lambda: _quietly(lambda: "Le contenu de la page." in read_text(page_file)),
                 what="the page's file")

    with walk.section("Modifier un contenu"):
        walk.open_collection("Formations")
        walk.see("Tout rechercher")
        walk.click("Formation du guide")
        walk.fill("Durée", "Deux ans")
        walk.publish()
        wait_for(lambda: _quietly(lambda: front_matter(programme)["duration"] == "Deux ans"),
                 what="the edited programme")

    with walk.section("Retirer un contenu du site sans le supprimer"):
        walk.open_collection("Pages")
        walk.click("Page du guide")
        walk.choose("Statut", "Brouillon")
        walk.publish()
        wait_for(lambda: _quietly(lambda: front_matter(page_file)["status"] == "draft"),
                 what="the page in draft")
        walk.open_collection("Formations")
        walk.click("Formation du guide")
        walk.see("Métiers visés")

    with walk.section("Supprimer un contenu"):
        walk.open_collection("Pages")
        walk.click("Page du guide")
        walk.click("Supprimer l'entrée")
        wait_for(lambda: not page_file.exists(), what="the page deleted")
        walk.open_collection("Formations")
        walk.click("Formation du guide")
        walk.see("Métiers visés")

    partners_file = content / "data" / "partners.yaml"
    partners = lambda: yaml12.load(read_text(partners_file))["partners"]  # noqa: E731
    count = len(partners())
    with walk.section("Ajouter, modifier ou retirer un partenaire"):
        walk.open_collection("Partenaires, chiffres et coordonnées")
        walk.click("Partenaires")
        walk.click("Ajouter partenaire")
        walk.see("Financement (euros)")
        walk.screen()
        walk.fill("Identifiant", "partenaire-du-guide")
        walk.fill("Nom", "Partenaire du guide")
        walk.fill("Description", "Un partenaire ajouté en suivant le guide.")
        walk.choose("Rôle aujourd'hui", "Partenaires des programmes")
        walk.publish()
        wait_for(lambda: _quietly(lambda: partners()[-1]["id"] == "partenaire-du-guide"),
                 what="the new partner, last of the file")
        assert partners()[-1]["role"] == "programme" and len(partners()) == count + 1
        walk.open_collection("Partenaires, chiffres et coordonnées")  # removing, later
        walk.click("Partenaires")
        walk.see("Ajouter partenaire")
        walk.block_button("Partenaires", "cross", last=True).click()
        walk.see("Modifications non enregistrées")
        walk.publish()
        wait_for(lambda: _quietly(lambda: len(partners()) == count), what="the partner removed")
    assert "partenaire-du-guide" not in read_text(partners_file)

    figures_file = content / "data" / "figures.yaml"
    with walk.section("Mettre à jour les chiffres clés"):
        walk.open_collection("Partenaires, chiffres et coordonnées")
        walk.click("Chiffres clés et Séries de chiffres")
        walk.block_button("Chiffres clés", "arrow").click()
        walk.see("Afficher sur la page d'accueil")
        walk.screen()
        walk.click("Ajouter chiffre clé")
        walk.fill("Identifiant", "chiffre-du-guide")
        walk.fill("Libellé", "chiffre ajouté en suivant le guide")
        walk.fill("Valeur", "12")
        walk.fill("Année ou période", "2026")
        walk.fill("Source", "Guide de rédaction")
        walk.screen()
        walk.block_button("Séries de chiffres", "arrow").click()
        walk.see("Ajouter valeurs")
        walk.publish()
        wait_for(lambda: _quietly(lambda: yaml12.load(read_text(figures_file))["figures"][-1]["id"]
                                  == "chiffre-du-guide"), what="the new figure")
    figure = yaml12.load(read_text(figures_file))["figures"][-1]
    assert figure["value"] == 12 and figure["source"] == "Guide de rédaction"

    organisation = content / "data" / "organisation.yaml"
    with walk.section("Mettre à jour les coordonnées de Hall 32"):
        walk.open_collection("Partenaires, chiffres et coordonnées")
        walk.click("Coordonnées de Hall 32")
        walk.see("Ajouter réseaux sociaux")
        walk.screen()
        walk.fill("Horaires d'accueil", "Horaires saisis en suivant le guide")
        walk.publish()
        wait_for(lambda: _quietly(lambda: "saisis en suivant le guide" in read_text(organisation)),
                 what="the contact details")

    with walk.section("Si la publication échoue"):
        walk.open_collection("Actualités")
        walk.click("＋ Actualité")
        walk.click("Publier")
        walk.click("Publier maintenant")
        walk.see("Oops, il manque un champ requis. Veuillez le renseigner avant de soumettre.")
        walk.see("Le champ Titre est requis.")
        walk.fill("Titre", "Refusée puis enregistrée")
        walk.fill("Identifiant d'adresse (slug)", "Refusée")
        walk.click("Publier")
        walk.click("Publier maintenant")
        walk.see("Le champ Identifiant d'adresse (slug) ne correspond pas au schéma: "
                 "Minuscules sans accents, chiffres et tirets uniquement.")
        walk.fill("Identifiant d'adresse (slug)", "refusee-puis-enregistree")
        walk.click("Maintenant")
        walk.fill("Résumé", "Une actualité d'abord refusée.")
        walk.choose("Rubrique", "Orientation")
        walk.type_body("Texte.")

        def unreachable(route):  # the connection drops when publishing
            if "persistEntry" in (route.request.post_data or ""):
                route.abort("internetdisconnected")
            else:
                route.continue_()

        page.route(f"http://127.0.0.1:{cms.port}/api/v1", unreachable)
        walk.click("Publier")
        walk.click("Publier maintenant")
        walk.see("Échec de l'enregistrement de l'entrée", prefix=True)
        page.unroute(f"http://127.0.0.1:{cms.port}/api/v1")
        refused = content / "actualites" / "refusee-puis-enregistree.md"
        assert not refused.exists()
        walk.publish()
        wait_for(refused.exists, what="the news item, published once the repository answers")
        walk.open_collection("Métiers")
        walk.click("Partenaires, chiffres et coordonnées")
        walk.see("Chiffres clés et Séries de chiffres")
        walk.see("Partenaires")
        walk.see("En ligne : site construit le", prefix=True)
    context.close()

    unwalked = [t for t, labels in walk.labels.items() if labels and t not in walk.walked]
    assert not unwalked, f"guide sections naming screen texts that no walk checks: {unwalked}"

    # What the guide's steps made builds: the trade lists the programme that leads to it.
    result = build_site(content, tmp_path / "after", ROOT / "pelicanconf.py", cwd=repo)
    assert result.returncode == 0, result.log
    assert "Formation du guide" in result.page("metiers/metier-du-guide/").words
    assert not (tmp_path / "after" / "page-du-guide").exists()


def test_news_with_an_uploaded_image_is_published(cms, browser, tmp_path):
    """The guide's image steps to the end: the image and its text reach the repository
    and the build."""
    context, page = new_page(browser, cms)
    walk = GuideWalk(page)
    walk.open_collection("Actualités")
    walk.click("＋ Actualité")
    walk.fill("Titre", "Actualité avec image")
    walk.fill("Identifiant d'adresse (slug)", "actualite-avec-image")
    walk.click("Maintenant")
    walk.fill("Résumé", "Une actualité et son image.")
    walk.choose("Rubrique", "Orientation")
    walk.click("Choisir une image")
    page.locator("input[type=file]").set_input_files(photo(tmp_path))
    walk.click("Choisir les éléments sélectionnés")
    walk.fill("Texte alternatif de l'image", "Un carré de couleur")
    walk.type_body("Texte.")
    try:
        walk.publish()  # fails here: Decap's message is "Échec de l'enregistrement…"
    finally:
        context.close()
    news = cms.repo / "content" / "actualites" / "actualite-avec-image.md"
    wait_for(lambda: _quietly(lambda: "Texte." in read_text(news)), what="the news file")
    meta = front_matter(news)
    image = cms.repo / "content" / meta["image"].lstrip("/")
    try:
        assert meta["image_alt"] == "Un carré de couleur"
        assert image.is_file()
        result = build_site(cms.repo / "content", tmp_path / "after", ROOT / "pelicanconf.py",
                            cwd=cms.repo)
        assert result.returncode == 0, result.log
    finally:  # the repository is shared with the guide's walk, which builds it too
        news.unlink(missing_ok=True)
        image.unlink(missing_ok=True)
