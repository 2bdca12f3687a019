"""Types agreed across mentions, short forms linked to full names, acronyms to expansions."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz
from spacy.tokens import Doc

from ... import gazetteer
from ...identity import entity_key, fold
from ...records import EntityType

from ..statements.genders import honorific_gender, noun_gender
from .words import (
    Candidate,
    POSSESSIVE,
    _ACRONYM,
    _article_title,
    _COMPANY_FORMS,
    _TYPE_RANK,
    _context_is_org,
    _doc_tokens,
    _folded,
    _is_org_name,
    _names_an_area,
    _not_entities,
    _person_nouns,
    _personal_name,
    _place_names,
    _surface,
    _tokens,
    _word_set,
)


def _acronym_of(acronym: str, name: str) -> bool:
    """"IAEA" / "International Atomic Energy Agency", "ECOWAS" / "Economic Community of West African States"."""
    letters = fold(acronym).replace(" ", "")
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    capital = "".join(w[0] for w in words if w[0].isupper()).casefold()
    every = "".join(w[0] for w in words).casefold()
    return len(letters) >= 2 and letters in (capital, every)


def _resolve(cands: list[Candidate], doc: Doc, acronyms: dict[str, str]) -> None:
    """Retype and link short forms to full names; sets each candidate's key."""
    # 0. Only people have family: "Brandt's son-in-law", "Kushner, Brandt's son-in-law," make
    # Brandt and Kushner people whatever the NER called them.
    kin = _kin_named(doc, cands)
    for c in cands:
        if fold(c.text) in kin and c.type in ("Organization", "Place") and " " not in c.text:
            c.type = "Person"
    # 1. Majority type per surface text (the NER is inconsistent across mentions).
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for c in cands:
        if c.type != "Country":
            votes[fold(c.text)][c.type] += 1
    for c in cands:
        if c.type != "Country":
            counts = votes[fold(c.text)]
            place = c.text in _place_names()  # a tie between a person and a known place is the place
            c.type = min(counts, key=lambda t: (-counts[t], t != "Place" if place else 0, _TYPE_RANK[t]))
    # An acronym takes the type of the name it abbreviates ("Kennedy Space Center (KSC)").
    expansions = set(acronyms.values())
    full_type = {c.text: c.type for c in cands if c.text in expansions}
    for c in cands:
        if c.text in acronyms and acronyms[c.text] in full_type and c.type != "Country":
            c.type = full_type[acronyms[c.text]]
    # "Cheng Chung-tai of Civic Passion": what a person is "of" is no person (their party, employer).
    person_ends = {c.end: c for c in cands if c.type == "Person"}
    for c in cands:
        before = person_ends.get(c.start - 1)
        if c.type == "Person" and before is not None and doc[c.start - 1].lower_ == "of" and c.text != before.text:
            c.type = "Place" if c.text in _place_names() else "Organization"  # "Sultan X of Pahang"
    # "in Irving, Texas": a one-word name followed by ", <country or region>" is a place
    # wherever it recurs.
    after_comma = {c.start: c for c in cands if c.type in ("Country", "Place")}
    located = set()
    areas = set()  # names before an area noun: a place whatever the NER called other mentions
    for c in cands:
        region = after_comma.get(c.end + 1)
        if (
            c.type in ("Organization", "Place") and c.end - c.start == 1 and c.source == "ner" and not _ACRONYM.match(c.text)
            and doc[c.start].text not in _word_set("org_suffixes.txt") and not _is_org_name(c.text)
            and region is not None and doc[c.end].text == ","
            and (region.end == len(doc) or doc[region.end].text not in POSSESSIVE)
        ):
            located.add(fold(c.text))
        elif c.type != "Country" and not _ACRONYM.match(c.text) and _names_an_area(doc, c.end):
            areas.add(fold(c.text))  # "the contested Varenko-Dal region"
    for c in cands:
        if (fold(c.text) in located and c.type == "Organization") or (fold(c.text) in areas and c.type != "Country"):
            c.type = "Place"
    # 2. Organisation shape and context beats a PERSON guess for names that are not full names.
    persons_full = {fold(c.text) for c in cands if c.type == "Person" and len(c.text.split()) > 1}
    for c in cands:
        if c.type == "Person" and len(c.text.split()) == 1 and _context_is_org(doc, c):
            c.type = "Organization"
        elif c.type == "Person" and (
            c.text.split()[-1] in _word_set("org_suffixes.txt") or fold(c.text.split()[-1]).rstrip(".") in _COMPANY_FORMS
        ):
            c.type = "Organization"  # "Harwick Holdings Bhd" (PERSON): a legal form ends a company's name
        elif c.type == "Person" and _article_title(c.text.split()) and not any(
            p != fold(c.text) and p.endswith(" " + fold(c.text)) for p in persons_full
        ):
            c.type = "Organization"  # "Der Spiegel", "Le Matin" (PERSON); not "Le Pen" of "Marine Le Pen"
        elif (
            c.type == "Person" and " " in c.text and c.source == "ner" and gazetteer.lookup_name(c.text.split()[-1]) is not None
            and c.text.split()[0] not in _word_set("given_names.txt")
        ):
            c.type = "Organization"  # "Atlas Bangladesh": no person's name ends with a country
    # "Harwick said" after "Harwick Corp.", "Ericsson said" after "LM Ericsson AB": a one-word
    # "person" (no person's surname) or unknown "place" that is a word of a company's full name
    company_heads = {
        word for c in cands
        if c.type == "Organization" and len(c.text.split()) >= 2 and fold(c.text.split()[-1]).rstrip(".") in _COMPANY_FORMS
        for word in c.text.split()[:-1] if word[:1].isupper() and len(word) > 2 and not word.isupper()
    }
    surnames = {c.text.split()[-1] for c in cands if c.type == "Person" and " " in c.text}
    for c in cands:
        if " " in c.text or c.text not in company_heads:
            continue
        if (c.type == "Person" and c.text not in surnames) or (
            c.type == "Place" and c.source == "ner" and c.text not in _place_names() and gazetteer.lookup(c.text) is None
        ):
            c.type = "Organization"
    org_like = {fold(c.text) for c in cands if c.type == "Organization"}
    for c in cands:
        if c.type == "Person" and fold(c.text) in org_like and fold(c.text) not in persons_full:
            c.type = "Organization"
    # "Le Pen" (ORG) after "Marine Le Pen": the end of a person's full name is that person
    for c in cands:
        if c.type == "Organization" and c.source == "ner" and " " in c.text and any(
            p.endswith(" " + fold(c.text)) for p in persons_full
        ):
            c.type = "Person"
    # A short two- or three-word "organisation" whose last word is a person's surname
    # elsewhere in the story is that person ("Dean Kamen" ORG beside "Kamen" PERSON).
    single_persons = {c.text for c in cands if c.type == "Person" and len(c.text.split()) == 1}
    for c in cands:
        words = c.text.split()
        if (
            c.type == "Organization"
            and 2 <= len(words) <= 3
            and words[-1] in single_persons
            and all(w[:1].isupper() for w in words)
            and words[-1] not in _word_set("org_suffixes.txt")
        ):
            c.type = "Person"
    # "State Department spokesman Glyn Davies": a two- or three-word name right after a
    # lower-case word for a person (spokesman, minister, adviser) is that person's
    person_words = _person_nouns()
    for c in cands:
        words = c.text.split()
        if (
            c.type == "Organization" and c.source == "ner" and 2 <= len(words) <= 3 and c.start > 0
            and doc[c.start - 1].is_lower and doc[c.start - 1].lower_ in person_words
            and all(w[:1].isupper() and not w.isupper() and w.isalpha() for w in words)
            and not any(w in _word_set("org_suffixes.txt") for w in words) and not _is_org_name(c.text)
        ):
            c.type = "Person"
    # "founded by Dean Kamen", "saved by Thibaut Courtois": a two- or three-word name that
    # starts with a given name and ends with no organisation or place word is a person's.
    for c in cands:
        if c.type in ("Organization", "Place") and c.source == "ner" and doc[c.start].ent_type_ in ("ORG", "GPE") and _personal_name(doc, c):
            c.type = "Person"
    # Two spellings of one full name ("Marte Kowalczyk", "Marta Kowalczyk"): the story introduces
    # the person with the first one its body writes, its reference form, which the others join
    # (a headline's shortened or garbled form comes last).
    story = doc._.article if Doc.has_extension("article") else None
    body = story.body_start if story is not None else 0
    fulls = list(dict.fromkeys(
        c.text for c in sorted(cands, key=lambda c: (doc[c.start].idx < body, c.start))
        if c.type == "Person" and len(c.text.split()) > 1
    ))
    respell: dict[str, str] = {}
    for i, a in enumerate(fulls):
        for b in fulls[i + 1 :]:
            if a.split()[-1] == b.split()[-1] and fuzz.ratio(a, b) >= 85 and a not in respell:
                respell[b] = a
    # A misspelt organisation name ("Untied Nations") joins the spelling used more often.
    org_counts = Counter(c.text for c in cands if c.type == "Organization" and " " in c.text)
    ranked = sorted(org_counts, key=lambda t: (-org_counts[t], t))
    respelt_orgs: dict[str, str] = {}
    for i, a in enumerate(ranked):
        for b in ranked[i + 1 :]:
            if len(a.split()) == len(b.split()) and a not in respelt_orgs and b not in respelt_orgs and fuzz.ratio(a, b) >= 90:
                respelt_orgs[b] = a
    spellings = {"Person": respell, "Organization": respelt_orgs}
    for c in cands:
        spelling = spellings.get(c.type, {}).get(c.text)
        if spelling is not None:
            c.aliases.add(c.text)
            c.text = spelling
    # "Crooked Hillary Clinton", "Sleepy Joe Biden": a word before a full name that the story
    # also gives without it, where the word is no given name, is an epithet, not part of the name.
    bare_fulls = {c.text for c in cands if c.type == "Person" and len(c.text.split()) > 1}
    given = _word_set("given_names.txt")
    for c in cands:
        words = c.text.split()
        if (
            c.type == "Person" and len(words) >= 3 and words[0] not in given and words[1] in given
            and " ".join(words[1:]) in bare_fulls and c.end - c.start == len(words)
        ):
            c.start, c.text = c.start + 1, " ".join(words[1:])  # no alias: the epithet names nobody
    # "Derelict Obama" where the story also says "Obama" or "Barack Obama": an adjective before a
    # surname the story gives in other forms, no given name and in none of those forms
    surname_forms: dict[str, set[str]] = defaultdict(set)  # surname -> the person names that end with it
    for c in cands:
        if c.type == "Person":
            surname_forms[c.text.split()[-1]].add(c.text)
    adjectives = _word_set("adjectives.txt")
    for c in cands:
        words = c.text.split()
        if c.type != "Person" or len(words) != 2 or c.end - c.start != 2 or words[0] in given or words[0].lower() not in adjectives:
            continue
        elsewhere = surname_forms[words[1]] - {c.text}
        if elsewhere and not any(words[0] in name.split() for name in elsewhere):
            c.start, c.text = c.start + 1, words[1]  # no alias: the epithet names nobody
    # 'Said Ellis: "..."': an inverted attribution the NER read as a name, where the story
    # names the person in full elsewhere ("Ryan Ellis")
    surnames = {name.split()[-1] for name in bare_fulls}
    for c in cands:
        words = c.text.split()
        if (
            c.type == "Person" and len(words) == 2 and words[0] in ("Said", "Says", "Added", "Asked")
            and words[1] in surnames and c.end < len(doc) and doc[c.end].text in (":", ",")
        ):
            c.start, c.text = c.start + 1, words[1]
    # 3. Short forms: a surname (or any token subset) of a full person name is that person.
    full_names = sorted(
        {c.text for c in cands if c.type == "Person" and len(c.text.split()) > 1},
        key=lambda t: (-len(t), t),  # ties in name order, not hash order (PYTHONHASHSEED)
    )
    # "Mr. Obama" is not "the first lady, Michelle Obama": an honorific keeps a short form from
    # a full name that the story genders the other way.
    full_genders: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        if c.type == "Person" and c.text in full_names:
            span = doc[c.start : c.end]
            gender = honorific_gender(span) or noun_gender(span)
            if gender is not None:
                full_genders[c.text].add(gender)
    # full name -> where the story first writes it out; in the headline counts last (a
    # capitalised headline runs words into names: "Obama Seeks More ...")
    article = doc._.article if Doc.has_extension("article") else None
    body_start = article.body_start if article is not None else 0
    full_starts: dict[str, int] = {}
    for c in sorted(cands, key=lambda c: c.start):
        if c.type == "Person" and c.text in full_names:
            full_starts.setdefault(c.text, c.start if doc[c.start].idx >= body_start else len(doc) + c.start)
    honorifics: dict[int, str] = {}  # candidate start -> gender of its honorific
    short_genders: dict[str, set[str]] = defaultdict(set)  # short form -> its honorifics' genders
    for c in cands:
        if c.type == "Person" and c.end > c.start and c.text not in full_names:
            gender = honorific_gender(doc[c.start : c.end])
            if gender is not None:
                honorifics[c.start] = gender
                short_genders[c.text].add(gender)
    full_tokens = [(full, _tokens(full)) for full in full_names]
    for c in cands:
        if c.type == "Country":
            continue
        toks = _tokens(c.text)
        if c.type == "Person" or len(toks) == 1:
            # a bare "Hart" goes with the honorific its other mentions carry, when they agree
            seen = short_genders.get(c.text, set())
            own = honorifics.get(c.start) or (next(iter(seen)) if len(seen) == 1 else None)
            fits = [
                full for full, ftoks in full_tokens
                if len(toks) < len(ftoks) and _subsequence(toks, ftoks)
                and (c.type == "Person" or toks[-1] == ftoks[-1] or (c.type == "Organization" and toks[-1] == ftoks[0]))
                and not (own is not None and full_genders.get(full, {own}) == {"m", "f"} - {own})
            ]
            if not fits and c.type == "Person" and len(toks) == 2 and _PATRONYMIC.search(toks[1]):
                # "Ivan Sergeyevich" beside "Ivan Petrov": given name and patronymic, the
                # polite Russian form, of the one person of the story with that given name
                fits = [full for full, ftoks in full_tokens if ftoks[0] == toks[0] and not _PATRONYMIC.search(ftoks[-1])]
                fits = fits if len({_tokens(f)[-1] for f in fits}) == 1 else []
            if fits:
                c.type = "Person"
                c.aliases.add(c.text)
                c.text = _first_written(fits, full_starts)
    # "Magyar's Tisza": an organisation named with a person's possessive is the organisation.
    person_forms = {f for c in cands if c.type == "Person" for f in (c.text, *c.aliases, c.text.split()[-1])}
    for c in cands:
        if c.type != "Organization":
            continue
        for k in range(c.start + 1, c.end - 1):
            if doc[k].text in ("'s", "’s") and doc[c.start : k].text in person_forms:
                c.start, c.text = k + 1, doc[k + 1 : c.end].text
                break
    # "the North" in a story about North Korea: the one country named "North ...".
    countries = {c.text: c for c in cands if c.type == "Country"}
    for c in cands:
        if c.type != "Country" and c.text in ("North", "South", "East", "West") and c.start > 0 and doc[c.start - 1].lower_ == "the":
            named = [k for k in countries.values() if k.text.split()[0] == c.text and " " in k.text]
            if len({k.iso for k in named}) == 1:
                c.aliases.add(c.text)
                c.type, c.text, c.iso = "Country", named[0].text, named[0].iso
    # "the State of Queensland", "the City of Toronto": the place itself, whatever the NER said.
    places = {c.text: c for c in cands if c.type in ("Place", "Country")}
    for c in cands:
        head, _, tail = c.text.partition(" of ")
        if head in ("State", "City", "Province", "Commonwealth", "Republic") and tail in places:
            c.aliases.add(c.text)
            c.type, c.text, c.iso = places[tail].type, places[tail].text, places[tail].iso
    # 4. Acronyms and shorter forms of organisation and place names.
    names_by_type: dict[str, list[str]] = defaultdict(list)
    for c in cands:
        if c.type in ("Organization", "Place") and c.text not in names_by_type[c.type]:
            names_by_type[c.type].append(c.text)
    canonical: dict[tuple[str, str], str] = {}
    for type_, names in names_by_type.items():
        for name in names:
            best = acronyms.get(name, name)
            for other in names:
                if other == name or len(other) <= len(best) or best != name:
                    continue
                if _ACRONYM.match(name) and _acronym_of(name, other):
                    best = other
                elif len(_tokens(name)) < len(_tokens(other)) and _suffix_or_prefix(_tokens(name), _tokens(other), type_) and not (
                    type_ == "Place" and gazetteer.lookup(name) is not None
                ):  # not "Hong Kong" of "Hong Kong Island": a territory is more than its island
                    best = other
            if best == name and " of " in name:
                # "Museum of Flight of Seattle" is "Museum of Flight"; but a one-word head names
                # nothing by itself: "Brotherhood of Saint Brendan" and "Bank of Canada" stay whole
                # (a bare "the Brotherhood" or "the Bank" joins them below)
                head, _, tail = name.rpartition(" of ")
                if head in names and head != name and len(_tokens(head)) > 1:
                    best = head
            if best == name and type_ == "Organization" and len(_tokens(name)) == 1 and name[:1].isupper():
                # "the Commission" after "the European Commission": the one longer name it ends
                longer = [o for o in names if len(_tokens(o)) > 1 and _tokens(o)[-1] == _tokens(name)[0]]
                # "the Bank" after "the Bank of Canada": the one name it opens before "of"
                longer = longer or [o for o in names if o.partition(" of ")[0] == name and o != name]
                # "Ericsson" after "LM Ericsson AB", "Magna" after "Magna International Inc":
                # the one company whose full name holds the word
                longer = longer or [
                    o for o in names
                    if len(_tokens(o)) > 2 and _tokens(o)[-1] in _COMPANY_FORMS and _tokens(name)[0] in _tokens(o)[:-1]
                ]
                if len(longer) == 1:
                    best = longer[0]
            canonical[(type_, name)] = best
    for c in cands:
        if (c.type, c.text) in canonical and canonical[(c.type, c.text)] != c.text:
            c.aliases.add(c.text)
            c.text = canonical[(c.type, c.text)]
    for c in cands:
        c.key = entity_key(c.type, c.text, c.iso)


