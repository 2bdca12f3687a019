"""Speech frames from the parse: a speech verb (or "according to"), who speaks and what was said."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import (
    CITING_LEMMAS,
    CLOSING_TOKENS,
    DISCOURSE_PARTICIPLES,
    GERUND_PROPOSALS,
    MIN_WORDS,
    NAME_SUFFIXES,
    OPENING_TOKENS,
    _word_count,
    reporting_verbs,
    speech_lemma,
    speech_nouns,
)


_CITED_REACH = 10  # tokens from "quoted" to "as": a title and a name, maybe an adjective or two


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
    doc = verb.doc
    subjects = [
        c for c in verb.children
        if c.dep_ == "nsubj" and not (c.i > verb.i and _quoted_title(c))
    ]  # not a quoted title after the verb ('said on Channel One's "Dawn and Friends."')
    after = [c for c in subjects if c.i > verb.i and c.pos_ == "PROPN"]
    if after and any(c.i < verb.i and any(t.is_quote for t in doc[c.i : verb.i]) for c in subjects):
        subjects = after  # '"..., it will at some point," said X': the parser took a word of the quote
    if subjects:  # the nearest one (a headline "Y says ..." glued to "X said")
        child = min(subjects, key=lambda c: (c.i > verb.i, abs(verb.i - c.i)))
        if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return verb.head
        return child
    misread = _name_under_misread_place(verb)
    if misread is not None:
        return misread
    if verb.dep_ == "pcomp" and verb.head.head.lemma_ in CITING_LEMMAS:
        # "X was quoted as saying"; "the agency quoted X as saying": X speaks, not the agency
        quote = verb.head.head
        return next((c for c in quote.children if c.dep_ == "dobj"), None) or next(
            (c for c in quote.children if c.dep_ in ("nsubjpass", "nsubj")), None
        )
    cited = _cited_as_saying(verb)
    if cited is not None:
        return cited
    if verb.dep_ == "conj":
        speech = _governing_speech_verb(verb)
        return find_subject(speech if speech is not None else verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and speech_lemma(verb) in DISCOURSE_PARTICIPLES:
        report = verb.head  # "X reported the talks had begun, adding that ...": X adds it, not "the talks"
        if report.dep_ == "ccomp" and report.head.i < report.i and speech_lemma(report.head) in reporting_verbs():
            return find_subject(report.head)
    if (
        verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ") and verb.head.i < verb.i
        and not any(c.dep_ == "mark" for c in verb.children)
        and any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children)
    ):
        return find_subject(verb.head)  # "X laughed and, when questioned, asserted, ...": a conjunct misparsed
    if verb.dep_ == "xcomp" and verb.tag_ == "VB":
        # "forced the chief executive to admit that ...": the object of the governing verb does
        # what the infinitive says (object control), not its subject
        objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if objects:
            return objects[-1]
    if verb.dep_ in ("advcl", "xcomp", "pcomp") and verb.tag_ in ("VBG", "VB", "VBN"):
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in ("by", "after", "before", "while", "from", "in"):
            node = verb.head.head  # "X responded by saying ...", "X refused ..., aside from saying ...": X says it
            while node.pos_ not in ("VERB", "AUX") and node.dep_ in ("advmod", "prep") and node.head.i != node.i:
                node = node.head
            return find_subject(node)
        if verb.head.i != verb.i:
            return find_subject(verb.head)
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBD", "VBZ"):
        return verb.head  # "with X saying ..."; a finite verb misparsed as a modifier of its subject
    for child in reversed(list(verb.lefts)):  # "Lind, the U.N. aid chief, said" misparsed
        if child.pos_ == "PROPN" and child.dep_ in ("advmod", "npadvmod", "dep", "nmod", "intj"):
            return child
    if verb.i >= 2 and doc[verb.i - 1].text == ",":  # '"Q," Flint, a top aide, said' with Flint
        token = doc[verb.i - 2]                     # hung on a word of the quote
        while token.dep_ == "appos" and token.pos_ != "PROPN" and token.head.i < token.i:
            token = token.head
        before = doc[token.left_edge.i - 1].text if token.left_edge.i > 0 else ""
        if token.pos_ == "PROPN" and token.dep_ == "appos" and before in (*CLOSING_TOKENS, ","):
            return token
    # "During an interview with the business desk of the Daily Courier Walter Brandt said that ...":
    # no comma after the opening phrase, and the parser runs the name into its last noun
    if verb.i >= 2 and verb.dep_ == "ROOT" and doc[verb.i - 1].pos_ == "PROPN" and doc[verb.i - 1].dep_ == "pobj":
        name = doc[verb.i - 1]
        phrase = name.head
        while phrase.head.i != phrase.i and phrase.head.i != verb.i:
            phrase = phrase.head
        if phrase.dep_ == "prep" and phrase.head.i == verb.i and phrase.i < name.i and doc[name.i - 1].pos_ == "PROPN":
            return name
    return None


def _cited_as_saying(verb: Token) -> Token | None:
    """The person in "the agency quoted <person> as saying ..." when the parser hung "as" on the
    agency and read "quoted" as a modifier of the person's title: the word right before "as",
    if a verb of quoting stands before it in the sentence."""
    marker = verb.head
    if verb.dep_ != "pcomp" or marker.lower_ != "as" or marker.i < 2:
        return None
    cited = verb.doc[marker.i - 1]
    if cited.pos_ not in ("PROPN", "NOUN"):
        return None
    sent = verb.sent
    for token in verb.doc[max(sent.start, marker.i - _CITED_REACH) : cited.i]:
        if token.lemma_ in CITING_LEMMAS and token.tag_ in ("VBD", "VBN"):
            return cited
    return None


def _quoted_title(token: Token) -> bool:
    """A phrase that opens with a quotation mark: a title ("Dawn and Friends"), not a subject."""
    first = token.left_edge
    return first.text in OPENING_TOKENS or (first.i > 0 and first.nbor(-1).text in OPENING_TOKENS)




def _governing_speech_verb(verb: Token) -> Token | None:
    """For a speech verb conjoined inside a reported clause ("said A would X and urged B"),
    the speech verb whose clause it sits in: the parser's attachment, not the meaning."""
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.lemma_.lower() in reporting_verbs() and head.dep_ not in ("ccomp", "xcomp"):
        return None  # a plain "said A and added B" (not "said Russia would respond ... and urged B")
    node = head
    while node.head.i != node.i:
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
    if subject is not None and subject.head.i == verb.i and subject.i < verb.i:
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
        end = last.right_edge.i + 1
        # "said the claim smacked of hypocrisy, because ...": the reason the parser hangs on the
        # speech verb is the speaker's own
        for reason in verb.rights:
            if (
                reason.dep_ == "advcl" and reason.left_edge.i in (end, end + 1)
                and any(m.dep_ == "mark" and m.lower_ == "because" for m in reason.children)
            ):
                end = reason.right_edge.i + 1
        end = _backshifted_conjunct_end(verb, end)
        return first.left_edge.i, end
    if before:
        return before[0].left_edge.i, _attribution_start(verb, subject)
    # "said in a statement that ...", "told a news conference that ...": the clause hangs on a noun
    clause = _that_clause_below(verb)
    if clause is not None:
        return clause.left_edge.i, clause.right_edge.i + 1
    # "said in a statement it would appeal": the reported clause parsed as a relative clause of the noun
    clause = _clause_on_speech_noun(verb)
    if clause is not None:
        return clause.left_edge.i, clause.right_edge.i + 1
    # "said after the talks he would not sign": the reported clause parsed as an adverbial one
    for clause in verb.rights:
        if (
            clause.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ != "that" for c in clause.children)
            and any(c.dep_ == "nsubj" for c in clause.children)
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
        ):
            opening = min(c.left_edge.i for c in clause.children if c.dep_ in ("nsubj", "aux", "mark"))
            return opening, clause.right_edge.i + 1
    # "suggested looking at ...", "proposed raising taxes": a gerund as what was proposed
    if verb.lemma_.lower() in GERUND_PROPOSALS:
        gerunds = [c for c in verb.rights if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1]
        if gerunds:
            return gerunds[0].i, gerunds[0].right_edge.i + 1
    # "Kenya says the militants cross the border" parsed with two subjects
    late = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    if late and subject is not None and subject.i < verb.i:
        return late[0].left_edge.i, verb.sent.end
    # "These workers, X explained, were well paid": the parser hangs the reported clause's
    # subject and its verb on the speech verb; what follows the attribution is the content
    doc = verb.doc
    if subject is not None and subject.i < verb.i and verb.dep_ == "ROOT":
        fronted = [
            c for c in verb.lefts
            if c.dep_ in ("npadvmod", "dep", "nsubj") and c is not subject and c.right_edge.i < subject.left_edge.i
            and doc[c.right_edge.i + 1].text == ","
        ]
        clauses = [
            c for c in verb.rights
            if c.dep_ in ("conj", "parataxis") and c.pos_ in ("VERB", "AUX") and c.left_edge.i > verb.i
            and doc[c.left_edge.i - 1].text == ","
        ]
        if fronted and clauses and _word_count(doc[clauses[0].left_edge.i : verb.sent.end].text) >= MIN_WORDS:
            return clauses[0].left_edge.i, verb.sent.end
    # "The museum, X said, celebrated ...": the attribution set inside the reported clause
    head = verb.head
    if verb.dep_ == "parataxis" and head.i > verb.right_edge.i and subject is not None and subject.i < verb.i:
        begin = _attribution_start(verb, subject)
        if begin > verb.sent.start and verb.doc[begin - 1].text == ",":
            rest = verb.right_edge.i + 1
            if _word_count(verb.doc[rest : verb.sent.end].text) >= MIN_WORDS:
                return rest, verb.sent.end
            return verb.sent.start, verb.sent.end
    # "As X told reporters, Q" / "Q, as X said": the clause the attribution hangs on is what it reports
    mark = verb.left_edge
    if verb.dep_ == "advcl" and mark.dep_ == "mark" and mark.lower_ == "as" and mark.head.i == verb.i and subject is not None:
        if head.i > verb.i:
            # after the first comma: the parser may hang the clause's subject on the attribution
            # ("As X told the Daily Post, river pollution has dropped")
            start = next((k + 1 for k in range(verb.i + 1, head.i) if doc[k].text == ","), verb.right_edge.i + 1)
            while start < head.i and doc[start].is_punct:
                start += 1
            return start, head.right_edge.i + 1
        if head.i < mark.i and mark.i > 0 and doc[mark.i - 1].text == ",":
            return head.left_edge.i, mark.i - 1
    # "Q, X said" parsed with the verb hanging on the quoted clause
    if verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and head.i < verb.i and subject is not None and subject.head.i == verb.i:
        # (the verb's own subject: not "In her remarks, Holt pointed out the rooms, noting ...",
        # where "noting" borrows Holt and what comes before is no quote)
        if verb.nbor(-1).is_punct or (subject.left_edge.i > 0 and subject.left_edge.nbor(-1).is_punct):
            return verb.sent.start, _attribution_start(verb, subject)
    # "X observed that the first week of the festival, which ..., overlapped the harvest": the parser
    # lost the clause (its subject taken for the verb's object), but "that" right after the verb
    # still opens what was said, to the end of the sentence
    opening = verb.i + 1
    if (
        subject is not None and opening < verb.sent.end - 1 and doc[opening].lower_ == "that" and doc[opening].dep_ == "mark"
        and doc[opening].head.i in {t.i for t in verb.subtree} and not any(c.dep_ == "ccomp" for c in verb.children)
    ):
        return opening, _sentence_end(verb, opening)
    return None


