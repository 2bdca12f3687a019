"""Candidates dropped as a whole: names in capitals lines, lone one-word names, common words."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Token

from ... import gazetteer
from ...identity import fold

from .words import Candidate, _ACRONYM, _doc_tokens, _titles, _word_set
from .spans import _country


def _shouted_tokens(doc: Doc) -> set[int]:
    """Tokens of lines written in capitals (a wire headline "TALKS COLLAPSE IN GENEVA"),
    where the NER cannot tell names from words."""
    lines: dict[int, list[Token]] = defaultdict(list)
    newlines = 0  # before the token; its line counts a newline that is its first character
    for token in _doc_tokens(doc):
        text = token.text
        if not token.is_space:
            lines[newlines + (text[:1] == "\n")].append(token)
        newlines += text.count("\n") + token.whitespace_.count("\n")
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


def _drop_lone_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A one-word "person" named once, with no title and no full name anywhere in the
    story, is more often a product, a word at a sentence start or a misread than a person;
    so is a longer "person" whose first word is no given name but a word the story also
    writes in lower case ("Space Shuttle Atlantis");
    a one-word "organisation" that the story also writes in lower case is a common word;
    letters after a person's name ("Tom Molomby, SC,"), a family ("the Sams" beside
    "Thomas Sam") and the end of a title ("Secretary of State") are no organisations."""
    counts = Counter(c.key for c in cands)
    titles = _titles()

    def titled(c: Candidate) -> bool:
        return any(
            tuple(t.lower_ for t in doc[max(0, c.start - len(t)) : c.start]) == t for t in titles
        )

    def in_title(c: Candidate) -> bool:  # "Assistant Secretary of State": "State" ends a title
        n = c.end - c.start
        return c.start > 0 and doc[c.start - 1].lower_ == "of" and any(
            len(t) > n and tuple(w.lower_ for w in doc[max(0, c.end - len(t)) : c.end]) == t for t in titles
        )

    lowercase = {t.text for t in _doc_tokens(doc) if t.is_lower}
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
        and c.key not in not_people and not post_nominal(c) and not family(c) and not in_title(c)
        and not (  # "Trade", "State": a common word with a capital, used lower-case elsewhere
            c.type == "Organization" and " " not in c.text and not c.aliases
            and not _ACRONYM.match(c.text) and c.text.lower() in lowercase
        )
    ]


_INDEX_NOUNS = frozenset({"index", "indices", "indexes", "average", "averages"})


def _names_an_index(doc: Doc, c: Candidate) -> bool:
    """"the Dow Jones industrial average", "the FTSE 100 index", "Nasdaq composite index": the
    name of a market index (its name, lower-case words and numbers, then "index"/"average").
    Not an organisation's full name ("the American Stock Exchange index" names the exchange)."""
    if c.text.split()[-1] in _word_set("org_suffixes.txt"):
        return False
    for token in doc[c.end : min(len(doc), c.end + 4)]:
        if token.lower_ in _INDEX_NOUNS:
            return True
        if not (token.is_lower or token.like_num):
            return False
    return False


def _drop_indices(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A name the story uses only as a market index's name is no entity of the story; one
    that also acts ("Nasdaq said") stays."""
    uses: dict[str, list[bool]] = defaultdict(list)
    for c in cands:
        if c.type != "Country":
            uses[c.key].append(_names_an_index(doc, c))
    doomed = {key for key, flags in uses.items() if all(flags)}
    return [c for c in cands if c.key not in doomed]
