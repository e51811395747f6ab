/* Search worker of the search page (js/search.js): the page's main thread never
   parses an index or runs lunr (CSP: worker-src 'self', same-origin imports).
   Messages: {op: "init", config} imports the scripts and fetches the entry;
   {op: "search", id, q, page} answers {op: "hits", terms, shortened, limits, hits:
   [[number, type]...] in rank order, items: the first `page` results};
   {op: "show", id, numbers} answers {op: "items", items: [{number, ref, type, title,
   excerpt}]}, title and excerpt as [text, matched] parts (search-core.js highlight()).
   Any failure answers {op: "error", id, message}. */
(function () {
  "use strict";

  var split = null;
  var ready = null;
  var last = null;  // the last search's expansion: the index terms a shown result matched

  function sameOrigin(url) {
    var parsed = new URL(url, self.location.href);
    if (parsed.origin !== self.location.origin) { throw new Error("search worker: foreign URL"); }
    return parsed.href;
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(url + ": " + response.status); }
      return response.json();
    });
  }

  function init(config) {
    importScripts.apply(self, [config.lunr, config.stemmerSupport, config.fr, config.core, config.split]
      .map(sameOrigin));
    var entryUrl = sameOrigin(config.index);
    var folder = entryUrl.slice(0, entryUrl.lastIndexOf("/") + 1);
    return fetchJson(entryUrl).then(function (entry) {
      split = new self.Hall32Split(entry, function (kind, hash) {
        return fetchJson(folder + kind + "." + hash + ".json");
      });
    });
  }

  function items(numbers) {
    var core = self.Hall32Search;
    return split.documents(numbers).then(function (docs) {
      return docs.map(function (doc) {
        var terms = last ? split.matched(last, doc.number) : [];
        return { number: doc.number, ref: doc.ref, type: doc.type,
                 title: core.highlight(doc.title, terms), excerpt: core.highlight(doc.excerpt, terms) };
      });
    });
  }

  function search(message) {
    return split.search(message.q).then(function (found) {
      last = found.expanded;
      var hits = found.hits.map(function (hit) {
        var number = Number(hit.ref);
        return [number, split.type(number)];
      });
      var first = hits.slice(0, message.page).map(function (hit) { return hit[0]; });
      return items(first).then(function (shown) {
        return { op: "hits", terms: found.parsed.terms.length, shortened: found.parsed.shortened,
                 limits: self.Hall32Search.limits, hits: hits, items: shown };
      });
    });
  }

  self.onmessage = function (event) {
    var message = event.data || {};
    var work;
    if (message.op === "init") {
      ready = new Promise(function (resolve) { resolve(init(message.config)); });
      work = ready.then(function () { return { op: "ready" }; });
    } else if (message.op === "search" || message.op === "show") {
      work = (ready || Promise.reject(new Error("search worker: not initialised"))).then(function () {
        return message.op === "search" ? search(message) : items(message.numbers).then(function (shown) {
          return { op: "items", items: shown };
        });
      });
    } else {
      return;
    }
    work.then(function (answer) {
      answer.id = message.id;
      self.postMessage(answer);
    }, function (error) {
      self.postMessage({ op: "error", id: message.id, message: String(error && error.message || error) });
    });
  };
}());
