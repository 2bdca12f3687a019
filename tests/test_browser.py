"""The examples' HTML page in headless Chromium: vis.js draws the graph with no network.

Runs where Chromium is installed (Debian package ``chromium``); skipped elsewhere.
The browser is started with every network address mapped to nowhere, so the page can
only draw if everything it needs is inside the file.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_examples_page_draws_offline(tmp_path: Path) -> None:
    graph, page = tmp_path / "graph.trig", tmp_path / "graph.html"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(ROOT / "examples" / "articles"), "-o", str(graph), "--silent"]).exit_code == 0
    assert runner.invoke(cli, ["viz", str(graph), "-o", str(page)]).exit_code == 0
    run = subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=5000", "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "<canvas" in run.stdout  # vis.js ran and drew
