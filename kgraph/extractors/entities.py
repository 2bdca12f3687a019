"""kgraph_entities: the people, organisations, countries and places a story names.

spaCy's NER proposes spans; this component cleans them (titles, determiners,
possessives), types them (countries from the gazetteer, organisations by their
name shape and context), drops what is not an entity of the story (the article's
own agency and publisher, platforms named only as a channel), and resolves short
forms within the article (a surname to the full name, an acronym to its expansion).

It sets ``doc._.entities`` (entity key -> Entity) and ``doc.spans["kg_mentions"]``
(one span per mention, labelled with the entity key).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import gazetteer
from ..identity import entity_key, fold
from ..nlp import MENTIONS, register_extensions
from ..patterns import read_lines
from ..records import Article, Entity, EntityType, Evidence

NER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
POSSESSIVE = {"'s", "’s", "'", "’"}
AGENCY_NAMES = {
    "reuters": ("reuters", "thomson reuters"),
    "ap": ("ap", "associated press", "the associated press"),
    "afp": ("afp", "agence france presse", "agence france-presse"),
}
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$|^[A-Z][A-Za-z]?[A-Z]{1,6}$")
CAPTION_LABELS = {"Image", "Photo", "Picture", "Photograph", "Video", "Credit", "Source", "File"}
TRAILING_POS = {"SCONJ", "PRON", "DET", "ADP", "CCONJ", "VERB", "AUX", "PART", "ADV"}
_NUMBERED = re.compile(r"^[A-Z]{1,4}\d{1,2}\+?$")  # "G7", "E3", "G20": groups with a number
_TYPE_RANK = {"Country": 0, "Person": 1, "Organization": 2, "Place": 3}


@dataclass(slots=True)
class Candidate:
    """A proposed mention: token span, type and cleaned surface text."""

    start: int
    end: int
    type: EntityType
    text: str
    iso: str | None = None
    source: str = "ner"
    key: str = ""
    aliases: set[str] = field(default_factory=set)


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(read_lines(name))


@cache
def _folded(name: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in read_lines(name))


@cache
def _place_names() -> frozenset[str]:
    """Towns, cities and US states of GeoNames (patterns/place_names.txt)."""
    return _word_set("place_names.txt")


_LOCATIVE = frozenset({"in", "near", "outside", "around", "at", "from", "to", "into", "towards", "toward"})
_AREA_WORDS = frozenset({"province", "region", "district", "county", "state", "oblast", "governorate", "prefecture", "airport"})


def _in_place_construction(doc: Doc, start: int) -> bool:
    """"in X", "near X", "from X", "the town of X": a name where places stand."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in _word_set("place_nouns.txt"):
        return True
    return before.lower_ in _LOCATIVE and before.dep_ == "prep"


@cache
def _trailing_titles() -> frozenset[str]:
    """One-word titles that end an organisation span but are not part of the name."""
    words = {t for t in read_lines("person_titles.txt") if " " not in t and t[:1].isupper() and not t.endswith(".")}
    return frozenset(words - _word_set("org_suffixes.txt") - {"Chief", "General"})


@cache
def _titles() -> list[tuple[str, ...]]:
    titles = [tuple(t.casefold().split()) for t in read_lines("person_titles.txt")]
    return sorted(titles, key=len, reverse=True)


