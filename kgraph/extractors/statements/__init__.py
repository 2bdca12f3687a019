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

The package holds one construction per module: ``lexicon`` (word lists and settings),
``passages`` (quote marks), ``frames`` (speech verbs in the parse), ``speakers`` (who
speaks); this module assembles candidates into statements and is the spaCy component.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...nlp import MENTIONS, doc_text, register_extensions
from ..transcripts import transcript_lines
from ...records import Evidence, Statement
from .lexicon import (
    ANON,
    BELIEF_VERBS,
    BOTH_MARKS,
    CITING_LEMMAS,
    CLOSE_MARKS,
    INVERTED_OPENERS,
    MAX_TOPICS,
    MIN_WORDS,
    QUOTE_MARKS,
    _DATELINE,
    _NARRATOR_GERUNDS,
    _TRAIL_MARKS,
    _WH,
    _WORD,
    _word_count,
    anonymous_nouns,
    anonymous_sources,
    government_nouns,
    person_nouns,
    reporting_verbs,
    speech_nouns,
)
from .passages import Passage, quote_passages
from .frames import (
    Frame,
    _attribution_tokens,
    embedded_in_report,
    find_subject,
    reattach_misparsed,
    speech_frames,
    verb_read_as_noun,
)
from .speakers import Speakers, capital_iso
from .subjects import article_countries, article_prior, statement_countries, statement_topics

log = logging.getLogger(__name__)

__all__ = [
    "Frame",
    "Passage",
    "StatementExtractor",
    "Speakers",
    "anonymous_nouns",
    "anonymous_sources",
    "article_countries",
    "article_prior",
    "capital_iso",
    "embedded_in_report",
    "find_statements",
    "find_subject",
    "government_nouns",
    "make_statement_extractor",
    "person_nouns",
    "quote_passages",
    "reporting_verbs",
    "speech_frames",
    "speech_nouns",
]


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
    ", according to ...". A trailing relative or "-ing" clause is the speaker's own words when it
    hangs on the content ("the plan would fail, which would leave ...", "..., allowing ..."), the
    narrator's when it hangs on the speech verb or is itself one ("..., citing a study")."""
    verbs = reporting_verbs()
    for i in range(start + 2, end):
        if doc[i - 1].text != ",":
            continue
        tok = doc[i]
        if tok.lower_ == "according" and i + 1 < end and doc[i + 1].lower_ == "to":
            return i - 1
        if _trailing_attribution(doc, i, end):
            return i - 1  # "..., the agency reported (on Friday)": who carried it, not its words
        head = tok.head
        outside = not start <= head.head.i < end  # the clause hangs on the speech verb, not on the content
        if tok.lower_ in _WH and head.dep_ == "relcl" and head.right_edge.i >= end - 1 and outside:
            return i - 1
        if tok.lower_ in _TRAIL_MARKS and tok.dep_ in ("mark", "prep") and head.right_edge.i >= end - 1:
            return i - 1
        if (
            tok.tag_ == "VBG"
            and tok.dep_ in ("advcl", "acl", "xcomp")
            and tok.right_edge.i >= end - 1
            and (not start <= head.i < end or tok.lemma_.lower() in _NARRATOR_GERUNDS or tok.lemma_.lower() in verbs)
        ):
            return i - 1
    return end


