"""Constructions that tie a title to the person holding it: title before the name, appositive,
copula and "as", verbs of holding a post, stacked and coordinated titles, counterparts."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ...nlp import doc_text

from .vocabulary import GOVERNMENT, ORG_TYPES, POSSESSIVE, RoleMatcher, _honorifics_by_first, _role_nouns, _rules, _words, role_concepts
from .phrases import _Found, _Mentions, _Title, _np_end


def _person_from(doc: Doc, k: int, mentions: _Mentions) -> Span | None:
    """A person mention starting at token k, possibly after ranks and honorifics."""
    for _ in range(3):
        person = mentions.person_at(k)
        if person is not None:
            return person
        forms = _honorifics_by_first().get(doc[k].text, ()) if k < len(doc) else ()
        words = next((w for w in forms if tuple(t.text for t in doc[k : k + len(w)]) == w), None)
        if words is None:
            return None
        k += len(words)
    return None


def _following_people(
    doc: Doc, title: _Title, mentions: _Mentions, *, comma: bool, title_ends: dict[int, int] | None = None
) -> list[Span]:
    """People right after the title: "NATO chief Mark Rutte", "the head of X, Y",
    "(Air Gabon chairman) Jean Blanc", "its leader, Bosnian President X"."""
    k = title.end
    if comma:
        if k >= len(doc) or doc[k].text != "," or not title.definite:
            return []
        k += 1
    elif k < len(doc) and doc[k].text == ")" and title.start > 0 and doc[title.start - 1].text == "(":
        k += 1  # a title the writer put in brackets before the name
    person = _person_from(doc, k, mentions)
    if person is None and comma and title_ends and k in title_ends:
        person = _person_from(doc, title_ends[k], mentions)  # a second title opens the appositive
    if person is None or _modifies_noun(doc, person):
        return []
    people = [person]
    while title.plural:
        k = person.end
        if k < len(doc) and doc[k].text == ",":
            k += 1
            # "Senators X, Republican of Iowa, and Y": a short description between the names
            after = next((j for j in range(k, min(k + 6, len(doc))) if doc[j].text == ","), None)
            if _person_from(doc, k, mentions) is None and after is not None and not any(mentions.get(j, "Person") for j in range(k, after)):
                k = after + 1
        if k < len(doc) and doc[k].lower_ == "and":
            k += 1
        person = _person_from(doc, k, mentions)
        if person is None:
            break
        people.append(person)
    return people


def _modifies_noun(doc: Doc, person: Span) -> bool:
    """"for the Hale campaign", "of the Obama administration": the name modifies a noun."""
    return person.end < len(doc) and doc[person.end].is_lower and doc[person.end].pos_ == "NOUN" and doc[person.end - 1].dep_ == "compound"


def _appositive_person(doc: Doc, title: _Title, mentions: _Mentions, previous: dict[int, Span]) -> Span | None:
    """"X, Russia's foreign minister, said"; chained: "X, the A of Y and the former B"."""
    k = title.start - 1
    while k > title.words.sent.start and doc[k].lower_ in _words("copula_adverbs"):
        k -= 1
    if k < 1:
        return None
    if doc[k].lower_ == "and" and k in previous:
        return previous[k]
    if doc[k].lower_ == "and":
        k = _coordinated_noun_start(doc, k)  # "X, founder and chief executive of Y"
    if doc[k].text != ",":
        return None
    for token in doc[title.end : title.words.sent.end]:  # the appositive runs to a comma
        if token.is_punct or token.is_space or token.lower_ in ("and", "who"):
            break
        if token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return None
    return mentions.person_ending(k - 1)


def _coordinated_noun_start(doc: Doc, k: int) -> int:
    """Token k is "and" after a short lower-case noun phrase that opens an appositive
    ("X, founder and chief executive of Y", "X, the co-founder and president of Y"): the
    comma before that phrase, else k unchanged."""
    j, nouns = k - 1, 0
    while j > 0 and k - j <= 4:
        token = doc[j]
        if token.text == ",":
            return j if nouns else k
        if token.lower_ in ("the", "a", "an") and doc[j - 1].text == ",":
            return j - 1 if nouns else k
        if token.text == "-" or (token.is_lower and (token.pos_ == "NOUN" or (token.pos_ == "ADJ" and nouns))):
            nouns += token.pos_ == "NOUN"
            j -= 1
            continue
        return k
    return k


def _copula_person(doc: Doc, title: _Title, mentions: _Mentions) -> tuple[Span | None, bool]:
    """"X is the president of Y", "X, who is also a member of Y", "named X as envoy"."""
    k = title.start - 1
    while k > title.words.sent.start and doc[k].lower_ in _words("copula_adverbs"):
        k -= 1
    if k < 1:
        return None, True
    token = doc[k]
    appointed = doc[title.start].tag_ == "VBN" and doc[title.start].lemma_ in _words("appointment_verbs")
    if token.lower_ == "as":
        verb = token.head
        person = mentions.person_ending(k - 1)
        active = not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if person is None and (verb.lemma_ in _words("service_verbs") or (verb.lemma_ in _words("appointment_verbs") and not active)):
            person = _subject_person(verb, mentions)  # "X served as envoy", "X was named as envoy",
            # not "X appointed him as envoy": the subject appointed someone else
        elif person is not None and verb.lemma_ in _words("appointment_verbs"):
            _read_appointer(verb, title, person, mentions)
        served = verb.lemma_ in _words("service_verbs") and verb.tag_ == "VBD"
        return person, not served  # "named X as envoy" is current, "X served as envoy" is not
    if token.lemma_ != "be":
        return None, True
    clause = [token, token.head] if token.dep_ in ("aux", "auxpass") else [token]
    if any(c.dep_ == "mark" and c.lower_ in _words("hypothetical_marks") for t in clause for c in t.children):
        return None, True  # "if X is elected president": no post held
    modal = any(c.tag_ == "MD" for t in clause for c in t.children)  # "X will be president"
    current = (token.tag_ != "VBD" or appointed) and not modal  # "was elected president" is current
    person = mentions.person_ending(k - 1)
    if person is None and doc[k - 1].lower_ == "who" and k >= 3 and doc[k - 2].text == ",":
        person = mentions.person_ending(k - 3)
    if person is None and doc[k - 1].text == ",":
        person = _opening_subject(doc, k, mentions)  # "X, a former aide to Y, is a fellow at Z": X, not Y
    if person is None:
        person = _subject_person(token, mentions)
    return person, current


def _opening_subject(doc: Doc, k: int, mentions: _Mentions) -> Span | None:
    """"X, <appositive>, is ...": the person who opens the sentence, set off by a comma, whose
    appositive runs to the comma before the copula at ``k``."""
    u = k - 1  # the start of the sentence by its punctuation (the parser may split it at a bracket)
    while u > 0 and k - u < 60 and doc[u - 1].text not in (".", "!", "?") and "\n" not in doc[u - 1].whitespace_ + doc[u - 1].text:
        u -= 1
    first = mentions.person_at(u)
    if first is None or first.end >= k - 1 or doc[first.end].text != ",":
        return None
    return first


def _read_appointer(verb: Token, title: _Title, person: Span, mentions: _Mentions) -> None:
    """"The Chilean government appointed X as minister": the post is in the appointer's
    government; "President Y named X as envoy": it serves Y."""
    if title.orgs or title.principal is not None:
        return
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        spans = [mentions.get(t.i) for t in subject.subtree]
        found = list(dict.fromkeys(s for s in spans if s is not None and s.label_ != person.label_))
        people = [s for s in found if mentions.type(s.label_) == "Person"]
        body = "Country" if title.concept.scope == GOVERNMENT else "Organization"  # not "the White House"
        bodies = [s for s in found if mentions.type(s.label_) == body]
        if people:
            title.principal = people[-1]
        elif bodies:
            title.orgs.append((bodies[-1].label_, 0))
            title.claimed.update(range(bodies[-1].start, bodies[-1].end))


def _subject_person(verb: Token, mentions: _Mentions) -> Span | None:
    """The person a verb's subject stands for (through "who" and coordinated verbs)."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            break
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    else:
        return None
    subject = subjects[0]
    who = subject.lower_ == "who"
    if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    for _ in range(2):
        span = mentions.get(subject.i, "Person")
        if span is not None:
            return span
        if subject.dep_ != "appos" or not (who or subject.lower_ in _role_nouns()):
            break  # "Ora Media, the company that owns ...": a company is no person
        subject = subject.head
    return None


