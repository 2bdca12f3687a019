"""Pull article metadata from the lines of a page and from HTML ``<head>`` tags.

Every reader is a small pure function over one line or paragraph:

- ``find_date(line)``         "Posted on December 24, 2025" -> ("2025-12-24", "published")
- ``parse_byline(line)``      "By NADIA HASSAN and ETHAN BROOKS" -> Credits(reporters=(...))
- ``parse_dateline(par)``     "KYIV, Ukraine (AP) — ..." -> Dateline("Kyiv", "AP", end)
- ``parse_credit_line(par)``  "(Reporting by A in Vienna; Editing by B)" -> Credits(...)
- ``parse_breadcrumb(line)``, ``parse_publisher_line(line)``, ``normalize_agency(name)``
- ``read_html_meta(html)``    og:/article: tags, meta author, canonical URL, JSON-LD

``MetaDraft`` collects what they find (first value wins, dates by rank) and
freezes it into an ``ArticleMeta``.  Names come out in normal case
("CAMILLE DURAND" -> "Camille Durand"), dates as ISO ``YYYY-MM-DD``.
Agency names and credit roles are data: ``patterns/agencies.txt`` and
``patterns/credits.txt``.
"""

from __future__ import annotations

import html as html_lib
import json
import logging
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any, Iterable

from dateutil import parser as date_parser  # type: ignore[import-untyped]

from .cleaning import hidden_xpath
from .errors import InputError
from .patterns import read_lines, read_patterns
from .records import ArticleMeta

log = logging.getLogger(__name__)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = re.compile(
    rf"(?P<iso>\b\d{{4}}-\d{{1,2}}-\d{{1,2}})"
    rf"|(?P<num>\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}\b)"
    rf"|(?P<mdy>\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b)"
    rf"|(?P<dmy>\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}\b)",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    r"^(?P<label>date|dated|posted|published|first published|updated|last updated|modified|last modified)"
    r"(?:\s+(?:on|at))?\s*:?\s*",
    re.IGNORECASE,
)
_DATE_FILLER = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"  # times
    r"|\b\d{1,2}\s*[ap]\.?m\.?"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b\.?"
    r"|\b(?:at|on)\b|\b[A-Z]{2,5}\b|[()\[\]\-–—|·•,@+]|\b\d{1,2}\b",  # "UTC", "GMT+1", separators
)
_BY = re.compile(r"^by\s+(?P<names>.+)$", re.IGNORECASE)
_TERMINAL_PERIOD = re.compile(r"[a-z]{3,}\.$")  # a sentence, not "By Jane Doe Jr."
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.-]*|[A-Z]\.)$")
_PARTICLES = frozenset(
    "van von der den de da das do dos du del della di la le al el bin ibn bint ben ter ten y e".split()
)
_PLACE_SMALL = frozenset("of on the de da do dos das del la le les au aux es et sur am an der den di y".split())
_JOB_WORDS = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|staff|bureau|chief|desk|contributor|columnist|journalist|"
    r"analyst|producer|news|service|agency|agencies|team|newsroom|wire|wires)\b",
    re.IGNORECASE,
)
_L = r"[^\W\d_]"  # any letter
_DATELINE = re.compile(
    rf"^(?P<place>{_L}(?:{_L}|[ .'’/-]){{0,40}}?)"
    rf"(?:,\s*(?P<region>{_L}(?:{_L}|[ .'’-]){{0,30}}?))?"
    rf"(?:,\s*(?P<date>{_MONTH}\.?\s+\d{{1,2}}(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|\d{{1,2}}\s+{_MONTH}\.?(?:,?\s+(?P<year2>\d{{4}}))?))?"  # "March 4, 2026" or "4 March 2026"
    r"\s*(?:\((?P<agency>[^()]{1,40})\))?"
    r"(?:\s*(?:—|–|--|:)\s*|\s+-\s+)"
)
_DATE_DATELINE = re.compile(  # "March 4 (Reuters) - ": a date and an agency, no city
    rf"^(?P<date>{_MONTH}\.?\s+\d{{1,2}}(?:,?\s+(?P<year>\d{{4}}))?)\s*\((?P<agency>[^()]{{1,40}})\)"
    r"(?:\s*(?:—|–|--|:)\s*|\s+-\s+)"
)
_CREDIT_START = re.compile(
    r"^\(?\s*(?P<role>(?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+)\s+by\s+(?P<names>[^;]+)", re.IGNORECASE
)
_CONTRIBUTED = re.compile(
    r"^\(?\s*(?:The\s+)?(?P<who>.+?)\s+(?:also\s+)?contributed(?P<tail>\s[^.]*)?[.)]*$", re.IGNORECASE
)
_CONTRIBUTED_TO = re.compile(r"^\s*(?:reporting\b|to\s+th(?:is|e)\s+(?:report|story|article)\b)", re.IGNORECASE)
_STAFF_LEAD = re.compile(
    r"^(?P<org>.+?)\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?|photographers?|"
    r"videojournalists?|producers?)\s+(?P<rest>.+)$"
)
_WITH_AGENCY = re.compile(r"^[\s—–-]*\(?\s*(?:with|additional reporting by|source:?)\s+(?P<who>[^()]+?)\s*\)?\.?$",
                          re.IGNORECASE)
