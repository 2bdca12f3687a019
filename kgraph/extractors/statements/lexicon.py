"""Word lists and settings of the statement rules: speech verbs, unnamed sources, speech nouns."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from ...errors import KgraphError
from ...patterns import read_lines

MIN_WORDS = 6  # shorter quotes are not statements (scare quotes, fragments; GOLD_FORMAT: at least 6 words)
MAX_TOPICS = 2
PRIOR_WEIGHT = 0.6  # weight of the article's own topics in each statement's topic score
TITLE_WEIGHT = 2.0  # a cue in the headline counts as much as this many in the body
# A story about two countries (talks between them, a border war) is about both: a second country
# is one of the story's own when the body names it at least this share as often as the most
# named one, and at least this many times (a country named in passing is not a party).
PARTY_SHARE = 0.5
PARTY_MIN_MENTIONS = 4
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
CITING_LEMMAS = ("quote", "cite")  # "the agency quoted / cited X as saying": X speaks
_NARRATOR_GERUNDS = {"cite", "point", "refer", "quote"}  # ", citing a study": the narrator's tail
_TRAIL_MARKS = {"as", "after", "before", "while", "when", "since", "despite", "amid"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame"}
# token texts that open or close a quotation (a quoted title after a verb is no subject)
OPENING_TOKENS = (*OPEN_MARKS, BOTH_MARKS, "``", "'", "\u2018")
CLOSING_TOKENS = (*CLOSE_MARKS, BOTH_MARKS, "''", "'", "\u2019")
# verbs whose gerund object is what was proposed ("suggested pooling the funds")
GERUND_PROPOSALS = frozenset({"suggest", "propose", "recommend", "advocate", "urge"})
# suffixes after a name and its comma ("Mark Tedeschi, QC,")
NAME_SUFFIXES = frozenset({"qc", "kc", "sc", "jr", "sr", "mp", "mep", "esq"})
# verbs that open an inverted attribution ('Said Ellis: "..."')
INVERTED_OPENERS = frozenset({"said", "says", "added", "adds", "asked", "asks", "wrote", "writes"})
# verbs of belief: the subject of their clause is talked about, not talking ("believes X is right")
BELIEF_VERBS = frozenset({"believe", "think", "hope", "feel", "know", "expect", "fear", "doubt", "suspect",
                          "assume", "agree", "understand", "realise", "realize", "trust"})
MALE_HONORIFICS = frozenset({"mr", "sir", "lord", "messrs"})
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame", "madam", "madame", "mme", "lady"})
# nouns that say a named person is a man or a woman ("his wife Ana", "spokeswoman Ana Ruiz")
MALE_NOUNS = frozenset(
    "spokesman chairman congressman councilman assemblyman businessman husband father son brother"
    " uncle nephew grandfather grandson king prince emperor duke boyfriend widower man gentleman".split()
)
FEMALE_NOUNS = frozenset(
    "spokeswoman chairwoman congresswoman councilwoman assemblywoman businesswoman wife mother daughter"
    " sister aunt niece grandmother granddaughter queen princess empress duchess girlfriend widow"
    " actress lady woman".split()
)
_WH = {"which", "who", "whom", "whose", "where", "when"}


# speech verbs that, as a participle after a reported clause (", adding that ..."), go on with
# the first speaker's report, whoever is the subject of the clause before them
DISCOURSE_PARTICIPLES = frozenset({"add", "note", "point out", "stress", "emphasise", "emphasize", "reiterate"})


def speech_lemma(token: Token) -> str:
    """A verb's lemma, with its particle where the reporting verbs list the pair ("point out")."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prt" and child.i > token.i:
            pair = f"{lemma} {child.lower_}"
            if pair in reporting_verbs():
                return pair
    return lemma


@cache
def reporting_verbs() -> dict[str, str]:
    """Speech verb lemma -> frame name, from patterns/reporting_verbs.txt."""
    verbs = {}
    for number, line in enumerate(read_lines("reporting_verbs.txt"), 1):
        *words, frame = line.split()
        if not words:  # a lemma alone takes the clause frame
            words, frame = [frame], "clause"
        if frame not in _FRAMES:
            raise KgraphError(
                f"patterns/reporting_verbs.txt: entry {number} ({line!r}): unknown frame {frame!r};"
                f" expected one of {', '.join(sorted(_FRAMES))}"
            )
        verbs[" ".join(words)] = frame
    return verbs


_FRAMES = frozenset({"clause", "directive", "call", "accuse"})


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
def government_seats() -> frozenset[str]:
    """Buildings named for the office they house ("the White House said"): patterns/government_seats.txt."""
    return frozenset(read_lines("government_seats.txt"))


@cache
def speech_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("speech_nouns.txt"))


@cache
def org_nouns() -> frozenset[str]:
    """Common nouns for an organisation ("agency", "broadcaster"): patterns/org_nouns.txt."""
    return frozenset(w.lower() for w in read_lines("org_nouns.txt"))




def _word_count(text: str) -> int:
    return len(_WORD.findall(text))
