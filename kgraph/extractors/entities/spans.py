"""NER spans made candidates: edges trimmed, split names joined, typed by name shape."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from ... import gazetteer
from ...identity import fold

from .words import (
    _doc_tokens,
    CAPTION_LABELS,
    Candidate,
    DETERMINERS,
    NER_LABELS,
    POSSESSIVE,
    TRAILING_POS,
    _ACRONYM,
    _AREA_WORDS,
    _COMPANY_FORMS,
    _NUMBERED,
    _context_is_org,
    _facility_not_surname,
    _hyphen_joined,
    _in_place_construction,
    _based_in,
    _names_an_area,
    _before_office_title,
    _is_org_name,
    _leading_title,
    _modifier_suffix,
    _name_word,
    _not_entities,
    _person_nouns,
    _place_names,
    _portfolios,
    _regnal_number,
    _role_titles,
    _surface,
    _title_modifiers,
    _title_word,
    _titles,
    _titles_by_first,
    _trailing_titles,
    _word_set,
)


# Months that date a name the NER ran them into ("the August National Association of
# Purchasing Management report"); "May" and "March" also begin names and stay.
_MONTHS = frozenset(
    "January February April June July August September October November December "
    "Jan Feb Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)


def _strip_leading(doc: Doc, start: int, end: int, by_first: dict[str, tuple[tuple[str, ...], ...]], person: bool) -> int:
    """Where a span starts once determiners, punctuation, modifiers and titles are off its front."""
    changed = True
    while changed and start < end:
        changed = False
        first = doc[start]
        if first.lower_ in DETERMINERS or first.is_punct or first.is_space:
            start, changed = start + 1, True
            continue
        if end - start > 3 and doc[start + 1].text == "-" and not first.whitespace_ and (
            first.is_lower or doc[start + 2].is_lower
        ):
            start, changed = start + 3, True  # "pro-Reform Democratic Alliance", "Pan-democrat X": a modifier
            continue
        if person and end - start > 2 and first.is_lower and first.lower_ not in _word_set("name_particles.txt"):
            start, changed = start + 1, True  # "nonpartisan Eddie Chu": a describing word
            continue
        if person and end - start > 2 and first.pos_ == "ADJ" and doc[start + 1].text in _word_set("given_names.txt"):
            start, changed = start + 1, True  # "Nonpartisan Paul Tse" opening a sentence
            continue
        for title in by_first.get(first.lower_, ()):
            n = len(title)
            if end - start > n and tuple(t.lower_ for t in doc[start : start + n]) == title:
                if gazetteer.lookup_name(doc[start : start + n + 1].text) is not None:
                    continue  # "Sri Lanka ...": the title word begins a country's name
                start, changed = start + n, True
                break
        else:
            if person and end - start > 2 and first.is_sent_start and first.lower_ in _person_nouns():
                start, changed = start + 1, True  # "Newcomer Lau Siu-lai": a describing noun
            elif not person and end - start > 1 and first.text.rstrip(".") in _MONTHS and doc[start + 1].text[:1].isupper():
                start, changed = start + 1, True  # "the August Chicago PMI", "Sept Brent": the month dates it
    return start


def _strip(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Trim determiners, titles, possessives and punctuation from a span's edges."""
    person = label == "PERSON"
    by_first = _titles_by_first() if person else {}
    if person and end - start > 1 and _leading_title(doc, start) >= end - start:
        return end, end  # "Datuk Seri" alone: titles, no name
    start = _strip_leading(doc, start, end, by_first, person)
    if person and _leading_title(doc, start) >= end - start:
        return end, end  # "the Mentri Besar": a title after a determiner, no name
    if person:  # "Ontario Premier Doug Ford": a title inside the span ends what is not the name
        lowers = [t.lower_ for t in doc[start:end]]
        particles = _word_set("name_particles.txt")
        for k in range(start + 1, end - 1):
            candidates = by_first.get(lowers[k - start], ())
            if not candidates or not doc[k].text[:1].isupper() or doc[k - 1].text in particles:
                continue  # "Abdul Rahman bin Haji Dahlan": a title in the father's name
            if doc[k].text in _word_set("patronymic_titles.txt") and _name_word(doc[k - 1]) and not _leading_title(doc, k - 1):
                continue  # "Mohd Najib Tun Abdul Razak": the father's title, inside the name
            words = tuple(lowers[k - start :])
            hit = next((t for t in candidates if words[: len(t)] == t and len(t) < len(words)), None)
            if hit is not None:  # "Pasir Salak MP Datuk Seri X": the honorifics after the title go too
                start = _strip_leading(doc, k + len(hit), end, by_first, person)
                break
    while end - start > 1 and end < len(doc) and doc[end].text == ":" and doc[end - 1].text in CAPTION_LABELS:
        end -= 1  # "... in Washington D.C. Image: NASA": a caption credit label
    while label == "ORG" and end - start > 1 and doc[end - 1].text in _trailing_titles():
        end -= 1  # "NASA Administrator"
    if end - start >= 3 and doc[end - 2].text == "-" and _modifier_suffix(doc[end - 1].text):
        end -= 2  # "Vladimir Putin-backed": the name, not the compound adjective
    while label == "PERSON" and end - start >= 2 and end < len(doc) and _hyphen_joined(doc, end):
        end += 2  # "Moon Jae" + "-in": the NER stopped inside a hyphenated name
    while end > start and not (end - start > 2 and _hyphen_joined(doc, end - 2)) and (
        doc[end - 1].text in POSSESSIVE
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or (doc[end - 1].is_lower and doc[end - 1].pos_ in TRAILING_POS)
        or (label == "ORG" and end - start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ in ("NOUN", "PROPN", "ADJ")
            and doc[end - 1].text not in _word_set("place_suffixes.txt"))
    ):  # "Yonhap news agency", "Umno supreme council": a lower-case descriptor is not part of the name
        end -= 1
    if label in ("ORG", "PERSON"):  # "by Politico, Democratic party insiders": two names run together
        for k in range(start + 1, end - 1):
            if doc[k].text == "," and fold(doc[k + 1].text).rstrip(".") not in _COMPANY_FORMS:
                end = k
                break
    while label == "PERSON" and end - start > 1 and doc[end - 1].text in _word_set("person_trailing_words.txt"):
        end -= 1  # "Ruiz Speech" in a video title: the person, not the speech
    while label != "PERSON" and end - start > 1 and doc[end - 1].text in _AREA_WORDS:
        end -= 1  # "Jiangsu province", "Luton airport": the place is named without the word
    return start, end


