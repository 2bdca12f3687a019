"""Hostile and mistaken queries: refused with one clear line, bounded in time and size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.cli import cli
from kgraph.errors import EXIT_TIMEOUT, QueryError
from kgraph.guards import check_query, sparql_operations
from kgraph.query import check_params, query_names, query_params, render, run_query
from kgraph.store import new_dataset, save_dataset

from rdflib import Literal, URIRef


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ds = new_dataset()
    g = ds.graph(URIRef("https://w3id.org/kgraph/id/article/a"))
    for i in range(30):
        g.add((URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), Literal(f"value\t{i}\nline")))
    path = tmp_path_factory.mktemp("q") / "g.trig"
    save_dataset(ds, path)
    return path


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("text, ops", [
    ("SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }", {"service"}),
    ("select * where { service silent <http://x/> { ?s ?p ?o } }", {"service"}),
    ("LOAD <http://evil.example/data.ttl>", {"load"}),
    ("INSERT DATA { <a:b> <a:c> <a:d> }", {"update"}),
    ("DELETE WHERE { ?s ?p ?o }", {"update"}),
    ("DROP ALL", {"update"}),
    # the words inside strings, IRIs, comments, variables and prefixed names do not count
    ('SELECT ?service WHERE { ?service <http://x/load> "SERVICE <http://y/>" }  # DROP ALL', set()),
    ("PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:insert ?o ; ex:service ?x }", set()),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", set()),
])
def test_sparql_operations(text: str, ops: set[str]) -> None:
    assert sparql_operations(text) == ops


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_operations_never_crash(text: str) -> None:
    assert sparql_operations(text) <= {"service", "load", "update"}


def test_service_is_refused_unless_allowed() -> None:
    with pytest.raises(QueryError, match="SERVICE calls are refused"):
        check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", allow_service=True)


@pytest.mark.parametrize("args, message", [
    (["SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "SERVICE calls are refused"),
    (["INSERT DATA { <a:b> <a:c> <a:d> }"], "SPARQL Update"),
    (["LOAD <http://127.0.0.1:9/x.ttl>"], "SPARQL Update"),
    (["SELECT * WHERE { ?s foo:bar ?o }"], "undefined prefix foo:; declare it with PREFIX foo: <IRI>"),
    (["--named", "statements_between_dates", "--param", "from=18/03/2026"], "expected a date as YYYY-MM-DD"),
    (["--named", "statements_between_dates", "--param", "from=2026-02-30"], "expected a date as YYYY-MM-DD"),
    (["--named", "statements_between_dates", "--param", "frm=2026-01-01"], 'has no parameter "frm". Its parameters: from, to.'),
    (["--named", "entities_by_type", "--param", "type=Persn"], "expected one of Person, Organization"),
    (["--named", "entities", "--param", "x=1"], 'query "entities" has no parameter "x". Its parameters: none.'),
    (["SELECT ?s WHERE { ?s ?p ?o }", "--param", "sx=1"], "the query has no variable ?sx"),
    (["SELECT ?s WHERE { ?s ?p ?o }", "--format", "ttl"], "returns rows, not triples"),
    (["CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "--format", "csv"], "returns RDF triples, not rows"),
])
def test_query_errors_are_one_line(graph: Path, args: list[str], message: str) -> None:
    result = invoke("query", str(graph), *args)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_parser_message_is_short(graph: Path) -> None:
    result = invoke("query", str(graph), "SELECT * WHERE { ?s ?p ?o . FILTER(?x = }")
    assert result.exit_code == 1
    assert "invalid SPARQL" in result.output and len(result.output) < 400


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_query_file_that_is_no_regular_file(graph: Path, tmp_path: Path, special: str) -> None:
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "q.rq"
        os.mkfifo(path)
    result = invoke("query", str(graph), "-f", str(path))
    assert result.exit_code == 1
    assert "not a regular file" in result.output


def test_construct_prints_rdf(graph: Path) -> None:
    text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2"
    turtle = invoke("query", str(graph), text)
    assert turtle.exit_code == 0 and "@prefix" in turtle.output or "<http://example.org/" in turtle.output
    nt = invoke("query", str(graph), text, "--format", "nt")
    assert nt.exit_code == 0 and len(nt.output.strip().splitlines()) == 2
    js = invoke("query", str(graph), text, "--format", "json")
    assert js.exit_code == 0 and '"@id"' in js.output and "bindings" not in js.output


def test_limit_cuts_rows_and_says_so(graph: Path) -> None:
    result = CliRunner().invoke(cli, ["query", str(graph), "SELECT ?s WHERE { ?s ?p ?o }", "--limit", "5", "--format", "csv"])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 6  # header + 5
    assert "output cut at 5" in result.stderr


def test_cells_with_tabs_and_newlines_stay_on_one_line(graph: Path) -> None:
    ds_result = invoke("query", str(graph), "SELECT ?o WHERE { ?s ?p ?o }", "--format", "tsv")
    lines = ds_result.output.strip().splitlines()
    assert len(lines) == 31 and all("\t" not in line for line in lines[1:])


def test_cartesian_query_is_stopped_by_the_time_limit(graph: Path) -> None:
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    proc = subprocess.run([sys.executable, "-m", "kgraph", "query", str(graph), text, "--timeout", "1"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == EXIT_TIMEOUT
    assert "time limit of 1 s" in proc.stderr


def test_every_named_query_lists_its_parameters() -> None:
    listing = invoke("query", "--list")
    assert listing.exit_code == 0
    for name in query_names():
        for param in query_params(name):
            check_params(name, {})  # no parameter is always valid
            assert param in listing.output


def test_run_query_refuses_service_in_the_library() -> None:
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(new_dataset("memory"), "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")


def test_render_ask() -> None:
    result = run_query(new_dataset(), "ASK { ?s ?p ?o }")
    assert render(result, "table").text == "false"
