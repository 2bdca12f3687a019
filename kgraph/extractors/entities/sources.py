"""The story's own agency, and news agencies named only as the channel of other people's words."""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from ...identity import fold
from ...records import Article

from .words import Candidate, _doc_tokens, _word_set


AGENCY_NAMES = {
    "reuters": ("reuters", "thomson reuters"),
    "ap": ("ap", "associated press", "the associated press"),
    "afp": ("afp", "agence france presse", "agence france-presse"),
}


def _own_sources(article: Article | None) -> set[str]:
    """Folded names of the article's own agency and publisher (never entities)."""
    names: set[str] = set()
    if article is None:
        return names
    for value in (article.meta.agency, article.meta.publisher):
        if value:
            names.add(fold(value))
            names.update(AGENCY_NAMES.get(fold(value), ()))
    return {fold(n) for n in names}


_SELF_NOUNS = frozenset(
    "reporter reporters correspondent correspondents photographer photographers journalist journalists "
    "witness witnesses tally calculation calculations count poll survey interview reporting".split()
)


_SELF_VERBS = frozenset("verify check confirm reach contact see review obtain".split())


def _self_references(doc: Doc) -> set[str]:
    """Folded names of wire agencies the story names as itself: "told Reuters", "a Reuters
    reporter", "Reuters could not verify", "prepared by Reuters" (the story's own agency)."""
    from ...meta import normalize_agency

    found: set[str] = set()
    for token in _doc_tokens(doc):
        if not token.text[:1].isupper():
            continue
        agency = normalize_agency(token.text)
        if agency is None:
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (
            (before is not None and (before.lemma_ == "tell" or before.lower_ in ("told", "tells")))
            or (before is not None and before.lower_ == "with" and token.i > 1 and doc[token.i - 2].lower_ == "interview")
            or (before is not None and before.lower_ == "by" and token.i > 1 and doc[token.i - 2].lower_ in ("prepared", "compiled", "conducted", "seen", "obtained", "reviewed"))
            or (after is not None and after.lower_ in _SELF_NOUNS)
            or any(t.lemma_ in _SELF_VERBS for t in doc[token.i + 1 : token.i + 5] if t.sent == token.sent)
            and token.dep_ in ("nsubj", "nsubjpass")
        ):
            found.add(fold(agency))
            found.update(AGENCY_NAMES.get(fold(agency), ()))
    return found


def _is_channel(doc: Doc, start: int, end: int, text: str) -> bool:
    """A platform named only as the channel of a statement ("wrote on X")."""
    if text.rstrip(".") not in _word_set("platforms.txt"):
        return False
    before = {t.lower_ for t in doc[max(0, start - 3) : start]}
    return bool(before & {"on", "via", "through"})


_CHANNEL_VERBS = frozenset({"quote", "cite", "carry"})


def _is_news_agency(text: str) -> bool:
    from ...meta import normalize_agency

    return normalize_agency(text) is not None or text.endswith(("News Agency", "Press Agency", "news agency"))


def _channel_use(doc: Doc, c: Candidate) -> bool:
    """"Interfax quoted the minister as saying", "told Tass", "a statement carried by the
    state news agency X": the agency passes on someone else's words."""
    root = doc[c.start : c.end].root
    while root.dep_ == "compound" and root.head.i >= c.end and root.head.is_lower:
        root = root.head  # "Itar-Tass news agency quoted"
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _CHANNEL_VERBS:
        return True
    if root.dep_ == "nsubj" and root.head.lemma_ in ("say", "report") and any(
        t.lemma_ in ("say", "tell", "announce") and t.pos_ == "VERB" for t in doc[root.sent.start : c.start]
    ):
        return True  # "X said ..., Interfax news agency said": the agency only relays
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lemma_ in _CHANNEL_VERBS:
        return True
    before = doc[c.start - 1] if c.start > 0 else None
    return before is not None and before.lower_ in ("told", "tells", "quoting", "citing")


def _drop_channels(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A news agency named only as the channel of other people's words is not an entity of
    the story (one that speaks in its own voice stays)."""
    uses: dict[str, list[bool]] = defaultdict(list)
    for c in cands:
        if c.type == "Organization" and _is_news_agency(c.text):
            uses[c.key].append(_channel_use(doc, c))
    doomed = {key for key, flags in uses.items() if all(flags)}
    return [c for c in cands if c.key not in doomed]
