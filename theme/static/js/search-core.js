/* Hall 32 search core: French query building on lunr.js, shared by the search
   page (browser) and the tests (Node). No DOM here.

   The index is built by plugins/search_index with lunr.py; its search pipeline
   names trimmer-fr, elision-fr, accentFold-fr and stemmer-fr. lunr.fr.js
   registers all but elision-fr, registered below with the same rule as
   plugins/search_index/french.py.

   Queries never go through lunr's query parser (idx.search(raw)): typed
   characters such as : ~ ^ + - * would be syntax there. Each word becomes
   three clauses: the exact stem (boost 10), the word as a prefix (boost 4)
   and the word with an edit distance that grows with its length (boost 1). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.Hall32Search = factory(root.lunr);
  }
}(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict";

  var ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=.)/;
  // Words are split as lunr's tokenizer does, and also on lunr's query syntax
  // characters, which a query never passes on to lunr.
  var SEPARATOR = /[\s\-*:~^+]+/;

  function elisionFr(token) {
    return token.update(function (s) { return s.replace(ELISION, ""); });
  }
  lunr.Pipeline.registerFunction(elisionFr, "elision-fr");

  function normalize(text) {
    return String(text || "").normalize("NFC")
      .replace(/[\u2019\u02BC]/g, "'")
      .replace(/\s+/g, " ");
  }

  function run(fn, term) {
    var out = fn(new lunr.Token(term, {}));
    return out ? out.toString() : "";
  }

  /* Each word of the query as {word: folded word, stem: folded stem}. */
  function queryTerms(raw) {
    var terms = [];
    normalize(raw).toLowerCase().split(SEPARATOR).forEach(function (part) {
      var word = run(lunr.fr.trimmer, run(lunr.fr.trimmer, part).replace(ELISION, ""));
      if (!word || !run(lunr.fr.stopWordFilter, word)) {
        return;
      }
      var folded = lunr.fr.accentFoldTerm(word);
      var stem = run(lunr.fr.stemmer, folded);
      if (stem && !terms.some(function (t) { return t.word === folded; })) {
        terms.push({ word: folded, stem: stem });
      }
    });
    return terms;
  }

  function editDistance(word) {
    if (/^\d+$/.test(word)) { return 0; } // 2019 must not find 2017
    return word.length >= 8 ? 2 : (word.length >= 4 ? 1 : 0);
  }

  function search(index, raw) {
    var terms = queryTerms(raw);
    if (!terms.length) { return []; }
    return index.query(function (q) {
      terms.forEach(function (t) {
        q.term(t.stem, { usePipeline: false, boost: 10 });
        if (t.word.length >= 3) {
          q.term(t.word, { usePipeline: false, boost: 4, wildcard: lunr.Query.wildcard.TRAILING });
        }
        var distance = editDistance(t.word);
        if (distance) {
          q.term(t.word, { usePipeline: false, boost: 1, editDistance: distance });
        }
      });
    });
  }

  /* Split a text into [text, isMatch] parts: a word matches when its folded
     form or its stem is one of the index terms a result matched. */
  function highlight(text, matchedTerms) {
    var matched = {};
    matchedTerms.forEach(function (t) { matched[t] = true; });
    return normalize(text).split(/([^\s\-'.,;:!?()«»"]+)/).filter(Boolean).map(function (part) {
      var word = run(lunr.fr.trimmer, part.toLowerCase()).replace(ELISION, "");
      if (!word) { return [part, false]; }
      var folded = lunr.fr.accentFoldTerm(word);
      return [part, Boolean(matched[folded] || matched[run(lunr.fr.stemmer, folded)])];
    });
  }

  return { normalize: normalize, queryTerms: queryTerms, search: search, highlight: highlight };
}));
