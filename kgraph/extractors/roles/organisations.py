"""Whose post: the organisation a title names, or the country the text supports for a bare
government title (the same person's post elsewhere, a possessive, an introduced post, the
story's home country), never the nearest or most named country."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Span

from .vocabulary import GOVERNMENT, POSSESSIVE, REGIONAL, _words
from .phrases import _Found, _Mentions, _Title
from .home import country_entity, cue_country, organisation_entity, us_state_forms
from .politics import campaign_org, is_legislator, legislator_org, party_org


def _explicit_org(found: _Found, mentions: _Mentions) -> str | None:
    title = found.title
    if title is None:
        return found.org
    orgs = [(key_, rank) for key_, rank in title.orgs if mentions.known(key_) and key_ != found.person.label_]
    if not orgs:
        return None
    if found.concept.scope == REGIONAL:
        places = [o for o in orgs if mentions.type(o[0]) == "Place"]
        orgs = places or orgs
    else:
        non_places = [o for o in orgs if mentions.type(o[0]) != "Place"]
        orgs = non_places or orgs
    return max(orgs, key=lambda o: o[1])[0]


def _home_country(doc: Doc, mentions: _Mentions) -> str | None:
    """The country a story is filed from and mostly about.

    With a dateline the gazetteer knows (a capital, or a town with its country or US state):
    the dateline's country, when the story also names it most or names no country at all.
    With none (or a town it does not know): the one country whose own institutions
    and places the story names (``home.cue_country``), unless another country is named
    more often than it.  A bare government title ("Prime Minister X said") in such a story
    is that country's post; a story filed from one country about another gives none.
    """
    from ...gazetteer import lookup

    article = doc._.article
    meta = article.meta if article is not None else None
    dateline = meta.dateline if meta is not None else None
    found = lookup(dateline) if dateline else None
    if found is None and meta is not None and meta.dateline_region:  # "KHASAVYURT, Russia"
        found = lookup(meta.dateline_region)
        if found is not None and found[1] not in ("name", "alias"):
            found = None  # a country's own name only, not a demonym or a capital
        if found is None and _us_state(meta.dateline_region):
            found = lookup("United States")  # "CHARLOTTE, N.C. (AP)": a US state's town
    counts = _country_counts(mentions)
    dominant = _dominant_country(doc, mentions)
    if found is None:
        iso = cue_country(doc, mentions.entities)
        if iso is None:
            return None
        home = country_entity(iso, mentions.entities)
        if counts and max(counts.values()) > counts.get(home.key, 0) + 1:
            return None  # a story about another country that mentions Washington's institutions
        return mentions.imply(home)
    if dominant is None and not counts:
        return mentions.imply(country_entity(found[0].iso, mentions.entities))  # filed from a capital, naming no country
    if dominant is None or mentions.type(dominant) != "Country":
        return None
    iso = found[0].iso
    entity = mentions.entities.get(dominant)
    return dominant if entity is not None and entity.iso == iso else None


def _us_state(region: str) -> bool:
    """A dateline's region that is a US state in any of its forms ("N.C.", "Ohio", "Calif.")."""
    folded = region.strip().rstrip(".").casefold()
    return any(form.rstrip(".").casefold() == folded for form in us_state_forms())


def _country_counts(mentions: _Mentions) -> Counter[str]:
    counts: Counter[str] = Counter()
    for i in sorted(mentions.at):
        span = mentions.at[i]
        if span.start == i and mentions.type(span.label_) == "Country" and span.label_ in mentions.entities:
            counts[span.label_] += 1
    return counts


def _dominant_country(doc: Doc, mentions: _Mentions) -> str | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i in sorted(mentions.at):
        span = mentions.at[i]
        if span.start == i and mentions.type(span.label_) == "Country" and span.label_ in mentions.entities:
            counts[span.label_] += 1
            first.setdefault(span.label_, i)
    if not counts:
        return None
    return min(counts, key=lambda k: (-counts[k], first[k]))


def _affiliations(doc: Doc, mentions: _Mentions, *, kind: str = "Country") -> dict[str, str]:
    """Person key -> country from "Kenya's Ruto" (a possessive country right before a name),
    or with ``kind="Organization"`` -> organisation from "the Agriculture Department's Drazek"."""
    out: dict[str, str] = {}
    for i in sorted(mentions.at):
        span = mentions.at[i]
        if span.start != i or mentions.type(span.label_) != kind or span.end + 1 >= len(doc):
            continue
        if doc[span.end].text in POSSESSIVE:
            person = mentions.person_at(span.end + 1)
            if person is not None:
                out.setdefault(person.label_, span.label_)
    return out


