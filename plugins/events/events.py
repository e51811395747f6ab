"""events: open days, fairs, forums and information sessions (content/evenements/).

Signals:
- generator_init: Jinja filter ``for_audiences(events, audiences)`` (the events
  of those audiences, and those for everyone).
- get_generators adds EventsGenerator:
  - generate_context reads content/evenements/*.md, checks that an event does not end
    before it starts, splits them by the build's today (buildkit.clock) and publishes
    ``evenements``, ``upcoming_events`` (soonest first), ``past_events`` (latest first)
    and ``events_feed`` (the iCalendar feed's URL); content_model resolves ``formations``;
  - generate_output writes /evenements/<year>/<slug>/ with its
    <slug>.ics, the listing /evenements/ and the feed evenements/a-venir.ics.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator

from buildkit import clock
from buildkit.files import write_files
from buildkit.site import site_url
from content_model import schema as s
from content_model.paths import display_path
from content_model.reader import read_folder

from .ics import IcsEvent, calendar
from .timing import Timing

logger = logging.getLogger(__name__)
FEED = "evenements/a-venir.ics"
FEED_NAME = "Hall 32 : événements à venir"


class Evenement(Page):
    default_template = "evenement"


def for_audiences(events, audiences) -> list:
    """Events of any of ``audiences``, and events for everyone (no audience given)."""
    wanted = set(audiences or ())
    return [e for e in events if not e.audiences or wanted & set(e.audiences)]


class EventsGenerator(Generator):
    def generate_context(self) -> None:
        self.now = clock.now()  # SOURCE_DATE_EPOCH checked by content_model at the start
        self.events = [e for e in self._read() if self._dates_agree(e)]
        for event in self.events:
            event.timing = Timing.of(event.start, event.end)
            event.upcoming = event.timing.upcoming(self.now)
            event.when = event.timing.text()
            event.start_iso, event.end_iso = event.timing.iso()
            event.ics_url = f"{event.url}{event.slug}.ics"
        upcoming = sorted((e for e in self.events if e.upcoming),
                          key=lambda e: (e.timing.start, e.slug))
        past = sorted((e for e in self.events if not e.upcoming),
                      key=lambda e: (-e.timing.start.timestamp(), e.slug))
        self.context.update(evenements=upcoming + past, upcoming_events=upcoming,
                            past_events=past, events_feed=FEED)

    def _read(self) -> list:
        events = read_folder(self, s.EVENT, Evenement)
        for event in events:
            for f in s.EVENT.fields:  # the reader leaves out empty fields
                if not hasattr(event, f.name):
                    setattr(event, f.name, None)
        return events

    @staticmethod
    def _dates_agree(event) -> bool:
        if event.end is None or event.end >= event.start:
            return True
        logger.error("%s: end: la fin (%s) précède le début (%s)", display_path(event.source_path),
                     f"{event.end:%Y-%m-%d %H:%M}", f"{event.start:%Y-%m-%d %H:%M}")
        return False

    def content_model_items(self):
        yield s.EVENT, self.events, lambda obj: display_path(obj.source_path)

    def _ics(self, event, siteurl: str, host: str) -> IcsEvent:
        organisation = self.context.get("organisation") or {}
        if event.place:
            location = ", ".join(p for p in (event.place, event.address) if p)
        else:
            name = organisation.get("name") or self.settings.get("SITENAME", "")
            location = ", ".join(p for p in (name, organisation.get("address_line")) if p)
        return IcsEvent(
            uid=f"evenement-{event.timing.start:%Y}-{event.slug}@{host}", title=event.title,
            summary=event.summary, timing=event.timing, location=location,
            url=f"{siteurl}/{event.url}", registration_url=event.registration_url)

    def generate_output(self, writer) -> None:
        siteurl = site_url(self.settings)
        host = urlsplit(siteurl).hostname or "localhost"
        relative = self.settings["RELATIVE_URLS"]
        for event in self.events:
            writer.write_file(event.save_as, self.get_template(event.template), self.context,
                              page=event, evenement=event, relative_urls=relative,
                              override_output=True, url=event.url)
            write_files(Path(self.output_path), {event.ics_url: calendar([self._ics(event, siteurl, host)], self.now)})
        writer.write_file(s.EVENT.index_url + "index.html", self.get_template("evenements"),
                          self.context, relative_urls=relative, url=s.EVENT.index_url)
        upcoming = [self._ics(e, siteurl, host) for e in self.context["upcoming_events"]]
        write_files(Path(self.output_path), {FEED: calendar(upcoming, self.now, FEED_NAME)})


def add_filters(generator) -> None:
    generator.env.filters["for_audiences"] = for_audiences


def get_generators(pelican):
    return EventsGenerator


def register():
    signals.generator_init.connect(add_filters)
    signals.get_generators.connect(get_generators)
