"""Str -> str steps that strip site chrome from a page's text.

``clean(text)`` runs the steps in order.  The rules are data: each non-comment
line of ``kgraph/patterns/chrome.txt`` is ``KIND REGEX`` where KIND is

- ``drop``: a line matching REGEX is removed wherever it is;
- ``cut``:  the story has ended; the line and all that follows are removed
  (only once the story has begun, so a menu above the story never cuts it);
- ``html``: a word in the class or id of an HTML element that is never story
  (used by ``html_noise_xpath`` to prune the tree before text extraction).

Metadata lines ("Published by", "Posted on", bylines, credit lines) are left
in place: ``kgraph.meta`` reads them and ``kgraph.articles`` leaves them out
of the story.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .errors import InputError
from .patterns import read_patterns

log = logging.getLogger(__name__)

KINDS = ("drop", "cut", "html")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_JOIN_AFTER = re.compile(
    r"(,|\b(?:the|a|an|of|to|and|or|in|on|at|by|for|from|with|as|that|but|its|his|her|their))$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ChromeRules:
    """Compiled rules of a chrome file."""

    drop: tuple[re.Pattern[str], ...]
    cut: tuple[re.Pattern[str], ...]
    html: tuple[str, ...]

    def is_dropped(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.drop)

    def is_cut(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.cut)


def parse_chrome(text: str, *, name: str = "chrome.txt") -> ChromeRules:
    """Compile the rules of a chrome file (format in the module docstring)."""
    rules: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for number, raw in enumerate(text.splitlines(), 1):
        line = re.split(r"\s+#\s", raw, maxsplit=1)[0].strip()
        if not line or line.startswith("#"):
            continue
        kind, _, value = line.partition(" ")
        value = value.strip()
        if kind not in rules or not value:
            raise InputError(
                f"{name}:{number}: bad rule {raw.strip()!r}; write KIND REGEX with KIND one of {', '.join(KINDS)}"
            )
        rules[kind].append(value)
    compiled: dict[str, list[re.Pattern[str]]] = {"drop": [], "cut": []}
    for kind in compiled:
        for value in rules[kind]:
            try:
                compiled[kind].append(re.compile(value, re.IGNORECASE))
            except re.error as exc:
                raise InputError(f"{name}: bad regex {value!r} ({exc}); fix the {kind} rule") from exc
    return ChromeRules(
        drop=tuple(compiled["drop"]),
        cut=tuple(compiled["cut"]),
        html=tuple(word.lower() for word in rules["html"]),
    )


@lru_cache(maxsize=None)
def chrome_rules() -> ChromeRules:
    """The rules of ``kgraph/patterns/chrome.txt`` (read once)."""
    return parse_chrome(read_patterns("chrome.txt"))


def is_prose(line: str) -> bool:
    """True for a line that reads like a story paragraph, not a headline or a label."""
    words = len(line.split())
    return (words >= 5 and bool(_TERMINAL.search(line))) or words >= 30


def normalize(text: str) -> str:
    """Unicode NFC, one kind of newline and space, no invisible characters, no runs of blank lines."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def drop_chrome(text: str, *, rules: ChromeRules | None = None) -> str:
    """Remove the lines that a ``drop`` rule matches."""
    rules = rules or chrome_rules()
    kept = "\n".join(line for line in text.split("\n") if not (line and rules.is_dropped(line)))
    return re.sub(r"\n{3,}", "\n\n", kept).strip("\n")


