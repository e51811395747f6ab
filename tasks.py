"""Tasks for the Hall 32 site (invoke). Names follow pelican-quickstart.

Every build goes to a temporary folder first and replaces output/ only when it
succeeded, in one atomic step: a broken content file never costs the last good
site, and output/ always holds exactly one build's result. One build at a time
per output folder: a second one waits for the first (a lock file beside it).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import filecmp
import mimetypes
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
import pelicanconf  # noqa: E402  (the development servers' host and ports)

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


def pelican_cmd(output: Path, conf: Path, *extra: str, content: Path = CONTENT) -> str:
    return shlex.join(pelican_args(output, conf, *extra, content=content))


def checks_args(output: Path, skip: str = "") -> list[str]:
    """The quality gates on a built site (checks/); SKIP: e.g. "html,browser"."""
    return [sys.executable, "-m", "checks", str(output)] + (["--skip", skip] if skip else [])


def checks_cmd(output: Path, skip: str = "") -> str:
    return shlex.join(checks_args(output, skip))


# --- One build at a time, swapped in atomically -------------------------------------
# Beside output/ (same file system, so renames are atomic):
#   .output.lock      the lock file (flock), kept: deleting a lock file races;
#   .output.build-*   one temporary folder per build (tempfile.mkdtemp); after the
#                     swap it holds the previous site until deleted;
#   .output.prev      the previous site, only in the two-rename fallback.
# Whatever a kill -9 leaves behind is sorted out by the next build, under the lock.

def _sibling(output: Path, suffix: str) -> Path:
    return output.with_name(f".{output.name}.{suffix}")


def _pause_for_tests(point: str) -> None:
    """Test hook (tests/test_build_safety.py): with HALL32_TEST_PAUSE=<point>:<file>,
    create <file> when the build reaches <point>, then wait there to be killed."""
    wanted, _, flag = os.environ.get("HALL32_TEST_PAUSE", "").partition(":")
    if wanted == point:
        Path(flag).touch()
        while True:
            time.sleep(60)


@contextlib.contextmanager
def build_lock(output: Path):
    """Hold the lock of ``output`` (waiting for another build if needed), put back the
    previous site if a build was killed between two renames, and remove what killed
    builds left. Yields the lock's file descriptor: children that inherit it keep the
    lock while they run, even if this process is killed."""
    output.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(_sibling(output, "lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Une autre construction est en cours dans {output.parent}/ "
                  f"(verrou {_sibling(output, 'lock').name}) : attente de sa fin…", flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        _recover(output)
        yield fd
    finally:
        os.close(fd)  # releases the lock


def _recover(output: Path) -> None:
    prev = _sibling(output, "prev")
    if prev.is_dir() and not output.exists():
        os.rename(prev, output)
        print(f"{output.name}/ restauré : une construction avait été interrompue pendant le "
              f"remplacement.", flush=True)
    for leftover in [prev, _sibling(output, "new"), *output.parent.glob(f".{output.name}.build-*")]:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def _libc_renameat2():
    """renameat2(2): the C library's (glibc ≥ 2.28), else the raw system call on x86-64 and
    arm64; None elsewhere (not Linux)."""
    if platform.system() != "Linux":
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    types = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if hasattr(libc, "renameat2"):
        function = libc.renameat2
        function.argtypes, function.restype = types, ctypes.c_int
        return function
    number = {"x86_64": 316, "aarch64": 276}.get(platform.machine())
    if number is None:
        return None
    return lambda *args: libc.syscall(ctypes.c_long(number), *(t(a) for t, a in zip(types, args)))


_renameat2 = _libc_renameat2()
AT_FDCWD, RENAME_EXCHANGE = -100, 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False when the system
    or the file system cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _reuse_unchanged(old: Path, new: Path) -> tuple[int, int, int]:
    """Give the files of ``new`` whose bytes are those of ``old`` the old file itself (a
    hard link; or its mtime where links are not possible), so that hosts and rsync see
    only the real changes (Pelican rewrites every file on every build).
    Returns (files written, files removed, files kept)."""
    written = kept = 0
    wanted = set()
    for path in new.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(new)
        wanted.add(rel)
        before = old / rel
        if before.is_symlink() or not before.is_file():
            written += 1
        elif os.path.samefile(path, before):  # both links to one cached file
            kept += 1
        elif filecmp.cmp(path, before, shallow=False):
            link = path.with_name(f".{path.name}.link")
            try:
                os.link(before, link)
                os.replace(link, path)
            except OSError:  # no hard links here: keep at least the date
                stat = before.stat()
                os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            kept += 1
        else:
            written += 1
    removed = sum(1 for p in old.rglob("*") if p.is_file() and p.relative_to(old) not in wanted) \
        if old.is_dir() else 0
    return written, removed, kept


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def install_build(new: Path, output: Path) -> tuple[int, int, int]:
    """Make the finished build ``new`` the content of ``output`` in one step: unchanged
    files keep their inode and mtime, then the two folders are exchanged atomically
    (renameat2) and the previous site is deleted. Without renameat2: output → .prev,
    new → output (build_lock() puts .prev back if killed in between), delete .prev.
    Returns (files written, files removed, files kept). Call under build_lock()."""
    counts = _reuse_unchanged(output, new)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(new, 0o777 & ~umask)  # mkdtemp makes 0700 folders; a web server may read output/
    _pause_for_tests("swap")
    if not output.exists() and not output.is_symlink():
        os.rename(new, output)
    elif _exchange(new, output):
        _pause_for_tests("swapped")
        _remove(new)  # now the previous site
    else:
        prev = _sibling(output, "prev")
        os.rename(output, prev)
        try:
            _pause_for_tests("renamed")
            os.rename(new, output)
        except BaseException:  # Ctrl-C or an error: the previous site back at once
            os.rename(prev, output)
            raise
        _remove(prev)
    return counts


def safe_build(c, conf: Path, *extra: str, output: Path = OUTPUT, content: Path = CONTENT,
               gates: str = "links", skip: str = "") -> None:
    """Build into a temporary folder of its own beside ``output``, run quality gates on
    it ("links": the fast link and anchor check; "all", but those in SKIP; "" for none),
    then swap it in with install_build(): a failed, interrupted or killed build changes
    nothing, and builds of one output folder run one at a time (build_lock)."""
    output = Path(os.path.realpath(output))  # a symlinked output/: swap the real folder
    try:
        with build_lock(output) as lock:
            tmp = Path(tempfile.mkdtemp(prefix=f".{output.name}.build-", dir=output.parent))
            try:
                ok = _run(pelican_args(tmp, conf, *extra, content=content), lock)
                if ok and not (tmp / "index.html").is_file():
                    print("ERREUR: la construction n'a pas produit de page d'accueil (index.html).",
                          file=sys.stderr, flush=True)
                    ok = False
                if ok and gates:
                    ok = _run(checks_args(tmp, skip if gates == "all" else "html,browser"), lock)
                if not ok:
                    kept = "le site précédent est conservé" if output.exists() else "aucun site construit"
                    raise Exit(f"La construction ou les contrôles ont échoué ({kept} dans {output.name}/).",
                               code=1)
                written, removed, kept = install_build(tmp, output)
            finally:
                _remove(tmp)
    except KeyboardInterrupt:
        state = f"{output.name}/ contient un site complet" if output.is_dir() else "aucun site construit"
        raise Exit(f"Construction interrompue ({state}).", code=130) from None
    print(f"{output.name}/ : {written} fichier(s) écrit(s), {removed} supprimé(s), {kept} inchangé(s)")


def _run(args: list[str], lock: int) -> bool:
    """Run a step of the build; it inherits the lock, so that a step left running by a
    killed build still keeps the next build waiting."""
    sys.stdout.flush()
    sys.stderr.flush()
    return subprocess.run(args, stdin=subprocess.DEVNULL, pass_fds=(lock,)).returncode == 0


@task
def clean(c):
    """Remove the generated site (after any build in progress)."""
    with build_lock(OUTPUT):
        _remove(OUTPUT)


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
        c.run(pelican_cmd(OUTPUT, DEV_CONF, "--autoreload"), pty=False)


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


@task(help={"format": "text (default) or markdown (the GitHub Actions job summary)"})
def report(c, format="text"):
    """Print the content-health report in French: missing, stale or waiting content (exit 0)."""
    if str(ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(ROOT / "plugins"))
    from buildkit import clock
    from health import render
    from health.report import collect

    if format not in ("text", "markdown"):
        raise Exit(f"Format inconnu : {format} (choix : text, markdown)", code=2)
    result = collect(CONTENT, clock.now())
    print(render.text(result) if format == "text" else render.markdown(result), end="")


@task
def cms(c):
    """Edit the content locally in Decap CMS at /admin/ of the development server.

    Runs decap-server (local backend, writes files into content/) on pelicanconf.py's
    DEV_HOST:CMS_LOCAL_PORT and the site with live reload. Ctrl-C stops both."""
    import subprocess

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
    preview(c)
    c.run(f"rsync -rlvz --delete --checksum {shlex.quote(str(OUTPUT))}/ {shlex.quote(target)}")


@task
def bench(c, what="build", sizes=None, runs=3, json=None):
    """Print benchmark figures (build speed, search); see docs/performance.md.

    WHAT: build (against plain Pelican, SIZES documents, default 100,1000, median of RUNS
    runs) or search (split lunr index against Pagefind, SIZES documents, default 44,1000,
    44 being the real site; JSON: also write the rows to that file). Not a test: nothing
    fails on a slow machine."""
    scripts = {"build": f"benchmarks/build_bench.py {shlex.quote(sizes or '100,1000')} {int(runs)}",
               "search": f"benchmarks/search_bench.py {shlex.quote(sizes or '44,1000')} "
                         f"{shlex.quote(json or '')}"}
    if what not in scripts:
        raise Exit(f"Benchmark inconnu : {what} (choix : {', '.join(scripts)})", code=2)
    c.run(f"{PY} {scripts[what]}", pty=False)


@task(help={"fast": "leave out the tests marked slow (site builds, browser): under a minute",
            "seed": "replay a shuffled order: the seed printed at the top of a run, or 'last'",
            "k": "only the tests whose name matches this pytest -k expression"})
def test(c, k=None, fast=False, seed=None):
    """Run the tests in a new shuffled order; --fast leaves out site builds and browsers.

    The order changes at every run (the seed is printed in pytest's header, e.g. "Using
    --randomly-seed=1234"): a test that passes only after another one fails sooner or
    later. To replay an order: invoke test --seed 1234."""
    args = ["-m", "not slow"] if fast else []
    args += [f"--randomly-seed={seed}"] if seed else []
    args += ["-k", k] if k else []
    started = time.monotonic()
    try:
        c.run(shlex.join([sys.executable, "-m", "pytest", *args]), pty=False)
    finally:
        if fast and not c.config.run.dry:
            print(f"Voie rapide : {time.monotonic() - started:.0f} s (objectif : moins de 60 s)")
