"""kgraph_roles: who holds which post in which organisation, as the story states it.

Role words come from the SKOS vocabulary ``ontology/roles.ttl`` (every ``skos:altLabel``
is a surface form); the rules' word lists and dependency patterns from
``patterns/roles.json``.  A role word becomes a :class:`~kgraph.records.Role` when one
of these constructions ties it to a person mention:

- title before the name: "WTO chief Paulo Mendes", "Oman's Prime Minister and Foreign
  Minister Sayyid X", "French envoys A and B", "the head of the WFP, Maria Lind";
- appositive after the name: "Ivan Petrov, Russia's energy minister, said";
- copula or "as": "Lind is the head of the WFP", "X, who is also a member of ...",
  "the president named X as special envoy";
- a verb of holding a post: "Karl Berg, who heads the Bundesbank".

The organisation is the entity the title names (its premodifier, "of"/"at" phrase or
an anaphor such as "the group's").  A government post with no organisation named takes
a country only from what the text supports, never from proximity: the same person's
post stated elsewhere ("Kenyan President X" ... "President X"), a possessive before the
name ("Kenya's Ruto"), the appointer ("the Chilean government appointed X as ..."), or
the story's home country (its dateline's, when that is also the country it names most,
and no other country is named first in the title's sentence).  Otherwise the role is
left out: a U.S. president quoted in a story about Russia is not Russia's president.
An organisation post with no organisation gives nothing, and so does a title naming
something that is not an entity ("the head of the queue").  Former, ex-, late, -elect
and would-be posts get ``current=False``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..errors import KgraphError
from ..identity import key_type
from ..nlp import MENTIONS, register_extensions
from ..patterns import read_json, read_lines
from ..records import Evidence, Role

GOVERNMENT, ORGANISATION, REGIONAL = "government", "organisation", "regional"
_SCOPES = {"government-posts": GOVERNMENT, "organisation-posts": ORGANISATION, "regional-posts": REGIONAL}
DETERMINERS = {"the", "a", "an"}
POSSESSIVE = {"'s", "’s", "'", "’"}
MAX_PREMODIFIER = 8  # tokens scanned left of a role word
ORG_TYPES = ("Organization", "Country", "Place")
NAME_ENTS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}  # spaCy names never qualify a role word


# ------------------------------------------------------------------ vocabulary


@dataclass(frozen=True, slots=True)
class RoleConcept:
    """One post of the role vocabulary."""

    id: str  # local name in the ROLE namespace ("foreign-minister")
    label: str  # skos:prefLabel
    scope: str  # government | organisation | regional
    forms: tuple[str, ...]  # every surface form (prefLabel and altLabels)
    broader: frozenset[str] = frozenset()  # ids of broader concepts, transitively


@cache
def role_concepts() -> dict[str, RoleConcept]:
    """The concepts of ``ontology/roles.ttl`` by id (parsed once)."""
    from rdflib.namespace import ORG, RDF, SKOS

    from ..namespaces import ROLE
    from ..vocabulary import load_ontology

    graph = load_ontology("roles.ttl")
    local = {iri: str(iri)[len(str(ROLE)) :] for iri in graph.subjects(RDF.type, ORG.Role)}
    scope = {}
    for collection, name in _SCOPES.items():
        for member in graph.objects(ROLE[collection], SKOS.member):
            scope[member] = name
    concepts = {}
    for iri, cid in local.items():
        if iri not in scope:
            raise KgraphError(f"ontology/roles.ttl: role:{cid} is in no collection; add it to one of {', '.join(_SCOPES)}")
        forms = [str(x) for x in graph.objects(iri, SKOS.prefLabel)] + [str(x) for x in graph.objects(iri, SKOS.altLabel)]
        broader = frozenset(local[b] for b in graph.transitive_objects(iri, SKOS.broader) if b != iri and b in local)
        concepts[cid] = RoleConcept(cid, str(graph.value(iri, SKOS.prefLabel)), scope[iri], tuple(dict.fromkeys(forms)), broader)
    return concepts


@cache
def _rules() -> dict[str, Any]:
    return dict(read_json("roles.json"))


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(_rules()[name])


@cache
def _honorifics() -> tuple[tuple[str, ...], ...]:
    forms = set()
    for line in read_lines("role_honorifics.txt"):
        forms.add(tuple(line.split()))
        forms.add(tuple(" - ".join(line.split()).split()))  # "Major-General" is three tokens
    return tuple(sorted(forms, key=len, reverse=True))


def _plural(form: str) -> str | None:
    words = form.split()
    if any(w in ("of", "for", "to", "in") for w in words) or form.isupper():
        return None
    last = words[-1]
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch")):
        last += "es"
    else:
        last += "s"
    return " ".join(words[:-1] + [last])


class RoleMatcher:
    """Phrase patterns for every role form, and the dependency patterns of roles.json."""

    def __init__(self, vocab: Vocab) -> None:
        import spacy

        tokenizer = spacy.blank("en").tokenizer
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(vocab, attr="ORTH")
        self.forms: dict[str, tuple[RoleConcept, bool]] = {}  # match key -> (concept, plural)
        for concept in role_concepts().values():
            for form in concept.forms:
                for text, plural in ((form, False), (_plural(form), True)):
                    if not text:
                        continue
                    key = f"{concept.id}|{int(plural)}|{text}"
                    self.forms[key] = (concept, plural)
                    pattern = Doc(vocab, words=[t.text for t in tokenizer(text)])
                    (self.acronyms if text.isupper() else self.phrases).add(key, [pattern])
        self.verbs = DependencyMatcher(vocab)
        for name, pattern in _rules()["dependency_patterns"].items():
            self.verbs.add(name, [pattern])

    def titles(self, doc: Doc) -> list[tuple[Span, RoleConcept, bool]]:
        """Role-word spans (longest first wins), with their concept and whether plural."""
        capitalised = _words("capitalised_only")
        found = []
        for match_id, start, end in list(self.phrases(doc)) + list(self.acronyms(doc)):
            key = doc.vocab.strings[match_id]
            concept, plural = self.forms[key]
            span = Span(doc, start, end, label=key)
            if key.rsplit("|", 1)[1].lower() in capitalised and not doc[start].is_title and not _heads_legislature(doc, end):
                continue
            found.append((span, concept, plural))
        found.sort(key=lambda x: (-(x[0].end - x[0].start), x[0].start))
        taken: set[int] = set()
        kept = []
        for span, concept, plural in found:
            if taken.isdisjoint(range(span.start, span.end)):
                taken.update(range(span.start, span.end))
                kept.append((span, concept, plural))
        return sorted(kept, key=lambda x: x[0].start)


def _heads_legislature(doc: Doc, end: int) -> bool:
    """"speaker of the Belarus parliament": a lower-case title followed by "of" and a legislature."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return False
    for token in doc[end + 1 : min(end + 6, len(doc))]:
        if token.lower_ in _words("legislature_nouns"):
            return True
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP"):
            break
    return False


