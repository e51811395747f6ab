"""assets: the theme's CSS bundled, and its scripts, named after their content hash.

Signal get_generators adds AssetsGenerator:
- generate_context concatenates CSS (globs under the theme's static
  folder, in order) and publishes ``site_css``, the bundle's URL path,
  ``site_js`` ({file name: URL path}) for the scripts of JS, and
  ``theme_tokens`` ({"h32-c-navy": "#0f2a44", …}: tokens.css's custom properties,
  for templates that need a colour outside CSS, like the theme-color meta tag);
- generate_output writes them; they can be cached forever since their names
  change with their bytes. It also copies the theme's images (static/img/*) to
  THEME_STATIC_DIR as they are (Pelican's THEME_STATIC_PATHS copy would write them
  around buildkit.files, which removes what a build did not write).
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from buildkit import tokens
from buildkit.files import hashed_name, write_files

logger = logging.getLogger(__name__)

CSS = ["css/tokens.css", "css/base.css", "css/layout/*.css", "css/components/*.css"]
JS = ["js/*.js"]
IMAGES = ["img/*"]


def matching_files(static_root: Path, patterns) -> list[Path]:
    files: list[Path] = []
    for pattern in patterns:
        for path in sorted(static_root.glob(pattern)):
            if path not in files:
                files.append(path)
    return files


class AssetsGenerator(Generator):
    def generate_context(self) -> None:
        static_root = Path(self.theme) / "static"
        files = matching_files(static_root, CSS)
        if not files:
            logger.error("assets: no stylesheet found under %s", static_root)
        parts = [f"/* {p.relative_to(static_root)} */\n{p.read_text(encoding='utf-8')}" for p in files]
        self.bundle = "\n".join(parts).encode("utf-8")
        self.path_out = hashed_name("theme/css", "site.css", self.bundle)
        self.context["site_css"] = self.path_out
        self.files: dict[str, bytes] = {}
        site_js = {}
        for path in matching_files(static_root, JS):
            data = path.read_bytes()
            url = hashed_name("theme/js", path.name, data)
            site_js[path.name] = url
            self.files[url] = data
        self.context["site_js"] = site_js
        for path in matching_files(static_root, IMAGES):
            self.files[f"{self.settings['THEME_STATIC_DIR']}/{path.name}"] = path.read_bytes()
        self.context["theme_tokens"] = tokens.read(Path(self.settings["THEME"]) / tokens.TOKENS_CSS)

    def generate_output(self, writer) -> None:
        write_files(Path(self.output_path), {self.path_out: self.bundle, **self.files})


def get_generators(pelican):
    return AssetsGenerator


def register():
    signals.get_generators.connect(get_generators)
