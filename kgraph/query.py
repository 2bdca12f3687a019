"""Named and ad-hoc SPARQL queries over a kgraph dataset, and result formatting."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef

from .errors import QueryError

if TYPE_CHECKING:
    from rdflib import Dataset
    from rdflib.query import Result

RESULT_FORMATS = ("table", "csv", "tsv", "json")
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


def _term(value: Any) -> URIRef | Literal:
    if isinstance(value, (URIRef, Literal)):
        return value
    if isinstance(value, str) and re.match(r"^https?://\S+$", value):
        return URIRef(value)
    return Literal(value)


def run_query(dataset: "Dataset", sparql: str, *, bindings: Mapping[str, Any] | None = None) -> "Result":
    """Run a SPARQL query on the dataset; ``bindings`` bind variables to values (no string formatting).

    The Oxigraph engine binds only variables that the query projects: a parameterised
    query lists its parameters in its SELECT clause.
    """
    init = {k.lstrip("?$"): _term(v) for k, v in (bindings or {}).items()}
    try:
        return dataset.query(sparql, initBindings=init) if init else dataset.query(sparql)
    except Exception as exc:  # parsers and engines raise many kinds of errors
        message = " ".join(str(exc).split())
        raise QueryError(f"invalid SPARQL: {message}") from exc


def run_named(dataset: "Dataset", name: str, *, bindings: Mapping[str, Any] | None = None) -> "Result":
    return run_query(dataset, load_query(name), bindings=bindings)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def result_rows(result: "Result") -> tuple[list[str], list[list[str]]]:
    """(variables, rows as strings) of a SELECT result."""
    if result.type != "SELECT":
        raise QueryError(f"only SELECT queries can be shown as a table (this is {result.type})")
    names = [str(v) for v in result.vars or []]
    rows = [[_text(row[i]) for i in range(len(names))] for row in result]  # type: ignore[index]
    return names, rows


def to_json(result: "Result") -> str:
    """W3C SPARQL 1.1 Query Results JSON."""
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.askAnswer)})
    names = [str(v) for v in result.vars or []]
    bindings = []
    for row in result:
        binding: dict[str, dict[str, str]] = {}
        for i, name in enumerate(names):
            value = row[i]  # type: ignore[index]
            if value is None:
                continue
            if isinstance(value, URIRef):
                binding[name] = {"type": "uri", "value": str(value)}
            elif isinstance(value, Literal):
                term: dict[str, str] = {"type": "literal", "value": str(value)}
                if value.language:
                    term["xml:lang"] = value.language
                elif value.datatype is not None and str(value.datatype) != "http://www.w3.org/2001/XMLSchema#string":
                    term["datatype"] = str(value.datatype)
                binding[name] = term
            else:
                binding[name] = {"type": "bnode", "value": str(value)}
        bindings.append(binding)
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1)


def format_result(result: "Result", fmt: str) -> str:
    """A query result as text: table, csv, tsv or json."""
    if fmt == "json":
        return to_json(result)
    if fmt not in RESULT_FORMATS:
        raise QueryError(f'Unknown result format "{fmt}". Available: {", ".join(RESULT_FORMATS)}.')
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    names, rows = result_rows(result)
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return out.getvalue().rstrip("\n")
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(cells, widths)).rstrip()

    lines = [line(names), line(["-" * w for w in widths])]
    lines += [line(r) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