@cache
def _default_matcher(vocab: Vocab) -> RoleMatcher:
    return RoleMatcher(vocab)


# --------------------------------------------------------------- doc context


class _Mentions:
    """Entity mentions of a Doc, indexed by token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities = doc._.entities or {}
        self.at: dict[int, Span] = {}
        spans = doc.spans[MENTIONS] if MENTIONS in doc.spans else []
        for span in spans:
            for i in range(span.start, span.end):
                self.at[i] = span

    def type(self, key: str) -> str:
        entity = self.entities.get(key)
        return entity.type if entity is not None else key_type(key)

    def get(self, i: int, *types: str) -> Span | None:
        span = self.at.get(i)
        if span is None or (types and self.type(span.label_) not in types):
            return None
        return span

    def person_at(self, i: int) -> Span | None:
        span = self.get(i, "Person")
        return span if span is not None and span.start == i else None

    def person_ending(self, i: int) -> Span | None:
        span = self.get(i, "Person")
        return span if span is not None and span.end == i + 1 else None

    def known(self, key: str) -> bool:
        return key in self.entities and self.type(key) in ORG_TYPES

    def preceding(self, i: int, types: tuple[str, ...]) -> str | None:
        """Key of the nearest mention of one of ``types`` before token i."""
        for j in range(i - 1, -1, -1):
            span = self.get(j, *types)
            if span is not None:
                return span.label_
        return None


@dataclass(slots=True)
class _Title:
    """A role word with the phrase around it."""

    words: Span
    concept: RoleConcept
    plural: bool
    start: int = 0  # first token of the phrase (determiner, premodifiers)
    end: int = 0  # token after the phrase (postmodifiers)
    label: str = ""
    label_end: int = 0  # token after the words of the label ("Minister of Agriculture")
    current: bool = True
    definite: bool = False  # opens with a determiner or a possessive
    orgs: list[tuple[str, int]] = field(default_factory=list)  # (key, priority) explicit organisations
    principal: Span | None = None  # person whose post this serves: "Trump's envoy"
    blocked: bool = False  # names something that is not an entity
    claimed: set[int] = field(default_factory=set)  # mention tokens used by this title


@dataclass(slots=True)
class _Found:
    person: Span
    title: _Title | None
    concept: RoleConcept
    label: str
    current: bool
    sent: Span
    org: str | None = None


# ------------------------------------------------------------- title phrases


def _is_status(token: Token, words: str) -> bool:
    return token.lower_ in _words(words)


def _read_premodifiers(doc: Doc, title: _Title, mentions: _Mentions, *, role_words: set[int] | None = None) -> None:
    """Scan left of the role words: determiner, possessor, nationality, qualifiers, status."""
    sent = title.words.sent
    i, start = title.words.start - 1, title.words.start
    unnamed = False  # a capitalised word that is no mention: "Saudi Aramco | chief executive"
    while i >= sent.start and title.words.start - i <= MAX_PREMODIFIER:
        token = doc[i]
        if role_words and i in role_words and token.lower_ not in _words("title_modifiers") | _words("deputy_qualifiers"):
            break  # another title: "vice-presidential nominee | Gov. X" (not "Deputy | Foreign Minister")
        span = mentions.get(i)
        if span is not None:
            key_ = span.label_
            if mentions.type(key_) == "Country" and (_inside_name(doc, span, mentions) or (unnamed and title.concept.scope != GOVERNMENT)):
                title.blocked = True  # "Reform UK leader", "Saudi Aramco chief executive": a body the story does not name
                start = span.start
                break
            if mentions.type(key_) == "Person":
                if span.end < len(doc) and doc[span.end].text in POSSESSIVE and span.end < title.words.start:
                    title.principal, title.definite = span, True
                    start = i = span.start
                    i -= 1
                    continue
                break
            body = doc[span.end] if span.end < title.words.start else None
            if not (mentions.type(key_) == "Organization" and body is not None and body.lower_ in _words("sub_body_nouns")):
                title.orgs.append((key_, 2 + i))  # not "Commerce | ministry": an unnamed body
                title.claimed.update(range(span.start, span.end))
            start, i = span.start, span.start - 1
            continue
        if token.text in POSSESSIVE:
            noun = doc[i - 1] if i > sent.start else None
            if noun is not None and mentions.get(i - 1) is None:
                types = _rules()["anaphors"].get(noun.lower_)
                if types and title.concept.scope == ORGANISATION:
                    types = [t for t in types if t != "Place"]  # "the state's campaign chairman"
                referent = mentions.preceding(noun.i, tuple(types)) if types else None
                if referent is not None and i - 2 >= sent.start and doc[i - 2].lower_ == "the":
                    title.orgs.append((referent, 2 + i))  # "the group's", "the country's"
                else:
                    title.blocked = True  # "the army's commander": an owner that is no entity
            title.definite = True
            start, i = i, i - 1
            continue
        if token.lower_ in DETERMINERS:
            title.definite = token.lower_ == "the" or title.definite
            start = i
            break
        if token.lower_ in _words("possessive_pronouns") and token.tag_ == "PRP$":
            referent = mentions.preceding(i, ("Organization", "Country")) if token.lower_ == "its" else None
            if referent is not None and mentions.get(i - 1) is None:
                title.orgs.append((referent, 2 + i))  # "the SDA ..., including its leader, X"
            title.definite = True
            start = i
            break
        if token.dep_ == "pobj" and token.head.i < i:
            break  # "in case | President X ordered": the object of a preposition
        if _is_status(token, "not_current") or _is_status(token, "current") or _in_hyphenated(doc, i):
            start, i = i, i - 1  # "former", "acting", "would-be", "one-time", "ex-"
            continue
        if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
            break
        if token.lower_ == "of" and doc[i - 1].is_title and doc[i + 1].is_title:
            start, i = i, i - 1  # inside a name: "Ministry of Foreign Affairs spokesman"
            continue
        if token.pos_ in ("ADJ", "NOUN", "PROPN") or token.tag_ in ("VBN", "VBG") or token.lower_ in _words("drop_from_label"):
            party = _party(token, mentions)
            if party is not None:
                title.orgs.append((party, 2 + i))  # "Republican nominee X" in a story naming the Republican Party
            elif token.pos_ == "PROPN" and token.is_title and token.lower_ not in _words("portfolios"):
                unnamed = True
            start, i = i, i - 1
            continue
        break
    title.start = start
    zone = doc[start : title.words.start]
    if _status_words(zone) & _words("not_current"):
        title.current = False
    blocking = [t.i for t in zone if t.lower_ in _words("blocking_nouns") and mentions.get(t.i) is None]
    if blocking:
        title.blocked = True  # "the conference president": the post is in no entity
        if max(blocking) > max((i - 2 for _, i in title.orgs), default=-1):
            title.orgs = []  # "India's opposition leader": the post is not India's


def _run_together(doc: Doc, span: Span, mentions: _Mentions) -> bool:
    """A country mention that is part of a longer name the story does not mark: an
    organisation right before it ("Reform | UK") or a capitalised word that is no mention
    right after it ("Saudi | Aramco")."""
    if mentions.type(span.label_) != "Country":
        return False
    before = mentions.get(span.start - 1) if span.start > span.sent.start else None
    if before is not None and mentions.type(before.label_) == "Organization":
        return True
    if span.end >= span.sent.end or mentions.get(span.end) is not None:
        return False
    after = doc[span.end]
    return after.pos_ == "PROPN" and after.is_title and after.lower_ not in _title_words()


def _party(token: Token, mentions: _Mentions) -> str | None:
    """The party a capitalised adjective names, when the story names it: "Democratic" or
    "Democrat" for "the Democratic Party", "Labour" for "the Labour Party"."""
    if not token.is_title or len(token.text) < 4:
        return None
    stem = token.lower_[:7]
    for key_, entity in mentions.entities.items():
        words = entity.name.lower().split()
        if entity.type == "Organization" and len(words) == 2 and words[1] == "party" and words[0].startswith(stem):
            return str(key_)
    return None


def _inside_name(doc: Doc, span: Span, mentions: _Mentions) -> bool:
    """A country mention preceded by a capitalised word that is no mention: "Reform UK"."""
    k = span.start - 1
    if k < span.sent.start or mentions.get(k) is not None:
        return False
    token = doc[k]
    ordinary = _words("portfolios") | _words("drop_from_label") | _words("not_current") | _words("current")
    return token.pos_ in ("PROPN", "NOUN") and token.is_title and token.lower_ not in ordinary


def _in_hyphenated(doc: Doc, i: int) -> bool:
    """Token i is part of a hyphenated word: "would - be", "one - time", "ex -"."""
    return doc[i].text == "-" or (i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_) or (
        i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
    )


def _status_words(zone: Span) -> set[str]:
    """Words of the premodifiers, hyphenated ones whole and in parts ("would-be", "ex")."""
    words: set[str] = set()
    for word in zone.text.lower().split():
        words.add(word)
        words.update(part for part in word.split("-") if part)
    return words


def _np_end(doc: Doc, i: int, mentions: _Mentions, sent: Span, *, role_words: set[int]) -> int:
    """End of a noun phrase starting at token i (stops at punctuation, verbs, clauses, 'and').

    A person's name ends it unless it opens it or follows a role word ("to President X"):
    "Ambassador to Kenya | Meg Ward", "Minister of Agriculture | Jane Moss".
    """
    j = i
    while j < sent.end:
        span = mentions.get(j)
        if span is not None:
            if j > i and mentions.type(span.label_) == "Person" and j - 1 not in role_words:
                break
            j = span.end
            continue
        token = doc[j]
        if token.is_space or (token.is_punct and token.text not in ("-", *POSSESSIVE)) or token.lower_ in ("and", "or", "who", "which", "that", "but"):
            break
        if token.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "PRON") and token.text not in POSSESSIVE:
            break
        j += 1
    return j


def _read_postmodifiers(doc: Doc, title: _Title, mentions: _Mentions, *, role_words: set[int]) -> None:
    """Scan right: -elect, then "of/at/in ORG" (the organisation) and "to/for X" phrases."""
    rules = _rules()
    sent = title.words.sent
    j = title.words.end
    if j + 1 < sent.end and doc[j].text == "-" and doc[j + 1].lower_ in _words("not_current_suffixes"):
        title.current, j = False, j + 2
    elif j < sent.end and doc[j].lower_ in _words("not_current_suffixes"):
        title.current, j = False, j + 1
    title.label_end = title.words.end
    destination = title.concept.id in _words("destination_roles")
    ministerial = "minister" in title.concept.broader | {title.concept.id}
    found_org, had_of = False, False
    for _ in range(4):
        if j >= sent.end or doc[j].lower_ not in set(rules["org_preps"]) | set(rules["principal_preps"]):
            break
        prep, end = doc[j].lower_, _np_end(doc, j + 1, mentions, sent, role_words=role_words)
        if end == j + 1:
            break
        phrase = [mentions.get(k) for k in range(j + 1, end)]
        spans = list(dict.fromkeys(s for s in phrase if s is not None))
        if any(_run_together(doc, s, mentions) for s in spans):
            title.blocked = True  # "the leader of Reform UK", "chief executive of Saudi Aramco"
            break
        people = [s for s in spans if mentions.type(s.label_) == "Person"]
        others = [s for s in spans if mentions.type(s.label_) != "Person"]
        for s in spans:
            title.claimed.update(range(s.start, s.end))
        if prep == "of" and ministerial and not spans and j == title.words.end:
            title.label_end = end  # a portfolio: "Minister of Agriculture"
        elif prep in rules["org_preps"]:
            had_of = had_of or prep == "of"
            if prep == "in" and title.concept.scope != REGIONAL:
                others = [o for o in others if mentions.type(o.label_) != "Place"]  # "an adviser in Eau Claire"
            if others and not found_org:
                title.orgs.append((others[-1].label_, 1))
                found_org = True
        elif people:
            title.principal = people[-1]
        elif others and not destination and not found_org:
            title.orgs.append((others[-1].label_, 0))
            found_org = True
        j = end
    if had_of and not found_org:
        title.blocked = True  # "the head of the queue"
    title.end = j


def _qualifiers(doc: Doc, title: _Title, mentions: _Mentions) -> Span:
    """Words right before the role words that belong to the post: "trade" chief, "senior" adviser."""
    q = title.words.start
    while q > title.start:
        token = doc[q - 1]
        if (
            mentions.get(q - 1) is not None
            or token.text in POSSESSIVE
            or token.is_punct
            or token.lower_ in DETERMINERS
            or token.lower_ in _words("drop_from_label")
            or _is_status(token, "not_current")
            or token.lower_ in _words("label_org_nouns")
            or token.pos_ not in ("ADJ", "NOUN", "PROPN")
            or (token.ent_type_ in NAME_ENTS and token.lower_ not in _words("portfolios"))
            or (token.dep_ == "pobj" and token.head.i < token.i)
        ):
            break
        q -= 1
    if q > title.start and doc[q - 1].lower_ == "of":
        q = title.words.start  # the words belong to a name ("Ministry of Foreign Affairs")
    return doc[q : title.words.start]


def _label(doc: Doc, title: _Title, qualifiers: Span) -> str:
    """The role as printed: its qualifiers and role words, the last one singular."""
    if title.label_end > title.words.end:
        return " ".join(doc[qualifiers.start : title.label_end].text.split())
    last = doc[title.words.end - 1]
    head = doc[qualifiers.start : last.i].text_with_ws
    return " ".join((head + (_singular(last.text) if title.plural else last.text)).split())


def _singular(word: str) -> str:
    lower = word.lower()
    if lower.endswith("men"):
        return word[:-3] + word[-3] + "an"
    if lower.endswith("ies"):
        return word[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches")):
        return word[:-2]
    return word[:-1] if lower.endswith("s") else word


def _read_titles(doc: Doc, matcher: RoleMatcher, mentions: _Mentions) -> list[_Title]:
    titles = []
    matches = matcher.titles(doc)
    role_words = {i for span, _, _ in matches for i in range(span.start, span.end)}
    for span, concept, plural in matches:
        outer = mentions.at.get(span.start)
        if outer is not None and outer.start <= span.start and span.end <= outer.end and len(outer) > len(span):
            continue  # part of a longer name: "Office of the President"
        following = doc[span.end] if span.end < len(doc) else None
        if following is not None and following.pos_ == "NOUN" and following.is_lower and mentions.get(following.i) is None:
            continue  # a modifier, not a post: "chief economist", "head coach", "president election"
        title = _Title(span, concept, plural)
        _read_premodifiers(doc, title, mentions, role_words=role_words)
        _read_postmodifiers(doc, title, mentions, role_words=role_words)
        qualifiers = _qualifiers(doc, title, mentions)
        title.label = _label(doc, title, qualifiers)
        if _words("deputy_qualifiers").intersection(t.lower_ for t in qualifiers):
            title.concept = role_concepts()["deputy"]  # "Deputy President": not the president
        titles.append(title)
    return titles


# ------------------------------------------------------------ constructions


def _person_from(doc: Doc, k: int, mentions: _Mentions) -> Span | None:
    """A person mention starting at token k, possibly after ranks and honorifics."""
    for _ in range(3):
        person = mentions.person_at(k)
        if person is not None:
            return person
        words = next((w for w in _honorifics() if tuple(t.text for t in doc[k : k + len(w)]) == w), None)
        if words is None:
            return None
        k += len(words)
    return None


def _following_people(
    doc: Doc, title: _Title, mentions: _Mentions, *, comma: bool, title_ends: dict[int, int] | None = None
) -> list[Span]:
    """People right after the title: "NATO chief Mark Rutte", "the head of X, Y",
    "(Air Gabon chairman) Jean Blanc", "its leader, Bosnian President X"."""
    k = title.end
    if comma:
        if k >= len(doc) or doc[k].text != "," or not title.definite:
            return []
        k += 1
    elif k < len(doc) and doc[k].text == ")" and title.start > 0 and doc[title.start - 1].text == "(":
        k += 1  # a title the writer put in brackets before the name
    person = _person_from(doc, k, mentions)
    if person is None and comma and title_ends and k in title_ends:
        person = _person_from(doc, title_ends[k], mentions)  # a second title opens the appositive
    if person is None:
        return []
    people = [person]
    while title.plural:
        k = person.end
        if k < len(doc) and doc[k].text == ",":
            k += 1
        if k < len(doc) and doc[k].lower_ == "and":
            k += 1
        person = _person_from(doc, k, mentions)
        if person is None:
            break
        people.append(person)
    return people


def _appositive_person(doc: Doc, title: _Title, mentions: _Mentions, previous: dict[int, Span]) -> Span | None:
    """"X, Russia's foreign minister, said"; chained: "X, the A of Y and the former B"."""
    k = title.start - 1
    while k > title.words.sent.start and doc[k].lower_ in _words("copula_adverbs"):
        k -= 1
    if k < 1:
        return None
    if doc[k].lower_ == "and" and k in previous:
        return previous[k]
    if doc[k].text != ",":
        return None
    for token in doc[title.end : title.words.sent.end]:  # the appositive runs to a comma
        if token.is_punct or token.is_space or token.lower_ in ("and", "who"):
            break
        if token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return None
    return mentions.person_ending(k - 1)


def _copula_person(doc: Doc, title: _Title, mentions: _Mentions) -> tuple[Span | None, bool]:
    """"X is the president of Y", "X, who is also a member of Y", "named X as envoy"."""
    k = title.start - 1
    while k > title.words.sent.start and doc[k].lower_ in _words("copula_adverbs"):
        k -= 1
    if k < 1:
        return None, True
    token = doc[k]
    appointed = doc[title.start].tag_ == "VBN" and doc[title.start].lemma_ in _words("appointment_verbs")
    if token.lower_ == "as":
        verb = token.head
        person = mentions.person_ending(k - 1)
        if person is None and verb.lemma_ in _words("appointment_verbs") | _words("service_verbs"):
            person = _subject_person(verb, mentions)
        elif person is not None and verb.lemma_ in _words("appointment_verbs"):
            _read_appointer(verb, title, person, mentions)
        served = verb.lemma_ in _words("service_verbs") and verb.tag_ == "VBD"
        return person, not served  # "named X as envoy" is current, "X served as envoy" is not
    if token.lemma_ != "be":
        return None, True
    current = token.tag_ != "VBD" or appointed  # "was elected president" is current
    person = mentions.person_ending(k - 1)
    if person is None and doc[k - 1].lower_ == "who" and k >= 3 and doc[k - 2].text == ",":
        person = mentions.person_ending(k - 3)
    if person is None:
        person = _subject_person(token, mentions)
    return person, current


def _read_appointer(verb: Token, title: _Title, person: Span, mentions: _Mentions) -> None:
    """"The Chilean government appointed X as minister": the post is in the appointer's
    government; "President Y named X as envoy": it serves Y."""
    if title.orgs or title.principal is not None:
        return
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        spans = [mentions.get(t.i) for t in subject.subtree]
        found = list(dict.fromkeys(s for s in spans if s is not None and s.label_ != person.label_))
        people = [s for s in found if mentions.type(s.label_) == "Person"]
        body = "Country" if title.concept.scope == GOVERNMENT else "Organization"  # not "the White House"
        bodies = [s for s in found if mentions.type(s.label_) == body]
        if people:
            title.principal = people[-1]
        elif bodies:
            title.orgs.append((bodies[-1].label_, 0))
            title.claimed.update(range(bodies[-1].start, bodies[-1].end))


def _subject_person(verb: Token, mentions: _Mentions) -> Span | None:
    """The person a verb's subject stands for (through "who" and coordinated verbs)."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            break
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    else:
        return None
    subject = subjects[0]
    who = subject.lower_ == "who"
    if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    for _ in range(2):
        span = mentions.get(subject.i, "Person")
        if span is not None:
            return span
        if subject.dep_ != "appos" or not (who or subject.lower_ in _role_nouns()):
            break  # "Ora Media, the company that owns ...": a company is no person
        subject = subject.head
    return None


