"""Speakers: subject tokens resolved to entity keys; pronouns to the latest fitting subject."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...nlp import MENTIONS
from .genders import honorific_gender, person_genders
from ..entities.words import _COMPANY_FORMS
from ..roles.vocabulary import _role_nouns
from .lexicon import (
    ANON,
    PERSON_PRONOUNS,
    PRONOUN_WINDOW,
    SPEAKER_TYPES,
    THING_PRONOUNS,
    _HONORIFICS,
    _WORD,
    anonymous_nouns,
    government_nouns,
    government_seats,
    org_nouns,
    person_nouns,
    speech_nouns,
)


def _plural_demonym(word: str) -> bool:
    """"Mexicans", "Iraqis": the people of a country (patterns/countries.tsv demonyms)."""
    from ... import gazetteer

    found = gazetteer.lookup(word)
    return found is not None and found[1] == "demonym" and word.endswith("s")


@dataclass(slots=True)
class Speakers:
    """Resolves subject tokens to entity keys, pronouns to the latest fitting subject."""

    doc: Doc
    mention_of: dict[int, str]
    types: dict[str, str]
    org_words: dict[str, list[frozenset[str]]] = field(default_factory=dict)  # org key -> word sets of its names
    events: list[tuple[int, str, str]] = field(default_factory=list)  # (token, key or ANON, kind)
    sent_starts: list[int] = field(default_factory=list)  # first token of each sentence, filled once
    genders: dict[str, str] = field(default_factory=dict)  # person key -> "m" / "f" (genders.py)
    mention_spans: dict[int, Span] = field(default_factory=dict)  # token -> first mention span over it
    reported: set[int] = field(default_factory=set)  # subjects inside what someone else said ("X said Y had ...")

    @classmethod
    def of(cls, doc: Doc, quoted: Callable[[int], bool] | None = None) -> "Speakers":
        """The speakers of a parsed article; ``quoted(offset)`` tells a character inside a quotation."""
        entities = doc._.entities or {}
        mention_of: dict[int, str] = {}
        if MENTIONS in doc.spans:
            for span in doc.spans[MENTIONS]:
                for i in range(span.start, span.end):
                    mention_of.setdefault(i, span.label_)
        types = {key: ent.type for key, ent in entities.items()}
        body_start = _body_start(doc)

        def is_person(key: str) -> bool:
            return (types.get(key) or _type_of_key(key)) == "Person"

        shared = _shared_surnames(doc, types, body_start=body_start)
        names = {key: ent.name for key, ent in entities.items() if ent.type == "Person"}
        genders = person_genders(doc, mention_of, is_person, body_start=body_start, quoted=quoted, skip=shared,
                                 names=names)
        if shared:
            _own_surnames(doc, mention_of, types, body_start=body_start, genders=genders)
            genders = person_genders(doc, mention_of, is_person, body_start=body_start, quoted=quoted, names=names)
        org_words = {
            key: [_name_words(name) for name in (ent.name, *ent.aliases)]
            for key, ent in entities.items()
            if ent.type == "Organization"
        }
        return cls(doc, mention_of, types, org_words, genders=genders)

    def _described_org(self, token: Token) -> str | None:
        """The one organisation whose name holds all words of "the commerce ministry"."""
        if token.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ in ("det", "poss") for c in token.children):
            return None
        words = {token.lower_} | {
            c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i
        }
        found = {key for key, names in self.org_words.items() if any(words <= name for name in names)}
        if not found and words == {token.lower_} and token.lower_ in ("company", "firm") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children
        ):
            # "Andes Mining Corp cut its forecast. The company said ...": the one company (a name
            # ending in a legal form) the story named before
            named_before = {k for i, k in self.mention_of.items() if i < token.i}
            found = {
                key for key, names in self.org_words.items()
                if key in named_before and any(name & _COMPANY_FORMS for name in names)
            }
        return found.pop() if len(found) == 1 else None

    def _entity(self, token: Token) -> str | None:
        key = self.mention_of.get(token.i)
        if key is None:
            return None
        etype = self.types.get(key) or _type_of_key(key)
        if etype in SPEAKER_TYPES:
            return key
        if etype == "Place":
            span = self._mention_span(token)
            if span is not None and span.text in government_seats():
                return key  # "the White House said": the office the building stands for
            return self._capital_country(token)
        return None

    def _mention_span(self, token: Token) -> Span | None:
        if not self.mention_spans:
            for s in self.doc.spans[MENTIONS]:
                for i in range(s.start, s.end):
                    self.mention_spans.setdefault(i, s)
        return self.mention_spans.get(token.i)

    def _capital_country(self, token: Token) -> str | None:
        span = self._mention_span(token)
        iso = capital_iso(span.text) if span is not None else None
        key = f"country/{iso}" if iso else None
        return key if key and key in self.types else None

    def direct(self, token: Token) -> str | None:
        """Entity key named by a subject token itself (not by a pronoun), or ANON, or None."""
        if token.tag_ in ("NNS", "NNPS") and _plural_demonym(token.text):
            return ANON  # "Mexicans often say ...": a people, not its country's government
        key = self._entity(token)
        if key:
            if self.types.get(key, _type_of_key(key)) != "Person":
                for child in token.rights:  # "the ministry's spokeswoman, Ana Ruiz,"
                    if child.dep_ == "appos":
                        person = self._entity(child)
                        if person and self.types.get(person, _type_of_key(person)) == "Person":
                            return person
            return key
        for child in token.subtree:  # "the U.N. envoy for Yemen, Karl Berg,"
            if child.dep_ == "appos" and child.i > token.i:
                key = self._entity(child)
                if key and self.types.get(key, _type_of_key(key)) in ("Person", "Organization"):
                    return key
        if token.pos_ == "PROPN" or token.lemma_.lower() in person_nouns() or token.lemma_.lower() in _role_nouns():
            # "French Ambassador to Kenya Marc Petit", "Prime Minister and Foreign Minister X",
            # "executive director of the Dallas chapter of X Carla Mendes"
            last = token.right_edge
            key = self._entity(last)
            if key and self.types.get(key, _type_of_key(key)) == "Person" and last.i != token.i:
                return key
        key = self._government_of(token)
        if key:
            return key
        key = self._named_by_modifier(token)
        if key:
            return key
        if token.lemma_.lower() == "office" or token.lemma_.lower() in speech_nouns():  # "X's office/statement said"
            for child in token.children:
                owner = child if child.dep_ == "poss" else None
                if child.dep_ == "prep" and (child.lower_ in ("from", "by") or (child.lower_ == "of" and token.lemma_.lower() == "office")):
                    owner = next((c for c in child.children if c.dep_ == "pobj"), None)  # "a letter from X", "the office of X"
                key = self._entity(owner) if owner is not None else None
                if key:
                    return key
                if child.dep_ == "compound":  # "a Treasury letter says": the body it names
                    key = self._entity(child)
                    if key and (self.types.get(key) or _type_of_key(key)) in ("Organization", "Person"):
                        return key
        if token.i not in self.mention_of:  # a name of its own ("the Tax Policy Center") describes no other org
            key = self._described_org(token)
            if key:
                return key
        key = self._group_referent(token)
        if key:
            return key
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in anonymous_nouns():
            return ANON
        return None

    def _group_referent(self, token: Token) -> str | None:
        """"The Farmers Union urged ... . "...," the group said": a bare "the group" (or
        organisation, movement, alliance, coalition) is the latest organisation that was the
        subject of a clause in the last few sentences, as "it" would be."""
        if (
            token.pos_ != "NOUN" or token.lower_ not in _GROUP_NOUNS or token.i in self.mention_of
            or [c.lower_ for c in token.children if c.dep_ in ("det", "poss", "compound", "amod", "nmod")] != ["the"]
            or any(c.dep_ in ("prep", "acl", "relcl") for c in token.children)  # "the group of soldiers"
        ):
            return None
        for _, key, kind in self._recent_events(token):
            if kind == "thing" and key != ANON and (self.types.get(key) or _type_of_key(key)) == "Organization":
                return key
        return None

    def _recent_events(self, token: Token) -> Iterator[tuple[int, str, str]]:
        """Subject events before ``token`` within the pronoun window, latest first."""
        if not self.sent_starts:
            self.sent_starts = [s.start for s in self.doc.sents]
        limit = _window_start(self.sent_starts, token.i, PRONOUN_WINDOW)
        for event in reversed(self.events):
            if event[0] >= token.i:
                continue
            if event[0] < limit:
                return
            yield event
    def _named_by_modifier(self, token: Token) -> str | None:
        """The organisation an organisation noun is named by: "the Xinhua news agency said",
        "Peru's Andina news agency reported", "the state broadcaster RTV said"."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in org_nouns():
            return None
        found = set()
        for child in token.subtree:
            if child.i == token.i or child.dep_ not in ("compound", "appos", "nmod", "poss") or child.head.i != token.i and child.head.dep_ != "compound":
                continue
            key = self._entity(child)
            if key and (self.types.get(key) or _type_of_key(key)) == "Organization":
                found.add(key)
        return found.pop() if len(found) == 1 else None

    def _government_of(self, token: Token) -> str | None:
        """The country of "the French government", "Chile's government", "the government of Peru"."""
        if token.lemma_.lower() not in government_nouns():
            return None
        for child in token.children:
            target: Token | None = child
            if child.dep_ == "prep" and child.lower_ == "of":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            key = self._entity(target) if target is not None else None
            if key and (self.types.get(key) or _type_of_key(key)) == "Country":
                return key
        return None

    def conjuncts(self, subject: Token) -> tuple[str, ...]:
        """Other named speakers of a coordinated subject ("Macron and Scholz said")."""
        keys = []
        for token in subject.conjuncts:
            if token.i > subject.i:
                key = self.direct(token)
                if key and key != ANON and key not in keys:
                    keys.append(key)
        return tuple(keys)

    def after_verb(self, verb: Token) -> str | None:
        """The speaker of an inverted attribution the parser missed: '..." said the president, X,'."""
        prev = verb.i - 1
        while prev > 0 and verb.doc[prev].is_space:
            prev -= 1
        if verb.i == 0 or not (verb.doc[prev].is_punct or verb.doc[prev].is_quote):
            return None
        for token in verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + 10)]:
            key = self._entity(token)
            if key:
                return key
        return None

    def kind_of(self, key: str, token: Token) -> str:
        if key == ANON:
            return "person" if token.pos_ == "PROPN" or token.lemma_.lower() in person_nouns() else "thing"
        return "person" if (self.types.get(key) or _type_of_key(key)) == "Person" else "thing"

    def note(self, token: Token, key: str, *, reported: bool = False) -> None:
        self.events.append((token.i, key, self.kind_of(key, token)))
        if reported:
            self.reported.add(token.i)

    def resolve(self, token: Token) -> str | None:
        """Entity key (or ANON) of a subject, resolving he/she/it to the latest fitting subject."""
        low = token.lower_
        if low in ("him", "her") and token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            low = "he" if low == "him" else "she"  # "According to him, ...": the latest he
        if token.i in self.mention_of:
            return self.direct(token)
        if token.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS:
            want = "person" if low in PERSON_PRONOUNS else "thing" if low in THING_PRONOUNS else None
            low_gender = {"he": "m", "she": "f"}.get(low)
            if want is None:
                return None
            for i, key, kind in self._recent_events(token):
                if kind == want and self.genders.get(key, low_gender) == low_gender:
                    if i in self.reported and self.doc[i].sent.end == token.sent.start:
                        return self._reporter(i, want, low_gender) or key
                    return key  # "she" never goes to a man of the story
            return None
        found = self.direct(token)
        if found is None and token.is_lower:
            # "American novelist and professor Dara Hill wrote": the parser makes the
            # description the subject and the name its conjunct; the one name is the speaker
            named = {k for t in token.conjuncts if t.i > token.i and (k := self.direct(t)) and k != ANON}
            if len(named) == 1:
                return named.pop()
        return found

    def _reporter(self, i: int, want: str, gender: str | None) -> str | None:
        """For a pronoun whose latest fit is a subject inside what someone said in the sentence
        just before ("X said that Y had called for ... . He said ..."), the one who said it,
        where they fit too: the speaker, not a person their words were about."""
        sent = self.doc[i].sent
        for j, key, kind in reversed(self.events):
            if j >= i or j < sent.start:
                continue
            if j not in self.reported and kind == want and self.genders.get(key, gender) == gender:
                return key
        return None


