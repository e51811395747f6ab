"""YAML read the YAML 1.2 way (core schema), with errors that name the line.

PyYAML implements YAML 1.1: unquoted ``No``, ``yes``, ``on`` become booleans,
``1:30`` becomes 90 and ``2019-09-13`` a date. A CMS writes those values
unquoted, so this loader resolves plain scalars with the YAML 1.2 core schema
only: ``true``/``false``, ``null``/``~``, decimal, octal (``0o``) and hex
(``0x``) integers and floats. Everything else stays a string. Duplicate keys,
which PyYAML silently merges, are errors. The limits below are checked on the parser's
events before anything is built (why: docs/untrusted-content.md).
"""

from __future__ import annotations

import re
import sys

import yaml

from . import textrules

__all__ = ["YamlError", "load", "dump"]


_SEPARATORS = re.compile("[\x85\u2028\u2029]")


class YamlError(ValueError):
    """A YAML document that cannot be read, with a French message."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


MAX_CHARS = 1_000_000  # in one document (a front matter or a data file), checked first
MAX_DEPTH = 32  # lists and mappings nested in one another
MAX_ITEMS = 10_000  # items in one list, or fields in one mapping
MAX_NODES = 100_000  # values in one document, keys included, an alias counted as what it expands to
MAX_EXPANDED_CHARS = 2 * MAX_CHARS  # characters of all scalars once aliases are expanded


def _count(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def _check_limits(text: str, first_line: int = 1) -> None:
    """Walk the parser's events once (nothing is built) and refuse a document
    crossing one of the limits above, naming the line where it does."""
    if len(text) > MAX_CHARS:
        raise YamlError(f"document YAML trop volumineux ({_count(len(text))} caractères, "
                        f"{_count(MAX_CHARS)} au plus)")
    nodes = chars = 0  # so far, each alias counted as what it stands for
    anchors: dict[str, tuple[int, int]] = {}  # anchor -> (nodes, chars) it stands for
    open_: list[list] = []  # [children, max children, nodes and chars before it, anchor]
    for event in yaml.parse(text, Loader=_Loader):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            size = (1, len(event.value))
        elif kind is yaml.AliasEvent:
            if any(frame[4] == event.anchor for frame in open_):
                _refuse(event, first_line, f"l'alias « *{event.anchor} » se contient lui-même")
            size = anchors.get(event.anchor, (1, 0))  # an unknown anchor: the composer says it
        elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            size = (1, 0)
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            _, _, nodes_before, chars_before, anchor = open_.pop()
            if anchor is not None:
                anchors[anchor] = (nodes - nodes_before, chars - chars_before)
            continue
        else:  # stream and document start and end
            continue
        if open_:
            frame = open_[-1]
            frame[0] += 1
            if frame[0] > frame[1]:
                _refuse(event, first_line, f"liste trop longue (plus de {_count(MAX_ITEMS)} éléments)"
                        if frame[1] == MAX_ITEMS else
                        f"trop de champs (plus de {_count(MAX_ITEMS)} dans un même ensemble)")
        if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            if len(open_) == MAX_DEPTH:
                _refuse(event, first_line, f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux "
                        "de listes et de champs les uns dans les autres)")
            limit = MAX_ITEMS if kind is yaml.SequenceStartEvent else 2 * MAX_ITEMS  # keys and values
            open_.append([0, limit, nodes, chars, event.anchor])
        elif kind is yaml.ScalarEvent and event.anchor is not None:
            anchors[event.anchor] = size
        nodes += size[0]
        chars += size[1]
        if nodes > MAX_NODES:
            _refuse(event, first_line, f"document trop grand (plus de {_count(MAX_NODES)} valeurs"
                    + (", alias développés)" if anchors else ")"))
        if chars > MAX_EXPANDED_CHARS:
            _refuse(event, first_line, f"document trop grand une fois les alias développés (plus de "
                    f"{_count(MAX_EXPANDED_CHARS)} caractères)")


def _refuse(event, first_line: int, problem: str):
    line = event.start_mark.line + first_line
    raise YamlError(f"ligne {line}: {problem}", line)


# libyaml's parser when available (much faster); resolvers and constructors stay ours.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    yaml_implicit_resolvers: dict = {}


def _resolver(tag: str, pattern: str, first: str) -> None:
    _Loader.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))


_resolver("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""])
_resolver("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
_resolver(
    "tag:yaml.org,2002:int",
    r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
    "-+0123456789",
)
_resolver(
    "tag:yaml.org,2002:float",
    r"""^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
    "-+0123456789.",
)


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int:
    value = loader.construct_scalar(node)
    if value.startswith("0o"):
        return int(value[2:], 8)
    if value.startswith("0x"):
        return int(value[2:], 16)
    try:
        return int(value, 10)
    except ValueError:  # over Python's limit on decimal digits
        raise yaml.constructor.ConstructorError(
            None, None, f"nombre trop long : {_count(len(value))} chiffres, "
            f"{_count(sys.get_int_max_str_digits())} au plus", node.start_mark
        ) from None


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> dict:
    loader.flatten_mapping(node)
    mapping = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"clé « {key} » en double", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:bool", lambda loader, node: loader.construct_scalar(node).lower() == "true")
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
# Explicit !!timestamp or !!set tags are not YAML 1.2 core: keep them strings.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def load(text: str, first_line: int = 1):
    """Parse one YAML document; ``first_line`` offsets line numbers in errors."""
    # YAML 1.1 (libyaml) reads these as line breaks and folds them away inside a value:
    # refused, not silently altered (typed escapes \N \L \P give them to the schema, which
    # refuses them by field: textrules).
    separator = _SEPARATORS.search(text)
    if separator:
        line = text.count("\n", 0, separator.start()) + first_line
        char = textrules.describe(separator.group())
        raise YamlError(f"ligne {line}: caractère {char} interdit (séparateur invisible, souvent "
                        "collé d'un traitement de texte) : retapez ce passage", line)
    try:
        _check_limits(text, first_line)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = exc.problem or exc.context or "YAML illisible"
        where = f"ligne {line}: " if line else ""
        raise YamlError(f"{where}syntaxe YAML invalide ({problem})", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"syntaxe YAML invalide ({exc})") from None


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml emits 4x faster
    pass


class _CoreResolver(yaml.resolver.BaseResolver):
    """The loader's own implicit resolvers (the same dict), without a parser."""

    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


_CORE = _CoreResolver()


def _str_representer(dumper: _Dumper, value: str):
    # Quoted when this loader (so that load(dump(x)) == x) or a YAML 1.1 reader (the dumper's
    # own resolvers, and the regex) would read the plain string as something else: 1e3, null, no.
    plain_tag = _CORE.resolve(yaml.ScalarNode, value, (True, False))
    style = None
    if plain_tag != "tag:yaml.org,2002:str" or re.fullmatch(r"(?i)y|n|yes|no|on|off|[0-9:._+-]+", value):
        style = "'"
    if "\n" in value:
        style = "|"
    if _SEPARATORS.search(value):
        style = '"'  # escaped as \N, \L, \P: the loader refuses them typed raw
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