_INITIALS = re.compile(r"^[a-z][a-z-]{0,11}(?:\s*/\s*[a-z][a-z-]{0,11}){1,6}$")
_NOT_PLACES = frozenset(
    "breaking update updated exclusive analysis explainer factbox watch live opinion editorial comment "
    "correction corrected refile note warning".split()
)
_SOURCE_LABEL = re.compile(r"^(?:published|distributed|posted|source|via|from|with|credit)(?:\s+by)?\s*:?\s+", re.I)
_BREADCRUMB_SEP = re.compile(r"\s+[>›»]\s+")
_PUBLISHER_LINE = re.compile(r"^(?:published|distributed|brought to you) by\s+(?P<name>.{2,80})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Credits:
    """People credited by a byline or credit line, and the agency it names."""

    reporters: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    agency: str | None = None
    contributors: tuple[str, ...] = ()  # those of the reporters who only contributed ("X contributed to this report")


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline at the start of a story: city, agency and where the body starts."""

    place: str
    agency: str | None
    end: int
    date: str | None = None  # ISO, when the dateline gives a year ("LONDON, March 4, 2026 (Reuters) -")
    region: str | None = None  # what follows the city: "Zambia" in "LUSAKA, Zambia —", "Mo." in "ST. LOUIS, Mo."


# --- data files ------------------------------------------------------------


def _read_mapping(name: str) -> dict[str, str]:
    """``CANONICAL: alias, alias`` lines -> {alias folded: canonical}."""
    mapping: dict[str, str] = {}
    for number, raw in enumerate(read_patterns(name).splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, rest = line.partition(":")
        if not sep or not key.strip():
            raise InputError(f"{name}:{number}: bad line {line!r}; write NAME: alias, alias")
        key = key.strip()
        mapping.setdefault(key.casefold(), key)
        for alias in rest.split(","):
            if alias.strip():
                mapping[" ".join(alias.split()).casefold()] = key
    return mapping


@lru_cache(maxsize=None)
def agencies() -> dict[str, str]:
    """Alias (folded) -> canonical agency name, from ``patterns/agencies.txt``."""
    return _read_mapping("agencies.txt")


@lru_cache(maxsize=None)
def credit_roles() -> dict[str, str]:
    """Credit role (folded, "additional reporting") -> "reporters" | "editors" | "ignore"."""
    return {role: field for role, field in _read_mapping("credits.txt").items() if role != field.casefold()}


def normalize_agency(name: str) -> str | None:
    """Canonical agency for a credited name: "(Reuters)" / "Associated Press" / "AFP staff" -> "Reuters" / "AP" / "AFP"."""
    key = " ".join(name.strip(" ()[].,;:—–-").split()).casefold()
    key = re.sub(r"^(?:the|via)\s+", "", key)
    key = re.sub(r"\s+(?:staff|staff writers?|reporters?|correspondents?|writers?)$", "", key)
    return agencies().get(key) or agencies().get(f"the {key}")


# --- names -----------------------------------------------------------------


def normal_case(name: str) -> str:
    """Upper-case words to normal case: "CAMILLE DURAND" -> "Camille Durand", "O'NEILL" -> "O'Neill"."""

    def fix(word: str) -> str:
        if not (word.isupper() and len(word) > 1):
            return word
        parts = re.split(r"([-'’])", word.lower())
        return "".join(part[:1].upper() + part[1:] for part in parts)

    return " ".join(fix(word) for word in name.split())


def place_case(place: str) -> str:
    """An upper-case dateline city to normal case: "BUENOS AIRES" -> "Buenos Aires", "RIO DE JANEIRO" -> "Rio de Janeiro"."""
    place = " ".join(place.split())
    if not place.isupper():
        return place
    words = []
    for index, word in enumerate(place.lower().split()):
        if index and word in _PLACE_SMALL:
            words.append(word)
            continue
        parts = re.split(r"([-'’])", word)
        words.append(
            "".join(
                part if (i and part in _PLACE_SMALL) else part[:1].upper() + part[1:] for i, part in enumerate(parts)
            )
        )
    return " ".join(words)


def is_name(text: str) -> bool:
    """True for a plausible person's name: 2-5 capitalised words (particles allowed)."""
    words = text.split()
    if not 2 <= len(words) <= 6 or _JOB_WORDS.search(text):
        return False
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words) and words[-1][0].isupper()


def _is_single_name(word: str) -> bool:
    """One capitalised word that may be a person credited by a single name ("Reporting by Jun")."""
    return bool(re.fullmatch(r"[^\W\d_][\w'’-]+", word)) and word[0].isupper() and not (
        normalize_agency(word) or _JOB_WORDS.search(word)
    )


def split_names(text: str, *, strict: bool = False) -> tuple[str, ...] | None:
    """A credited list of people -> names in normal case.

    Splits on ",", ";", "&" and " and "; drops " in Vienna" and a place after it
    ("Omar Farid in Doha, Qatar") and agency names.  Other chunks that are not
    a person's name are dropped, or make the result None when ``strict``
    (so "Written by Prime Minister X, the letter said ..." is no credit).
    """
    names: list[str] = []
    after_place = False
    for chunk in re.split(r"\s*(?:[,;&]|\band\b)\s*", text.strip(" .()")):
        chunk = chunk.strip(" .")
        if not chunk:
            continue
        pieces = re.split(r"\s+(?:in|from|at)\s+(?=[^\W\d_])", chunk, maxsplit=1)
        head, has_place = normal_case(pieces[0].strip()), len(pieces) > 1
        if after_place and not has_place and len(chunk.split()) == 1 and chunk[:1].isupper():
            continue  # "Qatar" in "Omar Farid in Doha, Qatar"
        after_place = has_place
        if is_name(head) or _is_single_name(head):
            if head not in names:
                names.append(head)
        elif strict and not normalize_agency(head):
            return None
    return tuple(names)


# --- dates -------------------------------------------------------------------


