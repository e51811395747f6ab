"""Pelican settings for development, each described in docs/settings.md; publishconf.py tightens them."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Plugins import each other (they share the content model): put them on the path once.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

SITENAME = "Hall 32"
AUTHOR = "Hall 32"
SITEURL = ""  # absolute address: canonical, sharing, sitemap, feeds (publishconf.py)
SITE_PATH = ""

PATH = "content"
THEME = "theme"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
LOCALE = ("C.UTF-8", "C")

PLUGIN_PATHS = ["plugins"]
# Set explicitly: otherwise every installed namespace plugin loads itself.
PLUGINS = [
    "content_model", "template_cache", "catalogue", "data_pages", "events", "orientation",
    "french_format", "assets",
    "search_index", "cms_config", "health", "seo", "dossier",
    "images",
]
SEARCH_NODE_MODULES = CMS_NODE_MODULES = str(ROOT / "node_modules")

ARTICLE_PATHS = ["actualites"]
STATIC_PATHS = []  # images are published by the images plugin, as responsive variants
from content_model.paths import IGNORED as _IGNORED  # noqa: E402

IGNORE_FILES = list(_IGNORED)
def _newest_first(article):
    """News order: newest first, then by slug, so equal dates never swap between builds."""
    return (-article.date.timestamp(), article.slug)


ARTICLE_ORDER_BY = _newest_first
ARTICLE_TRANSLATION_ID = None  # one language: same slug twice is an error, not a translation
PAGE_TRANSLATION_ID = None
FORMATTED_FIELDS = []  # summaries are plain text, escaped by the templates
SLUGIFY_SOURCE = "basename"

from content_model import schema as _schema  # noqa: E402

ARTICLE_URL = _schema.NEWS.url.replace("{year}", "{date:%Y}")
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = _schema.PAGE.url
PAGE_SAVE_AS = PAGE_URL + "index.html"
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
INDEX_URL = _schema.NEWS.index_url
INDEX_SAVE_AS = INDEX_URL + "index.html"
DIRECT_TEMPLATES = ["index"]
TEMPLATE_PAGES = {"404.html": "404.html", "_headers.txt": "_headers"}
PAGINATED_TEMPLATES = {"index": 12}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
DEFAULT_PAGINATION = 12
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "auto_reload": False}

THEME_STATIC_PATHS = []  # the assets plugin fingerprints CSS and JS and copies static/img/*

CSP_DIRECTIVES = [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self'",
    "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'",
    "form-action 'self'",
]
CSP_POLICY = "; ".join(CSP_DIRECTIVES + ["frame-ancestors 'none'"])
CSP_META = "; ".join(CSP_DIRECTIVES)

ACCESSIBILITY_STATUS = "non conforme"

DOSSIER_PDF = False

CMS_REPO = ""
CMS_BRANCH = "main"
CMS_AUTH_URL = ""
CMS_LOCAL_BACKEND = True
DEV_HOST = "127.0.0.1"
DEV_PORT = 8000
CMS_LOCAL_PORT = 8081
CMS_LOCAL_BACKEND_URL = f"http://{DEV_HOST}:{CMS_LOCAL_PORT}/api/v1"

MAIN_MENU = [
    ("Métiers", "metiers/"),
    ("Formations", "formations/"),
    ("Actualités", "actualites/"),
]

CACHE_ROOT = str(ROOT / ".cache")
CACHE_FOLDERS = {
    "CONTENT_MODEL_CACHE": "content",  # parsed front matter and HTML of unchanged Markdown files
    "TEMPLATE_CACHE": "jinja",  # compiled Jinja templates (plugins/template_cache)
    "IMAGES_CACHE": "images",  # responsive variants
    "SEO_CARD_CACHE": "cards",  # social cards
    "SEARCH_CACHE": "search",  # the serialised search index
    "FRENCH_TYPESET_CACHE": "typeset",  # typeset pages, by digest of the rendered page
    "DOSSIER_CACHE": "dossier",  # the programmes' PDF sheets and the catalogue (plugins/dossier)
    "HEALTH_CACHE": "health",  # the report's advice on each unchanged Markdown file
}


def cache_overrides(root) -> list:
    """`pelican -e` arguments that put every cache under ``root`` (tests, benchmarks)."""
    return [f"{name}={json.dumps(str(Path(root) / folder))}" for name, folder in CACHE_FOLDERS.items()]


globals().update({name: str(Path(CACHE_ROOT) / folder) for name, folder in CACHE_FOLDERS.items()})
SEO_LOCAL_SITEURL = f"http://{DEV_HOST}:{DEV_PORT}"  # absolute URLs when SITEURL is empty

# Off: a build writes only the files that changed and removes the others (buildkit/files.py).
DELETE_OUTPUT_DIRECTORY = False
