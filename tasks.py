"""Tasks for the Hall 32 site (invoke). Names follow pelican-quickstart.
Every build replaces output/ only when it succeeded (safe_build, buildtools/swap.py)."""

from __future__ import annotations

import datetime as dt
import mimetypes
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
import pelicanconf  # noqa: E402  (the servers' host and ports; puts plugins/ on sys.path)
from buildtools.swap import build_folder, build_lock, install_build, remove  # noqa: E402

OUTPUT = ROOT / "output"
CONTENT = ROOT / "content"
DEV_CONF = ROOT / "pelicanconf.py"
PUBLISH_CONF = ROOT / "publishconf.py"
HOST = os.environ.get("HOST", pelicanconf.DEV_HOST)
PORT = int(os.environ.get("PORT", pelicanconf.DEV_PORT))
PY = shlex.quote(sys.executable)
mimetypes.add_type("text/yaml", ".yml")  # Decap reads /admin/config.yml


def pelican_args(output: Path, conf: Path, *extra: str, content: Path = CONTENT) -> list[str]:
    # Plain log lines ("ERROR: content/x.md: field: problem"), one per problem.
    return [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(conf),
            "--log-handler", "plain", *extra]


def checks_args(output: Path, skip: str = "") -> list[str]:
    """The quality gates on a built site (checks/); SKIP: e.g. "html,browser"."""
    return [sys.executable, "-m", "checks", str(output)] + (["--skip", skip] if skip else [])


def safe_build(c, conf: Path, *extra: str, output: Path = OUTPUT, content: Path = CONTENT,
               gates: str = "links", skip: str = "", log: list | None = None, then=None) -> None:
    """Build into the folder beside ``output`` that holds the site before it (build_folder),
    run the gates on it ("links", or "all" but SKIP) and swap it in: a failed or killed build
    changes nothing. LOG: also
    keep the lines printed. THEN(folder): run on the checked build under the lock."""
    output = Path(os.path.realpath(output))  # a symlinked output/: swap the real folder
    try:
        with build_lock(output) as lock:
            tmp = build_folder(output)
            ok = _run(pelican_args(tmp, conf, *extra, content=content), lock, log)
            if ok:  # checks/__main__.py also refuses a folder without a home page
                ok = _run(checks_args(tmp, skip if gates == "all" else "html,browser"), lock, log)
            if not ok:
                kept = "le site précédent est conservé" if output.exists() else "aucun site construit"
                raise Exit(f"La construction ou les contrôles ont échoué ({kept} dans {output.name}/).",
                           code=1)
            if then is not None:
                then(tmp)
            install_build(tmp, output)
    except KeyboardInterrupt:
        state = f"{output.name}/ contient un site complet" if output.is_dir() else "aucun site construit"
        raise Exit(f"Construction interrompue ({state}).", code=130) from None


def _run(args: list[str], lock: int, log: list | None = None) -> bool:
    """Run a step of the build; it inherits the lock (a step left running by a killed
    build keeps the next one waiting)."""
    sys.stdout.flush()
    sys.stderr.flush()
    if log is None:
        return subprocess.run(args, stdin=subprocess.DEVNULL, pass_fds=(lock,)).returncode == 0
    with subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, pass_fds=(lock,)) as proc:
        for line in proc.stdout:
            sys.stdout.write(line)
            log.append(line)
    return proc.returncode == 0


@task
def clean(c):
    """Remove the generated site (after any build in progress)."""
    with build_lock(OUTPUT):
        remove(OUTPUT)
        remove(build_folder(OUTPUT))


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
    """Rebuild into output/ on every change, in place (development only; other builds wait)."""
    with build_lock(OUTPUT):
        c.run(shlex.join(pelican_args(OUTPUT, DEV_CONF, "--autoreload")), pty=False)


