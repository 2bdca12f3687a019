"""The news map: model read from the fixture, the selection, the layout and the page's safety."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from graph_fixture import FRANCE, GERMANY, JON, MARIA, PARIS, ROLE_EVIDENCE, STATEMENT_EVIDENCE, TITLES, WTC, build_dataset
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from kgraph.cli import cli
from kgraph.errors import KgraphError
from kgraph.store import save_dataset
from kgraph.visualise import draw
from kgraph.visualise.layout import layout
from kgraph.visualise.model import read_model
from kgraph.visualise.page import json_for_script, render_page
from kgraph.visualise.view import select_view

REMOTE = re.compile(r"""<\w+\b[^<>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)
IDENTITY = URIRef("https://w3id.org/kgraph/identity")
CANONICAL = URIRef("https://w3id.org/kgraph/ns#canonical")


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return read_model(build_dataset())


@pytest.fixture(scope="module")
def page(model) -> str:  # type: ignore[no-untyped-def]
    return render_page(select_view(model), title="Trade & <talks>")


def page_json(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, flags=re.DOTALL)
    assert match, "no data block in the page"
    return json.loads(match.group(1))


# ---- model ----------------------------------------------------------------------------------

def test_model_entities_names_and_articles(model) -> None:  # type: ignore[no-untyped-def]
    assert set(model.entities) == {MARIA, JON, WTC, FRANCE, GERMANY, PARIS}  # no reporter, no publisher
    wtc = model.entities[WTC]
    assert (wtc.type, wtc.label) == ("Organization", "World Trade Council")
    assert wtc.names == {"World Trade Council", "The World Trade Council", "WTC"}
    assert model.entities[FRANCE].iso == "FR"
    assert len(model.entities[MARIA].articles) == 2
    # the article's sentence about Maria (from her role), not the bare surface form
    assert ROLE_EVIDENCE in model.entities[MARIA].articles.values()
    assert sorted(a.title for a in model.articles.values()) == sorted(TITLES)


def test_model_facts(model) -> None:  # type: ignore[no-untyped-def]
    kinds = sorted((f.kind, f.label) for f in model.facts)
    assert kinds.count(("role", "President")) == 2
    (statement,) = [f for f in model.facts if f.kind == "statement" and f.source == MARIA]
    assert statement.label == "Trade with France and Germany must grow"
    assert statement.countries == (GERMANY, FRANCE) or set(statement.countries) == {FRANCE, GERMANY}
    assert [model.topic_labels.get(t, t).lower() for t in statement.topics] == ["trade"] or statement.topics[0].endswith("/trade")
    assert statement.date == "2024-03-01"


def test_identity_graph_merges_nodes() -> None:
    dataset = build_dataset()
    jon_alias = URIRef("https://w3id.org/kgraph/id/person/j-smit")
    extra = dataset.graph(URIRef("https://w3id.org/kgraph/id/article/extra"))
    extra.add((extra.identifier, URIRef("https://schema.org/mentions"), jon_alias))
    extra.add((jon_alias, SKOS.prefLabel, Literal("J. Smit")))
    dataset.graph(IDENTITY).add((jon_alias, CANONICAL, URIRef(JON)))
    model = read_model(dataset)
    assert str(jon_alias) not in model.entities
    assert "J. Smit" in model.entities[JON].names
    assert len(model.entities[JON].articles) == 2


# ---- selection ------------------------------------------------------------------------------

def test_default_view(model) -> None:  # type: ignore[no-untyped-def]
    view = select_view(model)
    assert set(view.nodes) == {MARIA, JON, WTC, FRANCE, GERMANY, PARIS}
    assert view.isolated == {PARIS}
    pairs = {(e.source, e.target, e.kind, e.label) for e in view.edges}
    assert (MARIA, WTC, "role", "President") in pairs
    assert (JON, GERMANY, "statement", "spoke about") in pairs
    # Maria and Germany are named together in two articles, but a statement links them already
    assert not [e for e in view.edges if e.kind == "comention" and {e.source, e.target} == {MARIA, GERMANY}]
    president = next(e for e in view.edges if e.label == "President")
    assert president.articles and president.evidence == ROLE_EVIDENCE
    assert view.summary().startswith("5 connected entities and 6 role or statement links drawn, plus 3 mentioned-with links (the whole graph: 6 entities, 6 role or statement links); 1 unconnected entity hidden")


def test_co_mention_edges(model) -> None:  # type: ignore[no-untyped-def]
    view = select_view(model, co_mention=1)
    co = {frozenset((e.source, e.target)) for e in view.edges if e.kind == "comention"}
    assert frozenset((PARIS, FRANCE)) in co  # named together in article a1
    assert not view.isolated


def test_max_nodes_and_honest_summary(model) -> None:  # type: ignore[no-untyped-def]
    view = select_view(model, max_nodes=2)
    assert len(view.nodes) == 2
    summary = view.summary()
    assert "--max-nodes 2 left out 4 less connected entities" in summary
    assert "(the whole graph: 6 entities, 6 role or statement links)" in summary


