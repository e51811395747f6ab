"""Raw HTML in Markdown bodies: what may not reach a page.

Markdown lets an editor type HTML. Refused, with the element named: <script>,
event-handler attributes (onclick=…), javascript:/vbscript:/data: URLs in links
and sources, <object>/<embed>/<frame>, <style> and style="" (the site's CSP
forbids inline styles), and <iframe> from a host not in IFRAME_HOSTS (empty by
default: the site makes no third-party request).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "poster", "xlink:href", "data"}
FORBIDDEN_TAGS = {"script", "object", "embed", "frame", "frameset", "applet", "base", "style", "meta", "link"}
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)


class _Scanner(HTMLParser):
    def __init__(self, iframe_hosts):
        super().__init__(convert_charrefs=True)
        self.iframe_hosts = set(iframe_hosts)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"balise <{tag}> interdite")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"attribut {name}= interdit sur <{tag}>")
            elif name == "style":
                self.problems.append(f"attribut style= interdit sur <{tag}> (utilisez le thème)")
            elif name in URL_ATTRS and value and BAD_SCHEME.match(re.sub(r"[\x00-\x20]", "", value)):
                self.problems.append(f"adresse « {value[:40]} » interdite dans <{tag} {name}=>")
        if tag == "iframe":
            host = urlsplit(dict(attrs).get("src") or "").hostname
            if host not in self.iframe_hosts:
                self.problems.append(f"<iframe> vers « {host or 'sans adresse'} » non autorisé")

    handle_startendtag = handle_starttag


def problems(html: str, iframe_hosts=()) -> list[str]:
    scanner = _Scanner(iframe_hosts)
    scanner.feed(html)
    scanner.close()
    return scanner.problems
