"""examples/dask_build.py on a LocalCluster gives the same store as a single-machine build."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("distributed")

from distributed import Client, LocalCluster  # noqa: E402

from kgraph.pipeline import build_to  # noqa: E402
from kgraph.store import open_oxigraph  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def load_script(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def quads(store_dir: Path) -> set[str]:
    import pyoxigraph

    store = open_oxigraph(store_dir)
    try:
        return {str(q) for q in store.quads_for_pattern(None, None, None, None) if isinstance(q.graph_name, pyoxigraph.NamedNode)}
    finally:
        del store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "examples" / "articles", folder / "examples")
    make_corpus = load_script(ROOT / "scripts" / "make_corpus.py")
    make_corpus.write_corpus(folder / "generated", articles=6, words=120, seed=3)
    # the same story under a second name: both builds must keep one copy, the smaller IRI
    shutil.copy(folder / "generated" / "wire-00001.txt", folder / "generated" / "a-copy.txt")
    (folder / "notes.md").write_text("not an article\n", encoding="utf-8")
    return folder


def test_sharded_build_equals_single_machine_build(corpus: Path, tmp_path: Path) -> None:
    dask_build = load_script(ROOT / "examples" / "dask_build.py")
    single = build_to([corpus], store_dir=tmp_path / "single", output=None)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        summary = dask_build.dask_build([corpus], store_dir=tmp_path / "sharded", shards=tmp_path / "shards",
                                        client=client, chunk_size=3)
    assert summary["shards"] == 4  # 12 files in chunks of 3
    assert len(list((tmp_path / "shards").glob("shard-*.nq"))) == 4
    assert summary["articles"] == single.articles
    assert [d[0] for d in summary["duplicates"]] == ["wire-00001.txt"]
    assert [Path(s.source).name for s in summary["skipped"]] == ["notes.md"]
    expected, actual = quads(tmp_path / "single"), quads(tmp_path / "sharded")
    assert actual == expected, (sorted(expected - actual)[:5], sorted(actual - expected)[:5])


def test_files_are_chunked_in_build_order(corpus: Path) -> None:
    dask_build = load_script(ROOT / "examples" / "dask_build.py")
    files = dask_build.list_files([corpus])
    assert [f.name for f in files][:2] == ["eu-japan-summit.html", "more.jsonl"]
    assert not any(part.startswith(".") for f in files for part in f.parts[len(corpus.parts):])
    assert [len(c) for c in dask_build.chunks(files, 4)] == [4, 4, 4]
