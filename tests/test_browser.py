"""The news map in headless Chromium with the network cut off (Debian package ``chromium``).

Skipped where Chromium is absent (``.ci/run`` installs it).  The browser resolves every host
name to nothing and sends every request to a proxy that does not exist; the tests also check
that the page asked for nothing but itself, logged no error, and ran no injected script.
Set KGRAPH_SCREENSHOT=docs/graph.png to keep the screenshot the README shows.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from graph_fixture import build_dataset
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kgraph.cli import cli
from kgraph.identity import article_iri
from kgraph.records import Article, ArticleMeta, Entity, Evidence, Extraction, Role, Statement
from kgraph.triples import to_triples
from kgraph.visualise import draw
from kgraph.visualise.browser import Browser, find_chromium

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(find_chromium() is None, reason="chromium is not installed (apt-get install -y chromium)")

SHOWN = "kgraph.shown.filter(Boolean).length"
PANEL_TITLE = "(document.querySelector('#kg-panel h2') || {}).textContent"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser() as started:
        yield started


@pytest.fixture(scope="module")
def examples_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("examples")
    graph, page = folder / "graph.trig", folder / "graph.html"
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(ROOT / "examples" / "articles"), "-o", str(graph), "--silent"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["viz", str(graph), "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page


def open_page(browser: Browser, page: Path) -> None:
    browser.clear()
    browser.open(page.as_uri())
    browser.wait_for("window.__kgReady")


def test_examples_page(browser: Browser, examples_page: Path, tmp_path: Path) -> None:
    open_page(browser, examples_page)
    # drawn: a canvas, and nodes placed on it
    assert browser.evaluate("document.querySelector('#kg-net canvas') !== null")
    shown = browser.evaluate(SHOWN)
    assert shown > 10

    # search by a name, pick the first result with Enter: the node is selected and its panel opens
    browser.evaluate("document.getElementById('kg-search').focus()")
    browser.type_text("rutte")
    results = browser.evaluate("[...document.querySelectorAll('#kg-results li')].map(li => li.textContent)")
    assert results and results[0].startswith("Mark Rutte")
    browser.press("Enter")
    assert browser.evaluate(PANEL_TITLE) == "Mark Rutte"
    assert browser.evaluate("kgraph.data.nodes[kgraph.highlighted()].l") == "Mark Rutte"
    panel = browser.evaluate("document.getElementById('kg-panel').innerText")
    assert "Roles" in panel and "Articles" in panel
    screenshot = Path(os.environ.get("KGRAPH_SCREENSHOT") or tmp_path / "graph.png")
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    browser.screenshot(screenshot)
    assert screenshot.stat().st_size > 10_000

    # a click on another node opens its panel
    browser.evaluate("kgraph.network.fit({animation: false})")
    target = browser.evaluate("""(() => {
        const i = kgraph.data.nodes.findIndex(n => n.l === 'Japan');
        const p = kgraph.network.canvasToDOM(kgraph.network.getPosition(i));
        const box = document.querySelector('#kg-net canvas').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    })()""")
    browser.click(*target)
    assert browser.wait_for(f"{PANEL_TITLE} === 'Japan'", timeout=5)

    # hovering a link shows its evidence sentence and the article it comes from
    tip = browser.evaluate("kgraph.hover('edge', kgraph.data.edges.findIndex(e => e.k === 'role'))")
    assert "\u201c" in tip and "\u2014 " in tip and "Asserted by 1 article" in tip

    # the type filter hides every person; a topic filter keeps fewer nodes; reset shows them again
    browser.evaluate("document.querySelector('#kg-legend input[data-type=\"Person\"]').click()")
    assert browser.evaluate("kgraph.data.nodes.every((n, i) => n.t !== 'Person' || !kgraph.shown[i])")
    assert browser.evaluate(SHOWN) < shown
    browser.evaluate("document.getElementById('kg-reset').click()")
    assert browser.evaluate(SHOWN) == shown
    browser.evaluate("""(() => { const s = document.getElementById('kg-topic'); s.value = '0';
                        s.dispatchEvent(new Event('change')); })()""")
    assert 0 < browser.evaluate(SHOWN) < shown
    browser.evaluate("document.getElementById('kg-reset').click()")
    browser.evaluate("document.getElementById('kg-isolated').click()")  # unconnected entities on request
    assert browser.evaluate(SHOWN) > shown

    browser.pump(0.3)
    assert browser.errors == []
    assert browser.remote_requests() == []


PAYLOADS = (
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "</script><script>window.__pwned = 'close'</script>",
    "javascript:window.__pwned = 'link'",
    "<svg onload=\"window.__pwned = 'svg'\"></svg>",
)


def _hostile_dataset():  # type: ignore[no-untyped-def]
    dataset = build_dataset()
    aid = "hostile.txt"
    text = " ".join(PAYLOADS)

    def ev(part: str) -> Evidence:
        return Evidence(aid, 0, len(part), part)

    speaker = Entity("person/evil", PAYLOADS[0], "Person", aliases=PAYLOADS[1:], mentions=(ev(PAYLOADS[0]),))
    org = Entity("org/evil", PAYLOADS[2], "Organization", mentions=(ev(PAYLOADS[2]),))
    country = Entity("country/FR", "France", "Country", iso="FR", mentions=(ev("France"),))
    extraction = Extraction(
        Article(aid, aid, aid, text, ArticleMeta(title=PAYLOADS[1], date="2024-03-03")),
        (speaker, org, country),
        (Role("person/evil", PAYLOADS[3], "president", "org/evil", ev(PAYLOADS[4])),),
        (Statement("person/evil", PAYLOADS[2] + " and more words here", ev(PAYLOADS[1]), direct=True,
                   topics=("trade",), countries=("FR",), sentence=ev(PAYLOADS[0])),),
    )
    graph = dataset.graph(article_iri(aid))
    for triple in to_triples(extraction):
        graph.add(triple)
    graph.add((URIRef(article_iri(aid)), DCTERMS.title, Literal(PAYLOADS[4])))
    graph.add((URIRef("https://w3id.org/kgraph/id/country/FR"), SKOS.altLabel, Literal(PAYLOADS[3])))
    return dataset


def test_injected_markup_never_runs(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    draw(_hostile_dataset(), page, title=PAYLOADS[2], co_mention=1)
    open_page(browser, page)
    count = browser.evaluate("kgraph.data.nodes.length")
    # every label, panel, tooltip and search result that can show article text
    browser.evaluate("document.getElementById('kg-isolated').click()")
    for i in range(count):
        browser.evaluate(f"kgraph.select({i}, true); kgraph.hover('node', {i})")
    for i in range(browser.evaluate("kgraph.data.edges.length")):
        browser.evaluate(f"kgraph.hover('edge', {i})")
    for query in ("<script", "<img", "javascript", "<svg"):
        browser.evaluate("document.getElementById('kg-search').value = ''; document.getElementById('kg-search').focus()")
        browser.type_text(query)
        assert browser.evaluate("document.querySelectorAll('#kg-results li').length") >= 1
    browser.press("Enter")
    browser.pump(0.5)
    assert browser.evaluate("window.__pwned === undefined")
    assert browser.evaluate("document.querySelectorAll('body img, body iframe, #kg-panel script, #kg-panel svg').length") == 0
    assert browser.evaluate(PANEL_TITLE) == PAYLOADS[0]  # shown as text, as written
    assert browser.evaluate("document.title") == PAYLOADS[2]
    assert browser.errors == []
    assert browser.remote_requests() == []


def test_policy_blocks_added_scripts(browser: Browser, examples_page: Path) -> None:
    open_page(browser, examples_page)
    browser.evaluate("""(() => { const s = document.createElement('script');
        s.textContent = 'window.__pwned = 1'; document.body.appendChild(s);
        const i = document.createElement('img'); i.src = 'https://example.org/x.png'; document.body.appendChild(i); })()""")
    browser.pump(0.5)
    assert browser.evaluate("window.__pwned === undefined")
    assert any("Content Security Policy" in error for error in browser.errors)
    assert browser.requests[-1] == "https://example.org/x.png"
    assert browser.remote_requests() == []  # refused by the policy before it left