@cache
def _title_words() -> frozenset[str]:
    """Every word of a role form, honorific, title modifier or portfolio ("U.S. | Agriculture Secretary")."""
    words = {w.lower() for concept in role_concepts().values() for form in concept.forms for w in form.split()}
    words.update(w.lower() for honorific in _honorifics() for w in honorific)
    return frozenset(words | _words("portfolios") | _words("title_modifiers") | _words("deputy_qualifiers"))


@cache
def _role_nouns() -> frozenset[str]:
    """Last words of the role forms ("diplomat", "minister"): nouns that stand for a person."""
    return frozenset(form.split()[-1].lower() for concept in role_concepts().values() for form in concept.forms)


def _verb_roles(doc: Doc, matcher: RoleMatcher, mentions: _Mentions) -> Iterator[_Found]:
    """"Berg, who heads the Bundesbank", "Lind leads the WFP"."""
    verbs = _rules()["verbs"]
    concepts = role_concepts()
    for _, (verb_i, _subject_i, object_i) in matcher.verbs(doc):
        verb, obj = doc[verb_i], doc[object_i]
        spec = verbs.get(verb.lemma_)
        org = mentions.get(obj.i, *ORG_TYPES)
        if org is None:  # "heads the OSCE Chechnya mission": the organisation's unit
            units = (mentions.get(t.i, "Organization") for t in obj.subtree if t.i < obj.i and t.dep_ == "compound")
            org = next((s for s in units if s is not None), None)
        person = _subject_person(verb, mentions)
        if spec is None or org is None or person is None:
            continue
        concept = concepts[spec["role_id"]]
        yield _Found(person, None, concept, spec["label"], True, verb.sent, org.label_)


