/* Hall 32 search core: French queries on lunr.js, for the search page and the
   tests (Node). No DOM. The index's pipeline names trimmer-fr, elision-fr,
   accentFold-fr and stemmer-fr: lunr.fr.js registers all but elision-fr, registered
   here with the rule the entry carries (french.py's): call configure(entry) first.
   Queries never go through lunr's parser: its syntax characters separate words. Each
   word gives an exact-stem, a prefix and a fuzzy clause (clauses()). The caps below
   bound lunr's fuzzy automata whatever ?q= holds; parse() says when the query was
   shortened. Why and figures: docs/search.md. */
(function (factory) {
  if (typeof module === "object" && module.exports) { module.exports = factory; } else { self.Hall32Search = factory(self.lunr); }
}(function (lunr) {
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
  function configure(entry) { elision = new RegExp(entry.elision); }

  function elide(s) {
    if (!elision) { throw new Error("search-core: configure() it with the index's entry first"); }
    return s.replace(elision, "");
  }

  lunr.Pipeline.registerFunction(function (token) { return token.update(elide); }, "elision-fr");

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

  /* Add the clauses of parsed terms (parse(raw).terms) to a lunr.Query. */
  function clauses(q, terms) {
    var wide = 0;
    terms.forEach(function (t) {
      q.term(t.stem, { usePipeline: false, boost: 10 });
      if (t.word.length >= 3) {
        q.term(t.word, { usePipeline: false, boost: 4, wildcard: lunr.Query.wildcard.TRAILING });
      }
      var length = t.word.length;  // a cut word or a number gets none: 2019 must not find 2017
      var distance = t.cut || /^\d+$/.test(t.word) ? 0 : length >= 8 && length <= MAX_FUZZY2 ? 2 : length >= 4 ? 1 : 0;
      if (distance === 2 && ++wide > FUZZY2_WORDS) { distance = 1; }
      if (distance) {
        q.term(t.word, { usePipeline: false, boost: 1, editDistance: distance });
      }
    });
  }

  /* Split a text into [text, isMatch] parts: a word matches when its folded
     form or its stem is one of the index terms a result matched. */
  function highlight(text, matchedTerms) {
    var matched = new Set(matchedTerms);
    return normalize(text).split(/([^\s\-'.,;:!?()«»"]+)/).filter(Boolean).map(function (part) {
      var word = elide(run(lunr.fr.trimmer, part.toLowerCase()));
      if (!word) { return [part, false]; }
      var folded = lunr.fr.accentFoldTerm(word);
      return [part, matched.has(folded) || matched.has(run(lunr.fr.stemmer, folded))];
    });
  }

  return {
    configure: configure, normalize: normalize, parse: parse, clauses: clauses, highlight: highlight,
    limits: { query: MAX_QUERY, terms: MAX_TERMS, word: MAX_WORD, fuzzy2: MAX_FUZZY2, fuzzy2Words: FUZZY2_WORDS }
  };
}));