def _kin_named(doc: Doc, cands: list[Candidate]) -> set[str]:
    """Folded names of the one-word candidates a family noun ties to a person: the owner of
    "X's son-in-law" and the name the phrase describes ("Y, X's son-in-law,")."""
    kin = _word_set("kinship_nouns.txt")
    by_end = {c.end: c for c in cands}
    found: set[str] = set()
    for c in cands:
        k = c.end
        if c.end - c.start != 1 or k + 1 >= len(doc) or doc[k].text not in ("'s", "’s") or doc[k + 1].lower_ not in kin:
            continue
        found.add(fold(c.text))
        before = by_end.get(c.start - 1) if c.start >= 1 and doc[c.start - 1].text == "," else None
        if before is not None and before.end - before.start == 1:
            found.add(fold(before.text))  # "Kushner, Brandt's son-in-law,"
    return found


_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna)$")


def _first_written(fits: list[str], starts: dict[str, int]) -> str:
    """The full name a short form stands for (``fits``: longest first). Of two people who share
    a surname ("Governor Holt" with "Mia Holt" and "her brother, Jonas Holt"), the one the story
    writes out first, as the surname rule of the speakers does (news style names the main
    person first); of forms of one name ("Ana Maria Reyes", "Ana Reyes"), the longest."""
    first = fits[0]
    people = [f for f in fits if f == first or not _subsequence(_tokens(f), _tokens(first))]
    return min(people, key=lambda f: starts.get(f, 1 << 30)) if len(people) > 1 else first


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(tok in it for tok in short)


