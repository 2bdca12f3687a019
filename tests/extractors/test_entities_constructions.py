"""Entity constructions of real reporting, on invented sentences: Malay honorifics, names
defined by a bracketed acronym, known organisations the NER mistypes, regions, places
listed together."""

from __future__ import annotations

from collections.abc import Callable

import pytest


def _entities(run_doc: Callable[..., object], text: str) -> dict[str, str]:
    doc = run_doc(text)
    return {e.name: e.type for e in doc._.entities.values()}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Bersatu president Tan Sri Harun Kamaludin was charged in court on Monday.", "Harun Kamaludin"),
        ("The minister, Datuk Seri Rosli Ahmad Tajudin, said the plan would go ahead.", "Rosli Ahmad Tajudin"),
        ("Haji Zulkifli bin Haji Othman told the villagers to stay calm.", "Zulkifli bin Haji Othman"),
    ],
)
def test_malay_honorifics_stay_out_of_the_name(run_doc: Callable[..., object], text: str, name: str) -> None:
    found = _entities(run_doc, text)
    assert found.get(name) == "Person", found


def test_bracketed_acronym_defines_the_name_before_it(run_doc: Callable[..., object]) -> None:
    found = _entities(
        run_doc,
        "Officers of the Malaysian Anti-Corruption Commission (MACC) detained two engineers on Tuesday. "
        "The MACC said the case involved a bridge contract.",
    )
    assert found.get("Malaysian Anti-Corruption Commission") == "Organization", found
    assert "MACC" not in found  # an alias of the full name


def test_treaty_acronym_defines_no_entity(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Both states signed the Nuclear Test Limitation Treaty (NTLT) in Vienna last year.")
    assert not any("Treaty" in name for name in found), found


@pytest.mark.parametrize(
    "text, name",
    [
        ("Umno and PAS leaders met in Kuala Lumpur on Sunday to discuss the seat talks.", "Umno"),
        ("Leaders of Pejuang walked out of the meeting in Alor Setar.", "Pejuang"),
        ("The Houthis said their drones had struck a ship, and Hamas praised the attack.", "Hamas"),
    ],
)
def test_known_organisations(run_doc: Callable[..., object], text: str, name: str) -> None:
    assert _entities(run_doc, text).get(name) == "Organization"


def test_regions_listed_with_a_place_are_places(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "The government will send RM2 billion in flood aid to Sabah and Sarawak next month.")
    assert found.get("Sabah") == "Place" and found.get("Sarawak") == "Place", found


def test_months_listed_after_in_are_no_places(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Output rose in Kedah in January, February and March, the state government said.")
    assert "March" not in found and "February" not in found, found


def test_an_epithet_before_a_full_name_the_story_also_gives_is_not_part_of_it(run_doc: Callable[..., object]) -> None:
    found = _entities(
        run_doc,
        "Senator Margaret Doyle spoke in Denver on Friday. Her rival wrote that debating her was harder than "
        "beating Crafty Margaret Doyle at chess. Doyle said the remark was childish.",
    )
    assert found.get("Margaret Doyle") == "Person", found
    assert not any("Crafty" in name for name in found), found


def test_a_first_word_that_is_a_given_name_stays(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Anna Maria Rossi met Maria Rossi's lawyers in Milan on Monday.")
    assert "Anna Maria Rossi" in found, found
