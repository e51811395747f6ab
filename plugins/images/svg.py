"""Uploaded SVG images: an allowlist of drawing elements, refused (never rewritten) otherwise.

``check`` passes a plain drawing only: elements of ``ELEMENTS``, no event-handler attribute,
``href`` and ``url()`` to ``#id`` only, no DTD or entity (parsed with defusedxml); anything
else is an ``SvgError`` naming what was found. Why: docs/untrusted-content.md, docs/hand-written.md.
"""

from __future__ import annotations

import re

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# Drawing, text, paint servers, clipping, masking and filters: no script,
# animation, foreignObject, image (external file) or a/iframe (navigation).
ELEMENTS = frozenset("""
    svg g defs title desc metadata symbol use path rect circle ellipse line polyline polygon
    text tspan textPath linearGradient radialGradient stop pattern clipPath mask marker style
    filter feBlend feColorMatrix feComponentTransfer feComposite feFlood feGaussianBlur
    feMerge feMergeNode feMorphology feOffset feFuncA feFuncR feFuncG feFuncB
    feDropShadow feTile
""".split())
# Namespaces of editors' metadata (Inkscape, Illustrator, RDF) are inert in an image.
METADATA_NS = ("http://www.inkscape.org/", "http://sodipodi.sourceforge.net/",
               "http://ns.adobe.com/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
               "http://purl.org/dc/", "http://creativecommons.org/")
LOCAL_URL = re.compile(r"url\(\s*(['\"]?)\s*#[^)]*\1\s*\)", re.I)


class SvgError(ValueError):
    """An SVG outside the allowlist (French message)."""


def _local(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        ns, _, local = name[1:].partition("}")
        return ns, local
    return "", name


def _value_problem(where: str, name: str, value: str) -> str | None:
    plain = re.sub(r"[\s\x00-\x1f]", "", value).lower()
    if "javascript:" in plain or "data:" in plain:
        return f"{where} : adresse « {value[:40]} » refusée"
    if "url(" in LOCAL_URL.sub("", value).lower().replace(" ", ""):
        return f"{where} : référence externe « {value[:40]} » refusée (url(#id) seulement)"
    if "@import" in plain:
        return f"{where} : @import refusé"
    return None


def check(data: bytes) -> None:
    """Raise SvgError naming the first things outside the allowlist."""
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise SvgError("SVG refusé : DTD ou entités XML interdites") from None
    except ElementTree.ParseError as exc:
        raise SvgError(f"SVG illisible ({exc})") from None
    problems: list[str] = []
    if _local(root.tag) != (SVG_NS, "svg"):
        problems.append("l'élément racine doit être <svg> (espace de noms SVG)")
    for element in root.iter():
        ns, tag = _local(element.tag) if isinstance(element.tag, str) else ("", "?")
        if ns.startswith(METADATA_NS):
            continue
        if ns != SVG_NS or tag not in ELEMENTS:
            problems.append(f"élément <{tag}> refusé")
            continue
        where = f"<{tag}>"
        for name, value in element.attrib.items():
            ans, attr = _local(name)
            if ans.startswith(METADATA_NS) or ans == "http://www.w3.org/XML/1998/namespace":
                continue
            if attr.lower().startswith("on"):
                problems.append(f"{where} : attribut {attr}= refusé (script)")
            elif attr == "href" and ans in ("", XLINK_NS) and not value.strip().startswith("#"):
                problems.append(f"{where} : lien « {value[:40]} » refusé (#id seulement)")
            elif ans not in ("", XLINK_NS):
                problems.append(f"{where} : attribut {attr}= d'un espace de noms inconnu refusé")
            else:
                problem = _value_problem(where, attr, value)
                if problem:
                    problems.append(problem)
        if tag == "style" and element.text:
            problem = _value_problem(where, "style", element.text)
            if problem:
                problems.append(problem)
    if problems:
        unique = list(dict.fromkeys(problems))
        more = f" (et {len(unique) - 5} autre(s))" if len(unique) > 5 else ""
        raise SvgError("SVG refusé : " + " ; ".join(unique[:5]) + more +
                       " — réexportez le dessin sans script ni lien externe, ou utilisez une image PNG")
