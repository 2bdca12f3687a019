"""kgraph_statements: who said what, about which topics and countries.

Two sources of statements are combined:

- speech frames from the parse: a speech verb of ``patterns/reporting_verbs.txt`` with
  its speaker (the subject) and what was said (the reported clause, the object and
  infinitive of "urged", the object of "called for", ...), plus "according to X";
- quoted passages found in the text: an opening quote mark up to its closing mark, or to
  the end of the paragraph when the next paragraph opens with a quote mark again.

A frame whose content lies inside a passage becomes a direct statement quoting the whole
passage. A passage that no frame reaches takes the speaker of a speech verb next to it,
or continues the statement just before it ("..." Merkova said. "...").

Speakers are entity keys from ``doc._.entities``. A pronoun ("he said") goes to the
latest subject of its kind; an unnamed source ("officials said", listed in
``patterns/anonymous_sources.txt``) is no speaker, and a pronoun after it is not either.
Nothing before ``article.body_start`` (the headline) is read.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..errors import KgraphError
from ..nlp import MENTIONS, register_extensions
from ..patterns import read_lines
from ..records import Evidence, Statement
from .topics import classify, load_lexicon, text_topics

log = logging.getLogger(__name__)

MIN_WORDS = 6  # shorter quotes are not statements (scare quotes, fragments; GOLD_FORMAT: at least 6 words)
MAX_TOPICS = 2
PRIOR_WEIGHT = 0.6  # weight of the article's own topics in each statement's topic score
TITLE_WEIGHT = 2.0  # a cue in the headline counts as much as this many in the body
PRONOUN_WINDOW = 4  # sentences to look back for the referent of "he", "she", "it"
SPEAKER_TYPES = {"Person", "Organization", "Country"}
OPEN_MARKS = "\u201c\u201e\u00ab"  # “ „ «
CLOSE_MARKS = "\u201d\u00bb"  # ” »
BOTH_MARKS = '"'
QUOTE_MARKS = OPEN_MARKS + CLOSE_MARKS + BOTH_MARKS + "\u2018\u2019'"
PERSON_PRONOUNS = {"he", "she"}
THING_PRONOUNS = {"it"}
ANON = "anonymous"
_WORD = re.compile(r"\w+")
_DATELINE = re.compile(
    r"^\s*(?:[^\n.!?\"\u201c]{2,80}?\([A-Za-z .]{2,30}\)\s*[-\u2013\u2014:]+\s*"  # CITY, Date (Agency) -
    r"|[A-Z][A-Z .'\u2019-]{2,40}(?:,[^\n\-\u2013\u2014:]{1,40})?\s*[-\u2013\u2014:]+\s+)"  # CITY: / CITY, Country —
)
_TRAIL_MARKS = {"as", "after", "before", "while", "when", "since", "despite", "amid"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame"}
_WH = {"which", "who", "whom", "whose", "where", "when"}


@cache
def reporting_verbs() -> dict[str, str]:
    """Speech verb lemma -> frame name, from patterns/reporting_verbs.txt."""
    verbs = {}
    for line in read_lines("reporting_verbs.txt"):
        lemma, _, frame = line.partition(" ")
        verbs[lemma.strip()] = frame.strip() or "clause"
    return verbs


@cache
def anonymous_sources() -> dict[str, str]:
    """Noun -> kind ("person", "thing" or "government") of the unnamed sources in patterns/anonymous_sources.txt."""
    nouns = {}
    for line in read_lines("anonymous_sources.txt"):
        noun, _, kind = line.lower().partition(" ")
        kind = kind.strip()
        if kind not in ("person", "thing", "government"):
            raise KgraphError(
                f'patterns/anonymous_sources.txt: "{line}" has kind "{kind}"; '
                f'write "{noun} person", "{noun} thing" or "{noun} government"'
            )
        nouns[noun] = kind
    return nouns


@cache
def anonymous_nouns() -> frozenset[str]:
    return frozenset(anonymous_sources())


@cache
def person_nouns() -> frozenset[str]:
    """Nouns naming a person ("official", "spokesman"): a later "he" or "she" can refer to them."""
    return frozenset(noun for noun, kind in anonymous_sources().items() if kind == "person")


@cache
def government_nouns() -> frozenset[str]:
    """Nouns for a country's government ("the French government"): the country speaks."""
    return frozenset(noun for noun, kind in anonymous_sources().items() if kind == "government")


@cache
def speech_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("speech_nouns.txt"))


# ------------------------------------------------------------------ quoted passages


@dataclass(frozen=True, slots=True)
class Passage:
    """Text inside quote marks: ``start``-``end`` without the marks and trailing commas."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    closed: bool = True


def _paragraphs(text: str, start: int) -> Iterator[tuple[int, int]]:
    pos = start
    for line in text[start:].split("\n"):
        if line.strip():
            yield pos, pos + len(line)
        pos += len(line) + 1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _marks(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """Double quote marks of a paragraph: (offset, length, kind), kind "open", "close" or "both".

    Besides the straight and curly marks, two apostrophes ('') and two backticks (``) stand
    for a double mark, as in some newspapers' archive text."""
    i = start
    while i < end:
        ch = text[i]
        if ch in OPEN_MARKS:
            yield i, 1, "open"
        elif ch in CLOSE_MARKS:
            yield i, 1, "close"
        elif ch == BOTH_MARKS:
            yield i, 1, "both"
        elif ch in "'`" and i + 1 < end and text[i + 1] == ch:
            yield i, 2, "open" if ch == "`" else "both"
            i += 2
            continue
        i += 1


