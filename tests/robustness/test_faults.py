"""Kill writing commands at random moments: the previous output stays whole and loadable,
no temporary file is left behind, and two writers of one output never corrupt it."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from kgraph.store import new_dataset, save_dataset, write_atomic

KILLS = [(signal.SIGKILL, 0.3), (signal.SIGINT, 1.0), (signal.SIGKILL, 1.8), (signal.SIGTERM, 2.5)]


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ds = new_dataset()
    for a in range(40):
        g = ds.graph(URIRef(f"https://w3id.org/kgraph/id/article/a{a}"))
        for i in range(400):
            g.add((URIRef(f"https://w3id.org/kgraph/id/person/p{i}"), URIRef("https://w3id.org/kgraph/ns#quote"),
                   Literal(f"statement {a} {i} with a few more words")))
    path = tmp_path_factory.mktemp("faults") / "graph.nq"
    save_dataset(ds, path)
    return path


@pytest.fixture(scope="module")
def exported(graph: Path) -> bytes:
    out = graph.parent / "first.trig"
    subprocess.run([sys.executable, "-m", "kgraph", "export", str(graph), "--format", "trig", "-o", str(out)],
                   check=True, capture_output=True, timeout=120)
    return out.read_bytes()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def loadable(path: Path, fmt: str) -> None:
    Dataset().parse(path, format=fmt)


@pytest.mark.parametrize("sig, delay", KILLS, ids=[f"{s.name}-{d}" for s, d in KILLS])
def test_killed_export_keeps_the_old_output(tmp_path: Path, graph: Path, exported: bytes,
                                            sig: signal.Signals, delay: float) -> None:
    out = tmp_path / "out.trig"
    out.write_bytes(exported)
    before = exported
    proc = subprocess.Popen([sys.executable, "-m", "kgraph", "export", str(graph), "--format", "trig", "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(delay * random.Random(delay).uniform(0.8, 1.2))
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert out.read_bytes() == before  # the same graph: old or new, the bytes are identical
    loadable(out, "trig")
    assert leftovers(tmp_path) == []
    assert b"Traceback" not in proc.stderr.read()  # type: ignore[union-attr]


def test_temporaries_of_a_dead_writer_are_swept(tmp_path: Path) -> None:
    out = tmp_path / "g.trig"
    (tmp_path / ".g.trig.999999999.deadbeef.tmp").write_bytes(b"half")
    write_atomic(out, b"whole")
    assert out.read_bytes() == b"whole"
    assert leftovers(tmp_path) == []


def test_two_writers_of_one_output_never_corrupt_it(tmp_path: Path, graph: Path) -> None:
    out = tmp_path / "out.nt"
    procs = [subprocess.Popen([sys.executable, "-m", "kgraph", "export", str(graph), "--format", fmt, "-o", str(out)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for fmt in ("nt", "nt")]
    for proc in procs:
        assert proc.wait(timeout=300) == 0
    loadable(out, "nt")
    assert leftovers(tmp_path) == []