def _strip(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Trim determiners, titles, possessives and punctuation from a span's edges."""
    titles = _titles() if label == "PERSON" else []
    changed = True
    while changed and start < end:
        changed = False
        first = doc[start]
        if first.lower_ in DETERMINERS or first.is_punct or first.is_space:
            start, changed = start + 1, True
            continue
        if end - start > 3 and first.is_lower and doc[start + 1].text == "-" and not first.whitespace_:
            start, changed = start + 3, True  # "pro-Beijing Democratic Alliance": a modifier
            continue
        for title in titles:
            n = len(title)
            if end - start > n and tuple(t.lower_ for t in doc[start : start + n]) == title:
                if gazetteer.lookup_name(doc[start : start + n + 1].text) is not None:
                    continue  # "Sri Lanka ...": the title word begins a country's name
                start, changed = start + n, True
                break
        else:
            if titles and end - start > 2 and first.is_sent_start and first.lower_ in _person_nouns():
                start, changed = start + 1, True  # "Newcomer Lau Siu-lai": a describing noun
    if titles:  # "Ontario Premier Doug Ford": a title inside the span ends what is not the name
        for k in range(start + 1, end - 1):
            words = tuple(t.lower_ for t in doc[k:end])
            hit = next((t for t in titles if words[: len(t)] == t and len(t) < len(words) and doc[k].text[:1].isupper()), None)
            if hit is not None:
                start = k + len(hit)
                break
    while end - start > 1 and end < len(doc) and doc[end].text == ":" and doc[end - 1].text in CAPTION_LABELS:
        end -= 1  # "... in Washington D.C. Image: NASA": a caption credit label
    while label == "ORG" and end - start > 1 and doc[end - 1].text in _trailing_titles():
        end -= 1  # "NASA Administrator"
    if end - start >= 3 and doc[end - 2].text == "-" and _modifier_suffix(doc[end - 1].text):
        end -= 2  # "Vladimir Putin-backed": the name, not the compound adjective
    while label == "PERSON" and end - start >= 2 and end < len(doc) and _hyphen_joined(doc, end):
        end += 2  # "Moon Jae" + "-in": the NER stopped inside a hyphenated name
    while end > start and not (end - start > 2 and _hyphen_joined(doc, end - 2)) and (
        doc[end - 1].text in POSSESSIVE
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or (doc[end - 1].is_lower and doc[end - 1].pos_ in TRAILING_POS)
        or (label == "ORG" and end - start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ == "NOUN" and doc[end - 1].text not in _word_set("place_suffixes.txt"))
    ):  # "Yonhap news agency": a lower-case descriptor is not part of the name
        end -= 1
    while label != "PERSON" and end - start > 1 and doc[end - 1].text in _AREA_WORDS:
        end -= 1  # "Jiangsu province", "Luton airport": the place is named without the word
    return start, end


def _modifier_suffix(word: str) -> bool:
    """"-backed", "-led", "-leaning", "-style": the end of a compound adjective, not of a name."""
    return word.islower() and (word.endswith("ed") or (word.endswith("ing") and len(word) > 5) or word in ("run", "style", "era", "born", "made"))


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Tokens i ("-") and i + 1 continue the word before them with no space ("Jae-in")."""
    return (
        i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
        and doc[i + 1].is_alpha and doc[i - 1].text[:1].isupper() and not _modifier_suffix(doc[i + 1].text)
    )


def _surface(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text.strip()


def _own_sources(article: Article | None) -> set[str]:
    """Folded names of the article's own agency and publisher (never entities)."""
    names: set[str] = set()
    if article is None:
        return names
    for value in (article.meta.agency, article.meta.publisher):
        if value:
            names.add(fold(value))
            names.update(AGENCY_NAMES.get(fold(value), ()))
    return {fold(n) for n in names}


_SELF_NOUNS = frozenset(
    "reporter reporters correspondent correspondents photographer photographers journalist journalists "
    "witness witnesses tally calculation calculations count poll survey interview reporting".split()
)
_SELF_VERBS = frozenset("verify check confirm reach contact see review obtain".split())


def _self_references(doc: Doc) -> set[str]:
    """Folded names of wire agencies the story names as itself: "told Reuters", "a Reuters
    reporter", "Reuters could not verify", "prepared by Reuters" (the story's own agency)."""
    from ..meta import normalize_agency

    found: set[str] = set()
    for token in doc:
        if not token.text[:1].isupper():
            continue
        agency = normalize_agency(token.text)
        if agency is None:
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (
            (before is not None and (before.lemma_ == "tell" or before.lower_ in ("told", "tells")))
            or (before is not None and before.lower_ == "with" and token.i > 1 and doc[token.i - 2].lower_ == "interview")
            or (before is not None and before.lower_ == "by" and token.i > 1 and doc[token.i - 2].lower_ in ("prepared", "compiled", "conducted", "seen", "obtained", "reviewed"))
            or (after is not None and after.lower_ in _SELF_NOUNS)
            or any(t.lemma_ in _SELF_VERBS for t in doc[token.i + 1 : token.i + 5] if t.sent == token.sent)
            and token.dep_ in ("nsubj", "nsubjpass")
        ):
            found.add(fold(agency))
            found.update(AGENCY_NAMES.get(fold(agency), ()))
    return found


def _is_channel(doc: Doc, start: int, end: int, text: str) -> bool:
    """A platform named only as the channel of a statement ("wrote on X")."""
    if text.rstrip(".") not in _word_set("platforms.txt"):
        return False
    before = {t.lower_ for t in doc[max(0, start - 3) : start]}
    return bool(before & {"on", "via", "through"})


@cache
def _not_entities() -> tuple[frozenset[str], frozenset[str]]:
    words, names = set(), set()
    for line in read_lines("not_entities.txt"):
        if line.startswith("word:"):
            words.add(line[5:])
        else:
            names.add(line)
    return frozenset(words), frozenset(names)


def _is_not_entity(doc: Doc, start: int, end: int, text: str) -> bool:
    words, names = _not_entities()
    return text in names or any(t.text in words for t in doc[start:end])


def _follows_not_entity(doc: Doc, start: int) -> bool:
    """An acronym in brackets after a treaty or law: "Digital Services Act (DSA)"."""
    if start < 2 or doc[start - 1].text != "(":
        return False
    words, _ = _not_entities()
    sent_start = doc[start].sent.start
    return any(t.text in words for t in doc[max(sent_start, start - 8) : start - 1])


def _repeats_not_entity(doc: Doc, text: str) -> bool:
    for token in doc:
        if token.text == text and _follows_not_entity(doc, token.i):
            return True
    return False


@cache
def _role_titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Role titles of two or more words ("home secretary", "finance minister") from
    ontology/roles.ttl and person_titles.txt, by first word, longest first."""
    from .roles import role_concepts

    forms = {tuple(f.casefold().split()) for c in role_concepts().values() for f in c.forms}
    forms.update(_titles())  # "Emeritus Professor"
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for form in sorted((f for f in forms if len(f) > 1), key=len, reverse=True):
        by_first[form[0]].append(form)
    return {first: tuple(titles) for first, titles in by_first.items()}


@cache
def _title_modifiers() -> frozenset[str]:
    """Words that qualify a title rather than name anything ("Shadow", "Acting", "Former")."""
    from .roles import _rules

    rules = _rules()
    return frozenset(w for key in ("title_modifiers", "current", "not_current", "drop_from_label") for w in rules[key])


def _role_title_start(doc: Doc, start: int, end: int) -> int | None:
    """Where a role title that runs past the end of a name begins inside it: the NER
    took "Shadow Home" of "Shadow Home Secretary Yvette Cooper" for a name."""
    for k in range(start, end):
        for title in _role_titles().get(doc[k].lower_, ()):
            stop = k + len(title)
            if stop > end and stop <= len(doc) and tuple(t.lower_ for t in doc[k:stop]) == title:
                return k
    return None


def _name_tail(doc: Doc, end: int) -> int:
    """Extend an organisation name over "of/for/at (the) Title Words" that the NER cut off."""
    i = end
    if i < len(doc) and doc[i].lower_ in ("of", "for", "at"):
        j = i + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        k = j
        while k < len(doc) and (_title_word(doc[k]) or (doc[k].lower_ in ("of", "and") and k + 1 < len(doc) and _title_word(doc[k + 1]))):
            k += 1
        tail = doc[j:k].text
        hyphenated = k < len(doc) and doc[k].text == "-"
        if k > j and _title_word(doc[k - 1]) and not hyphenated and gazetteer.lookup(tail) is None:
            return k
    return end


def _title_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ") and not token.is_sent_start


def _name_spans(doc: Doc) -> Iterator[tuple[int, int, str]]:
    """NER spans, with split personal names joined ("Abdulaziz" "bin" "Salman")."""
    particles = _word_set("name_particles.txt")
    ents = [e for e in doc.ents if _label(e) in NER_LABELS]
    i = 0
    while i < len(ents):
        ent = ents[i]
        start, end, label = ent.start, ent.end, _label(ent)
        if label == "PERSON":
            while True:
                j = end
                while j < len(doc) and doc[j].text in particles:
                    j += 1
                nxt = ents[i + 1] if i + 1 < len(ents) else None
                if nxt is not None and nxt.start == j and nxt.label_ in ("PERSON", "ORG", "GPE") and (j > end or nxt.label_ == "PERSON"):
                    end = nxt.end
                    i += 1
                elif j > end and j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN":
                    end = j + 1
                    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                        end += 1
                else:
                    break
        if label == "PERSON" and end < len(doc) and _regnal_number(doc, end):
            end += 1  # "Henry VIII", "Queen Elizabeth I": the number is part of the name
        if label == "PERSON" and doc[end - 1].text in particles:
            while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                end += 1  # "Ursula von der" + "Leyen"
            while i + 1 < len(ents) and ents[i + 1].start < end:
                i += 1
        # never across a line break
        for k in range(start, end):
            if "\n" in doc[k].text or (k > start and "\n" in doc[k - 1].whitespace_ + doc[k - 1].text[-1:]):
                if k > start and "\n" in doc[k].text:
                    end = k
                    break
        for k in range(start + 1, end):
            if doc[k].text in ("(", "[", "|", "/") or (doc[k].text in ("-", "--", "—", "–") and doc[k - 1].whitespace_ and doc[k].whitespace_):
                end = k  # "World Health Organization (WHO", "GERMANY - Bunds"
                break
        if label == "ORG" and doc[end - 1].text in _word_set("org_suffixes.txt"):
            end = _name_tail(doc, end)  # "Joint Council" + "for the Welfare of Immigrants"
        if end < len(doc) and doc[end].text == "+" and not doc[end - 1].whitespace_:
            end += 1  # "OPEC+"
        yield start, end, label
        i += 1


_ROMAN = re.compile(r"^(?:X{0,2})(?:IX|IV|V?I{0,3})$")


def _regnal_number(doc: Doc, i: int) -> bool:
    """A Roman numeral after a name ("Henry VIII", "Pedro I became"); "I" only where it cannot
    be the pronoun (before punctuation, "of", "'s" or a verb in the past: "Pedro I became")."""
    text = doc[i].text
    if not text or not _ROMAN.match(text) or doc[i - 1].whitespace_ == "":
        return False
    if text != "I":
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or nxt.is_punct or nxt.lower_ in ("of", "'s", "’s") or nxt.tag_ in ("VBD", "VBN")


def _is_place_name(doc: Doc, start: int, end: int) -> bool:
    """"English Channel", "Donetsk region", "Museum of Flight", "Kennedy Space Center"."""
    if doc[end - 1].text in _word_set("place_suffixes.txt") | _word_set("facility_words.txt"):
        return True
    facilities = _word_set("facility_words.txt")
    return any(doc[i].text in facilities and doc[i + 1].lower_ == "of" for i in range(start, end - 1))


@cache
def _facility_not_surname() -> frozenset[str]:
    """"Steven F. Udvar-Hazy Center", "Art Gallery": a PERSON guess ending so is a place
    (but not "Stuart Hall": facility_surnames.txt)."""
    return _word_set("facility_words.txt") - _word_set("facility_surnames.txt")


def _located_in(token: Token) -> bool:
    """A one-word name governed by a locative preposition ("in Herat", "near Yeoncheon")
    or introduced by a place noun ("the town of Yeoncheon")."""
    i = token.i
    if i >= 2 and token.doc[i - 1].lower_ == "of" and token.doc[i - 2].lower_ in _word_set("place_nouns.txt"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in {"in", "near", "at", "outside", "around"} and token.head.head.pos_ != "NOUN"


NON_ENTITY_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}


def _label(ent: Span) -> str:
    """The NER label, except that an "event", "law", "work" or "facility" whose last word
    ends organisation names is an organisation ("according to the Sydney Morning Herald")."""
    if ent.label_ in ("EVENT", "LAW", "WORK_OF_ART", "FAC") and ent[-1].text in _word_set("org_suffixes.txt"):
        return "ORG"
    return ent.label_


def _mostly_not_entity(doc: Doc) -> set[str]:
    """Names the NER labels as products, works, events or laws more often than as
    people, organisations or places ("Firefox", "Space Shuttle Columbia")."""
    votes: dict[str, Counter[bool]] = defaultdict(Counter)
    for ent in doc.ents:
        label = _label(ent)
        if label in NER_LABELS or label in NON_ENTITY_LABELS:
            start, end = _strip(doc, ent.start, ent.end, label)
            votes[doc[start:end].text][label in NON_ENTITY_LABELS] += 1
    return {text for text, c in votes.items() if c[True] > c[False]}


def _country(start: int, end: int, country: gazetteer.Country, source: str = "ner") -> Candidate:
    """A country's mention; a territory that is no sovereign state ("Hong Kong",
    "Puerto Rican") is a Place under the country file's standard name."""
    if country.iso in _word_set("territories.txt"):
        return Candidate(start, end, "Place", country.name, source=source)
    return Candidate(start, end, "Country", country.name, country.iso, source=source)


