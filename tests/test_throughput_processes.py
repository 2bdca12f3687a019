"""A SIGKILLed build: its worker processes end, and the next build sweeps its scratch store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

from kgraph.pipeline import sweep_scratch

from test_store import ROOT, write_stories


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_sweep_removes_the_scratch_stores_of_dead_builds_only(tmp_path: Path) -> None:
    dead = tmp_path / f".graph.nq.build-{dead_pid()}-abcd1234"
    live = tmp_path / f".graph.nq.build-{os.getpid()}-abcd1234"
    other = tmp_path / f".other.nq.build-{dead_pid()}-abcd1234"
    for folder in (dead, live, other):
        (folder / "data").mkdir(parents=True)
    assert sweep_scratch(tmp_path, "graph.nq") == [dead]
    assert not dead.exists() and live.exists() and other.exists()


def test_a_killed_build_leaves_no_workers_and_the_next_build_sweeps_its_scratch(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_stories(inputs, range(200))  # far more than a two-core machine builds before the kill
    out = tmp_path / "out" / "graph.nq"
    command = [sys.executable, "-m", "kgraph", "build", str(inputs), "-o", str(out), "--workers", "2",
               "--batch-size", "2", "--silent"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    build = psutil.Process(process.pid)
    seen: dict[int, psutil.Process] = {}  # every descendant ever seen: one may end before the kill

    def look() -> None:
        try:
            for child in build.children(recursive=True):
                seen.setdefault(child.pid, child)
        except psutil.NoSuchProcess:
            pass

    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            look()
            scratch = list(out.parent.glob(".graph.nq.build-*")) if out.parent.exists() else []
            if scratch and len(seen) >= 3:  # the forkserver and two workers (at least)
                break
            time.sleep(0.1)
        time.sleep(0.5)
        look()
        assert process.poll() is None, "the build ended before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    workers = list(seen.values())
    assert len(workers) >= 3, "the build never started its workers"
    gone, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive, f"processes left behind: {[p.cmdline() for p in alive]}"
    left = list(out.parent.glob(".graph.nq.build-*"))
    assert left and not out.exists()  # killed mid-way: a scratch store stays, no graph file
    # the next build of the same file sweeps it (a build of one article, in a subprocess too)
    write_stories(tmp_path / "one", range(1))
    done = subprocess.run([sys.executable, "-m", "kgraph", "build", str(tmp_path / "one"), "-o", str(out), "--silent"],
                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
    assert done.returncode == 0, done.stderr
    assert out.exists() and not list(out.parent.glob(".graph.nq.build-*"))