def _implied_org(doc: Doc, found: _Found, mentions: _Mentions, *, claimed: set[int], context: dict[str, Any]) -> str | None:
    """The organisation a title implies when it names none (never a place it is sent to)."""
    title = found.title
    if title is None or title.blocked or title.served:
        return None  # a post serving a person is not the country's
    own = {mentions.at[i].label_ for i in title.claimed}  # "envoy to Greenland": not Greenland's
    sent, anchor = found.sent, min(title.start, found.person.start)

    def preceding(*types: str) -> str | None:
        """The nearest mention before the title in its sentence that no stated role uses."""
        for j in range(anchor - 1, sent.start - 1, -1):
            if "\n" in doc[j].text:
                break  # a headline sharing the sentence is another context
            span = mentions.get(j, *types)
            if span is not None and j not in claimed and mentions.known(span.label_) and span.label_ not in own:
                return span.label_
        return None

    def countries_before() -> Iterator[tuple[str, int]]:
        for j in range(anchor - 1, sent.start - 1, -1):
            if "\n" in doc[j].text:
                break
            span = mentions.get(j, "Country")
            if span is not None and mentions.known(span.label_):
                yield span.label_, j

    if found.concept.scope == REGIONAL:
        bank = preceding("Organization")  # "the Reserve Bank ... with Governor X"
        words = set(mentions.entities[bank].name.lower().split()) if bank else set()
        return bank if words & _words("governed_org_words") else None
    if found.concept.scope != GOVERNMENT:
        return None
    for candidate in (
        context["explicit"].get(found.person.label_),  # the same person's post elsewhere
        context["affiliations"].get(found.person.label_),  # "Kenya's Ruto"
        _introduced_country(found, context["introduced"]),  # "a German attache" ... "attache X"
    ):
        if candidate and candidate not in own:
            return str(candidate)
    # "WARSAW - Poland ..., Prime Minister X said": the story's home country, unless the
    # nearest country named before the title in its sentence is another ("... the U.S. levy
    # imposed by President X"); in what the person is reported to say only its subject
    # counts ("Poland shot down drones during a Russian attack, X said": Poland)
    home = context["home"]
    said = _said_by(found.person)
    nearest = next((key_ for key_, j in countries_before() if not any(j in clause for clause, _ in said)), None)
    subjects = {key_ for key_, j in countries_before() if any(j in subject for _, subject in said)}
    if found.label.lower() in _words("home_unplaced_labels"):
        return None  # "Secretary Clinton": a courtesy title, often of a past post
    premodifiers = {t.lower_ for t in doc[title.start : title.words.start]}
    if found.concept.id in _words("staff_posts") and _campaign_story(doc) and not premodifiers & _words("government_qualifiers"):
        return None  # "spokeswoman X" in a campaign story: a campaign's as likely as the government's ("government spokesman X" stays)
    if home and home not in own and nearest in (None, home) and (not subjects or home in subjects):
        found.from_home = True
        return str(home)
    return None


def _introduced_country(found: _Found, introduced: dict[str, tuple[str, int]]) -> str | None:
    entry = introduced.get(found.concept.id)
    if entry is None or found.title is None or entry[1] >= found.title.words.start:
        return None
    return entry[0]