def _looks_closing(text: str, pos: int, length: int, p_start: int) -> bool:
    """A straight mark right after a word or punctuation and before a space or the end, or
    after a comma or full stop and a space (', "he said', a space slipped before the mark)."""
    before = text[pos - 1] if pos > p_start else " "
    after = text[pos + length] if pos + length < len(text) else " "
    if not before.isspace():
        return after.isspace() or after in ",.;:!?)"
    return text[p_start:pos].rstrip()[-1:] in (",", ".", "!", "?")


def _closed_later(
    text: str, paragraphs: list[tuple[int, int]], all_marks: list[list[tuple[int, int, str]]], k: int
) -> bool:
    """Paragraph ``k`` has no mark, and the next paragraph with marks (at most 3 on) begins with
    a closing one: a quote broken over one-sentence lines."""
    for j in range(k + 1, min(k + 4, len(paragraphs))):
        if all_marks[j]:
            pos, length, kind = all_marks[j][0]
            p_start = paragraphs[j][0]
            opens = pos == p_start + len(text[p_start : paragraphs[j][1]]) - len(text[p_start : paragraphs[j][1]].lstrip())
            return not opens and (kind == "close" or _looks_closing(text, pos, length, p_start))
    return False


def quote_passages(text: str, *, start: int = 0) -> list[Passage]:
    """Quoted passages (double quote marks, straight or curly) from ``start`` on.

    Single quotes are left alone (they nest inside double quotes or are apostrophes). A
    passage left open at the end of a paragraph runs on when the next paragraph opens with
    a quote mark again (the convention for a quote over several paragraphs), or when the
    first mark of the next paragraph closes a passage (a quote broken over lines, one
    sentence a line); else it ends with its paragraph. A mark alone at the very end of a
    paragraph, after its last sentence, opens a passage in the next paragraph (a quote
    mark that a line break separated from its quote).
    """
    passages: list[Passage] = []
    pending: Passage | None = None  # open at the end of the previous paragraph
    paragraphs = list(_paragraphs(text, start))
    all_marks = [list(_marks(text, p_start, p_end)) for p_start, p_end in paragraphs]
    for k, (p_start, p_end) in enumerate(paragraphs):
        marks = all_marks[k]
        if pending is not None and pending.end > pending.start and not marks and _closed_later(text, paragraphs, all_marks, k):
            pending = Passage(pending.start, p_end, pending.open_at, closed=False)  # a line inside the quote
            continue
        first = len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
        opens_with_mark = bool(marks) and marks[0][0] == p_start + first and marks[0][2] != "close"
        carried: Passage | None = None
        still_open = False  # the carried passage is open at this paragraph's start
        if pending is not None:
            if pending.end <= pending.start:  # a dangling mark: the passage starts here
                carried = Passage(p_start + first, p_start + first, pending.open_at, closed=False)
                still_open = True
                if opens_with_mark:
                    marks = marks[1:]
            elif opens_with_mark:
                carried = pending
            elif marks and (marks[0][2] == "close" or _looks_closing(text, marks[0][0], marks[0][1], p_start)):
                carried, still_open = pending, True  # the first mark here closes it
            else:
                passages.append(pending)
        pending = None
        open_at: int | None = carried.open_at if still_open and carried is not None else None
        open_len = 0
        for i, length, kind in marks:
            if open_at is None:
                if kind == "close":
                    continue  # a stray closing mark
                open_at, open_len = i, length
            elif kind == "open":
                continue  # nested or stray opening mark inside a passage
            else:
                begin = carried.start if carried is not None else open_at + open_len
                first_mark = carried.open_at if carried is not None else open_at
                s, e = _trimmed(text, begin, i)
                if e > s:
                    passages.append(Passage(s, e, first_mark))
                carried = None
                open_at = None
        if open_at is not None:
            begin = carried.start if carried is not None else open_at + open_len
            first_mark = carried.open_at if carried is not None else open_at
            s, e = _trimmed(text, begin, p_end)
            if e > s:
                pending = Passage(s, e, first_mark, closed=False)
            elif carried is None and text[p_start:open_at].rstrip()[-1:] in (".", "!", "?"):
                pending = Passage(p_end, p_end, open_at, closed=False)  # dangling: opens the next paragraph
    if pending is not None and pending.end > pending.start:
        passages.append(pending)
    return passages


# ------------------------------------------------------------------ speech frames


@dataclass(slots=True)
class Frame:
    """A speech verb (or "according to"), its subject token and its content tokens."""

    verb: Token
    lemma: str
    subject: Token | None
    start: int  # first content token
    end: int  # one past the last content token
    kind: str


def find_subject(verb: Token) -> Token | None:
    """The token naming who speaks: the subject, or the subject of the clause it hangs on."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:  # the nearest one (a headline "Y says ..." glued to "X said")
        child = min(subjects, key=lambda c: (c.i > verb.i, abs(verb.i - c.i)))
        if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return verb.head
        return child
    if verb.dep_ == "pcomp" and verb.head.head.lemma_ == "quote":
        # "X was quoted as saying"; "the agency quoted X as saying": X speaks, not the agency
        quote = verb.head.head
        return next((c for c in quote.children if c.dep_ == "dobj"), None) or next(
            (c for c in quote.children if c.dep_ in ("nsubjpass", "nsubj")), None
        )
    if verb.dep_ == "conj":
        speech = _governing_speech_verb(verb)
        return find_subject(speech if speech is not None else verb.head)
    if verb.dep_ in ("advcl", "xcomp", "pcomp") and verb.tag_ in ("VBG", "VB", "VBN"):
        if verb.head is not verb:
            return find_subject(verb.head)
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBD", "VBZ"):
        return verb.head  # "with X saying ..."; a finite verb misparsed as a modifier of its subject
    for child in reversed(list(verb.lefts)):  # "Lind, the U.N. aid chief, said" misparsed
        if child.pos_ == "PROPN" and child.dep_ in ("advmod", "npadvmod", "dep", "nmod", "intj"):
            return child
    return None


def _governing_speech_verb(verb: Token) -> Token | None:
    """For a speech verb conjoined inside a reported clause ("said A would X and urged B"),
    the speech verb whose clause it sits in: the parser's attachment, not the meaning."""
    head = verb
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.lemma_.lower() in reporting_verbs() and head.dep_ not in ("ccomp", "xcomp"):
        return None  # a plain "said A and added B" (not "said Russia would respond ... and urged B")
    node = head
    while node.head is not node:
        if node.dep_ in ("ccomp", "acomp", "xcomp", "conj") and node.head.lemma_.lower() in reporting_verbs():
            return node.head
        if node.dep_ not in ("ccomp", "acomp", "xcomp", "conj", "advcl"):
            return None
        node = node.head
    return None


