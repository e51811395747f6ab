/* The fate of every save, shown in /admin/ (a bar) and /admin/etat/ (a section), loaded
   only by admin.html and admin-etat.html. Data attributes of this script say what to read:
   - data-src: admin/build.json, written by every build (plugins/health): when the site
     online was built, to the second, and from which commit;
   - data-status (development, `invoke cms`): the latest build, refused or not, kept by
     tasks.py outside output/ (buildtools/live.py): a refused save names its file, field
     and problem;
   - data-runs (publication): the GitHub Actions API's latest run of the editing branch
     (.github/workflows/site.yml): queued, running, failed (with the link to the run,
     whose summary has the report in French) or deployed;
   - data-local-api (development): decap-server; when it does not answer, say to run
     `invoke cms` (under `invoke build serve` the GitHub login cannot work);
   - data-target: the id of an element to fill (/admin/etat/); else a fixed bar.
   Styles are set through the DOM (no inline style markup: strict CSP). In Node the pure
   functions are exported for tests (plugins/cms_config/tests/test_build_status.py). */
(function (root) {
  "use strict";

  function problemLine(p) {
    return [p.file, p.field].filter(Boolean).join(" — ") + (p.file || p.field ? " : " : "") + p.message;
  }

  /* The local status (buildtools/live.py) in words: {level, text, items}. */
  function describeStatus(status) {
    if (!status || status.state === "unknown") { return null; }
    if (status.state === "ok") {
      return { level: "ok", text: "Dernière construction réussie le " + status.at_label + ".", items: [] };
    }
    var problems = status.problems || [];
    return {
      level: "error",
      text: "Enregistrement refusé par la construction du " + status.at_label +
        " : le site n'a pas changé. Corrigez puis enregistrez à nouveau (" + problems.length +
        " problème" + (problems.length > 1 ? "s" : "") + ").",
      items: problems.map(problemLine)
    };
  }

  /* The GitHub Actions API's answer (GET …/actions/workflows/site.yml/runs?branch=…)
     in words: {level, text, link}. */
  function describeRun(answer) {
    var run = answer && answer.workflow_runs && answer.workflow_runs[0];
    if (!run) { return null; }
    var commit = (run.head_sha || "").slice(0, 7);
    var link = run.html_url || "";
    if (run.status !== "completed") {
      return { level: "info", link: link, text: "Publication en cours (version " + commit +
        ") : le site sera à jour dans quelques minutes." };
    }
    if (run.conclusion === "success") {
      return { level: "ok", link: link, text: "Dernière publication réussie (version " + commit + ")." };
    }
    if (run.conclusion === "cancelled" || run.conclusion === "skipped") {
      return { level: "info", link: link, text: "Dernière publication interrompue (version " + commit +
        ") : une plus récente l'a remplacée." };
    }
    return { level: "error", link: link, text: "La dernière publication a été refusée (version " + commit +
      ") : le site en ligne n'a pas changé. Le détail en français (fichier, champ, problème) est dans " +
      "le résumé de l'exécution :" };
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { describeStatus: describeStatus, describeRun: describeRun };
    return;
  }

  var script = document.currentScript;
  if (!script || !script.dataset.src || !document.body) { return; }
  var data = script.dataset;
  var target = data.target ? document.getElementById(data.target) : null;
  var COLORS = { ok: "#0f2a44", info: "#0f2a44", error: "#8b1a1a" };

  /* An element with its text. In the bar it is white (Decap's own styles colour paragraphs);
     clicks pass through the bar to what it covers, but for its links (a list's last entry
     on a phone lies under it). */
  function make(tag, text) {
    var node = document.createElement(tag);
    node.textContent = text || "";
    if (tag === "p") { node.style.margin = "0"; }
    if (!target) { Object.assign(node.style, { color: "#ffffff", pointerEvents: tag === "a" ? "auto" : "" }); }
    return node;
  }

  var box = target || make("div");
  var online = make("p"), text = make("span"), version = make("a"), report = make("a", "État du contenu");
  var latest = make("div"), notice = make("p");
  var first = null;

  if (!target) {
    box.className = "h32-build-info";
    Object.assign(box.style, { position: "fixed", right: "0.5rem", bottom: "0.5rem", zIndex: "10000",
      maxWidth: "calc(100% - 1rem)", maxHeight: "40vh", overflowY: "auto", padding: "0.4rem 0.75rem",
      borderRadius: "4px", background: COLORS.ok, font: "14px/1.4 system-ui, sans-serif", pointerEvents: "none" });
    report.style.marginLeft = "0.75rem";
    report.href = data.report || "";
  }
  box.setAttribute("role", "status");
  online.append(text, version);
  if (!target && data.report) { online.append(report); }
  box.append(notice, latest, online);
  notice.hidden = true;

  function showOnline(info) {
    var changed = first !== null && info.commit !== first;
    if (first === null) { first = info.commit; }
    text.textContent = (changed ? "Nouvelle version en ligne : " : "En ligne : ") +
      "site construit le " + info.built_at_label + (info.commit ? ", version " : ", version inconnue");
    version.textContent = info.commit_short || "";
    if (info.commit_url) { version.href = info.commit_url; } else { version.removeAttribute("href"); }
  }

  function showLatest(described) {
    latest.replaceChildren();
    latest.className = described ? "h32-build-latest h32-build-latest--" + described.level : "";
    if (!target) { box.style.background = COLORS[!notice.hidden ? "error" : described ? described.level : "ok"]; }
    if (!described || (described.level === "ok" && !target)) { return; }
    var p = make("p", described.text), link = make("a", " voir l'exécution"), list = make("ul");
    if (described.link) { link.href = described.link; p.append(link); }
    latest.append(p);
    if (described.items && described.items.length) {
      list.style.margin = "0.25rem 0";
      list.append.apply(list, described.items.map(function (item) { return make("li", item); }));
      latest.append(list);
    }
  }

  function json(url, options) {
    return root.fetch(url, options || { cache: "no-store" }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    });
  }

  function loadOnline() {
    json(data.src).then(showOnline).catch(function () {
      text.textContent = "Version en ligne inconnue (admin/build.json illisible)";
      version.textContent = "";
    });
  }

  var latestTimer = null;

  function loadLatest() {
    if (data.status) {
      json(data.status).then(function (status) { showLatest(describeStatus(status)); })
        .catch(function (error) {
          showLatest(null);
          // 404: a server without the status (`invoke build serve`): stop asking.
          if (String(error && error.message) === "404" && latestTimer) { root.clearInterval(latestTimer); }
        });
    } else if (data.runs) {
      json(data.runs, { cache: "no-store", headers: { Accept: "application/vnd.github+json" } })
        .then(function (answer) { showLatest(describeRun(answer)); })
        .catch(function () { showLatest(null); });
    }
  }

  function checkLocalServer() {
    root.fetch(data.localApi, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "info", params: {} }) })
      .then(function () { notice.hidden = true; })
      .catch(function () {
        notice.hidden = false;
        if (!target) { box.style.background = COLORS.error; }
        notice.textContent = "Le serveur de rédaction ne répond pas : la connexion avec GitHub ne peut " +
          "pas marcher ici. Arrêtez « invoke build serve », lancez « .venv/bin/invoke cms », puis " +
          "rechargez cette page.";
      });
  }

  if (!target) { document.body.appendChild(box); }
  loadOnline();
  loadLatest();
  if (data.localApi) { checkLocalServer(); }
  // Locally a save is rebuilt in about a second (a file read); the API allows 60
  // unauthenticated calls an hour.
  root.setInterval(loadOnline, data.status ? 2000 : 60000);
  latestTimer = root.setInterval(loadLatest, data.status ? 2000 : 120000);
}(this));
