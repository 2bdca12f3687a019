"""Which people of a story are "he" and which are "she", from the story's own words.

Three kinds of evidence, read over the whole article:

- an honorific before a name: "Mr. Berg" (he), "Mrs." / "Ms." / "Miss" (she);
- a gendered noun in the name's own phrase: "spokeswoman Ana Ruiz", "Berg, the chairman";
- a possessive or reflexive pronoun in the clause the person is the subject of:
  "Merkova laid out her plan" (she), "Berg defended himself" (he); a pronoun inside a
  reported clause ("Berg said her plan ...") says nothing about the subject.

A person gets a gender when the evidence points one way only. "he said" then never goes to
a woman of the story, "Mr. Obama" never to Michelle Obama.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from functools import cache

from spacy.tokens import Doc, Span, Token

from ...nlp import MENTIONS
from .lexicon import FEMALE_HONORIFICS, FEMALE_NOUNS, MALE_HONORIFICS, MALE_NOUNS

MALE, FEMALE = "m", "f"
_HONORIFIC_WEIGHT = 3  # an honorific outweighs a stray pronoun
_POSSESSIVES = {"his": MALE, "himself": MALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
_CLAUSE_BREAK = {"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "conj", "csubj"}


def honorific_gender(span: Span) -> str | None:
    """"Mr. Berg" -> "m", "Ms Merkova" -> "f": an honorific just before or at the start of a name."""
    tokens = [span[0]]
    if span.start > 0:
        tokens.append(span.doc[span.start - 1])
    return _first_gender((t.lower_.rstrip(".") for t in tokens), MALE_HONORIFICS, FEMALE_HONORIFICS)


def noun_gender(span: Span) -> str | None:
    """A gendered noun in the name's phrase: "spokeswoman Ana Ruiz", "his wife, Ana Ruiz",
    "Berg, the chairman," (not "the wife of Karl Berg")."""
    root = span.root
    doc = span.doc
    before = span.start - 1
    if before > 0 and doc[before].text == ",":
        before -= 1
    near = [doc[before]] if before >= 0 else []
    near += [c for c in root.children if c.dep_ in ("appos", "compound")]
    near += [root.head] if root.dep_ == "appos" else []
    return _first_gender((t.lower_ for t in near), MALE_NOUNS, FEMALE_NOUNS)


def _first_gender(words: Iterable[str], male: Collection[str], female: Collection[str]) -> str | None:
    """The gender of the first word found in one of the two word sets."""
    for word in words:
        if word in male:
            return MALE
        if word in female:
            return FEMALE
    return None


def _clause_subject(pronoun: Token) -> Token | None:
    """The subject of the clause a possessive or reflexive pronoun sits in (not across a clause)."""
    node = pronoun
    while node.head.i != node.i:
        if node is not pronoun and any(c.dep_ == "nsubj" for c in node.children) and node.pos_ in ("VERB", "AUX"):
            return next(c for c in node.children if c.dep_ == "nsubj")
        if node.dep_ in _CLAUSE_BREAK:
            return None
        node = node.head
    return next((c for c in node.children if c.dep_ == "nsubj"), None)


def person_genders(
    doc: Doc,
    mention_of: Mapping[int, str],
    is_person: Callable[[str], bool],
    *,
    body_start: int = 0,
    quoted: Callable[[int], bool] | None = None,
    skip: Collection[int] = (),
    names: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Entity key -> "m" or "f" for the people the article's words gender one way only.

    ``quoted(offset)`` tells a character inside a quotation; ``skip`` holds first tokens of
    mentions to leave out (a bare surname that two people of the story share). ``names``
    (key -> full name) adds, for a person the words say nothing about, the gender of a given
    name that the name lists give one way only (patterns/given_name_genders.tsv)."""
    votes: dict[str, list[int]] = {}

    def vote(key: str, gender: str, weight: int = 1) -> None:
        tally = votes.setdefault(key, [0, 0])
        tally[0 if gender == MALE else 1] += weight

    for span in doc.spans[MENTIONS] if MENTIONS in doc.spans else ():
        key = span.label_
        if span.start in skip or span.start_char < body_start or not is_person(key):
            continue
        gender = honorific_gender(span)
        if gender is not None:
            vote(key, gender, _HONORIFIC_WEIGHT)
        gender = noun_gender(span)
        if gender is not None:
            vote(key, gender, _HONORIFIC_WEIGHT)
    for token in doc:
        gender = _POSSESSIVES.get(token.lower_)
        if gender is None or token.idx < body_start:
            continue
        if quoted is not None and quoted(token.idx):
            continue  # a pronoun in a quote is the speaker's, about someone else
        subject = _clause_subject(token)
        if subject is None or subject.i in skip:
            continue
        key = mention_of.get(subject.i)
        if key is not None and is_person(key):
            vote(key, gender)
    found = {
        key: MALE if male > female else FEMALE
        for key, (male, female) in votes.items()
        if (male == 0) != (female == 0)  # one way only
    }
    for key, name in (names or {}).items():
        if key not in votes and " " in name:  # the story's words say nothing: the given name may
            given = given_name_genders().get(name.split()[0])
            if given is not None:
                found[key] = given
    return found


@cache
def given_name_genders() -> dict[str, str]:
    """Given name -> "m" or "f" where every name list gives it one gender."""
    from ...patterns import read_lines

    table: dict[str, str] = {}
    for line in read_lines("given_name_genders.tsv"):
        name, _, gender = line.partition("\t")
        if gender in (MALE, FEMALE):
            table[name] = gender
    return table
