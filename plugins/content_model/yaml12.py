"""YAML read the YAML 1.2 way (core schema), with errors that name the line.

PyYAML implements YAML 1.1: unquoted ``No``, ``yes``, ``on`` become booleans,
``1:30`` becomes 90 and ``2019-09-13`` a date. A CMS writes those values
unquoted, so this loader resolves plain scalars with the YAML 1.2 core schema
only: ``true``/``false``, ``null``/``~``, decimal, octal (``0o``) and hex
(``0x``) integers and floats. Everything else stays a string. Duplicate keys,
which PyYAML silently merges, are errors.
"""

from __future__ import annotations

import re

import yaml

__all__ = ["YamlError", "load", "dump"]


class YamlError(ValueError):
    """A YAML document that cannot be read, with a French message."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


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
    return int(value, 10)


def _construct_bool(loader: _Loader, node: yaml.ScalarNode) -> bool:
    return loader.construct_scalar(node).lower() == "true"


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
_Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
# Explicit !!timestamp or !!set tags are not YAML 1.2 core: keep them strings.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def load(text: str, first_line: int = 1):
    """Parse one YAML document; ``first_line`` offsets line numbers in errors."""
    try:
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


def _str_representer(dumper: _Dumper, value: str):
    # Quote what YAML 1.1 readers would misread, so files we write stay
    # unambiguous for every reader.
    style = "'" if re.fullmatch(r"(?i)y|n|yes|no|on|off|[0-9:._+-]+", value) else None
    if "\n" in value:
        style = "|"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