_GROUP_NOUNS = frozenset({"group", "organisation", "organization", "movement", "alliance", "coalition"})


def _body_start(doc: Doc) -> int:
    article = doc._.article if Doc.has_extension("article") else None
    return article.body_start if article is not None else 0


def _surname_owners(
    doc: Doc, types: dict[str, str], *, body_start: int
) -> tuple[dict[str, dict[str, list[Span]]], list[tuple[Span, str]]]:
    """Surname -> person key -> its full mentions (in order), and the bare-surname mentions
    (span, surname)."""
    fulls: dict[str, dict[str, list[Span]]] = {}
    bare: list[tuple[Span, str]] = []
    for span in doc.spans[MENTIONS] if MENTIONS in doc.spans else ():
        if span.start_char < body_start or (types.get(span.label_) or _type_of_key(span.label_)) != "Person":
            continue
        words = [t for t in span if t.is_alpha and t.lower_.rstrip(".") not in _HONORIFICS]
        if len(words) == 1:
            bare.append((span, words[0].lower_))
        elif len(words) > 1:
            fulls.setdefault(words[-1].lower_, {}).setdefault(span.label_, []).append(span)
    return fulls, bare


def _shared_surnames(doc: Doc, types: dict[str, str], *, body_start: int) -> set[int]:
    """First tokens of bare-surname mentions that two people of the story share."""
    fulls, bare = _surname_owners(doc, types, body_start=body_start)
    return {span.start for span, surname in bare if len(fulls.get(surname, {})) > 1}


