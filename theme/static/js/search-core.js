/* Hall 32 search core: French query building on lunr.js, shared by the search
   page (browser) and the tests (Node). No DOM here.

   The index is built by plugins/search_index with lunr.py; its search pipeline
   names trimmer-fr, elision-fr, accentFold-fr and stemmer-fr. lunr.fr.js
   registers all but elision-fr, registered below. Its rule (the elided words)
   has one home, plugins/search_index/french.py: the index's entry file carries
   it, and configure(entry) must be called before anything else here (the
   split index does it when it opens the entry).

   Queries never go through lunr's query parser (idx.search(raw)): typed
   characters such as : ~ ^ + - * would be syntax there. They separate words
   here, so that no clause term holds a "*" (lunr's wildcard in a term). Each
   word becomes three clauses: the exact stem (boost 10), the word as a prefix
   (boost 4) and the word with an edit distance that grows with its length
   (boost 1).

   Caps, because a query is whatever a link puts in ?q=: lunr builds each
   fuzzy clause's automaton (TokenSet.fromFuzzyString) with a size that grows
   with the word's length and much faster with the edit distance (distance 2:
   ~4,000 states for 12 letters, ~20,000 for 20; real index, Node: one
   40-letter word 150 ms, 100 letters 3.4 s, 300 letters over 10 s), and every
   word adds its clauses. So only the first MAX_QUERY characters are read,
   only the first MAX_TERMS distinct words are searched, words are cut to
   MAX_WORD characters (a cut word gets no fuzzy clause: it is no typo of
   anything), distance 2 is kept for words of 8 to MAX_FUZZY2 letters and for
   FUZZY2_WORDS of them at most; other words get distance 1 (cheap: linear in
   the length). At most 30 clauses; worst case, ten 15-letter words: about
   5 ms in Node. parse() says when the query was shortened, for the page to
   tell the visitor. docs/search.md has the figures. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.Hall32Search = factory(root.lunr);
  }
}(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict";

  var elision = null;   // RegExp of the entry's "elision" (french.ELISION), set by configure()
  // Words are split as lunr's tokenizer does, and also on lunr's query syntax
  // characters, which a query never passes on to lunr.
  var SEPARATOR = /[\s\-*:~^+]+/;
  var MAX_QUERY = 500;  // characters of the query read
  var MAX_TERMS = 10;   // words searched
  var MAX_WORD = 30;    // characters of a word matched
  var MAX_FUZZY2 = 15;  // longest word searched with edit distance 2
  var FUZZY2_WORDS = 3; // words searched with edit distance 2 (the first ones)

  /* Take the index's metadata: the elision rule (a regular expression's source). */
  function configure(entry) {
    elision = new RegExp(entry.elision);
  }

  function elide(s) {
    if (!elision) { throw new Error("search-core: configure() it with the index's entry first"); }
    return s.replace(elision, "");
  }

  function elisionFr(token) {
    return token.update(elide);
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

  /* The query as {terms: [{word: folded word, stem: folded stem, cut: word
     was longer than MAX_WORD}], shortened: some of the query was left out}. */
  function parse(raw) {
    var text = String(raw || "");
    var shortened = text.length > MAX_QUERY;
    var parts = normalize(text.slice(0, MAX_QUERY)).toLowerCase().split(SEPARATOR);
    var terms = [];
    for (var i = 0; i < parts.length; i++) {
      var word = run(lunr.fr.trimmer, elide(run(lunr.fr.trimmer, parts[i])));
      if (!word || !run(lunr.fr.stopWordFilter, word)) {
        continue;
      }
      var chars = Array.from(word);  // code points: never half of a surrogate pair
      var cut = chars.length > MAX_WORD;
      var folded = lunr.fr.accentFoldTerm(cut ? chars.slice(0, MAX_WORD).join("") : word);
      var stem = run(lunr.fr.stemmer, folded);
      if (!stem || terms.some(function (t) { return t.word === folded; })) {
        continue;
      }
      if (terms.length === MAX_TERMS) {
        shortened = true;
        break;
      }
      shortened = shortened || cut;
      terms.push({ word: folded, stem: stem, cut: cut });
    }
    return { terms: terms, shortened: shortened };
  }

  function editDistance(term) {
    var length = term.word.length;
    if (term.cut || /^\d+$/.test(term.word)) { return 0; } // 2019 must not find 2017
    if (length >= 8 && length <= MAX_FUZZY2) { return 2; }
    return length >= 4 ? 1 : 0;
  }

  /* Add the clauses of parsed terms (parse(raw).terms) to a lunr.Query. */
  function clauses(q, terms) {
    var wide = 0;
    terms.forEach(function (t) {
      q.term(t.stem, { usePipeline: false, boost: 10 });
      if (t.word.length >= 3) {
        q.term(t.word, { usePipeline: false, boost: 4, wildcard: lunr.Query.wildcard.TRAILING });
      }
      var distance = editDistance(t);
      if (distance === 2 && ++wide > FUZZY2_WORDS) { distance = 1; }
      if (distance) {
        q.term(t.word, { usePipeline: false, boost: 1, editDistance: distance });
      }
    });
  }

  /* The results of parsed terms (parse(raw).terms). */
  function find(index, terms) {
    if (!terms.length) { return []; }
    return index.query(function (q) { clauses(q, terms); });
  }

  function search(index, raw) {
    return find(index, parse(raw).terms);
  }

  /* Split a text into [text, isMatch] parts: a word matches when its folded
     form or its stem is one of the index terms a result matched. */
  function highlight(text, matchedTerms) {
    var matched = {};
    matchedTerms.forEach(function (t) { matched[t] = true; });
    return normalize(text).split(/([^\s\-'.,;:!?()«»"]+)/).filter(Boolean).map(function (part) {
      var word = elide(run(lunr.fr.trimmer, part.toLowerCase()));
      if (!word) { return [part, false]; }
      var folded = lunr.fr.accentFoldTerm(word);
      return [part, Boolean(matched[folded] || matched[run(lunr.fr.stemmer, folded)])];
    });
  }

  return {
    configure: configure, normalize: normalize, parse: parse, clauses: clauses, find: find, search: search,
    highlight: highlight,
    limits: { query: MAX_QUERY, terms: MAX_TERMS, word: MAX_WORD, fuzzy2: MAX_FUZZY2, fuzzy2Words: FUZZY2_WORDS }
  };
}));
