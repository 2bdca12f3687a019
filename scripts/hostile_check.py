#!/usr/bin/env python3
"""Run every kgraph command against a generated hostile corpus and count what went wrong.

    python scripts/hostile_check.py [--workdir DIR] [--big-mb 50]

Each case runs the real CLI in a subprocess with a wall-clock limit and is judged on:
a traceback on stderr, a hang past the limit, a lost or unloadable output (a good output
written before the case must survive it), a request reaching a loopback server that stands
for "the network", and (for the HTML page, with Chromium present) an executed script --
the last is covered by tests/test_browser.py.  Prints one line per case and a summary;
exit status 1 when any case failed.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

KG = [sys.executable, "-m", "kgraph"]
STORY = (
    "{title}\n\nPORTO ALTO, May 2 (Reuters) - Envoys from Valdoria and Kestrel Bay met on Saturday to "
    "discuss fishing rights along the disputed northern coast, {name} said.\n\n"
    "\"We expect a written agreement before the end of the month,\" said {name}, the chief "
    "negotiator for Valdoria.\n"
)
PAYLOADS = ["<script>window.__pwned=1</script>", "<img src=x onerror=window.__pwned=1>",
            "javascript:window.__pwned=1", "</script><script>window.__pwned=1</script>",
            "Evil\u202eNAME\u202c Person", "Null\x00Byte Name", "Ansi\x1b[31m Red"]


class Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        Counter.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


def corpus(folder: Path, net: str, big_mb: int) -> None:
    folder.mkdir(parents=True)
    good = STORY.format(title="Harbour talks resume in Valdoria", name="Marta Quensel")
    (folder / "good.txt").write_text(good, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "latin1.txt").write_bytes(good.replace("Quensel", "Quénsel").encode("latin-1"))
    (folder / "utf16.txt").write_bytes(good.encode("utf-16"))
    (folder / "truncated.html").write_text("<html><head><title>Harbour", encoding="utf-8")
    (folder / "nested.html").write_text("<div>" * 20000 + good + "</div>" * 20000, encoding="utf-8")
    deep = "[" * 20000 + "]" * 20000
    (folder / "deep-ld.html").write_text(
        f'<html><head><script type="application/ld+json">{deep}</script></head><body><p>{good}</p></body></html>')
    with open(folder / "huge.html", "w", encoding="utf-8") as fh:
        fh.write("<html><body>")
        paragraph = "<p>" + good.replace("\n", " ") + "</p>\n"
        while fh.tell() < big_mb * 1_000_000:
            fh.write(paragraph * 100)
        fh.write("</body></html>")
    lines = [json.dumps({"headline": p + " talks", "text": STORY.format(title=p, name=f"Ana {p} Lima")})
             for p in PAYLOADS]
    lines += ["{broken", "[" * 50000 + "]" * 50000, json.dumps({"text": good * 4000})]
    (folder / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (folder / "scripts.txt").write_text("Переговоры 王毅 李强 مرحبا\n\nСергей Лавров и Дмитрий Песков встретились.\n")
    (folder / "dup-a.txt").write_text(good, encoding="utf-8")
    (folder / "dup-b.txt").write_text(good, encoding="utf-8")
    (folder / "bad\nname\x1b[2J.txt").write_text(good, encoding="utf-8")
    (folder / "remote.html").write_text(
        f'<html><head><link rel="stylesheet" href="{net}/x.css"><script src="{net}/x.js"></script>'
        f'<script type="application/ld+json">{{"@context": "{net}/ctx", "headline": "Harbour"}}</script>'
        f"</head><body><article><p>{good}</p></article></body></html>")
    os.mkfifo(folder / "pipe.txt")
    (folder / "device.txt").symlink_to("/dev/zero")
    (folder / "loop").mkdir()
    (folder / "loop" / "up").symlink_to(folder, target_is_directory=True)
    many = folder / "many"
    many.mkdir()
    for i in range(2000):
        (many / f"note{i}.md").write_text("not an article")


def run(args: list[str], limit: float, cwd: Path) -> tuple[int | None, str, float]:
    start = time.perf_counter()
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=limit, cwd=cwd,
                              stdin=subprocess.DEVNULL, errors="replace")
        return proc.returncode, proc.stderr + proc.stdout, time.perf_counter() - start
    except subprocess.TimeoutExpired:
        return None, "", time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--big-mb", type=int, default=50)
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kgraph-hostile-"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counter)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    net = f"http://127.0.0.1:{httpd.server_address[1]}"
    corpus(work / "in", net, args.big_mb)
    out = work / "graph.trig"
    cases: list[tuple[str, list[str], float, tuple[int, ...], Path | None]] = []
    cases.append(("build hostile folder", KG + ["build", str(work / "in"), "-o", str(out), "--silent"], 900, (0, 3), out))
    graph = str(out)
    (work / "remote.jsonld").write_text(json.dumps({"@context": f"{net}/ctx", "@id": "http://x/a", "name": "A"}))
    os.mkfifo(work / "pipe.trig")
    (work / "zero.rq").symlink_to("/dev/zero")
    queries = [
        ("cartesian query", [graph, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                             "--timeout", "3"], (4,)),
        ("SERVICE query", [graph, f"SELECT * WHERE {{ SERVICE <{net}/sparql> {{ ?s ?p ?o }} }}"], (1,)),
        ("update query", [graph, "DELETE WHERE { ?s ?p ?o }"], (1,)),
        ("LOAD query", [graph, f"LOAD <{net}/data.ttl>"], (1,)),
        ("query file /dev/zero", [graph, "-f", str(work / "zero.rq")], (1,)),
        ("graph is a pipe", [str(work / "pipe.trig"), "--named", "entities"], (1,)),
        ("remote JSON-LD context", [str(work / "remote.jsonld"), "--named", "entities"], (1,)),
        ("CONSTRUCT as json", [graph, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3", "--format", "json"], (0,)),
        ("misspelt parameter", [graph, "--named", "statements_between_dates", "--param", "frm=2026-01-01"], (1,)),
        ("bad date parameter", [graph, "--named", "statements_between_dates", "--param", "from=18/03/2026"], (1,)),
        ("undefined prefix", [graph, "SELECT * WHERE { ?s foo:bar ?o }"], (1,)),
    ]
    for name, qargs, codes in queries:
        cases.append((name, KG + ["query", *qargs], 60, codes, None))
    for fmt in ("graphml", "gexf", "csv", "ttl", "nq", "jsonld"):
        cases.append((f"export {fmt}", KG + ["export", graph, "--format", fmt, "-o", str(work / f"g.{fmt}")], 300, (0,),
                      work / f"g.{fmt}"))
    cases.append(("viz", KG + ["viz", graph, "-o", str(work / "g.html")], 300, (0,), work / "g.html"))
    cases.append(("viz --max-nodes 0", KG + ["viz", graph, "-o", str(work / "g.html"), "--max-nodes", "0"], 60, (1, 2), None))
    cases.append(("stats", KG + ["stats", graph], 120, (0,), None))
    cases.append(("validate", KG + ["validate", graph], 300, (0, 1), None))
    cases.append(("build no article keeps old file",
                  KG + ["build", str(work / "in" / "many"), "-o", graph, "--silent"], 120, (1,), out))

    failures = 0
    for name, cmd, limit, codes, output in cases:
        before = output.read_bytes() if output is not None and output.exists() else None
        code, text, seconds = run(cmd, limit, work)
        problems = []
        if code is None:
            problems.append(f"hang (> {limit:g} s)")
        elif code not in codes:
            problems.append(f"exit {code}, expected {codes}")
        if "Traceback" in text:
            problems.append("traceback")
        if output is not None and before is not None and code not in (0, 3) and output.read_bytes() != before:
            problems.append("previous output changed")
        if output is not None and code in (0, 3) and not output.exists():
            problems.append("no output")
        leftovers = [p.name for p in work.iterdir() if p.name.endswith(".tmp")]
        if leftovers:
            problems.append(f"temporary files left: {leftovers}")
        if Counter.hits:
            problems.append(f"network requests: {Counter.hits}")
            Counter.hits = []
        failures += bool(problems)
        first = text.strip().splitlines()[-1][:110] if text.strip() else ""
        print(f"{'FAIL' if problems else 'ok  '} {name:<34} {seconds:6.1f} s  {'; '.join(problems) or first}")
    httpd.shutdown()
    if graph and Path(graph).exists():
        for check in ("g.graphml", "g.gexf"):
            import xml.etree.ElementTree as ET

            try:
                ET.parse(work / check)
            except (ET.ParseError, OSError) as exc:
                failures += 1
                print(f"FAIL {check} is not valid XML: {exc}")
    print(f"{len(cases)} cases, {failures} failed (work folder: {work})")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
