"""The docs stay true: README names every command, .ci/run runs the quick start, examples run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section, flags=re.S)]


def test_readme_quick_start_is_two_commands_that_ci_runs() -> None:
    commands = quick_start()
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in commands:
        assert command in ci


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"kgraph {command}" in README


@pytest.fixture(scope="module")
def examples_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("examples") / "graph.trig"
    result = CliRunner().invoke(cli, ["build", str(ROOT / "examples" / "articles"), "-o", str(out), "--silent"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("query", sorted((ROOT / "examples" / "queries").glob("*.rq")), ids=lambda p: p.name)
def test_example_queries_run_on_the_examples(examples_graph: Path, query: Path) -> None:
    result = CliRunner().invoke(cli, ["query", str(examples_graph), "-f", str(query), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) > 1, f"{query.name} found nothing in the examples"


def test_examples_hold_every_input_form() -> None:
    suffixes = {p.suffix for p in (ROOT / "examples" / "articles").iterdir()}
    assert {".txt", ".html", ".jsonl"} <= suffixes