def parse_date(value: str, *, dayfirst: bool | None = None) -> str | None:
    """A date in any common form -> ISO "YYYY-MM-DD" (local date of a timestamp), or None."""
    value = value.strip()
    if not value:
        return None
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", value)
    if iso:
        return "-".join(iso.groups())
    numeric = re.match(r"^(\d{1,2})[/.](\d{1,2})[/.]\d{4}", value)
    if numeric and dayfirst is None:
        first, second = int(numeric.group(1)), int(numeric.group(2))
        dayfirst = not (second > 12 and first <= 12)
    try:
        parsed: datetime = date_parser.parse(value, dayfirst=bool(dayfirst), fuzzy=True, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1900:
        return None
    return parsed.date().isoformat()


def find_date(line: str) -> tuple[str, str] | None:
    """A line that is only a date (with label, time, zone) -> (ISO date, "published" | "updated")."""
    if len(line) > 80:
        return None
    label = _DATE_LABEL.match(line)
    rest = line[label.end():] if label else line
    found = _DATE.search(rest)
    if not found:
        return None
    leftover = _DATE_FILLER.sub(" ", rest[: found.start()] + " " + rest[found.end():])
    if leftover.strip(" .:"):
        return None
    iso = parse_date(found.group(0))
    if not iso:
        return None
    kind = label.group("label").lower() if label else ""
    return iso, ("updated" if ("updat" in kind or "modif" in kind) else "published")


def labelled_date(line: str) -> tuple[str, str] | None:
    """A line that starts with a labelled date ("date 2025-12-24 Home > ...") -> (ISO date, rest of the line)."""
    label = _DATE_LABEL.match(line)
    if not label or "updat" in label.group("label").lower():
        return None
    found = _DATE.match(line, label.end())
    if not found:
        return None
    iso = parse_date(found.group(0))
    return (iso, line[found.end():].strip()) if iso else None


# --- header lines --------------------------------------------------------------


def parse_breadcrumb(line: str) -> str | None:
    """"Home > Headlines > Title of the story" -> the last crumb when it reads like a headline."""
    crumbs = _BREADCRUMB_SEP.split(line.strip())
    if len(crumbs) < 2 or (len(crumbs) == 2 and crumbs[0].lower() not in ("home", "news")):
        return None
    last = crumbs[-1].strip()
    return last if len(last.split()) >= 3 else None


def parse_publisher_line(line: str) -> str | None:
    """"Published by Global Finance Review" -> "Global Finance Review" (an agency is not a publisher)."""
    found = _PUBLISHER_LINE.match(line.strip())
    if not found or normalize_agency(found.group("name")):
        return None
    return found.group("name").strip(" .")


def parse_agency_line(line: str) -> str | None:
    """A line that is only an agency name ("Associated Press", "(AFP)", "— Reuters") -> canonical agency."""
    return normalize_agency(_SOURCE_LABEL.sub("", line.strip(" —–-"))) if len(line) <= 50 else None


def parse_byline(line: str) -> Credits | None:
    """"By NADIA HASSAN and ETHAN BROOKS" / "By Camille DURAND, AFP" / "By Reuters" -> Credits, else None."""
    found = _BY.match(line.strip())
    if not found or len(line) > 120 or _TERMINAL_PERIOD.search(line):
        return None
    agency = None
    people: list[str] = []
    for part in re.split(r"\s*[|,;]\s*|\s+(?:for|with)\s+", found.group("names")):
        part = part.strip()
        named = normalize_agency(part)
        if named:
            agency = agency or named
            continue
        people.extend(split_names(part) or ())
    if not people and not agency:
        return None
    return Credits(reporters=tuple(dict.fromkeys(people)), agency=agency)


@dataclass(frozen=True, slots=True)
class MetaLine:
    """What one header line says about the article (every field optional)."""

    date: str | None = None
    date_kind: str = "published"
    credits: Credits | None = None
    publisher: str | None = None
    agency: str | None = None
    crumb: str | None = None  # the headline at the end of a breadcrumb trail


_SEGMENT_SEP = re.compile(r"\s+[|·•]\s+|(?<=\d{4})\s+(?=by\s)", re.IGNORECASE)


def read_meta_line(line: str) -> MetaLine | None:
    """A header line that is only metadata -> what it says; None for any other line.

    Reads date lines, bylines, "Published by ...", agency lines, breadcrumbs
    and lines that join several of them ("By Jane Doe · May 2, 2026").
    """
    single = _read_one(line)
    if single or not _SEGMENT_SEP.search(line):
        return single
    segments = [segment for segment in _SEGMENT_SEP.split(line) if segment.strip()]
    parts = [part for part in map(_read_one, segments) if part]
    if not parts or len(parts) != len(segments):
        return None
    merged: dict[str, Any] = {}
    for part in parts:
        for key in ("date", "credits", "publisher", "agency", "crumb"):
            value = getattr(part, key)
            if value and key not in merged:
                merged[key] = value
                if key == "date":
                    merged["date_kind"] = part.date_kind
    return MetaLine(**merged)


def _read_one(line: str) -> MetaLine | None:
    labelled = labelled_date(line)
    if labelled:
        iso, rest = labelled
        byline = parse_byline(rest) if rest else None  # "Posted on May 2, 2026 by Jane Doe"
        return MetaLine(date=iso, credits=byline, crumb=parse_breadcrumb(rest) if rest else None)
    found = find_date(line)
    if found:
        return MetaLine(date=found[0], date_kind=found[1])
    byline = parse_byline(line)
    if byline:
        return MetaLine(credits=byline)
    publisher = parse_publisher_line(line)
    if publisher:
        return MetaLine(publisher=publisher)
    agency = parse_agency_line(line)
    if agency:
        return MetaLine(agency=agency)
    crumb = parse_breadcrumb(line)
    return MetaLine(crumb=crumb) if crumb else None


# --- body paragraphs ---------------------------------------------------------------


def _region(text: str) -> str | None:
    """The region or country after a dateline's city, in normal case ("RUSSIA" -> "Russia")."""
    text = " ".join(text.strip(" ,.-\u2014\u2013").split())
    if not text or len(text.split()) > 4:
        return None
    return place_case(text) if text.isupper() else text


def parse_dateline(paragraph: str) -> Dateline | None:
    """"PARIS, Dec 24 (Reuters) - ...", "KYIV, Ukraine (AP) — ...", "Copenhagen (AFP) - ...", "BANGKOK — ...",
    "LUSAKA, Zambia — ...", "PUTRAJAYA, 4 March (Bernama) -- ...", "March 4 (Reuters) - ..." (no city: place "")

    Returns the city in normal case, the agency (canonical) and the offset
    where the story text starts, or None.  Without an agency or a date the
    city must be in capitals ("BANGKOK — "), so "Officials said - ..." is not
    a dateline.
    """
    found = _DATELINE.match(paragraph)
    if not found:
        dated = _DATE_DATELINE.match(paragraph)
        agency = normalize_agency(dated.group("agency")) if dated else None
        if not dated or not agency or len(paragraph) - dated.end() < 20:
            return None
        date = parse_date(dated.group("date")) if dated.group("year") else None
        return Dateline(place="", agency=agency, end=dated.end(), date=date)
    place = found.group("place").split("/")[0].strip(" .-'’")
    region = found.group("region") or ""
    raw_agency = found.group("agency")
    agency = normalize_agency(raw_agency) if raw_agency else None
    if raw_agency and not agency:
        return None  # "Kyiv (Ukraine) - ": a parenthesis that names no agency
    if not (agency or found.group("date")) and not (place.isupper() and _first_alpha_upper(region)):
        return None  # "LUSAKA, Zambia — " and "BANGKOK — ", not "Officials said - "
    if not place or len(place.split()) > 4 or place.lower() in _NOT_PLACES or len(paragraph) - found.end() < 20:
        return None
    date = parse_date(found.group("date")) if found.group("year") or found.group("year2") else None
    return Dateline(place=place_case(place), agency=agency, end=found.end(), date=date, region=_region(region))


_ALONE_PLACE = re.compile(rf"^(?P<place>{_L}(?:{_L}|[ .'’-]){{0,40}}?)(?:,\s*(?P<region>{_L}(?:{_L}|[ .'’-]){{0,30}}?))?[\s,]*$")


def parse_dateline_line(paragraph: str) -> Dateline | None:
    """A dateline on a line of its own: "LAGOS 1996-08-30", "MEXICO CITY, March 4, 2026 (AFP)",
    "ST. LOUIS, Mo." (the date may follow on the next line).

    The city must be in capitals; ``end`` is the paragraph's length (nothing of it is story).
    """
    text = " ".join(paragraph.split())
    if len(text) > 80:
        return None
    agency = None
    bracket = re.search(r"\s*\((?P<agency>[^()]{1,40})\)\s*[—–-]*\s*$", text)
    if bracket:
        agency = normalize_agency(bracket.group("agency"))
        if agency is None:
            return None
        text = text[: bracket.start()]
    date = None
    found = _DATE.search(text)
    if found and not text[found.end():].strip(" ,."):
        date = parse_date(found.group(0))
        text = text[: found.start()]
    elif found:
        return None
    place_match = _ALONE_PLACE.match(text.strip())
    if not place_match:
        return None
    place = place_match.group("place").strip(" .-'’")
    region = place_match.group("region") or ""
    if not place.isupper() or not _first_alpha_upper(region) or len(place.split()) > 4 or place.lower() in _NOT_PLACES:
        return None
    if len(place.replace(".", "").replace(" ", "")) < 3:
        return None
    return Dateline(place=place_case(place), agency=agency, end=len(paragraph), date=date, region=_region(region))


def _first_alpha_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return not letters or letters[0].isupper()


def parse_credit_line(paragraph: str) -> Credits | None:
    """A credit paragraph -> Credits, else None.

    Reads "(Reporting by A in Vienna and B; Additional reporting by C; Editing by D)",
    "Associated Press writer E in Doha, Qatar, contributed to this report.",
    "— With AFP" and AFP's trailing initials line "cd/ole/rmb".
    """
    text = " ".join(paragraph.split())
    if len(text) > 400:
        return None
    if _INITIALS.match(text):
        return Credits()
    sentences = _CREDIT_SENTENCE.split(text)
    if len(sentences) > 1:  # "Reuters contributed to this report. Additional reporting by A in B."
        found = [_one_credit(sentence) for sentence in sentences]
        return _merge_credits([c for c in found if c]) if all(found) else None
    return _one_credit(text)


_CREDIT_SENTENCE = re.compile(r"(?<=[a-z)]\.)\s+(?=[A-Z(])|(?<=\))\s+(?=[A-Z(])")


def _merge_credits(found: list[Credits]) -> Credits:
    def union(key: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for credits in found for name in getattr(credits, key)))

    agency = next((c.agency for c in found if c.agency), None)
    return Credits(reporters=union("reporters"), editors=union("editors"), agency=agency, contributors=union("contributors"))