def _attach(doc: Doc, titles: list[_Title], mentions: _Mentions) -> Iterator[_Found]:
    """Tie each title to the person(s) it describes."""
    appositive_ends: dict[int, Span] = {}
    attached: dict[int, list[Span]] = {}
    title_ends = {t.start: t.end for t in titles}
    for n, title in enumerate(titles):
        people = _following_people(doc, title, mentions, comma=False)
        if people and _hypothetical(doc, title):
            attached[n] = []
            continue
        if people:
            _org_after_name(doc, title, people[-1], mentions)
        current = title.current
        if not people:
            person = _appositive_person(doc, title, mentions, appositive_ends)
            if person is not None:
                people = [person]
                appositive_ends[title.end] = person
        if not people:
            person, tense_current = _copula_person(doc, title, mentions)
            if person is not None:
                people, current = [person], current and tense_current
                appositive_ends[title.end] = person
        if not people:
            people = _following_people(doc, title, mentions, comma=True, title_ends=title_ends)
        attached[n] = people
        title.current = current
    # "Prime Minister and Foreign Minister X": the first title shares the second's person
    for n in range(len(titles) - 2, -1, -1):
        first, second = titles[n], titles[n + 1]
        if not attached[n] and first.end < len(doc) and doc[first.end].lower_ == "and" and second.start == first.end + 1:
            attached[n] = attached[n + 1]
            if not second.orgs and not second.principal:
                second.orgs, second.blocked = list(first.orgs), first.blocked
        elif not attached[n] and second.start == first.end and second.words.start == first.end:
            attached[n] = attached[n + 1]  # stacked: "the party's nominee Gov. X"
    for n, title in enumerate(titles):
        for person in attached[n]:
            yield _Found(person, title, title.concept, title.label, title.current, title.words.sent)


