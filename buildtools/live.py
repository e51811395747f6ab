"""The development server of `invoke livereload` and `invoke cms`, and the fate of each build.

- ``server(status, originals)``: a python-livereload Server (tasks.serve_live watches and
  serves with it) where public pages reload after a rebuild and /admin/ never does (a save
  in Decap rebuilds the site: a reload would lose what the editor typed since), which also
  serves the status of the latest build at ``/admin/derniere-construction.json`` and the
  uploaded originals under ``/images/`` (the editor and the preview show them).
- ``write_status(path, ok, log)``: that status, kept beside output/ (never inside it: a
  refused build does not touch output/), with the problems the build logged, each split
  into file, field and message for the editor.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

STATUS_URL = "/admin/derniere-construction.json"
ADMIN_PAGES = ("/admin", "/admin/", "/admin/index.html")  # /admin/etat/ still reloads
# "ERROR: content/metiers/soudeur.md: image_alt: texte alternatif obligatoire…"
PROBLEM_RE = re.compile(r"^(?:ERROR|CRITICAL|ERREUR)\s*:\s*(?P<text>.+)$")
FILE_RE = re.compile(r"^(?P<file>\S+\.(?:md|markdown|yaml|yml|jpe?g|png|webp|gif|svg))\s*:\s*(?P<rest>.*)$")
CLOSING_RE = re.compile(r"^(?:[A-Z]\w*(?:Error|Exception)\s*:|La construction)")
FIELD_RE = re.compile(r"^(?P<field>[a-z_][a-z0-9_]*)\s*:\s*(?P<message>.+)$")


def status_path(output: Path) -> Path:
    """Beside output/, like its lock: .output.status.json."""
    return output.with_name(f".{output.name}.status.json")


def problems(log: str) -> list[dict]:
    """The error lines of a build's log as {file, field, message} ("" when not known)."""
    found = []
    for line in log.splitlines():
        match = PROBLEM_RE.match(line.strip())
        if not match:
            continue
        text = match["text"].strip()
        if CLOSING_RE.match(text):
            continue  # Pelican's, content_model's and tasks.py's closing lines repeat the verdict
        file, field, message = "", "", text
        located = FILE_RE.match(text)
        if located:
            file, message = located["file"], located["rest"]
            named = FIELD_RE.match(message)
            if named:
                field, message = named["field"], named["message"]
        found.append({"file": file, "field": field, "message": message})
    return found


def write_status(path: Path, ok: bool, log: str, when) -> dict:
    """Write the status of the build that just ended (atomically) and return it."""
    from health.buildinfo import to_the_second  # saves and rebuilds fall within a minute

    try:  # the number of the build since the server started counting: /admin/ and tests
        number = json.loads(path.read_text(encoding="utf-8")).get("number", 0) + 1
    except (OSError, ValueError, AttributeError):
        number = 1
    status = {
        "number": number,
        "state": "ok" if ok else "refused",
        "at": when.replace(microsecond=0).isoformat(),
        "at_label": to_the_second(when),
        "problems": [] if ok else problems(log),
    }
    if not ok and not status["problems"]:
        status["problems"] = [{"file": "", "field": "",
                               "message": "la construction a échoué : voir le terminal de invoke cms"}]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(status, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return status


def refused_summary(path: Path) -> str:
    """What `invoke report` adds when the latest local build was refused ("" otherwise): the
    report reads content/ as it is, this says what the last build said."""
    try:
        status = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    if not isinstance(status, dict) or status.get("state") != "refused":
        return ""
    lines = [f"\nDernière construction locale refusée ({status.get('at_label', '')}) : "
             "le site servi n'a pas changé."]
    for p in status.get("problems", []):
        where = " — ".join(x for x in (p.get("file"), p.get("field")) if x)
        lines.append(f"- {where} : {p.get('message')}" if where else f"- {p.get('message')}")
    return "\n".join(lines) + "\n"


def _skip_admin_injection() -> None:
    """livereload injects its client into every HTML page through the class
    LiveScriptInjector, which Server.serve() subclasses when it starts: put one in its
    place that leaves /admin/ alone and loads the client as a file."""
    import livereload.server as lr

    if getattr(lr.LiveScriptInjector, "skips_admin", False):
        return

    class SkipAdmin(lr.LiveScriptInjector):
        skips_admin = True

        def __init__(self, request):
            super().__init__(request)
            self.path = request.path
            host = request.host or ""
            port = host.rsplit(":", 1)[1] if ":" in host else "80"
            # A script file, not livereload's inline snippet, which the pages' CSP
            # (script-src 'self') refuses: public pages never reloaded before.
            self.script = f'<script src="//{host}/livereload.js?port={port}"></script>'.encode()

        def transform_first_chunk(self, status_code, headers, chunk, finishing):
            if self.path in ADMIN_PAGES:
                return status_code, headers, chunk
            return super().transform_first_chunk(status_code, headers, chunk, finishing)

    lr.LiveScriptInjector = SkipAdmin


def server(status: Path, originals: Path):
    """A livereload Server that also serves ``status`` at STATUS_URL (never cached) and,
    under /images/, the uploaded originals of ``originals`` (content/images/) that the
    site does not publish (it publishes resized variants): Decap shows an image field
    and its preview from that address."""
    from livereload import Server
    from tornado import web

    class StatusHandler(web.RequestHandler):
        def get(self):
            self.set_header("Content-Type", "application/json; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            try:
                self.write(status.read_bytes())
            except FileNotFoundError:
                self.write(b'{"state": "unknown", "problems": []}\n')

    class ImagesHandler(web.StaticFileHandler):
        """/images/<path>: the build's file (a variant), else the uploaded original."""
        built = ""

        @classmethod
        def get_absolute_path(cls, root, path):
            built = os.path.abspath(os.path.join(cls.built, path))
            return built if os.path.isfile(built) else os.path.abspath(os.path.join(originals, path))

        def validate_absolute_path(self, root, absolute_path):
            inside = absolute_path.startswith(os.path.abspath(self.built) + os.sep)
            return super().validate_absolute_path(self.built if inside else str(originals),
                                                  absolute_path)

    class LiveServer(Server):
        def get_web_handlers(self, script):
            ImagesHandler.built = os.path.join(self.root or ".", "images")
            return [(re.escape(STATUS_URL), StatusHandler),
                    (r"/images/(.+)", ImagesHandler, {"path": str(originals)}),
                    ] + super().get_web_handlers(script)

    _skip_admin_injection()
    return LiveServer()