def _suffix_or_prefix(short: list[str], long: list[str], type_: str) -> bool:
    """"Security Council" of "U.N. Security Council" (organisations); "Gaza" of "Gaza Strip"
    (a place word only: "California" is not "California Science Center", and "Los Angeles"
    is not "East Los Angeles")."""
    n = len(short)
    if long[-n:] == short and n > 1 and type_ == "Organization":
        return True
    if (  # "Andy Warhol Foundation" of "Andy Warhol Foundation for the Visual Arts"
        type_ == "Organization" and n > 1 and long[:n] == short and long[n] in ("of", "for")
        and short[-1] in _folded("org_suffixes.txt")
    ):
        return True
    if type_ == "Organization" and long[:n] == short and len(long) == n + 1 and long[-1] in _COMPANY_FORMS:
        return True  # "Norwest" of "Norwest Corp.", "Ferrante" of "Ferrante SpA"
    return long[:n] == short and all(w in _folded("place_suffixes.txt") for w in long[n:])


_CHAMBER_ENDS = ("Chamber of Commerce", "Chamber of Commerce and Industry")


def _names_ending_in_a_place(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"the Movement for Democracy in Liberia (MDL)": an organisation's name, "in" or "of", a
    country or place, then an acronym that opens with the name's first letter and ends with
    the place's: the place is the last word of the organisation's name, not a mention of its own.
    So is the host country of a chamber of commerce abroad ("the American Chamber of Commerce
    in Japan")."""
    by_start = {c.start: c for c in cands}
    out = list(cands)
    for org in cands:
        if org.type != "Organization" or org.end + 1 >= len(doc) or doc[org.end].lower_ not in ("in", "of"):
            continue
        place = by_start.get(org.end + 1)
        if place is None or place.type not in ("Country", "Place"):
            continue
        k = place.end
        abroad = doc[org.end].lower_ == "in" and place.type == "Country" and org.text.endswith(_CHAMBER_ENDS)
        if not abroad:  # "the American Chamber of Commerce in Japan": a chamber abroad is named by its host
            if not (k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" and _ACRONYM.match(doc[k + 1].text)):
                continue
            letters = fold(doc[k + 1].text).replace(".", "").upper()
            if letters[:1] != fold(org.text)[:1].upper() or letters[-1:] != fold(doc[place.start].text)[:1].upper():
                continue
        out = [c for c in out if c is not org and c is not place]
        out.append(Candidate(org.start, place.end, "Organization", _surface(doc, org.start, place.end), source=org.source))
    return out


def _parenthesised_acronyms(doc: Doc, cands: list[Candidate]) -> dict[str, str]:
    """"Alliance of Sahel States (AES)": the acronym names the organisation (or place) before it."""
    by_start = {c.start: c for c in cands}
    found: dict[str, str] = {}
    for c in list(cands):
        if c.type not in ("Organization", "Place"):
            continue
        i = c.end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and _ACRONYM.match(doc[i + 1].text):
            acronym = doc[i + 1].text
            found[acronym] = c.text
            other = by_start.get(i + 1)
            if other is None:
                cands.append(Candidate(i + 1, i + 2, c.type, acronym, source="acronym"))
            else:
                other.type = c.type
    return found


_ACRONYM_JOINERS = frozenset({"of", "and", "for", "the", "on", "in", "&", "-", "to", "de", "du", "des", "la", "el", "al"})


def _defined_acronyms(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"the Malaysian Anti-Corruption Commission (MACC)": capitalised words whose initials
    spell the acronym in brackets after them name an organisation (a place when the last
    word is a place word), where the NER missed the name or cut it short. Candidates
    inside the name ("Malaysian") give way to it; one that runs past it keeps its place."""
    found = []
    tokens = _doc_tokens(doc)
    places = _word_set("place_suffixes.txt") | _word_set("facility_words.txt")
    for i, token in enumerate(tokens[:-2]):
        if token.text != "(" or tokens[i + 2].text != ")" or not _ACRONYM.match(tokens[i + 1].text):
            continue
        acronym = tokens[i + 1].text
        letters = len(fold(acronym).replace(" ", ""))
        if letters < 2:
            continue
        best = None
        j = i - 1
        while j >= 0 and i - j <= 2 * letters + 2:
            word = tokens[j]
            if "\n" in word.text or "\n" in word.whitespace_:
                break
            if word.text[:1].isupper() and word.is_alpha or word.lower_ in _ACRONYM_JOINERS or (word.text[:1].isupper() and "-" in word.text):
                if word.text[:1].isupper() and _acronym_of(acronym, doc[j:i].text):
                    best = j
                j -= 1
                continue
            break
        if best is None:
            continue
        start, end = best, i
        if any(t.text in _not_entities()[0] for t in tokens[start:end]):
            continue  # "Non-Proliferation Treaty (NPT)": a treaty is no entity
        if any(c.start == start and c.end == end for c in cands):
            continue
        if any(c.start < end and c.end > start and not (start <= c.start and c.end <= end) for c in cands):
            continue  # a name that runs past this one
        inside = [c for c in cands if start <= c.start and c.end <= end]
        for c in inside:
            cands.remove(c)
        type_: EntityType = "Place" if tokens[end - 1].text in places else "Organization"
        found.append(Candidate(start, end, type_, _surface(doc, start, end), source="acronym"))
    return found
