"""Frozen records passed between the stages of the pipeline.

Field names follow ``shared/eval/GOLD_FORMAT.md`` so that evaluation can compare
records with gold directly.  Character offsets always refer to ``Article.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EntityType = Literal["Person", "Organization", "Country", "Place"]
ENTITY_TYPES: tuple[EntityType, ...] = ("Person", "Organization", "Country", "Place")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from: an article and a character span of its text."""

    article_id: str
    start_char: int
    end_char: int
    text: str = ""


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the page says about the article itself."""

    title: str | None = None
    date: str | None = None  # ISO 8601, day precision
    publisher: str | None = None
    agency: str | None = None
    dateline: str | None = None
    dateline_region: str | None = None  # "Russia" of "KHASAVYURT, Russia": read by the rules, not emitted
    reporters: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["reporters"] = list(self.reporters)
        data["editors"] = list(self.editors)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ArticleMeta":
        return cls(
            title=data.get("title"),
            date=data.get("date"),
            publisher=data.get("publisher"),
            agency=data.get("agency"),
            dateline=data.get("dateline"),
            dateline_region=data.get("dateline_region"),
            reporters=tuple(data.get("reporters") or ()),
            editors=tuple(data.get("editors") or ()),
            url=data.get("url"),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its story text (headline first) and its metadata.

    ``id`` is unique within a build: the file's base name, or ``name.jsonl#N``
    for line N of a JSON-lines file.  ``file`` is the base name of the source
    file.  ``body_start`` is the offset in ``text`` where the body begins (the
    headline, if any, comes before it).
    """

    id: str
    file: str
    source: str
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    body_start: int = 0


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not read, with the reason (for the build summary)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, country or place named in one article.

    ``key`` is the article-independent identity key (see ``identity.entity_key``).
    """

    key: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    iso: str | None = None
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Role:
    """A person holds a post in an organisation (or a country's government)."""

    person: str  # entity key of the person
    role: str  # role label as the article words it, normalised ("Foreign Minister")
    role_id: str  # concept id in the role vocabulary ("foreign-minister")
    org: str  # entity key of the organisation or country
    evidence: Evidence
    current: bool = True


@dataclass(frozen=True, slots=True)
class Statement:
    """Something a named speaker said, directly quoted or reported."""

    speaker: str  # entity key of the speaker
    quote: str  # verbatim text of what was said
    evidence: Evidence  # span of the quote in the article text
    direct: bool
    verb: str | None = None  # lemma of the reporting verb ("say", "according to")
    topics: tuple[str, ...] = ()  # topic slugs, best first
    topic_evidence: tuple[str, ...] = ()  # "topic: cue, cue" per topic
    countries: tuple[str, ...] = ()  # ISO alpha-2 codes
    sentence: Evidence | None = None  # the sentence(s) holding the statement


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    roles: tuple[Role, ...] = ()
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleQuads:
    """One article's extraction as the N-Quads a build writes, made where it was extracted
    (in a worker process, so the build's own process only loads them), with the counts
    that the build's summary needs."""

    article_id: str
    nquads: bytes  # UTF-8 N-Quads lines of the article's named graph, without repeats
    quads: int  # lines in nquads
    entity_types: tuple[str, ...] = ()  # the type of each entity
    roles: int = 0  # current roles
    statements: int = 0
