"""kgraph_paragraphs: a line break always ends a sentence."""

from __future__ import annotations


def test_headline_and_paragraphs_are_separate_sentences(nlp):  # type: ignore[no-untyped-def]
    doc = nlp("Ministers meet over grain deal\n\nThe minister wrote on X.\n\nCommission spokesperson Anna Berg said the fine stood.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [
        "Ministers meet over grain deal",
        "The minister wrote on X.",
        "Commission spokesperson Anna Berg said the fine stood.",
    ]


def test_sentences_inside_a_paragraph_are_left_to_the_parser(nlp):  # type: ignore[no-untyped-def]
    doc = nlp("Talks resumed on Monday. Both sides said they were hopeful.")
    assert len(list(doc.sents)) == 2
