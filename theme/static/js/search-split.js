/* Hall 32 split search index: lunr.js on the files of plugins/search_index/split.py.
   Run by the search worker (search-worker.js) and by the tests (Node). No DOM here.

   The entry file holds the sorted vocabulary: it becomes the index's token set,
   on which lunr expands each clause (exact, prefix, typo) exactly as on a whole
   index. Before lunr runs a query, the same expansion says which terms it will
   meet; the shards holding them are fetched once and added to a partial
   lunr.Index: each term's posting and, for each document and field, the term's
   weight, inserted into the document's field vector. A shard gives the term's
   frequency in the field; the weight is computed as lunr.Builder's
   createFieldVectors computes it, from the entry's fields, boosts, k1, b,
   document count, average field lengths and each document's field lengths
   (a shard gives the weight itself, as a number <= 0, where the browser's
   Math.log could round it otherwise: plugins/search_index/split.py). lunr's score is the dot
   product of the query vector (expanded terms only) with the field vector,
   divided by the query vector's magnitude: the weights of the expanded terms
   are all it reads, so the partial index ranks as the whole one does
   (tests/test_search_split.py). Documents are numbered in the order the whole
   index lists them; a hit's ref is that number, its URL, title and excerpt
   come from the excerpt chunk that holds it, fetched for shown results only.

   new Hall32Split(entry, load): load(kind, hash) gives a promise of the parsed
   file search/<kind>.<hash>.json (kind "terms" or "docs"). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.Hall32Split = factory(root.lunr, root.Hall32Search);
  }
}(typeof self !== "undefined" ? self : this, function (lunr, core) {
  "use strict";

  var TYPE_CODES = "0123456789abcdefghijklmnopqrstuvwxyz";

  function SplitIndex(entry, load) {
    var builder = new lunr.TokenSet.Builder();
    var position = Object.create(null);
    entry.terms.forEach(function (term, i) {
      builder.insert(term);
      position[term] = i;
    });
    builder.finish();
    core.configure(entry);
    this.entry = entry;
    this.load = load;
    this.position = position;
    this.shards = [];   // promises, by shard number
    this.chunks = [];   // promises of excerpt chunks, by chunk number
    this.index = new lunr.Index({
      invertedIndex: Object.create(null), fieldVectors: Object.create(null),
      tokenSet: builder.root, fields: entry.fields, pipeline: lunr.Pipeline.load(entry.pipeline)
    });
  }

  /* The shard number of a vocabulary position (binary search on first positions). */
  SplitIndex.prototype.shardOf = function (pos) {
    var shards = this.entry.shards, lo = 0, hi = shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (shards[mid][0] <= pos) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  };

  /* The shard numbers holding every term lunr will expand the clauses of terms to. */
  SplitIndex.prototype.needed = function (terms) {
    var self = this, query = new lunr.Query(this.index.fields), seen = {}, out = [];
    core.clauses(query, terms);
    query.clauses.forEach(function (clause) {
      self.index.tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray().forEach(function (term) {
        var shard = self.shardOf(self.position[term]);
        if (!seen[shard]) { seen[shard] = true; out.push(shard); }
      });
    });
    return out;
  };

  SplitIndex.prototype.add = function (shard, data) {
    var entry = this.entry, fields = this.index.fields, vectors = this.index.fieldVectors;
    var first = entry.shards[shard][0], k1 = entry.k1, b = entry.b, count = entry.documentCount;
    for (var i = 0; i < data.length; i++) {
      var pos = first + i, posting = { _index: pos }, f, withTerm = 0;
      for (f = 0; f < fields.length; f++) { withTerm += data[i][f].length / 2; }
      // lunr.idf
      var idf = Math.log(1 + Math.abs((count - withTerm + 0.5) / (withTerm + 0.5)));
      for (f = 0; f < fields.length; f++) {
        var list = data[i][f], docs = {}, number = -1;
        var lengths = entry.lengths[f], average = entry.averageLengths[f], boost = entry.boosts[f];
        for (var k = 0; k < list.length; k += 2) {
          number += list[k];
          docs[number] = {};
          var tf = list[k + 1], weight = -tf;
          if (tf > 0) {  // lunr.Builder.prototype.createFieldVectors, operation for operation
            var score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (lengths[number] / average)) + tf);
            score *= boost;
            weight = Math.round(score * 1000) / 1000;
          }
          var ref = fields[f] + "/" + number;
          (vectors[ref] || (vectors[ref] = new lunr.Vector())).insert(pos, weight);
        }
        posting[fields[f]] = docs;
      }
      this.index.invertedIndex[this.entry.terms[pos]] = posting;
    }
  };

  SplitIndex.prototype.shard = function (n) {
    var self = this;
    if (!this.shards[n]) {
      this.shards[n] = this.load("terms", this.entry.shards[n][1]).then(function (data) {
        self.add(n, data);
      }, function (error) {
        self.shards[n] = null;  // tried again by the next query
        throw error;
      });
    }
    return this.shards[n];
  };

  /* {parsed: core.parse(raw), hits: lunr's results (ref: document number)}. */
  SplitIndex.prototype.search = function (raw) {
    var self = this, parsed = core.parse(raw);
    return Promise.all(this.needed(parsed.terms).map(function (n) { return self.shard(n); }))
      .then(function () { return { parsed: parsed, hits: core.find(self.index, parsed.terms) }; });
  };

  SplitIndex.prototype.type = function (number) {
    return this.entry.types[TYPE_CODES.indexOf(this.entry.docTypes.charAt(number))];
  };

  /* Promise of [{number, ref, type, title, excerpt}] for document numbers. */
  SplitIndex.prototype.documents = function (numbers) {
    var self = this, size = this.entry.storeChunk;
    return Promise.all(numbers.map(function (number) {
      var n = Math.floor(number / size);
      if (!self.chunks[n]) {
        self.chunks[n] = self.load("docs", self.entry.store[n]).catch(function (error) {
          self.chunks[n] = null;
          throw error;
        });
      }
      return self.chunks[n].then(function (chunk) {
        var doc = chunk[number % size];
        return { number: number, ref: doc[0], type: self.type(number), title: doc[1], excerpt: doc[2] };
      });
    }));
  };

  return SplitIndex;
}));
