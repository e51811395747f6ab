// The site's split index opened in Node as the search worker opens it: the real
// lunr.js, lunr.fr.js, search-core.js and search-split.js, files read from disk.
//   open(site root, entry path inside it) -> {lunr, core, split}
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");

function libraries() {
  const lunr = require(path.join(root, "node_modules", "lunr"));
  require(path.join(root, "node_modules", "lunr-languages", "lunr.stemmer.support.js"))(lunr);
  require(path.join(root, "node_modules", "lunr-languages", "lunr.fr.js"))(lunr);
  const core = require(path.join(root, "theme", "static", "js", "search-core.js"))(lunr);
  const Split = require(path.join(root, "theme", "static", "js", "search-split.js"))(lunr, core);
  return { lunr, core, Split };
}

function open(site, entryPath) {
  const { lunr, core, Split } = libraries();
  const entry = JSON.parse(fs.readFileSync(path.join(site, entryPath), "utf8"));
  const folder = path.dirname(path.join(site, entryPath));
  const loaded = [];
  const load = (kind, hash) => {
    loaded.push(`${kind}.${hash}.json`);
    return Promise.resolve(JSON.parse(fs.readFileSync(path.join(folder, `${kind}.${hash}.json`), "utf8")));
  };
  return { lunr, core, split: new Split(entry, load), loaded };
}

module.exports = { open, libraries };