@pytest.mark.parametrize("value", [0, -5])
def test_max_nodes_must_be_positive(model, value: int) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KgraphError, match=f"--max-nodes {value}: must be at least 1"):
        select_view(model, max_nodes=value)


def test_focus_by_any_name(model) -> None:  # type: ignore[no-untyped-def]
    view = select_view(model, focus="wtc", hops=1, co_mention=3)  # an alias, any case
    assert set(view.nodes) == {WTC, MARIA}
    view = select_view(model, focus="World Trade Council", hops=2, co_mention=3)
    assert set(view.nodes) == {WTC, MARIA, FRANCE, GERMANY}
    # named together in both articles: one hop with the default co-mention threshold of 2
    assert set(select_view(model, focus="WTC", hops=1).nodes) == {WTC, MARIA, FRANCE, GERMANY}


@pytest.mark.parametrize(("focus", "message"), [
    ("Nobody", "--focus 'Nobody': no entity by that name"),
    ("a", "--focus 'a' matches"),
])
def test_focus_errors(model, focus: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KgraphError, match=re.escape(message)):
        select_view(model, focus=focus)


def test_article_filters(model) -> None:  # type: ignore[no-untyped-def]
    assert select_view(model, topic="trade").articles == {a for a, info in model.articles.items() if info.title == TITLES[0]}
    assert len(select_view(model, since="2024-03-02").articles) == 1
    assert len(select_view(model, until="2024-03-01").articles) == 1
    assert len(select_view(model, country="Germany").articles) == 2
    assert len(select_view(model, country="de").articles) == 2
    view = select_view(model, since="2024-03-02")
    assert MARIA in view.nodes and PARIS not in view.nodes  # Paris is only in a1


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"since": "18/03/2026"}, "--since '18/03/2026': expected a date YYYY-MM-DD"),
    ({"since": "2024-03-05", "until": "2024-03-01"}, "--since 2024-03-05 is after --until 2024-03-01"),
    ({"topic": "gardening"}, "--topic 'gardening': no topic by that name"),
    ({"min_articles": 0}, "--min-articles 0: must be at least 1"),
])
def test_selection_errors(model, kwargs: dict, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KgraphError, match=re.escape(message)):
        select_view(model, **kwargs)


def test_min_articles(model) -> None:  # type: ignore[no-untyped-def]
    view = select_view(model, min_articles=2)
    assert set(view.nodes) == {MARIA, WTC, FRANCE, GERMANY}


# ---- layout ---------------------------------------------------------------------------------

def test_layout_is_seeded_and_keeps_isolated_apart() -> None:
    nodes = [f"n{i}" for i in range(600)] + ["alone"]
    edges = [(f"n{i}", f"n{(i * 7 + 1) % 600}") for i in range(600)]
    first = layout(nodes, edges, ["alone"])
    assert first == layout(nodes, edges, ["alone"])
    assert set(first) == set(nodes)
    assert first["alone"][1] >= max(y for n, (_, y) in first.items() if n != "alone")  # below the drawing


# ---- page -----------------------------------------------------------------------------------

def test_page_is_offline_with_a_strict_policy(page: str) -> None:
    assert REMOTE.search(page) is None
    assert "cdn" not in page.lower() and "bootstrap" not in page.lower()
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    assert policy.startswith("default-src 'none'; ")
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "http" not in policy
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    assert len(scripts) == 2  # vis-network and page.js, nothing else runs
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_page_title_summary_and_data(page: str) -> None:
    assert "<title>Trade &amp; &lt;talks&gt;</title>" in page
    assert "5 connected entities and 6 role or statement links drawn, plus 3 mentioned-with links" in page
    data = page_json(page)
    labels = {node["l"] for node in data["nodes"]}
    assert labels == {"Maria Lopez", "Jon Smit", "World Trade Council", "France", "Germany", "Paris"}
    paris = next(node for node in data["nodes"] if node["l"] == "Paris")
    assert paris["i"] == 1  # hidden until the toggle shows it
    paris_index = data["nodes"].index(paris)
    assert data["details"][paris_index]["ev"][0][1] == "named as \u201cParis\u201d"  # no fact sentence names Paris
    wtc = next(node for node in data["nodes"] if node["l"] == "World Trade Council")
    assert wtc["n"] == ["The World Trade Council", "WTC"]
    maria = [node["l"] for node in data["nodes"]].index("Maria Lopez")
    details = data["details"][maria]
    assert [r[0] for r in details["r"]] == ["President", "President"]
    assert details["s"][0][0] == "Trade with France and Germany must grow"
    assert data["topics"][details["s"][0][1][0]].lower() == "trade"
    assert {a[1] for a in details["ev"]} >= {ROLE_EVIDENCE}
    edge = next(e for e in data["edges"] if e["k"] == "statement" and data["nodes"][e["f"]]["l"] == "Maria Lopez")
    assert edge["e"] == STATEMENT_EVIDENCE and data["articles"][edge["ea"]][0] == TITLES[0]