def _one_credit(text: str) -> Credits | None:
    desk = _desk_credits(text)
    if desk is not None:
        return desk
    contributed = _CONTRIBUTED.match(text)
    if contributed:
        tail = contributed.group("tail") or ""
        who = contributed.group("who")
        if _CONTRIBUTED_TO.match(tail) or (not tail.strip() and _STAFF_LEAD.match(who)):
            return _contributors(who)
    with_agency = _WITH_AGENCY.match(text)
    if with_agency:
        named = [normalize_agency(part) for part in re.split(r"\s*(?:,|\band\b|&)\s*", with_agency.group("who"))]
        if named and all(named):
            return Credits(agency=named[0])
        if with_agency.group("who").strip().lower() in ("agencies", "wires", "agency reports", "wire services"):
            return Credits()
    return _role_credits(text)


_DESK_LINE = re.compile(r"^(?:--|—|–)\s*(?P<body>.+)$")
_PHONE = re.compile(r"(?:\b(?:tel|fax|phone|e-?mail)\b\.?:?\s*)?(?:\S+@\S+|\+?\(?\d[\d\s()./-]{5,}\d)", re.IGNORECASE)
_DESK_WORDS = re.compile(r"\b(?:newsroom|news ?desk|desk|bureau|commodities|markets)\b", re.IGNORECASE)