def _shared_head_countries(doc: Doc, start: int, end: int) -> list[Candidate]:
    """"North and South Korea": two countries that share their last word."""
    words = [t.text for t in doc[start:end]]
    if len(words) < 4 or words[1] != "and":
        return []
    first = gazetteer.lookup_name(" ".join([words[0], *words[3:]]))
    second = gazetteer.lookup_name(" ".join(words[2:]))
    if first is None or second is None:
        return []
    return [
        _country(start, start + 1, first),
        _country(start + 2, end, second),
    ]


def _known_place(doc: Doc, start: int, end: int, text: str, label: str) -> bool:
    """A town or city of the GeoNames list that the NER called an organisation (a one-word
    name only where places stand, and never when its neighbours show an organisation) or a
    person (only where places stand: "in X")."""
    if text not in _place_names() or _ACRONYM.match(text) or doc[end - 1].text in _word_set("org_suffixes.txt"):
        return False
    if label == "PERSON":
        return doc[start].text not in _word_set("given_names.txt") and _in_place_construction(doc, start)
    if end - start == 1 and not any(_in_place_construction(doc, t.i) for t in doc if t.text == text):
        return False  # "Freedom", "Batman": one word is a town somewhere; only where places stand
    return not _context_is_org(doc, Candidate(start, end, "Organization", text))