def _verb_roles(doc: Doc, matcher: RoleMatcher, mentions: _Mentions) -> Iterator[_Found]:
    """"Berg, who heads the Bundesbank", "Lind leads the WFP"."""
    verbs = _rules()["verbs"]
    concepts = role_concepts()
    for _, (verb_i, _subject_i, object_i) in matcher.verbs(doc):
        verb, obj = doc[verb_i], doc[object_i]
        spec = verbs.get(verb.lemma_)
        org = mentions.get(obj.i, *ORG_TYPES)
        if org is None:  # "heads the OSCE Chechnya mission": the organisation's unit
            units = (mentions.get(t.i, "Organization") for t in obj.subtree if t.i < obj.i and t.dep_ == "compound")
            org = next((s for s in units if s is not None), None)
        person = _subject_person(verb, mentions)
        if spec is None or org is None or person is None:
            continue
        concept = concepts[spec["role_id"]]
        yield _Found(person, None, concept, spec["label"], True, verb.sent, org.label_)


def _attach(doc: Doc, titles: list[_Title], mentions: _Mentions) -> Iterator[_Found]:
    """Tie each title to the person(s) it describes."""
    appositive_ends: dict[int, Span] = {}
    attached: dict[int, list[Span]] = {}
    title_ends = {t.start: t.end for t in titles}
    for n, title in enumerate(titles):
        if title.end < len(doc) and doc[title.end].text in POSSESSIVE:
            attached[n] = []  # "X, the nominee's daughter": the title is the possessor's
            continue
        people = _following_people(doc, title, mentions, comma=False)
        if people and _hypothetical(doc, title):
            attached[n] = []
            continue
        if people:
            _org_after_name(doc, title, people[-1], mentions)
        current = title.current
        if not people:
            person = _appositive_person(doc, title, mentions, appositive_ends)
            if person is not None:
                people = [person]
                appositive_ends[title.end] = person
        if not people:
            person, tense_current = _copula_person(doc, title, mentions)
            if person is not None:
                people, current = [person], current and tense_current
                appositive_ends[title.end] = person
        if not people:
            people = _following_people(doc, title, mentions, comma=True, title_ends=title_ends)
        if title.plural and len(people) < 2:
            people = []  # "Black Senators Rip X", "work as advisers to X": a plural title is no one person's post
        attached[n] = people
        title.current = current
    # "Prime Minister and Foreign Minister X": the first title shares the second's person
    for n in range(len(titles) - 2, -1, -1):
        first, second = titles[n], titles[n + 1]
        if not attached[n] and first.end < len(doc) and doc[first.end].lower_ == "and" and second.start == first.end + 1:
            attached[n] = attached[n + 1]
            if not second.orgs and not second.principal:
                second.orgs, second.blocked = list(first.orgs), first.blocked
        elif not attached[n] and second.start == first.end and second.words.start == first.end:
            attached[n] = attached[n + 1]  # stacked: "the party's nominee Gov. X"
    for n, title in enumerate(titles):
        for person in attached[n]:
            yield _Found(person, title, title.concept, title.label, title.current, title.words.sent)