def _desk_credits(text: str) -> Credits | None:
    """A wire desk's sign-off: "-- Jane Doe, Lisbon Newsroom +351 21 000 0000" -> Credits(reporters=("Jane Doe",)).

    It starts with a dash and gives a telephone number, an e-mail address or a desk;
    the names in it are reporters, the desk itself is nobody.
    """
    found = _DESK_LINE.match(text)
    if not found:
        return None
    body = found.group("body")
    if not (_PHONE.search(body) or _DESK_WORDS.search(body)) or len(body) > 160:
        return None
    names: list[str] = []
    for chunk in re.split(r"\s*[,;]\s*", _PHONE.sub(",", body)):
        chunk = chunk.strip(" .:-")
        if not chunk or _DESK_WORDS.search(chunk) or normalize_agency(chunk):
            continue
        if not is_name(normal_case(chunk)):
            return None  # prose after a dash, not a sign-off
        names.append(normal_case(chunk))
    return Credits(reporters=tuple(names))


def _role_credits(text: str) -> Credits | None:
    """"(Reporting by A; Editing by B)" and unbracketed "Reporting by A, editing by B"."""
    body = text.strip()
    bracketed = body.startswith("(") and body.endswith(")")
    if bracketed:
        body = body[1:-1]
    parts = re.split(r"\s*;\s*|(?:\.|,)\s+(?=(?:[A-Za-z-]+\s+){0,3}by\b)", body.strip(" ."))
    roles = credit_roles()
    reporters: list[str] = []
    editors: list[str] = []
    contributors: list[str] = []
    for index, part in enumerate(parts):
        found = _CREDIT_START.match(part)
        role = " ".join(found.group("role").split()).casefold() if found else ""
        field = roles.get(role) if found else None
        if not found or not field:
            if index == 0:
                return None  # not a credit line at all
            continue
        names = split_names(found.group("names"), strict=not bracketed)
        if names is None:
            return None  # "Written by Prime Minister X, the letter said ...": prose, not a credit
        if field == "reporters":
            reporters.extend(n for n in names if n not in reporters)
            if role.startswith("additional"):
                contributors.extend(n for n in names if n not in contributors)
        elif field == "editors":
            editors.extend(n for n in names if n not in editors)
    if not (reporters or editors):
        return None
    return Credits(reporters=tuple(reporters), editors=tuple(editors), contributors=tuple(contributors))


def _contributors(who: str) -> Credits | None:
    """"Associated Press writers A in X and B" -> Credits(reporters=(A, B), agency="AP")."""
    agency = None
    lead = _STAFF_LEAD.match(who)
    if lead and normalize_agency(lead.group("org")):
        agency = normalize_agency(lead.group("org"))
        who = lead.group("rest")
    if normalize_agency(who):
        return Credits(agency=normalize_agency(who))
    names = split_names(who, strict=True)
    if not names:
        return None
    return Credits(reporters=names, agency=agency, contributors=names)


_BIO = re.compile(
    r"^[—–-]?\s*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:is|was|has been|writes|covers|reports)\b(?P<rest>.*)$",
    re.DOTALL,
)
_BIO_JOB = re.compile(
    r"\b(?:reporter|correspondent|writer|editor|columnist|journalist|contributor|freelancer?|staff|producer|"
    r"bureau chief|intern|editor-at-large)s?\b", re.IGNORECASE,
)
_BIO_CONTACT = re.compile(
    r"@\w|\b(?:can be reached|reach (?:him|her|them)|follow (?:him|her|them)|e-?mail|covers|based in|writes about|"
    r"reports on|joined (?:the|our)|on (?:twitter|x|instagram|linkedin)\b)", re.IGNORECASE,
)


def is_author_bio(paragraph: str, reporters: Iterable[str] = (), *, tail: bool = False) -> bool:
    """A note about the article's writer ("Priya Nair is the Courier's local government reporter.
    She covers ... and can be reached at ..."): a journalist's job said of one of the reporters,
    or, at the end of the story (``tail``), of a name followed by contact or beat details."""
    found = _BIO.match(paragraph)
    if not found or len(paragraph.split()) > 90 or not _BIO_JOB.search(found.group("rest")):
        return False
    name = normal_case(found.group("name"))
    return name in set(reporters) or (tail and bool(_BIO_CONTACT.search(found.group("rest"))))


# --- HTML head ---------------------------------------------------------------------


class _HeadReader(HTMLParser):
    """Collects <meta>, <link rel=canonical>, <title> and JSON-LD blocks of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, str] = {}
        self.title = ""
        self.json_ld: list[str] = []
        self._in: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key and attr.get("content"):
                self.meta.setdefault(key, []).append(attr["content"].strip())
        elif tag == "link" and attr.get("href"):
            for rel in attr.get("rel", "").lower().split():
                self.links.setdefault(rel, attr["href"].strip())
        elif tag == "title" and not self.title:
            self._in, self._buffer = "title", []
        elif tag == "script" and "ld+json" in attr.get("type", "").lower():
            self._in, self._buffer = "json_ld", []

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._in == "title" and tag == "title":
            self.title = " ".join("".join(self._buffer).split())
            self._in = None
        elif self._in == "json_ld" and tag == "script":
            self.json_ld.append("".join(self._buffer))
            self._in = None


def _ld_objects(blocks: Iterable[str]) -> Iterable[dict[str, Any]]:
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            log.debug("skipping invalid JSON-LD block")
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
                yield item


def _ld_types(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type")
    return [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]


def _ld_names(value: Any, nodes: dict[str, dict[str, Any]] | None = None, *, people: bool = False) -> list[str]:
    """Names in a JSON-LD value: a string, {"name": ...}, {"@id": ...} found among ``nodes``, or a list.

    With ``people``, a node typed as an organisation gives no name (an author that is the publisher)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if "name" not in value and nodes and isinstance(value.get("@id"), str):
            value = nodes.get(value["@id"], value)  # Yoast's graph: "author": {"@id": "#/schema/person/.."}
        if people and any(t in _LD_ORGANISATIONS for t in _ld_types(value)):
            return []
        return _ld_names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _ld_names(item, nodes, people=people)]
    return []