def _trailing_attribution(doc: Doc, i: int, end: int) -> bool:
    """Tokens i..end are a subject and a speech verb with no clause of their own: ", the
    agency reported", ", Orbe said on Friday"."""
    verbs = reporting_verbs()
    verb = next((t for t in doc[i:end] if t.lemma_.lower() in verbs and t.pos_ == "VERB"), None)
    if verb is None or verb.i - i > 6:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i != i or subject.right_edge.i != verb.i - 1:
        return False
    return all(c.dep_ not in ("ccomp", "xcomp", "dobj") for c in verb.children if c.i > verb.i) and verb.right_edge.i >= end - 1


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


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
    doc: Doc, text: str, frames: list[Frame], speakers: Speakers, passages: list[Passage], used: set[int], body_start: int
) -> list[Candidate]:
    out = []
    for frame in frames:
        start, end = frame.start, frame.end
        # never swallow a later attribution ("Q1, as X warned that Q2")
        for other in frames:
            if other.verb.dep_ == "ccomp" and other.verb.head.i == frame.verb.i and frame.subject is not None:
                continue  # "X said that Y had called for ...": Y's words are the clause X reports
            if other.verb.tag_ == "VBG" and other.verb.dep_ == "pcomp" and start < other.verb.head.i:
                continue  # "urged Y to withdraw her remarks for suggesting that ...": a gerund inside the content
            if other is not frame and frame.verb.i < other.verb.i and start < other.verb.i < end:
                cut = other.verb.i
                if other.kind != "according":
                    cut = min([cut] + [t.i for t in _attribution_tokens(other.verb, other.subject) if t.i > start])
                end = min(end, cut)
        start, end = _strip_edges(doc, start, end)
        if end <= start or _carries_attribution(frame, frames, start, end):
            continue
        if doc[start].tag_ == "VBG" and doc[start].lemma_.lower() in CITING_LEMMAS:
            continue  # "according to X, quoting Y, ...": X only relays Y's words
        before = _passage_before(text, frame.verb, passages)
        if before is not None and frame.start > frame.verb.i:  # '"...," said the president, X,'
            quoted = doc.char_span(passages[before].start, passages[before].end, alignment_mode="expand")
            if quoted is not None:
                start, end = quoted.start, quoted.end
        span = _content_chars(doc, text, start, end, frame.verb.idx, body_start)
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
            # the quote opens the content and runs to its end (or most of it); a scare quote
            # at the start ('that "a bomb" had gone off') leaves the clause whole
            starts_quoted = (
                p.start <= c_start + 1 and (p.end >= c_end - 2 or overlap >= 0.5 * (c_end - c_start))
            ) or overlap >= 0.8 * (c_end - c_start) or (
                # 'X scolded him: "Q," she said': the sentence holds its own colon attribution
                c_start < p.open_at and p.end >= c_end - 2 and text[c_start : p.open_at].rstrip().endswith(":")
            )
            if starts_quoted and not (p.start <= frame.verb.idx < p.end):
                c_start, c_end, direct = p.start, p.end, True
            used.add(best)
        if not direct:
            trimmed = _content_chars(doc, text, start, _trim_tail(doc, start, end), frame.verb.idx, body_start)
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


def _passage_before(text: str, verb: Token, passages: list[Passage]) -> int | None:
    """The passage whose closing mark (and comma) comes right before the verb."""
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


def _content_chars(doc: Doc, text: str, start: int, end: int, anchor: int, body_start: int) -> tuple[int, int] | None:
    """Character span of content tokens: within the verb's paragraph and the body, no dateline."""
    if end <= start:
        return None
    c_start, c_end = _char_span(doc, start, end)
    c_start, c_end = _clip_to_paragraph(text, c_start, c_end, anchor)
    c_start = _strip_dateline(text, max(c_start, body_start), c_end)
    c_start, c_end = _clean_chars(text, c_start, c_end)
    return (c_start, c_end) if c_end > c_start else None


def _passage_opens_clause(doc: Doc, text: str, p: Passage) -> bool:
    """A passage that starts a sentence, a paragraph or follows "said:" / "said,"."""
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
    doc: Doc, text: str, passages: list[Passage], used: set[int], speakers: Speakers, frames_so_far: list[Candidate]
) -> list[Candidate]:
    """Quoted passages no frame reached: a nearby speech verb, or the statement before."""
    verbs = reporting_verbs()
    out: list[Candidate] = []
    for k, p in enumerate(passages):
        if k in used or not _passage_opens_clause(doc, text, p):
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
        elif (
            all(t.is_punct for t in after) and last_sent.end < len(doc) and text[p.end - 1 : p.end] in ("?", "!")
            and "\n" not in text[p.end : doc[last_sent.end].idx]
        ):  # '"Why now?" Brandt said.': the parser ends the sentence at the question mark
            after = list(doc[last_sent.end : last_sent.end + 4])
        before = [t for t in span[0].sent if t.idx < p.open_at] or _colon_line_before(doc, text, p.open_at)
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
            elif verb_read_as_noun(t) and t.i + 1 < len(doc) and doc[t.i + 1].text in (",", ":") and t.idx < p.open_at:
                # 'The Ministry of Transport notes, "..."': the verb read as a noun before the quote
                speaker = speakers.direct(doc[t.i - 1])
                if speaker is not None and speaker != ANON:
                    verb, anchor, found = t.lemma_.lower(), t.i, True
                    break
                speaker = None
        if not found and before and before[0].lower_ in INVERTED_OPENERS and before[-1].text in (":", ","):
            speaker = speakers.after_verb(before[0])  # 'Said Ellis: "..."': the verb opens the sentence
            if speaker is not None:
                verb, anchor, found = "say" if before[0].lower_ in ("said", "says") else before[0].lower_, before[0].i, True
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


