// The same queries on the whole lunr index and on the split one, with the real lunr.js:
//   node compare-split.js <whole index.json> <site root> <entry path> < queries.json
// prints [{query, whole: [[ref, score]...], split: [[ref, score]...]}] (top 10 of each).
"use strict";
const fs = require("fs");
const { open } = require("./split-node.js");

async function main() {
  const [wholePath, site, entryPath] = process.argv.slice(2);
  const { lunr, core, split } = open(site, entryPath);
  const whole = lunr.Index.load(JSON.parse(fs.readFileSync(wholePath, "utf8")));
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const search = (index, q) => {  // lunr's own query on the whole index, with the page's clauses
    const { terms } = core.parse(q);
    return terms.length ? index.query((query) => core.clauses(query, terms)) : [];
  };
  const out = [];
  for (const q of queries) {
    const a = search(whole, q).slice(0, 10).map((h) => [h.ref, h.score]);
    const { hits } = await split.search(q);
    const top = hits.slice(0, 10);
    const docs = await split.documents(top.map((h) => Number(h.ref)));
    out.push({ query: q, whole: a, split: top.map((h, i) => [docs[i].ref, h.score]), count: [search(whole, q).length, hits.length] });
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });
