"""The persistent store: real on-disk stores, the real CLI, a build killed mid-way.

Every story here is invented.  The spaCy pipeline is loaded once per test session and
handed to the CLI's builds (``make_nlp`` patched), except in the kill test, which runs
the command in a subprocess.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import kgraph.nlp
from kgraph.cli import cli
from kgraph.identity import article_iri
from kgraph.pipeline import count_articles
from kgraph.query import result_rows, run_named
from kgraph.store import open_graph, open_oxigraph

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = [
    ("Teodora Vasquel", "Vasquel", "Nordic Fisheries Council", "Norwegian"),
    ("Ilmar Kaskeler", "Kaskeler", "Baltic Ports Authority", "Estonian"),
    ("Renata Okonkwe", "Okonkwe", "West African Grain Board", "Ghanaian"),
    ("Matteo Brunsvik", "Brunsvik", "Alpine Water Commission", "Austrian"),
    ("Sofia Lindqvarn", "Lindqvarn", "Arctic Shipping Forum", "Finnish"),
    ("Hugo Ferramonte", "Ferramonte", "Iberian Rail Agency", "Portuguese"),
]
CITIES = ["Oslo", "Tallinn", "Accra", "Vienna", "Helsinki", "Lisbon"]


def story(i: int, *, twist: str = "") -> str:
    """An invented wire story; ``i`` picks the people and places, ``twist`` changes the body."""
    person, surname, org, demonym = PEOPLE[i % len(PEOPLE)]
    city = CITIES[i % len(CITIES)]
    return (
        f"{org} to resume quota talks, round {i}\n\n"
        f"{city.upper()}, May {1 + i % 27} (Reuters) - {demonym} Foreign Minister {person} said on Monday "
        f"that talks with the {org} on fishing quotas would resume next month{twist}.\n\n"
        f'"We expect a fair agreement for the coastal towns on both sides of the water," {surname} '
        f"told reporters in {city} after meeting officials, round {i}.\n"
    )


def write_stories(folder: Path, numbers: range | list[int], **kwargs: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in numbers:
        path = folder / f"story-{i:03d}.txt"
        path.write_text(story(i, **kwargs), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(autouse=True)
def shared_nlp(nlp, monkeypatch):  # type: ignore[no-untyped-def]
    """Builds in this process reuse the session's pipeline instead of loading it again."""
    monkeypatch.setattr(kgraph.nlp, "make_nlp", lambda model=None, **kwargs: nlp)


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def ok(*args: object) -> Result:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result


def dump(store: Path) -> list[str]:
    """Every quad of a store as sorted N-Quads lines."""
    import pyoxigraph

    ox_store = open_oxigraph(store)
    lines = bytes(ox_store.dump(format=pyoxigraph.RdfFormat.N_QUADS)).decode("utf-8").splitlines()
    return sorted(lines)


def named(graph: Path, name: str) -> list[list[str]]:
    header, rows = result_rows(run_named(open_graph(graph), name))
    return sorted(rows)


def article_files(store: Path) -> list[str]:
    return [row[0] for row in named(store, "articles")]


def test_store_is_created_and_re_adding_changes_nothing(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_stories(inputs, range(3))
    store = tmp_path / "store"
    first = ok("build", inputs, "--store", store)
    assert "3 added, 0 replaced, 0 unchanged" in first.output
    assert (store / "kgraph-store.json").is_file()
    before = dump(store)
    again = ok("build", inputs, "--store", store)
    assert "0 added, 0 replaced, 3 unchanged" in again.output
    assert dump(store) == before


def test_changed_story_under_a_known_url_replaces_the_old_one(tmp_path: Path) -> None:
    store = tmp_path / "store"
    url = "https://news.example/fisheries/quota-talks"
    old = tmp_path / "old" / "feed.jsonl"
    old.parent.mkdir()
    old.write_text(json.dumps({"url": url, "text": story(1)}) + "\n", encoding="utf-8")
    ok("build", old, "--store", store)
    new = tmp_path / "new" / "update.jsonl"
    new.parent.mkdir()
    new.write_text(json.dumps({"url": url, "text": story(1, twist=", officials in three capitals said")}) + "\n",
                   encoding="utf-8")
    result = ok("build", new, "--store", store)
    assert "0 added, 1 replaced" in result.output
    assert article_files(store) == ["update.jsonl#1"]
    assert "three capitals" in " ".join(dump(store))


def test_the_same_story_in_several_files_is_one_article_whatever_the_order(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, name in ((a, "wire-copy.txt"), (b, "republished.txt")):
        folder.mkdir()
        (folder / name).write_text(story(2), encoding="utf-8")
    together, apart = tmp_path / "together", tmp_path / "apart"
    result = ok("build", a, b, "--store", together)
    assert "1 added" in result.output and "1 duplicate" in result.output
    assert "wire-copy.txt" in result.output  # named as the duplicate
    ok("build", b, "--store", apart)
    ok("build", a, "--store", apart)
    assert article_files(together) == article_files(apart) == ["republished.txt"]
    assert dump(together) == dump(apart)


def test_remove_by_path_url_and_iri(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    paths = write_stories(inputs, range(3))
    feed = inputs / "feed.jsonl"
    feed.write_text(json.dumps({"url": "https://news.example/a/1", "text": story(4)}) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    ok("build", inputs, "--store", store)
    assert len(article_files(store)) == 4
    missing = run("remove", "--store", store, "no-such-story.txt", paths[0])
    assert missing.exit_code == 1 and "no-such-story.txt" in missing.output and "nothing was removed" in missing.output
    assert len(article_files(store)) == 4
    result = ok("remove", "--store", store, paths[0], "https://news.example/a/1", str(article_iri(paths[1].name)))
    assert "Removed 3 articles" in result.output
    assert article_files(store) == ["story-002.txt"]
    # the removed articles' facts are gone, the kept article's facts stay
    text = " ".join(dump(store))
    assert PEOPLE[2][0] in text and PEOPLE[0][0] not in text and PEOPLE[4][0] not in text


def test_incremental_builds_equal_one_batch(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    write_stories(first, [0, 1, 3])
    write_stories(second, [2, 3, 4])  # story 3 arrives twice: the same article
    batch, steps = tmp_path / "batch", tmp_path / "steps"
    ok("build", first, second, "--store", batch)
    ok("build", second, "--store", steps)
    ok("build", first, "--store", steps)
    for name in ("entities", "roles", "statements"):
        assert named(batch, name) == named(steps, name), name
    assert named(batch, "roles")  # the comparison is not vacuous
    assert dump(batch) == dump(steps)


def test_every_graph_command_reads_a_store(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_stories(inputs, range(2))
    store = tmp_path / "store"
    ok("build", inputs, "--store", store, "-o", tmp_path / "copy.trig")
    stats = json.loads(ok("stats", store, "--format", "json").stdout)
    assert stats["articles"] == 2
    assert PEOPLE[1][0] in ok("query", store, "--named", "roles", "--format", "csv").stdout
    ok("export", store, "--format", "nq", "-o", tmp_path / "out.nq")
    exported = sorted((tmp_path / "out.nq").read_text(encoding="utf-8").splitlines())
    assert exported == dump(store)
    ok("viz", store, "-o", tmp_path / "graph.html")
    assert (tmp_path / "graph.html").stat().st_size > 0
    assert json.loads(ok("stats", tmp_path / "copy.trig", "--format", "json").stdout)["articles"] == 2


def test_a_failed_build_keeps_the_old_file(tmp_path: Path) -> None:
    write_stories(tmp_path / "in", range(1))
    good = tmp_path / "good.trig"
    ok("build", tmp_path / "in", "-o", good, "--silent")
    before = good.read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("no article here", encoding="utf-8")
    result = run("build", empty, "-o", good)
    assert result.exit_code == 1
    assert "no article could be read from" in result.output and "notes.md" in result.output
    assert "left unchanged" in result.output and "Traceback" not in result.output
    assert good.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".good.trig")]  # no scratch left behind


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_triple_formats_are_refused_as_build_outputs(tmp_path: Path, suffix: str) -> None:
    write_stories(tmp_path / "in", range(1))
    result = run("build", tmp_path / "in", "-o", tmp_path / f"g{suffix}")
    assert result.exit_code == 1
    assert "named graphs" in result.output and ".trig" in result.output
    assert not (tmp_path / f"g{suffix}").exists()


def test_build_needs_an_output_and_a_store_folder_must_be_a_store(tmp_path: Path) -> None:
    write_stories(tmp_path / "in", range(1))
    assert "give -o FILE" in run("build", tmp_path / "in").output
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "thesis.docx").write_text("x", encoding="utf-8")
    result = run("build", tmp_path / "in", "--store", tmp_path / "busy")
    assert result.exit_code == 1 and "is not a kgraph store" in result.output
    assert "is a folder but not a kgraph store" in run("stats", tmp_path / "busy").output


def test_a_store_inside_an_input_folder_is_not_read_as_articles(tmp_path: Path) -> None:
    write_stories(tmp_path, range(1))
    ok("build", tmp_path, "--store", tmp_path / "store")
    result = ok("build", tmp_path, "--store", tmp_path / "store")
    assert "oxigraph" not in result.output and "1 unchanged" in result.output


def test_a_killed_build_leaves_whole_batches_and_a_rerun_finishes_it(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_stories(inputs, range(40))
    store = tmp_path / "store"
    command = [sys.executable, "-m", "kgraph", "build", str(inputs), "--store", str(store),
               "--batch-size", "2", "--silent"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = 0
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if (store / "kgraph-store.json").exists():
                try:
                    seen = count_articles(open_oxigraph(store))
                except Exception:  # the writer is still creating the store
                    seen = 0
                if seen >= 2:
                    break
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        assert process.stderr is not None
        process.stderr.close()
    assert seen >= 2, "the build never committed a batch"
    interrupted = dump(store)  # the store opens
    kept = count_articles(open_oxigraph(store))
    assert 2 <= kept < 40 and kept % 2 == 0  # whole batches of two articles
    # a clean build of the same articles, uninterrupted, in this process
    clean = tmp_path / "clean"
    ok("build", inputs, "--store", clean, "--batch-size", "2")
    assert set(interrupted) <= set(dump(clean))  # nothing half-written, nothing foreign
    rerun = ok("build", inputs, "--store", store, "--batch-size", "2")  # the same command, in this process
    assert f"{kept} unchanged" in rerun.output
    assert dump(store) == dump(clean)


def test_a_second_writer_is_refused_while_readers_go_on(tmp_path: Path) -> None:
    write_stories(tmp_path / "in", range(1))
    store = tmp_path / "store"
    ok("build", tmp_path / "in", "--store", store)
    writer = open_oxigraph(store, read_only=False)
    try:
        result = run("remove", "--store", store, "story-000.txt")
        assert result.exit_code == 1 and "in use by another kgraph command" in result.output
        assert article_files(store) == ["story-000.txt"]  # reading is fine meanwhile
    finally:
        del writer
    ok("remove", "--store", store, "story-000.txt")
    assert article_files(store) == []