def embedded_in_report(verb: Token) -> bool:
    """"said he had called the two presidents and urged them to ...": the second verb continues the
    reported clause (its conjunct has a pronoun subject), so it is no statement of its own.
    So does "quoted X as saying he would suggest that ...": a speech verb with a pronoun
    subject in the reported clause of an earlier one."""
    if (
        verb.dep_ == "ccomp"
        and verb.head.i < verb.i
        and verb.head.lemma_.lower() in reporting_verbs()
        and any(c.dep_ == "nsubj" and c.lower_ in ("he", "she", "it", "they", "we", "i") for c in verb.children)
    ):
        return True
    if verb.dep_ != "conj" or _governing_speech_verb(verb) is None:
        return False
    head = verb
    while head.dep_ == "conj":
        head = head.head
    return any(c.dep_ == "nsubj" and c.lower_ in ("he", "she", "it", "they", "we", "i") for c in head.children)


def _attribution_tokens(verb: Token, subject: Token | None) -> list[Token]:
    """Tokens of "as X warned" around a verb: its subject, auxiliaries, marks and the verb."""
    tokens = [verb]
    for child in verb.lefts:
        if child.dep_ in ("nsubj", "aux", "auxpass", "neg", "advmod", "npadvmod", "mark", "prep"):
            tokens.extend(child.subtree)
    if subject is not None and subject.head is verb and subject.i < verb.i:
        tokens.extend(subject.subtree)
    return tokens


def _attribution_start(verb: Token, subject: Token | None) -> int:
    """First token of "X said" around a verb (subject, auxiliaries, verb)."""
    first = verb.i
    for child in verb.lefts:
        if child.dep_ in ("nsubj", "aux", "auxpass", "neg", "advmod", "npadvmod", "mark", "prep"):
            first = min(first, child.left_edge.i)
    if subject is not None and subject.i < verb.i:
        first = min(first, subject.left_edge.i)
    return first


def _clause_content(verb: Token, subject: Token | None) -> tuple[int, int] | None:
    ccomps = [c for c in verb.children if c.dep_ == "ccomp"]
    after = [c for c in ccomps if c.i > verb.i]
    before = [c for c in ccomps if c.i < verb.i]
    if after:
        first, last = after[0], after[-1]
        return first.left_edge.i, last.right_edge.i + 1
    if before:
        return before[0].left_edge.i, _attribution_start(verb, subject)
    # "said in a statement that ...", "told a news conference that ...": the clause hangs on a noun
    clause = _that_clause_below(verb)
    if clause is not None:
        return clause.left_edge.i, clause.right_edge.i + 1
    # "Kenya says the militants cross the border" parsed with two subjects
    late = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    if late and subject is not None and subject.i < verb.i:
        return late[0].left_edge.i, verb.sent.end
    # "The museum, X said, celebrated ...": the attribution set inside the reported clause
    head = verb.head
    if verb.dep_ == "parataxis" and head.i > verb.right_edge.i and subject is not None and subject.i < verb.i:
        first = _attribution_start(verb, subject)
        if first > verb.sent.start and verb.doc[first - 1].text == ",":
            after = verb.right_edge.i + 1
            if _word_count(verb.doc[after : verb.sent.end].text) >= MIN_WORDS:
                return after, verb.sent.end
            return verb.sent.start, verb.sent.end
    # "Q, X said" parsed with the verb hanging on the quoted clause
    if verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and head.i < verb.i and subject is not None:
        if verb.nbor(-1).is_punct or (subject.left_edge.i > 0 and subject.left_edge.nbor(-1).is_punct):
            return verb.sent.start, _attribution_start(verb, subject)
    return None


def _that_clause_below(verb: Token) -> Token | None:
    """A "that" clause attached to a noun or preposition on the verb's right, not under another verb."""
    stack = [c for c in verb.rights if c.dep_ in ("dobj", "dative", "prep", "npadvmod")]
    while stack:
        token = stack.pop(0)
        for child in token.rights:
            if child.dep_ in ("acl", "relcl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in child.children
            ):
                return child
            if child.dep_ in ("prep", "pobj", "dobj", "appos", "conj"):
                stack.append(child)
    return None


def _directive_content(verb: Token) -> tuple[int, int] | None:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    comps = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    if objects and comps:
        return objects[0].left_edge.i, comps[-1].right_edge.i + 1
    if comps and comps[0].dep_ == "xcomp":  # "urged the government to ..." parsed as ccomp-like xcomp
        sub = [c for c in comps[0].children if c.dep_ == "nsubj"]
        if sub:
            return sub[0].left_edge.i, comps[0].right_edge.i + 1
    return None