def _hypothetical(doc: Doc, title: _Title) -> bool:
    """"a President Hale would ...": an indefinite article before a capitalised title and a name."""
    return doc[title.start].lower_ in ("a", "an") and title.start + 1 == title.words.start and doc[title.words.start].is_title


def _counterparts(doc: Doc, found: list[_Found], mentions: _Mentions) -> Iterator[_Found]:
    """"Israeli Foreign Minister X ... with his German counterpart Y": Y holds X's post in Germany."""
    if "counterpart" not in doc_text(doc).lower():
        return  # no need to walk the tokens
    posts: dict[str, list[_Found]] = {}
    for f in found:
        if f.title is not None and f.concept.scope == GOVERNMENT and f.current:
            posts.setdefault(f.person.label_, []).append(f)
    for token in doc:
        if token.lower_ not in ("counterpart", "counterparts"):
            continue
        k = token.i + 1
        person = _person_from(doc, k, mentions) or (_person_from(doc, k + 1, mentions) if k < len(doc) and doc[k].text == "," else None)
        if person is None:
            continue
        countries, start = [], token.i
        for j in range(token.i - 1, max(token.sent.start, token.i - 5) - 1, -1):
            span = mentions.get(j)
            if span is not None and mentions.type(span.label_) == "Country":
                countries.append(span.label_)
                start = j
            elif doc[j].lower_ in _words("possessive_pronouns"):
                start = j
                break
            elif span is not None or doc[j].pos_ not in ("ADJ", "NOUN", "PROPN"):
                break
        if len(set(countries)) != 1:
            continue  # "his southern counterpart": whose government is not said
        possessor = next(
            (s.label_ for s in (mentions.get(j, "Person") for j in range(start - 1, token.sent.start - 1, -1)) if s is not None and s.label_ in posts),
            None,
        )
        if possessor is None or possessor == person.label_:
            continue
        post = next((f for f in posts[possessor] if f.sent == token.sent), posts[possessor][0])
        title = _Title(doc[token.i : token.i + 1], post.concept, False, start=start, end=k, label=post.label, definite=True)
        title.orgs.append((countries[0], 2 + start))
        yield _Found(person, title, post.concept, post.label, True, token.sent)


def _org_after_name(doc: Doc, title: _Title, person: Span, mentions: _Mentions) -> None:
    """"President Ana Lima of Brazil", "Chief Executive Jo Hart of Shell": the org follows the name."""
    k = person.end
    if title.orgs or title.principal is not None or k >= len(doc) or doc[k].lower_ != "of":
        return
    end = _np_end(doc, k + 1, mentions, title.words.sent, role_words=set())
    spans = list(dict.fromkeys(s for s in (mentions.get(i, *ORG_TYPES) for i in range(k + 1, end)) if s is not None))
    if spans:
        title.orgs.append((spans[0].label_, 0))
        title.claimed.update(range(spans[0].start, spans[0].end))
