"""tests/forked_builds.py: a build forked from a builder is the build `python -m pelican`
would make: it sees its own environment, working folder and arguments, and two consecutive
builds run under different hash seeds (set order, str hashes), as two processes would."""

from __future__ import annotations

import re
import shutil

from support import FIXTURES, ROOT, build_site, snapshot

PROBE = ('import os, sys\n'
         'print("probe", hash("hall32"), os.environ.get("H32_PROBE"), os.getcwd(), sys.path[0])\n'
         f'sys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n'
         f'THEME = {str(ROOT / "theme")!r}\nPLUGIN_PATHS = [{str(ROOT / "plugins")!r}]\n')


def probe(build) -> tuple[str, str, str, str]:
    (found,) = re.findall(r"^probe (\S+) (\S+) (\S+) (\S+)$", build.log, re.M)
    return found


def test_a_forked_build_sees_its_own_environment_folder_and_hash_seed(tmp_path):
    conf = tmp_path / "conf.py"
    conf.write_text(PROBE, encoding="utf-8")
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    first = build_site(content, tmp_path / "a", conf, cwd=ROOT, env={"H32_PROBE": "un"})
    second = build_site(content, tmp_path / "b", conf, cwd=tmp_path, env={"H32_PROBE": "deux"})
    assert first.returncode == 0 and second.returncode == 0, first.log + second.log
    one, two = probe(first), probe(second)
    assert one[1:] == ("un", str(ROOT), str(ROOT)) and two[1:] == ("deux", str(tmp_path), str(tmp_path))
    assert one[0] != two[0]  # two consecutive builds: two hash seeds
    fresh = build_site(content, tmp_path / "c", conf, cwd=ROOT, env={"H32_PROBE": "un"}, fresh=True)
    assert probe(fresh)[1:] == one[1:]
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "c")
