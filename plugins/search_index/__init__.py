"""French site search: a lunr index built at build time, read by lunr.js."""

from .search_index import register  # noqa: F401