def _ner_candidates(doc: Doc) -> Iterator[Candidate]:
    not_entities = _mostly_not_entity(doc)
    for ent_start, ent_end, label in _name_spans(doc):
        start, end = _strip(doc, ent_start, ent_end, label)
        if start >= end:
            continue
        text = _surface(doc, start, end)
        if not any(ch.isupper() for ch in text) or (any(ch.isdigit() for ch in text) and not (label == "ORG" and _NUMBERED.match(text))):
            continue
        if _is_not_entity(doc, start, end, text) or text in not_entities:
            continue
        if _ACRONYM.match(text) and _repeats_not_entity(doc, text):
            continue
        if label != "NORP" and not _ACRONYM.match(text):
            k = _role_title_start(doc, start, end)
            if k is not None:  # "Finance" in "Finance Minister", "Shadow Home" in "Shadow Home Secretary"
                if k == start or (k - start == 1 and doc[start].lower_ in _title_modifiers()):
                    continue
                end, text = k, _surface(doc, start, k)
        if label == "ORG" and end - start >= 3 and doc[start + 1].lower_ == "of" and (
            doc[start].lower_ in _person_nouns() or (doc[start].lower_,) in _titles()
        ) and (gazetteer.lookup(doc[start + 2 : end].text) is not None or doc[start + 2 : end].text in _place_names()):
            start, text = start + 2, _surface(doc, start + 2, end)  # "Archbishop of Cape Town": a post, and the place
            label = "GPE"
        shared = _shared_head_countries(doc, start, end)
        if shared:
            yield from shared
            continue
        if label == "NORP":
            country = gazetteer.lookup_demonym(text)
            if country is not None:
                yield _country(start, end, country)
            continue
        country = gazetteer.lookup_name(text)
        if country is None and label != "PERSON":
            country = gazetteer.lookup_demonym(text)
        if country is not None:
            yield _country(start, end, country)
        elif gazetteer.lookup_capital(text) is not None:
            yield Candidate(start, end, "Place", text)
        elif end - start > 1 and (label != "PERSON" or doc[end - 1].text in _facility_not_surname()) and _is_place_name(doc, start, end):
            yield Candidate(start, end, "Place", text)
        elif text in _word_set("platforms.txt"):
            yield Candidate(start, end, "Organization", text)
        elif end < ent_end and doc[end].text in _AREA_WORDS:
            yield Candidate(start, end, "Place", text)  # "Jiangsu province"
        elif label in ("ORG", "PERSON") and _known_place(doc, start, end, text, label):
            yield Candidate(start, end, "Place", text)
        elif label == "PERSON":
            yield Candidate(start, end, "Person", text)
        elif label == "ORG" and end - start == 1 and _located_in(doc[start]):
            yield Candidate(start, end, "Place", text)  # "fighting near Herat": a place
        elif label == "ORG":
            yield Candidate(start, end, "Organization", text)
        else:
            yield Candidate(start, end, "Place", text)


@cache
def _state_bodies() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(line.casefold().split()) for line in read_lines("state_bodies.txt")), key=len, reverse=True))


def _state_body_candidates(doc: Doc, cands: list[Candidate]) -> Iterator[Candidate]:
    """"Israeli military", "Brazil's central bank", "Gaza's Health Ministry": the state
    organisation of a country or place, named with its adjective or possessive."""
    owners = {c.end: c for c in cands if c.type in ("Country", "Place")}
    for token in doc:
        if not token.text[:1].isupper():
            continue
        start, nxt = token.i, token.i + 1
        if gazetteer.lookup_demonym(token.text) is None:
            owner = owners.get(nxt)
            if owner is not None:
                start = owner.start
            elif gazetteer.lookup_name(token.text) is None:
                continue
            if nxt >= len(doc) or doc[nxt].text not in POSSESSIVE:
                continue
            nxt += 1
        for body in _state_bodies():
            n = len(body)
            if tuple(t.lower_ for t in doc[nxt : nxt + n]) == body:
                yield Candidate(start, nxt + n, "Organization", _surface(doc, start, nxt + n), source="state")
                break


def _gazetteer_candidates(doc: Doc, taken: set[int]) -> Iterator[Candidate]:
    """Country names and nationality adjectives the NER missed."""
    for token in doc:
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
    for token in doc:
        i = token.i
        if i in taken or not _name_word(token) or not _in_place_construction(doc, i):
            continue
        end = i + 1
        while end < len(doc) and end - i < 4 and end not in taken and (_name_word(doc[end]) or (doc[end].text == "-" and not doc[end].whitespace_)):
            end += 1
        while end > i and _surface(doc, i, end) not in places:
            end -= 1
        if end > i and not (end < len(doc) and _name_word(doc[end])):
            yield Candidate(i, end, "Place", _surface(doc, i, end), source="places")


def _context_is_org(doc: Doc, cand: Candidate) -> bool:
    """Name shape or neighbours show an organisation ("operator Energoatom")."""
    suffixes = _word_set("org_suffixes.txt")
    nouns = _word_set("org_nouns.txt")
    if doc[cand.end - 1].text in suffixes:
        return True
    span = doc[cand.start : cand.end]
    root = span.root
    for tok in (doc[cand.start - 1] if cand.start > 0 else None, root.head):
        if tok is not None and tok.i not in range(cand.start, cand.end) and tok.pos_ == "NOUN" and tok.lower_ in nouns:
            if tok.i == cand.start - 1 or root.dep_ in ("appos", "compound"):
                return True
    return any(child.dep_ == "appos" and child.lower_ in nouns for child in root.children)


@cache
def _name_ending_words() -> frozenset[str]:
    return frozenset(
        w.casefold()
        for file in ("org_suffixes.txt", "place_suffixes.txt", "facility_words.txt", "org_nouns.txt")
        for w in read_lines(file)
    )