_BACKSHIFT_MODALS = frozenset({"would", "could", "might"})


def _backshifted_conjunct_end(verb: Token, end: int) -> int:
    """"said X must stay, but the answer would be to ...", "claims that her letters were opened and
    she was kept from ...": a clause the parser joins to the speech verb with "but" / "and", with
    a subject of its own and the tense of reported speech, goes on with what was said. That tense
    is a backshifted modal (the narrator does not speak in "would"), a past perfect after a past
    speech verb, or a past tense after a present one ("claims ... and she was"). Not one with a
    speech verb of its own ("..., but the talks would resume, officials said")."""
    doc = verb.doc
    verbs = reporting_verbs()
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.left_edge.i > end + 2:
            continue
        kids = list(conj.children)
        ccs = [c for c in verb.children if c.dep_ == "cc" and end <= c.i < conj.i and c.lower_ in ("but", "and")]
        if (
            ccs
            and any(c.dep_ in ("nsubj", "nsubjpass") and ccs[0].i < c.i < conj.i for c in kids)
            and _reported_tense(verb, conj, kids)
            and not any(
                t.pos_ == "VERB" and speech_lemma(t) in verbs and (t is conj or any(c.dep_ == "nsubj" for c in t.children))
                for t in conj.subtree
            )  # "..., officials said"; not "she was kept from calling her family"
        ):
            return conj.right_edge.i + 1
    return end