def _hypothetical(doc: Doc, title: _Title) -> bool:
    """"a President Hale would ...": an indefinite article before a capitalised title and a name."""
    return doc[title.start].lower_ in ("a", "an") and title.start + 1 == title.words.start and doc[title.words.start].is_title


def _counterparts(doc: Doc, found: list[_Found], mentions: _Mentions) -> Iterator[_Found]:
    """"Israeli Foreign Minister X ... with his German counterpart Y": Y holds X's post in Germany."""
    posts: dict[str, list[_Found]] = {}
    for f in found:
        if f.title is not None and f.concept.scope == GOVERNMENT and f.current:
            posts.setdefault(f.person.label_, []).append(f)
    for token in doc:
        if token.lower_ not in ("counterpart", "counterparts"):
            continue
        k = token.i + 1
        person = _person_from(doc, k, mentions) or (_person_from(doc, k + 1, mentions) if k < len(doc) and doc[k].text == "," else None)
        if person is None:
            continue
        countries, start = [], token.i
        for j in range(token.i - 1, max(token.sent.start, token.i - 5) - 1, -1):
            span = mentions.get(j)
            if span is not None and mentions.type(span.label_) == "Country":
                countries.append(span.label_)
                start = j
            elif doc[j].lower_ in _words("possessive_pronouns"):
                start = j
                break
            elif span is not None or doc[j].pos_ not in ("ADJ", "NOUN", "PROPN"):
                break
        if len(set(countries)) != 1:
            continue  # "his southern counterpart": whose government is not said
        possessor = next(
            (s.label_ for s in (mentions.get(j, "Person") for j in range(start - 1, token.sent.start - 1, -1)) if s is not None and s.label_ in posts),
            None,
        )
        if possessor is None or possessor == person.label_:
            continue
        post = next((f for f in posts[possessor] if f.sent == token.sent), posts[possessor][0])
        title = _Title(doc[token.i : token.i + 1], post.concept, False, start=start, end=k, label=post.label, definite=True)
        title.orgs.append((countries[0], 2 + start))
        yield _Found(person, title, post.concept, post.label, True, token.sent)