def _is_not_entity(doc: Doc, start: int, end: int, text: str) -> bool:
    words, names = _not_entities()
    return text in names or any(t.text in words for t in doc[start:end])


def _follows_not_entity(doc: Doc, start: int) -> bool:
    """An acronym in brackets after a treaty or law: "Digital Services Act (DSA)"."""
    if start < 2 or doc[start - 1].text != "(":
        return False
    words, _ = _not_entities()
    sent_start = doc[start].sent.start
    return any(t.text in words for t in doc[max(sent_start, start - 8) : start - 1])


def _repeats_not_entity(doc: Doc, text: str) -> bool:
    for token in _doc_tokens(doc):
        if token.text == text and _follows_not_entity(doc, token.i):
            return True
    return False


def _role_title_start(doc: Doc, start: int, end: int) -> int | None:
    """Where a role title that runs past the end of a name begins inside it: the NER
    took "Shadow Home" of "Shadow Home Secretary Yvette Cooper" for a name."""
    for k in range(start, end):
        for title in _role_titles().get(doc[k].lower_, ()):
            stop = k + len(title)
            if stop > end and stop <= len(doc) and tuple(t.lower_ for t in doc[k:stop]) == title:
                return k
    return None


def _name_tail(doc: Doc, end: int) -> int:
    """Extend an organisation name over "of/for/at (the) Title Words" that the NER cut off."""
    i = end
    if i < len(doc) and doc[i].lower_ in ("of", "for", "at"):
        j = i + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        k = j
        while k < len(doc) and (_title_word(doc[k]) or (doc[k].lower_ in ("of", "and") and k + 1 < len(doc) and _title_word(doc[k + 1]))):
            k += 1
        tail = doc[j:k].text
        hyphenated = k < len(doc) and doc[k].text == "-"
        if k > j and _title_word(doc[k - 1]) and not hyphenated and gazetteer.lookup(tail) is None:
            return k
    return end


def _titled_name_end(doc: Doc, start: int, end: int) -> int:
    """"Tan Sri Muhyiddin" + "Yassin": after an honorific the NER often stops one name
    short; capitalised proper nouns it left untagged continue the name (four words at most)."""
    n = _leading_title(doc, start)
    if n == 0 or not doc[start].text[:1].isupper() or end - start - n < 1:
        return end
    stop = end
    while (
        stop < len(doc) and stop - start - n < 5 and not doc[stop].ent_type_ and _name_word(doc[stop])
        and doc[stop].text not in _word_set("org_suffixes.txt") and not doc[stop].is_sent_start
        and not doc[stop - 1].whitespace_.count("\n")
    ):
        stop += 1
    return stop