@task
def serve(c):
    """Serve output/ on http://DEV_HOST:DEV_PORT of pelicanconf.py (HOST and PORT override)."""
    from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

    if not OUTPUT.is_dir():
        build(c)
    server = RootedHTTPServer(str(OUTPUT), (HOST, PORT), ComplexHTTPRequestHandler)
    print(f"Site servi sur http://{HOST}:{PORT}/ (Ctrl-C pour arrêter)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


WATCHED = ("content/**/*", "theme/**/*", "plugins/**/*.py", "*.py")


@task
def livereload(c):
    """Build, serve and rebuild on every change of content, theme or plugins.
    /admin/ shows the fate of the latest build (buildtools/live.py)."""
    serve_live(c)


def serve_live(c, output: Path = OUTPUT, content: Path = CONTENT, extra: tuple = (),
               host: str = HOST, port: int = PORT, watched=None) -> None:
    """livereload's body, for any content and output folders (the CMS tests use it)."""
    from buildkit import clock
    from buildtools import live

    output = Path(os.path.realpath(output))
    status = live.status_path(output)

    def ended():  # when the build ended, for the editor; the build itself said if the clock was bad
        try:
            return clock.now()
        except clock.ClockError:
            return dt.datetime.now(clock.TIMEZONE)

    def rebuild_quietly():
        log: list[str] = []
        try:
            safe_build(c, DEV_CONF, *extra, output=output, content=content, log=log)
        except Exit as exc:  # keep serving the last good site
            print(exc.message, file=sys.stderr)
            live.write_status(status, False, "".join(log), ended())
        else:
            live.write_status(status, True, "", ended())

    rebuild_quietly()
    server = live.server(status, content / "images")
    for pattern in watched or [str(ROOT / p) for p in WATCHED]:
        server.watch(pattern, rebuild_quietly)
    server.serve(host=host, port=port, root=str(output))


@task
def check(c, skip=""):
    """Run the quality gates on output/ (links, HTML, axe, CSP, weight); SKIP: e.g. html,browser."""
    if not OUTPUT.is_dir():
        raise Exit("Pas de site construit : lancez d'abord invoke build.", code=2)
    c.run(shlex.join(checks_args(OUTPUT, skip)), pty=False)


@task(help={"format": "text (default) or markdown (the GitHub Actions job summary)"})
def report(c, format="text"):
    """Print the content-health report in French: missing, stale or waiting content (exit 0)."""
    from buildkit import clock
    from health import render
    from health.report import collect

    if format not in ("text", "markdown"):
        raise Exit(f"Format inconnu : {format} (choix : text, markdown)", code=2)
    try:
        today = clock.now()
    except clock.ClockError as exc:  # a mistyped SOURCE_DATE_EPOCH: a sentence, not a traceback
        raise Exit(f"invoke report : {exc}", code=2) from None
    result = collect(CONTENT, today)
    print(render.text(result) if format == "text" else render.markdown(result), end="")
    if format == "text":  # the latest local build, when `invoke cms` refused it
        from buildtools import live

        print(live.refused_summary(live.status_path(Path(os.path.realpath(OUTPUT)))), end="")


@task
def cms(c):
    """Edit content/ in Decap CMS at /admin/: decap-server and livereload (Ctrl-C stops both)."""
    server = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
    if not server.is_file():
        raise Exit("decap-server manque : lancez ./scripts/bootstrap (npm ci).", code=2)
    env = {**os.environ, "PORT": str(pelicanconf.CMS_LOCAL_PORT), "BIND_HOST": pelicanconf.DEV_HOST, "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(ROOT)}
    proxy = subprocess.Popen(["node", str(server)], env=env)
    print(f"Espace de rédaction : http://{HOST}:{PORT}/admin/ (fichiers écrits dans content/)")
    try:
        livereload(c)
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)


@task(help={"skip": "gates left out for a quick look, e.g. html,browser (publish and CI run them all)"})
def preview(c, skip=""):
    """Build with the publication settings (absolute URLs, warnings fatal) and pass every gate."""
    safe_build(c, PUBLISH_CONF, "--fatal", "warnings", gates="all", skip=skip)


@task
def publish(c, target=None):
    """Build for publication and upload with rsync to TARGET (or $PUBLISH_TARGET)."""
    target = target or os.environ.get("PUBLISH_TARGET")
    if not target:
        raise Exit("Indiquez la destination : invoke publish --target user@host:/chemin/", code=2)
    if not shutil.which("rsync"):
        raise Exit("rsync est introuvable : installez-le (sudo apt-get install rsync), "
                   "puis relancez invoke publish.", code=2)
    publish_to(c, target)


def publish_to(c, target: str, output: Path = OUTPUT, content: Path = CONTENT, skip: str = "") -> None:
    """`invoke publish`'s body: CI's publication build and gates, then rsync of the checked
    folder itself under the build lock (no rebuild can swap in meanwhile). SKIP: tests only."""
    def upload(folder: Path) -> None:
        c.run(f"rsync -rlvz --delete --checksum {shlex.quote(str(folder))}/ {shlex.quote(target)}",
              in_stream=False)

    safe_build(c, PUBLISH_CONF, "--fatal", "warnings", output=output, content=content,
               gates="all", skip=skip, then=upload)


@task
def bench(c, what="build", sizes=None, runs=3, json=None):
    """Print benchmark figures: build, search, dossier, mobile or size (not a test).

    SIZES documents, RUNS runs, JSON rows: see benchmarks/ and docs/performance.md."""
    scripts = {"build": f"benchmarks/build_bench.py {shlex.quote(sizes or '100,1000')} {int(runs)}",
               "search": f"benchmarks/search_bench.py {shlex.quote(sizes or '44,1000')} "
                         f"{shlex.quote(json or '')}",
               "dossier": f"benchmarks/dossier_bench.py {int(runs)}",
               "mobile": "benchmarks/mobile_bench.py" + (f" --json {shlex.quote(json)}" if json else ""),
               "size": "benchmarks/stats.py --tests --since d9f634d"}
    if what not in scripts:
        raise Exit(f"Benchmark inconnu : {what} (choix : {', '.join(scripts)})", code=2)
    c.run(f"{PY} {scripts[what]}", pty=False)


@task(help={"fast": "leave out the tests marked slow (site builds, browser): under a minute",
            "seed": "replay a shuffled order: the seed printed at the top of a run, or 'last'",
            "k": "only the tests whose name matches this pytest -k expression",
            "workers": "test processes side by side (pytest-xdist), 2 by default (the CI machine's "
                       "cores); 0 runs every test in this one process, in the seed's order"})
def test(c, k=None, fast=False, seed=None, workers=2):
    """Run the tests in a new shuffled order, in two processes (README.md, « Tasks »)."""
    args = ["-m", "not slow"] if fast else []
    args += ["-n", str(workers), "--dist", "loadgroup"] if int(workers) else []
    args += [f"--randomly-seed={seed}"] if seed else []
    args += ["-k", k] if k else []
    started = time.monotonic()
    try:
        # pytest keeps each test module's rewritten asserts in __pycache__ (git-ignored) unless
        # PYTHONDONTWRITEBYTECODE is set: rewriting them all costs every process ~5 s.
        c.run(shlex.join([sys.executable, "-m", "pytest", *args]), pty=False,
              env={"PYTHONDONTWRITEBYTECODE": ""})
    finally:
        if fast and not c.config.run.dry:
            print(f"Voie rapide : {time.monotonic() - started:.0f} s (objectif : moins de 60 s)")
