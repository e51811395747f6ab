/* The conditional rules of the content model in Decap CMS (/admin/): a field required
   when another is set, such as the alt text of an image. Decap's config.yml cannot say
   it, so plugins/cms_config passes the rules of content_model/rules.py (REQUIREMENTS)
   in this script's data-rules, and a save that breaks one is refused (Decap's preSave
   event) with the build's own French message. Loaded only by admin.html, after
   decap-cms.js. In Node (the agreement test, tests of content_model) it exports
   refusals(). */
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
