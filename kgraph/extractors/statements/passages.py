"""Quoted passages of a text: quote marks, straight, curly or doubled, over one or more lines."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .lexicon import BOTH_MARKS, CLOSE_MARKS, OPEN_MARKS


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
