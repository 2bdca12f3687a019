"""kgraph_paragraphs: a line break ends a sentence.

Story text is headline and paragraphs separated by line breaks; the statistical parser
otherwise glues a headline, or a paragraph's last sentence, to the next paragraph.
Runs before the parser, which respects boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence at the first token after every line break."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


@Language.component("kgraph_paragraphs")
def paragraphs_component(doc: Doc) -> Doc:
    return mark_paragraphs(doc)
