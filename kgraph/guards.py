"""Guards that keep kgraph offline, bounded and safe with hostile input.

* ``sparql_operations`` finds what a SPARQL text asks the engine to do beyond reading the
  local graph (``SERVICE`` calls, ``LOAD``, updates), after stripping comments, strings and
  IRIs so that a word inside a literal or an IRI never counts.
* ``check_query`` turns those findings into one clear error (kgraph's ``query`` reads; it
  never writes or fetches unless the user opts in).
* ``regular_file`` refuses named pipes, devices, folders and oversized files before anything
  opens them (opening a FIFO blocks forever; ``/dev/zero`` never ends).
* ``check_jsonld_contexts`` refuses a JSON-LD document whose ``@context`` points to a remote
  document (rdflib would fetch it).
* ``safe_name`` prints a file name with control characters escaped, so a name holding a
  newline or an ANSI escape code cannot forge a line in a summary.
"""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path
from typing import Any

from .errors import GraphFormatError, InputError, QueryError

# A query text: 1 MB is far beyond any real query and keeps /dev/zero-like inputs out.
MAX_QUERY_BYTES = 1_000_000

_STRIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"  # IRIs
    r"|#[^\n]*",  # comments
    re.DOTALL,
)
# a keyword, not part of a variable (?service), a prefixed name (ex:load) or a longer word
_KEYWORD = r"(?<![\w?$:.-]){}(?![\w:-])"
UPDATE_KEYWORDS = ("INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
_UPDATE = re.compile(_KEYWORD.format("(" + "|".join(UPDATE_KEYWORDS) + ")"), re.IGNORECASE)
_SERVICE = re.compile(_KEYWORD.format("SERVICE"), re.IGNORECASE)
_LOAD = re.compile(_KEYWORD.format("LOAD"), re.IGNORECASE)
_FORM = re.compile(_KEYWORD.format("(SELECT|ASK|CONSTRUCT|DESCRIBE)"), re.IGNORECASE)


def strip_sparql(text: str) -> str:
    """The query with strings, IRIs and comments blanked out (keywords left in place)."""
    return _STRIP.sub(" ", text)


def sparql_operations(text: str) -> set[str]:
    """Which of "service", "load" and "update" the SPARQL text asks for."""
    code = strip_sparql(text)
    found = set()
    if _SERVICE.search(code):
        found.add("service")
    if _LOAD.search(code):
        found.add("load")
    if _UPDATE.search(code) and not _FORM.search(code):
        found.add("update")
    return found


def check_query(text: str, *, allow_service: bool = False) -> None:
    """Raise QueryError for a query that would write, load a document or call a remote service."""
    ops = sparql_operations(text)
    if "update" in ops or "load" in ops:
        raise QueryError(
            "SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, ...) is refused: kgraph query only "
            "reads; rebuild or use 'kgraph build --store' / 'kgraph remove' to change a graph"
        )
    if "service" in ops and not allow_service:
        raise QueryError(
            "SERVICE calls are refused: they would send your query to a remote server; "
            "pass --allow-service to permit federated queries"
        )


def regular_file(path: Path, *, what: str, max_bytes: int | None = None) -> Path:
    """The path, if it is a regular file no larger than max_bytes; InputError otherwise."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{safe_name(path)}: no such {what}") from None
    except OSError as exc:
        raise InputError(f"{safe_name(path)}: cannot read {what}: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{safe_name(path)}: is a folder, not a {what}")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{safe_name(path)}: not a regular file (a pipe, socket or device); give a {what}")
    if max_bytes is not None and info.st_size > max_bytes:
        raise InputError(
            f"{safe_name(path)}: {what} of {info.st_size:,} bytes is larger than the limit of {max_bytes:,}"
        )
    return path


def read_query_file(path: Path) -> str:
    """The text of a .rq file: a regular UTF-8 file of at most MAX_QUERY_BYTES."""
    regular_file(path, what="query file", max_bytes=MAX_QUERY_BYTES)
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError(f"{safe_name(path)}: query file is not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise QueryError(f"{safe_name(path)}: cannot read query: {exc.strerror or exc}") from exc


def _remote_contexts(node: Any, depth: int = 0) -> list[str]:
    if depth > 200:
        raise GraphFormatError("JSON-LD nested too deeply")
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                values = value if isinstance(value, list) else [value]
                found += [v for v in values if isinstance(v, str)]
                found += [u for v in values if isinstance(v, dict) for u in _remote_contexts(v, depth + 1)]
                if isinstance(value, dict) and isinstance(value.get("@import"), str):
                    found.append(value["@import"])
            else:
                found += _remote_contexts(value, depth + 1)
    elif isinstance(node, list):
        for item in node:
            found += _remote_contexts(item, depth + 1)
    return found


def check_jsonld_contexts(path: Path, data: bytes) -> None:
    """Refuse a JSON-LD document whose @context names a remote (or any external) document."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise GraphFormatError(f"{safe_name(path)}: not valid JSON-LD: {exc}") from None
    remote = _remote_contexts(document)
    if remote:
        raise GraphFormatError(
            f"{safe_name(path)}: JSON-LD @context refers to an external document ({remote[0][:80]}); "
            "kgraph works offline and reads only inline contexts"
        )


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def safe_name(path: Path | str) -> str:
    """A file name fit for one line of terminal output: control characters escaped."""
    text = str(path)
    return _UNSAFE.sub(lambda m: ascii(m.group())[1:-1], text)