def _name_spans(doc: Doc) -> Iterator[tuple[int, int, str]]:
    """NER spans, with split personal names joined ("Abdulaziz" "bin" "Salman")."""
    particles = _word_set("name_particles.txt")
    ents = [e for e in doc.ents if _label(e) in NER_LABELS]
    i = 0
    while i < len(ents):
        ent = ents[i]
        start, end, label = ent.start, ent.end, _label(ent)
        # where titles run to the span's end: "Datuk Seri", "Kuala Krai MP Datuk Seri"
        tail = next((k for k in range(start, end) if label == "PERSON" and doc[k].text[:1].isupper() and _leading_title(doc, k) >= end - k), None)
        if label == "ORG" and end - start >= 2 and _initial(doc[start]) and _name_word(doc[start + 1]) and all(
            _name_word(t) or _initial(t) for t in doc[start + 2 : end]
        ):
            label = "PERSON"  # "S. Ramasamy" (ORG): an initial and a name are a person's
        if label == "ORG" and doc[start].is_upper and _leading_title(doc, start) >= end - start:
            tail, label = start, "PERSON"  # "ACP" + "Rosli" + "Karim Bakar": a rank the NER called an organisation
        elif label == "ORG" and 0 < _leading_title(doc, start) < end - start and i + 1 < len(ents) and (
            ents[i + 1].label_ == "PERSON" and all(_name_word(t) for t in doc[start + _leading_title(doc, start) : end])
            and all(not t.ent_type_ and _name_word(t) for t in doc[end : ents[i + 1].start]) and 0 <= ents[i + 1].start - end <= 2
        ):
            label, end = "PERSON", ents[i + 1].end  # "Asst Comm Abang Zainal" (ORG) + "Abidin" + "Abang Ahmad": a rank and a split name
            i += 1
        if tail is not None:
            end, i = _titled_name_run(doc, ents, i, end, tail)
        if end - start == 1 and doc[start].text in _word_set("org_head_words.txt") | _word_set("place_head_words.txt"):
            while end < len(doc) and end - start < 5 and _name_word(doc[end]) and "\n" not in doc[end - 1].whitespace_:
                end += 1  # "Universiti" + "Sains Malaysia": a head word the NER left alone
            while i + 1 < len(ents) and ents[i + 1].start < end:
                end = max(end, ents[i + 1].end)
                i += 1
        if label == "PERSON" and doc[start].lower_ in _PATRONYMIC:
            while start > 0 and ents[i].start - start < 4 and _untagged_name(doc, start - 1) and _same_line(doc, start - 1):
                start -= 1  # "Mohd Rizal" + "bin Ismail": the given names the NER left out
        if label == "PERSON":
            while True:
                j = _before_patronymic(doc, end)  # "Siti Noor" + "Aishah binti" + "Abdullah"
                while j < len(doc) and (doc[j].text in particles or _child_of(doc, j)):
                    j += 3 if _child_of(doc, j) else 1
                nxt = ents[i + 1] if i + 1 < len(ents) else None
                if nxt is not None and nxt.start == j and nxt.label_ in ("PERSON", "ORG", "GPE") and (j > end or nxt.label_ == "PERSON"):
                    end = nxt.end
                    i += 1
                elif j > end and j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN":
                    end = j + 1
                    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                        end += 1
                else:
                    break
        if label in ("ORG", "PERSON") and _legal_form(doc[end - 1]):
            while (
                start > 0 and ents[i].start - start < 2 and not doc[start - 1].ent_type_ and _name_word(doc[start - 1])
                and doc[start - 1].text.isalpha() and doc[start - 1].text not in _LEGAL_LEFT_STOPS
            ):
                start -= 1  # "Sime" + "Darby Plantation Bhd": a company's first word the NER left out
            label = "ORG"
        if label == "PERSON":
            end = _titled_name_end(doc, start, end)
            end = _given_name_tail(doc, start, end)
            nicknamed = _after_nickname(doc, start, end)
            if nicknamed > end:  # 'Daniel J. "Danny' + '" Okafor': a nickname in quotes inside the name
                end = nicknamed
                while i + 1 < len(ents) and ents[i + 1].start < end:
                    end = max(end, ents[i + 1].end)
                    i += 1
        if label == "PERSON" and end < len(doc) and _regnal_number(doc, end):
            end += 1  # "Henry VIII", "Queen Elizabeth I": the number is part of the name
        if label == "PERSON" and doc[end - 1].text in particles:
            while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                end += 1  # "Ursula von der" + "Leyen"
            while i + 1 < len(ents) and ents[i + 1].start < end:
                i += 1
        # never across a line break
        for k in range(start, end):
            if "\n" in doc[k].text or (k > start and "\n" in doc[k - 1].whitespace_ + doc[k - 1].text[-1:]):
                if k > start and "\n" in doc[k].text:
                    end = k
                    break
        for k in range(start + 1, end):
            if (doc[k].text in ("(", "[", "|", "/") and not _child_of(doc, k - 1)) or (
                doc[k].text in ("-", "--", "—", "–") and doc[k - 1].whitespace_ and doc[k].whitespace_
            ):
                end = k  # "World Health Organization (WHO", "GERMANY - Bunds"
                break
        if label == "ORG":
            seat = _seat_after_legal_form(doc, start, end)
            if seat is not None:  # "Acme Holdings Inc of Dayton": the company, then where it is
                yield start, seat - 1, label
                yield seat, end, "GPE"
                i += 1
                continue
        if label == "ORG" and start >= 2 and doc[start - 1].lower_ == "of" and _legal_form(doc[start - 2]):
            label = "GPE"  # "Acme Inc of" + "Dayton": where the company is, not a company
        legal_form = _legal_form(doc[end - 1])
        if label == "ORG" and doc[end - 1].text in _word_set("org_suffixes.txt") and not legal_form:
            end = _name_tail(doc, end)  # "Joint Council" + "for the Welfare of Immigrants"
        if end < len(doc) and doc[end].text == "+" and not doc[end - 1].whitespace_:
            end += 1  # "OPEC+"
        yield start, end, label
        i += 1


