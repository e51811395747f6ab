"""Web addresses typed by editors (URL fields, links of Markdown bodies): one check.

``problem`` refuses, with the reason, an address with credentials before the host, a host
that is not a valid IDNA 2008 (UTS 46) name, or a host label mixing scripts (UTS 39 « highly
restrictive »). What and why: docs/untrusted-content.md (« URLs »).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import idna
from fontTools import unicodedata as ucd

WEB_SCHEMES = ("http", "https")
# UTS 39, 5.2 Highly Restrictive: a single script, or one of these sets.
_ALLOWED_SETS = (
    frozenset({"Latn", "Hani", "Hira", "Kana"}),
    frozenset({"Latn", "Hani", "Bopo"}),
    frozenset({"Latn", "Hani", "Hang"}),
)
_NO_SCRIPT = frozenset({"Zyyy", "Zinh", "Zzzz"})  # Common, Inherited, Unknown


def scripts(label: str) -> set[str]:
    return {ucd.script(c) for c in label} - _NO_SCRIPT


def host_problem(host: str) -> str | None:
    """Why ``host`` (a name or an IP address, as urlsplit gives it) is refused, or None."""
    if not host:
        return "aucun nom de site après « // »"
    if host.startswith("[") or host.replace(".", "").isdigit():
        return None  # an IP address: nothing to mistake
    try:
        ascii_host = idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as exc:
        return f"nom de site « {host} » invalide (IDNA : {exc})"
    for label in ascii_host.split("."):
        unicode_label = idna.decode(label) if label.startswith("xn--") else label
        found = scripts(unicode_label)
        if len(found) > 1 and not any(found <= allowed for allowed in _ALLOWED_SETS):
            names = ", ".join(sorted(ucd.script_name(s) for s in found))
            return (f"le nom de site « {host} » mélange des alphabets ({names}) : c'est la "
                    "marque d'une adresse déguisée ; tapez-la au clavier")
    return None


def problem(value: str, schemes=WEB_SCHEMES) -> str | None:
    """Why ``value`` cannot be published as a link, in French, or None."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return f"« {value} » n'est pas une adresse valide (numéro de port ou crochets invalides)"
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        wanted = ", ".join(f"{s}:" for s in schemes)
        return f"« {value} » : type d'adresse refusé (permis : {wanted})"
    if scheme not in WEB_SCHEMES:
        return None
    if not parts.netloc:
        return f"« {value} » n'est pas une adresse {scheme}:// complète"
    if "@" in parts.netloc:
        return (f"« {value} » contient un identifiant avant « @ » : cette adresse mène à "
                f"« {parts.hostname} », pas au site écrit avant ; retirez la partie avant « @ »")
    problem = host_problem(parts.hostname or "")
    return f"« {value} » : {problem}" if problem else None
