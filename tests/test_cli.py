"""Every CLI command, its output and its error messages (CliRunner, real pipeline)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import cli

STORY = """Ministers meet in Geneva over grain corridor

GENEVA, March 3 (Reuters) - Turkish Foreign Minister Hakan Fidan said on Tuesday that talks on a Black Sea grain corridor would resume next week.

"We are ready to host both delegations again," Fidan told reporters in Geneva.

(Reporting by Ana Lima; Editing by Tom Reed)
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "grain.txt").write_text(STORY, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    out = folder / "graph.trig"
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_build_writes_graph_and_summary(built: Path) -> None:
    assert built.exists() and built.stat().st_size > 0
    folder = built.parent
    result = invoke("build", str(folder / "grain.txt"), "-o", str(folder / "again.trig"))
    assert result.exit_code == 0
    assert "1 article" in result.output and "triples" in result.output
    assert "Person" in result.output


def test_build_lists_skipped_files(built: Path) -> None:
    result = invoke("build", str(built.parent), "-o", str(built.parent / "third.nq"), "--silent")
    assert result.exit_code == 0
    assert (built.parent / "third.nq").exists()
    loud = invoke("build", str(built.parent), "-o", str(built.parent / "fourth.nq"))
    assert "notes.md" in loud.output


def test_building_twice_gives_the_same_graph(built: Path) -> None:
    again = built.parent / "twice.trig"
    assert invoke("build", str(built.parent / "grain.txt"), "-o", str(again), "--silent").exit_code == 0
    first = built.parent / "once.trig"
    assert invoke("build", str(built.parent / "grain.txt"), "-o", str(first), "--silent").exit_code == 0
    assert first.read_bytes() == again.read_bytes()


def test_query_named_json(built: Path) -> None:
    result = invoke("query", str(built), "--named", "articles", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    [row] = doc["results"]["bindings"]
    assert row["file"]["value"] == "grain.txt"
    assert row["dateline"]["value"] == "Geneva"
    assert row["agency"]["value"] == "Reuters"


def test_query_entities_names_people_and_countries(built: Path) -> None:
    result = invoke("query", str(built), "--named", "entities", "--format", "csv")
    assert result.exit_code == 0
    assert ",Hakan Fidan,Person" in result.output
    assert ",Turkey,Country" in result.output


def test_query_sparql_string_and_file(built: Path, tmp_path: Path) -> None:
    text = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    result = invoke("query", str(built), text, "--format", "tsv")
    assert result.exit_code == 0 and result.output.splitlines()[0] == "n"
    rq = tmp_path / "count.rq"
    rq.write_text(text, encoding="utf-8")
    assert invoke("query", str(built), "-f", str(rq)).exit_code == 0


def test_query_list() -> None:
    result = invoke("query", "--list")
    assert result.exit_code == 0
    for name in ("articles", "credits", "entities", "roles", "statements"):
        assert name in result.output


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv"])
def test_export_formats(built: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = invoke("export", str(built), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_viz_writes_offline_page(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    result = invoke("viz", str(built), "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Hakan Fidan" in html
    assert "https://cdn" not in html and 'src="http' not in html


def test_stats_text_and_json(built: Path) -> None:
    result = invoke("stats", str(built))
    assert result.exit_code == 0 and "articles" in result.output.lower()
    doc = json.loads(invoke("stats", str(built), "--format", "json").output)
    assert doc["articles"] == 1 and doc["triples"] > 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["build", "missing-folder", "-o", "x.trig"], "missing-folder: no such file or folder"),
        (["build", "{tmp}", "-o", "{tmp}/x.xyz"], "unknown graph format"),
        (["query", "{tmp}/none.trig", "--named", "articles"], "none.trig: no such graph file"),
        (["query", "{graph}", "SELECT WHERE {{"], "invalid SPARQL"),
        (["query", "{graph}", "--named", "peple"], 'No query named "peple"'),
        (["query", "{graph}"], "give exactly one query"),
        (["export", "{tmp}/none.trig", "--format", "ttl", "-o", "{tmp}/o.ttl"], "no such graph file"),
        (["viz", "{tmp}/none.trig", "-o", "{tmp}/o.html"], "no such graph file"),
        (["stats", "{tmp}/none.trig"], "no such graph file"),
    ],
)
def test_errors_are_one_line_messages(built: Path, tmp_path: Path, args: list[str], message: str) -> None:
    args = [a.format(tmp=tmp_path, graph=built) for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_empty_story_is_reported_with_its_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n\n", encoding="utf-8")
    result = invoke("build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "g.trig"))
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["build", "query", "export", "viz", "stats"])
def test_every_command_has_help(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.output


def test_built_graph_carries_the_role_vocabulary(built: Path) -> None:
    """"top diplomat" is no word of the story: the role scheme copied into the graph knows it."""
    result = invoke("query", str(built), "--named", "role_holders", "--param", "roleLabel=top diplomat", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "Hakan Fidan,Foreign Minister" in result.output