_LD_ORGANISATIONS = frozenset(("Organization", "NewsMediaOrganization", "Corporation", "NGO", "GovernmentOrganization"))


@dataclass(slots=True)
class HtmlMeta:
    """What a page's <head> says: the raw values before they are checked and merged."""

    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    page_title: str | None = None
    headline: str | None = None  # the page's first <h1>, when it reads like a headline
    bylines: list[str] = field(default_factory=list)  # the visible byline's text, for a page whose tags name nobody


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")
_TITLE_SPLIT = re.compile("|".join(re.escape(sep) for sep in _TITLE_SEPARATORS))
_SITE_WORDS = frozenset(
    "news politics world business opinion sport sports online times post daily today live tv radio media press "
    "herald tribune journal gazette telegraph guardian review magazine weekly network asia africa europe".split()
)
_HEADINGS = (  # visible headline candidates, in document order
    "//h1 | //h2 | //h3 | //*[@itemprop='headline']"
    " | //*[contains(@class, 'headline') or contains(@class, 'title') or contains(@id, 'headline')]"
)
_BYLINES = (  # visible byline candidates: by class, id, rel or itemprop, or a link to a staff page
    "//*[contains(@class, 'byline') or contains(@class, 'author') or contains(@class, 'attribution')"
    " or contains(@id, 'byline') or contains(@id, 'author') or @rel='author' or contains(@itemprop, 'author')]"
    " | //a[contains(@href, '/author/') or contains(@href, '/authors/') or contains(@href, '/people/')"
    " or contains(@href, '/staff/') or contains(@href, '/journalists/') or contains(@href, '/reporters/')]"
)
_STAFF_HREF = re.compile(r"/(?:author|authors|people|staff|journalists|reporters)/")
_NOT_STORY_WORDS = ("comment", "related", "read-next", "readnext", "recommend", "sidebar", "footer", "widget",
                    "teaser", "promo", "card", "bio")


def _not_story(names: str) -> bool:
    """Whether class or id names mark a box outside the story (comments, related stories, a
    sidebar, an author bio): a name that begins with one of the words, or ends with it (or its
    plural) after "-" or "_" ("post-comments", "author-bio"); a word inside a name does not
    count ("l-sidebar-fixed" is a page layout that holds the story)."""
    for name in names.lower().split():
        for word in _NOT_STORY_WORDS:
            if name.startswith(word) or any(name.endswith(f"{sep}{word}{end}") for sep in "-_" for end in ("", "s")):
                return True
    return False


def fold(text: str) -> str:
    """Lower case, no punctuation, single spaces: the form in which titles are compared."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def strip_site(title: str, publisher: str | None = None) -> str:
    """"Story title | Site name", "Story title - Politics - Site", "SITE.com - Story title - March 4, 2008":
    the headline without the site's and the section's names (a part of at most 4 capitalised words,
    or the publisher) and without a date or a domain at either end."""
    title = " ".join(title.split())
    while True:
        parts = _TITLE_SPLIT.split(title)
        if len(parts) < 2:
            return title
        first, last = parts[0].strip(), parts[-1].strip()
        if _date_or_domain(last) and len(" ".join(parts[:-1]).split()) >= 2:
            title = title[: title.rfind(last)].rstrip(" |-–—:·»")
            continue
        if _date_or_domain(first) or (publisher and fold(first).removeprefix("the ") == fold(publisher).removeprefix("the ")):
            title = title[len(first):].lstrip(" |-–—:·»")
            continue
        cut = max((title.rfind(sep), sep) for sep in _TITLE_SEPARATORS)
        index, sep = cut
        head, tail = title[:index].strip(), title[index + len(sep):].strip()
        words = tail.split()
        site_like = bool(publisher) and fold(tail).removeprefix("the ") == fold(publisher or "").removeprefix("the ")
        named = 1 <= len(words) <= 4 and all(w[:1].isupper() or w in ("&", "of", "and", "the") or not w[:1].isalpha() for w in words)
        sitey = any(w.casefold().strip(".") in _SITE_WORDS or "." in w[1:] for w in words)  # "UN News", "Example.com"
        if len(head.split()) < 3 or not (site_like or (named and (sep == " | " or sitey))):
            return title  # "Europe must act - Macron": a quote's speaker, not a site
        title = head


@lru_cache(maxsize=None)
def _wire_slug() -> re.Pattern[str]:
    labels = "|".join(re.escape(w) for w in read_lines("wire_slugs.txt"))
    return re.compile(rf"^(?:(?:{labels})(?:\s+\d+)?\s*-\s*)+")


def strip_wire_slug(title: str) -> str:
    """"UPDATE 2-Chile says talks stall" -> "Chile says talks stall" (patterns/wire_slugs.txt);
    a title that is nothing but the label stays."""
    stripped = _wire_slug().sub("", title.strip())
    return stripped if stripped.strip() else title


def site_name_only(title: str, publisher: str | None = None) -> bool:
    """A page title that, once stripped, is only the site's name ("The Valley Gazette", "Daily
    Courier"): the publisher, or at most four capitalised words with a newsroom word. No headline."""
    words = title.split()
    if publisher and fold(title).removeprefix("the ") == fold(publisher).removeprefix("the "):
        return True
    capitalised = all(w[:1].isupper() or w.casefold() in ("of", "and", "the", "&") for w in words)
    newsroom = any(w.casefold().strip(".") in _SITE_WORDS | _ORG_AUTHOR_WORDS for w in words)
    return 1 <= len(words) <= 4 and capitalised and newsroom


def _date_or_domain(part: str) -> bool:
    """A title part that is a date ("March 4, 2008") or a domain ("WORLDWIRE.example", "Example.com")."""
    return bool(find_date(part)) or bool(re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[A-Za-z]{2,})+", part.strip()))


def _headline_like(text: str, sites: set[str], *, low: int = 3) -> bool:
    words = text.split()
    return low <= len(words) <= 40 and not find_date(text) and fold(text).removeprefix("the ") not in sites