def _colon_line_before(doc: Doc, text: str, open_at: int) -> list[Token]:
    """'He said:' alone on the line before a quote that opens its paragraph: that line's tokens."""
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


def _transcript_candidates(doc: Doc, text: str, speakers: Speakers, body_start: int) -> list[Candidate]:
    """"PENCE: Gennifer Flowers will not be attending ...": each transcript turn is a direct
    statement of the person its label names."""
    out = []
    for line in transcript_lines(text, start=body_start):
        label = doc.char_span(line.label_start, line.label_end, alignment_mode="expand")
        if label is None:
            continue
        key = next((k for k in (speakers.direct(t) for t in reversed(label)) if k and k != ANON), None)
        words = doc.char_span(line.said_start, line.said_end, alignment_mode="expand")
        if key is None or words is None or not len(words):
            continue
        out.append(Candidate(line.said_start, line.said_end, key, "say", True, words[0].i, line.said_start, line.said_end))
    return out


def _believer_speaks(doc: Doc, cand: Candidate, speakers: Speakers) -> Candidate:
    """"ABC News reported that X also believes the migrants left on purpose": what an
    organisation reported opens with a named person's belief; the belief is the person's
    statement, the organisation only carried it."""
    if cand.direct or cand.speaker is None or speakers.types.get(cand.speaker) != "Organization":
        return cand
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return cand
    for verb in span[:8]:
        if verb.lemma_.lower() not in BELIEF_VERBS or verb.pos_ != "VERB":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        person = speakers.direct(subject) if subject is not None else None
        if clause is None or person is None or subject is None or subject.left_edge.i != span.start:
            return cand
        if speakers.types.get(person) != "Person":
            return cand
        first = clause.left_edge
        if first.lower_ == "that":
            first = doc[first.i + 1]
        if first.idx >= cand.end:
            return cand
        return Candidate(first.idx, cand.end, person, verb.lemma_.lower(), False, verb.i, cand.sent_start, cand.sent_end)
    return cand


def _messengers_give_way(candidates: list[Candidate], speakers: Speakers) -> list[Candidate]:
    """"The Daily Post reported that Minister X said ...": where what an organisation reported
    holds a person's own statement (its speech verb inside the reported words), the person is
    the source; the organisation only carried it."""
    def person(c: Candidate) -> bool:
        return c.speaker is not None and c.speaker != ANON and speakers.types.get(c.speaker) == "Person"

    def organisation(c: Candidate) -> bool:
        return c.speaker is not None and c.speaker != ANON and speakers.types.get(c.speaker) == "Organization"

    inner = [c for c in candidates if person(c) and not c.direct]
    return [
        c for c in candidates
        if not (organisation(c) and any(c.start <= i.start and i.end <= c.end and i is not c for i in inner))
    ]


def _subject_events(doc: Doc, speakers: Speakers, passages: list[Passage], body_start: int) -> None:
    """Record named subjects of every clause in text order (pronoun referents)."""
    verbs = reporting_verbs()
    for token in doc:
        quoted = token.dep_ == "dobj" and token.head.lemma_ in CITING_LEMMAS  # "the agency quoted X as saying"
        # "Scott bristles at ...": a name the parser hung on its verb as a compound is its subject
        misparsed = token.dep_ == "compound" and token.head.pos_ == "VERB" and token.i in speakers.mention_of
        if token.idx < body_start or (token.dep_ != "nsubj" and not quoted and not misparsed) or _inside(token.idx, passages):
            continue
        if token.lower_ == "who" and token.head.dep_ == "relcl" and token.head.head.i in speakers.mention_of:
            key = speakers.direct(token.head.head)  # "with Ana Ruiz - who has called for ... -": she acts here
            if key is not None and key != ANON:
                speakers.note(token, key)
            continue
        if token.pos_ == "PRON" and token.i not in speakers.mention_of:
            key = speakers.resolve(token)
            if key is not None:
                speakers.note(token, key)
            continue
        key = speakers.direct(token)
        speech = token.head.lemma_.lower() in verbs or token.head.lemma_ in CITING_LEMMAS
        if key is not None and key != ANON and not speech and _embedded_under_person(token):
            continue  # "he believes McConnell is correct": McConnell is talked about, not talking
        if key is None and speech and token.pos_ == "PROPN":
            key = ANON  # a name the entity extractor missed: not an earlier speaker either
        if key == ANON and not speech:
            continue
        if key is not None:
            speakers.note(token, key, reported=_inside_report(token, verbs))


