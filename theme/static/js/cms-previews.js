/* Previews in Decap CMS (/admin/) that look like the site: the site's CSS, and the
   main content of theme/templates/metier.html, formation.html and article.html
   written again with their classes, blocks and texts, in their order. Parts only
   the build knows (programmes leading to a trade, upcoming events) and the same
   links on every page are left out. plugins/cms_config/tests/test_cms_previews_e2e.py
   compares each preview with the page the site builds for the same entry: change a
   template and this file together. Loaded only by admin.html, after decap-cms.js
   (which defines CMS, h, createClass). */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  if (!CMS || !h || !createClass) { return; }
  var script = document.currentScript;
  if (script && script.dataset.css) { CMS.registerPreviewStyle(script.dataset.css); }

  var MONTH = new Intl.DateTimeFormat("fr-FR", { month: "long", timeZone: "UTC" });  // as Babel's
  function monthName(m) { return MONTH.format(Date.UTC(2000, Number(m) - 1, 1)); }

  function data(props, name) { return props.entry.getIn(["data", name]); }

  function items(value) { return value && value.toJS ? value.toJS().filter(Boolean) : []; }

  function field(props, name) { return props.fields.find(function (f) { return f.get("name") === name; }); }

  /* The French label of a select field's value, from config.yml (the schema's options). */
  function label(props, name) {
    var value = data(props, name), def = field(props, name);
    var options = def && def.get("options");
    var option = options && options.find(function (o) { return o.get("value") === value; });
    return option ? option.get("label") : value;
  }

  /* A referenced entry (relation field), once Decap has loaded it: a folder entry's
     data, or the item of a data file's list whose id is the value. */
  function referenced(props, name, value) {
    var def = field(props, name), collection = def && def.get("collection");
    var found = props.fieldsMetaData && props.fieldsMetaData.getIn([name, collection, value]);
    if (!found || found.get("title")) { return found; }
    var match = null;
    found.forEach(function (list) {
      if (!match && list && list.find) {
        match = list.find(function (item) { return item && item.get && item.get("id") === value; });
      }
    });
    return match;
  }

  /* "2022-12" -> "décembre 2022", "2022" -> "2022" (french_format.month_fr). */
  function monthFr(value) {
    var parts = String(value).split("-");
    return parts[1] ? monthName(parts[1]) + " " + parts[0] : parts[0];
  }

  /* A news date as precisely as it is known (french_format.published_fr). */
  function published(value) {
    var text = String(value || "");  // a string widget: never a Date
    var parts = text.slice(0, 10).split("-");
    if (parts.length < 3) { return "Informations de " + monthFr(text.slice(0, 7)); }
    var day = Number(parts[2]);
    return "Publié le " + (day === 1 ? "1er" : day) + " " + monthName(parts[1]) + " " + parts[0];
  }

  function badge(text, variant) {
    return h("span", { className: "h32-badge" + (variant ? " h32-badge--" + variant : "") }, text);
  }

  /* components/claims.html, in_demand: the claim with the year of its source. */
  function inDemand(asOf) {
    return h("span", { key: "b", className: "h32-badge h32-badge--accent" },
      "Métier qui recrute en " + monthFr(String(asOf || "")));
  }

  /* components/page-head.html */
  function head(props, kicker, extra) {
    var summary = data(props, "summary");
    return h("div", { className: "h32-page-head" },
      h("div", { className: "h32-container h32-page-head__inner" },
        kicker ? h("p", { className: "h32-page-head__kicker" }, kicker) : null,
        h("h1", { className: "h32-page-head__title" }, data(props, "title") || "Sans titre"),
        summary ? h("p", { className: "h32-page-head__lead" }, summary) : null,
        h("div", { className: "h32-page-head__extra" }, extra)));
  }

  function heroImage(props) {
    var image = data(props, "image");
    if (!image) { return null; }
    return h("div", { className: "h32-container h32-hero-image" },
      h("img", { src: props.getAsset(image).toString(), alt: data(props, "image_alt") || "" }));
  }

  function prose(props) {
    return h("div", { className: "h32-prose" }, props.widgetFor("body"));
  }

  function panel(title, list) {
    return h("section", { className: "h32-panel" },
      h("h2", { className: "h32-panel__title" }, title), list);
  }

  function checklist(values) {
    return [h("ul", { key: "l", className: "h32-checklist" }, values.map(function (v, i) {
      return h("li", { key: i }, String(v));
    }))];
  }

  /* components/facts-list.html */
  function facts(title, rows) {
    return h("div", { className: "h32-facts" },
      h("h2", { className: "h32-facts__title" }, title),
      h("dl", { className: "h32-facts__list" }, rows.filter(function (r) { return r[1]; }).map(function (r) {
        return h("div", { key: r[0], className: "h32-facts__item" },
          h("dt", { className: "h32-facts__term" }, r[0]), h("dd", { className: "h32-facts__value" }, r[1]));
      })));
  }

  /* components/orientation.html, how_to_apply */
  function howToApply(props) {
    var steps = items(data(props, "admission_steps"));
    var documents = items(data(props, "admission_documents"));
    var when = data(props, "admission_when");
    var contact = data(props, "admission_contact");
    var rows = [];
    if (when) { rows.push(h("dt", { key: "w" }, "Quand"), h("dd", { key: "wd" }, when)); }
    if (contact) { rows.push(h("dt", { key: "c" }, "Qui contacter"), h("dd", { key: "cd" }, contact)); }
    if (documents.length) {
      rows.push(h("dt", { key: "d" }, "Documents à fournir"), h("dd", { key: "dd" },
        h("ul", null, documents.map(function (d, i) { return h("li", { key: i }, d); }))));
    }
    return h("section", { className: "h32-panel h32-apply" },
      h("h2", { className: "h32-panel__title", id: "candidater" }, "Comment candidater"),
      h("p", null, data(props, "admission") || ""),
      steps.length ? h("ol", { className: "h32-apply__steps" }, steps.map(function (s, i) {
        return h("li", { key: i }, s);
      })) : null,
      rows.length ? h("dl", { className: "h32-apply__facts" }, rows) : null);
  }

  function linkList(props, name, withBadge) {
    return items(data(props, name)).map(function (value) {
      var entry = referenced(props, name, value);
      return h("li", { key: value },
        h("a", { className: "h32-link-list__link", href: "#" },
          entry ? entry.get("title") || entry.get("name") : value),
        withBadge && entry && entry.get("in_demand") ? inDemand(entry.get("in_demand_as_of")) : null);
    });
  }

  function refPanel(props, name, heading, withBadge) {
    var list = linkList(props, name, withBadge);
    return list.length ? panel(heading, [h("ul", { key: "l", className: "h32-link-list" }, list)]) : null;
  }

  var Metier = createClass({
    render: function () {
      var p = this.props;
      return h("main", { className: "h32-main" },
        head(p, "Métier · " + label(p, "family"), data(p, "in_demand") ? [inDemand(data(p, "in_demand_as_of")),
          h("span", { key: "s", className: "h32-dated" }, "Selon " + (data(p, "in_demand_source") || "") + ".")] : null),
        heroImage(p),
        h("div", { className: "h32-container h32-section h32-columns" },
          h("div", { className: "h32-columns__main" }, prose(p),
            panel("Compétences", checklist(items(data(p, "skills")))),
            panel("Où s'exerce ce métier", checklist(items(data(p, "workplaces")))))));
    }
  });

  var Formation = createClass({
    render: function () {
      var p = this.props;
      var cost = data(p, "cost");
      var validAsOf = data(p, "valid_as_of");
      var pastRun = data(p, "past_run");
      return h("main", { className: "h32-main" },
        head(p, "Formation · " + label(p, "level"), [
          cost ? h("span", { key: "c" }, badge(cost, "accent")) : null,
          validAsOf ? h("p", { key: "v", className: "h32-dated" }, "Informations de " + monthFr(validAsOf)) : null]),
        heroImage(p),
        h("div", { className: "h32-container h32-section h32-columns h32-columns--aside-first" },
          h("aside", { className: "h32-columns__aside" },
            facts("L'essentiel", [["Diplôme", label(p, "level")], ["Durée", data(p, "duration")],
              ["Rythme", data(p, "rhythm")], ["Pour qui", data(p, "audience")], ["Coût", cost],
              ["Informations de", validAsOf ? monthFr(validAsOf) : null]])),
          h("div", { className: "h32-columns__main" },
            pastRun ? h("p", { className: "h32-callout h32-callout--past" }, h("strong", null, "Session passée :"),
              " " + String(pastRun).replace(/[. ]+$/, "") + ". Aucune nouvelle session n'est annoncée sur ce site.") : null,
            howToApply(p),
            prose(p),
            refPanel(p, "metiers", "Métiers visés", true),
            refPanel(p, "partners", "Partenaires de la formation"))));
    }
  });

  var Actualite = createClass({
    render: function () {
      var p = this.props;
      var date = data(p, "date");
      var tags = items(data(p, "tags"));
      var partners = linkList(p, "partners");
      return h("main", { className: "h32-main" },
        head(p, label(p, "category"), date ? h("p", { className: "h32-page-head__meta" }, published(date)) : null),
        heroImage(p),
        h("div", { className: "h32-container h32-section" }, prose(p),
          partners.length ? panel("Partenaires cités", [h("ul", { key: "l", className: "h32-inline-list" }, partners)]) : null,
          tags.length ? h("p", { className: "h32-tags" }, h("span", { className: "h32-tags__label" }, "Étiquettes :"),
            tags.map(function (t, i) { return h("span", { key: i }, badge(t), " "); })) : null));
    }
  });

  CMS.registerPreviewTemplate("metiers", Metier);
  CMS.registerPreviewTemplate("formations", Formation);
  CMS.registerPreviewTemplate("actualites", Actualite);
}());
