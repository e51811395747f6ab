"""docs/guide-redaction.md followed in Decap CMS (real Chromium, decap-server): section
by section (create, edit, draft, delete, partners, figures, contact details, refused
publications), every bold text of a section, the guide's mark for screen text, must
be on a screen that section describes; then what the steps made builds."""

from __future__ import annotations

from cms_config.tests.cms_support import front_matter, new_page, photo, wait_for
from cms_config.tests.walk import GuideWalk, Line, Pick, github_login_config
from content_model import yaml12
from content_model.frontmatter import read_text
from support import ROOT, build_site


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
        walk.see("+ Métier")

    trade = content / "metiers" / "metier-du-guide.md"
    with walk.section("Ajouter un métier", "Publier : ce qui se passe ensuite"):
        walk.create("Métiers", "+ Métier", {
            "Titre": "Métier du guide", "Identifiant d'adresse (slug)": "metier-du-guide",
            "Résumé": "Un métier créé en suivant le guide.",
            "Famille de métiers": Pick("Maintenance"),
            "Compétences": Line("Ajouter compétences", "Lire un plan"),
            "Où s'exerce le métier": Line("Ajouter où s'exerce le métier", "En atelier"),
            "Mots-clés de recherche": Line("Ajouter mots-clés de recherche", "guide"),
        }, body="Ce que fait ce métier.")
        walk.see("Modifications non enregistrées")
        walk.see("En ligne : site construit le", prefix=True)
        walk.publish_into(trade, "Ce que fait ce métier.", what="the trade's file")
    assert front_matter(trade)["skills"] == ["Lire un plan"]

    with walk.section("Écrire les textes : le ton et les métiers au féminin"):
        walk.open_entry("Métiers", "Métier du guide")
        walk.see("Titre")  # the fields whose words the section's rules are about
        walk.screen()

    programme = content / "formations" / "formation-du-guide.md"
    with walk.section("Ajouter une formation"):
        walk.create("Formations", "+ Formation", {
            "Titre": "Formation du guide", "Identifiant d'adresse (slug)": "formation-du-guide",
            "Résumé": "Une formation créée en suivant le guide.",
            "Type de formation": Pick("BTS"),
            **{label: f"{label} de la formation du guide"
               for label in ("Public", "Durée", "Rythme", "Admission")},
            "Métiers visés": Pick("Métier du guide", search="Métier du"),
        }, body="Le contenu de la formation.",
            saved=(programme, "Le contenu de la formation.", "the programme's file"))
    assert front_matter(programme)["metiers"] == ["metier-du-guide"]
    assert not front_matter(programme).get("cost")  # no default: a cost is written from a source

    news = content / "actualites" / "actualite-du-guide.md"
    image = photo(tmp_path)
    with walk.section("Ajouter une actualité avec une image"):
        walk.create("Actualités", "+ Actualité", {
            "Titre": "Actualité du guide", "Identifiant d'adresse (slug)": "actualite-du-guide",
            "Date de publication": "2026-11-20 10:30",
            "Résumé": "Une actualité créée en suivant le guide.", "Rubrique": Pick("Orientation"),
        })
        page.locator("[data-slate-editor]").first.click()
        page.locator("[title='Titres']").click()
        walk.see("Titre 3")
        walk.screen()
        walk.click("Titre 2")
        page.keyboard.type("Intertitre")
        page.keyboard.press("Enter")
        page.keyboard.type("Le corps de l'actualité.")
        walk.publish_into(news, "Le corps de l'actualité.", what="the news file")
        # The image, chosen but not published: publishing with an upload is covered by
        # test_news_with_an_uploaded_image_is_published.
        walk.click("Choisir une image")
        walk.see("Téléverser une nouvelle ressource")
        page.locator("input[type=file]").set_input_files(image)
        walk.see("Brouillon")
        walk.click("Choisir les éléments sélectionnés")
        walk.fill("Texte alternatif de l'image", "Un carré de couleur")
    assert "## Intertitre" in read_text(news)

    event = content / "evenements" / "evenement-du-guide.md"
    with walk.section("Annoncer un événement"):
        walk.create("Événements", "+ Événement", {
            "Titre": "Événement du guide", "Identifiant d'adresse (slug)": "evenement-du-guide",
            "Type d'événement": Pick("Salon"),
            "Début": lambda: page.get_by_text("Maintenant", exact=True).first.click(),
            "Résumé": "Un événement créé en suivant le guide.", "Publics": Pick("Parents"),
            "Formations concernées": Pick("Formation du guide", search="Formation du"),
        }, body="La présentation de l'événement.",
            saved=(event, "La présentation", "the event's file"))
    assert front_matter(event)["formations"] == ["formation-du-guide"]

    page_file = content / "pages" / "page-du-guide.md"
    with walk.section("Ajouter une page"):
        walk.create("Pages", "+ Page", {
            "Titre": "Page du guide", "Identifiant d'adresse (slug)": "page-du-guide",
            "Résumé": "Une page créée en suivant le guide.", "Mise en page": Pick("Page simple"),
        }, body="Le contenu de la page.",
            saved=(page_file, "Le contenu de la page.", "the page's file"))

    with walk.section("Modifier un contenu"):
        walk.open_collection("Formations")
        walk.see("Tout rechercher")
        walk.click_entry("Formation du guide")
        walk.fill("Durée", "Deux ans")
        walk.publish(until=lambda: front_matter(programme)["duration"] == "Deux ans",
                     what="the edited programme")

    with walk.section("Retirer un contenu du site sans le supprimer"):
        walk.open_entry("Pages", "Page du guide")
        walk.choose("Statut", "Brouillon")
        walk.publish(until=lambda: front_matter(page_file)["status"] == "draft",
                     what="the page in draft")
        walk.open_entry("Formations", "Formation du guide")
        walk.see("Métiers visés")

    with walk.section("Supprimer un contenu"):
        walk.open_entry("Pages", "Page du guide")
        walk.click("Supprimer l'entrée")
        wait_for(lambda: not page_file.exists(), what="the page deleted")
        walk.open_entry("Formations", "Formation du guide")
        walk.see("Métiers visés")

    partners_file = content / "data" / "partners.yaml"
    partners = lambda: yaml12.load(read_text(partners_file))["partners"]  # noqa: E731
    count = len(partners())
    with walk.section("Ajouter, modifier ou retirer un partenaire"):
        walk.open_collection("Partenaires, chiffres, coordonnées et textes")
        walk.click("Partenaires")
        walk.click("Ajouter partenaire")
        walk.see("Financement (euros)")
        walk.screen()
        walk.enter({"Identifiant": "partenaire-du-guide", "Nom": "Partenaire du guide",
                    "Description": "Un partenaire ajouté en suivant le guide.",
                    "Rôle aujourd'hui": Pick("Partenaires des programmes")})
        walk.publish(until=lambda: partners()[-1]["id"] == "partenaire-du-guide",
                     what="the new partner, last of the file")
        assert partners()[-1]["role"] == "programme" and len(partners()) == count + 1
        walk.open_collection("Partenaires, chiffres, coordonnées et textes")  # removing, later
        walk.click("Partenaires")
        walk.see("Ajouter partenaire")
        walk.block_button("Partenaires", "cross", last=True).click()
        walk.see("Modifications non enregistrées")
        walk.publish(until=lambda: len(partners()) == count, what="the partner removed")
    assert "partenaire-du-guide" not in read_text(partners_file)

    figures_file = content / "data" / "figures.yaml"
    with walk.section("Mettre à jour les chiffres clés"):
        walk.open_collection("Partenaires, chiffres, coordonnées et textes")
        walk.click("Chiffres clés et Séries de chiffres")
        walk.block_button("Chiffres clés", "arrow").click()
        walk.see("Afficher sur la page d'accueil")
        walk.screen()
        walk.click("Ajouter chiffre clé")
        walk.enter({"Identifiant": "chiffre-du-guide",
                    "Libellé": "chiffre ajouté en suivant le guide", "Valeur": "12", "Année ou période": "2026", "Source": "Guide de rédaction"})
        walk.screen()
        walk.block_button("Séries de chiffres", "arrow").click()
        walk.see("Ajouter valeurs")
        walk.publish(until=lambda: yaml12.load(read_text(figures_file))["figures"][-1]["id"]
                     == "chiffre-du-guide", what="the new figure")
    figure = yaml12.load(read_text(figures_file))["figures"][-1]
    assert figure["value"] == 12 and figure["source"] == "Guide de rédaction"

    organisation = content / "data" / "organisation.yaml"
    with walk.section("Mettre à jour les coordonnées de Hall 32"):
        walk.open_collection("Partenaires, chiffres, coordonnées et textes")
        walk.click("Coordonnées de Hall 32")
        walk.see("Ajouter réseaux sociaux")
        walk.screen()
        walk.fill("Horaires d'accueil", "Horaires saisis en suivant le guide")
        walk.publish_into(organisation, "saisis en suivant le guide", what="the contact details")

    texts = content / "data" / "textes.yaml"
    with walk.section("Modifier les textes de l'accueil et des pages de liste"):
        walk.open_collection("Partenaires, chiffres, coordonnées et textes")
        walk.click("Textes de l'accueil et des rubriques")
        walk.see("Accueil : les missions")
        walk.fill("Introduction de la page « Événements »", "Les rendez-vous, saisis en suivant le guide.")
        walk.publish_into(texts, "saisis en suivant le guide", what="the listings' texts")

    with walk.section("Si la publication échoue"):
        walk.open_collection("Actualités")
        walk.click("+ Actualité")
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
        walk.enter({"Identifiant d'adresse (slug)": "refusee-puis-enregistree",
                    "Date de publication": "2026-11", "Résumé": "Une actualité d'abord refusée.",
                    "Rubrique": Pick("Orientation")}, body="Texte.")

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
        walk.publish(until=refused.exists,
                     what="the news item, published once the repository answers")
        walk.open_collection("Métiers")
        walk.click("Partenaires, chiffres, coordonnées et textes")
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


