"""kgraph_roles: who holds which post in which organisation, as the story states it.

The package is split by what each part decides: ``vocabulary`` (role words and word
lists), ``phrases`` (a title and the words around it), ``holders`` (which person a title
describes), ``organisations`` (whose post it is), ``home`` (the country a story is set in,
from its dateline or its own institutions and places, and organisations a post implies
without naming them) and ``politics`` (legislators, party and campaign posts).

Role words come from the SKOS vocabulary ``ontology/roles.ttl`` (every ``skos:altLabel``
is a surface form); the rules' word lists and dependency patterns from
``patterns/roles.json``.  A role word becomes a :class:`~kgraph.records.Role` when one
of these constructions ties it to a person mention:

- title before the name: "WTO chief Paulo Mendes", "Oman's Prime Minister and Foreign
  Minister Sayyid X", "French envoys A and B", "the head of the WFP, Maria Lind";
- appositive after the name: "Ivan Petrov, Russia's energy minister, said";
- copula or "as": "Lind is the head of the WFP", "X, who is also a member of ...",
  "the president named X as special envoy";
- a verb of holding a post: "Karl Berg, who heads the Bundesbank", "who heads the OSCE
  Chechnya mission" (the organisation modifying the unit);
- stacked and bracketed titles: "the party's nominee Gov. X", "(Air Gabon chairman) X",
  "its leader, Moldovan President X";
- counterparts: "his German counterpart X" holds the possessor's post in Germany.

The organisation is the entity the title names (its premodifier, "of"/"at" phrase or
an anaphor such as "the group's").  A government post with no organisation named takes
a country only from what the text supports, never from proximity: the same person's
post stated elsewhere ("Kenyan President X" ... "President X"), a possessive before the
name ("Kenya's Ruto"), the appointer ("the Chilean government appointed X as ..."), or
the story's home country (its dateline's, when that is also the country it names most;
without a usable dateline, the one country whose institutions, places and parties the
story names, "the White House", "Sen. X (R-Ohio)", "Republican nominee"; and no other
country is named first in the title's sentence).  A legislator serves the country, not the
state they represent; "Republican nominee X" is the Republican Party's in a story set in
the US; "Dole campaign manager X" and "Clinton spokesman X" serve "<candidate> campaign".
Such implied organisations join the article's entities when a role uses them.  Otherwise the role is
left out: a U.S. president quoted in a story about Russia is not Russia's president.
An organisation post with no organisation gives nothing, and so does a title naming
something that is not an entity ("the head of the queue").  Former, ex-, late, -elect
and would-be posts get ``current=False``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ...nlp import doc_text, register_extensions
from ...records import Evidence, Role
from .vocabulary import GOVERNMENT, RoleConcept, RoleMatcher, _default_matcher, _rules, _words, role_concepts
from .phrases import _Found, _Mentions, _read_titles
from .holders import _attach, _counterparts, _verb_roles
from .organisations import _introduced, _resolve

__all__ = ["RoleConcept", "RoleExtractor", "RoleMatcher", "find_roles", "make_role_extractor", "role_concepts", "_rules"]


def _dedupe(found: Iterable[_Found]) -> list[_Found]:
    """One role per (person, post, organisation): the first label the article uses."""
    kept: list[_Found] = []
    for f in found:
        same = None
        for k in kept:
            if k.person.label_ != f.person.label_ or k.org != f.org:
                continue
            related = k.concept.id == f.concept.id or k.concept.id in f.concept.broader or f.concept.id in k.concept.broader
            if related or (k.concept.scope != GOVERNMENT and f.concept.scope != GOVERNMENT):
                same = k
                break
        if same is None:
            kept.append(f)
        elif f.current and not same.current:
            same.current = True
    return kept


def find_roles(doc: Doc, matcher: RoleMatcher | None = None) -> Iterator[Role]:
    """Roles stated in ``doc`` (needs ``doc._.entities`` and ``doc.spans["kg_mentions"]``)."""
    register_extensions()
    matcher = matcher or _default_matcher(doc.vocab)
    mentions = _Mentions(doc)
    titles = _read_titles(doc, matcher, mentions)
    found = list(_attach(doc, titles, mentions)) + list(_verb_roles(doc, matcher, mentions))
    found.sort(key=lambda f: (f.title.words.start if f.title else f.person.start))
    found += list(_counterparts(doc, found, mentions))
    _resolve(doc, found, mentions, introduced=_introduced(doc, titles, found, mentions))
    article = doc._.article
    article_id = article.id if article is not None else ""
    kept = _dedupe(x for x in found if x.org and mentions.known(x.org) and not _describes(x, mentions) and not _run_together_name(x.org, mentions))
    used = {f.org for f in kept}
    implied = {k: e for k, e in mentions.implied.items() if k in used}
    if implied:  # organisations a post implies join the article's entities
        doc._.entities = {**(doc._.entities or {}), **implied}
    for f in kept:
        yield Role(
            person=f.person.label_,
            role=f.label,
            role_id=f.concept.id,
            org=str(f.org),
            evidence=_evidence(doc, f, article_id),
            current=f.current,
        )


def _run_together_name(key: str, mentions: _Mentions) -> bool:
    """An organisation whose name is two names run together ("Politico, Democratic")."""
    name = mentions.name(key)
    return "," in name or ";" in name


def _describes(found: _Found, mentions: _Mentions) -> bool:
    """"the U.S. black leader", "Burma's democracy leader": a description of a person's
    standing in a country, not a post in its government (a bare "Libyan leader" is one)."""
    if found.concept.id not in _words("country_posts_unqualified") or found.org is None or mentions.type(found.org) != "Country":
        return False
    return found.label.lower() not in {form.lower() for form in found.concept.forms}


def _evidence(doc: Doc, found: _Found, article_id: str) -> Evidence:
    """The sentence stating the role, cut to its line (a headline can share the first sentence)."""
    anchor = found.title.words.start_char if found.title is not None else found.person.start_char
    text = doc_text(doc)
    start = max(found.sent.start_char, text.rfind("\n", 0, anchor) + 1)
    end = text.find("\n", anchor)
    end = found.sent.end_char if end == -1 else min(end, found.sent.end_char)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(article_id, start, end, text[start:end])


class RoleExtractor:
    """spaCy component: sets ``doc._.roles``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        self.matcher = RoleMatcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        self.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc) -> list[Role]:
        return list(find_roles(doc, self.matcher))

    def set_annotations(self, doc: Doc, roles: list[Role]) -> None:
        doc._.roles = roles


@Language.factory("kgraph_roles", assigns=["doc._.roles"], default_config={})
def make_role_extractor(nlp: Language, name: str) -> RoleExtractor:
    return RoleExtractor(nlp, name)
