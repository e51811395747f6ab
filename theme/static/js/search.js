/* Site search (progressive enhancement, loaded with defer on every page).

   - Header field (#entete-recherche, in the page's <header>): on focus, fetch
     the index (its URL read from the search page) so that the search page
     opens with it cached. The form is a plain GET to /recherche/?q=, which
     works without this script.
   - Search page (its configuration in <head>, #h32-search-config): load
     lunr.js, lunr.fr.js and search-core.js, the index and the store; run the
     query from ?q=, render results into #search-results, filter by type,
     announce the count in the status region. Errors stay inside the widget.

   Configuration comes only from the theme's own elements, never from the
   content of a page (which an editor writes): the JSON data block must be a
   child of <head>, where no element of the body can ever be, and the header
   field must be the first element with its id (the header precedes <main>),
   inside the body's <header>, outside <main>. The query is text: it is only
   ever written with textContent and input.value. */
(function () {
  "use strict";

  var CONFIG_ID = "h32-search-config";
  var loaded = {};

  function loadScript(url) {
    if (!loaded[url]) {
      loaded[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("script " + url)); };
        document.head.appendChild(script);
      });
    }
    return loaded[url];
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(url + ": " + response.status); }
      return response.json();
    });
  }

  function plural(n, one, many) { return n + " " + (n > 1 ? many : one); }

  /* The search configuration of a document (this page or the search page
     fetched by the header field): a JSON data block, not code, in <head>. */
  function readConfig(doc) {
    var node = doc.getElementById(CONFIG_ID);
    if (!node || node.parentNode !== doc.head || node.tagName !== "SCRIPT" ||
        node.getAttribute("type") !== "application/json") {
      return null;
    }
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  /* The theme's header search field, or null. */
  function headerField() {
    var field = document.getElementById("entete-recherche");
    var header = field && field.closest("header");
    if (!field || field.tagName !== "INPUT" || !field.form || !header ||
        header.parentNode !== document.body || field.closest("main")) {
      return null;
    }
    return field;
  }

  /* The query as the status shows it: never HTML, at most 80 characters. */
  function shown(query) {
    var chars = Array.from(query);
    return chars.length > 80 ? chars.slice(0, 80).join("") + "…" : query;
  }

  function measure(name, started) {
    try { performance.measure(name, { start: started, end: performance.now() }); } catch (e) { /* old browser */ }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function SearchPage(root, config) {
    this.root = root;
    this.config = config;
    this.form = root.querySelector(".js-search-form");
    this.input = root.querySelector(".js-search-input");
    this.status = root.querySelector(".js-search-status");
    this.results = root.querySelector("#search-results");
    this.filters = root.querySelector(".js-search-filters");
    this.siteUrl = config.siteUrl || "";
    this.hits = [];
    this.query = "";
  }

  SearchPage.prototype.start = function () {
    var self = this;
    var data = this.config;
    Array.prototype.forEach.call(this.root.querySelectorAll(".js-search-nojs"), function (n) {
      n.hidden = true;
    });
    this.query = new URLSearchParams(window.location.search).get("q") || "";
    this.input.value = this.query;
    this.status.textContent = this.query ? "Recherche en cours…" : "";
    var scripts = [data.lunr, data.stemmerSupport, data.fr, data.core].reduce(function (p, url) {
      return p.then(function () { return loadScript(url); });
    }, Promise.resolve());
    return Promise.all([scripts, fetchJson(data.index), fetchJson(data.store)]).then(function (r) {
      self.index = window.lunr.Index.load(r[1]);
      self.store = r[2];
      self.filters.addEventListener("change", function () { self.render(); });
      self.run();
    });
  };

  /* Search and render: the time it takes is the "h32-search" measure of the
     page's performance timeline (read by tests/test_search_hostile.py). */
  SearchPage.prototype.run = function () {
    var self = this;
    var started = performance.now();
    var core = window.Hall32Search;
    this.parsed = core.parse(this.query);
    this.hits = core.find(this.index, this.parsed.terms);
    var counts = {};
    this.hits.forEach(function (hit) {
      var type = self.store[hit.ref][1];
      counts[type] = (counts[type] || 0) + 1;
    });
    Array.prototype.forEach.call(this.filters.querySelectorAll("input"), function (input) {
      var count = input.value ? (counts[input.value] || 0) : self.hits.length;
      input.parentNode.querySelector(".js-search-count").textContent = " (" + count + ")";
      input.disabled = Boolean(input.value) && !count;
    });
    this.filters.hidden = !this.hits.length;
    this.render();
    measure("h32-search", started);
  };

  SearchPage.prototype.render = function () {
    var self = this;
    var checked = this.filters.querySelector("input:checked");
    var type = checked ? checked.value : "";
    var hits = this.hits.filter(function (hit) { return !type || self.store[hit.ref][1] === type; });
    var list = element("ol", "h32-results__list");
    hits.forEach(function (hit) { list.appendChild(self.item(hit)); });
    this.results.replaceChildren(list);
    this.say(hits.length, type);
  };

  /* The status line, with the query in a <bdi> (its text may be written right
     to left or hold direction marks) and a note when it was shortened. */
  SearchPage.prototype.say = function (count, type) {
    var query = element("bdi", null, shown(this.query));
    var limits = window.Hall32Search.limits;
    var parts;
    if (!this.query.trim()) {
      parts = ["Saisissez un ou plusieurs mots."];
    } else if (!this.parsed.terms.length) {
      parts = ["« ", query, " » ne contient aucun mot à rechercher. Saisissez un ou plusieurs mots, " +
               "par exemple un métier ou une formation."];
    } else if (!count) {
      parts = ["Aucun résultat pour « ", query, " ». Essayez un autre mot ou consultez le plan du site."];
    } else {
      parts = [plural(count, "résultat", "résultats") + " pour « ", query, " »" +
               (type ? " (" + type + ")" : "") + "."];
    }
    if (this.parsed.shortened) {
      parts.push(" Recherche raccourcie : seuls les " + limits.terms + " premiers mots, de " + limits.word +
                 " caractères au plus, ont été pris en compte.");
    }
    this.status.replaceChildren.apply(this.status, parts);
  };

  SearchPage.prototype.item = function (hit) {
    var entry = this.store[hit.ref];
    var li = element("li", "h32-results__item");
    li.appendChild(element("p", "h32-results__type", entry[1]));
    var matched = Object.keys(hit.matchData.metadata);
    var title = element("h2", "h32-results__title");
    var link = element("a", "h32-results__link");
    link.href = this.siteUrl + "/" + hit.ref;
    marked(link, entry[0], matched);
    title.appendChild(link);
    li.appendChild(title);
    li.appendChild(marked(element("p", "h32-results__excerpt"), entry[2], matched));
    return li;
  };

  /* Text with the matched words in <mark>, built with DOM nodes (never HTML). */
  function marked(node, text, matched) {
    window.Hall32Search.highlight(text, matched).forEach(function (part) {
      node.appendChild(part[1] ? element("mark", "h32-results__mark", part[0]) : document.createTextNode(part[0]));
    });
    return node;
  }

  /* The index's name changes with its content: only the search page carries it, so
     that a content change does not rewrite every page of the site. On focus, read it
     from the search page (short-cached HTML), then fetch the index into the cache. */
  function warmIndex(field) {
    var page = field.form.getAttribute("action");
    field.addEventListener("focus", function () {
      if (!page) { return; }
      fetch(page, { credentials: "same-origin" }).then(function (response) {
        return response.ok ? response.text() : "";
      }).then(function (html) {
        var config = readConfig(new DOMParser().parseFromString(html, "text/html"));
        if (config && config.index && !loaded[config.index]) {
          loaded[config.index] = fetch(config.index, { credentials: "same-origin" });
        }
      }).catch(function () {});
    }, { once: true });
  }

  function init() {
    var field = headerField();
    if (field) {
      try { warmIndex(field); } catch (e) { /* the form still works */ }
    }
    var config = readConfig(document);
    var root = config && document.getElementById("h32-recherche");
    if (!root) { return; }
    var page = new SearchPage(root, config);
    page.start().catch(function () {
      page.status.textContent = "La recherche n'a pas pu se charger. Consultez le plan du site.";
      Array.prototype.forEach.call(root.querySelectorAll(".js-search-nojs"), function (n) { n.hidden = false; });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
