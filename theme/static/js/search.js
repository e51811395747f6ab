/* Site search (progressive enhancement, loaded with defer on every page).

   - Header field (#entete-recherche): on focus, fetch the index (its URL read from
     the search page) into the cache. The form is a plain GET to /recherche/?q=.
   - Search page (configuration in <head>, #h32-search-config): lunr, search-core.js
     and search-split.js are loaded, then the split index answers the query from ?q=
     (a query takes about 1 ms at 300 documents: docs/hand-written.md); results are
     rendered PAGE at a time, filtered by type, counted in the status region. Errors
     stay inside the widget.

   Configuration comes only from the theme's own elements, never from a page's
   content: the JSON data block must be a child of <head>, and the header field the
   first element with its id, inside the body's <header>, outside <main>. The query
   is text: only ever written with textContent and input.value. */
(function () {
  "use strict";

  /* The search configuration of a document (this page or the search page
     fetched by the header field): a JSON data block, not code, in <head>. */
  function readConfig(doc) {
    var node = doc.getElementById("h32-search-config");
    if (!node || node.parentNode !== doc.head || node.tagName !== "SCRIPT" ||
        node.getAttribute("type") !== "application/json") {
      return null;
    }
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

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

  function element(tag, className, content) {  // content: text or a node
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (content) { node.append(content); }
    return node;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      // async false: fetched at once, run in the order they were added
      document.head.append(Object.assign(element("script"), { async: false, src: src, onload: resolve, onerror: reject }));
    });
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(url + ": " + response.status); }
      return response.json();
    });
  }

  /* Promise of the split index (search-split.js): its scripts and its entry. */
  function openIndex(config) {
    var folder = config.index.slice(0, config.index.lastIndexOf("/") + 1);
    return Promise.all([config.lunr, config.stemmerSupport, config.fr, config.core, config.split]
      .map(loadScript).concat(fetchJson(config.index))).then(function (loaded) {
      return new window.Hall32Split(loaded[5], function (kind, hash) {
        return fetchJson(folder + kind + "." + hash + ".json");
      });
    });
  }

  var PAGE = 20;  // results shown at once; "Afficher plus de résultats" shows the next ones

  function SearchPage(root, config) {
    this.root = root;
    this.config = config;
    this.input = root.querySelector(".js-search-input");
    this.status = root.querySelector(".js-search-status");
    this.results = root.querySelector("#search-results");
    this.filters = root.querySelector(".js-search-filters");
    this.more = root.querySelector(".js-search-more");
    this.siteUrl = config.siteUrl || "";
    this.hits = [];     // [[document number, type]] in rank order
    this.view = 0;      // renders started: an answer for an older one is dropped
  }

  SearchPage.prototype.start = function () {
    var self = this;
    this.root.querySelectorAll(".js-search-nojs").forEach(function (n) { n.hidden = true; });
    this.query = new URLSearchParams(window.location.search).get("q") || "";
    this.input.value = this.query;
    if (!this.query.trim()) {
      this.status.textContent = "Saisissez un ou plusieurs mots.";
      return Promise.resolve();
    }
    this.status.textContent = "Recherche en cours…";
    this.results.setAttribute("aria-busy", "true");
    this.filters.addEventListener("change", function () { self.render(); });
    this.more.addEventListener("click", function () {
      self.render(true).catch(function () {
        self.status.textContent = "Les résultats suivants n'ont pas pu se charger. Réessayez.";
      });
    });
    return openIndex(this.config).then(function (split) {
      self.split = split;
      return self.run();
    });
  };

  /* Search and render: the time it takes, once the index's entry is loaded, is the
     "h32-search" measure of the page's performance timeline (read by
     tests/test_search_hostile.py). */
  SearchPage.prototype.run = function () {
    var self = this, split = this.split, started = performance.now();
    return split.search(this.query).then(function (found) {
      self.found = found;
      self.hits = found.hits.map(function (hit) { return [Number(hit.ref), split.type(Number(hit.ref))]; });
      var counts = {};
      self.hits.forEach(function (hit) { counts[hit[1]] = (counts[hit[1]] || 0) + 1; });
      Array.prototype.forEach.call(self.filters.querySelectorAll("input"), function (input) {
        var count = input.value ? (counts[input.value] || 0) : self.hits.length;
        input.parentNode.querySelector(".js-search-count").textContent = " (" + count + ")";
        input.disabled = Boolean(input.value) && !count;
      });
      self.filters.hidden = !self.hits.length;
      return self.render();
    }).then(function () {
      self.results.removeAttribute("aria-busy");
      try { performance.measure("h32-search", { start: started, end: performance.now() }); } catch (e) { /* old browser */ }
    });
  };

  /* The first PAGE results or (more) the next ones, appended, focus on the first of them. */
  SearchPage.prototype.render = function (more) {
    var self = this, view = more ? this.view : ++this.view, from = more ? this.shownCount : 0;
    var checked = this.filters.querySelector("input:checked"), type = checked ? checked.value : "";
    var hits = this.hits.filter(function (hit) { return !type || hit[1] === type; });
    return this.split.documents(hits.slice(from, from + PAGE).map(function (hit) { return hit[0]; })).then(function (items) {
      if (view !== self.view) { return; }
      var nodes = items.map(self.item, self);
      if (!more) { self.results.replaceChildren(element("ol", "h32-results__list")); }
      self.results.firstChild.append.apply(self.results.firstChild, nodes);
      self.shownCount = from + items.length;
      self.more.hidden = hits.length <= self.shownCount;
      if (!more) { self.say(hits.length, type); } else if (nodes.length) { nodes[0].querySelector("a").focus(); }
    });
  };

  /* The status line, with the query in a <bdi> (its text may be written right
     to left or hold direction marks) and a note when it was shortened. */
  SearchPage.prototype.say = function (count, type) {
    var query = element("bdi", null, shown(this.query));
    var limits = window.Hall32Search.limits;
    var parts;
    if (!this.found.parsed.terms.length) {
      parts = ["« ", query, " » ne contient aucun mot à rechercher. Saisissez un ou plusieurs mots, " +
               "par exemple un métier ou une formation."];
    } else if (!count) {
      parts = ["Aucun résultat pour « ", query, " ». Essayez un autre mot ou consultez le plan du site."];
    } else {
      parts = [count + (count > 1 ? " résultats" : " résultat") + " pour « ", query, " »" +
               (type ? " (" + type + ")" : "") + "."];
    }
    if (this.found.parsed.shortened) {
      parts.push(" Recherche raccourcie : seuls les " + limits.terms + " premiers mots, de " + limits.word +
                 " caractères au plus, ont été pris en compte.");
    }
    this.status.replaceChildren.apply(this.status, parts);
  };

  SearchPage.prototype.item = function (entry) {
    var core = window.Hall32Search, terms = this.split.matched(this.found.expanded, entry.number);
    var link = marked(element("a", "h32-results__link"), core.highlight(entry.title, terms));
    link.href = this.siteUrl + "/" + entry.ref;
    var li = element("li", "h32-results__item");
    li.append(element("p", "h32-results__type", entry.type), element("h2", "h32-results__title", link),
              marked(element("p", "h32-results__excerpt"), core.highlight(entry.excerpt, terms)));
    return li;
  };

  /* Text with the matched words in <mark>, built with DOM nodes (never HTML), from
     search-core.js's [text, matched] parts. */
  function marked(node, parts) {
    node.append.apply(node, parts.map(function (part) {  // a string is appended as a text node
      return part[1] ? element("mark", "h32-results__mark", part[0]) : part[0];
    }));
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
        if (config && config.index) {  // into the HTTP cache for the search page
          fetch(config.index, { credentials: "same-origin" });
        }
      }).catch(function () {});
    }, { once: true });
  }

  function init() {
    var field = headerField();
    if (field) { warmIndex(field); }
    var config = readConfig(document);
    var root = config && document.getElementById("h32-recherche");
    if (!root) { return; }
    var page = new SearchPage(root, config);
    page.start().catch(function () {
      page.status.textContent = "La recherche n'a pas pu se charger. Consultez le plan du site.";
      Array.prototype.forEach.call(root.querySelectorAll(".js-search-nojs"), function (n) { n.hidden = false; });
    });
  }

  init();  // the script is deferred: the document is parsed
}());
