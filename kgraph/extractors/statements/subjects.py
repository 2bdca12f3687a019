"""What a statement is about: its topics (cue lexicon of ``patterns/topics.json`` read in the
quote and its sentence, the article's own topics as a prior) and its countries (named in the
quote, capitals standing for governments, the countries the article is about)."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from ...nlp import MENTIONS, doc_text
from ..topics import classify, load_lexicon, text_topics
from .lexicon import PARTY_MIN_MENTIONS, PARTY_SHARE, PRIOR_WEIGHT, TITLE_WEIGHT
from .speakers import capital_iso


STATEMENT_MIN_SCORE = 1.5  # a strong cue (1.5) alone, or a 1.0 cue plus most of the article's weight


_INDEX_KEY = "kgraph.subjects.country_mentions"


def _country_mentions(doc: Doc) -> tuple[list[int], list[tuple[int, str]]]:
    """The mentions that name a country (or a capital standing for its government), sorted by
    start: start offsets, then (end offset, ISO code); built once per document."""
    cached = doc.user_data.get(_INDEX_KEY)
    if cached is not None and cached[0] == len(doc.spans.get(MENTIONS, ())):
        return cached[1]  # type: ignore[no-any-return]
    rows: list[tuple[int, int, str]] = []
    for span in doc.spans[MENTIONS] if MENTIONS in doc.spans else ():
        key = span.label_
        iso = None
        if key.startswith("country/"):
            iso = key.split("/", 1)[1]
        elif key.startswith("place/") and _metonym(span):
            iso = capital_iso(span.text)
        if iso:
            rows.append((span.start_char, span.end_char, iso))
    rows.sort(key=lambda row: row[0])  # stable: mentions at one offset keep their order
    index = ([row[0] for row in rows], [(row[1], row[2]) for row in rows])
    doc.user_data[_INDEX_KEY] = (len(doc.spans.get(MENTIONS, ())), index)
    return index


def _countries(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    starts, rows = _country_mentions(doc)
    found: list[str] = []
    for k in range(bisect_left(starts, start), len(starts)):
        if starts[k] > end:
            break
        mention_end, iso = rows[k]
        if mention_end <= end and iso not in found:
            found.append(iso)
    return tuple(found)


def statement_countries(doc: Doc, start: int, end: int, story: tuple[str, ...]) -> tuple[str, ...]:
    """Countries named in the quote (names, adjectives, capitals standing for governments),
    plus the countries the article is about (``article_countries``): a statement in a story about
    Sudan is about Sudan. A quote that names no country is about the story's subject: the
    article's countries and the countries its headline names ("U.S. warns Iraq ..." gives US
    and IQ)."""
    own = _countries(doc, start, end)
    found = list(own)
    found.extend(iso for iso in story if iso not in found)
    if not own:
        found.extend(iso for iso in headline_countries(doc) if iso not in found)
    return tuple(found)


def headline_countries(doc: Doc) -> tuple[str, ...]:
    """Countries the headline names (the text before the body), in order (found once per document)."""
    article = doc._.article if Doc.has_extension("article") else None
    body_start = article.body_start if article is not None else 0
    if not body_start or MENTIONS not in doc.spans:
        return ()
    key = f"kgraph.subjects.headline_countries/{body_start}/{len(doc.spans[MENTIONS])}"
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    found: list[str] = []
    for span in doc.spans[MENTIONS]:
        if span.end_char <= body_start and span.label_.startswith("country/"):
            iso = span.label_.split("/", 1)[1]
            if iso not in found:
                found.append(iso)
    doc.user_data[key] = tuple(found)
    return tuple(found)


def article_countries(doc: Doc, *, body_start: int = 0) -> tuple[str, ...]:
    """The countries the article is about: the one the body names most often (the first named
    among equals), then the other parties of a story between countries, each named at least
    ``PARTY_SHARE`` as often and ``PARTY_MIN_MENTIONS`` times (talks between Armenia and
    Azerbaijan are about both; a country named twice in passing is not a party)."""
    counts: dict[str, int] = {}
    for span in doc.spans[MENTIONS] if MENTIONS in doc.spans else ():
        if span.start_char >= body_start and span.label_.startswith("country/"):
            iso = span.label_.split("/", 1)[1]
            counts[iso] = counts.get(iso, 0) + 1
    if not counts:
        return ()
    main = max(counts, key=lambda iso: counts[iso])
    parties = [
        iso
        for iso, n in counts.items()
        if iso != main and n >= PARTY_MIN_MENTIONS and n >= PARTY_SHARE * counts[main]
    ]
    return (main, *parties)


def _metonym(span: Span) -> bool:
    """A place used for its government: "Moscow said", "Washington's offer", "pressure on Beijing"."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "agent"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("with", "against", "from", "for", "on", "by")


def article_prior(doc: Doc, *, body_start: int = 0) -> dict[str, float]:
    """The article's own topic weights (best = ``PRIOR_WEIGHT``), a tie-breaker for statements."""
    weights = text_topics(doc_text(doc)[body_start:], lexicon=load_lexicon())
    article = doc._.article if Doc.has_extension("article") else None
    title = article.meta.title if article is not None and article.meta is not None else None
    for slug, value in (text_topics(title) if title else {}).items():  # the headline names the story's subject
        weights[slug] = weights.get(slug, 0.0) + TITLE_WEIGHT * value
    if not weights:
        return {}
    best = max(weights.values())
    return {slug: PRIOR_WEIGHT * value / best for slug, value in weights.items() if value >= 0.3 * best}


def statement_topics(
    quote: str, sentence: str, prior: dict[str, float], max_topics: int
) -> list[tuple[str, float, list[str]]]:
    """Topics of a quote read in its sentence, the article's main topic when it has no cue of its own.

    A topic needs ``STATEMENT_MIN_SCORE``: one strong cue, or a weaker one that the article's
    own topics support; a quote with only a passing word ("talks", "police") is about what
    the story is about."""
    topics = classify(quote, context=sentence, max_topics=max_topics, prior=prior, min_score=STATEMENT_MIN_SCORE)
    if not topics and prior:
        best = max(prior, key=lambda slug: prior[slug])
        topics = [(best, prior[best], ["(article)"])]
    return topics
