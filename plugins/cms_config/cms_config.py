"""cms_config: Decap CMS served by the site itself at /admin/.

Signal get_generators adds CmsGenerator:
- generate_context builds config.yml from content_model.schema (config.py)
  and lists the Decap files to copy from node_modules (npm decap-cms, pinned);
- generate_output writes admin/index.html (noindex, out of the sitemap),
  admin/config.yml and admin/decap/ (decap-cms.js, its chunks and wasm files).
Settings: the CMS_* of docs/settings.md.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals
from pelican.generators import Generator

from buildkit.files import hashed_name, publish_file, write_files
from content_model import yaml12

from .config import build, local_backend_url, requirements

logger = logging.getLogger(__name__)
ADMIN = "admin"
WORKFLOW = "site.yml"  # .github/workflows/: the run /admin/ reports on in production
STATUS_URL = "admin/derniere-construction.json"  # served by `invoke cms` (buildtools/live.py)
PHONE_CSS = Path(__file__).parent / "static" / "admin-phone.css"  # Decap on a phone (docs/cms.md)


def decap_files(dist: Path) -> list[Path]:
    """The browser bundle and what it loads lazily (chunks, wasm); no source maps."""
    files = [dist / "decap-cms.js"] + sorted(dist.glob("*.decap-cms.js")) + sorted(dist.glob("*.wasm"))
    return [f for f in files if f.is_file()]


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def admin_csp(settings) -> str:
    """The looser policy /admin/ needs, and only there (stated in _headers with the reason):
    Decap validates its config with AJV, which compiles JSON schemas with new Function
    ('unsafe-eval' scripts), styles its interface with inline <style> ('unsafe-inline'
    styles), talks to the GitHub API and the OAuth proxy, shows GitHub avatars and previews
    media as blob: URLs, which it reads back (fetch) to publish an upload; in development it
    talks to decap-server on loopback."""
    connect = ["'self'", "blob:"]
    if not settings.get("CMS_LOCAL_BACKEND"):  # GitHub: the backend and the runs of Actions
        connect += ["https://api.github.com", "https://raw.githubusercontent.com"]
    for url in (settings.get("CMS_AUTH_URL"),
                settings.get("CMS_LOCAL_BACKEND") and local_backend_url(settings)):
        if url and origin(url):
            connect.append(origin(url))
    return "; ".join([
        "default-src 'self'", "script-src 'self' 'unsafe-eval'", "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
        "connect-src " + " ".join(connect), "frame-src 'self'", "object-src 'none'",
        "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
    ])


class CmsGenerator(Generator):
    def output_folders(self):
        return (ADMIN,)

    def generate_context(self) -> None:
        self.config = build(self.settings)
        if not self.config["backend"]["repo"] and not self.config.get("local_backend"):
            logger.warning("cms_config: CMS_REPO n'est pas défini : /admin/ ne pourra pas se connecter ; "
                           "indiquez le dépôt GitHub, par exemple CMS_REPO=proprietaire/depot "
                           "(publishconf.py le déduit de « git remote get-url origin » quand c'est GitHub)")
        node_modules = Path(self.settings.get("CMS_NODE_MODULES") or "node_modules")
        self.files = decap_files(node_modules / "decap-cms" / "dist")
        if not self.files or self.files[0].name != "decap-cms.js":
            logger.error("cms_config: %s introuvable : installez les paquets npm "
                         "(./scripts/bootstrap, qui lance npm ci)", node_modules / "decap-cms")
            self.files = []
        self.context["cms"] = {"script": f"{ADMIN}/decap/decap-cms.js", "csp": admin_csp(self.settings),
                               "requirements": requirements(), "phone_css": hashed_name(ADMIN, PHONE_CSS.name, PHONE_CSS.read_bytes()),
                               **self.login()}

    def login(self) -> dict:
        """How /admin/ logs in and reports on builds. Locally: decap-server (its URL, so
        that /admin/ can say to run `invoke cms` when it is not there) and the status of
        the latest build. In production: the GitHub Actions runs of the branch, or, when
        the login cannot work, what to configure instead of a dead button."""
        backend = self.config["backend"]
        if self.config.get("local_backend"):
            url = local_backend_url(self.settings) or "http://localhost:8081/api/v1"
            return {"local_api": url, "status": STATUS_URL}
        repo = backend["repo"]
        runs = (f"https://api.github.com/repos/{repo}/actions/workflows/{WORKFLOW}/runs"
                f"?branch={backend['branch']}&per_page=1") if repo else ""
        missing = "" if repo and self.settings.get("CMS_AUTH_URL") else (
            "CMS_AUTH_URL" if repo else "CMS_REPO")
        if missing == "CMS_AUTH_URL":
            # Printed, not logged: a warning would stop the publication build (--fatal
            # warnings), and the site itself is fine; the workflow repeats it in the summary.
            print("ATTENTION : CMS_AUTH_URL n'est pas défini : /admin/ publié ne peut pas se "
                  "connecter à GitHub et dit quoi configurer (README, section CMS).",
                  file=sys.stderr, flush=True)
        return {"runs": runs, "missing": missing, "repo": repo, "workflow": WORKFLOW}

    def generate_output(self, writer) -> None:
        out = Path(self.output_path) / ADMIN
        for source in self.files:
            publish_file(source, out / "decap" / source.name)
        publish_file(PHONE_CSS, Path(self.output_path) / self.context["cms"]["phone_css"])
        header = "# Généré depuis plugins/content_model/schema.py : ne pas modifier à la main.\n"
        write_files(out, {"config.yml": (header + yaml12.dump(self.config)).encode()})
        writer.write_file(f"{ADMIN}/index.html", self.get_template("admin"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=f"{ADMIN}/")


def get_generators(pelican):
    return CmsGenerator


def register():
    signals.get_generators.connect(get_generators)
