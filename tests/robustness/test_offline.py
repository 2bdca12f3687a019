"""No network access from a read-only, offline tool: remote JSON-LD contexts and SERVICE
calls are refused before anything is sent (a loopback server counts the requests)."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import cli
from kgraph.store import new_dataset, save_dataset


class Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        Counter.hits.append(self.path)
        body = b'{"@context": {"name": "http://schema.org/name"}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    Counter.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("command", [["stats"], ["query", "--named", "entities"], ["export", "--format", "nt", "-o", "x.nt"],
                                     ["viz", "-o", "x.html"]])
def test_remote_jsonld_context_is_never_fetched(tmp_path: Path, server: str, command: list[str]) -> None:
    graph = tmp_path / "remote.jsonld"
    graph.write_text('{"@context": "%s/ctx.jsonld", "@id": "http://example.org/a", "name": "A"}' % server)
    args = [command[0], str(graph), *[str(tmp_path / a) if a.startswith("x.") else a for a in command[1:]]]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "reads only inline contexts" in result.output
    assert Counter.hits == []


def test_service_is_never_called(tmp_path: Path, server: str) -> None:
    graph = tmp_path / "g.trig"
    save_dataset(new_dataset(), graph)
    query = f"SELECT * WHERE {{ SERVICE <{server}/sparql> {{ ?s ?p ?o }} }}"
    result = CliRunner().invoke(cli, ["query", str(graph), query])
    assert result.exit_code == 1 and "SERVICE calls are refused" in result.output
    assert Counter.hits == []


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_graph_that_is_no_regular_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "g.trig"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    for command in (["stats", str(path)], ["query", str(path), "--named", "entities"]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 1
        assert "not a regular file" in result.output