def _personal_name(doc: Doc, cand: Candidate) -> bool:
    """Given name + one or two capitalised words, none of them an organisation, place or
    country word: "Dean Kamen", "Walker Evans" (not "Grace Foundation", "Victoria Harbour")."""
    words = cand.text.split()
    if not 2 <= len(words) <= 3 or words[0] not in _word_set("given_names.txt"):
        return False
    tokens = doc[cand.start : cand.end]
    if len(tokens) != len(words) or any(not t.text[:1].isupper() or t.is_upper or t.pos_ != "PROPN" for t in tokens):
        return False
    return not any(w.casefold() in _name_ending_words() or gazetteer.lookup(w) is not None for w in words[1:])


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", fold(text)) if t]


def _acronym_of(acronym: str, name: str) -> bool:
    """"IAEA" / "International Atomic Energy Agency", "ECOWAS" / "Economic Community of West African States"."""
    letters = fold(acronym).replace(" ", "")
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    capital = "".join(w[0] for w in words if w[0].isupper()).casefold()
    every = "".join(w[0] for w in words).casefold()
    return len(letters) >= 2 and letters in (capital, every)


def _resolve(cands: list[Candidate], doc: Doc, acronyms: dict[str, str]) -> None:
    """Retype and link short forms to full names; sets each candidate's key."""
    # 1. Majority type per surface text (the NER is inconsistent across mentions).
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for c in cands:
        if c.type != "Country":
            votes[fold(c.text)][c.type] += 1
    for c in cands:
        if c.type != "Country":
            counts = votes[fold(c.text)]
            c.type = min(counts, key=lambda t: (-counts[t], _TYPE_RANK[t]))
    # An acronym takes the type of the name it abbreviates ("Kennedy Space Center (KSC)").
    expansions = set(acronyms.values())
    full_type = {c.text: c.type for c in cands if c.text in expansions}
    for c in cands:
        if c.text in acronyms and acronyms[c.text] in full_type and c.type != "Country":
            c.type = full_type[acronyms[c.text]]
    # "Cheng Chung-tai of Civic Passion": what a person is "of" is no person (their party, employer).
    person_ends = {c.end: c for c in cands if c.type == "Person"}
    for c in cands:
        before = person_ends.get(c.start - 1)
        if c.type == "Person" and before is not None and doc[c.start - 1].lower_ == "of" and c.text != before.text:
            c.type = "Organization"
    # "in Irving, Texas": a one-word name followed by ", <country or region>" is a place
    # wherever it recurs.
    after_comma = {c.start: c for c in cands if c.type in ("Country", "Place")}
    located = set()
    for c in cands:
        region = after_comma.get(c.end + 1)
        if (
            c.type in ("Organization", "Place") and c.end - c.start == 1 and c.source == "ner" and not _ACRONYM.match(c.text)
            and doc[c.start].text not in _word_set("org_suffixes.txt")
            and region is not None and doc[c.end].text == ","
            and (region.end == len(doc) or doc[region.end].text not in POSSESSIVE)
        ):
            located.add(fold(c.text))
    for c in cands:
        if fold(c.text) in located and c.type == "Organization":
            c.type = "Place"
    # 2. Organisation shape and context beats a PERSON guess for names that are not full names.
    persons_full = {fold(c.text) for c in cands if c.type == "Person" and len(c.text.split()) > 1}
    for c in cands:
        if c.type == "Person" and len(c.text.split()) == 1 and _context_is_org(doc, c):
            c.type = "Organization"
        elif c.type == "Person" and c.text.split()[-1] in _word_set("org_suffixes.txt"):
            c.type = "Organization"
        elif (
            c.type == "Person" and " " in c.text and c.source == "ner" and gazetteer.lookup_name(c.text.split()[-1]) is not None
            and c.text.split()[0] not in _word_set("given_names.txt")
        ):
            c.type = "Organization"  # "Atlas Bangladesh": no person's name ends with a country
    company_heads = {
        c.text.split()[0] for c in cands
        if c.type == "Organization" and len(c.text.split()) == 2 and fold(c.text.split()[1]) in _COMPANY_FORMS
    }
    for c in cands:
        if c.type == "Person" and " " not in c.text and c.text in company_heads:
            c.type = "Organization"  # "Harwick said" after "Harwick Corp."
    org_like = {fold(c.text) for c in cands if c.type == "Organization"}
    for c in cands:
        if c.type == "Person" and fold(c.text) in org_like and fold(c.text) not in persons_full:
            c.type = "Organization"
    # A short two- or three-word "organisation" whose last word is a person's surname
    # elsewhere in the story is that person ("Dean Kamen" ORG beside "Kamen" PERSON).
    single_persons = {c.text for c in cands if c.type == "Person" and len(c.text.split()) == 1}
    for c in cands:
        words = c.text.split()
        if (
            c.type == "Organization"
            and 2 <= len(words) <= 3
            and words[-1] in single_persons
            and all(w[:1].isupper() for w in words)
            and words[-1] not in _word_set("org_suffixes.txt")
        ):
            c.type = "Person"
    # "founded by Dean Kamen", "saved by Thibaut Courtois": a two- or three-word name that
    # starts with a given name and ends with no organisation or place word is a person's.
    for c in cands:
        if c.type in ("Organization", "Place") and c.source == "ner" and doc[c.start].ent_type_ in ("ORG", "GPE") and _personal_name(doc, c):
            c.type = "Person"
    # Two spellings of one full name ("Kristen Wilkins", "Kristin Wilkins").
    fulls = sorted({c.text for c in cands if c.type == "Person" and len(c.text.split()) > 1})
    respell: dict[str, str] = {}
    for i, a in enumerate(fulls):
        for b in fulls[i + 1 :]:
            if a.split()[-1] == b.split()[-1] and fuzz.ratio(a, b) >= 85 and a not in respell:
                respell[b] = a
    # A misspelt organisation name ("Untied Nations") joins the spelling used more often.
    org_counts = Counter(c.text for c in cands if c.type == "Organization" and " " in c.text)
    ranked = sorted(org_counts, key=lambda t: (-org_counts[t], t))
    respelt_orgs: dict[str, str] = {}
    for i, a in enumerate(ranked):
        for b in ranked[i + 1 :]:
            if len(a.split()) == len(b.split()) and a not in respelt_orgs and b not in respelt_orgs and fuzz.ratio(a, b) >= 90:
                respelt_orgs[b] = a
    spellings = {"Person": respell, "Organization": respelt_orgs}
    for c in cands:
        spelling = spellings.get(c.type, {}).get(c.text)
        if spelling is not None:
            c.aliases.add(c.text)
            c.text = spelling
    # 3. Short forms: a surname (or any token subset) of a full person name is that person.
    full_names = sorted(
        {c.text for c in cands if c.type == "Person" and len(c.text.split()) > 1},
        key=lambda t: (-len(t), t),  # ties in name order, not hash order (PYTHONHASHSEED)
    )
    for c in cands:
        if c.type == "Country":
            continue
        toks = _tokens(c.text)
        if c.type == "Person" or len(toks) == 1:
            for full in full_names:
                ftoks = _tokens(full)
                if len(toks) < len(ftoks) and _subsequence(toks, ftoks) and (c.type == "Person" or toks[-1] == ftoks[-1] or (c.type == "Organization" and toks[-1] == ftoks[0])):
                    c.type = "Person"
                    c.aliases.add(c.text)
                    c.text = full
                    break
    # "Magyar's Tisza": an organisation named with a person's possessive is the organisation.
    person_forms = {f for c in cands if c.type == "Person" for f in (c.text, *c.aliases, c.text.split()[-1])}
    for c in cands:
        if c.type != "Organization":
            continue
        for k in range(c.start + 1, c.end - 1):
            if doc[k].text in ("'s", "’s") and doc[c.start : k].text in person_forms:
                c.start, c.text = k + 1, doc[k + 1 : c.end].text
                break
    # "the North" in a story about North Korea: the one country named "North ...".
    countries = {c.text: c for c in cands if c.type == "Country"}
    for c in cands:
        if c.type != "Country" and c.text in ("North", "South", "East", "West") and c.start > 0 and doc[c.start - 1].lower_ == "the":
            named = [k for k in countries.values() if k.text.split()[0] == c.text and " " in k.text]
            if len({k.iso for k in named}) == 1:
                c.aliases.add(c.text)
                c.type, c.text, c.iso = "Country", named[0].text, named[0].iso
    # "the State of Queensland", "the City of Toronto": the place itself, whatever the NER said.
    places = {c.text: c for c in cands if c.type in ("Place", "Country")}
    for c in cands:
        head, _, tail = c.text.partition(" of ")
        if head in ("State", "City", "Province", "Commonwealth", "Republic") and tail in places:
            c.aliases.add(c.text)
            c.type, c.text, c.iso = places[tail].type, places[tail].text, places[tail].iso
    # 4. Acronyms and shorter forms of organisation and place names.
    names_by_type: dict[str, list[str]] = defaultdict(list)
    for c in cands:
        if c.type in ("Organization", "Place") and c.text not in names_by_type[c.type]:
            names_by_type[c.type].append(c.text)
    canonical: dict[tuple[str, str], str] = {}
    for type_, names in names_by_type.items():
        for name in names:
            best = acronyms.get(name, name)
            for other in names:
                if other == name or len(other) <= len(best) or best != name:
                    continue
                if _ACRONYM.match(name) and _acronym_of(name, other):
                    best = other
                elif len(_tokens(name)) < len(_tokens(other)) and _suffix_or_prefix(_tokens(name), _tokens(other), type_):
                    best = other
            if best == name and " of " in name:
                # "State of Texas" is Texas; "Museum of Flight of Seattle" is "Museum of Flight"
                head, _, tail = name.rpartition(" of ")
                if head in names and head != name:
                    best = head
            if best == name and type_ == "Organization" and len(_tokens(name)) == 1 and name[:1].isupper():
                # "the Commission" after "the European Commission": the one longer name it ends
                longer = [o for o in names if len(_tokens(o)) > 1 and _tokens(o)[-1] == _tokens(name)[0]]
                if len(longer) == 1:
                    best = longer[0]
            canonical[(type_, name)] = best
    for c in cands:
        if (c.type, c.text) in canonical and canonical[(c.type, c.text)] != c.text:
            c.aliases.add(c.text)
            c.text = canonical[(c.type, c.text)]
    for c in cands:
        c.key = entity_key(c.type, c.text, c.iso)


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(tok in it for tok in short)