def _org_after_name(doc: Doc, title: _Title, person: Span, mentions: _Mentions) -> None:
    """"President Ana Lima of Brazil", "Chief Executive Jo Hart of Shell": the org follows the name."""
    k = person.end
    if title.orgs or title.principal is not None or k >= len(doc) or doc[k].lower_ != "of":
        return
    end = _np_end(doc, k + 1, mentions, title.words.sent, role_words=set())
    spans = list(dict.fromkeys(s for s in (mentions.get(i, *ORG_TYPES) for i in range(k + 1, end)) if s is not None))
    if spans:
        title.orgs.append((spans[0].label_, 0))
        title.claimed.update(range(spans[0].start, spans[0].end))


# --------------------------------------------------------- organisations


def _explicit_org(found: _Found, mentions: _Mentions) -> str | None:
    title = found.title
    if title is None:
        return found.org
    orgs = [(key_, rank) for key_, rank in title.orgs if mentions.known(key_) and key_ != found.person.label_]
    if not orgs:
        return None
    if found.concept.scope == REGIONAL:
        places = [o for o in orgs if mentions.type(o[0]) == "Place"]
        orgs = places or orgs
    else:
        non_places = [o for o in orgs if mentions.type(o[0]) != "Place"]
        orgs = non_places or orgs
    return max(orgs, key=lambda o: o[1])[0]