def _own_surnames(
    doc: Doc, mention_of: dict[int, str], types: dict[str, str], *, body_start: int, genders: dict[str, str]
) -> None:
    """A bare surname shared by two people of the story ("Clinton" after "Bill Clinton ... his
    wife Hillary Clinton"): the one an honorific fits ("Mrs. Clinton": the woman of the two), or
    the one whose title it repeats ("Governor Holt" after "Governor Mia Holt"), or the one named
    in full as a subject in this sentence or the one before ("Water Minister Oskar Marten said ...
    Marten said ..."), else the one the story named in full first (news style)."""
    fulls, bare = _surname_owners(doc, types, body_start=body_start)
    for span, surname in bare:
        owners = fulls.get(surname, {})
        if len(owners) <= 1:
            continue
        gender = honorific_gender(span)
        fitting = [key for key in owners if gender is not None and genders.get(key) == gender]
        if len(fitting) != 1:
            fitting = _title_owners(doc, span, owners) or _recent_owners(doc, span, owners)
        owner = fitting[0] if len(fitting) == 1 else min(owners, key=lambda key: owners[key][0].start)
        for i in range(span.start, span.end):
            mention_of[i] = owner


def _title_owners(doc: Doc, span: Span, owners: dict[str, list[Span]]) -> list[str]:
    """The owners whose full mention follows the same capitalised title as the bare surname."""
    if span.start == 0 or not doc[span.start - 1].is_title or doc[span.start - 1].is_sent_start:
        return []
    title = doc[span.start - 1].text
    return [key for key, fulls in owners.items() if any(f.start > 0 and doc[f.start - 1].text == title for f in fulls)]