def test_same_graph_same_page(model) -> None:  # type: ignore[no-untyped-def]
    assert render_page(select_view(model), title="t") == render_page(select_view(read_model(build_dataset())), title="t")


HOSTILE = [
    "</script><script>window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=1\">",
    "javascript:window.__pwned=1",
    "<!-- <script>",
    "\u2028line\u2029separators & ampersands",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_json_for_script_cannot_end_the_block(text: str) -> None:
    encoded = json_for_script({"name": text})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == {"name": text}


def test_hostile_names_stay_data(tmp_path: Path) -> None:
    dataset = build_dataset()
    article = URIRef("https://w3id.org/kgraph/id/article/hostile")
    graph = dataset.graph(article)
    for text in HOSTILE:
        graph.add((URIRef(MARIA), SKOS.altLabel, Literal(text)))
    graph.add((article, URIRef("http://purl.org/dc/terms/title"), Literal(HOSTILE[0])))
    path = tmp_path / "hostile.html"
    draw(dataset, path, title=HOSTILE[1])
    page = path.read_text(encoding="utf-8")
    assert "window.__pwned" in page  # present, but only as escaped data
    assert "<script>window.__pwned" not in page and "<img" not in page
    assert "<title>&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;</title>" in page


def test_without_pyvis(model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    monkeypatch.setitem(sys.modules, "pyvis", None)
    with pytest.raises(KgraphError, match="pyvis is not installed"):
        draw(build_dataset(), tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_page_script_is_valid_javascript(tmp_path: Path) -> None:
    from importlib import resources

    path = tmp_path / "page.js"
    path.write_text(resources.files("kgraph.visualise").joinpath("page.js").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# ---- command line ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("viz") / "graph.trig"
    save_dataset(build_dataset(), path)
    return path


def test_cli_summary(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = CliRunner().invoke(cli, ["viz", str(graph_file), "-o", str(out), "--max-nodes", "3"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote {out}: 3 connected entities and ")
    assert "--max-nodes 3 left out 3 less connected entities" in result.output
    assert len(page_json(out.read_text(encoding="utf-8"))["nodes"]) == 3


@pytest.mark.parametrize(("args", "message"), [
    (["--max-nodes", "0"], "Error: --max-nodes 0: must be at least 1"),
    (["--max-nodes", "-5"], "Error: --max-nodes -5: must be at least 1"),
    (["--focus", "Nobody"], "Error: --focus 'Nobody': no entity by that name"),
    (["--since", "2024-13-45"], "Error: --since '2024-13-45': expected a date YYYY-MM-DD"),
])
def test_cli_errors(graph_file: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["viz", str(graph_file), "-o", str(tmp_path / "x.html"), *args])
    assert result.exit_code == 1
    assert result.output.startswith(message)
    assert "Traceback" not in result.output


def test_cli_query_draws_a_construct(graph_file: Path, tmp_path: Path) -> None:
    rq = tmp_path / "roles.rq"
    rq.write_text(
        "PREFIX org: <http://www.w3.org/ns/org#>\nPREFIX schema: <https://schema.org/>\n"
        "PREFIX kg: <https://w3id.org/kgraph/ns#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "CONSTRUCT { ?m a org:Membership ; org:member ?p ; org:organization ?o ; kg:roleLabel ?l . "
        "?a schema:mentions ?p , ?o . ?p skos:prefLabel ?pn ; kg:entityType ?pt . ?o skos:prefLabel ?on ; kg:entityType ?ot }\n"
        "WHERE { ?m a org:Membership ; org:member ?p ; org:organization ?o ; kg:roleLabel ?l ; "
        "<http://www.w3.org/ns/prov#wasDerivedFrom> ?a . ?p skos:prefLabel ?pn ; kg:entityType ?pt . "
        "?o skos:prefLabel ?on ; kg:entityType ?ot }\n",
        encoding="utf-8",
    )
    out = tmp_path / "roles.html"
    result = CliRunner().invoke(cli, ["viz", str(graph_file), "-o", str(out), "--query", str(rq)])
    assert result.exit_code == 0, result.output
    data = page_json(out.read_text(encoding="utf-8"))
    assert {n["l"] for n in data["nodes"]} == {"Maria Lopez", "World Trade Council", "Jon Smit", "Germany"}
    assert {e["k"] for e in data["edges"]} == {"role"}

    select = tmp_path / "select.rq"
    select.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    result = CliRunner().invoke(cli, ["viz", str(graph_file), "-o", str(out), "--query", str(select)])
    assert result.exit_code == 1 and "--query needs a CONSTRUCT query" in result.output