def _home_country(doc: Doc, mentions: _Mentions) -> str | None:
    """The country a story is filed from and mostly about: its dateline's and its most named one.

    A bare government title ("Prime Minister X said") in such a story is that country's post;
    a story filed from one country about another, or with no dateline, gives none.
    """
    from ..gazetteer import lookup

    article = doc._.article
    dateline = article.meta.dateline if article is not None and article.meta is not None else None
    found = lookup(dateline) if dateline else None
    dominant = _dominant_country(doc, mentions)
    if found is None or dominant is None or mentions.type(dominant) != "Country":
        return None
    iso = found[0].iso
    entity = mentions.entities.get(dominant)
    return dominant if entity is not None and entity.iso == iso else None


def _dominant_country(doc: Doc, mentions: _Mentions) -> str | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i in sorted(mentions.at):
        span = mentions.at[i]
        if span.start == i and mentions.type(span.label_) == "Country" and span.label_ in mentions.entities:
            counts[span.label_] += 1
            first.setdefault(span.label_, i)
    if not counts:
        return None
    return min(counts, key=lambda k: (-counts[k], first[k]))


def _affiliations(doc: Doc, mentions: _Mentions, *, kind: str = "Country") -> dict[str, str]:
    """Person key -> country from "Kenya's Ruto" (a possessive country right before a name),
    or with ``kind="Organization"`` -> organisation from "the Agriculture Department's Drazek"."""
    out: dict[str, str] = {}
    for i in sorted(mentions.at):
        span = mentions.at[i]
        if span.start != i or mentions.type(span.label_) != kind or span.end + 1 >= len(doc):
            continue
        if doc[span.end].text in POSSESSIVE:
            person = mentions.person_at(span.end + 1)
            if person is not None:
                out.setdefault(person.label_, span.label_)
    return out


def _implied_org(doc: Doc, found: _Found, mentions: _Mentions, *, claimed: set[int], context: dict[str, Any]) -> str | None:
    """The organisation a title implies when it names none (never a place it is sent to)."""
    title = found.title
    if title is None or title.blocked:
        return None
    own = {mentions.at[i].label_ for i in title.claimed}  # "envoy to Greenland": not Greenland's
    sent, anchor = found.sent, min(title.start, found.person.start)

    def preceding(*types: str) -> str | None:
        """The nearest mention before the title in its sentence that no stated role uses."""
        for j in range(anchor - 1, sent.start - 1, -1):
            if "\n" in doc[j].text:
                break  # a headline sharing the sentence is another context
            span = mentions.get(j, *types)
            if span is not None and j not in claimed and mentions.known(span.label_) and span.label_ not in own:
                return span.label_
        return None

    def countries_before() -> Iterator[tuple[str, int]]:
        for j in range(anchor - 1, sent.start - 1, -1):
            if "\n" in doc[j].text:
                break
            span = mentions.get(j, "Country")
            if span is not None and mentions.known(span.label_):
                yield span.label_, j

    if found.concept.scope == REGIONAL:
        bank = preceding("Organization")  # "the Reserve Bank ... with Governor X"
        words = set(mentions.entities[bank].name.lower().split()) if bank else set()
        return bank if words & _words("governed_org_words") else None
    if found.concept.scope != GOVERNMENT:
        return None
    for candidate in (
        context["explicit"].get(found.person.label_),  # the same person's post elsewhere
        context["affiliations"].get(found.person.label_),  # "Kenya's Ruto"
        _introduced_country(found, context["introduced"]),  # "a German attache" ... "attache X"
    ):
        if candidate and candidate not in own:
            return str(candidate)
    # "WARSAW - Poland ..., Prime Minister X said": the story's home country, unless the
    # nearest country named before the title in its sentence is another ("... the U.S. levy
    # imposed by President X"); in what the person is reported to say only its subject
    # counts ("Poland shot down drones during a Russian attack, X said": Poland)
    home = context["home"]
    said = _said_by(found.person)
    nearest = next((key_ for key_, j in countries_before() if not any(j in clause for clause, _ in said)), None)
    subjects = {key_ for key_, j in countries_before() if any(j in subject for _, subject in said)}
    if home and home not in own and nearest in (None, home) and (not subjects or home in subjects):
        return str(home)
    return None


def _introduced_country(found: _Found, introduced: dict[str, tuple[str, int]]) -> str | None:
    entry = introduced.get(found.concept.id)
    if entry is None or found.title is None or entry[1] >= found.title.words.start:
        return None
    return entry[0]