def _agrees(text: str, refs: list[str]) -> bool:
    """A visible heading that says what one of the page's titles says (most words shared)."""
    mine = set(fold(text).split())
    for ref in refs:
        for variant in (ref, *_TITLE_SPLIT.split(ref)):
            theirs = set(fold(variant).split())
            if theirs and len(mine & theirs) >= 0.6 * max(len(mine), len(theirs)):
                return True
    return False


def _choose_title(tree: Any, refs: list[str], page_title: str | None, sites: set[str]) -> str | None:
    """The story's headline: a visible heading that agrees with a title in the page's tags, else a
    title of the tags printed in the page, else the first <h1>, else the tags' headline
    (JSON-LD, then the <title> without its site name, then the social-media title)."""
    headings: list[str] = []
    if tree is not None:
        for element in tree.xpath(_HEADINGS)[:80]:
            text = " ".join(element.text_content().split())
            if text and text not in headings and not _not_story(element.get("class") or ""):
                headings.append(text)
    for text in headings:
        if _headline_like(text, sites, low=2) and _agrees(text, refs):
            return text
    tags = [t for t in refs if t]
    if page_title:  # the <title> without its site name, before the social-media title unless nothing was cut
        stripped = strip_site(page_title)
        tags.insert(1 if stripped != page_title or not _TITLE_SPLIT.search(page_title) else len(tags), stripped)
    if tree is not None and tags:
        body = tree.find("body")
        shown = fold(body.text_content()) if body is not None else ""
        for text in tags:
            if _headline_like(text, sites) and fold(text) and f" {fold(text)} " in f" {shown} ":
                longer = (h for h in headings if f" {fold(text)} " in f" {fold(h)} " and _headline_like(h, sites))
                return next(longer, text)  # the heading that prints it ("Harbour strike ends after nine days")
    h1 = tree.xpath("//h1") if tree is not None else []
    for element in h1[:3]:
        text = " ".join(element.text_content().split())
        if _headline_like(text, sites) and not any(fold(text) == fold(p) for p in _TITLE_SPLIT.split(page_title or "")[1:]):
            return text
    return next((t for t in tags if _headline_like(t, sites, low=2)), None)


