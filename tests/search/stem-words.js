// Prints what lunr.fr.js does to each word read on stdin (JSON list):
// [[trimmed, folded, stem], ...], for the parity test with french.py.
//   node stem-words.js <elision pattern, as an index entry carries it>
"use strict";
const path = require("path");
const root = path.resolve(__dirname, "..", "..");
const lunr = require(path.join(root, "node_modules", "lunr"));
require(path.join(root, "node_modules", "lunr-languages", "lunr.stemmer.support.js"))(lunr);
require(path.join(root, "node_modules", "lunr-languages", "lunr.fr.js"))(lunr);
require(path.join(root, "theme", "static", "js", "search-core.js"))(lunr).configure({ elision: process.argv[2] });

const elision = lunr.Pipeline.registeredFunctions["elision-fr"];
const words = JSON.parse(require("fs").readFileSync(0, "utf8"));
const run = (fn, s) => fn(new lunr.Token(s, {})).toString();
process.stdout.write(JSON.stringify(words.map((w) => {
  const trimmed = run(elision, run(lunr.fr.trimmer, w));
  const folded = run(lunr.fr.accentFold, trimmed);
  return [trimmed, folded, run(lunr.fr.stemmer, folded), Boolean(lunr.fr.stopWordFilter(w))];
})));
