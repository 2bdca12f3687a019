"""Title phrases: a role word with what stands around it (determiner, possessor, nationality,
qualifiers, "of/at/in/to/for" phrases), the organisations it names and its printed label."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...identity import key_type
from ...nlp import MENTIONS
from ...records import Entity
from .vocabulary import _honorifics, _role_nouns, DETERMINERS, GOVERNMENT, MAX_PREMODIFIER, NAME_ENTS, ORGANISATION, ORG_TYPES, POSSESSIVE, REGIONAL, RoleConcept, RoleMatcher, _is_status, _rules, _title_words, _words, role_concepts


class _Mentions:
    """Entity mentions of a Doc, indexed by token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities = doc._.entities or {}
        self.implied: dict[str, Entity] = {}  # organisations a post implies without naming them
        self.at: dict[int, Span] = {}
        spans = doc.spans[MENTIONS] if MENTIONS in doc.spans else []
        for span in spans:
            for i in range(span.start, span.end):
                self.at[i] = span

    def type(self, key: str) -> str:
        entity = self.entities.get(key) or self.implied.get(key)
        return entity.type if entity is not None else key_type(key)

    def imply(self, entity: Entity) -> str:
        """Key of an organisation or country a post implies (an article entity, or a new one)."""
        if entity.key not in self.entities:
            self.implied.setdefault(entity.key, entity)
        return entity.key

    def name(self, key: str) -> str:
        entity = self.entities.get(key) or self.implied.get(key)
        return entity.name if entity is not None else key

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
        return (key in self.entities or key in self.implied) and self.type(key) in ORG_TYPES

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
    served: str | None = None  # a name the story does not list before a staff post: "Clinton spokesman"
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
    from_home: bool = False  # the organisation is the story's home country, not stated


def _read_premodifiers(doc: Doc, title: _Title, mentions: _Mentions, *, role_words: set[int] | None = None) -> None:
    """Scan left of the role words: determiner, possessor, nationality, qualifiers, status."""
    sent = title.words.sent
    i, start = title.words.start - 1, title.words.start
    unnamed = False  # a capitalised word that is no mention: "Saudi Aramco | chief executive"
    while i >= sent.start and title.words.start - i <= MAX_PREMODIFIER:
        token = doc[i]
        if role_words and i in role_words and token.lower_ not in _words("title_modifiers") | _words("deputy_qualifiers"):
            break  # another title: "vice-presidential nominee | Gov. X" (not "Deputy | Foreign Minister")
        if token.text == ")" and i == title.words.start - 1:
            opening = _acronym_brackets(doc, i, mentions)
            if opening is not None:  # "Penang Development Corporation (PDC) | general manager"
                start, i = opening, opening - 1
                continue
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
                if _qualifies(doc, span.end, title) and title.concept.id in _words("staff_posts"):
                    title.principal = span  # "Clinton spokesman X", "Trump adviser X": the person served
                    start = span.start
                break
            if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "based":
                start, i = span.start, span.start - 1  # "a Florida-based president of X": where, not whose
                continue
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
        if _qualifies(doc, i + 1, title) and token.ent_type_ == "PERSON" and token.is_title and title.concept.id in _words("staff_posts"):
            title.served = token.text  # "Clinton spokesman X" where the story lists no "Clinton" here
            start = i
            break
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
        if token.tag_ in ("VBD", "VBN") and token.lemma_ in _words("citing_verbs"):
            break  # "the agency quoted | government spokesman X": the agency is who quotes, not his employer
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


def _acronym_brackets(doc: Doc, close: int, mentions: _Mentions) -> int | None:
    """The "(" of an acronym in brackets that closes at ``close`` right after an organisation
    mention ("Sarawak United Peoples' Party (SUPP)"), else None."""
    for k in range(close - 1, max(close - 4, 0), -1):
        if doc[k].text == "(":
            inside = doc[k + 1 : close]
            before = mentions.get(k - 1, "Organization") if k > 0 else None
            if before is not None and len(inside) == 1 and inside[0].is_upper and inside[0].is_alpha:
                return k
            return None
    return None


def _based(doc: Doc, span: Span) -> bool:
    """A mention followed by "-based" ("a Miami-based group"): where a body sits, not a body."""
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "based"