def _suffix_or_prefix(short: list[str], long: list[str], type_: str) -> bool:
    """"Security Council" of "U.N. Security Council" (organisations); "Gaza" of "Gaza Strip"
    (a place word only: "California" is not "California Science Center", and "Los Angeles"
    is not "East Los Angeles")."""
    n = len(short)
    if long[-n:] == short and n > 1 and type_ == "Organization":
        return True
    if (  # "Andy Warhol Foundation" of "Andy Warhol Foundation for the Visual Arts"
        type_ == "Organization" and n > 1 and long[:n] == short and long[n] in ("of", "for")
        and short[-1] in _folded("org_suffixes.txt")
    ):
        return True
    if type_ == "Organization" and long[:n] == short and len(long) == n + 1 and long[-1] in _COMPANY_FORMS:
        return True  # "Norwest" of "Norwest Corp.", "Ferrante" of "Ferrante SpA"
    return long[:n] == short and all(w in _folded("place_suffixes.txt") for w in long[n:])


_COMPANY_FORMS = frozenset(
    "corp corporation inc incorporated co cos ltd limited sa spa ag nv plc gmbh llc bhd berhad holdings group".split()
)


def _parenthesised_acronyms(doc: Doc, cands: list[Candidate]) -> dict[str, str]:
    """"Alliance of Sahel States (AES)": the acronym names the organisation (or place) before it."""
    by_start = {c.start: c for c in cands}
    found: dict[str, str] = {}
    for c in list(cands):
        if c.type not in ("Organization", "Place"):
            continue
        i = c.end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and _ACRONYM.match(doc[i + 1].text):
            acronym = doc[i + 1].text
            found[acronym] = c.text
            other = by_start.get(i + 1)
            if other is None:
                cands.append(Candidate(i + 1, i + 2, c.type, acronym, source="acronym"))
            else:
                other.type = c.type
    return found


@cache
def _person_nouns() -> frozenset[str]:
    from .roles import role_concepts

    words = {w.casefold() for w in read_lines("person_nouns.txt")}
    for concept in role_concepts().values():
        words.update(form.casefold().split()[-1] for form in concept.forms)
    return frozenset(words)


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_upper