def _said_by(person: Span) -> list[tuple[range, set[int]]]:
    """Clauses a person is the subject of saying ("Poland shot ..., X said"): their token
    range and the tokens of their subject."""
    root = person.root
    if root.dep_ != "nsubj":
        return []
    out = []
    for clause in (c for c in root.head.children if c.dep_ in ("ccomp", "parataxis")):
        subjects = {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        out.append((range(clause.left_edge.i, clause.right_edge.i + 1), subjects))
    return out


def _introduced(doc: Doc, titles: list[_Title], found: list[_Found], mentions: _Mentions) -> dict[str, tuple[str, int]]:
    """Concept id -> (country, token) of a post introduced without a name ("a German cultural
    attache" ... "attache Jens Gust"), where the story introduces that post for one country only."""
    held = {id(f.title) for f in found}
    countries: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for title in titles:
        if id(title) in held or title.concept.scope != GOVERNMENT or not title.current or doc[title.start].lower_ not in ("a", "an"):
            continue
        named = {key_ for key_, _ in title.orgs if mentions.known(key_) and mentions.type(key_) == "Country"}
        if named:
            countries.setdefault(title.concept.id, set()).update(named)
            first.setdefault(title.concept.id, title.words.start)
    return {cid: (next(iter(keys)), first[cid]) for cid, keys in countries.items() if len(keys) == 1}


def _resolve(doc: Doc, found: list[_Found], mentions: _Mentions, *, introduced: dict[str, tuple[str, int]] | None = None) -> None:
    claimed: set[int] = set()  # mentions that name the organisation of a stated role
    for f in found:
        if f.title is not None:
            claimed |= f.title.claimed
    for f in found:
        f.org = _explicit_org(f, mentions)
    explicit: dict[str, str] = {}
    for f in found:
        if f.org and f.concept.scope == GOVERNMENT and mentions.type(f.org) == "Country":
            explicit.setdefault(f.person.label_, f.org)
    context = {
        "explicit": explicit,
        "affiliations": _affiliations(doc, mentions),
        "home": _home_country(doc, mentions),
        "introduced": introduced or {},
    }
    # posts serving another person ("Trump's envoy") take that person's government
    for f in found:
        if f.org is None and f.title is not None and f.title.principal is None:
            f.org = _implied_org(doc, f, mentions, claimed=claimed, context=context)
    by_person: dict[str, str] = {}
    for f in found:
        if f.org and mentions.type(f.org) in ("Country", "Organization") and f.concept.scope == GOVERNMENT:
            by_person.setdefault(f.person.label_, f.org)
    for f in found:
        if f.org is None and f.title is not None and f.title.principal is not None:
            f.org = by_person.get(f.title.principal.label_)
    # "the Agriculture Department's Drazek": the body a person is credited to elsewhere
    bodies = _affiliations(doc, mentions, kind="Organization")
    for f in found:
        if f.org is None and f.title is not None and not f.title.blocked and f.concept.scope != REGIONAL:
            f.org = bodies.get(f.person.label_)


# ------------------------------------------------------------------- output


def _dedupe(found: Iterable[_Found]) -> list[_Found]:
    """One role per (person, post, organisation): the first label the article uses."""
    kept: list[_Found] = []
    for f in found:
        same = None
        for k in kept:
            if k.person.label_ != f.person.label_ or k.org != f.org:
                continue
            related = k.concept.id == f.concept.id or k.concept.id in f.concept.broader or f.concept.id in k.concept.broader
            if related or (k.concept.scope != GOVERNMENT and f.concept.scope != GOVERNMENT):
                same = k
                break
        if same is None:
            kept.append(f)
        elif f.current and not same.current:
            same.current = True
    return kept


def find_roles(doc: Doc, matcher: RoleMatcher | None = None) -> Iterator[Role]:
    """Roles stated in ``doc`` (needs ``doc._.entities`` and ``doc.spans["kg_mentions"]``)."""
    register_extensions()
    matcher = matcher or _default_matcher(doc.vocab)
    mentions = _Mentions(doc)
    titles = _read_titles(doc, matcher, mentions)
    found = list(_attach(doc, titles, mentions)) + list(_verb_roles(doc, matcher, mentions))
    found.sort(key=lambda f: (f.title.words.start if f.title else f.person.start))
    found += list(_counterparts(doc, found, mentions))
    _resolve(doc, found, mentions, introduced=_introduced(doc, titles, found, mentions))
    article = doc._.article
    article_id = article.id if article is not None else ""
    for f in _dedupe(x for x in found if x.org and mentions.known(x.org) and not _describes(x, mentions)):
        yield Role(
            person=f.person.label_,
            role=f.label,
            role_id=f.concept.id,
            org=str(f.org),
            evidence=_evidence(doc, f, article_id),
            current=f.current,
        )


def _describes(found: _Found, mentions: _Mentions) -> bool:
    """"the U.S. black leader", "Burma's democracy leader": a description of a person's
    standing in a country, not a post in its government (a bare "Libyan leader" is one)."""
    if found.concept.id not in _words("country_posts_unqualified") or found.org is None or mentions.type(found.org) != "Country":
        return False
    return found.label.lower() not in {form.lower() for form in found.concept.forms}


def _evidence(doc: Doc, found: _Found, article_id: str) -> Evidence:
    """The sentence stating the role, cut to its line (a headline can share the first sentence)."""
    anchor = found.title.words.start_char if found.title is not None else found.person.start_char
    text = doc.text
    start = max(found.sent.start_char, text.rfind("\n", 0, anchor) + 1)
    end = text.find("\n", anchor)
    end = found.sent.end_char if end == -1 else min(end, found.sent.end_char)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(article_id, start, end, text[start:end])


class RoleExtractor:
    """spaCy component: sets ``doc._.roles``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        self.matcher = RoleMatcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        self.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc) -> list[Role]:
        return list(find_roles(doc, self.matcher))

    def set_annotations(self, doc: Doc, roles: list[Role]) -> None:
        doc._.roles = roles


@Language.factory("kgraph_roles", assigns=["doc._.roles"], default_config={})
def make_role_extractor(nlp: Language, name: str) -> RoleExtractor:
    return RoleExtractor(nlp, name)
