// Every weight of the split index, computed as the browser computes it, against the
// whole lunr index's field vectors (lunr.py's weights):
//   node compare-weights.js <whole index.json> <site root> <entry path>
// prints {checked, missing, extra (weights of the split not in the whole index),
// different: [[field/ref, term, whole, split]...] (first 20)}.
"use strict";
const fs = require("fs");
const { open } = require("./split-node.js");

async function main() {
  const [wholePath, site, entryPath] = process.argv.slice(2);
  const { split } = open(site, entryPath);
  const whole = JSON.parse(fs.readFileSync(wholePath, "utf8"));
  await Promise.all(split.entry.shards.map((_, n) => split.shard(n)));
  const refs = (await split.documents(split.entry.docTypes.split("").map((_, i) => i))).map((d) => d.ref);
  const number = new Map(refs.map((ref, i) => [ref, i]));
  const termOf = new Map(whole.invertedIndex.map(([term, p]) => [p._index, term]));
  const out = { checked: 0, missing: 0, extra: 0, different: [] };
  const mine = new Map();  // "field/number" -> Map(position -> weight)
  split.weights.forEach((byField, pos) => byField.forEach((list, f) => {
    for (let k = 0; k < list.length; k += 2) {
      const key = `${split.fields[f]}/${list[k]}`;
      if (!mine.has(key)) { mine.set(key, new Map()); }
      mine.get(key).set(pos, list[k + 1]);
      out.extra += 1;
    }
  }));
  for (const [fieldRef, elements] of whole.fieldVectors) {
    const slash = fieldRef.indexOf("/");
    const vector = mine.get(`${fieldRef.slice(0, slash)}/${number.get(fieldRef.slice(slash + 1))}`) || new Map();
    for (let k = 0; k < elements.length; k += 2) {
      const term = termOf.get(elements[k]);
      const weight = vector.get(split.position[term]);
      out.checked += 1;
      out.extra -= weight === undefined ? 0 : 1;
      if (weight === undefined) { out.missing += 1; }
      else if (weight !== elements[k + 1] && out.different.length < 20) { out.different.push([fieldRef, term, elements[k + 1], weight]); }
    }
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => { console.error(e); process.exit(1); });
