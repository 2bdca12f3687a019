"""People the NER missed or cut short: appositives, given names, later short forms."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from ... import gazetteer
from ...nlp import doc_text
from ...identity import fold

from .words import (
    _doc_tokens,
    _leading_title,
    Candidate,
    _COMPANY_FORMS,
    _name_word,
    _person_nouns,
    _personal_name,
    _regnal_number,
    _surface,
    _word_set,
)
from .spans import _strip


def _appositive_persons(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Isabel Schnabel, an ECB board member, said": a name that an appositive describes
    as a person is a person, where the NER missed it, cut it short or called it an organisation."""
    particles = _word_set("name_particles.txt")
    nouns = _person_nouns()
    found = []
    tokens = _doc_tokens(doc)
    i = 0
    while i < len(tokens):
        if not _name_word(tokens[i]) or (i > 0 and _name_word(tokens[i - 1])):
            i += 1
            continue
        end = i + 1
        while end < len(tokens) and (_name_word(tokens[end]) or tokens[end].text in particles):
            end += 1
        if not (2 <= end - i <= 4 and end < len(tokens) and tokens[end].text == ","):
            i = end
            continue
        described = []
        for tok in tokens[end + 1 : end + 12]:
            if tok.text in (",", ";", ".") or tok.pos_ in ("VERB", "AUX"):
                break
            described.append(tok)
        heads = [t.lower_ for t in described if t.pos_ == "NOUN" and t.text.islower()]
        if heads and (heads[0] in nouns or heads[-1] in nouns):
            start = i
            # "Ontario Premier Doug Ford,": leading names of other things and titles are not the name
            for c in sorted((c for c in cands if start <= c.start < end), key=lambda c: c.start):
                if c.type != "Person" and c.start == start and c.end < end and not (end - start == 2 and _split_name(doc, c, start)):
                    start = c.end
            start, stop = _strip(doc, start, end, "PERSON")
            text = doc[start:stop].text
            inside = [c for c in cands if c.start < stop and c.end > start]
            if (
                stop - start >= 2
                and all(start <= c.start and c.end <= stop for c in inside)
                and all(c.type == "Person" or (c.start, c.end) == (start, stop) or _split_name(doc, c, start) for c in inside)
                and gazetteer.lookup(text) is None
                and doc[stop - 1].text not in _word_set("org_suffixes.txt")
            ):
                for c in inside:
                    cands.remove(c)
                found.append(Candidate(start, stop, "Person", text, source="appositive"))
        i = end
    return found


def _split_name(doc: Doc, cand: Candidate, start: int) -> bool:
    """A place the NER cut out of a person's name: a given name ("Marta" of "Marta Paris") or
    the one-word place that follows it as the surname."""
    if cand.type not in ("Place", "Country") or cand.source != "ner" or cand.end - cand.start != 1:
        return False
    return doc[start].text in _word_set("given_names.txt") and doc[start].text not in _word_set("given_names_words.txt")