def _untagged_name(doc: Doc, i: int) -> bool:
    """Token i is a capitalised proper noun the NER left out of every span."""
    return not doc[i].ent_type_ and _name_word(doc[i])


def _same_line(doc: Doc, i: int) -> bool:
    """No line break follows token i: a name never runs over one."""
    return "\n" not in doc[i].whitespace_


def _titled_name_run(doc: Doc, ents: list[Span], i: int, end: int, tail: int) -> tuple[int, int]:
    """The end of a person's name that titles open at ``tail`` (in ``ents[i]``, ending at ``end``)
    where the NER split it over several spans, and the index of the last span used:
    "Datuk Seri" + "Rosli" + "Ahmad Tajudin", "X MP" + "Datuk Seri" + "Y", "X Datuk" + "Seri Y",
    "Comm Datuk" + "Rusdi" (read as a pronoun) + "Mohd Isa", "Datuk Seri" + "Aziz" + "Zain" (ORG)."""
    j = tail + _leading_title(doc, tail)  # "Datuk Seri" + "Rosli" + "Ahmad Tajudin": the NER split a titled name
    while j < len(doc) and j - end < 3 and _untagged_name(doc, j) and _same_line(doc, j - 1):
        j += 1
    nxt = ents[i + 1] if i + 1 < len(ents) else None
    if j < len(doc) and j - end < 3 and doc[j].is_title and doc[j].is_alpha:
        # a name word between the titles and the next person span that the tagger or the NER
        # misread: "Comm Datuk" + "Rusdi" (a pronoun) + "Mohd Isa", "Datuk Dr" + "Jafri" (GPE) + "Malin Abdullah"
        k = i + 1
        misread = not doc[j].ent_type_
        if k < len(ents) and ents[k].start == j and len(ents[k]) == 1 and ents[k].label_ in ("GPE", "ORG") and not _place_words(doc, j, j + 1):
            k, misread = k + 1, True
        after = ents[k] if k < len(ents) else None
        if misread and after is not None and after.label_ == "PERSON" and after.start == j + 1:
            j, i, nxt = j + 1, k - 1, after
    if nxt is not None and nxt.label_ == "PERSON" and end <= nxt.start and nxt.end <= j:
        i += 1  # "X MP" + "Datuk Seri" + "Tajuddin Rahman": the next span holds titles only
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and nxt.label_ == "PERSON" and nxt.start == j:
            end = nxt.end
            i += 1
        else:
            end = j
    elif nxt is not None and nxt.label_ == "PERSON" and end <= nxt.start < j < nxt.end:
        end = nxt.end  # "X Datuk" + "Seri Rosli Ahmad": the NER cut inside the honorific
        i += 1
        while end < len(doc) and end - nxt.end < 2 and _untagged_name(doc, end) and _same_line(doc, end - 1):
            end += 1  # and stopped one name short
    elif nxt is not None and nxt.start == j and (nxt.label_ == "PERSON" or (j > end and _surname_as_org(nxt))):
        end = nxt.end  # "Datuk Seri" + "Rosli" + "Ahmad Tajudin"; "Datuk Seri" + "Aziz" + "Zain" (ORG)
        i += 1
    elif j > end:
        end = j
    return end, i


def _given_name_tail(doc: Doc, start: int, end: int) -> int:
    """A person span the NER closed before the name's last words: "Anthony Loke" + "Siew
    Fook" (a Chinese given name after the surname). One or two capitalised proper nouns it left
    untagged right after a span of two names or more, that no title, organisation or place word
    is and that no further capitalised name follows, continue the name."""
    if end - start < 2 or not all(_name_word(t) for t in doc[start:end]):
        return end
    stop = end
    while (
        stop < len(doc) and stop - end < 2 and not doc[stop].ent_type_ and _name_word(doc[stop]) and doc[stop].is_alpha
        and not doc[stop].is_sent_start and "\n" not in doc[stop - 1].whitespace_ and doc[stop].text not in _tail_stops()
    ):
        stop += 1
    if stop == end or (stop < len(doc) and doc[stop].text[:1].isupper() and doc[stop].is_alpha):
        return end  # none, or a longer run of names that is no one name
    return stop


