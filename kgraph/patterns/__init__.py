"""Data files that drive the extractors: word lists, patterns, gazetteers.

``read_patterns(name)`` returns a file's text; ``read_lines(name)`` its non-empty,
non-comment lines.  Both raise KgraphError for an unknown name.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ..errors import KgraphError


def _file(name: str) -> Any:
    path = resources.files(__name__) / name
    if not path.is_file():
        available = sorted(p.name for p in resources.files(__name__).iterdir() if p.is_file() and not p.name.startswith("_"))
        raise KgraphError(f'No pattern file named "{name}". Available: {", ".join(available)}.')
    return path


@cache
def read_patterns(name: str) -> str:
    """Text of the pattern file ``name`` (e.g. "person_titles.txt")."""
    return str(_file(name).read_text(encoding="utf-8"))


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a word list, without '#' comments, stripped."""
    lines = []
    for line in read_patterns(name).splitlines():
        line = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            lines.append(line)
    return tuple(lines)


@cache
def read_json(name: str) -> Any:
    try:
        return json.loads(read_patterns(name))
    except json.JSONDecodeError as exc:
        raise KgraphError(f"patterns/{name}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc


def read_jsonl(name: str) -> list[Any]:
    rows = []
    for number, line in enumerate(read_patterns(name).splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise KgraphError(f"patterns/{name}: invalid JSON on line {number}: {exc.msg}") from exc
    return rows
