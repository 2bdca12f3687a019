"""The role vocabulary (``ontology/roles.ttl``), the rules' word lists (``patterns/roles.json``)
and the matcher that finds role words in a Doc."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.matcher import DependencyMatcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ...errors import KgraphError
from ...patterns import read_json, read_lines


GOVERNMENT, ORGANISATION, REGIONAL = "government", "organisation", "regional"


_SCOPES = {"government-posts": GOVERNMENT, "organisation-posts": ORGANISATION, "regional-posts": REGIONAL}


DETERMINERS = {"the", "a", "an"}


POSSESSIVE = {"'s", "’s", "'", "’"}


MAX_PREMODIFIER = 8  # tokens scanned left of a role word


ORG_TYPES = ("Organization", "Country", "Place")


NAME_ENTS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}  # spaCy names never qualify a role word


@dataclass(frozen=True, slots=True)
class RoleConcept:
    """One post of the role vocabulary."""

    id: str  # local name in the ROLE namespace ("foreign-minister")
    label: str  # skos:prefLabel
    scope: str  # government | organisation | regional
    forms: tuple[str, ...]  # every surface form (prefLabel and altLabels)
    broader: frozenset[str] = frozenset()  # ids of broader concepts, transitively


@cache
def role_concepts() -> dict[str, RoleConcept]:
    """The concepts of ``ontology/roles.ttl`` by id (parsed once)."""
    from rdflib.namespace import ORG, RDF, SKOS

    from ...namespaces import ROLE
    from ...vocabulary import load_ontology

    graph = load_ontology("roles.ttl")
    local = {iri: str(iri)[len(str(ROLE)) :] for iri in graph.subjects(RDF.type, ORG.Role)}
    scope = {}
    for collection, name in _SCOPES.items():
        for member in graph.objects(ROLE[collection], SKOS.member):
            scope[member] = name
    concepts = {}
    for iri, cid in local.items():
        if iri not in scope:
            raise KgraphError(f"ontology/roles.ttl: role:{cid} is in no collection; add it to one of {', '.join(_SCOPES)}")
        forms = [str(x) for x in graph.objects(iri, SKOS.prefLabel)] + [str(x) for x in graph.objects(iri, SKOS.altLabel)]
        broader = frozenset(local[b] for b in graph.transitive_objects(iri, SKOS.broader) if b != iri and b in local)
        concepts[cid] = RoleConcept(cid, str(graph.value(iri, SKOS.prefLabel)), scope[iri], tuple(dict.fromkeys(forms)), broader)
    return concepts


@cache
def _rules() -> dict[str, Any]:
    return dict(read_json("roles.json"))


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(_rules()[name])


@cache
def _honorifics() -> tuple[tuple[str, ...], ...]:
    """Ranks and honorifics that may stand between a title and the name ("Gen.", "Datuk Seri"),
    as token tuples ("Dato'" is two tokens), longest first."""
    forms = set()
    for line in (*read_lines("role_honorifics.txt"), *read_lines("honorifics.txt")):
        forms.add(tuple(line.replace("'", " '").split()))
        forms.add(tuple(" - ".join(line.split()).split()))  # "Major-General" is three tokens
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def _honorifics_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """``_honorifics()`` by first word, longest first within each."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in _honorifics():
        index.setdefault(words[0], []).append(words)
    return {first: tuple(forms) for first, forms in index.items()}


def _plural(form: str) -> str | None:
    words = form.split()
    if any(w in ("of", "for", "to", "in") for w in words) or form.isupper():
        return None
    last = words[-1]
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch")):
        last += "es"
    else:
        last += "s"
    return " ".join(words[:-1] + [last])


class RoleMatcher:
    """Phrase patterns for every role form, and the dependency patterns of roles.json."""

    def __init__(self, vocab: Vocab) -> None:
        import spacy

        tokenizer = spacy.blank("en").tokenizer
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(vocab, attr="ORTH")
        self.forms: dict[str, tuple[RoleConcept, bool]] = {}  # match key -> (concept, plural)
        for concept in role_concepts().values():
            for form in concept.forms:
                for text, plural in ((form, False), (_plural(form), True)):
                    if not text:
                        continue
                    key = f"{concept.id}|{int(plural)}|{text}"
                    self.forms[key] = (concept, plural)
                    pattern = Doc(vocab, words=[t.text for t in tokenizer(text)])
                    (self.acronyms if text.isupper() else self.phrases).add(key, [pattern])
        self.verbs = DependencyMatcher(vocab)
        for name, pattern in _rules()["dependency_patterns"].items():
            self.verbs.add(name, [pattern])

    def titles(self, doc: Doc) -> list[tuple[Span, RoleConcept, bool]]:
        """Role-word spans (longest first wins), with their concept and whether plural."""
        capitalised = _words("capitalised_only")
        found = []
        for match_id, start, end in list(self.phrases(doc)) + list(self.acronyms(doc)):
            key = doc.vocab.strings[match_id]
            concept, plural = self.forms[key]
            span = Span(doc, start, end, label=key)
            if key.rsplit("|", 1)[1].lower() in capitalised and not doc[start].is_title and not _heads_legislature(doc, end):
                continue
            found.append((span, concept, plural))
        found.sort(key=lambda x: (-(x[0].end - x[0].start), x[0].start))
        taken: set[int] = set()
        kept = []
        for span, concept, plural in found:
            if taken.isdisjoint(range(span.start, span.end)):
                taken.update(range(span.start, span.end))
                kept.append((span, concept, plural))
        return sorted(kept, key=lambda x: x[0].start)


def _heads_legislature(doc: Doc, end: int) -> bool:
    """"speaker of the Belarus parliament": a lower-case title followed by "of" and a legislature."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return False
    for token in doc[end + 1 : min(end + 6, len(doc))]:
        if token.lower_ in _words("legislature_nouns"):
            return True
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP"):
            break
    return False


@cache
def _default_matcher(vocab: Vocab) -> RoleMatcher:
    return RoleMatcher(vocab)


def _is_status(token: Token, words: str) -> bool:
    return token.lower_ in _words(words)


@cache
def _title_words() -> frozenset[str]:
    """Every word of a role form, honorific, title modifier or portfolio ("U.S. | Agriculture Secretary")."""
    words = {w.lower() for concept in role_concepts().values() for form in concept.forms for w in form.split()}
    words.update(w.lower() for honorific in _honorifics() for w in honorific)
    return frozenset(words | _words("portfolios") | _words("title_modifiers") | _words("deputy_qualifiers"))


@cache
def _role_nouns() -> frozenset[str]:
    """Last words of the role forms ("diplomat", "minister"): nouns that stand for a person."""
    return frozenset(form.split()[-1].lower() for concept in role_concepts().values() for form in concept.forms)