@cache
def _tail_stops() -> frozenset[str]:
    """Words that end or follow a name without being part of it ("Tower", "Administration")."""
    return frozenset(
        _word_set("org_suffixes.txt") | _word_set("place_suffixes.txt") | _word_set("facility_words.txt")
        | {w.capitalize() for w in _role_title_words()} | {"Jr", "Sr", "Administration", "Government", "Foundation"}
    )


def _role_title_words() -> frozenset[str]:
    from ..roles.vocabulary import _title_words

    return _title_words()


def _after_nickname(doc: Doc, start: int, end: int) -> int:
    """A person span that stops inside or right before a quoted nickname ('Daniel J. "Danny',
    'Teresa') runs on to the surname after the closing mark; the end past it, else ``end``."""
    opening = next((k for k in range(max(start + 1, end - 3), min(end + 1, len(doc))) if doc[k].text in ('"', "“")), None)
    if opening is None or opening == start:
        return end
    for close in range(opening + 2, min(opening + 4, len(doc) - 1)):
        if doc[close].text in ('"', "”"):
            inside = doc[opening + 1 : close]
            surname = doc[close + 1]
            if all(t.text[:1].isupper() for t in inside) and surname.is_title and surname.pos_ in ("PROPN", "NOUN"):
                stop = close + 2
                while stop < len(doc) and doc[stop].pos_ == "PROPN" and doc[stop].text[:1].isupper() and stop - close < 4:
                    stop += 1
                return stop
            break
    return end


def _place_words(doc: Doc, start: int, end: int) -> bool:
    """Tokens start..end name a country or a place the gazetteers know ("Sabah", "New South Wales")."""
    name = doc[start:end].text
    return gazetteer.lookup(name) is not None or name in _place_names()


def _surname_as_org(ent: Span) -> bool:
    """One or two capitalised name words the NER called an organisation ("Zain"), that no
    organisation list knows and no organisation word ends: the end of a titled name."""
    return (
        ent.label_ == "ORG" and len(ent) <= 2 and all(_name_word(t) and not t.is_upper for t in ent)
        and ent[-1].text not in _word_set("org_suffixes.txt") and not _is_org_name(ent.text)
    )


# Lower-case words that join a given name to a father's name ("bin", "binti", "ibn").
_PATRONYMIC = frozenset({"bin", "binti", "bint", "bte", "ibn"})


def _before_patronymic(doc: Doc, end: int) -> int:
    """Untagged given names after a person span and before "bin"/"binti" ("Siti Noor" +
    "Aishah" + "binti Abdullah"): the particle's index, else ``end``."""
    j = end
    while j < len(doc) and j - end < 2 and _untagged_name(doc, j) and _same_line(doc, j - 1):
        j += 1
    return j if j > end and j < len(doc) and doc[j].lower_ in _PATRONYMIC else end


def _child_of(doc: Doc, j: int) -> bool:
    """"a/l", "a/p" (son of, daughter of) inside a Malaysian Indian name, three tokens."""
    words = doc[j : j + 3]
    return (len(words) == 3 and words[0].lower_ == "a" and words[1].text == "/" and words[2].lower_ in ("l", "p")
            and not words[0].whitespace_ and not words[1].whitespace_)


def _initial(token: Token) -> bool:
    """One capital and a full stop: "S.", "M."."""
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


# Capitalised words before a company name that are not part of it.
_LEGAL_LEFT_STOPS = frozenset({"The", "Shares", "Chairman", "Mr", "Mr.", "Ms", "Ms."})


def _legal_form(token: Token) -> bool:
    """A company's legal form ("Inc", "Corp.", "AG", "Ltd"), capitalised as in a name;
    not "Group" or "Holdings", which also begin names ("Group of Seven")."""
    word = fold(token.text).rstrip(".")
    return (token.text[:1].isupper() or word == "plc") and word in _COMPANY_FORMS and word not in ("group", "holdings")


def _seat_after_legal_form(doc: Doc, start: int, end: int) -> int | None:
    """Where the place starts in a company span that runs on past its legal form into
    "of" and a name ("Acme Holdings Inc of St. Petersburg"), or None."""
    for k in range(start + 1, end - 2):
        if _legal_form(doc[k]) and doc[k + 1].lower_ == "of" and all(_name_word(t) or t.text == "." for t in doc[k + 2 : end]):
            return k + 2  # a town, a state or a country: "Kia Motors Corp of South Korea" too
    return None


def _is_place_name(doc: Doc, start: int, end: int) -> bool:
    """"English Channel", "Donetsk region", "Museum of Flight", "Kennedy Space Center"."""
    if _institute(doc, start, end):
        return False  # "Tax Policy Center", "Center for Strategic Studies": a think tank
    if doc[end - 1].text in _word_set("place_suffixes.txt") | _word_set("facility_words.txt"):
        return True
    facilities = _word_set("facility_words.txt")
    return any(doc[i].text in facilities and doc[i + 1].lower_ == "of" for i in range(start, end - 1))


