"""Word lists, token tests and the candidate record shared by every construction."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token

from ... import gazetteer
from ...identity import fold
from ...patterns import read_lines
from ...records import EntityType


NER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


POSSESSIVE = {"'s", "’s", "'", "’"}


_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$|^[A-Z][A-Za-z]?[A-Z]{1,6}$")


CAPTION_LABELS = {"Image", "Photo", "Picture", "Photograph", "Video", "Credit", "Source", "File"}


TRAILING_POS = {"SCONJ", "PRON", "DET", "ADP", "CCONJ", "VERB", "AUX", "PART", "ADV"}


_NUMBERED = re.compile(r"^[A-Z]{1,4}\d{1,2}\+?$")  # "G7", "E3", "G20": groups with a number


_TYPE_RANK = {"Country": 0, "Person": 1, "Organization": 2, "Place": 3}


_TOKENS: list[tuple[Doc, list[Token]]] = []


@contextmanager
def token_list(doc: Doc) -> Iterator[list[Token]]:
    """While it is open, ``_doc_tokens(doc)`` gives one list of the Doc's tokens instead
    of making new Token objects on every pass over the Doc (find_entities makes ten)."""
    tokens = list(doc)
    _TOKENS.append((doc, tokens))
    try:
        yield tokens
    finally:
        _TOKENS.pop()


def _doc_tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens: the open ``token_list`` of this Doc, or a new list."""
    if _TOKENS and _TOKENS[-1][0] is doc:
        return _TOKENS[-1][1]
    return list(doc)


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
    """Towns, cities and US states of GeoNames (patterns/place_names.txt) and states,
    provinces and regions of ISO 3166-2 (patterns/region_names.txt)."""
    return _word_set("place_names.txt") | _word_set("region_names.txt")


@cache
def _org_names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Known organisation names (patterns/org_names.txt) as word tuples by first word,
    longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in sorted(read_lines("org_names.txt"), key=lambda n: -len(n.split())):
        words = tuple(name.split())
        by_first[words[0]].append(words)
    return {first: tuple(names) for first, names in by_first.items()}


def _is_org_name(text: str) -> bool:
    words = tuple(text.split())
    return bool(words) and words in _org_names().get(words[0], ())


_LOCATIVE = frozenset({"in", "near", "outside", "around", "at", "from", "to", "into", "towards", "toward"})


_NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})


_AREA_WORDS = frozenset({"province", "region", "district", "county", "state", "oblast", "governorate", "prefecture", "airport"})
_AREA_NOUNS = _AREA_WORDS - {"airport"}  # nouns a region's name modifies


def _names_an_area(doc: Doc, end: int) -> bool:
    """The name stands before an area noun it modifies: "the rebel-held Ibo-Mataka province"."""
    return end < len(doc) and doc[end].text in _AREA_NOUNS and doc[end - 1].head.i == end


def _based_in(doc: Doc, end: int) -> bool:
    """"a Petaling Jaya-based company": the name before "-based" is where something is based."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based"


def _in_place_construction(doc: Doc, start: int) -> bool:
    """"in X", "near X", "from X", "the town of X": a name where places stand."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in _word_set("place_nouns.txt"):
        return True
    if before.lower_ in _LOCATIVE and before.dep_ in ("prep", "dative"):
        return True
    if before.dep_ == "prep" and f"{before.head.lemma_} {before.lower_}" in _word_set("place_verbs.txt"):
        return True  # "the columns advancing on Kunduz"
    token = doc[start]  # "in Tawau, Sandakan and Lahad Datu": a name listed with one
    while token.dep_ == "compound" and token.head.i > token.i and token.head.i - start < 4:
        token = token.head
    if token.dep_ == "dobj" and token.head.pos_ == "VERB" and token.head.lemma_ in _word_set("place_verbs.txt"):
        return True  # "visited Kuching", "troops entered Mariupol"
    head = token.head
    if head.ent_type_ in _NUMERIC_LABELS:
        return False  # "in January, February and March"
    if token.dep_ == "appos" and head.i < start and doc[start - 1].text == "," and head.pos_ == "PROPN":
        return _in_place_construction(doc, head.left_edge.i if head.left_edge.i < head.i else head.i)  # "in Gebeng, Kuantan"
    return token.dep_ == "conj" and head.i < start and head.pos_ == "PROPN" and _in_place_construction(doc, head.left_edge.i if head.left_edge.i < head.i else head.i)


@cache
def _trailing_titles() -> frozenset[str]:
    """One-word titles that end an organisation span but are not part of the name."""
    words = {t for t in read_lines("person_titles.txt") if " " not in t and t[:1].isupper() and not t.endswith(".")}
    return frozenset(words - _word_set("org_suffixes.txt") - {"Chief", "General"})


@cache
def _titles() -> list[tuple[str, ...]]:
    titles = [tuple(t.casefold().split()) for t in read_lines("person_titles.txt")]
    return sorted(titles, key=len, reverse=True)


@cache
def _titles_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """``_titles()`` grouped by first word, each group still longest first."""
    groups: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for title in _titles():
        groups[title[0]].append(title)
    return {first: tuple(group) for first, group in groups.items()}