def _recent_owners(doc: Doc, span: Span, owners: dict[str, list[Span]]) -> list[str]:
    """The owners named in full as a clause's subject in the bare surname's sentence or the one
    before it (not "an old photo of Rosa Marten": a person only mentioned takes no later "Marten")."""
    sent = doc[span.start].sent
    window = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return [
        key for key, fulls in owners.items()
        if any(window <= f.start < span.start and f.root.dep_ in ("nsubj", "nsubjpass") for f in fulls)
    ]


def _name_words(name: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(name.lower()) if w not in ("of", "the", "and", "for"))


def _window_start(sent_starts: list[int], token_i: int, n: int) -> int:
    idx = max(0, bisect_right(sent_starts, token_i) - 1)  # the sentence holding the token
    return sent_starts[max(0, idx - n)] if sent_starts else 0


def _type_of_key(key: str) -> str:
    return {"person": "Person", "org": "Organization", "country": "Country", "place": "Place"}.get(
        key.split("/", 1)[0], ""
    )


def capital_iso(name: str) -> str | None:
    """ISO code of the country whose capital is ``name`` (for "Moscow said"), if known."""
    try:
        from ...gazetteer import lookup_capital
    except ImportError:  # the gazetteer is optional for this extractor
        return None
    country = lookup_capital(name)
    return getattr(country, "iso", None) if country is not None else None
