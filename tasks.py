"""Tasks for the Hall 32 site (invoke). Names follow pelican-quickstart.

Every build goes to a temporary folder first and replaces output/ only when it
succeeded: a broken content file never costs the last good site.
"""

from __future__ import annotations

import filecmp
import mimetypes
import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
CONTENT = ROOT / "content"
DEV_CONF = ROOT / "pelicanconf.py"
PUBLISH_CONF = ROOT / "publishconf.py"
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", "8000"))
PY = shlex.quote(sys.executable)
mimetypes.add_type("text/yaml", ".yml")  # Decap reads /admin/config.yml


def pelican_cmd(output: Path, conf: Path, *extra: str, content: Path = CONTENT) -> str:
    # Plain log lines ("ERROR: content/x.md: field: problem"), one per problem.
    args = [str(content), "-o", str(output), "-s", str(conf), "--log-handler", "plain", *extra]
    return f"{PY} -m pelican " + " ".join(shlex.quote(a) for a in args)


def checks_cmd(output: Path, skip: str = "") -> str:
    """The quality gates on a built site (checks/); SKIP: e.g. "html,browser"."""
    return f"{PY} -m checks {shlex.quote(str(output))}" + (f" --skip {shlex.quote(skip)}" if skip else "")


def safe_build(c, conf: Path, *extra: str, output: Path = OUTPUT, content: Path = CONTENT,
               gates: str = "links") -> None:
    """Build into a sibling temporary folder, run quality gates on it ("links": the
    fast link and anchor check; "all"; "" for none), then bring ``output`` up to date
    with it, file by file: a failed build or check changes nothing."""
    tmp = output.with_name(f".{output.name}.new")
    shutil.rmtree(tmp, ignore_errors=True)
    result = c.run(pelican_cmd(tmp, conf, *extra, content=content), warn=True, pty=False, in_stream=False)
    if result.ok and gates:
        result = c.run(checks_cmd(tmp, "" if gates == "all" else "html,browser"), warn=True,
                       pty=False, in_stream=False)
    if not result.ok:
        shutil.rmtree(tmp, ignore_errors=True)
        kept = "le site précédent est conservé" if output.exists() else "aucun site construit"
        raise Exit(f"La construction ou les contrôles ont échoué ({kept} dans {output.name}/).", code=1)
    written, removed, kept = sync_tree(tmp, output)
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{output.name}/ : {written} fichier(s) écrit(s), {removed} supprimé(s), {kept} inchangé(s)")


def sync_tree(src: Path, dst: Path) -> tuple[int, int, int]:
    """Make ``dst`` identical to ``src`` touching only what differs, so that hosts and
    rsync see the real changes (Pelican itself rewrites every file on every build).
    Returns (files written, files removed, files kept)."""
    written = kept = removed = 0
    wanted = set()
    dst.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        wanted.add(rel)
        target = dst / rel
        if path.is_dir():
            if target.exists() and not target.is_dir():
                target.unlink()
            target.mkdir(exist_ok=True)
        elif target.is_file() and (os.path.samefile(path, target)  # both links to one cached file
                                   or filecmp.cmp(path, target, shallow=False)):
            kept += 1
        else:
            if target.is_dir():
                shutil.rmtree(target)
            os.replace(path, target)
            written += 1
    for path in sorted(dst.rglob("*"), reverse=True):  # children before their folders
        if path.relative_to(dst) not in wanted:
            removed += path.is_file()
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    return written, removed, kept


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task
def build(c):
    """Build the site for local development into output/."""
    safe_build(c, DEV_CONF)


@task
def rebuild(c):
    """Clean, then build."""
    clean(c)
    build(c)


@task
def regenerate(c):
    """Rebuild into output/ on every change (no safe swap: development only)."""
    c.run(pelican_cmd(OUTPUT, DEV_CONF, "--autoreload"), pty=False)


@task
def serve(c):
    """Serve output/ on http://127.0.0.1:8000 (HOST and PORT override)."""
    from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

    if not OUTPUT.is_dir():
        build(c)
    server = RootedHTTPServer(str(OUTPUT), (HOST, PORT), ComplexHTTPRequestHandler)
    print(f"Site servi sur http://{HOST}:{PORT}/ (Ctrl-C pour arrêter)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task
def livereload(c):
    """Build, serve and rebuild on every change of content, theme or plugins."""
    from livereload import Server

    build(c)

    def rebuild_quietly():
        try:
            build(c)
        except Exit as exc:  # keep serving the last good site
            print(exc.message, file=sys.stderr)

    server = Server()
    for pattern in ("content/**/*", "theme/**/*", "plugins/**/*.py", "*.py"):
        server.watch(str(ROOT / pattern), rebuild_quietly)
    server.serve(host=HOST, port=PORT, root=str(OUTPUT))


@task
def check(c, skip=""):
    """Run the quality gates on output/ (links, HTML, axe, CSP, weight); SKIP: e.g. html,browser."""
    if not OUTPUT.is_dir():
        raise Exit("Pas de site construit : lancez d'abord invoke build.", code=2)
    c.run(checks_cmd(OUTPUT, skip), pty=False)


@task
def cms(c):
    """Edit locally: decap-server (local backend, writes files) on 127.0.0.1:8081, and the
    site with live reload on http://127.0.0.1:8000 (CMS at /admin/). Ctrl-C stops both."""
    import subprocess

    server = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
    if not server.is_file():
        raise Exit("decap-server manque : lancez ./scripts/bootstrap (npm ci).", code=2)
    env = {**os.environ, "PORT": "8081", "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(ROOT)}
    proxy = subprocess.Popen(["node", str(server)], env=env)
    print(f"Espace de rédaction : http://{HOST}:{PORT}/admin/ (fichiers écrits dans content/)")
    try:
        livereload(c)
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)


@task
def preview(c):
    """Build with the publication settings (absolute URLs, warnings fatal) and pass every gate."""
    safe_build(c, PUBLISH_CONF, "--fatal", "warnings", gates="all")


@task
def publish(c, target=None):
    """Build for publication and upload with rsync to TARGET (or $PUBLISH_TARGET)."""
    target = target or os.environ.get("PUBLISH_TARGET")
    if not target:
        raise Exit("Indiquez la destination : invoke publish --target user@host:/chemin/", code=2)
    preview(c)
    c.run(f"rsync -rlvz --delete --checksum {shlex.quote(str(OUTPUT))}/ {shlex.quote(target)}")


@task
def bench(c, what="build", sizes="100,1000", runs=3):
    """Print benchmark figures. WHAT: build (against plain Pelican, SIZES documents, median
    of RUNS runs) or search (lunr against Pagefind). Not a test: nothing fails on a slow machine."""
    scripts = {"build": f"benchmarks/build_bench.py {shlex.quote(sizes)} {int(runs)}",
               "search": "benchmarks/search_bench.py"}
    if what not in scripts:
        raise Exit(f"Benchmark inconnu : {what} (choix : {', '.join(scripts)})", code=2)
    c.run(f"{PY} {scripts[what]}", pty=False)


@task
def test(c, k=None):
    """Run the whole test suite (pytest)."""
    select = f" -k {shlex.quote(k)}" if k else ""
    c.run(f"{PY} -m pytest{select}", pty=False)
