"""Countries by name, alias, demonym or capital, keyed by ISO 3166-1 alpha-2 code.

The data is ``kgraph/patterns/countries.tsv`` (one row per country, ``|``-separated
lists).  It is read once, on first use.  Lookups fold case, accents, punctuation and
whitespace, ignore a leading "the " and a trailing possessive "'s", and apply two case
rules so that common words do not match:

- a form written in capitals (an acronym: "US", "U.K.", "DRC") matches only text
  written in capitals ("US", not "us" or "Us");
- a form that starts with a capital letter ("Turkey", "French", "Moscow") matches only
  text that starts with one ("turkey" and "french fries" do not match).
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from .errors import KgraphError
from .identity import fold

Kind = Literal["name", "demonym", "capital"]
KINDS: tuple[Kind, ...] = ("name", "demonym", "capital")
COLUMNS = ("iso", "name", "aliases", "demonyms", "capitals")
ID_COLUMNS = ("iso3", "wikidata")
"""Optional last columns: ISO 3166-1 alpha-3 code and Wikidata item (scripts/build_country_ids.py)."""
DATA_FILE = "countries.tsv"

_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_ISO = re.compile(r"^[A-Z]{2}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True, slots=True)
class Country:
    """One country or territory and the words that name it."""

    iso: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    iso3: str = ""
    wikidata: str = ""  # Wikidata item id, e.g. "Q142"

    def forms(self, kind: Kind) -> tuple[str, ...]:
        """The surface forms of one kind: "name" gives the name and the aliases."""
        if kind == "name":
            return (self.name, *self.aliases)
        return self.demonyms if kind == "demonym" else self.capitals


# (folded form, written in capitals) -> (iso, must start with a capital)
_Table = dict[tuple[str, bool], tuple[str, bool]]


@dataclass(frozen=True, slots=True)
class _Index:
    countries: dict[str, Country]
    tables: dict[Kind, _Table]


def parse_countries(text: str, *, source: str = DATA_FILE) -> tuple[Country, ...]:
    """Parse the TSV text of ``countries.tsv``; raise KgraphError on a bad row or clash."""
    return _parse(text, source=source)[0]


def _parse(text: str, *, source: str) -> tuple[tuple[Country, ...], dict[Kind, _Table]]:
    lines = text.splitlines()
    header = tuple(lines[0].split("\t")) if lines else ()
    if header not in (COLUMNS, COLUMNS + ID_COLUMNS):
        raise KgraphError(
            f"{source}: the first line must be the header {'<TAB>'.join(COLUMNS)}"
            f" (optionally followed by <TAB>{'<TAB>'.join(ID_COLUMNS)})"
        )
    countries: list[Country] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise KgraphError(
                f"{source} line {number}: expected {len(header)} tab-separated fields, "
                f"got {len(fields)}; fix the row {line!r}"
            )
        iso, name, aliases, demonyms, capitals = (f.strip() for f in fields[:5])
        iso3, wikidata = (f.strip() for f in (fields[5:7] if len(fields) == 7 else ("", "")))
        if (iso3 and not _ISO3.match(iso3)) or (wikidata and not _QID.match(wikidata)):
            raise KgraphError(
                f"{source} line {number}: bad alpha-3 code {iso3!r} or Wikidata id {wikidata!r}; "
                'use three upper-case letters and an item id such as "Q142"'
            )
        if not _ISO.match(iso) or not name:
            raise KgraphError(
                f"{source} line {number}: bad ISO code {iso!r} or empty name; "
                "use a two-letter upper-case ISO 3166-1 code and a name"
            )
        if iso in seen:
            raise KgraphError(f"{source} line {number}: ISO code {iso} already used on line {seen[iso]}")
        seen[iso] = number
        countries.append(Country(iso, name, _split(aliases), _split(demonyms), _split(capitals), iso3, wikidata))
    return tuple(countries), _build_tables(countries, source=source)


def country(iso: str) -> Country:
    """The country with this ISO 3166-1 alpha-2 code ("FR", "fr")."""
    found = _index().countries.get(iso.strip().upper())
    if found is None:
        raise KgraphError(
            f'No country with ISO code "{iso}" in patterns/{DATA_FILE}; '
            'use an ISO 3166-1 alpha-2 code such as "FR" or add a row to the file.'
        )
    return found


def all_countries() -> tuple[Country, ...]:
    """Every country in the file, in file order."""
    return tuple(_index().countries.values())


def lookup_name(text: str) -> Country | None:
    """The country named by ``text`` ("Russia", "the U.S.", "Britain"), or None."""
    return _find("name", text)


def lookup_demonym(text: str) -> Country | None:
    """The country of a nationality adjective or noun ("French", "Russians"), or None."""
    return _find("demonym", text)


def lookup_capital(text: str) -> Country | None:
    """The country whose capital is ``text`` ("Moscow", "Kyiv"), or None."""
    return _find("capital", text)


def lookup(text: str) -> tuple[Country, Kind] | None:
    """Try ``text`` as a name, then a demonym, then a capital; give the country and the kind."""
    for kind in KINDS:
        found = _find(kind, text)
        if found is not None:
            return found, kind
    return None


def surface_forms() -> dict[str, tuple[str, Kind]]:
    """Every form as written in the file -> (iso, kind), e.g. for a spaCy PhraseMatcher."""
    forms: dict[str, tuple[str, Kind]] = {}
    for item in _index().countries.values():
        for kind in KINDS:
            for form in item.forms(kind):
                forms.setdefault(form, (item.iso, kind))
    return forms


def _split(field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split("|") if part.strip())


def _first_letter(text: str) -> str:
    return next((ch for ch in text if ch.isalpha()), "")


def _build_tables(countries: list[Country], *, source: str) -> dict[Kind, _Table]:
    tables: dict[Kind, _Table] = {kind: {} for kind in KINDS}
    for item in countries:
        for kind in KINDS:
            table = tables[kind]
            for form in item.forms(kind):
                key = (fold(form), form.isupper())
                capital = not key[1] and _first_letter(form).isupper()
                old = table.get(key)
                if old is not None and old[0] != item.iso:
                    raise KgraphError(
                        f'{source}: the {kind} "{form}" belongs to both {old[0]} and {item.iso}; '
                        "keep it on one row only"
                    )
                # when variants fold alike ("eSwatini", "Eswatini"), the laxer case rule wins
                table[key] = (item.iso, capital and (old is None or old[1]))
    return tables


@cache
def _index() -> _Index:
    resource = importlib.resources.files("kgraph.patterns") / DATA_FILE
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise KgraphError(f"Cannot read patterns/{DATA_FILE}: {exc}; reinstall kgraph") from exc
    countries, tables = _parse(text, source=DATA_FILE)
    return _Index({c.iso: c for c in countries}, tables)


@lru_cache(maxsize=1 << 16)
def _find(kind: Kind, text: str) -> Country | None:
    text = _POSSESSIVE.sub("", _THE.sub("", text.strip()))
    key = fold(text)
    if not key:
        return None
    index = _index()
    table = index.tables[kind]
    hit = table.get((key, True)) if text.isupper() else None
    if hit is None:
        hit = table.get((key, False))
        if hit is None or (hit[1] and not _first_letter(text).isupper()):
            return None
    return index.countries[hit[0]]