def _reported_tense(verb: Token, conj: Token, kids: list[Token]) -> bool:
    """The conjunct's tense is that of what was said, not the narrator's (``_backshifted_conjunct_end``)."""
    auxes = [c for c in kids if c.dep_ in ("aux", "auxpass") and c.i < conj.i]
    if any(c.lower_ in _BACKSHIFT_MODALS for c in auxes):
        return True
    finite = auxes[0] if auxes else conj
    if verb.tag_ == "VBD":
        return finite.lower_ == "had" and conj.tag_ == "VBN"  # "said A and B had gone"
    return verb.tag_ in ("VBZ", "VBP") and finite.tag_ == "VBD"  # "claims A and she was kept"


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


def _clause_on_speech_noun(verb: Token) -> Token | None:
    """"said in a statement it would appeal the ruling": a clause with its own subject and no
    relative word, hung on a speech noun after "in". A true relative clause without a relative
    word leaves its object out ("in a statement it issued on Monday"), so the clause must hold
    one, or be passive, a copula, or carry a modal."""
    for prep in verb.rights:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in speech_nouns():
                continue
            for clause in noun.rights:
                kids = list(clause.children)
                if (
                    clause.dep_ == "relcl"
                    and any(c.dep_ == "nsubj" and c.i < clause.i and c.lower_ not in ("that", "which", "who") for c in kids)
                    and not any(c.dep_ == "mark" for c in kids)
                    and (
                        any(t.dep_ in ("dobj", "attr", "acomp") for t in clause.subtree if t.i > clause.i)
                        or any(c.dep_ in ("nsubjpass", "auxpass") or (c.dep_ == "aux" and c.tag_ == "MD") for c in kids)
                    )
                ):
                    return clause
    return None


