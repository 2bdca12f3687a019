"""Topic classification of a statement: weighted cue words from patterns/topics.json.

Each topic of the vocabulary (ontology/topics.ttl) lists cues with weights. A cue is
one or more words matched case-insensitively on word boundaries; ``stem*`` matches any
word starting with the stem, and a plain word also matches its plural ("summit" finds
"summits"). A text's score for a topic is the sum of the weights of the distinct cues
it contains; cues found only in the context (the sentence around a quote) count at
``CONTEXT_WEIGHT``. The cues found are returned as the evidence, so every topic can be
traced back to the words that chose it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from ..errors import KgraphError
from ..patterns import read_json

LEXICON = "topics.json"
CONTEXT_WEIGHT = 0.4  # a cue in the context only counts this share of its weight
MIN_SCORE = 0.9  # the best topic needs at least this score
RATIO = 0.7  # a further topic needs at least this share of the best score

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_WORD_ANY_CASE = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue of a topic: its words (a word may end in '*'), weight and display text."""

    topic: str  # "" for a mask
    words: tuple[str, ...]
    weight: float
    text: str
    lower_only: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Cues indexed by their first word: exact words and 3-letter stem prefixes."""

    topics: tuple[str, ...]
    exact: Mapping[str, tuple[Cue, ...]]
    stems: Mapping[str, tuple[Cue, ...]]
    starts: dict[str, tuple[Cue, ...]] = field(default_factory=dict, compare=False, hash=False)  # word -> cues whose first word it matches

    def starting(self, word: str) -> tuple[Cue, ...]:
        """The cues whose first word matches ``word`` (remembered: words repeat)."""
        found = self.starts.get(word)
        if found is None:
            candidates: list[Cue] = []
            for form in _singulars(word):
                candidates.extend(self.exact.get(form, ()))
            candidates.extend(self.stems.get(word[:3], ()))
            found = tuple(c for c in dict.fromkeys(candidates) if _word_matches(c.words[0], word))
            if len(self.starts) < 200_000:
                self.starts[word] = found
        return found


def _fold(text: str) -> str:
    """Accents dropped ("chargé" -> "charge") and curly apostrophes made straight."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Lower-cased words of a text (accents and curly apostrophes folded, hyphenated words kept)."""
    return _WORD.findall(_fold(text).lower())


@cache
def load_lexicon(name: str = LEXICON) -> Lexicon:
    """Read and index a topic cue file from kgraph/patterns/."""
    data = read_json(name)
    topics = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(topics, dict) or not topics:
        raise KgraphError(f'patterns/{name}: no "topics" object; expected {{"topics": {{slug: {{"cues": {{...}}}}}}}}')
    exact: dict[str, list[Cue]] = defaultdict(list)
    stems: dict[str, list[Cue]] = defaultdict(list)
    for slug, entry in topics.items():
        cues = entry.get("cues") if isinstance(entry, dict) else None
        if not isinstance(cues, dict):
            raise KgraphError(f'patterns/{name}: topic "{slug}" has no "cues" object')
        for text, weight in cues.items():
            if not isinstance(weight, (int, float)):
                raise KgraphError(f'patterns/{name}: topic "{slug}": bad cue {text!r}: {weight!r}')
            if weight > 0:
                parts, lower_only = _cue_words(name, text)
                _index_cue(Cue(slug, parts, float(weight), text.lstrip("="), lower_only), exact, stems, name)
    masks = data.get("masks", [])
    if not isinstance(masks, list) or not all(isinstance(m, str) for m in masks):
        raise KgraphError(f'patterns/{name}: "masks" must be a list of phrases')
    for text in masks:
        words_, lower_only = _cue_words(name, text)
        _index_cue(Cue("", words_, 0.0, text, lower_only), exact, stems, name)
    return Lexicon(
        tuple(topics),
        {k: tuple(v) for k, v in exact.items()},
        {k: tuple(v) for k, v in stems.items()},
    )


def _cue_words(name: str, text: str) -> tuple[tuple[str, ...], bool]:
    """The words of a cue and whether it matches lower-case text only (a leading "=")."""
    lower_only = text.startswith("=")
    parts = tuple(_fold(text.lstrip("=")).lower().split())
    if not parts:
        raise KgraphError(f"patterns/{name}: empty cue {text!r}")
    return parts, lower_only


def _index_cue(cue: Cue, exact: dict[str, list[Cue]], stems: dict[str, list[Cue]], name: str) -> None:
    first = cue.words[0]
    if first.endswith("*"):
        stem = first[:-1]
        if len(stem) < 3:
            raise KgraphError(f'patterns/{name}: cue "{cue.text}": a stem needs 3 letters or more')
        stems[stem[:3]].append(cue)
    else:
        exact[first].append(cue)


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern or word == pattern + "s" or word == pattern + "es"


def _singulars(word: str) -> tuple[str, ...]:
    out = [word]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return tuple(out)