def _appositive_persons(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Isabel Schnabel, an ECB board member, said": a name that an appositive describes
    as a person is a person, where the NER missed it, cut it short or called it an organisation."""
    particles = _word_set("name_particles.txt")
    nouns = _person_nouns()
    found = []
    i = 0
    while i < len(doc):
        if not _name_word(doc[i]) or (i > 0 and _name_word(doc[i - 1])):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and (_name_word(doc[end]) or doc[end].text in particles):
            end += 1
        if not (2 <= end - i <= 4 and end < len(doc) and doc[end].text == ","):
            i = end
            continue
        described = []
        for tok in doc[end + 1 : end + 12]:
            if tok.text in (",", ";", ".") or tok.pos_ in ("VERB", "AUX"):
                break
            described.append(tok)
        heads = [t.lower_ for t in described if t.pos_ == "NOUN" and t.text.islower()]
        if heads and (heads[0] in nouns or heads[-1] in nouns):
            start = i
            # "Ontario Premier Doug Ford,": leading names of other things and titles are not the name
            for c in sorted((c for c in cands if start <= c.start < end), key=lambda c: c.start):
                if c.type != "Person" and c.start == start and c.end < end:
                    start = c.end
            start, stop = _strip(doc, start, end, "PERSON")
            text = doc[start:stop].text
            inside = [c for c in cands if c.start < stop and c.end > start]
            if (
                stop - start >= 2
                and all(start <= c.start and c.end <= stop for c in inside)
                and all(c.type == "Person" or (c.start, c.end) == (start, stop) for c in inside)
                and gazetteer.lookup(text) is None
                and doc[stop - 1].text not in _word_set("org_suffixes.txt")
            ):
                for c in inside:
                    cands.remove(c)
                found.append(Candidate(start, stop, "Person", text, source="appositive"))
        i = end
    return found


def _given_name_persons(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Enver Solomon told Sky News": a given name and one or two more capitalised names
    that the NER missed (or cut: "Enver" + PERSON "Solomon") name a person."""
    given = _word_set("given_names.txt")
    particles = _word_set("name_particles.txt")
    by_start = {c.start: c for c in cands}
    taken = {i for c in cands for i in range(c.start, c.end)}
    found = []
    for token in doc:
        i = token.i
        if i in taken or token.text not in given or not _name_word(token) or (i > 0 and _name_word(doc[i - 1]) and i - 1 not in taken):
            continue
        if i + 1 < len(doc) and doc[i + 1].text != "I" and _regnal_number(doc, i + 1):
            found.append(Candidate(i, i + 2, "Person", _surface(doc, i, i + 2), source="given"))  # "Henry VIII"
            continue
        if token.text in _word_set("given_names_words.txt"):  # "Star Wars", "Booker Prize"
            continue
        nxt = by_start.get(i + 1)
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
    for token in doc:
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


def _shouted_tokens(doc: Doc) -> set[int]:
    """Tokens of lines written in capitals (a wire headline "TALKS COLLAPSE IN GENEVA"),
    where the NER cannot tell names from words."""
    newlines = [m.start() for m in re.finditer("\n", doc.text)]
    lines: dict[int, list[Token]] = defaultdict(list)
    for token in doc:
        if not token.is_space:
            lines[bisect_right(newlines, token.idx)].append(token)
    shouted: set[int] = set()
    for line in lines.values():
        words = [t for t in line if t.is_alpha and len(t.text) > 1]
        if len(words) >= 3 and sum(t.is_upper for t in words) >= 0.7 * len(words):
            shouted.update(t.i for t in line)
    return shouted


def _drop_shouted(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """In a line written in capitals, keep only countries, capitals and names the story also
    writes in normal case ("GENEVA" in "TALKS COLLAPSE IN GENEVA" when the body names Geneva)."""
    shouted = _shouted_tokens(doc)
    if not shouted:
        return cands

    def caps(c: Candidate) -> bool:
        return c.start in shouted and all(not t.is_alpha or t.is_upper for t in doc[c.start : c.end])

    known = {fold(c.text) for c in cands if not caps(c)}
    known |= {fold(c.text.split()[-1]) for c in cands if not caps(c) and c.type == "Person"}
    kept = []
    for c in cands:
        if not caps(c) or c.type == "Country" or fold(c.text) in known or gazetteer.lookup_capital(c.text) is not None:
            kept.append(c)
            continue
        for token in doc[c.start : c.end]:  # "KENYAN GROWERS": the country word inside the junk
            found = gazetteer.lookup(token.text)
            if found is not None and found[1] != "capital":
                kept.append(_country(token.i, token.i + 1, found[0], source="gazetteer"))
    return kept


_CHANNEL_VERBS = frozenset({"quote", "cite", "carry"})


def _is_news_agency(text: str) -> bool:
    from ..meta import normalize_agency

    return normalize_agency(text) is not None or text.endswith(("News Agency", "Press Agency", "news agency"))


def _channel_use(doc: Doc, c: Candidate) -> bool:
    """"Interfax quoted the minister as saying", "told Tass", "a statement carried by the
    state news agency X": the agency passes on someone else's words."""
    root = doc[c.start : c.end].root
    while root.dep_ == "compound" and root.head.i >= c.end and root.head.is_lower:
        root = root.head  # "Itar-Tass news agency quoted"
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _CHANNEL_VERBS:
        return True
    if root.dep_ == "nsubj" and root.head.lemma_ in ("say", "report") and any(
        t.lemma_ in ("say", "tell", "announce") and t.pos_ == "VERB" for t in doc[root.sent.start : c.start]
    ):
        return True  # "X said ..., Interfax news agency said": the agency only relays
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lemma_ in _CHANNEL_VERBS:
        return True
    before = doc[c.start - 1] if c.start > 0 else None
    return before is not None and before.lower_ in ("told", "tells", "quoting", "citing")


def _drop_channels(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A news agency named only as the channel of other people's words is not an entity of
    the story (one that speaks in its own voice stays)."""
    uses: dict[str, list[bool]] = defaultdict(list)
    for c in cands:
        if c.type == "Organization" and _is_news_agency(c.text):
            uses[c.key].append(_channel_use(doc, c))
    doomed = {key for key, flags in uses.items() if all(flags)}
    return [c for c in cands if c.key not in doomed]


def _drop_lone_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A one-word "person" named once, with no title and no full name anywhere in the
    story, is more often a product, a word at a sentence start or a misread than a person;
    so is a longer "person" whose first word is no given name but a word the story also
    writes in lower case ("Space Shuttle Atlantis");
    a one-word "organisation" that the story also writes in lower case is a common word;
    letters after a person's name ("Tom Molomby, SC,") and a family ("the Sams" beside
    "Thomas Sam") are no organisations."""
    counts = Counter(c.key for c in cands)
    titles = _titles()

    def titled(c: Candidate) -> bool:
        return any(
            tuple(t.lower_ for t in doc[max(0, c.start - len(t)) : c.start]) == t for t in titles
        )

    lowercase = {t.text for t in doc if t.is_lower}
    given = _word_set("given_names.txt")

    def common_words(c: Candidate) -> bool:  # "Space Shuttle Atlantis" beside "the space shuttle"
        first = c.text.split()[0]
        return " " in c.text and first not in given and first.lower() in lowercase

    not_people = {c.key for c in cands if c.type == "Person" and c.source == "ner" and common_words(c)}
    person_ends = {c.end for c in cands if c.type == "Person"}
    surnames = {c.text.split()[-1] for c in cands if c.type == "Person" and " " in c.text}

    def post_nominal(c: Candidate) -> bool:  # "Tom Molomby, SC, said": letters after a name
        return (
            c.end - c.start == 1 and _ACRONYM.match(c.text) is not None and c.start >= 2
            and doc[c.start - 1].text == "," and c.start - 1 in person_ends
            and (c.end == len(doc) or doc[c.end].text in (",", ".", ";"))
        )

    def family(c: Candidate) -> bool:  # "the Sams" beside "Thomas Sam": a family, not a body
        return c.type != "Person" and " " not in c.text and c.text.endswith("s") and c.text[:-1] in surnames
    return [
        c for c in cands
        if not (c.type == "Person" and " " not in c.text and counts[c.key] == 1 and not c.aliases and not titled(c))
        and c.key not in not_people and not post_nominal(c) and not family(c)
        and not (  # "Trade", "State": a common word with a capital, used lower-case elsewhere
            c.type == "Organization" and " " not in c.text and not c.aliases
            and not _ACRONYM.match(c.text) and c.text.lower() in lowercase
        )
    ]


def find_entities(doc: Doc) -> tuple[dict[str, Entity], list[tuple[int, int, str]]]:
    """Entities of a Doc and their mentions as (start token, end token, key)."""
    article: Article | None = doc._.article
    own = _own_sources(article) | _self_references(doc)
    cands = [
        c
        for c in _ner_candidates(doc)
        if fold(c.text) not in own and not _is_channel(doc, c.start, c.end, c.text)
    ]
    # a span the NER proposed inside a longer name it also proposed (after "for the" joined
    # "Democratic Alliance" and "Betterment and Progress of Hong Kong") is part of that name
    cands = [
        c for c in cands
        if not any(o is not c and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start for o in cands)
    ]
    taken = {i for c in cands for i in range(c.start, c.end)}
    cands.extend(_gazetteer_candidates(doc, taken))
    taken.update(i for c in cands for i in range(c.start, c.end))
    cands.extend(_place_candidates(doc, taken))
    bodies = list(_state_body_candidates(doc, cands))
    if bodies:
        inside = {(b.start, b.end) for b in bodies}
        cands = [
            c for c in cands
            if c.type == "Country" or not any(s <= c.start and c.end <= e for s, e in inside)
        ] + bodies
    acronyms = _parenthesised_acronyms(doc, cands)
    cands.extend(_appositive_persons(doc, cands))
    cands.extend(_given_name_persons(doc, cands))
    cands.extend(_later_mentions(doc, cands))
    cands = _drop_shouted(doc, cands)
    cands.sort(key=lambda c: c.start)
    _resolve(cands, doc, acronyms)
    cands = _drop_lone_names(doc, cands)
    cands = _drop_channels(doc, cands)

    article_id = article.id if article is not None else ""
    grouped: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        grouped[c.key].append(c)
    entities: dict[str, Entity] = {}
    for key, group in grouped.items():
        first = group[0]
        surfaces = {_surface(doc, c.start, c.end) for c in group} | {a for c in group for a in c.aliases}
        entities[key] = Entity(
            key=key,
            name=first.text,
            type=first.type,
            aliases=tuple(sorted(s for s in surfaces if s != first.text)),
            iso=first.iso,
            mentions=tuple(
                Evidence(article_id, doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1]), _surface(doc, c.start, c.end))
                for c in group
            ),
        )
    for extra in _meta_entities(article):
        if extra.key not in entities:
            entities[extra.key] = extra
    mentions = [(c.start, c.end, c.key) for c in cands]
    return entities, mentions


def _meta_entities(article: Article | None) -> Iterable[Entity]:
    """The dateline city and the credited journalists are entities of the story too."""
    if article is None:
        return
    meta = article.meta
    if meta.dateline:
        country = gazetteer.lookup_name(meta.dateline)
        if country is None:
            yield Entity(entity_key("Place", meta.dateline), meta.dateline, "Place")
    for name in (*meta.reporters, *meta.editors):
        yield Entity(entity_key("Person", name), name, "Person")


class EntityExtractor:
    """The kgraph_entities component."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        entities, mentions = self.match(doc)
        self.set_annotations(doc, (entities, mentions))
        return doc

    def match(self, doc: Doc) -> tuple[dict[str, Entity], list[tuple[int, int, str]]]:
        return find_entities(doc)

    def set_annotations(self, doc: Doc, found: tuple[dict[str, Entity], list[tuple[int, int, str]]]) -> None:
        entities, mentions = found
        doc._.entities = entities
        doc.spans[MENTIONS] = [Span(doc, s, e, label=key) for s, e, key in mentions]


@Language.factory("kgraph_entities", assigns=["doc._.entities", "doc.spans"])
def make_entity_extractor(nlp: Language, name: str) -> EntityExtractor:
    return EntityExtractor(nlp, name)