def _inside_report(subject: Token, verbs: dict[str, str]) -> bool:
    """The subject of a clause someone reports ("X said that Y had called for ...")."""
    clause = subject.head
    return clause.dep_ == "ccomp" and clause.head.i != clause.i and clause.head.lemma_.lower() in verbs


def _embedded_under_person(subject: Token) -> bool:
    """The subject of a clause someone else believes ("he believes McConnell is correct"): the
    believer stays the one a later "he said" means. Not under a speech verb: in "He said Barzani
    sent a message in which he said ..." Barzani acts in the story."""
    clause = subject.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return False
    outer = clause.head
    return outer.lemma_.lower() in BELIEF_VERBS and any(c.dep_ == "nsubj" and c.i != subject.i for c in outer.children)


def find_statements(
    doc: Doc, *, min_words: int = MIN_WORDS, max_topics: int = MAX_TOPICS
) -> Iterator[Statement]:
    """Statements of a parsed article with kg_mentions: named speaker, quote, topics, countries."""
    article = doc._.article if Doc.has_extension("article") else None
    article_id = article.id if article is not None else ""
    body_start = article.body_start if article is not None else 0
    text = doc_text(doc)
    passages = [p for p in quote_passages(text, start=body_start)]
    speakers = Speakers.of(doc, quoted=lambda pos: _inside(pos, passages))
    _subject_events(doc, speakers, passages, body_start)
    frames = [
        f
        for f in speech_frames(doc, body_start=body_start)
        if not _inside(f.verb.idx, passages) and f.verb.idx >= body_start
    ]
    frames = reattach_misparsed(_drop_nested_according(frames), lambda pos: _inside(pos, passages))
    used: set[int] = set()
    candidates = _frame_candidates(doc, text, frames, speakers, passages, used, body_start)
    candidates += _passage_candidates(doc, text, passages, used, speakers, candidates)
    turns = _transcript_candidates(doc, text, speakers, body_start)
    if turns:  # a turn's words are its speaker's, whatever quote marks run across the turns
        candidates = [c for c in candidates if not any(c.start < t.end and t.start < c.end for t in turns)] + turns
    prior = article_prior(doc, body_start=body_start)
    story_countries = article_countries(doc, body_start=body_start)
    candidates = _messengers_give_way([_believer_speaks(doc, c, speakers) for c in candidates], speakers)
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
        yield from _statements_of(doc, text, cand, article_id, prior, story_countries, max_topics)


def _statements_of(
    doc: Doc,
    text: str,
    cand: Candidate,
    article_id: str,
    prior: dict[str, float],
    story_countries: tuple[str, ...],
    max_topics: int,
) -> Iterator[Statement]:
    """The statement of a kept candidate, one per speaker of a coordinated subject."""
    quote = text[cand.start : cand.end]
    sentence = text[cand.sent_start : cand.sent_end]
    topics = statement_topics(quote, sentence, prior, max_topics)
    countries = statement_countries(doc, cand.start, cand.end, story_countries)
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
    """"X said Q, according to a statement released by his office": the verb frame is enough.
    An "according to" frame whose content no verb frame of its sentence shares stays (the parser
    may join two sentences: "... to fact check him. According to X, the move reeks of fear")."""
    verbs = [f for f in frames if f.kind != "according" and f.subject is not None]

    def nested(f: Frame) -> bool:
        return any(
            (g.verb.sent.start == f.verb.sent.start and g.start < f.end and f.start < g.end)  # shared content
            or g.start <= f.verb.i < g.end  # "according to" inside a verb frame's content
            or f.start <= g.verb.i < f.end  # a verb frame inside the "according to" content
            for g in verbs
        )

    return [f for f in frames if f.kind != "according" or not nested(f)]


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
