"""Named and ad-hoc SPARQL queries over a kgraph dataset, and result formatting."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import islice
from importlib import resources
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef

from .errors import QueryError

if TYPE_CHECKING:
    from rdflib import Dataset
    from rdflib.query import Result

RESULT_FORMATS = ("table", "csv", "tsv", "json", "ttl", "nt", "jsonld")
ROW_FORMATS = ("table", "csv", "tsv", "json")  # SELECT and ASK
GRAPH_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}  # CONSTRUCT and DESCRIBE
DEFAULT_TIMEOUT = 60.0  # seconds a query may run from the CLI
DEFAULT_LIMIT = 10_000  # rows (or triples) a query may print from the CLI
_QUERIES = "kgraph.queries"


def query_names() -> list[str]:
    """Names of the queries shipped with kgraph."""
    return sorted(p.name[:-3] for p in resources.files(_QUERIES).iterdir() if p.name.endswith(".rq"))


@cache
def load_query(name: str) -> str:
    """Text of the named query (``kgraph/queries/NAME.rq``)."""
    path = resources.files(_QUERIES) / f"{name}.rq"
    if not path.is_file():
        raise QueryError(f'No query named "{name}". Available: {", ".join(query_names())}.')
    return str(path.read_text(encoding="utf-8"))


def describe_query(name: str) -> str:
    """The first comment line of a named query: its title."""
    for line in load_query(name).splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


# What a named query's parameter accepts, by the parameter's name.
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARAM_KINDS: dict[str, str] = {
    "from": "date", "to": "date", "date": "date", "since": "date", "until": "date",
    "start": "date", "end": "date", "onDate": "date", "fromDate": "date", "toDate": "date",
    "iso": "iso", "type": "type", "roleConcept": "iri",
}
ENTITY_TYPE_NAMES = ("Person", "Organization", "Country", "Place")


def query_params(name: str) -> dict[str, str]:
    """The parameters a named query declares in its header ("Parameters: ?x ..."), with their
    descriptions; {} for a query that takes none."""
    params: dict[str, str] = {}
    in_section = False
    current: str | None = None
    for line in load_query(name).splitlines():
        if not line.startswith("#"):
            break
        body = line.lstrip("#").strip()
        if body.lower().startswith("parameters"):
            in_section = True
            body = body.split(":", 1)[1] if ":" in body else ""
        if not in_section:
            continue
        for match in re.finditer(r"\?(\w+)", body):
            current = match.group(1)
            params.setdefault(current, "")
        if current is not None:
            params[current] = (params[current] + " " + re.sub(r"^\?\w+\s*", "", body)).strip()
    return params


def _check_value(query: str, param: str, value: str) -> None:
    kind = PARAM_KINDS.get(param)
    problem = None
    if kind == "date":
        import datetime

        try:
            if not _DATE.match(value):
                raise ValueError
            datetime.date.fromisoformat(value)
        except ValueError:
            problem = "expected a date as YYYY-MM-DD, e.g. 2026-03-18"
    elif kind == "iso" and not re.fullmatch(r"[A-Za-z]{2}", value):
        problem = "expected an ISO 3166-1 alpha-2 country code, e.g. UA"
    elif kind == "type" and value not in ENTITY_TYPE_NAMES:
        problem = f"expected one of {', '.join(ENTITY_TYPE_NAMES)}"
    elif kind == "iri" and not re.match(r"^https?://\S+$", value):
        problem = "expected an IRI such as https://w3id.org/kgraph/role/head"
    if problem:
        raise QueryError(f'query "{query}": --param {param}={value!r}: {problem}')


def check_params(name: str, bindings: Mapping[str, Any]) -> None:
    """Refuse a parameter the named query does not take, or a value of the wrong kind."""
    params = query_params(name)
    for key, value in bindings.items():
        param = key.lstrip("?$")
        if param not in params:
            valid = ", ".join(sorted(params)) if params else "none"
            raise QueryError(f'query "{name}" has no parameter "{param}". Its parameters: {valid}.')
        _check_value(name, param, str(value))


def _term(value: Any) -> URIRef | Literal:
    if isinstance(value, (URIRef, Literal)):
        return value
    if isinstance(value, str) and re.match(r"^https?://\S+$", value):
        return URIRef(value)
    return Literal(value)


def _parser_message(sparql: str, exc: Exception, known: frozenset[str] | set[str] = frozenset()) -> str:
    """A one-line, readable parser message (engines list every expected token)."""
    message = " ".join(str(exc).split())
    if "Prefix not found" in message:
        from .guards import strip_sparql

        code = strip_sparql(sparql)
        declared = {m.lower() for m in re.findall(r"(?i)PREFIX\s+([A-Za-z][\w.-]*)?:", code)} | known
        used = re.findall(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?=[\w%\\]|\s|$)", code)
        missing = sorted({u for u in used if u.lower() not in declared and u.upper() != "PREFIX"})
        names = ", ".join(f"{m}:" for m in missing) or "a prefix"
        return f"undefined prefix {names}; declare it with PREFIX {missing[0] if missing else 'name'}: <IRI>"
    head, sep, options = message.partition("expected one of ")
    if sep:
        items = options.split(", ")
        message = head + sep + ", ".join(items[:6]) + (", ..." if len(items) > 6 else "")
    return message[:300]


def check_variables(sparql: str, bindings: Mapping[str, Any]) -> None:
    """Refuse a binding for a variable the query never mentions (a misspelt --param)."""
    from .guards import strip_sparql

    code = strip_sparql(sparql)
    for key in bindings:
        name = key.lstrip("?$")
        if not re.search(r"[?$]" + re.escape(name) + r"(?!\w)", code):
            raise QueryError(f'--param {name}: the query has no variable ?{name}')


def run_query(
    dataset: "Dataset",
    sparql: str,
    *,
    bindings: Mapping[str, Any] | None = None,
    allow_service: bool = False,
) -> "Result":
    """Run a SPARQL query on the dataset; ``bindings`` bind variables to values (no string formatting).

    Updates and ``LOAD`` are refused, and so are ``SERVICE`` calls unless ``allow_service``.
    The Oxigraph engine binds only variables that the query projects: a parameterised
    query lists its parameters in its SELECT clause.
    """
    from .guards import check_query

    check_query(sparql, allow_service=allow_service)
    if bindings:
        check_variables(sparql, bindings)
    init = {k.lstrip("?$"): _term(v) for k, v in (bindings or {}).items()}
    try:
        return dataset.query(sparql, initBindings=init) if init else dataset.query(sparql)
    except Exception as exc:  # parsers and engines raise many kinds of errors
        known = {str(prefix).lower() for prefix, _ in dataset.namespaces()}
        raise QueryError(f"invalid SPARQL: {_parser_message(sparql, exc, known)}") from exc


def run_named(dataset: "Dataset", name: str, *, bindings: Mapping[str, Any] | None = None) -> "Result":
    """Run a named query; its parameters are checked first (names and kinds of value)."""
    check_params(name, bindings or {})
    return run_query(dataset, load_query(name), bindings=bindings)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _limited(result: "Result", limit: int | None) -> tuple[list[Any], bool]:
    """The first ``limit`` rows of a result, and whether more were left out."""
    rows = list(islice(iter(result), None if limit is None else limit + 1))
    if limit is not None and len(rows) > limit:
        return rows[:limit], True
    return rows, False


def result_rows(result: "Result", *, limit: int | None = None) -> tuple[list[str], list[list[str]]]:
    """(variables, rows as strings) of a SELECT result (at most ``limit`` rows)."""
    if result.type != "SELECT":
        raise QueryError(f"only SELECT queries can be shown as a table (this is {result.type})")
    names = [str(v) for v in result.vars or []]
    rows = [[_text(row[i]) for i in range(len(names))] for row in _limited(result, limit)[0]]
    return names, rows


def _json_term(value: Any) -> dict[str, str]:
    if isinstance(value, URIRef):
        return {"type": "uri", "value": str(value)}
    if isinstance(value, Literal):
        term: dict[str, str] = {"type": "literal", "value": str(value)}
        if value.language:
            term["xml:lang"] = value.language
        elif value.datatype is not None and str(value.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            term["datatype"] = str(value.datatype)
        return term
    return {"type": "bnode", "value": str(value)}


def _to_json(names: list[str], rows: list[Any]) -> str:
    bindings = [
        {name: _json_term(row[i]) for i, name in enumerate(names) if row[i] is not None}
        for row in rows
    ]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1)


def to_json(result: "Result") -> str:
    """W3C SPARQL 1.1 Query Results JSON."""
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.askAnswer)})
    return _to_json([str(v) for v in result.vars or []], list(result))


@dataclass(frozen=True, slots=True)
class Rendered:
    """A result as text, how many rows (or triples) it holds and whether some were cut."""

    text: str
    count: int
    truncated: bool


def _render_graph(result: "Result", fmt: str, limit: int | None) -> Rendered:
    from rdflib import Graph

    from .namespaces import bind_prefixes

    if fmt in ("csv", "tsv"):
        raise QueryError(
            f"a {result.type} query returns RDF triples, not rows: use --format ttl, nt or jsonld"
        )
    serializer = GRAPH_FORMATS.get(fmt, "turtle" if fmt == "table" else "json-ld")
    triples, truncated = _limited(result, limit)
    graph = bind_prefixes(Graph())
    for triple in triples:
        graph.add(triple)
    text = graph.serialize(format=serializer)
    return Rendered(text.rstrip("\n"), len(triples), truncated)


def render(result: "Result", fmt: str, *, limit: int | None = None) -> Rendered:
    """A query result as text in ``fmt``, cut to ``limit`` rows (SELECT) or triples
    (CONSTRUCT, DESCRIBE): rows as table/csv/tsv/json, triples as ttl/nt/jsonld (a table
    request prints Turtle, a json request JSON-LD)."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f'Unknown result format "{fmt}". Available: {", ".join(RESULT_FORMATS)}.')
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return _render_graph(result, fmt, limit)
    if fmt in GRAPH_FORMATS:
        raise QueryError(f"a {result.type} query returns rows, not triples: use --format table, csv, tsv or json")
    if result.type == "ASK":
        if fmt == "json":
            return Rendered(json.dumps({"head": {}, "boolean": bool(result.askAnswer)}), 1, False)
        return Rendered("true" if result.askAnswer else "false", 1, False)
    names = [str(v) for v in result.vars or []]
    raw, truncated = _limited(result, limit)
    if fmt == "json":
        return Rendered(_to_json(names, raw), len(raw), truncated)
    rows = [[_text(row[i]) for i in range(len(names))] for row in raw]
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows([[_one_line(c) for c in r] for r in rows] if fmt == "tsv" else rows)
        return Rendered(out.getvalue().rstrip("\n"), len(rows), truncated)
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        cells = [_one_line(c) for c in cells]
        return "  ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(cells, widths)).rstrip()

    lines = [line(names), line(["-" * w for w in widths])]
    lines += [line(r) for r in rows]
    more = "; more left out: raise --limit" if truncated else ""
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}{more})")
    return Rendered("\n".join(lines), len(rows), truncated)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _one_line(cell: str) -> str:
    """A cell fit for one line of a terminal table or TSV: tabs and newlines as spaces,
    other control characters (ANSI escapes, bidi overrides) escaped."""
    cell = cell.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return _CONTROL.sub(lambda m: ascii(m.group())[1:-1], cell)


def format_result(result: "Result", fmt: str, *, limit: int | None = None) -> str:
    """A query result as text (see ``render``)."""
    return render(result, fmt, limit=limit).text
