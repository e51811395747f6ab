"""HTML validity with the Nu HTML Checker (npm vnu-jar, run with the machine's Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .site import url_of


def check(output: Path, vnu_jar: Path) -> list[str]:
    java = shutil.which("java")
    if not java:
        return ["html: java introuvable (paquet Debian default-jre-headless)"]
    if not vnu_jar.is_file():
        return [f"html: {vnu_jar} introuvable : lancez npm ci (./scripts/bootstrap)"]
    files = sorted(str(p) for p in output.rglob("*.html"))
    proc = subprocess.run([java, "-jar", str(vnu_jar), "--errors-only", "--format", "json", *files],
                          capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(proc.stderr or proc.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        return [f"html: sortie illisible de vnu ({(proc.stderr or proc.stdout)[:300]})"]
    failures = []
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        path = Path(unquote(urlsplit(m.get("url", "")).path))
        page = "/" + url_of(output, path) if path.is_relative_to(output) else str(path)
        extract = " ".join((m.get("extract") or "").split())[:120]
        failures.append(f"{page}: ligne {m.get('lastLine', '?')}: {m.get('message')} « {extract} »")
    return failures