def _institute(doc: Doc, start: int, end: int) -> bool:
    """A "Center" named for a field of study or advocacy: "Tax Policy Center", "Center for
    Strategic and International Studies", "Brennan Center for Justice"."""
    words = [t.text for t in doc[start:end]]
    centres = [k for k, w in enumerate(words) if w in ("Center", "Centre")]
    if not centres:
        return False
    fields = _word_set("institute_words.txt")
    k = centres[-1]
    before = k > 0 and words[k - 1] in fields
    after = k + 1 < len(words) and words[k + 1] in ("for", "on") and any(w in fields for w in words[k + 2 :])
    return before or after


def _known_agency(text: str) -> bool:
    """A news agency of patterns/agencies.txt ("Yonhap", "Kyodo")."""
    from ...meta import normalize_agency

    return normalize_agency(text) is not None


def _after_place_noun(doc: Doc, i: int) -> bool:
    """A name introduced by a place noun: "the town of Yeoncheon"."""
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _word_set("place_nouns.txt")


def _modifies_noun(doc: Doc, start: int, end: int) -> bool:
    """One word before a lower-case noun ("Tajik troops") or adjective and noun ("Azerbaijani
    presidential adviser"): an adjective, not a name."""
    return end - start == 1 and end < len(doc) and doc[end].is_lower and (
        doc[end].pos_ == "NOUN" or (doc[end].pos_ == "ADJ" and doc[end].head.pos_ == "NOUN" and doc[end].head.i > end)
    )


def _located_in(token: Token) -> bool:
    """A one-word name governed by a locative preposition ("in Herat", "near Yeoncheon")
    or introduced by a place noun ("the town of Yeoncheon")."""
    if _after_place_noun(token.doc, token.i):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in {"in", "near", "at", "outside", "around"} and token.head.head.pos_ != "NOUN"


NON_ENTITY_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}


def _label(ent: Span) -> str:
    """The NER label, except that an "event", "law", "work" or "facility" whose last word
    ends organisation names is an organisation ("according to the Sydney Morning Herald")."""
    if ent.label_ in ("EVENT", "LAW", "WORK_OF_ART", "FAC") and ent[-1].text in _word_set("org_suffixes.txt"):
        return "ORG"
    return ent.label_


def _mostly_not_entity(doc: Doc) -> set[str]:
    """Names the NER labels as products, works, events or laws more often than as
    people, organisations or places ("Firefox", "Space Shuttle Columbia")."""
    votes: dict[str, Counter[bool]] = defaultdict(Counter)
    for ent in doc.ents:
        label = _label(ent)
        if label in NER_LABELS or label in NON_ENTITY_LABELS:
            start, end = _strip(doc, ent.start, ent.end, label)
            votes[doc[start:end].text][label in NON_ENTITY_LABELS] += 1
    return {text for text, c in votes.items() if c[True] > c[False]}


def _country(start: int, end: int, country: gazetteer.Country, source: str = "ner") -> Candidate:
    """A country's mention; a territory that is no sovereign state ("Hong Kong",
    "Puerto Rican") is a Place under the country file's standard name."""
    if country.iso in _word_set("territories.txt"):
        return Candidate(start, end, "Place", country.name, source=source)
    return Candidate(start, end, "Country", country.name, country.iso, source=source)


def _shared_head_countries(doc: Doc, start: int, end: int) -> list[Candidate]:
    """"North and South Korea": two countries that share their last word."""
    words = [t.text for t in doc[start:end]]
    if len(words) < 4 or words[1] != "and":
        return []
    first = gazetteer.lookup_name(" ".join([words[0], *words[3:]]))
    second = gazetteer.lookup_name(" ".join(words[2:]))
    if first is None or second is None:
        return []
    return [
        _country(start, start + 1, first),
        _country(start + 2, end, second),
    ]


def _known_place(doc: Doc, start: int, end: int, text: str, label: str) -> bool:
    """A town or city of the GeoNames list that the NER called an organisation (a one-word
    name only where places stand, and never when its neighbours show an organisation) or a
    person (only where places stand: "in X")."""
    if text not in _place_names() or _ACRONYM.match(text) or doc[end - 1].text in _word_set("org_suffixes.txt"):
        return False
    if label == "PERSON":  # a region may share a given name ("Sabah")
        return (doc[start].text not in _word_set("given_names.txt") or text in _word_set("region_names.txt")) and (
            _in_place_construction(doc, start) or _before_office_title(doc, end)
        )
    if _based_in(doc, end):
        return True  # "a Petaling Jaya-based company": where the company is based
    if end - start == 1 and not any(_in_place_construction(doc, t.i) for t in _doc_tokens(doc) if t.text == text):
        return False  # "Freedom", "Batman": one word is a town somewhere; only where places stand
    return not _context_is_org(doc, Candidate(start, end, "Organization", text))