def unwrap(text: str) -> str:
    """Join hard-wrapped lines back into paragraphs.

    When the text is wrapped at a fixed width (most lines that could not take
    the next word end mid-sentence), such a line is joined to the next.
    Otherwise only a line ending mid-sentence is joined to a next line that
    plainly continues it (starts in lower case, or follows "the", "of", ",").
    """
    lines = text.split("\n")
    width = _wrap_width(lines)
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        if previous and line:
            if width:  # the next word would not have fitted on the previous line
                join = len(previous) + 1 + len(line.split(" ", 1)[0]) > width - 2
                if join and re.search(r"[^\W\d_]-$", previous):  # "Xi-" + "Trump"
                    out[-1] = previous + line
                    continue
            else:
                join = not _TERMINAL.search(previous) and (line[0].islower() or bool(_JOIN_AFTER.search(previous)))
            if join:
                out[-1] = f"{previous} {line}"
                continue
        out.append(line)
    return "\n".join(out)


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text is hard-wrapped at, or None when it is not wrapped."""
    lengths = [len(line) for line in lines if line]
    if not lengths or max(lengths) > 100:
        return None
    width = max(lengths)
    full = [
        line
        for line, following in zip(lines, lines[1:])
        if following and len(line) + 1 + len(following.split(" ", 1)[0]) > width - 2
    ]
    mid_sentence = sum(1 for line in full if not _TERMINAL.search(line))
    return width if len(full) >= 3 and mid_sentence >= 0.6 * len(full) else None


def cut_trailers(text: str, *, rules: ChromeRules | None = None) -> str:
    """Remove everything from the first ``cut`` line ("Related Posts", "More from ...") on.

    A cut line only counts after the first prose paragraph, so that menus and
    "Most read" boxes printed above the story do not cut the story away.
    """
    rules = rules or chrome_rules()
    lines = text.split("\n")
    begun = False
    for index, line in enumerate(lines):
        if not line:
            continue
        if begun and rules.is_cut(line):
            log.debug("cut at line %d: %r", index + 1, line)
            return "\n".join(lines[:index]).rstrip("\n")
        begun = begun or is_prose(line)
    return text


def drop_repeated(text: str) -> str:
    """Remove lines printed twice in a row (headline lists that repeat each title, as in "Related Posts").

    A repeated prose paragraph (a scraping glitch) keeps its first copy.
    """
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line]
    doomed: set[int] = set()
    for a, b in zip(filled, filled[1:]):
        if lines[a] == lines[b] and len(lines[a].split()) >= 3:
            doomed.update((b,) if is_prose(lines[a]) else (a, b))  # a story paragraph keeps one copy
    if not doomed:
        return text
    kept = [line for i, line in enumerate(lines) if i not in doomed]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


_CELL_RUN = 4  # this many short lines in a row inside a story are a data table's cells


def drop_cell_runs(text: str) -> str:
    """Remove runs of 4 or more short lines (at most 4 words, no full stop) inside the story:
    the cells of a data table ("Party", "Seats", "ODM", "99") or a row of buttons, never story.

    Lines above the first prose paragraph (headline, byline, dateline lines) are kept.
    """
    lines = text.split("\n")
    doomed: set[int] = set()
    run: list[int] = []
    begun = False
    for index, line in enumerate([*lines, "."]):
        if not line:
            continue
        short = begun and len(line.replace("|", " ").split()) <= 4 and not _TERMINAL.search(line)
        if short:
            run.append(index)
            continue
        if len(run) >= _CELL_RUN:
            doomed.update(run)
        run = []
        begun = begun or is_prose(line)
    if not doomed:
        return text
    kept = [line for i, line in enumerate(lines) if i not in doomed]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


def clean(text: str) -> str:
    """Run every cleaning step: normalize, drop_chrome, unwrap, cut_trailers, drop_repeated, drop_cell_runs."""
    rules = chrome_rules()
    text = normalize(text)
    text = drop_chrome(text, rules=rules)
    text = unwrap(text)
    text = cut_trailers(text, rules=rules)
    return drop_cell_runs(drop_repeated(text))


def html_noise_xpath(*, rules: ChromeRules | None = None) -> str:
    """XPath of the HTML elements to prune before extracting a page's text.

    An element goes when one of its class or id names begins with an ``html`` word of
    chrome.txt or ends with it after "-" or "_" ("share-bar", "article-share", not
    "l-sidebar-fixed" for "sidebar"), or when it is hidden (``hidden_xpath``), unless it holds
    the headline or much text (a wrapper).
    """
    rules = rules or chrome_rules()
    names = "concat(' ', normalize-space(@class), ' ', normalize-space(@id), ' ')"  # class names are lower case
    tests = " or ".join(  # the word begins a class or id name, or ends one after "-" or "_"
        f"contains({names}, ' {word}') or contains({names}, '-{word} ') or contains({names}, '_{word} ')"
        for word in rules.html
        if "'" not in word and " " not in word
    )
    named = f"//*[@class or @id][{tests}][{_GUARD}]" if tests else ""  # cheapest test first
    return f"{named} | {hidden_xpath()}" if named else hidden_xpath()


_GUARD = "not(self::html or self::body or self::article or self::main) and not(.//h1) and count(.//p) < 6"
_LOWER_STYLE = "translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ', 'abcdefghijklmnopqrstuvwxyz')"


def hidden_xpath() -> str:
    """XPath of the elements a browser does not show (``hidden``, ``display: none``,
    ``visibility: hidden``, ``aria-hidden``): pop-ups and tooltips whose text would be glued
    into the story ("in LusakaLusaka, capital of ..."), unless they hold the headline or much text."""
    return (
        f"//*[@hidden or @aria-hidden='true' or (@style and (contains({_LOWER_STYLE}, 'display:none')"
        f" or contains({_LOWER_STYLE}, 'visibility:hidden')))][{_GUARD}]"
    )


_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
_TIMESTAMP = re.compile(
    r"(?:\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\w+\.? \d{1,2},? \d{4}|\d{1,2} \w+ \d{4})(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?))",
    re.IGNORECASE,
)
_LINK_ONLY = "//p[a][normalize-space(.) = normalize-space(string(a))] | //h2[a] | //h3[a] | //h4[a]"


def prune_page(tree: Any) -> None:
    """Remove from a parsed page what the class-name rules miss (in place), below the story's start:

    - a heading that a ``cut`` rule matches ("Have your say", "3 thoughts on ...", "Most read")
      and what follows it in its box: reader comments, teaser lists;
    - a small box that opens with a link to another story (a teaser card with its summary);
    - a reader's comment: a small box with a time stamp ("2 hours ago", "20/02/2026 09:14").

    Nothing that holds the headline (<h1>) or most of the story (6 paragraphs or more) is removed.
    """
    rules = chrome_rules()
    order = {element: index for index, element in enumerate(tree.iter())}
    start = _story_start(tree, order)
    doomed: list[Any] = []
    for element in tree.iter(*_HEADING_TAGS):
        text = " ".join(element.text_content().split())
        if order.get(element, 0) > start and text and rules.is_cut(text):
            doomed.append(element)
            doomed.extend(s for s in element.itersiblings() if not _holds_story(s))
    for element in tree.xpath(_LINK_ONLY):
        box = element.getparent()
        if order.get(element, 0) <= start or box is None or len(element.text_content().split()) < 3:
            continue
        first = next((c for c in box if isinstance(c.tag, str)), None)
        if first is element and box.tag in ("div", "li", "aside", "section", "figure") and len(box.findall(".//p")) <= 3 and not _holds_story(box):
            doomed.append(box)
    for element in tree.iter("span", "time", "small", "div", "p"):
        if len(element) or order.get(element, 0) <= start:
            continue
        text = " ".join((element.text or "").split())
        if not (text and len(text) <= 40 and _TIMESTAMP.fullmatch(text.strip(" ·|-"))):
            continue
        box = element.getparent()
        while box is not None and not box.findall(".//p") and box.tag not in ("body", "article"):
            box = box.getparent()
        if box is not None and box.tag not in ("body", "article", "main") and len(box.findall(".//p")) <= 3 and not _holds_story(box):
            doomed.append(box)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _holds_story(element: Any) -> bool:
    return element.tag in ("body", "html", "main", "article") or bool(element.findall(".//h1")) or len(element.findall(".//p")) >= 6


def _story_start(tree: Any, order: dict[Any, int]) -> int:
    """Document position of the story's start: its <h1>, else its first paragraph of prose."""
    for element in tree.iter("h1"):
        return order.get(element, 0)
    for element in tree.iter("p"):
        if is_prose(" ".join(element.text_content().split())):
            return order.get(element, 0)
    return len(order)