def _given_name_persons(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Enver Solomon told Sky News": a given name and one or two more capitalised names
    that the NER missed (or cut: "Enver" + PERSON "Solomon") name a person."""
    given = _word_set("given_names.txt")
    particles = _word_set("name_particles.txt")
    by_start = {c.start: c for c in cands}
    taken = {i for c in cands for i in range(c.start, c.end)}
    found = []
    for token in _doc_tokens(doc):
        i = token.i
        if i in taken or token.text not in given or not _name_word(token):
            continue
        if i > 0 and _name_word(doc[i - 1]) and i - 1 not in taken and not any(
            k >= 0 and _leading_title(doc, k) == i - k for k in (i - 1, i - 2, i - 3)
        ):  # inside a longer name; but "Chairperson Ana Reyes": a title is no part of the name
            continue
        if i + 1 < len(doc) and doc[i + 1].text != "I" and _regnal_number(doc, i + 1):
            found.append(Candidate(i, i + 2, "Person", _surface(doc, i, i + 2), source="given"))  # "Henry VIII"
            continue
        nxt = by_start.get(i + 1)
        if nxt is not None and _surname_taken_for_org(doc, nxt):
            nxt.start, nxt.text, nxt.type = i, _surface(doc, i, nxt.end), "Person"  # "Ana" + "Reyes" (ORG)
            continue
        if token.text in _word_set("given_names_words.txt") and not _inverted_attribution(doc, i):
            continue  # "Star Wars", "Booker Prize"; but '"...," said Leslie Wimes, a ...' names a person
        if nxt is not None and nxt.type == "Person" and nxt.source == "ner" and " " not in nxt.text:
            nxt.start, nxt.text = i, _surface(doc, i, nxt.end)  # "Enver" + "Solomon"
            continue

        end = i + 1
        while end < len(doc) and end - i < 4 and end not in taken and (_name_word(doc[end]) or (doc[end].text in particles and end + 1 < len(doc) and _name_word(doc[end + 1]))):
            end += 1
        cand = Candidate(i, end, "Person", _surface(doc, i, end), source="given")
        if end - i >= 2 and "\n" not in cand.text and _personal_name(doc, cand):
            found.append(cand)
    return found


def _inverted_attribution(doc: Doc, i: int) -> bool:
    """Token i opens two capitalised names right after "said"/"says" that a comma or full stop
    closes ('"...," said Ana Ruiz, a ...'): the speaker's name."""
    return (
        i >= 1 and doc[i - 1].lower_ in ("said", "says") and i + 2 < len(doc) and _name_word(doc[i + 1])
        and doc[i + 2].text in (",", ".")
    )


def _surname_taken_for_org(doc: Doc, cand: Candidate) -> bool:
    """One name word the NER called an organisation right after a given name it left out
    ("Ana" + "Reyes" said): no acronym, no organisation word, no known organisation or place."""
    from .words import _ACRONYM, _is_org_name, _place_names

    token = doc[cand.start]
    return (
        cand.type == "Organization" and cand.source == "ner" and cand.end - cand.start == 1 and _name_word(token)
        and not _ACRONYM.match(cand.text) and token.text not in _word_set("org_suffixes.txt")
        and fold(token.text).rstrip(".") not in _COMPANY_FORMS and not _is_org_name(cand.text)
        and cand.text not in _place_names() and gazetteer.lookup(cand.text) is None
    )


def _later_mentions(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Untagged repeats of a known short form: a surname, an acronym ("Merz", "WHO")."""
    forms: dict[str, Candidate] = {}
    given: dict[str, Candidate] = {}  # other words of a full name ("Lula", "Mekdes")
    particles = _word_set("name_particles.txt")
    for c in cands:
        if c.type == "Person" and len(c.text.split()) > 1:
            words = c.text.split()
            forms.setdefault(words[-1], c)
            for word in words[:-1]:
                if word not in particles and len(word) > 2 and word[:1].isupper():
                    given.setdefault(word, c)
        elif c.type in ("Organization", "Place") and c.end - c.start == 1:
            forms.setdefault(doc[c.start].text, c)
        elif c.type == "Organization" and c.end - c.start == 2 and fold(doc[c.start + 1].text) in _COMPANY_FORMS:
            forms.setdefault(doc[c.start].text, c)  # "Harwick" after "Harwick Corp."
    taken = {i for c in cands for i in range(c.start, c.end)}
    found = []
    for token in _doc_tokens(doc):
        if token.i in taken or not token.text[:1].isupper():
            continue
        if token.text in forms and (token.pos_ in ("PROPN", "NOUN") or token.is_upper):
            known = forms[token.text]
        elif token.text in given and token.pos_ == "PROPN" and not _name_word(doc[token.i + 1] if token.i + 1 < len(doc) else token):
            known = given[token.text]
        else:
            continue
        found.append(Candidate(token.i, token.i + 1, known.type, token.text, known.iso, source="repeat"))
    return found


@cache
def _name_ending_words_cased() -> frozenset[str]:
    """Last words of organisation, place and facility names ("Exchange", "Building")."""
    return _word_set("org_suffixes.txt") | _word_set("place_suffixes.txt") | _word_set("facility_words.txt")


@cache
def _honorifics_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """patterns/honorifics.txt as token tuples by first word, longest first ("Dato'" is two tokens)."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for h in sorted((tuple(h.replace("'", " '").split()) for h in _word_set("honorifics.txt")), key=len, reverse=True):
        groups.setdefault(h[0], []).append(h)
    return {first: tuple(group) for first, group in groups.items()}


def _honorific_persons(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Sultan Nazrin Muizzuddin Shah of Perak": capitalised names after an honorific that stands
    only before a personal name (patterns/honorifics.txt), where the NER tagged none of them or
    only the last ones."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    honorifics = _honorifics_by_first()
    particles = _word_set("name_particles.txt")
    found = []
    for token in _doc_tokens(doc):
        i = token.i
        if i in taken or token.text not in honorifics:
            continue
        words = next((h for h in honorifics[token.text] if tuple(t.text for t in doc[i : i + len(h)]) == h), None)
        if words is None:
            continue
        start = i + len(words)
        start += _leading_title(doc, start)  # "Datuk Seri Dr"
        end = start
        while end < len(doc) and end - start < 5 and end not in taken and (
            _name_word(doc[end]) or (doc[end].text in particles and end + 1 < len(doc) and _name_word(doc[end + 1]))
        ) and "\n" not in doc[end].whitespace_:
            end += 1
        if end > start and doc[end - 1].text in _name_ending_words_cased():
            continue  # "Tun Razak Exchange", "Sultan Abdul Samad Building": named after a person, not one
        nxt = next((c for c in cands if c.start == end and c.type == "Person" and c.source == "ner"), None) if end in taken and end > start else None
        if end > start and nxt is not None:
            nxt.start, nxt.text = start, _surface(doc, start, nxt.end)  # "Sultan Iskandar" + "Hafiz Shah"
        elif end > start and end not in taken and not (end < len(doc) and _name_word(doc[end])):
            found.append(Candidate(start, end, "Person", _surface(doc, start, end), source="honorific"))
    return found


def _transcript_persons(doc: Doc, cands: list[Candidate], body_start: int) -> list[Candidate]:
    """"WALLACE: Let's start ...": the speaker label of each transcript turn is a person, written
    as the story writes the name elsewhere ("McConnell" for "MCCONNELL"), else in title case.
    Candidates inside a label are replaced."""
    from ..transcripts import transcript_lines

    lines = transcript_lines(doc_text(doc), start=body_start)
    if not lines:
        return cands
    spelt = {fold(w): w for c in cands if c.type == "Person" for w in c.text.split()}
    labels = []
    for line in lines:
        span = doc.char_span(line.label_start, line.label_end, alignment_mode="expand")
        if span is None:
            continue
        start, end = _strip(doc, span.start, span.end, "PERSON")
        if start >= end:
            continue
        words = [spelt.get(fold(t.text)) or "'".join(p[:1].upper() + p[1:].lower() for p in t.text.split("'")) for t in doc[start:end]]
        labels.append(Candidate(start, end, "Person", " ".join(words), source="transcript"))
    kept = [c for c in cands if not any(c.start < x.end and x.start < c.end for x in labels)]
    return kept + labels


def _possessive_person_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Harbour League's Chan Siu-ming" taken whole for a person: the name is what follows the
    possessive; what comes before it, in capitals, is the organisation (or the country) the
    person belongs to, a candidate of its own where no other covers it."""
    out: list[Candidate] = []
    for c in cands:
        cut = next((k for k in range(c.start + 1, c.end - 1) if doc[k].text in ("'s", "’s")), None)
        if c.type != "Person" or cut is None or cut + 1 >= c.end:
            out.append(c)
            continue
        out.append(Candidate(cut + 1, c.end, "Person", _surface(doc, cut + 1, c.end), source=c.source))
        # the owner: the capitalised words before the possessive, not a "Pro-Reform" before them
        first = cut
        while first > c.start and doc[first - 1].is_alpha and doc[first - 1].text[:1].isupper() and not (
            first - 2 >= c.start and doc[first - 2].text == "-"
        ):
            first -= 1
        covered = any(o.start < cut and first < o.end for o in cands if o is not c)
        if first < cut and not covered and gazetteer.lookup(doc[first:cut].text) is None:
            out.append(Candidate(first, cut, "Organization", _surface(doc, first, cut), source=c.source))
    return out


def _surnames_run_into_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"the business desk of the Daily Courier Brandt said": an organisation name of three
    words or more that the NER ran into the surname of a person the story names in full, right
    before a verb (the person's), is the organisation and, after it, that person."""
    surnames = {c.text.split()[-1] for c in cands if c.type == "Person" and len(c.text.split()) > 1}
    suffixes = _name_ending_words_cased()
    out: list[Candidate] = []
    for c in cands:
        last = doc[c.end - 1]
        if (
            c.type == "Organization" and c.end - c.start >= 3 and last.text in surnames and last.text not in suffixes
            and doc[c.end - 2].is_alpha and doc[c.end - 2].text[:1].isupper()
            and c.end < len(doc) and doc[c.end].pos_ in ("VERB", "AUX")  # "... Courier Brandt said"
        ):
            out.append(Candidate(c.start, c.end - 1, "Organization", _surface(doc, c.start, c.end - 1), source=c.source))
            out.append(Candidate(c.end - 1, c.end, "Person", last.text, source=c.source))
        else:
            out.append(c)
    return out


def _nicknames(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Colonel Yusuf Bakri, known as Bakrawi, ...": the name after "known as" (also "better",
    "widely", "popularly known as") right after a person's full name is that person, there and
    wherever the story uses it."""
    by_start = {c.start: c for c in cands}
    named: dict[str, Candidate] = {}
    for c in cands:
        if c.type != "Person" or " " not in c.text:
            continue
        k = c.end
        if k < len(doc) and doc[k].text in (",", "("):
            k += 1
        if k < len(doc) and doc[k].lower_ in ("also", "better", "widely", "popularly", "commonly"):
            k += 1
        if k + 2 < len(doc) and doc[k].lower_ == "known" and doc[k + 1].lower_ == "as":
            nick = by_start.get(k + 2)
            if nick is not None and nick is not c and nick.text != c.text:
                named[nick.text] = c
    for c in cands:
        full = named.get(c.text)
        if full is not None:
            c.aliases.add(c.text)
            c.text, c.type, c.iso = full.text, "Person", None
    return cands

