"""Hostile YAML documents (issue 12 item 4), shared by the yaml12 unit tests and
the build tests in tests/test_yaml_attacks.py.

Each attack is a function of the field (or data list) it fills, returning the
YAML text of a front matter (the part between the ``---`` lines) or of a data
file. ``REFUSALS`` gives what yaml12 says about each one, and on which line of
that text (1 = its first line; None: no line, the whole document is refused).
"""

from __future__ import annotations


def billion_laughs(field: str = "keywords", levels: int = 9, width: int = 9) -> str:
    """Aliases of aliases: ``width ** levels`` items (387 million) in a few hundred bytes."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    lines.append(f"{field}: *a{levels - 1}")
    return "\n".join(lines) + "\n"


def long_list(field: str = "keywords", items: int = 150_000) -> str:
    """A block list far longer than any real one (600 kB, under the file size limit)."""
    return f"{field}:\n" + "- a\n" * items


def deep_block(field: str = "keywords", depth: int = 100_000) -> str:
    """Nested block sequences on one line: ``- - - - x`` (200 kB)."""
    return f"{field}:\n" + "- " * depth + "x\n"


def deep_mappings(field: str = "keywords", depth: int = 500) -> str:
    """Nested block mappings, one more indentation step per line (the classic shape)."""
    return f"{field}:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(depth)) + " " * (depth + 1) + "x\n"


def deep_flow(field: str = "keywords", depth: int = 100_000) -> str:
    """Nested flow sequences ``[[[[…]]]]`` (200 kB)."""
    return f"{field}: " + "[" * depth + "x" + "]" * depth + "\n"


def huge_file(field: str = "summary", size: int = 5_000_000) -> str:
    """A 5 MB document: one long folded string."""
    return f"{field}: " + "a" * size + "\n"


ATTACKS = {
    "billion laughs": billion_laughs,
    "long list": long_list,
    "deep block sequences": deep_block,
    "deep block mappings": deep_mappings,
    "deep flow sequences": deep_flow,
    "huge file": huge_file,
}

REFUSALS = {
    "billion laughs": ("document trop grand (plus de 100 000 valeurs, alias développés)", 6),  # a5: 9**6
    "long list": ("liste trop longue (plus de 10 000 éléments)", 10_002),  # item 10,001
    "deep block sequences": ("imbrication trop profonde (plus de 32 niveaux", 2),
    "deep block mappings": ("imbrication trop profonde (plus de 32 niveaux", 33),
    "deep flow sequences": ("imbrication trop profonde (plus de 32 niveaux", 1),
    "huge file": ("document YAML trop volumineux (", None),  # size varies with the field name
}
