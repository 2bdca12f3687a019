"""Fill the iso3 and wikidata columns of kgraph/patterns/countries.tsv.

    pip install "rigour==2.6.1"
    python scripts/build_country_ids.py

The codes come from rigour's territory data (MIT licence, maintained by OpenSanctions;
every ISO 3166 territory with its alpha-3 code and Wikidata item).  Where rigour's item is
not the one the ISO code (and shared/eval/GOLD_FORMAT.md) means, OVERRIDES wins: rigour
maps NL to the Kingdom of the Netherlands and DK to the Danish Realm, but the ISO codes,
like the gold, name the countries in Europe (Greenland is its own country, GL); the gold
calls PS "the Palestinian territories"; EH is the territory of Western Sahara, not the
Sahrawi Republic.  Rows rigour does not know keep what they have.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kgraph" / "patterns" / "countries.tsv"

# ISO alpha-2 -> (alpha-3, Wikidata item), where rigour's choice is not what the code means
OVERRIDES: dict[str, tuple[str, str]] = {
    "NL": ("NLD", "Q55"),  # the Netherlands, not the Kingdom (Q29999)
    "DK": ("DNK", "Q35"),  # Denmark, not the Danish Realm (Q756617): Greenland is GL
    "PS": ("PSE", "Q407199"),  # the Palestinian territories (GOLD_FORMAT), not the State (Q219060)
    "EH": ("ESH", "Q6250"),  # the territory, not the Sahrawi Arab Democratic Republic (Q40362)
    "XK": ("XKX", "Q1246"),  # Kosovo: no ISO alpha-3; XKX is the code the EU and IMF use
}


def main() -> None:
    from rigour.territories import get_territory

    lines = DATA.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    base = header[:5]
    out = ["\t".join([*base, "iso3", "wikidata"])]
    for line in lines[1:]:
        if not line.strip():
            continue
        fields = line.split("\t")
        row, old = fields[:5], (fields[5:7] + ["", ""])[:2]
        iso = row[0]
        territory = get_territory(iso.lower())
        iso3, qid = old
        if territory is not None:
            iso3, qid = (territory.alpha3 or "").upper(), territory.qid or ""
        iso3, qid = OVERRIDES.get(iso, (iso3, qid))
        out.append("\t".join([*row, iso3, qid]))
    DATA.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"Wrote {DATA}: {len(out) - 1} rows")


if __name__ == "__main__":
    main()
