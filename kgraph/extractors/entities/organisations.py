"""Organisations the NER missed or mistyped, known by name (patterns/org_names.txt)."""

from __future__ import annotations

import re
from functools import cache
from collections.abc import Iterator

from spacy.tokens import Doc

from ... import gazetteer
from ...nlp import doc_text
from ...patterns import read_lines
from .words import Candidate, _doc_tokens, _org_names, _surface


_FIRST_WORD = re.compile(r"[^\W_]+")


@cache
def _names_by_first_word() -> dict[str, list[str]]:
    """patterns/org_names.txt by the first word of each name."""
    by_token: dict[str, list[str]] = {}
    for group in _org_names().values():
        for words in group:
            name = " ".join(words)
            match = _FIRST_WORD.match(name)
            if match is not None:
                by_token.setdefault(match.group(), []).append(name)
    return by_token


def _known_names_over_ner(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A known organisation's name of which the NER took only a part ("Pakatan" GPE in
    "Pakatan Harapan"): the whole name, an organisation, replaces the part."""
    by_token = _names_by_first_word()
    out = cands
    for c in cands:
        names = by_token.get(doc[c.start].text)
        if not names or c.type == "Country":
            continue
        for j in range(min(len(doc), c.start + 8), c.end, -1):
            if _surface(doc, c.start, j) in names:
                inside = [o for o in out if c.start <= o.start < j]
                if all(o.end <= j for o in inside) and (j == len(doc) or not (doc[j].text[:1].isupper() and doc[j].is_alpha)):
                    out = [o for o in out if o not in inside] + [Candidate(c.start, j, "Organization", _surface(doc, c.start, j), source="orgs")]
                break
    return out


def _org_name_candidates(doc: Doc, taken: set[int]) -> Iterator[Candidate]:
    """"Umno and PAS leaders met", "the Houthis said": a known organisation's name
    written as a name (same case, whole tokens) where no candidate stands."""
    by_token = _names_by_first_word()
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


def _agency_name_candidates(doc: Doc, taken: set[int]) -> Iterator[Candidate]:
    """"the Czech news agency CTK", "the official KTA news agency": a name written right after
    or right before "news agency" / "press agency" is the agency's, where the NER left it
    untagged. A nationality or country before the words is no agency name."""
    tokens = _doc_tokens(doc)
    for agency in tokens:
        i = agency.i
        if agency.lower_ != "agency" or i == 0 or doc[i - 1].lower_ not in ("news", "press"):
            continue
        end = i + 1  # after: "news agency CTK"
        while end < len(doc) and end - i <= 3 and end not in taken and _agency_word(doc, end):
            end += 1
        if end > i + 1 and not (end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha):
            yield Candidate(i + 1, end, "Organization", _surface(doc, i + 1, end), source="agency")
            continue
        start = i - 1  # before: "KTA news agency"
        while start > 0 and i - 1 - start < 3 and start - 1 not in taken and _agency_word(doc, start - 1):
            start -= 1
        if start < i - 1 and gazetteer.lookup(_surface(doc, start, i - 1)) is None:
            yield Candidate(start, i - 1, "Organization", _surface(doc, start, i - 1), source="agency")


def _agency_word(doc: Doc, i: int) -> bool:
    token = doc[i]
    return (
        token.pos_ == "PROPN" and token.text[:1].isupper() and token.text.replace("-", "").isalpha()
        and "\n" not in token.whitespace_ and gazetteer.lookup(token.text) is None
    )


# Legal forms written before a company's name: Indonesia's "PT" (Perseroan Terbatas)
_PREFIX_FORMS = frozenset({"PT"})
# ... and after it, where the NER does not know them: "Tbk" (Terbuka, listed)
_LISTED_FORMS = frozenset({"Tbk", "Tbk."})


def _prefixed_companies(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"PT Bank Lestari Tbk", "PT Sinar Jaya Motor": a legal form before one to five
    capitalised names opens a company's name, whether the NER took the rest as a name of any
    type ("Sinar Jaya Motor") or left it untagged."""
    forms = [t.i for t in _doc_tokens(doc) if t.text in _PREFIX_FORMS]
    if not forms:
        return cands
    taken = {i for c in cands for i in range(c.start, c.end)}
    out = list(cands)
    for i in forms:
        if i in taken or i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper():
            continue
        end = i + 1
        while end < len(doc) and end - i <= 5 and doc[end].text[:1].isupper() and doc[end].is_alpha and (
            end == i + 1 or "\n" not in doc[end - 1].whitespace_
        ):
            end += 1
        if end < len(doc) and doc[end].text in _LISTED_FORMS:
            end += 1
        if end - i < 2:
            continue
        inside = [c for c in out if i < c.start < end or i < c.end <= end]
        if any(c.start < i or c.end > end for c in inside):
            continue  # a name that runs on past the company's: leave it
        out = [c for c in out if c not in inside]
        out.append(Candidate(i, end, "Organization", _surface(doc, i, end), source="orgs"))
    return out


# Legal forms that close a company's name and name nothing else ("Boustead Plantations Bhd").
_CLOSING_FORMS = frozenset({"Bhd", "Berhad", "Inc", "Inc.", "Ltd", "Ltd.", "Plc", "PLC", "GmbH", "LLC", "Corp", "Corp."})


def _suffixed_companies(doc: Doc, taken: set[int]) -> Iterator[Candidate]:
    """"Shares in Boustead Plantations Bhd rose": one to four capitalised names right before
    a legal form that closes company names, all of it left untagged by the NER, are a company."""
    for form in _doc_tokens(doc):
        i = form.i
        if form.text not in _CLOSING_FORMS or i in taken or form.ent_type_ or i == 0:
            continue
        start = i
        while (
            start > 0 and i - start < 4 and start - 1 not in taken and not doc[start - 1].ent_type_
            and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and doc[start - 1].text.replace("&", "").isalpha()
            and "\n" not in doc[start - 1].whitespace_
        ):
            start -= 1
        if start < i and not (start > 0 and doc[start - 1].lower_ == "of"):  # not "South Africa Ltd" of "X of South Africa Ltd"
            yield Candidate(start, i + 1, "Organization", _surface(doc, start, i + 1), source="orgs")


_DIGEST_HEAD = 600  # characters of the story's top where a press review says what it is
_SOURCE_LINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z'&.-]*(?:[ \t]+[A-Z][A-Z'&.-]*){0,4})[ \t]*$")


def _digest_sources(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """In a press review ("PRESS DIGEST - Tunisia", patterns/digest_cues.txt), a paragraph
    that is only a name in capitals ("LA GAZETTE") is the newspaper whose stories follow: an
    organisation. Candidates inside such a line are replaced, and the cue words themselves
    ("PRESS DIGEST") name nothing."""
    text = doc_text(doc)
    head = text[:_DIGEST_HEAD].lower()
    if not any(cue in head for cue in read_lines("digest_cues.txt")):
        return cands
    found = []
    for match in _SOURCE_LINE.finditer(text):
        own_paragraph = text[: match.start(1)].rstrip(" \t").endswith("\n\n") and text[match.end(1) :].startswith("\n")
        if not own_paragraph or len(match.group(1).replace(" ", "")) < 3:
            continue
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None:
            found.append(Candidate(span.start, span.end, "Organization", match.group(1), source="digest"))
    cues = set(read_lines("digest_cues.txt"))
    kept = [
        c for c in cands
        if c.text.lower() not in cues and not any(c.start < x.end and x.start < c.end for x in found)
    ]  # "PRESS DIGEST" in the headline names nothing
    return kept + found