def _said_by(person: Span) -> list[tuple[range, set[int]]]:
    """Clauses a person is the subject of saying ("Poland shot ..., X said"): their token
    range and the tokens of their subject."""
    root = person.root
    if root.dep_ != "nsubj":
        return []
    out = []
    for clause in (c for c in root.head.children if c.dep_ in ("ccomp", "parataxis")):
        subjects = {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        out.append((range(clause.left_edge.i, clause.right_edge.i + 1), subjects))
    return out


def _introduced(doc: Doc, titles: list[_Title], found: list[_Found], mentions: _Mentions) -> dict[str, tuple[str, int]]:
    """Concept id -> (country, token) of a post introduced without a name ("a German cultural
    attache" ... "attache Jens Gust"), where the story introduces that post for one country only."""
    held = {id(f.title) for f in found}
    countries: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for title in titles:
        if id(title) in held or title.concept.scope != GOVERNMENT or not title.current or doc[title.start].lower_ not in ("a", "an"):
            continue
        named = {key_ for key_, _ in title.orgs if mentions.known(key_) and mentions.type(key_) == "Country"}
        if named:
            countries.setdefault(title.concept.id, set()).update(named)
            first.setdefault(title.concept.id, title.words.start)
    return {cid: (next(iter(keys)), first[cid]) for cid, keys in countries.items() if len(keys) == 1}


def _resolve(doc: Doc, found: list[_Found], mentions: _Mentions, *, introduced: dict[str, tuple[str, int]] | None = None) -> None:
    claimed: set[int] = set()  # mentions that name the organisation of a stated role
    for f in found:
        if f.title is not None:
            claimed |= f.title.claimed
    for f in found:
        f.org = _explicit_org(f, mentions)
        campaign = campaign_org(doc, f, mentions)
        if campaign is not None:
            f.org = campaign
        elif is_legislator(f):
            org = legislator_org(doc, f, mentions)
            if org is not None:
                f.org = org or None
    explicit: dict[str, str] = {}
    for f in found:
        if f.org and f.concept.scope == GOVERNMENT and mentions.type(f.org) == "Country":
            explicit.setdefault(f.person.label_, f.org)
    home = _home_country(doc, mentions)
    context = {
        "explicit": explicit,
        "affiliations": _affiliations(doc, mentions),
        "home": home,
        "introduced": introduced or {},
    }
    # posts serving another person ("Trump's envoy") take that person's government
    for f in found:
        if f.org is None and f.title is not None:
            f.org = party_org(doc, f, mentions, home)
        if f.org is None and f.title is not None and f.title.principal is None:
            f.org = _implied_org(doc, f, mentions, claimed=claimed, context=context)
    by_person: dict[str, str] = {}
    for f in found:
        if f.org and mentions.type(f.org) in ("Country", "Organization") and f.concept.scope == GOVERNMENT and f.current:
            by_person.setdefault(f.person.label_, f.org)  # not the past post of "a former aide to ex-Secretary X"
    candidates = {f.person.label_ for f in found if f.concept.id == "candidate" and f.current}
    for f in found:
        if f.org is None and f.title is not None and f.title.principal is not None:
            principal = f.title.principal
            if principal.label_ in candidates and f.concept.id != "candidate":
                f.org = mentions.imply(organisation_entity(f"{principal[-1].text} campaign", mentions.entities))  # "Clinton spokesman X"
            elif f.concept.scope == GOVERNMENT or f.concept.id in _words("staff_posts"):
                f.org = by_person.get(principal.label_)
            if f.org is None and f.concept.id in _words("staff_posts") and principal.label_ not in by_person and _campaign_story(doc):
                f.org = mentions.imply(organisation_entity(f"{principal[-1].text} campaign", mentions.entities))  # in a campaign story
    for f in found:
        if f.org is None and f.title is not None and f.title.served and _campaign_story(doc):
            f.org = mentions.imply(organisation_entity(f"{f.title.served} campaign", mentions.entities))
    # "the Agriculture Department's Drazek": the body a person is credited to elsewhere
    bodies = _affiliations(doc, mentions, kind="Organization")
    for f in found:
        if f.org is None and f.title is not None and not f.title.blocked and f.concept.scope != REGIONAL:
            f.org = bodies.get(f.person.label_)
    _one_holder(found)


def _campaign_story(doc: Doc) -> bool:
    """A story about an election campaign: it speaks of "the campaign" at least twice."""
    return sum(1 for token in doc if token.lower_ in ("campaign", "campaigns")) >= 2


def _one_holder(found: list[_Found]) -> None:
    """A country has one president (prime minister, ...) at a time: when the home country
    would get two holders of such a post, keep the one the story titles most, or none."""
    groups: dict[tuple[str, str | None], Counter[str]] = {}
    for f in found:
        if f.from_home and f.current and f.concept.id in _words("single_holder_posts"):
            groups.setdefault((f.concept.id, f.org), Counter())[f.person.label_] += 1
    for (concept, org), counts in groups.items():
        if len(counts) < 2:
            continue
        (first, n), (_, m) = counts.most_common(2)
        for f in found:
            if f.from_home and f.concept.id == concept and f.org == org and (n == m or f.person.label_ != first):
                f.org = None
