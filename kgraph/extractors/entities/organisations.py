"""Organisations the NER missed or mistyped, known by name (patterns/org_names.txt)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from .words import Candidate, _doc_tokens, _org_names, _surface


_FIRST_WORD = re.compile(r"[^\W_]+")


def _org_name_candidates(doc: Doc, taken: set[int]) -> Iterator[Candidate]:
    """"Umno and PAS leaders met", "the Houthis said": a known organisation's name
    written as a name (same case, whole tokens) where no candidate stands."""
    by_token: dict[str, list[str]] = {}
    for group in _org_names().values():
        for words in group:
            name = " ".join(words)
            match = _FIRST_WORD.match(name)
            if match is not None:
                by_token.setdefault(match.group(), []).append(name)
    tokens = _doc_tokens(doc)
    i = 0
    while i < len(tokens):
        names = by_token.get(tokens[i].text) if i not in taken else None
        if not names:
            i += 1
            continue
        hit = None
        for j in range(min(len(tokens), i + 8), i, -1):
            if any(k in taken for k in range(i, j)):
                continue
            if _surface(doc, i, j) in names:
                hit = j
                break
        if hit is None or (hit < len(tokens) and tokens[hit].text[:1].isupper() and not tokens[hit].is_sent_start and tokens[hit].is_alpha and "\n" not in tokens[hit - 1].whitespace_):
            i += 1  # part of a longer name ("PAS Youth", "Hamas Political Bureau")
            continue
        yield Candidate(i, hit, "Organization", _surface(doc, i, hit), source="orgs")
        i = hit
