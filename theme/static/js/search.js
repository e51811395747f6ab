/* Site search (progressive enhancement, loaded with defer on every page).

   - Header field [data-module="search-field"]: on focus, fetch the index (its
     URL read from the search page) so that the search page opens with it cached. The form is a plain
     GET to /recherche/?q=, which works without this script.
   - Search page [data-module="search"]: load lunr.js, lunr.fr.js and
     search-core.js (URLs in data attributes), the index and the store; run
     the query from ?q=, render results into #search-results, filter by type,
     announce the count in the status region. Errors stay inside the widget. */
(function () {
  "use strict";

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

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function SearchPage(root) {
    this.root = root;
    this.form = root.querySelector(".js-search-form");
    this.input = root.querySelector(".js-search-input");
    this.status = root.querySelector(".js-search-status");
    this.results = root.querySelector("#search-results");
    this.filters = root.querySelector(".js-search-filters");
    this.siteUrl = root.getAttribute("data-site-url") || "";
    this.hits = [];
    this.query = "";
  }

  SearchPage.prototype.start = function () {
    var self = this;
    var data = this.root.dataset;
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

  SearchPage.prototype.run = function () {
    var self = this;
    this.hits = this.query ? window.Hall32Search.search(this.index, this.query) : [];
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
  };

  SearchPage.prototype.render = function () {
    var self = this;
    var checked = this.filters.querySelector("input:checked");
    var type = checked ? checked.value : "";
    var hits = this.hits.filter(function (hit) { return !type || self.store[hit.ref][1] === type; });
    var list = element("ol", "h32-results__list");
    hits.forEach(function (hit) { list.appendChild(self.item(hit)); });
    this.results.replaceChildren(list);
    if (!this.query) {
      this.status.textContent = "Saisissez un ou plusieurs mots.";
    } else if (!hits.length) {
      this.status.textContent = "Aucun résultat pour « " + this.query + " ». Essayez un autre mot ou consultez le plan du site.";
    } else {
      this.status.textContent = plural(hits.length, "résultat", "résultats") + " pour « " + this.query + " »" +
        (type ? " (" + type + ")" : "") + ".";
    }
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
    var page = field.getAttribute("data-search-page");
    field.addEventListener("focus", function () {
      if (!page) { return; }
      fetch(page, { credentials: "same-origin" }).then(function (response) {
        return response.ok ? response.text() : "";
      }).then(function (html) {
        var found = /data-index="([^"]+)"/.exec(html);
        if (found && !loaded[found[1]]) {
          loaded[found[1]] = fetch(found[1], { credentials: "same-origin" });
        }
      }).catch(function () {});
    }, { once: true });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-module="search-field"]'), function (field) {
      try { warmIndex(field); } catch (e) { /* the form still works */ }
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-module="search"]'), function (root) {
      var page = new SearchPage(root);
      page.start().catch(function () {
        page.status.textContent = "La recherche n'a pas pu se charger. Consultez le plan du site.";
        Array.prototype.forEach.call(root.querySelectorAll(".js-search-nojs"), function (n) { n.hidden = false; });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
