/* Which build is online, shown in /admin/ (loaded only by admin.html): reads
   admin/build.json, written by every build (plugins/health), and shows when the
   published site was built and from which commit, in a small bar refreshed every
   minute. An editor who saved at 14:02 sees the save online once the bar shows a
   build after 14:02. Styles are set through the DOM (no inline style markup). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.src || !window.fetch || !document.body) { return; }
  var bar = document.createElement("div");
  var text = document.createElement("span");
  var version = document.createElement("a");
  var report = document.createElement("a");
  var first = null;
  bar.setAttribute("role", "status");
  bar.className = "h32-build-info";
  [["position", "fixed"], ["right", "0.5rem"], ["bottom", "0.5rem"], ["zIndex", "10000"],
   ["maxWidth", "calc(100% - 1rem)"], ["padding", "0.4rem 0.75rem"], ["borderRadius", "4px"],
   ["background", "#0f2a44"], ["color", "#ffffff"], ["font", "14px/1.4 system-ui, sans-serif"]
  ].forEach(function (rule) { bar.style[rule[0]] = rule[1]; });
  [version, report].forEach(function (link) { link.style.color = "#ffffff"; });
  report.style.marginLeft = "0.75rem";
  report.href = script.dataset.report;
  report.textContent = "État du contenu";
  bar.appendChild(text);
  bar.appendChild(version);
  bar.appendChild(report);

  function show(info) {
    var changed = first !== null && info.commit !== first;
    if (first === null) { first = info.commit; }
    text.textContent = (changed ? "Nouvelle version en ligne : " : "En ligne : ") +
      "site construit le " + info.built_at_label + (info.commit ? ", version " : ", version inconnue");
    version.textContent = info.commit_short || "";
    if (info.commit_url) { version.href = info.commit_url; } else { version.removeAttribute("href"); }
  }

  function load() {
    window.fetch(script.dataset.src, { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(show)
      .catch(function () {
        text.textContent = "Version en ligne inconnue (admin/build.json illisible)";
        version.textContent = "";
      });
  }

  document.body.appendChild(bar);
  load();
  window.setInterval(load, 60000);
}());