def _titled_person(doc: Doc, start: int, end: int) -> bool:
    """A title, abbreviated or before a given name, and then two names or more: "ACP Shamsudin
    Mamat", "Gen. Ana Ruiz", typed ORG by the NER ("General Motors" is no person)."""
    n = _leading_title(doc, start)
    if n == 0 or end - start - n < 2 or doc[end - 1].text in _word_set("org_suffixes.txt"):
        return False  # "MP Materials Corp": a company
    abbreviated = doc[start].text.endswith(".") or (doc[start].is_upper and len(doc[start].text) > 1)
    return abbreviated or doc[start + n].text in _word_set("given_names.txt")


def _place_head(doc: Doc, start: int, end: int) -> int:
    """Where a known town's name begins when the NER tagged only its end: one or two untagged
    name words before the span that with it make a GeoNames town where places stand ("in Johor"
    + "Bahru"); ``start`` when there are none."""
    for k in (start - 2, start - 1):
        if k < 0 or not all(_name_word(doc[i]) and not doc[i].ent_type_ for i in range(k, start)):
            continue
        if _surface(doc, k, end) in _place_names() and _in_place_construction(doc, k):
            return k
    return start


# Last words of a place's own administration ("Kuala Lumpur City Council", "Penang
# Municipal Council", "Dayton City Hall"): after a place name they make an organisation.
_LOCAL_BODIES = (("City", "Council"), ("Municipal", "Council"), ("District", "Council"), ("Town", "Council"),
                 ("City", "Hall"), ("Council",), ("Authority",), ("Corporation",), ("Commission",))

_LOCAL_BODY_ENDS = frozenset(words[-1] for words in _LOCAL_BODIES)


def _local_body_end(doc: Doc, end: int) -> int:
    """The end of a local body's words that close a place span or follow it, else 0."""
    if not any(k < len(doc) and doc[k].text in _LOCAL_BODY_ENDS for k in (end - 1, end, end + 1)):
        return 0  # most places end no such words: look no further
    for words in _LOCAL_BODIES:
        n = len(words)
        for inside in range(n, -1, -1):  # how many of the words the NER's span holds
            stop = end - inside + n
            if end - inside >= 0 and tuple(t.text for t in doc[end - inside : stop]) == words and not any(t.ent_type_ for t in doc[end:stop]):
                return stop
    return 0


_CENTRE_WORDS = frozenset({"Center", "Centre", "Centers", "Centres"})
# Nouns an acronym names a technique or device before ("CCTV cameras", "DNA test").
_RECORD_NOUNS = frozenset(
    "footage camera cameras recording recordings test tests testing scan scans scanner scanners tracker trackers "
    "machine machines device devices kit kits signal signals".split()
)
_PREFIXED_ADJECTIVE = re.compile(r"^(?:pro|anti|non|ex|post|pre|pan)-\S+$", re.IGNORECASE)
_PORTFOLIO_POSTS = frozenset(
    "minister secretary director chief officials official spokesman spokeswoman spokesperson adviser".split()
)
_IDEOLOGY = re.compile(r"^[A-Z][a-z]{3,}(?:ism|phobia)$")