def _qualifies(doc: Doc, k: int, title: _Title) -> bool:
    """Tokens k up to the role words are at most two lower-case nouns that qualify the post:
    "Clinton | communications director", "Obama | climate adviser", "Trump | spokesman"."""
    between = doc[k : title.words.start]
    return len(between) <= 2 and all(t.is_lower and t.pos_ == "NOUN" for t in between)


def _honorific_words() -> frozenset[str]:
    return frozenset(" ".join(h) for h in _honorifics() if len(h) == 1)


def _run_together(doc: Doc, span: Span, mentions: _Mentions) -> bool:
    """A country mention that is part of a longer name the story does not mark: an
    organisation right before it ("Reform | UK") or a capitalised word that is no mention
    right after it ("Saudi | Aramco")."""
    if mentions.type(span.label_) != "Country":
        return False
    before = mentions.get(span.start - 1) if span.start > span.sent.start else None
    if before is not None and mentions.type(before.label_) == "Organization":
        return True
    if span.end >= span.sent.end:
        return False
    if doc[span.end].lower_ == "and" and span.end + 1 < span.sent.end:
        # "Kenya and Uganda | Veterans of Africa": two countries opening a longer name
        second = mentions.get(span.end + 1, "Country")
        if second is None or second.start != span.end + 1 or second.end >= span.sent.end or mentions.get(second.end) is not None:
            return False
        after = doc[second.end]
        return after.pos_ == "PROPN" and after.is_title and after.lower_ not in _role_nouns()
    if mentions.get(span.end) is not None:
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
            opens = all(t.lower_ in DETERMINERS or t.text in _honorific_words() for t in doc[i:j])  # "to Mr. X"
            if j > i and mentions.type(span.label_) == "Person" and j - 1 not in role_words and not opens:
                break
            j = span.end
            continue
        token = doc[j]
        if token.is_space or (token.is_punct and token.text not in ("-", *POSSESSIVE)) or token.lower_ in ("and", "or", "who", "which", "that", "but"):
            break
        if token.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "PRON") and token.text not in POSSESSIVE and not (
            token.lower_ == "based" and doc[j - 1].text == "-"
        ):
            break  # but "the Miami-based caucus" goes on
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
        if j < sent.end and doc[j].lower_ == "and" and j > title.words.end and doc[j - 1].is_lower:
            j = _field_conjunct_end(doc, j, sent)  # "a professor of law and economics | at Y"
        if j >= sent.end or doc[j].lower_ not in set(rules["org_preps"]) | set(rules["principal_preps"]):
            break
        prep, end = doc[j].lower_, _np_end(doc, j + 1, mentions, sent, role_words=role_words)
        if end == j + 1:
            break
        phrase = [mentions.get(k) for k in range(j + 1, end)]
        spans = list(dict.fromkeys(s for s in phrase if s is not None and not _based(doc, s)))  # not "Miami" of "the Miami-based X"
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


def _field_conjunct_end(doc: Doc, j: int, sent: Span) -> int:
    """Token j is "and" inside a lower-case field ("of geology and marine science at"): the
    preposition after the conjunct, else j unchanged."""
    k = j + 1
    while k < sent.end and k - j <= 3 and doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN"):
        k += 1
    return k if k > j + 1 and k < sent.end and doc[k].lower_ in _rules()["org_preps"] else j


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
            or (doc[title.words.start].is_title and token.is_lower and token.pos_ == "NOUN")
        ):
            break  # not "way Senator X": a lower-case noun does not qualify a capitalised title
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
    words = (head + (_singular(last.text) if title.plural else last.text)).split()
    spelled = _rules()["abbreviated_titles"]
    return " ".join(spelled.get(w.lower(), w) for w in words)  # "Sen." is printed "Senator"


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
        if span.start > 0 and doc[span.start - 1].is_quote and doc[span.start - 1].whitespace_ == "":
            continue  # a nickname in quotation marks: "King James"
        title = _Title(span, concept, plural)
        _read_premodifiers(doc, title, mentions, role_words=role_words)
        _read_postmodifiers(doc, title, mentions, role_words=role_words)
        qualifiers = _qualifiers(doc, title, mentions)
        title.label = _label(doc, title, qualifiers)
        if concept.scope == GOVERNMENT and _words("deputy_qualifiers").intersection(t.lower_ for t in qualifiers):
            title.concept = role_concepts()["deputy"]  # "Deputy President": not the president
        titles.append(title)
    return titles
