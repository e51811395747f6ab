"""Lighthouse on the search page, for the bench.

Lighthouse (about 130 MB of npm packages) is not installed by the site's bootstrap: it is
pinned in benchmarks/lighthouse/package-lock.json and installed with `npm ci` into
.cache/bench-lighthouse/ the first time the bench runs, as Pagefind is.

The build is served as a static host would serve it: the headers of its
_headers file (strict CSP, immutable caching) and gzip for text files
(checks.server.SiteServer, with gzip_server() compressing on the fly). Lighthouse runs
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
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from checks.browser import CHROMIUM
from checks.server import SiteServer

ROOT = Path(__file__).resolve().parents[1]
PINNED = Path(__file__).resolve().parent / "lighthouse"  # package.json and its lock
PREFIX = ROOT / ".cache" / "bench-lighthouse"
LIGHTHOUSE = PREFIX / "node_modules" / ".bin" / "lighthouse"
RUNS = 3
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics")


class _Gzip:
    """Text files (COMPRESSIBLE) gzip-compressed for clients that accept it, as static hosts do;
    put before checks.server's handler, whose _headers rules still apply."""

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


def gzip_server(site: Path) -> SiteServer:
    """checks.server.SiteServer of ``site`` that also gzips text files (_Gzip)."""
    server = SiteServer(site)
    handler = server.server.RequestHandlerClass  # functools.partial(handler class, directory=...)
    server.server.RequestHandlerClass = functools.partial(
        type("GzipHandler", (_Gzip, handler.func), {}), *handler.args, **handler.keywords)
    return server


def install() -> None:
    """Install the pinned Lighthouse into PREFIX, when it is not there or not the pinned one."""
    lock = PINNED / "package-lock.json"
    if LIGHTHOUSE.exists() and (PREFIX / lock.name).read_bytes() == lock.read_bytes():
        return
    PREFIX.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", lock.name):
        shutil.copyfile(PINNED / name, PREFIX / name)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(PREFIX)], check=True,
                   timeout=900)


def available() -> bool:
    """Whether Lighthouse can run: Chromium is there and npm could install Lighthouse."""
    if not Path(CHROMIUM).exists() or not shutil.which("npm"):
        return False
    install()
    return LIGHTHOUSE.exists()


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
