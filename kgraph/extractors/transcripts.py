"""Transcript lines: "WALLACE: Let's start with the debate." -- a speaker's name in capitals and a
colon open the paragraph, and the rest of it is what that speaker said.

An interview or debate transcript printed in a story gives each turn this way.  A paragraph of
this shape counts only where the story has two or more of them (one alone is more often a
dateline, "PUTRAJAYA: The ministry ..."), after the story's dateline, and never when the label
is a place, a country or a news agency.  One-letter labels ("Q:", "A:"), roles ("REPORTER:",
"MODERATOR:") and the labels of patterns/transcript_labels.txt name nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import gazetteer
from ..meta import normalize_agency
from ..patterns import read_lines

# "WALLACE:", "CHRIS WALLACE:", "SEN. SANDERS:", "MR. O'NEILL:", after an optional opening quote mark
_LINE = re.compile(
    r"^[ \t]*[\"\u201c]?(?P<label>[A-Z][A-Z.'\u2019-]*[A-Z.](?:[ \t]+[A-Z][A-Z.'\u2019-]*[A-Z.]){0,3}):[ \t]+(?P<said>\S[^\n]*)$",
    re.MULTILINE,
)
_MIN_LINES = 2
_MIN_WORDS = 3  # what follows the label is a turn, not "LONDON: Reuters"


@dataclass(frozen=True, slots=True)
class TranscriptLine:
    """One turn: the label's and the words' character spans."""

    label: str
    label_start: int
    label_end: int
    said_start: int
    said_end: int


def _not_a_speaker(label: str) -> bool:
    words = label.replace(".", " ").split()
    if sum(len(w) for w in words) < 3:
        return True  # "Q", "A"
    name = " ".join(w.capitalize() for w in label.split())
    if label.casefold() in _generic_labels() or all(w.casefold() in _person_words() for w in label.split()):
        return True  # "REPORTER", "UNIDENTIFIED MALE", "MODERATOR": a role, no one named
    return gazetteer.lookup(name) is not None or normalize_agency(name) is not None or name in _place_names()


@cache
def _generic_labels() -> frozenset[str]:
    return frozenset(line.casefold() for line in read_lines("transcript_labels.txt"))


@cache
def _person_words() -> frozenset[str]:
    """Person nouns and one-word titles, lower case ("spokesman", "moderator", "chairman")."""
    from .entities.words import _person_nouns, _titles

    return frozenset(_person_nouns()) | frozenset(t[0] for t in _titles() if len(t) == 1)


def _place_names() -> frozenset[str]:
    from .entities.words import _place_names as names

    return names()


def transcript_lines(text: str, *, start: int = 0) -> list[TranscriptLine]:
    """The transcript turns of a story text from ``start`` on (empty unless there are two or more)."""
    found = []
    for m in _LINE.finditer(text, start):
        label, said = m.group("label"), m.group("said")
        if len(said.split()) < _MIN_WORDS or _not_a_speaker(label):
            continue
        said_end = m.end("said")
        while said_end > m.start("said") and text[said_end - 1] in " \t\"\u201d":
            said_end -= 1  # the closing quote mark of a turn printed as a quotation
        found.append(TranscriptLine(label, m.start("label"), m.end("label"), m.start("said"), said_end))
    return found if len(found) >= _MIN_LINES else []