def _directive_content(verb: Token) -> tuple[int, int] | None:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    comps = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    if objects and not comps:  # "told his supporters at a rally to go ...": the infinitive parsed as adverbial
        comps = [
            c for c in verb.children
            if c.dep_ == "advcl" and c.i > objects[0].i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]
        if comps:  # only with quoted words in it: an adverbial "to ..." is more often a purpose
            first = min(a.i for a in comps[0].children if a.dep_ == "aux" and a.lower_ == "to")
            end = comps[-1].right_edge.i + 1
            if any(t.text in OPENING_TOKENS for t in verb.doc[first:end]):
                return first, end
            return None
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
            objs = [c for c in prep.children if c.dep_ == "pobj" or (c.dep_ == "pcomp" and c.tag_ == "VBG")]
            if objs:
                end = prep.right_edge.i + 1
                # "called for contestants to wear ...": the infinitive hangs on the verb
                comps = [c for c in verb.children if c.dep_ == "xcomp" and c.i == end and c.left_edge.i == end]
                comps += [c for c in verb.children if c.dep_ == "xcomp" and c.left_edge.i == end and c.i > end]
                if comps:
                    end = comps[0].right_edge.i + 1
                return objs[0].left_edge.i, end
    for clause in verb.children:  # the same parsed as "for" marking a clause with its own subject
        if clause.dep_ == "advcl" and clause.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children):
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if subjects:
                return subjects[0].left_edge.i, clause.right_edge.i + 1
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
    if pobj is None:  # "According to Rathbun the property was ..." (no comma) parsed as pcomp
        pobj = next((c for c in to.children if c.dep_ == "pcomp" and c.text[:1].isupper()), None)
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
    if token.dep_ == "ROOT":  # 'According to X, the move reeks of ...' parsed with the rest as X's appositive
        last = max((t.i for t in sent if not (t.is_punct or t.is_space)), default=sent.end - 1)
        rest = [c for c in pobj.rights if c.dep_ == "appos" and c.right_edge.i >= last]
        if rest:
            phrase_end = rest[0].left_edge.i
    before = [t for t in sent[: phrase_start - sent.start] if not t.is_punct]
    after = [t for t in sent[phrase_end - sent.start :] if not t.is_punct]
    if len(after) >= len(before):
        start, end = phrase_end, sent.end
    else:
        start, end = sent.start, phrase_start
    return Frame(token, "according to", source, start, end, "according")