def _tokens(text: str) -> tuple[list[str], list[bool]]:
    """Lower-cased words of a text and, for each, whether it was written in lower case."""
    raw = _WORD_ANY_CASE.findall(_fold(text))
    return [w.lower() for w in raw], [w == w.lower() for w in raw]


def _matches(text: str, lex: Lexicon) -> list[tuple[Cue, int]]:
    """The cue matches that count, as (cue, first word), in text order.

    The longest match wins: a cue whose words lie inside a longer match is dropped,
    whatever its topic ("trade war" is trade, not war; "security council" is not
    security), and so is a cue inside a mask (a name such as "West Bank"). A word
    counts once per topic ("laws" is not both "law" and "laws"). A cue written with a
    leading "=" matches words written in lower case only ("levy", not the name Levy).
    """
    toks, lower = _tokens(text)
    found: list[tuple[Cue, int]] = []
    for i, word in enumerate(toks):
        for cue in lex.starting(word):
            n = len(cue.words)
            if i + n > len(toks) or not all(_word_matches(p, toks[i + k]) for k, p in enumerate(cue.words[1:], 1)):
                continue
            if cue.lower_only and not all(lower[i : i + n]):
                continue
            found.append((cue, i))
    found.sort(key=lambda m: (-len(m[0].words), -m[0].weight, m[1]))
    longest: dict[int, int] = {}  # word -> length of the longest match holding it
    used: set[tuple[str, int]] = set()  # (topic, word) already counted
    kept: list[tuple[Cue, int]] = []
    for cue, i in found:
        n = len(cue.words)
        span = range(i, i + n)
        if any(longest.get(k, 0) > n for k in span) or any((cue.topic, k) in used for k in span):
            continue
        for k in span:
            longest[k] = max(longest.get(k, 0), n)
            used.add((cue.topic, k))
        if cue.topic:
            kept.append((cue, i))
    kept.sort(key=lambda m: m[1])
    return kept


def find_cues(text: str, lexicon: Lexicon | None = None) -> list[Cue]:
    """The distinct cues that count in a text, in order of first occurrence."""
    lex = lexicon or load_lexicon()
    return list(dict.fromkeys(cue for cue, _ in _matches(text, lex)))


def cue_counts(text: str, lexicon: Lexicon | None = None) -> dict[Cue, int]:
    """How often each cue counts in a text (a cue of several words counts where it starts)."""
    lex = lexicon or load_lexicon()
    counts: dict[Cue, int] = defaultdict(int)
    for cue, _ in _matches(text, lex):
        counts[cue] += 1
    return dict(counts)


def text_topics(text: str, *, lexicon: Lexicon | None = None) -> dict[str, float]:
    """Topic -> weight of a whole text (an article): each cue counts with the square root of
    how often it occurs, so the story's recurring subject outweighs a word said once."""
    scores: dict[str, float] = defaultdict(float)
    for cue, n in cue_counts(text, lexicon).items():
        scores[cue.topic] += cue.weight * n**0.5
    return dict(scores)


def score(
    text: str, *, context: str = "", lexicon: Lexicon | None = None
) -> dict[str, tuple[float, list[str]]]:
    """Topic -> (score, cue texts) for a text and its context; topics without cues are left out."""
    lex = lexicon or load_lexicon()
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[str]] = defaultdict(list)
    own = find_cues(text, lex)
    for cue in own:
        scores[cue.topic] += cue.weight
        evidence[cue.topic].append(cue.text)
    if context:
        seen = set(own)
        for cue in find_cues(context, lex):
            if cue not in seen:
                scores[cue.topic] += cue.weight * CONTEXT_WEIGHT
                evidence[cue.topic].append(f"({cue.text})")
    return {slug: (scores[slug], evidence[slug]) for slug in scores}


def classify(
    text: str,
    *,
    context: str = "",
    max_topics: int = 3,
    prior: Mapping[str, float] | None = None,
    min_score: float = MIN_SCORE,
    ratio: float = RATIO,
) -> list[tuple[str, float, list[str]]]:
    """The best topics of a text: (slug, score, cue words), best first, at most ``max_topics``.

    ``context`` (e.g. the sentence around a quote) adds its cues at a lower weight; cues
    found only there are shown in brackets. ``prior`` adds a score per topic (e.g. the
    article's topics), shown as the cue "(article)". A topic is kept when its score reaches
    ``min_score`` and ``ratio`` times the best score.
    """
    lex = load_lexicon()
    scored = score(text, context=context, lexicon=lex)
    for slug, value in (prior or {}).items():
        if value > 0:
            total, cues = scored.get(slug, (0.0, []))
            scored[slug] = (total + value, [*cues, "(article)"])
    ranked = sorted(scored.items(), key=lambda item: (-item[1][0], lex.topics.index(item[0])))
    out: list[tuple[str, float, list[str]]] = []
    for slug, (value, cues) in ranked:
        if len(out) >= max_topics or value < min_score or (out and value < ratio * out[0][1]):
            break
        out.append((slug, round(value, 3), cues))
    return out
