"""The build's fast write path: N-Quads made from the records (in the workers) hold exactly the
quads of ``to_triples``, and a build through it writes the same graph as the rdflib-term path."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Literal, URIRef

import kgraph.pipeline as pipeline
import kgraph.triples as triples
from kgraph.errors import KgraphError
from kgraph.identity import article_iri, entity_key
from kgraph.parallel import extract_stream
from kgraph.records import (
    Article, ArticleMeta, ArticleQuads, Entity, Evidence, Extraction, Role, Skipped, Statement,
)
from kgraph.store import dataset_over, serialize

EXAMPLES = Path(__file__).parent.parent / "examples" / "articles"
NQ = pyoxigraph.RdfFormat.N_QUADS

TRICKY = [
    'She said "no" twice.',
    "back\\slash and a trailing backslash\\",
    "two\nlines\r\nand a tab\there",
    "a NUL \x00, a bell \x07 and DEL \x7f",
    "accents: Zürich, Łódź; scripts: Сергей Лавров, 王毅, مرحبا; emoji 🙂; U+2028 \u2028 here",
    "",
    " padded ",
]


def tricky_extraction(text: str, *, article_id: str = "tricky.txt", url: str | None = "https://example.org/a?b=1&c=\"d\"") -> Extraction:
    """An invented extraction whose every literal carries ``text``."""
    meta = ArticleMeta(title=f"Title {text}", date="2026-02-03", publisher="Daily Example", agency="Wire Example",
                       dateline="Oslo", reporters=("Ann Writer",), editors=("Ed Itor",), url=url)
    article = Article(id=article_id, file=article_id, source=article_id, text="x" * 50, meta=meta)
    ev = Evidence(article_id, 3, 9, text or "fallback")
    person = Entity(entity_key("Person", "Ana Lima"), "Ana Lima", "Person", aliases=("Lima", text or "Ana"),
                    mentions=(ev, Evidence(article_id, 20, 24, "Lima")))
    country = Entity("country/FR", "France", "Country", iso="FR", mentions=(ev,))
    role = Role(person.key, f"Minister {text}", "minister", "country/FR", ev, current=True)
    past = Role(person.key, "Envoy", "ambassador", "country/FR", Evidence(article_id, 1, 2), current=False)
    statement = Statement(person.key, f"quote {text}", ev, direct=True, verb="say", topics=("economy",),
                          topic_evidence=(f"economy: {text}",), countries=("FR",), sentence=Evidence(article_id, 0, 10, text))
    reported = Statement(person.key, "reported", Evidence(article_id, 5, 6), direct=False)
    return Extraction(article, (person, country), (role, past), (statement, reported))


def rdflib_quads(extraction: Extraction) -> set[pyoxigraph.Quad]:
    graph = pyoxigraph.NamedNode(article_iri(extraction.article.id))
    return {pyoxigraph.Quad(pipeline.ox_term(s), pipeline.ox_term(p), pipeline.ox_term(o), graph)  # type: ignore[arg-type]
            for s, p, o in triples.to_triples(extraction)}


def parsed(lines: list[str]) -> list[pyoxigraph.Quad]:
    return list(pyoxigraph.parse("".join(lines).encode("utf-8"), format=NQ))


@pytest.mark.parametrize("text", TRICKY)
def test_nquads_hold_the_quads_of_to_triples(text: str) -> None:
    extraction = tricky_extraction(text)
    lines = triples.to_nquads(extraction)
    quads = parsed(lines)
    assert len(quads) == len(lines) == len(set(quads))  # one line per quad, no repeats
    assert set(quads) == rdflib_quads(extraction)


def test_nquads_keep_the_order_of_to_triples_without_repeats() -> None:
    extraction = tricky_extraction("same")
    graph = pyoxigraph.NamedNode(article_iri(extraction.article.id))
    expected = list(dict.fromkeys(
        pyoxigraph.Quad(pipeline.ox_term(s), pipeline.ox_term(p), pipeline.ox_term(o), graph)  # type: ignore[arg-type]
        for s, p, o in triples.to_triples(extraction)))
    assert parsed(triples.to_nquads(extraction)) == expected


def test_to_triples_makes_the_same_literals_as_before() -> None:
    extraction = tricky_extraction("x")
    objects = {(str(p), o) for _, p, o in triples.to_triples(extraction)}
    assert all(isinstance(o, (URIRef, Literal)) for _, o in objects)
    kg = "https://w3id.org/kgraph/ns#"
    assert (kg + "startChar", Literal(3)) in objects
    assert (kg + "current", Literal(True)) in objects and (kg + "current", Literal(False)) in objects
    assert ("http://purl.org/dc/terms/date",
            Literal("2026-02-03", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))) in objects


def test_an_iri_beyond_plain_characters_is_checked_by_oxigraph() -> None:
    assert triples._iri("https://w3id.org/kgraph/id/person/ana-lima") == "<https://w3id.org/kgraph/id/person/ana-lima>"
    assert triples._iri("https://example.org/caf%C3%A9") == "<https://example.org/caf%C3%A9>"
    assert triples._iri("https://example.org/é") == "<https://example.org/é>"
    with pytest.raises(KgraphError, match="cannot store the IRI"):
        triples._iri("https://example.org/a b")
    with pytest.raises(KgraphError):
        triples._iri("not an iri")


def test_an_article_that_cannot_be_written_is_skipped_not_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    good = tricky_extraction("fine", article_id="good.txt")
    bad = tricky_extraction("lone surrogate \ud800", article_id="bad.txt")
    results = {r.article.id: r for r in (good, bad)}

    class Fake:
        def pipe(self, docs, batch_size):  # type: ignore[no-untyped-def]
            return docs

    monkeypatch.setattr("kgraph.parallel._pipe", lambda nlp, articles: [results[a.id] for a in articles])
    out = list(extract_stream([bad.article, good.article], model=None, nlp=Fake(), finish=pipeline.article_nquads))  # type: ignore[arg-type]
    assert isinstance(out[0], Skipped) and out[0].reason.startswith("bad.txt: cannot write its graph")
    assert isinstance(out[1], ArticleQuads) and out[1].article_id == "good.txt"
    assert out[1].quads == len(triples.to_nquads(good)) and out[1].roles == 1 and out[1].statements == 2
    assert out[1].entity_types == ("Person", "Country")


def _old_build(nlp, paths: list[Path]) -> bytes:  # type: ignore[no-untyped-def]
    """What a build wrote before the fast path: rdflib terms -> pyoxigraph quads, one transaction per batch."""
    from kgraph.articles import read_articles

    store = pyoxigraph.Store()
    pipeline.add_vocabulary_once(store)
    seen: set[str] = set()
    for result in pipeline.extract(nlp, list(read_articles(paths))):
        if isinstance(result, Skipped):
            continue
        digest = pipeline.story_hash(result.article)
        assert digest not in seen  # the examples hold no duplicate stories
        seen.add(digest)
        pipeline.write_batch(store, pipeline.article_quads(result, digest))
    pipeline.reconcile_store(store)
    return serialize(dataset_over(store), "nq")


@pytest.mark.parametrize("atomic", [True, False])
def test_a_build_writes_the_same_graph_as_the_rdflib_path(nlp, atomic: bool) -> None:  # type: ignore[no-untyped-def]
    store = pyoxigraph.Store()
    report = pipeline.build_store([EXAMPLES], store=store, nlp=nlp, batch_size=2, atomic=atomic)
    assert report.articles > 2 and not report.skipped
    new = serialize(dataset_over(store), "nq")
    assert new == _old_build(nlp, [EXAMPLES])
    assert report.triples == sum(1 for line in new.splitlines() if b"/article/" in line.rsplit(b" ", 2)[-2])


def test_build_to_a_file_equals_a_store_build(nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("kgraph.nlp.make_nlp", lambda model=None: nlp)
    pipeline.build_to([EXAMPLES], store_dir=tmp_path / "store", output=tmp_path / "a.nq")
    pipeline.build_to([EXAMPLES], store_dir=None, output=tmp_path / "b.nq")
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()


def test_superseded_articles_leave_the_bulk_batch(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same story under two names, and a new version of a URL, within one scratch build."""
    story = "Talks in Oslo\n\nMinisters met in Oslo on Monday to discuss trade and fishing rights.\n"
    for folder in ("first", "second"):
        (tmp_path / folder).mkdir()
    (tmp_path / "first" / "b.txt").write_text(story, encoding="utf-8")
    (tmp_path / "first" / "c.txt").write_text("Talks in Lima\n\nEnvoys met in Lima to discuss copper exports.\n", encoding="utf-8")
    (tmp_path / "second" / "a.txt").write_text(story, encoding="utf-8")  # read later, smaller IRI: replaces b.txt
    results = {}
    for atomic in (True, False):
        store = pyoxigraph.Store()
        report = pipeline.build_store([tmp_path / "first", tmp_path / "second"], store=store, nlp=nlp, batch_size=8,
                                      atomic=atomic)
        results[atomic] = (serialize(dataset_over(store), "nq"), report.articles, len(report.duplicates), report.triples)
    assert results[True] == results[False]
    assert results[True][1] == 2 and results[True][2] == 1
    assert str(article_iri("a.txt")).encode() in results[True][0]
    assert str(article_iri("b.txt")).encode() not in results[True][0]