def _words_of_frame(words: Token) -> Frame | None:
    """"in the words of X, Q": X is the source and the rest of the sentence what was said."""
    of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None:
        return None
    source = next((c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), pobj)
    sent = words.sent
    start = max(pobj.right_edge.i, source.right_edge.i) + 1
    while start < sent.end and (sent.doc[start].is_punct or sent.doc[start].lower_ in NAME_SUFFIXES):
        start += 1  # ", QC," after the name
    if sent.end - start < 3:
        return None
    return Frame(words, "in the words of", source, start, sent.end, "according")



def _prep_relative(verb: Token) -> bool:
    """"a message in which he said: ...": the relative word sits in a preposition, so the
    verb keeps its own reported clause."""
    return any(
        c.dep_ == "prep" and c.i < verb.i and any(g.lower_ in ("which", "whom") for g in c.children)
        for c in verb.children
    )


def _name_under_misread_place(verb: Token) -> Token | None:
    """'"...," Fresno police Chief Ray Mills said': the tagger read the place opening the
    attribution as a verb and hung the name on it; the name right before the speech verb,
    under a capitalised "verb" that follows the quotation's comma or mark, is the subject."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].pos_ != "PROPN":
        return None
    name, node = doc[verb.i - 1], doc[verb.i - 1]
    for _ in range(4):
        node = node.head
        if node.i == verb.i or node.i > name.i or (node.head.i == node.i and node.pos_ != "VERB"):
            return None
        if node.pos_ == "VERB" and node.is_title and node.i > 0 and (doc[node.i - 1].is_quote or doc[node.i - 1].text == ","):
            return name
    return None


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
            if token.lower_ == "words" and token.i >= 2 and token.nbor(-1).lower_ == "the" and token.nbor(-2).lower_ == "in":
                frame = _words_of_frame(token)  # 'in the words of the prosecutor, X, "..."'
                if frame is not None:
                    yield frame
                continue
            lemma = speech_lemma(token)
            kind = verbs.get(lemma)
            if kind is not None and token.pos_ == "NOUN":
                frame = _noun_read_frame(token, lemma, kind)  # "Brandt charges that ..." (NOUN)
                if frame is not None:
                    yield frame
                continue
            if kind is None or token.pos_ not in ("VERB", "AUX"):
                continue
            if any(c.dep_ == "neg" for c in token.children) or embedded_in_report(token):
                continue  # "did not say"; "said he had met them and urged them to ..."
            if token.dep_ == "relcl" and not any(
                c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in token.children
            ) and not _prep_relative(token):
                continue  # "the strikes, which it said had hit a depot": no reported clause of its own
            subject = find_subject(token)
            if subject is not None and subject.i < token.i and subject.left_edge.i > 0 and doc[subject.left_edge.i - 1].lower_ in ("what", "whatever"):
                continue  # "set against what X claims his budget will deliver": a free relative, its object missing
            if kind == "directive":
                span = _directive_content(token) or _clause_content(token, subject)
            elif kind == "call":
                span = _call_content(token)
            elif kind == "accuse":
                span = _accuse_content(token)
            else:
                span = _clause_content(token, subject)
                if span is None and token.lemma_.lower() == "tell":  # 'told them to "go and vote"': a
                    span = _directive_content(token)                  # directive, when it quotes words
                    if span is not None and not any(t.text in OPENING_TOKENS for t in doc[span[0] : span[1]]):
                        span = None  # "told reporters to expect ...": no words of the speaker's own
            if span is not None and span[1] > span[0]:
                yield Frame(token, lemma, subject, _orphan_first_word(doc, span[0]), span[1], kind)


def verb_read_as_noun(token: Token, lemma: str | None = None) -> bool:
    """A speech verb in -s (its ``lemma``, found when not given) the tagger read as a plural
    noun, a name right before it: "Brandt charges that ...", 'The Ministry of Transport notes, "..."'."""
    doc = token.doc
    return (
        token.pos_ == "NOUN" and token.lower_.endswith("s") and (lemma or speech_lemma(token)) in reporting_verbs()
        and 0 < token.i < len(doc) - 1 and (doc[token.i - 1].pos_ == "PROPN" or doc[token.i - 1].is_title)
    )


def _noun_read_frame(token: Token, lemma: str, kind: str) -> Frame | None:
    """"Brandt charges that rivals hid losses ...": such a verb heading the sentence with the name
    hanging on it and "that" opening a clause right after it; what follows "that" to the end of
    the sentence was said."""
    doc = token.doc
    if not (
        kind == "clause" and token.dep_ == "ROOT" and verb_read_as_noun(token, lemma) and token.i < len(doc) - 2
        and doc[token.i - 1].head.i == token.i and doc[token.i + 1].lower_ == "that" and doc[token.i + 1].dep_ == "mark"
    ):
        return None
    return Frame(token, lemma, doc[token.i - 1], token.i + 2, _sentence_end(token, token.i + 2), kind)


def _sentence_end(token: Token, start: int) -> int:
    """One past the last word of ``token``'s sentence (closing punctuation off), at least ``start`` + 1."""
    doc = token.doc
    end = token.sent.end
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return end


