// Runs queries against a built site's split index with the real lunr.js, lunr.fr.js,
// and the site's search-core.js and search-split.js, as the search worker does. Usage:
//   node run-queries.js <site root> <entry url path> < queries.json
// prints [{query, results: [ref...], ms, shortened, clauses: [{term, editDistance,
// wildcard}], shards, error}] as JSON: clauses are those search-core.js gave lunr,
// ms the time of the search (after the entry is loaded, shards included), shards
// the number of term shards read so far.
"use strict";
const { open } = require("./split-node.js");

async function main() {
  const [site, entryPath] = process.argv.slice(2);
  const { core, split, loaded } = open(site, entryPath);
  let clauses = [];
  const expand = split.expand.bind(split);
  split.expand = (terms) => {
    const expanded = expand(terms);
    clauses = expanded.query.clauses.map((c) => ({ term: c.term, editDistance: c.editDistance || 0, wildcard: c.wildcard || 0 }));
    return expanded;
  };
  const queries = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const out = [];
  for (const q of queries) {
    clauses = [];
    try {
      const started = process.hrtime.bigint();
      const { hits } = await split.search(q);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const docs = await split.documents(hits.map((h) => Number(h.ref)));
      out.push({ query: q, results: docs.map((d) => d.ref), ms, shortened: core.parse(q).shortened, clauses,
                 shards: loaded.filter((f) => f.startsWith("terms.")).length });
    } catch (error) {
      out.push({ query: q, results: [], error: String(error && error.stack || error) });
    }
  }
  process.stdout.write(JSON.stringify(out));
}

main();
