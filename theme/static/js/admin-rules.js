/* The conditional rules of the content model (content_model/rules.py's REQUIREMENTS, in
   this script's data-rules) in Decap CMS: a save that breaks one is refused (preSave) with
   the build's message (docs/cms.md). Loaded only by admin.html, after decap-cms.js; in Node
   it exports refusals(). */
(function (root) {
  "use strict";

  function isSet(value) {
    if (value === null || value === undefined || value === false) { return false; }
    if (typeof value === "string") { return value.trim() !== ""; }
    if (Array.isArray(value)) { return value.length > 0; }
    if (typeof value === "object") { return Object.keys(value).length > 0; }
    return true;
  }

  /* The broken rules of one entry: rules [{collection, file, list, when, then, label,
     message}], data the entry's fields as plain objects. */
  function refusals(rules, collection, file, data) {
    var found = [];
    rules.forEach(function (rule) {
      if (rule.collection !== collection || (rule.file || "") !== (rule.file ? file : "")) { return; }
      var records = rule.list ? (data[rule.list] || []) : [data];
      records.forEach(function (record, i) {
        if (record && isSet(record[rule.when]) && !isSet(record[rule.then])) {
          found.push(rule.label + (rule.list ? " (élément " + (i + 1) + ")" : "") + " : " +
            rule.message);
        }
      });
    });
    return found;
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { refusals: refusals, isSet: isSet };
    return;
  }
  var CMS = root.CMS;
  var script = document.currentScript;
  if (!CMS || !script) { return; }
  var rules = JSON.parse(script.dataset.rules || "[]");
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var data = entry.get("data");
      var found = refusals(rules, entry.get("collection"), entry.get("slug"),
        data && data.toJS ? data.toJS() : {});
      if (found.length) { throw found.join(" ; "); }  // Decap's toast shows it as it is
    }
  });
}(this));