def _orphan_first_word(doc: Doc, start: int) -> int:
    """The content's start, with a capitalised word the parser cut off as a sentence of its own
    on the same line ("Parti | Keadilan Rakyat will contest ..."): the word opens the content."""
    before = start - 1
    if (
        before >= 0 and doc[start].is_sent_start and doc[before].is_sent_start and doc[before].is_alpha
        and doc[before].text[:1].isupper() and doc[before].whitespace_ == " "
    ):
        return before
    return start


def reattach_misparsed(frames: list[Frame], quoted: Callable[[int], bool]) -> list[Frame]:
    """"X said Q, the agency said": the parser may hang Q on the trailing verb and leave X's
    "said" with no clause of its own. Q is then X's; the trailing verb only carries it.
    Not inside a quotation ('"We have said it before," X said'): those words are X's own.
    ``quoted(offset)`` tells a character inside a quotation."""
    return [_inner_attribution(f, quoted) or f for f in frames]


def _inner_attribution(frame: Frame, quoted: Callable[[int], bool]) -> Frame | None:
    doc = frame.verb.doc
    if frame.kind == "according" or frame.verb.i < frame.end:
        return None  # only a trailing attribution ("..., the agency said")
    verbs = reporting_verbs()
    for verb in doc[frame.start : frame.end]:
        kind = verbs.get(verb.lemma_.lower())
        if kind is None or verb.pos_ != "VERB":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (
            verb.head.i != frame.verb.i
            or verb.dep_ not in ("ccomp", "parataxis", "conj")
            or subject is None
            or subject.pos_ == "PRON"
            or quoted(verb.idx)
            or subject.left_edge.i > frame.start + 1
            or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)
            or verb.i + 2 >= frame.end
        ):
            return None  # the first speech verb decides
        return Frame(verb, verb.lemma_.lower(), subject, verb.i + 1, frame.end, kind)
    return None
