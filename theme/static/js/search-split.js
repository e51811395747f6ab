/* Hall 32 split search index (plugins/search_index/split.py's files), for the search
   page and the tests (Node); no DOM. Clauses expand on the entry's vocabulary (a lunr
   token set), the shards of the expanded terms are fetched once, add() and find()
   compute lunr's weights and query on them (docs/search.md; tests/test_search_split.py).
   A hit's ref is a document number; its URL, title and excerpt are in its excerpt chunk.
   new Hall32Split(entry, load): load(kind, hash) gives a promise of the parsed file
   search/<kind>.<hash>.json (kind "terms" or "docs"). */
(function (factory) {
  if (typeof module === "object" && module.exports) { module.exports = factory; } else { self.Hall32Split = factory(self.lunr, self.Hall32Search); }
}(function (lunr, core) {
  "use strict";

  function SplitIndex(entry, load) {
    var builder = new lunr.TokenSet.Builder();
    var position = Object.create(null);
    entry.terms.forEach(function (term, i) {
      builder.insert(term);
      position[term] = i;
    });
    builder.finish();
    var rank = [], n = -1;  // place in URL order
    entry.urlOrder.forEach(function (d, i) { n += d; rank[n] = i; });
    core.configure(entry);
    this.rank = rank;
    this.entry = entry;
    this.load = load;
    this.position = position;
    this.tokenSet = builder.root;
    this.fields = entry.fields;
    this.weights = [];  // by vocabulary position: per field [document, weight, ...] (loaded shards)
    this.shards = [];   // promises, by shard number
    this.chunks = [];   // promises of excerpt chunks, by chunk number
  }

  /* The lunr.Query of parsed terms (core.clauses) and, for each clause, the index terms
     lunr expands it to (lunr.Index.prototype.query's expansion). */
  SplitIndex.prototype.expand = function (terms) {
    var query = new lunr.Query(this.fields), tokenSet = this.tokenSet;
    core.clauses(query, terms);
    return { query: query, terms: query.clauses.map(function (clause) {
      return tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray();
    }) };
  };

  /* The shard numbers holding the expanded terms (shards start at ascending positions). */
  SplitIndex.prototype.needed = function (expanded) {
    var shards = this.entry.shards, position = this.position, seen = {}, out = [];
    expanded.terms.forEach(function (terms) {
      terms.forEach(function (term) {
        var shard = 0;
        while (shard + 1 < shards.length && shards[shard + 1][0] <= position[term]) { shard += 1; }
        if (!seen[shard]) { seen[shard] = true; out.push(shard); }
      });
    });
    return out;
  };

  SplitIndex.prototype.add = function (shard, data) {
    var entry = this.entry, nf = this.fields.length;
    var first = entry.shards[shard][0], k1 = entry.k1, b = entry.b, count = entry.documentCount;
    for (var i = 0; i < data.length; i++) {
      var f, withTerm = 0, byField = [];
      for (f = 0; f < nf; f++) { withTerm += data[i][f].length / 2; }
      // lunr.idf
      var idf = Math.log(1 + Math.abs((count - withTerm + 0.5) / (withTerm + 0.5)));
      for (f = 0; f < nf; f++) {
        var list = data[i][f], out = new Array(list.length), number = -1;
        var lengths = entry.lengths[f], average = entry.averageLengths[f], boost = entry.boosts[f];
        for (var k = 0; k < list.length; k += 2) {
          number += list[k];
          var tf = list[k + 1], weight = -tf;
          if (tf > 0) {  // lunr.Builder.prototype.createFieldVectors, operation for operation
            var score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (lengths[number] / average)) + tf);
            score *= boost;
            weight = Math.round(score * 1000) / 1000;
          }
          out[k] = number;
          out[k + 1] = weight;
        }
        byField.push(out);
      }
      this.weights[first + i] = byField;
    }
  };

  /* lunr.Index.prototype.query's results for an expansion whose shards are loaded:
     [{ref: document number (a string, as lunr's refs), score}], best first; ties in the
     order lunr meets them (first posting, then URL order). */
  SplitIndex.prototype.find = function (expanded) {
    var self = this, nf = this.fields.length, clauses = expanded.query.clauses;
    var boost = new Map(), refs = [], acc = new Map(), met = [], lists = 0;
    clauses.forEach(function (clause, c) {
      expanded.terms[c].forEach(function (term) {
        var pos = self.position[term], seen = boost.has(pos);
        // the query vector (lunr.Vector.upsert, once per field: the same for every field)
        boost.set(pos, seen ? boost.get(pos) + clause.boost : clause.boost);
        if (seen) { return; }  // its fields' postings are met already
        for (var f = 0; f < nf; f++) {  // matching document fields, in the order lunr meets them
          var list = self.weights[pos][f];
          lists += 1;
          for (var k = 0; k < list.length; k += 2) {
            var key = list[k] * nf + f;
            if (!acc.has(key)) { acc.set(key, 0); refs.push(key); met.push(lists); }
          }
        }
      });
    });
    var positions = Array.from(boost.keys()).sort(function (x, y) { return x - y; });
    var magnitude = Math.sqrt(positions.reduce(function (sum, pos) { return sum + boost.get(pos) * boost.get(pos); }, 0));
    positions.forEach(function (pos) {  // dot products: lunr.Vector.dot adds by ascending position
      var q = boost.get(pos), byField = self.weights[pos];
      for (var f = 0; f < nf; f++) {
        var list = byField[f];
        for (var k = 0; k < list.length; k += 2) {
          var key = list[k] * nf + f;
          acc.set(key, acc.get(key) + q * list[k + 1]);
        }
      }
    });
    var results = [], matches = new Map();
    refs.forEach(function (key, i) {  // lunr: a document's fields summed in the order met
      var doc = (key - key % nf) / nf, score = acc.get(key) / magnitude || 0, match = matches.get(doc);
      if (match) {
        match.score += score;
      } else {
        match = { ref: String(doc), score: score, met: met[i], rank: self.rank[doc] };
        matches.set(doc, match);
        results.push(match);
      }
    });
    return results.sort(function (x, y) { return y.score - x.score || x.met - y.met || x.rank - y.rank; });
  };

  /* The expanded terms that document number holds in some field (for highlighting). */
  SplitIndex.prototype.matched = function (expanded, number) {
    var self = this, out = [];
    expanded.terms.forEach(function (terms) {
      terms.forEach(function (term) {
        var byField = self.weights[self.position[term]];
        if (out.indexOf(term) < 0 && byField.some(function (list) {
          return list.some(function (v, k) { return k % 2 === 0 && v === number; });  // documents at even places
        })) {
          out.push(term);
        }
      });
    });
    return out;
  };

  /* cache[n]: the promise of load(kind, hash).then(then), forgotten when it fails (tried
     again by the next query). */
  SplitIndex.prototype.cached = function (cache, n, kind, hash, then) {
    cache[n] = cache[n] || this.load(kind, hash).then(then).catch(function (error) {
      cache[n] = null;
      throw error;
    });
    return cache[n];
  };

  SplitIndex.prototype.shard = function (n) {
    return this.cached(this.shards, n, "terms", this.entry.shards[n][1], this.add.bind(this, n));
  };

  /* {parsed: core.parse(raw), expanded: expand()'s, hits: find()'s}. */
  SplitIndex.prototype.search = function (raw) {
    var self = this, parsed = core.parse(raw);
    var expanded = parsed.terms.length ? this.expand(parsed.terms) : { query: null, terms: [] };
    return Promise.all(this.needed(expanded).map(function (n) { return self.shard(n); }))
      .then(function () {
        return { parsed: parsed, expanded: expanded, hits: expanded.query ? self.find(expanded) : [] };
      });
  };

  SplitIndex.prototype.type = function (number) {
    return this.entry.types[parseInt(this.entry.docTypes.charAt(number), 16)];
  };

  /* Promise of [{number, ref, type, title, excerpt}] for document numbers. */
  SplitIndex.prototype.documents = function (numbers) {
    var self = this, size = this.entry.storeChunk;
    return Promise.all(numbers.map(function (number) {
      var n = Math.floor(number / size);
      return self.cached(self.chunks, n, "docs", self.entry.store[n]).then(function (chunk) {
        var doc = chunk[number % size];
        return { number: number, ref: doc[0], type: self.type(number), title: doc[1], excerpt: doc[2] };
      });
    }));
  };

  return SplitIndex;
}));
