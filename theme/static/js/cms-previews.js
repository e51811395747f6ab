/* Previews in Decap CMS (/admin/) that look like the site: the site's CSS,
   and templates for trades, programmes and news built with the same classes
   as theme/templates/metier.html, formation.html and article.html. Loaded
   only by admin.html, after decap-cms.js (which defines CMS, h, createClass). */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  if (!CMS || !h || !createClass) { return; }
  var script = document.currentScript;
  if (script && script.dataset.css) { CMS.registerPreviewStyle(script.dataset.css); }

  function data(entry, name) { return entry.getIn(["data", name]); }

  function items(value) {
    if (!value || !value.toJS) { return []; }
    return value.toJS().filter(Boolean);
  }

  function head(kicker, entry) {
    return h("div", { className: "h32-page-head" },
      h("div", { className: "h32-container h32-page-head__inner" },
        h("p", { className: "h32-page-head__kicker" }, kicker),
        h("h1", { className: "h32-page-head__title" }, data(entry, "title") || "Sans titre"),
        h("p", { className: "h32-page-head__lead" }, data(entry, "summary") || "")));
  }

  function panel(title, values) {
    if (!values.length) { return null; }
    return h("section", { className: "h32-panel" },
      h("h2", { className: "h32-panel__title" }, title),
      h("ul", { className: "h32-checklist" }, values.map(function (v, i) {
        return h("li", { key: i }, String(v));
      })));
  }

  function facts(rows) {
    var shown = rows.filter(function (r) { return r[1]; });
    return h("div", { className: "h32-facts" }, h("dl", { className: "h32-facts__list" }, shown.map(function (r) {
      return h("div", { key: r[0], className: "h32-facts__item" },
        h("dt", { className: "h32-facts__term" }, r[0]), h("dd", { className: "h32-facts__value" }, r[1]));
    })));
  }

  var Metier = createClass({
    render: function () {
      var e = this.props.entry;
      return h("main", { className: "h32-main" }, head("Métier", e),
        h("div", { className: "h32-container h32-section" },
          h("div", { className: "h32-prose" }, this.props.widgetFor("body")),
          panel("Compétences", items(data(e, "skills"))),
          panel("Où s'exerce ce métier", items(data(e, "workplaces")))));
    }
  });

  var Formation = createClass({
    render: function () {
      var e = this.props.entry;
      return h("main", { className: "h32-main" }, head("Formation", e),
        h("div", { className: "h32-container h32-section" },
          facts([["Public", data(e, "audience")], ["Durée", data(e, "duration")],
                 ["Rythme", data(e, "rhythm")], ["Admission", data(e, "admission")],
                 ["Coût", data(e, "cost")]]),
          h("div", { className: "h32-prose" }, this.props.widgetFor("body")),
          panel("Métiers visés", items(data(e, "metiers")))));
    }
  });

  var Actualite = createClass({
    render: function () {
      var e = this.props.entry;
      var date = data(e, "date");
      return h("main", { className: "h32-main" }, head(date ? "Actualité · " + String(date).slice(0, 10) : "Actualité", e),
        h("div", { className: "h32-container h32-section" },
          h("div", { className: "h32-prose" }, this.props.widgetFor("body"))));
    }
  });

  CMS.registerPreviewTemplate("metiers", Metier);
  CMS.registerPreviewTemplate("formations", Formation);
  CMS.registerPreviewTemplate("actualites", Actualite);
}());
