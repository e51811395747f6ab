// Runs queries against a built index with the real lunr.js, lunr.fr.js and the
// site's search-core.js, as the browser does. Usage:
//   node run-queries.js <site root> <index url path> < queries.json
// prints [{query, results: [ref...], ms, shortened, clauses: [{term,
// editDistance, wildcard}], error}] as JSON: clauses are those search-core.js
// gave lunr, ms the time of core.search (after the index is loaded).
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const lunr = require(path.join(root, "node_modules", "lunr"));
require(path.join(root, "node_modules", "lunr-languages", "lunr.stemmer.support.js"))(lunr);
require(path.join(root, "node_modules", "lunr-languages", "lunr.fr.js"))(lunr);
const core = require(path.join(root, "theme", "static", "js", "search-core.js"))(lunr);

const [site, indexPath] = process.argv.slice(2);
const index = lunr.Index.load(JSON.parse(fs.readFileSync(path.join(site, indexPath), "utf8")));
let clauses = [];
const query = index.query.bind(index);
index.query = (fn) => query((q) => {
  fn(q);
  clauses = q.clauses.map((c) => ({ term: c.term, editDistance: c.editDistance || 0, wildcard: c.wildcard || 0 }));
});
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const out = queries.map((query) => {
  clauses = [];
  try {
    const started = process.hrtime.bigint();
    const hits = core.search(index, query);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const shortened = core.parse ? core.parse(query).shortened : null;
    return { query, results: hits.map((h) => h.ref), ms, shortened, clauses };
  } catch (error) {
    return { query, results: [], error: String(error) };
  }
});
process.stdout.write(JSON.stringify(out));