def _leading_title(doc: Doc, start: int) -> int:
    """The number of words of the person titles at ``start``, one after another ("Prof Datuk
    Seri Dr"), each the longest that matches (0 for none)."""
    by_first = _titles_by_first()
    i = start
    while i < len(doc):
        n = next((len(t) for t in by_first.get(doc[i].lower_, ()) if tuple(x.lower_ for x in doc[i : i + len(t)]) == t), 0)
        if n == 0:
            break
        i += n
    return i - start


def _before_office_title(doc: Doc, end: int) -> bool:
    """A title and a name follow: "Sabah" in "Sabah Chief Minister Hajiji Noor"."""
    n = _leading_title(doc, end)
    return n > 0 and end + n < len(doc) and _name_word(doc[end + n])


def _modifier_suffix(word: str) -> bool:
    """"-backed", "-led", "-leaning", "-style": the end of a compound adjective, not of a name."""
    return word.islower() and (word.endswith("ed") or (word.endswith("ing") and len(word) > 5) or word in ("run", "style", "era", "born", "made"))


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Tokens i ("-") and i + 1 continue the word before them with no space ("Jae-in")."""
    return (
        i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
        and doc[i + 1].is_alpha and doc[i - 1].text[:1].isupper() and not _modifier_suffix(doc[i + 1].text)
    )


# A nickname in quotation marks between two words of a name: 'Daniel J. "Danny" Okafor'.
_NICKNAME = re.compile(r'^[^"“]*?[\w.] ["“]([A-Z][\w.\-]*(?: [A-Z][\w.\-]*)?)["”] ([A-Z].*)$')


def _surface(doc: Doc, start: int, end: int) -> str:
    text = doc[start:end].text.strip()
    if '"' in text or "“" in text:
        text = _NICKNAME.sub(r"\1 \2", text)  # the name the person goes by: "Danny Okafor"
    return text


@cache
def _not_entities() -> tuple[frozenset[str], frozenset[str]]:
    words, names = set(), set()
    for line in read_lines("not_entities.txt"):
        if line.startswith("word:"):
            words.add(line[5:])
        else:
            names.add(line)
    return frozenset(words), frozenset(names)


@cache
def _role_titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Role titles of two or more words ("home secretary", "finance minister") from
    ontology/roles.ttl and person_titles.txt, by first word, longest first."""
    from ..roles import role_concepts

    forms = {tuple(f.casefold().split()) for c in role_concepts().values() for f in c.forms}
    forms.update(_titles())  # "Emeritus Professor"
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for form in sorted((f for f in forms if len(f) > 1), key=len, reverse=True):
        by_first[form[0]].append(form)
    return {first: tuple(titles) for first, titles in by_first.items()}


@cache
def _portfolios() -> frozenset[str]:
    """The words of a minister's portfolio ("education", "health"): the role rules' list."""
    from ..roles.vocabulary import _words

    return _words("portfolios")


@cache
def _title_modifiers() -> frozenset[str]:
    """Words that qualify a title rather than name anything ("Shadow", "Acting", "Former")."""
    from ..roles import _rules

    rules = _rules()
    return frozenset(w for key in ("title_modifiers", "current", "not_current", "drop_from_label") for w in rules[key])


def _title_word(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ") and not token.is_sent_start


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


@cache
def _facility_not_surname() -> frozenset[str]:
    """"Steven F. Udvar-Hazy Center", "Art Gallery": a PERSON guess ending so is a place
    (but not "Stuart Hall": facility_surnames.txt)."""
    return _word_set("facility_words.txt") - _word_set("facility_surnames.txt")


@cache
def _state_bodies() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(line.casefold().split()) for line in read_lines("state_bodies.txt")), key=len, reverse=True))


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
    if not 2 <= len(words) <= 3 or words[0] not in _word_set("given_names.txt") or _article_title(words):
        return False
    if words[0] in _word_set("place_head_words.txt"):
        return False  # "Ulu Tiram": a place's head word, though some name list has it as a given name
    tokens = doc[cand.start : cand.end]
    if len(tokens) != len(words) or any(not t.text[:1].isupper() or t.is_upper or t.pos_ != "PROPN" for t in tokens):
        return False
    return not any(w.casefold() in _name_ending_words() or gazetteer.lookup(w) is not None for w in words[1:])


# Definite articles that open the titles of newspapers, firms and places in French, Spanish,
# Italian and German ("Le Monde", "El Pais", "La Stampa", "Der Spiegel", "El Al").
_ARTICLES = frozenset("Le La Les El Los Las Il Lo Der Die Das".split())


def _article_title(words: list[str]) -> bool:
    """Two words of which the first is a foreign definite article and the second no given
    name: a title ("Le Monde", "Der Spiegel"), not a person ("Le Duan" is one)."""
    return len(words) == 2 and words[0] in _ARTICLES and words[1] not in _word_set("given_names.txt")


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", fold(text)) if t]


_COMPANY_FORMS = frozenset(
    "corp corporation inc incorporated co cos ltd limited sa spa ag nv plc gmbh llc bhd berhad holdings group "
    "ab asa oyj pty pte bv srl".split()
)


@cache
def _person_nouns() -> frozenset[str]:
    from ..roles import role_concepts

    words = {w.casefold() for w in read_lines("person_nouns.txt")}
    for concept in role_concepts().values():
        words.update(form.casefold().split()[-1] for form in concept.forms)
    return frozenset(words)


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_upper