def _call_content(verb: Token) -> tuple[int, int] | None:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs:
                return objs[0].left_edge.i, prep.right_edge.i + 1
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "upon") and prep.i == verb.i + 1:  # not "on Friday"
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            comps = [c for c in list(verb.children) + list(prep.children) if c.dep_ in ("xcomp", "acl", "advcl")]
            if objs and comps:
                return objs[0].left_edge.i, max(c.right_edge.i for c in comps) + 1
    return None


def _accuse_content(verb: Token) -> tuple[int, int] | None:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"]
    if objects and preps:
        return objects[0].left_edge.i, preps[0].right_edge.i + 1
    return None


def _according_frame(token: Token) -> Frame | None:
    """"according to X, Q" / "Q, according to X"."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to":
        to = token.nbor(1)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    source = pobj
    if pobj.lemma_.lower() in speech_nouns():
        owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
        if owner is None:
            for prep in pobj.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                    owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
        source = owner if owner is not None else pobj
    sent = token.sent
    phrase_start, phrase_end = token.i, max(to.right_edge.i, pobj.right_edge.i) + 1
    before = [t for t in sent[: phrase_start - sent.start] if not t.is_punct]
    after = [t for t in sent[phrase_end - sent.start :] if not t.is_punct]
    if len(after) >= len(before):
        start, end = phrase_end, sent.end
    else:
        start, end = sent.start, phrase_start
    return Frame(token, "according to", source, start, end, "according")


def _prep_relative(verb: Token) -> bool:
    """"a message in which he said: ...": the relative word sits in a preposition, so the
    verb keeps its own reported clause."""
    return any(
        c.dep_ == "prep" and c.i < verb.i and any(g.lower_ in ("which", "whom") for g in c.children)
        for c in verb.children
    )


def speech_frames(doc: Doc, *, body_start: int = 0) -> Iterator[Frame]:
    """Speech verbs of the body with a subject and a content span (token offsets)."""
    verbs = reporting_verbs()
    for sent in doc.sents:
        if sent.end_char <= body_start:
            continue
        for token in sent:
            if token.lower_ == "according":
                frame = _according_frame(token)
                if frame is not None:
                    yield frame
                continue
            kind = verbs.get(token.lemma_.lower())
            if kind is None or token.pos_ not in ("VERB", "AUX"):
                continue
            if any(c.dep_ == "neg" for c in token.children) or embedded_in_report(token):
                continue  # "did not say"; "said he had met them and urged them to ..."
            if token.dep_ == "relcl" and not any(
                c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in token.children
            ) and not _prep_relative(token):
                continue  # "the strikes, which it said had hit a depot": no reported clause of its own
            subject = find_subject(token)
            if kind == "directive":
                span = _directive_content(token) or _clause_content(token, subject)
            elif kind == "call":
                span = _call_content(token)
            elif kind == "accuse":
                span = _accuse_content(token)
            else:
                span = _clause_content(token, subject)
            if span is not None and span[1] > span[0]:
                yield Frame(token, token.lemma_.lower(), subject, span[0], span[1], kind)


# ------------------------------------------------------------------ speakers


@dataclass(slots=True)
class Speakers:
    """Resolves subject tokens to entity keys, pronouns to the latest fitting subject."""

    doc: Doc
    mention_of: dict[int, str]
    types: dict[str, str]
    org_words: dict[str, list[frozenset[str]]] = field(default_factory=dict)  # org key -> word sets of its names
    events: list[tuple[int, str, str]] = field(default_factory=list)  # (token, key or ANON, kind)

    @classmethod
    def of(cls, doc: Doc) -> "Speakers":
        entities = doc._.entities or {}
        mention_of: dict[int, str] = {}
        if MENTIONS in doc.spans:
            for span in doc.spans[MENTIONS]:
                for i in range(span.start, span.end):
                    mention_of.setdefault(i, span.label_)
        types = {key: ent.type for key, ent in entities.items()}
        _own_surnames(doc, mention_of, types, body_start=_body_start(doc))
        org_words = {
            key: [_name_words(name) for name in (ent.name, *ent.aliases)]
            for key, ent in entities.items()
            if ent.type == "Organization"
        }
        return cls(doc, mention_of, types, org_words)

    def _described_org(self, token: Token) -> str | None:
        """The one organisation whose name holds all words of "the commerce ministry"."""
        if token.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ in ("det", "poss") for c in token.children):
            return None
        words = {token.lower_} | {
            c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i
        }
        found = {key for key, names in self.org_words.items() if any(words <= name for name in names)}
        return found.pop() if len(found) == 1 else None

    def _entity(self, token: Token) -> str | None:
        key = self.mention_of.get(token.i)
        if key is None:
            return None
        etype = self.types.get(key) or _type_of_key(key)
        if etype in SPEAKER_TYPES:
            return key
        if etype == "Place":
            return self._capital_country(token)
        return None

    def _capital_country(self, token: Token) -> str | None:
        span = next((s for s in self.doc.spans[MENTIONS] if s.start <= token.i < s.end), None)
        iso = capital_iso(span.text) if span is not None else None
        key = f"country/{iso}" if iso else None
        return key if key and key in self.types else None

    def direct(self, token: Token) -> str | None:
        """Entity key named by a subject token itself (not by a pronoun), or ANON, or None."""
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
        if token.pos_ == "PROPN" or token.lemma_.lower() in person_nouns():
            # "French Ambassador to Kenya Marc Petit", "Prime Minister and Foreign Minister X"
            last = token.right_edge
            key = self._entity(last)
            if key and self.types.get(key, _type_of_key(key)) == "Person" and last.i != token.i:
                return key
        key = self._government_of(token)
        if key:
            return key
        if token.lemma_.lower() == "office" or token.lemma_.lower() in speech_nouns():  # "X's office/statement said"
            for child in token.children:
                owner = child if child.dep_ == "poss" else None
                if child.dep_ == "prep" and child.lower_ in ("from", "by"):  # "a letter from X said"
                    owner = next((c for c in child.children if c.dep_ == "pobj"), None)
                key = self._entity(owner) if owner is not None else None
                if key:
                    return key
        key = self._described_org(token)
        if key:
            return key
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in anonymous_nouns():
            return ANON
        return None

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

    def note(self, token: Token, key: str) -> None:
        self.events.append((token.i, key, self.kind_of(key, token)))

    def resolve(self, token: Token) -> str | None:
        """Entity key (or ANON) of a subject, resolving he/she/it to the latest fitting subject."""
        low = token.lower_
        if token.i in self.mention_of:
            return self.direct(token)
        if token.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS:
            want = "person" if low in PERSON_PRONOUNS else "thing" if low in THING_PRONOUNS else None
            if want is None:
                return None
            sent_starts = [s.start for s in self.doc.sents]
            limit = _window_start(sent_starts, token.i, PRONOUN_WINDOW)
            for i, key, kind in reversed(self.events):
                if i >= token.i:
                    continue
                if i < limit:
                    break
                if kind == want:
                    return key
            return None
        return self.direct(token)


def _body_start(doc: Doc) -> int:
    article = doc._.article if Doc.has_extension("article") else None
    return article.body_start if article is not None else 0


def _own_surnames(doc: Doc, mention_of: dict[int, str], types: dict[str, str], *, body_start: int) -> None:
    """A bare surname shared by two people of the story ("Clinton" after "Bill Clinton ... his
    wife Hillary Clinton") belongs to the one the story named in full first (news style)."""
    if MENTIONS not in doc.spans:
        return
    first_full: dict[str, dict[str, int]] = {}  # surname -> person key -> first full mention
    bare: list[Span] = []
    for span in doc.spans[MENTIONS]:
        if span.start_char < body_start or (types.get(span.label_) or _type_of_key(span.label_)) != "Person":
            continue
        words = [t for t in span if t.is_alpha and t.lower_ not in _HONORIFICS]
        if len(words) == 1:
            bare.append(span)
        elif len(words) > 1:
            first_full.setdefault(words[-1].lower_, {}).setdefault(span.label_, span.start)
    for span in bare:
        owners = first_full.get(span[0].lower_ if span[0].is_alpha else "", {})
        if len(owners) > 1:
            owner = min(owners, key=lambda key: owners[key])
            for i in range(span.start, span.end):
                mention_of[i] = owner


def _name_words(name: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(name.lower()) if w not in ("of", "the", "and", "for"))


def _window_start(sent_starts: list[int], token_i: int, n: int) -> int:
    idx = 0
    for k, s in enumerate(sent_starts):
        if s <= token_i:
            idx = k
    return sent_starts[max(0, idx - n)] if sent_starts else 0


def _type_of_key(key: str) -> str:
    return {"person": "Person", "org": "Organization", "country": "Country", "place": "Place"}.get(
        key.split("/", 1)[0], ""
    )


def capital_iso(name: str) -> str | None:
    """ISO code of the country whose capital is ``name`` (for "Moscow said"), if known."""
    try:
        from ..gazetteer import lookup_capital
    except ImportError:  # the gazetteer is optional for this extractor
        return None
    country = lookup_capital(name)
    return getattr(country, "iso", None) if country is not None else None


# ------------------------------------------------------------------ assembling statements


@dataclass(slots=True)
class Candidate:
    start: int  # char span of the quote
    end: int
    speaker: str | None
    verb: str | None
    direct: bool
    anchor: int  # token index of the verb (or of the passage start)
    sent_start: int  # char span of the sentence(s)
    sent_end: int
    co_speakers: tuple[str, ...] = ()  # "Macron and Scholz said": the other conjuncts


def _strip_edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation, a leading "that" and a leading date ("said on Monday he ...")."""
    while start < end:
        token = doc[start]
        if token.is_punct or token.is_space or token.lower_ == "that" or (token.lower_ in ("and", "but") and token.dep_ == "cc"):
            start += 1
        elif token.ent_type_ in ("DATE", "TIME") or (
            token.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in token.children)
        ):
            start = max(start + 1, token.right_edge.i + 1) if token.dep_ == "prep" else start + 1
        else:
            break
    while end > start and (_loose_end(doc, start, end) or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def _loose_end(doc: Doc, start: int, end: int) -> bool:
    """Trailing punctuation to drop: not "%", not a ")" closing a "(" of the span."""
    token = doc[end - 1]
    if not token.is_punct or token.text == "%":
        return False
    return not (token.text == ")" and any(t.text == "(" for t in doc[start : end - 1]))


def _trim_tail(doc: Doc, start: int, end: int) -> int:
    """Cut a narrator's tail: ", where ...", ", which ...", ", pointing to ...", ", as ...",
    ", according to ..."."""
    for i in range(start + 2, end):
        if doc[i - 1].text != ",":
            continue
        tok = doc[i]
        if tok.lower_ == "according" and i + 1 < end and doc[i + 1].lower_ == "to":
            return i - 1
        head = tok.head
        if tok.lower_ in _WH and head.dep_ == "relcl" and head.right_edge.i >= end - 1:
            return i - 1
        if tok.lower_ in _TRAIL_MARKS and tok.dep_ in ("mark", "prep") and head.right_edge.i >= end - 1:
            return i - 1
        if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp") and tok.right_edge.i >= end - 1:
            return i - 1
    return end


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _clip_to_paragraph(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    p_start, p_end = _paragraph_bounds(text, anchor)
    return max(start, p_start), min(end, p_end)


def _strip_dateline(text: str, start: int, end: int) -> int:
    match = _DATELINE.match(text, start, end)
    if match and match.end() < end and any(ch.isupper() for ch in match.group(0)[:4]):
        return match.end()
    return start


def _clean_chars(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS + ",;:-\u2013\u2014"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_MARKS + ",;:-\u2013\u2014"):
        end -= 1
    return start, end


def _sentence_bounds(doc: Doc, start_char: int, end_char: int, anchor: int) -> tuple[int, int]:
    first = doc.char_span(start_char, end_char, alignment_mode="expand")
    tokens = [doc[anchor]]
    if first is not None and len(first):
        tokens += [first[0], first[-1]]
    return min(t.sent.start_char for t in tokens), max(t.sent.end_char for t in tokens)


def _frame_candidates(
    doc: Doc, frames: list[Frame], speakers: Speakers, passages: list[Passage], used: set[int], body_start: int
) -> list[Candidate]:
    text = doc.text
    out = []
    for frame in frames:
        start, end = frame.start, frame.end
        # never swallow a later attribution ("Q1, as X warned that Q2")
        for other in frames:
            if other is not frame and frame.verb.i < other.verb.i and start < other.verb.i < end:
                cut = other.verb.i
                if other.kind != "according":
                    cut = min([cut] + [t.i for t in _attribution_tokens(other.verb, other.subject) if t.i > start])
                end = min(end, cut)
        start, end = _strip_edges(doc, start, end)
        if end <= start or _carries_attribution(frame, frames, start, end):
            continue
        before = _passage_before(doc, frame.verb, passages)
        if before is not None and frame.start > frame.verb.i:  # '"...," said the president, X,'
            quoted = doc.char_span(passages[before].start, passages[before].end, alignment_mode="expand")
            if quoted is not None:
                start, end = quoted.start, quoted.end
        span = _content_chars(doc, start, end, frame.verb.idx, body_start)
        if span is None:
            continue
        c_start, c_end = span
        best, overlap = None, 0
        for k, p in enumerate(passages):
            ov = min(c_end, p.end) - max(c_start, p.start)
            if ov > overlap:
                best, overlap = k, ov
        direct = False
        if best is not None:
            p = passages[best]
            starts_quoted = p.start <= c_start + 1 or overlap >= 0.8 * (c_end - c_start)
            if starts_quoted and not (p.start <= frame.verb.idx < p.end):
                c_start, c_end, direct = p.start, p.end, True
            used.add(best)
        if not direct:
            trimmed = _content_chars(doc, start, _trim_tail(doc, start, end), frame.verb.idx, body_start)
            if trimmed is None:
                continue
            c_start, c_end = trimmed
        co_speakers: tuple[str, ...] = ()
        if frame.subject is not None:
            speaker = speakers.resolve(frame.subject)
            co_speakers = speakers.conjuncts(frame.subject)
        else:
            speaker = speakers.after_verb(frame.verb)
        s_start, s_end = _sentence_bounds(doc, c_start, c_end, frame.verb.i)
        out.append(Candidate(c_start, c_end, speaker, frame.lemma, direct, frame.verb.i, s_start, s_end, co_speakers))
    return out


def _carries_attribution(frame: Frame, frames: list[Frame], start: int, end: int) -> bool:
    """"X said on Friday that Q, the agency said": the content holds a named speaker's own
    attribution, so the outer verb only carries it (the statement is X's)."""
    return any(
        other is not frame
        and other.kind != "according"
        and other.subject is not None
        and other.subject.pos_ != "PRON"
        and start <= other.subject.i < other.verb.i < min(end, frame.verb.i)
        for other in frames
    )


def _passage_before(doc: Doc, verb: Token, passages: list[Passage]) -> int | None:
    """The passage whose closing mark (and comma) comes right before the verb."""
    text = doc.text
    i = verb.idx - 1
    while i >= 0 and (text[i].isspace() or text[i] in ",;"):
        i -= 1
    if i > 0 and text[i] == "'" and text[i - 1] == "'":
        i -= 1  # two apostrophes for a double mark
    elif i < 0 or text[i] not in CLOSE_MARKS + BOTH_MARKS:
        return None
    for k, p in enumerate(passages):
        if p.closed and p.end <= i and not text[p.end : i].strip(" ,.!?;"):
            return k
    return None


def _content_chars(doc: Doc, start: int, end: int, anchor: int, body_start: int) -> tuple[int, int] | None:
    """Character span of content tokens: within the verb's paragraph and the body, no dateline."""
    if end <= start:
        return None
    text = doc.text
    c_start, c_end = _char_span(doc, start, end)
    c_start, c_end = _clip_to_paragraph(text, c_start, c_end, anchor)
    c_start = _strip_dateline(text, max(c_start, body_start), c_end)
    c_start, c_end = _clean_chars(text, c_start, c_end)
    return (c_start, c_end) if c_end > c_start else None


def _passage_opens_clause(doc: Doc, p: Passage) -> bool:
    """A passage that starts a sentence, a paragraph or follows "said:" / "said,"."""
    text = doc.text
    i = p.open_at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n.!?:" or text[i] in CLOSE_MARKS + BOTH_MARKS or text[i - 1 : i + 1] == "''":
        return True
    if text[i] == ",":
        before = doc.char_span(max(0, i - 40), i, alignment_mode="contract")
        verbs = reporting_verbs()
        return before is not None and any(t.lemma_.lower() in verbs for t in before[-4:])
    return False


def _passage_candidates(
    doc: Doc, passages: list[Passage], used: set[int], speakers: Speakers, frames_so_far: list[Candidate]
) -> list[Candidate]:
    """Quoted passages no frame reached: a nearby speech verb, or the statement before."""
    text = doc.text
    verbs = reporting_verbs()
    out: list[Candidate] = []
    for k, p in enumerate(passages):
        if k in used or not _passage_opens_clause(doc, p):
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        last_sent = span[-1].sent
        speaker: str | None = None
        verb: str | None = None
        anchor = span[0].i
        found = False
        # a speech verb right after the passage in its sentence, or before it ("X said: ...")
        after = [t for t in last_sent if t.idx >= p.end and t.i <= span[-1].i + 16]  # past an appositive
        if not after and last_sent.end < len(doc) and doc[last_sent.end].is_lower:
            after = list(doc[last_sent.end : last_sent.end + 3])  # '..."' / 'asked X, ...': a line break slipped in
        before = [t for t in span[0].sent if t.idx < p.open_at] or _colon_line_before(doc, p.open_at)
        for t in after + list(reversed(before)):
            if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX") and not _inside(t.idx, passages):
                subject = find_subject(t)
                if subject is not None:
                    speaker, verb, anchor, found = speakers.resolve(subject), t.lemma_.lower(), t.i, True
                    break
                if t.idx >= p.end:  # '"...?" asked X, ...' parsed with X as the object
                    speaker = speakers.after_verb(t)
                    if speaker is not None:
                        verb, anchor, found = t.lemma_.lower(), t.i, True
                        break
        if not found:
            prev = [c for c in frames_so_far + out if c.end <= p.open_at]
            if not prev:
                continue
            last = max(prev, key=lambda c: c.end)
            if not _continues(text, last.end, p.open_at) and not _after_attribution(text, last, p.open_at):
                continue
            speaker, verb = last.speaker, last.verb
        s_start, s_end = _sentence_bounds(doc, p.start, p.end, anchor)
        out.append(Candidate(p.start, p.end, speaker, verb, True, anchor, s_start, s_end))
    return out


def _colon_line_before(doc: Doc, open_at: int) -> list[Token]:
    """'He said:' alone on the line before a quote that opens its paragraph: that line's tokens."""
    text = doc.text
    line_start = text.rfind("\n", 0, open_at) + 1
    if text[line_start:open_at].strip():
        return []
    prev_end = len(text[:line_start].rstrip())
    if prev_end == 0 or text[prev_end - 1] != ":":
        return []
    span = doc.char_span(text.rfind("\n", 0, prev_end) + 1, prev_end, alignment_mode="expand")
    return list(span) if span is not None else []


def _inside(pos: int, passages: list[Passage]) -> bool:
    return any(p.start <= pos < p.end for p in passages)


def _after_attribution(text: str, last: Candidate, open_at: int) -> bool:
    """'"Q1," said X, a long description of X. "Q2."': the passage opens the sentence right
    after the attribution of the statement before, in the same paragraph."""
    gap = text[last.end : open_at]
    between = text[min(last.sent_end, open_at) : max(last.sent_end, open_at)]
    return "\n" not in gap and not between.strip(QUOTE_MARKS + " ")  # the mark may end the sentence before


def _continues(text: str, prev_end: int, open_at: int) -> bool:
    """The passage follows the previous statement closely: same paragraph, or the next one
    when the previous statement closed its paragraph."""
    gap = text[prev_end:open_at]
    if gap.count("\n") == 0:
        return len(_WORD.findall(gap)) <= 12
    if gap.strip("\n \t\"\u201c\u201d,.") and len(_WORD.findall(gap.split("\n")[0])) > 10:
        return False
    return gap.count("\n") <= 2 and len(_WORD.findall(gap)) <= 10


def _subject_events(doc: Doc, speakers: Speakers, passages: list[Passage], body_start: int) -> None:
    """Record named subjects of every clause in text order (pronoun referents)."""
    verbs = reporting_verbs()
    for token in doc:
        quoted = token.dep_ == "dobj" and token.head.lemma_ == "quote"  # "the agency quoted X as saying"
        if token.idx < body_start or (token.dep_ != "nsubj" and not quoted) or _inside(token.idx, passages):
            continue
        if token.pos_ == "PRON" and token.i not in speakers.mention_of:
            key = speakers.resolve(token)
            if key is not None:
                speakers.note(token, key)
            continue
        key = speakers.direct(token)
        speech = token.head.lemma_.lower() in verbs or token.head.lemma_ == "quote"
        if key is None and speech and token.pos_ == "PROPN":
            key = ANON  # a name the entity extractor missed: not an earlier speaker either
        if key == ANON and not speech:
            continue
        if key is not None:
            speakers.note(token, key)


def _countries(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    if MENTIONS not in doc.spans:
        return ()
    found: list[str] = []
    for span in doc.spans[MENTIONS]:
        if span.start_char < start or span.end_char > end:
            continue
        key = span.label_
        iso = None
        if key.startswith("country/"):
            iso = key.split("/", 1)[1]
        elif key.startswith("place/") and _metonym(span):
            iso = capital_iso(span.text)
        if iso and iso not in found:
            found.append(iso)
    return tuple(found)


def _statement_countries(doc: Doc, cand: Candidate, main: str | None) -> tuple[str, ...]:
    """Countries named in the quote (names, adjectives, capitals standing for governments),
    plus the country the article is about: a statement in a story about Sudan is about Sudan."""
    found = list(_countries(doc, cand.start, cand.end))
    if main and main not in found:
        found.append(main)
    return tuple(found)


def article_country(doc: Doc, *, body_start: int = 0) -> str | None:
    """The country the article is most about: the one the body names most often (the first
    named among equals)."""
    counts: dict[str, int] = {}
    for span in doc.spans[MENTIONS] if MENTIONS in doc.spans else ():
        if span.start_char >= body_start and span.label_.startswith("country/"):
            iso = span.label_.split("/", 1)[1]
            counts[iso] = counts.get(iso, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda iso: counts[iso])


def _metonym(span: Span) -> bool:
    """A place used for its government: "Moscow said", "Washington's offer", "pressure on Beijing"."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "agent"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("with", "against", "from", "for", "on", "by")


def article_prior(doc: Doc, *, body_start: int = 0) -> dict[str, float]:
    """The article's own topic weights (best = ``PRIOR_WEIGHT``), a tie-breaker for statements."""
    weights = text_topics(doc.text[body_start:], lexicon=load_lexicon())
    article = doc._.article if Doc.has_extension("article") else None
    title = article.meta.title if article is not None and article.meta is not None else None
    for slug, value in (text_topics(title) if title else {}).items():  # the headline names the story's subject
        weights[slug] = weights.get(slug, 0.0) + TITLE_WEIGHT * value
    if not weights:
        return {}
    best = max(weights.values())
    return {slug: PRIOR_WEIGHT * value / best for slug, value in weights.items() if value >= 0.3 * best}


def find_statements(
    doc: Doc, *, min_words: int = MIN_WORDS, max_topics: int = MAX_TOPICS
) -> Iterator[Statement]:
    """Statements of a parsed article with kg_mentions: named speaker, quote, topics, countries."""
    article = doc._.article if Doc.has_extension("article") else None
    article_id = article.id if article is not None else ""
    body_start = article.body_start if article is not None else 0
    text = doc.text
    passages = [p for p in quote_passages(text, start=body_start)]
    speakers = Speakers.of(doc)
    _subject_events(doc, speakers, passages, body_start)
    frames = [
        f
        for f in speech_frames(doc, body_start=body_start)
        if not _inside(f.verb.idx, passages) and f.verb.idx >= body_start
    ]
    frames = _drop_nested_according(frames)
    used: set[int] = set()
    candidates = _frame_candidates(doc, frames, speakers, passages, used, body_start)
    candidates += _passage_candidates(doc, passages, used, speakers, candidates)
    prior = article_prior(doc, body_start=body_start)
    main_country = article_country(doc, body_start=body_start)
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if cand.start < body_start or _word_count(text[cand.start : cand.end]) < min_words:
            continue
        if any(cand.start < k.end and k.start < cand.end for k in kept):
            continue
        kept.append(cand)
    for cand in kept:
        if cand.speaker is None or cand.speaker == ANON:
            continue
        yield from _statements_of(doc, cand, article_id, prior, main_country, max_topics)


def _statements_of(
    doc: Doc, cand: Candidate, article_id: str, prior: dict[str, float], main_country: str | None, max_topics: int
) -> Iterator[Statement]:
    """The statement of a kept candidate, one per speaker of a coordinated subject."""
    text = doc.text
    quote = text[cand.start : cand.end]
    sentence = text[cand.sent_start : cand.sent_end]
    topics = classify(quote, context=sentence, max_topics=max_topics, prior=prior)
    if not topics and prior:  # no cue of its own: the article's main topic
        best = max(prior, key=lambda slug: prior[slug])
        topics = [(best, prior[best], ["(article)"])]
    countries = _statement_countries(doc, cand, main_country)
    for speaker in dict.fromkeys((cand.speaker, *cand.co_speakers)):
        if speaker is None or speaker == ANON:
            continue
        yield Statement(
            speaker=speaker,
            quote=quote,
            evidence=Evidence(article_id, cand.start, cand.end, quote),
            direct=cand.direct,
            verb=cand.verb,
            topics=tuple(slug for slug, _, _ in topics),
            topic_evidence=tuple(f"{slug}: {', '.join(cues)}" for slug, _, cues in topics),
            countries=countries,
            sentence=Evidence(article_id, cand.sent_start, cand.sent_end, sentence),
        )


def _drop_nested_according(frames: list[Frame]) -> list[Frame]:
    """"X said Q, according to a statement released by his office": the verb frame is enough."""
    verb_sents = {f.verb.sent.start for f in frames if f.kind != "according" and f.subject is not None}
    return [f for f in frames if f.kind != "according" or f.verb.sent.start not in verb_sents]


# ------------------------------------------------------------------ the component


class StatementExtractor:
    """The kgraph_statements component: sets ``doc._.statements``."""

    def __init__(self, nlp: Language, name: str, *, min_words: int = MIN_WORDS, max_topics: int = MAX_TOPICS) -> None:
        self.name = name
        self.min_words = min_words
        self.max_topics = max_topics
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        self.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc) -> list[Statement]:
        return list(find_statements(doc, min_words=self.min_words, max_topics=self.max_topics))

    def set_annotations(self, doc: Doc, statements: Iterable[Statement]) -> None:
        doc._.statements = list(statements)


@Language.factory(
    "kgraph_statements",
    assigns=["doc._.statements"],
    default_config={"min_words": MIN_WORDS, "max_topics": MAX_TOPICS},
)
def make_statement_extractor(nlp: Language, name: str, min_words: int, max_topics: int) -> StatementExtractor:
    return StatementExtractor(nlp, name, min_words=min_words, max_topics=max_topics)
