"""Topic classification: cue lexicon (patterns/topics.json) and classify()."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from kgraph.extractors.topics import classify, find_cues, load_lexicon, words
from kgraph.vocabulary import load_ontology

SLUGS = (
    "diplomacy", "security", "armed-conflict", "peace-process", "sanctions", "trade", "energy",
    "economy", "elections", "domestic-politics", "justice", "human-rights", "migration",
    "terrorism", "technology", "environment", "health",
)

# one invented sentence per topic
SENTENCES = {
    "diplomacy": "The ambassador was summoned after the envoy cancelled the state visit.",
    "security": "The alliance will strengthen deterrence and send more air defence systems.",
    "armed-conflict": "Artillery shelling and drone strikes killed soldiers along the front line.",
    "peace-process": "Both sides agreed a ceasefire and a prisoner exchange under the peace plan.",
    "sanctions": "The new sanctions include an asset freeze and an arms embargo.",
    "trade": "Higher tariffs on imports will disrupt supply chains and customs checks.",
    "energy": "Oil and gas prices rose after the pipeline was shut and refineries stopped.",
    "economy": "Inflation slowed and the central bank cut interest rates to support growth.",
    "elections": "Voters head to the polls as the campaign ends and ballots are printed.",
    "domestic-politics": "Parliament passed the bill after the ruling coalition ended the protests.",
    "justice": "The court sentenced him after a long trial and the prosecutors appealed.",
    "human-rights": "Activists condemned the repression of free speech and the torture of dissidents.",
    "migration": "Asylum applications rose as more migrants faced deportation at the border.",
    "terrorism": "Counter-terrorism police arrested militants planning a terrorist attack.",
    "technology": "Regulators want AI platforms to fight cyber attacks and online fraud.",
    "environment": "Carbon emissions must fall to slow climate warming and protect forests.",
    "health": "Health officials reported new virus cases as the outbreak spread to hospitals.",
}


def test_lexicon_covers_the_vocabulary() -> None:
    assert set(load_lexicon().topics) == set(SLUGS)


def test_lexicon_matches_ontology() -> None:
    graph = load_ontology("topics.ttl")
    concepts = {str(c).rsplit("/", 1)[1] for c in graph.subjects(RDF.type, SKOS.Concept)}
    assert concepts == set(SLUGS)
    for slug in SLUGS:
        concept = URIRef(f"https://w3id.org/kgraph/topic/{slug}")
        assert str(graph.value(concept, SKOS.prefLabel)) == slug
        assert graph.value(concept, SKOS.definition) is not None
        iptc = [o for p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch) for o in graph.objects(concept, p)]
        assert iptc and all(str(o).startswith("http://cv.iptc.org/newscodes/mediatopic/") for o in iptc)


@pytest.mark.parametrize("slug", SLUGS)
def test_each_topic_is_reachable(slug: str) -> None:
    topics = classify(SENTENCES[slug])
    assert topics and topics[0][0] == slug
    assert topics[0][2], "the cue words are the evidence"


def test_evidence_lists_cues_and_context_in_brackets() -> None:
    ((slug, score, cues), *_) = classify("Talks on tariffs resume", context="the trade minister said", max_topics=1)
    assert slug == "trade"
    assert "tariff*" in cues and "(trade)" in cues
    assert score > 0


def test_at_most_max_topics() -> None:
    text = " ".join(SENTENCES.values())
    assert len(classify(text)) <= 3
    assert len(classify(text, max_topics=1)) == 1
    assert len(classify(text, max_topics=3, ratio=0.0)) == 3


def test_no_cue_no_topic_unless_prior() -> None:
    assert classify("It was a long day for everyone involved.") == []
    assert classify("It was a long day.", prior={"health": 1.0})[0][0] == "health"


def test_matching_rules() -> None:
    cues = {cue.text for cue in find_cues("Two summits, new sanctions and a peace deal")}
    assert {"summit*", "sanction*", "peace deal*"} <= cues  # stems, plurals, phrases
    assert "peace" not in cues  # inside the longer "peace deal"
    assert {c.text for c in find_cues("Sanctioned")} == {"sanction*"}
    assert "war" not in {c.text for c in find_cues("The warden of the prison")}  # whole words only
    assert words("Kyiv’s drone-strike") == ["kyiv's", "drone-strike"]


def test_strikes_near_a_hospital_are_conflict_not_health() -> None:
    text = "The defence ministry said its strikes had destroyed a command post hidden inside a hospital compound."
    assert classify(text)[0][0] == "armed-conflict"


def test_text_topics_count_recurring_cues() -> None:
    from kgraph.extractors.topics import cue_counts, text_topics

    story = "The ceasefire held. Monitors checked the ceasefire line. A ceasefire breach was reported. Envoys met."
    assert {c.text: n for c, n in cue_counts(story).items()}["ceasefire*"] == 3
    weights = text_topics(story)
    assert max(weights, key=lambda slug: weights[slug]) == "peace-process"
    assert weights["peace-process"] > 2.5 * 1.5  # three mentions count more than one


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("The two countries are locked in a trade war over steel.", {"trade war"}, {"war"}),
        ("The Security Council will meet on Friday to discuss the crisis.", {"security council"}, {"security"}),
        ("Settlers moved into new homes on the West Bank last year.", set(), {"bank*"}),
        ("The new laws make it harder to appeal.", {"laws"}, {"law"}),  # a word counts once per topic
        ("A war crimes court opened its first case.", {"war crime*"}, {"war", "crime*"}),
    ],
)
def test_longest_match_wins(text: str, present: set[str], absent: set[str]) -> None:
    cues = {cue.text for cue in find_cues(text)}
    assert present <= cues
    assert not absent & cues


def test_lower_case_only_cue_skips_names() -> None:
    assert "levy" in {c.text for c in find_cues("The government will impose a levy on imported cars.")}
    assert "levy" not in {c.text for c in find_cues("Foreign Minister David Levy will visit Bonn next week.")}


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("The ministry summoned the chargé d'affaires and handed him a protest.", "diplomacy"),
        ("He has been critically ill since suffering a brain haemorrhage last week.", "health"),
        ("The suspects will be extradited to stand trial abroad.", "justice"),
        ("The secret police raided the homes of writers and took them away for questioning.", "human-rights"),
        ("The bill would tighten the rules on illegal workers and speed up expulsions.", "migration"),
        ("He ordered the fleet on high alert and sent more warplanes to the region.", "security"),
    ],
)
def test_general_cues(text: str, slug: str) -> None:
    assert classify(text)[0][0] == slug


def test_a_foreign_government_is_not_domestic_politics() -> None:
    topics = [slug for slug, _, _ in classify("The moves by the Israeli government amount to a declaration of war.")]
    assert topics[0] == "armed-conflict"
    assert "domestic-politics" not in topics


def test_accents_are_folded() -> None:
    assert words("Le chargé d’affaires") == ["le", "charge", "d'affaires"]
    assert "charge d'affaires" in {c.text for c in find_cues("They summoned the chargé d'affaires.")}
    assert "attache" not in {c.text for c in find_cues("The documents were attached to the letter.")}