_H1 = re.compile(r"<h1\b[^>]*>(?P<inner>.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _first_h1(page: str) -> str | None:
    found = _H1.search(page)
    if not found:
        return None
    text = " ".join(html_lib.unescape(_TAG.sub(" ", found.group("inner"))).split())
    return text if 3 <= len(text.split()) <= 40 else None


def parse_page(page: str) -> Any:
    """The page as an lxml tree without its hidden elements (None when lxml cannot read it)."""
    import lxml.html  # type: ignore[import-untyped]

    try:
        tree = lxml.html.document_fromstring(page)
    except Exception as exc:  # lxml refuses empty or odd documents; the head tags still count
        log.debug("cannot parse the page: %s", exc)
        return None
    for element in tree.xpath(hidden_xpath()):  # pop-ups and tooltips nobody sees: no headline, no byline
        if element.getparent() is not None:
            element.drop_tree()
    return tree


def _visible_bylines(tree: Any) -> list[str]:
    """Text of the page's first byline element ("By Jane Doe and John Roe"), or the names of its
    links to staff pages; bylines of comments, teasers and related stories are passed over."""
    if tree is None:
        return []
    for element in tree.xpath(_BYLINES)[:40]:
        if any(_not_story(f"{a.get('class') or ''} {a.get('id') or ''}") for a in element.iterancestors()):
            continue
        if _not_story(element.get("class") or ""):
            continue
        if element.tag == "a" and element.getparent() is not None:  # "By <a>A</a> and <a>B</a>"
            links = [a for a in element.getparent().iter("a") if _STAFF_HREF.search(a.get("href") or "")]
            names = [" ".join(a.text_content().split()) for a in links or [element]]
        else:
            names = [" ".join(element.text_content().split())]
        names = [n for n in names if 0 < len(n) <= 100]
        if names and any(parse_byline(n if n.lower().startswith("by ") else f"By {n}") for n in names):
            return names
    return []


def read_html_meta(page: str, tree: Any = None) -> HtmlMeta:
    """Read the headline (a visible heading that agrees with the page's titles; else JSON-LD, <title>,
    og:title), article:published_time, og:site_name, author tags and JSON-LD authors (with their
    @id links), the visible byline, the canonical URL."""
    reader = _HeadReader()
    head_end = re.search(r"</head\s*>", page, re.IGNORECASE)
    try:
        reader.feed(page[: head_end.end()] if head_end else page)
        reader.close()
    except Exception as exc:  # html.parser is lenient; never let a broken head stop the article
        log.debug("cannot parse the HTML head: %s", exc)
    meta = reader.meta
    ld_article: dict[str, Any] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for item in _ld_objects(reader.json_ld):
        if isinstance(item.get("@id"), str):
            nodes.setdefault(item["@id"], item)
        if any("Article" in k or k in ("Report", "BlogPosting") for k in _ld_types(item)):
            ld_article = ld_article or item  # the first article block; others are related stories

    def first(*keys: str) -> str | None:
        for key in keys:
            for value in meta.get(key, []):
                if value.strip():
                    return html_lib.unescape(value.strip())
        return None

    tree = parse_page(page) if tree is None else tree
    out = HtmlMeta(page_title=html_lib.unescape(reader.title) if reader.title else None, headline=_first_h1(page))
    out.publisher = first("og:site_name", "application-name") or next(
        iter(_ld_names(ld_article.get("publisher"), nodes)), None
    )
    sites = {fold(s).removeprefix("the ") for s in (out.publisher, *_TITLE_SPLIT.split(out.page_title or "")[1:]) if s}
    sites = {s for s in sites if s and len(s.split()) <= 5}
    refs = [_ld_str(ld_article.get("headline")) or "", first("og:title") or "", first("twitter:title") or "",
            first("dcterms.title", "dc.title") or "", out.page_title or ""]
    out.title = _choose_title(tree, [r for r in refs[:4] if r] + ([out.page_title] if out.page_title else []),
                              out.page_title, sites)
    raw_date = (
        first("article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
              "publishdate", "dc.date", "dc.date.issued", "dcterms.date", "parsely-pub-date", "sailthru.date")
        or _ld_str(ld_article.get("datePublished"))
    )
    out.date = parse_date(raw_date) if raw_date else None
    authors = meta.get("author", []) + meta.get("article:author", []) + meta.get("dc.creator", [])
    authors += _ld_names(ld_article.get("author"), nodes, people=True)
    out.authors = [html_lib.unescape(a) for a in authors if a and not re.match(r"^https?://", a)]
    out.bylines = _visible_bylines(tree)
    for url in (reader.links.get("canonical"), first("og:url"), _ld_str(ld_article.get("url"))):
        if url and re.match(r"^https?://", url):
            out.url = url
            break
    return out


def _ld_str(value: Any) -> str | None:
    return html_lib.unescape(value.strip()) if isinstance(value, str) and value.strip() else None


# --- collecting ------------------------------------------------------------------------


_DATE_RANK = {"given": 0, "html": 1, "published": 2, "text": 3, "updated": 4}


@dataclass(slots=True)
class MetaDraft:
    """Metadata as it is found: the first value of each field wins, the best-ranked date wins."""

    title: str | None = None
    publisher: str | None = None
    agency: str | None = None
    dateline: str | None = None
    dateline_region: str | None = None
    url: str | None = None
    reporters: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    date: str | None = None
    date_rank: int = 99
    contributors: bool = True  # "X contributed to this report" names count as reporters

    def put(self, key: str, value: str | None) -> None:
        """Set ``key`` unless it is already set or ``value`` is empty (a title loses the wire's
        label before it: "UPDATE 2-")."""
        if key == "title" and value:
            value = strip_wire_slug(value)
        if value and value.strip() and getattr(self, key) is None:
            setattr(self, key, value.strip())

    def put_date(self, iso: str | None, kind: str) -> None:
        rank = _DATE_RANK[kind]
        if iso and rank < self.date_rank:
            self.date, self.date_rank = iso, rank

    def add_line(self, line: MetaLine) -> None:
        """Take what a header line says."""
        self.put_date(line.date, line.date_kind)
        if line.credits:
            self.add_credits(line.credits)
        self.put("publisher", line.publisher)
        self.put("agency", line.agency)

    def add_credits(self, credits: Credits) -> None:
        self.put("agency", credits.agency)
        reporters = credits.reporters
        if not self.contributors and self.reporters:  # a saved page's byline leaves contributors out
            reporters = tuple(name for name in reporters if name not in credits.contributors)
        self.add_people(reporters=reporters, editors=credits.editors)

    def add_people(self, *, reporters: Iterable[str] = (), editors: Iterable[str] = ()) -> None:
        for name in reporters:
            if name not in self.reporters:
                self.reporters.append(name)
        for name in editors:
            if name not in self.editors:
                self.editors.append(name)

    def freeze(self) -> ArticleMeta:
        return ArticleMeta(
            title=self.title,
            date=self.date,
            publisher=self.publisher,
            agency=self.agency,
            dateline=self.dateline,
            dateline_region=self.dateline_region,
            reporters=tuple(self.reporters),
            editors=tuple(self.editors),
            url=self.url,
        )


def add_authors(draft: MetaDraft, authors: Iterable[str], *, publisher: str | None = None) -> None:
    """Author strings from a page's tags ("Jane Doe", "AFP", "A and B") -> reporters or agency.

    An organisation given as the author (the publisher itself, "Global Times", "Editorial
    Board", "CNN Staff") is nobody's name and is passed over.
    """
    publisher = publisher or draft.publisher
    for author in authors:
        for part in re.split(r"\s*[|;]\s*", author):
            agency = normalize_agency(part)
            if agency:
                draft.put("agency", agency)
                continue
            byline = parse_byline(part if part.lower().startswith("by ") else f"By {part}")
            if byline:  # a tag's single word ("admin", "Redaktion", "CNN") is nobody's name; nor is
                # an organisation ("By Jane Ortiz and Mark Bell, Daily Courier")
                people = tuple(n for n in byline.reporters if len(n.split()) >= 2 and not is_organisation(n, publisher=publisher))
                draft.add_credits(replace(byline, reporters=people))


_ORG_AUTHOR_WORDS = frozenset(
    "board desk staff team editors editorial newsroom agencies media times post news journal herald tribune "
    "gazette chronicle press network group online digital magazine daily weekly radio tv television "
    "courier telegraph observer express mirror bulletin dispatch ledger inquirer monitor bureau".split()
)
# Newsroom words that also end people's names ("Emily Post"): an organisation only at the end.
_ORG_AUTHOR_LAST_ONLY = frozenset({"post", "press", "times"})


def is_organisation(name: str, *, publisher: str | None = None) -> bool:
    """True for an author string that names an organisation, not a person: the publisher
    ("The Daily Ledger"), or a name with a newsroom word ("Global Times", "Editorial Board",
    "Daily Courier")."""
    words = re.sub(r"^by\s+", "", name.strip(), flags=re.IGNORECASE).split()
    if not words:
        return False
    folded = " ".join(w.casefold() for w in words)
    if publisher and folded.removeprefix("the ") == " ".join(publisher.casefold().split()).removeprefix("the "):
        return True
    folded_words = [w.casefold().strip(".,") for w in words]
    if folded_words[-1] in _ORG_AUTHOR_WORDS or folded_words[0] == "the":
        return True
    # "Daily Courier", "Weekly Standard": a newsroom word anywhere in the name
    return any(w in _ORG_AUTHOR_WORDS and w not in _ORG_AUTHOR_LAST_ONLY for w in folded_words[:-1])
