"""french_format: wires buildkit/french.py (Babel, fr_FR: never the machine's locale) and
buildkit/french_typeset.py into the build.

Signals: generator_init adds FILTERS to every Jinja environment; get_writer supplies
typeset.py's writer (pages typeset, only changed files written); feed_generated typesets the
feeds (titles as text, entries as HTML); finalized removes the previous build's other files
and prunes the typeset pages' cache.
"""

from __future__ import annotations

from pelican import signals

from buildkit import french
from buildkit.french_typeset import typeset_html, typeset_text
from content_model.validate import tel_uri

from .typeset import TypesettingWriter, finish_output, prune_caches

FILTERS = {
    "site_of": french.site_of,
    "published_fr": french.published_fr,
    "published_iso": french.published_iso,
    "number_fr": french.number_fr,
    "figure_fr": french.figure_fr,
    "euros_fr": french.euros_fr,
    "month_fr": french.month_fr,
    "tel_uri": tel_uri,
}


def add_filters(generator) -> None:
    generator.env.filters.update(FILTERS)


def typeset_feed(context, feed) -> None:
    """The feed's title and its entries' titles (text) and summaries and contents (HTML) in
    the pages' typography, before Pelican writes the feed."""
    for key in ("title", "subtitle", "description"):
        if feed.feed.get(key):
            feed.feed[key] = typeset_text(feed.feed[key])
    for item in feed.items:
        item["title"] = typeset_text(item["title"])
        for key in ("description", "content"):
            if item.get(key):
                item[key] = typeset_html(item[key])


def get_writer(pelican):
    return TypesettingWriter


def register():
    signals.generator_init.connect(add_filters)
    signals.feed_generated.connect(typeset_feed)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(finish_output)
    signals.finalized.connect(prune_caches)
