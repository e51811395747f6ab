"""Lighthouse (npm `lighthouse`, pinned in package.json) on the search page, for the bench.

The build is served as a static host would serve it: the headers of its
_headers file (strict CSP, immutable caching) and gzip for text files
(GzipHandler: checks.server's handler, compressing on the fly). Lighthouse runs
its default mobile profile (simulated slow 4G and CPU) against /usr/bin/chromium
(CHROME_PATH), performance category only; the median of RUNS runs is reported
with the median TBT and CLS.
"""

from __future__ import annotations

import functools
import gzip
import json
import mimetypes
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from checks.browser import CHROMIUM
from checks.server import SiteServer

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
RUNS = 3
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics")


def gzip_server(site: Path) -> SiteServer:
    """A SiteServer whose text files are sent gzip-compressed to clients that accept it."""
    server = SiteServer(site)
    partial = server.server.RequestHandlerClass  # functools.partial(handler, directory=site)

    class GzipHandler(partial.func):
        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if (not path.is_file() or path.suffix not in COMPRESSIBLE
                    or "gzip" not in self.headers.get("Accept-Encoding", "")):
                return super().do_GET()
            data = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/")
                                                     or kind.endswith(("json", "javascript")) else ""))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server.server.RequestHandlerClass = functools.partial(GzipHandler, *partial.args, **partial.keywords)
    return server


def available() -> bool:
    return LIGHTHOUSE.exists() and Path(CHROMIUM).exists()


def run(site: Path, path: str) -> dict:
    """{score, tbt_ms, cls, runs: [...], errors: [...]} of RUNS Lighthouse runs on ``path``
    (a run that fails is left out, its last line of error kept)."""
    results, errors = [], []
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    with gzip_server(site) as base, tempfile.TemporaryDirectory() as tmp:
        for i in range(RUNS):
            out = Path(tmp) / f"lh{i}.json"
            proc = subprocess.run([str(LIGHTHOUSE), base + path, "--only-categories=performance", "--quiet",
                                   "--output=json", f"--output-path={out}",
                                   "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                                  env=env, capture_output=True, text=True, timeout=300)
            if proc.returncode or not out.exists():
                errors.append((proc.stderr.strip().splitlines() or ["?"])[-1][:200])
                continue
            report = json.loads(out.read_text(encoding="utf-8"))
            audits = report["audits"]
            results.append({"score": round(report["categories"]["performance"]["score"] * 100),
                            "tbt_ms": audits["total-blocking-time"]["numericValue"],
                            "cls": audits["cumulative-layout-shift"]["numericValue"],
                            "lcp_ms": audits["largest-contentful-paint"]["numericValue"]})
    if not results:
        return {"score": float("nan"), "tbt_ms": float("nan"), "cls": float("nan"), "runs": [],
                "errors": errors}
    return {"score": statistics.median(r["score"] for r in results), "errors": errors,
            "tbt_ms": statistics.median(r["tbt_ms"] for r in results),
            "cls": statistics.median(r["cls"] for r in results), "runs": results}