def _ner_candidates(doc: Doc) -> Iterator[Candidate]:
    not_entities = _mostly_not_entity(doc)
    for ent_start, ent_end, label in _name_spans(doc):
        if label == "PERSON" and _leading_title(doc, ent_start) and _surface(doc, ent_start, ent_end) in _place_names():
            label = "GPE"  # "Seri Kembangan" (PERSON): a town whose name opens with an honorific's word
        start, end = _strip(doc, ent_start, ent_end, label)
        if start >= end:
            continue
        text = _surface(doc, start, end)
        if label in ("FAC", "LOC", "GPE") and end - start > 2 and doc[start].text in _CENTRE_WORDS and doc[start + 1].lower_ == "for":
            label = "ORG"  # "the Center for Civic Studies" (FAC): a centre for a cause is a body, not a building
        if label in ("GPE", "LOC"):
            body = _local_body_end(doc, end)
            if body:  # "Kuala Lumpur City Council" (GPE), "Kuala Lumpur" + "City Hall": the city's administration
                yield Candidate(start, body, "Organization", _surface(doc, start, body))
                continue
        if not any(ch.isupper() for ch in text) or (any(ch.isdigit() for ch in text) and not (label == "ORG" and _NUMBERED.match(text))):
            continue
        if _is_not_entity(doc, start, end, text) or text in not_entities:
            continue
        if _PREFIXED_ADJECTIVE.match(text) or _IDEOLOGY.match(text):
            continue  # "pro-Reform", "anti-war", "Islamophobia", "Zionism": a stance or an idea, no name
        if text.startswith("@"):
            continue  # "@CityHall": a social-media handle, the channel of a post, not an entity
        if _ACRONYM.match(text) and _repeats_not_entity(doc, text):
            continue
        if _ACRONYM.match(text) and end < len(doc) and doc[end].lower_ in _RECORD_NOUNS:
            continue  # "CCTV footage", "PCR tests", "GPS tracker": a technique, not the body of that name
        if end - start == 1 and doc[start].lower_ in _portfolios() and end < len(doc) and doc[end].lower_ in _PORTFOLIO_POSTS:
            continue  # "Education" of "Education Minister X", "Health director-general X": a portfolio, not a ministry
        if label != "NORP" and not _ACRONYM.match(text):
            k = _role_title_start(doc, start, end)
            if k is not None:  # "Finance" in "Finance Minister", "Shadow Home" in "Shadow Home Secretary"
                if k == start or (k - start == 1 and doc[start].lower_ in _title_modifiers()):
                    continue
                end, text = k, _surface(doc, start, k)
        if label == "ORG" and end - start >= 3 and doc[start + 1].lower_ == "of" and (
            doc[start].lower_ in _person_nouns() or (doc[start].lower_,) in _titles()
        ) and (gazetteer.lookup(doc[start + 2 : end].text) is not None or doc[start + 2 : end].text in _place_names()):
            start, text = start + 2, _surface(doc, start + 2, end)  # "Archbishop of Cape Town": a post, and the place
            label = "GPE"
        head = _place_head(doc, start, end)
        if head < start:
            yield Candidate(head, end, "Place", _surface(doc, head, end))  # "in Johor" + "Bahru"
            continue
        if label == "ORG" and _titled_person(doc, start, end):
            label = "PERSON"  # "ACP Shamsudin Mamat": a rank before a given name
            start, end = _strip(doc, start, end, label)
            text = _surface(doc, start, end)
        shared = _shared_head_countries(doc, start, end)
        if shared:
            yield from shared
            continue
        if label == "NORP":
            country = gazetteer.lookup_demonym(text)
            if country is not None:
                yield _country(start, end, country)
            elif _known_agency(text):
                yield Candidate(start, end, "Organization", text)  # "Yonhap" (NORP)
            continue
        country = gazetteer.lookup_name(text)
        if country is None and (label != "PERSON" or _modifies_noun(doc, start, end)):
            country = gazetteer.lookup_demonym(text)  # "Tajik troops" (PERSON): the adjective
        if country is not None:
            yield _country(start, end, country)
        elif _is_org_name(text):
            yield Candidate(start, end, "Organization", text)  # "Umno" (PERSON), "Hamas" (GPE)
        elif label == "PERSON" and end - start >= 2 and _is_org_name(doc[end - 1].text) and _place_words(doc, start, end - 1):
            yield Candidate(start, end, "Organization", text)  # "Sabah Umno" (PERSON): a party's chapter in a place
        elif end - start > 1 and doc[start].text in _word_set("org_head_words.txt"):
            yield Candidate(start, end, "Organization", text)  # "Universiti Malaya" (LOC)
        elif (
            end - start > 1 and label in ("PERSON", "ORG") and doc[start].text in _word_set("place_head_words.txt")
            and not (label == "ORG" and doc[end - 1].text in _word_set("org_suffixes.txt"))
        ):
            yield Candidate(start, end, "Place", text)  # "Istana Negara" (PERSON), not "Bukit Aman Narcotics Department"
        elif gazetteer.lookup_capital(text) is not None:
            yield Candidate(start, end, "Place", text)
        elif end - start > 1 and (label != "PERSON" or doc[end - 1].text in _facility_not_surname()) and _is_place_name(doc, start, end):
            yield Candidate(start, end, "Place", text)
        elif text in _word_set("platforms.txt"):
            yield Candidate(start, end, "Organization", text)
        elif end < ent_end and doc[end].text in _AREA_WORDS:
            yield Candidate(start, end, "Place", text)  # "Jiangsu province"
        elif label == "ORG" and end == ent_end and _names_an_area(doc, end):
            yield Candidate(start, end, "Place", text)  # "the contested Varenko-Dal region" (ORG)
        elif label in ("ORG", "PERSON") and _known_place(doc, start, end, text, label):
            yield Candidate(start, end, "Place", text)
        elif label == "PERSON" and end - start == 1 and _after_place_noun(doc, start):
            yield Candidate(start, end, "Place", text)  # "the town of Pelindra" (PERSON)
        elif label == "PERSON":
            yield Candidate(start, end, "Person", text)
        elif label == "ORG" and end - start == 1 and _located_in(doc[start]):
            yield Candidate(start, end, "Place", text)  # "fighting near Herat": a place
        elif label == "ORG":
            yield Candidate(start, end, "Organization", text)
        else:
            yield Candidate(start, end, "Place", text)
