"""Countries, places and state bodies that the NER missed or mistyped."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ... import gazetteer

from .words import (
    _doc_tokens,
    Candidate,
    POSSESSIVE,
    _AREA_NOUNS,
    _in_place_construction,
    _before_office_title,
    _based_in,
    _name_word,
    _names_an_area,
    _place_names,
    _state_bodies,
    _surface,
    _word_set,
)
from .spans import _MONTHS, _country


def _state_body_candidates(doc: Doc, cands: list[Candidate]) -> Iterator[Candidate]:
    """"Israeli military", "Brazil's central bank", "Gaza's Health Ministry": the state
    organisation of a country or place, named with its adjective or possessive."""
    owners = {c.end: c for c in cands if c.type in ("Country", "Place")}
    for token in _doc_tokens(doc):
        if not token.text[:1].isupper():
            continue
        start, nxt = token.i, token.i + 1
        if (
            nxt < len(doc) and token.lower_ not in ("the", "a", "an") and doc[nxt].text[:1].isupper()
            and gazetteer.lookup_demonym(f"{token.text} {doc[nxt].text}")
        ):
            nxt += 1  # "South Korean", "North Korean"
        elif gazetteer.lookup_demonym(token.text) is None:
            owner = owners.get(nxt)
            if owner is not None:
                start = owner.start
            elif gazetteer.lookup_name(token.text) is None:
                continue
            if nxt >= len(doc) or doc[nxt].text not in POSSESSIVE:
                continue
            nxt += 1
        n = next((len(body) for body in _state_bodies() if tuple(t.lower_ for t in doc[nxt : nxt + len(body)]) == body), 0)
        if not n and nxt + 1 < len(doc) and doc[nxt].text[:1].isupper() and doc[nxt].is_alpha and doc[nxt + 1].text == "Ministry":
            n = 2  # "the South Korean Unification Ministry": any ministry named with a capital
        if n and _body_acts(doc, start, nxt + n):
            yield Candidate(start, nxt + n, "Organization", _surface(doc, start, nxt + n), source="state")


def _body_acts(doc: Doc, start: int, end: int) -> bool:
    """Whether a state body named here is an actor: it speaks or acts ("the Israeli military
    said", "attacks by the Malian army", "according to Japan's foreign ministry") or employs
    a role-holder ("an Israeli army spokeswoman", "the commander of Tajikistan's armed
    forces"). A body word used as an adjective ("Iraqi military action") or a body only
    talked about ("aid to the Iraqi military") names no organisation of the story."""
    from ..roles.vocabulary import _role_nouns
    from ..statements.lexicon import speech_nouns

    root = doc[end - 1]  # the body word: "army" in "Israel's army"
    if root.tag_ == "JJ":
        return False
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "the army and the police said": the first conjunct's place
    head = root.head
    if root.dep_ == "nsubj" or any(c.dep_ == "relcl" for c in root.children):
        return True  # "the army said", "the army, which said"
    if root.dep_ in ("compound", "amod", "poss") and head.lemma_.lower() in _role_nouns() | speech_nouns():
        return True  # "army spokeswoman", "the ministry's director", "the army's statement"
    if root.dep_ != "pobj":
        return False
    prep, owner = head, head.head
    if prep.lower_ == "by" or (prep.lower_ == "to" and owner.lower_ == "according"):
        return True  # "attacks by the army", "according to the ministry"
    return prep.lower_ in ("of", "for", "at", "with", "from") and owner.lemma_.lower() in _role_nouns() | speech_nouns()


def _gazetteer_candidates(doc: Doc, taken: set[int]) -> Iterator[Candidate]:
    """Country names and nationality adjectives the NER missed."""
    for token in _doc_tokens(doc):
        if token.i in taken or not token.text[:1].isupper():
            continue
        found = gazetteer.lookup(token.text)
        if found is None:
            continue
        country, kind = found
        if kind == "capital":
            continue
        if kind == "name" and token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper() and not doc[token.i + 1].is_sent_start:
            continue  # part of a longer name ("Ukraine Defence Contact Group")
        yield _country(token.i, token.i + 1, country, source="gazetteer")


def _place_candidates(doc: Doc, taken: set[int]) -> Iterator[Candidate]:
    """Towns and cities of the GeoNames list that the NER missed, where places stand
    ("police in the town of Mbalmayo", "fighting near Urus-Martan")."""
    places = _place_names()
    for token in _doc_tokens(doc):
        i = token.i
        if i in taken or not _name_word(token) or (i > 0 and _name_word(doc[i - 1]) and i - 1 not in taken):
            continue
        if token.text in _MONTHS or (token.text in ("March", "May") and token.ent_type_ in ("DATE", "TIME")):
            continue  # "held in March": a month, though a town of that name exists
        if not _in_place_construction(doc, i) and not any(t.lower_ == "based" for t in doc[i + 1 : i + 6]):
            continue
        end = i + 1
        while end < len(doc) and end - i < 4 and end not in taken and (_name_word(doc[end]) or (doc[end].text == "-" and not doc[end].whitespace_)):
            end += 1
        while end > i and _surface(doc, i, end) not in places:
            end -= 1
        if end > i and not (end < len(doc) and _name_word(doc[end])) and (_in_place_construction(doc, i) or _based_in(doc, end)):
            yield Candidate(i, end, "Place", _surface(doc, i, end), source="places")



def _titled_place_candidates(doc: Doc, taken: set[int]) -> Iterator[Candidate]:
    """A state or town named before the title of its office holder, which the NER took for
    part of the name or missed: "Sarawak Premier Abang Johari", "Kedah Menteri Besar X", also
    with the body between ("Selangor police chief X")."""
    places = _place_names()
    for token in _doc_tokens(doc):
        i = token.i
        if i in taken or not _name_word(token) or (i > 0 and _name_word(doc[i - 1]) and i - 1 not in taken):
            continue
        for end in (i + 3, i + 2, i + 1):
            if end >= len(doc) or any(k in taken for k in range(i, end)) or not all(_name_word(doc[k]) for k in range(i, end)):
                continue
            titled = _before_office_title(doc, end) or (
                end + 1 < len(doc) and doc[end].lower_ in _OFFICE_BODIES and _before_office_title(doc, end + 1)
            )  # "Selangor police chief X", "Johor state assemblyman X"
            seat = titled and doc[end].text in _SEAT_TITLES  # "Kinabatangan MP X": the seat is a constituency
            if titled and (seat or _surface(doc, i, end) in places):
                yield Candidate(i, end, "Place", _surface(doc, i, end), source="places")
                break


_SEAT_TITLES = frozenset({"MP", "assemblyman", "assemblywoman", "ADUN"})
_OFFICE_BODIES = frozenset({"police", "state", "city", "provincial", "district", "party", "army", "fire"})
_STREET_WORDS = frozenset({"Street", "Avenue", "Road", "Boulevard"})


def _street_candidates(doc: Doc, taken: set[int]) -> Iterator[Candidate]:
    """A street the NER left untagged ("shares fell on Wall Street"): one or two capitalised
    name words and "Street"/"Avenue"/"Road"/"Boulevard", not followed by another name word
    ("Wall Street Journal" is a paper)."""
    for token in _doc_tokens(doc):
        k = token.i
        if token.text not in _STREET_WORDS or k in taken or k == 0:
            continue
        start = k
        while start > 0 and k - start < 2 and start - 1 not in taken and _name_word(doc[start - 1]) and not doc[start - 1].is_sent_start:
            start -= 1
        if start == k or (k + 1 < len(doc) and doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha):
            continue
        yield Candidate(start, k + 1, "Place", _surface(doc, start, k + 1), source="street")


def _area_candidates(doc: Doc, taken: set[int]) -> Iterator[Candidate]:
    """A region the NER left untagged before the area noun it names ("the remote
    Ibo-Mataka province"): one to three capitalised name words, hyphens between them
    allowed, that modify "province", "region", "district", ..."""
    for token in _doc_tokens(doc):
        k = token.i
        if token.text not in _AREA_NOUNS or token.text == "state" or k in taken or k == 0:
            continue
        start = k
        while (
            start > 0 and k - start < 5 and start - 1 not in taken and not doc[start - 1].is_sent_start
            and (_name_word(doc[start - 1]) or (
                doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and start < k and start > 1 and _name_word(doc[start - 2])
            ))
        ):
            start -= 1
        while start < k and (
            doc[start].text == "-" or doc[start].ent_type_ == "NORP" or gazetteer.lookup_demonym(doc[start].text) is not None
            or (start > 1 and doc[start - 1].text == "-" and not doc[start - 2].text[:1].isupper())
        ):
            start += 1  # "the (mostly-)Catholic North Vale region": the adjective is no part of the name
        if start == k or not _names_an_area(doc, k) or any(doc[j].text in _word_set("org_suffixes.txt") for j in range(start, k)):
            continue
        yield Candidate(start, k, "Place", _surface(doc, start, k), source="area")


def _headed_places(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A place named by a head word the NER left untagged, "Kampung Baru", "Taman Sri Muda",
    "Bukit Jalil" (``place_head_words.txt``): the head and the one to three name words after it,
    over any one-word mention the NER made of a word in it ("Muda", a party's name too)."""
    heads = _word_set("place_head_words.txt")
    covered = {i: c for c in cands for i in range(c.start, c.end)}
    out = list(cands)
    for token in _doc_tokens(doc):
        i = token.i
        if token.text not in heads or i in covered or i + 1 >= len(doc):
            continue
        end = i + 1
        while end < len(doc) and end - i <= 3 and (
            _name_word(doc[end]) or (end in covered and doc[end].text[:1].isupper() and not doc[end].is_upper)
        ) and (end not in covered or covered[end].end - covered[end].start == 1):
            end += 1
        if end == i + 1:
            continue
        inside = {id(covered[k]) for k in range(i + 1, end) if k in covered}
        out = [c for c in out if id(c) not in inside]
        out.append(Candidate(i, end, "Place", _surface(doc, i, end), source="places"))
        covered.update({k: out[-1] for k in range(i, end)})
    return out

