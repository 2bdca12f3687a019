"""Entity constructions of real reporting, on invented sentences: Malay honorifics, names
defined by a bracketed acronym, known organisations the NER mistypes, regions, places
listed together."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kgraph.nlp import MENTIONS


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


@pytest.mark.parametrize(
    "text, name",
    [
        # the NER stops before a given name it does not know, then tags the father's name alone
        ("Universiti Malaya lecturer Dr Siti Noor Aishah binti Abdullah said the floods in Kuala Krai had displaced thousands.",
         "Siti Noor Aishah binti Abdullah"),
        # the NER tags only "bin" and the father's name
        ("Mohd Rizal bin Ismail said the floods had displaced thousands.", "Mohd Rizal bin Ismail"),
    ],
)
def test_a_patronymic_name_is_one_person(run_doc: Callable[..., object], text: str, name: str) -> None:
    doc = run_doc(text, title="Floods force thousands from their homes")  # type: ignore[call-arg]
    found = {e.name: e.type for e in doc._.entities.values()}  # type: ignore[attr-defined]
    assert found.get(name) == "Person", found
    assert not any(n != name and t == "Person" for n, t in found.items()), found


def test_a_department_named_after_its_place_is_an_organisation(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Bukit Aman Criminal Investigation Department director Datuk Seri Shuhaily Zain "
                               "said 30 suspects had been detained under the act.")
    assert found == {"Bukit Aman Criminal Investigation Department": "Organization", "Shuhaily Zain": "Person"}, found


def test_a_name_the_ner_cut_inside_its_honorific_is_one_person(run_doc: Callable[..., object]) -> None:
    doc = run_doc("Separately, Kedah Menteri Besar Datuk Seri Muhammad Sanusi Md Nor claimed that the state had lost RM100 million in revenue.")
    people = [e.name for e in doc._.entities.values() if e.type == "Person"]  # type: ignore[attr-defined]
    assert people and all(name.startswith("Muhammad Sanusi") for name in people), people


@pytest.mark.parametrize(
    "text, name, mention",
    [
        # the name the writer says the person goes by is the name
        ('At the county fair on Sunday, Rep. Daniel J. "Danny" Okafor handed out lemonade to voters.',
         "Danny Okafor", 'Daniel J. "Danny" Okafor'),
        ('Councillor Teresa "Tess" Whitlow waved to the marchers from the steps.', "Tess Whitlow", 'Teresa "Tess" Whitlow'),
        ('Sen. Harold "Hal" Brennan voted against the bill.', "Hal Brennan", 'Harold "Hal" Brennan'),
    ],
)
def test_a_nickname_in_quotes_inside_a_name(run_doc: Callable[..., object], text: str, name: str, mention: str) -> None:
    doc = run_doc(text)
    people = [e.name for e in doc._.entities.values() if e.type == "Person"]  # type: ignore[attr-defined]
    assert people == [name], people
    assert mention in [s.text for s in doc.spans[MENTIONS]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text, name, kind",
    [
        # a company's first word the NER left out at the start of the sentence
        ("Sime Darby Plantation Bhd chief executive officer Datuk Mohamad Helmy Othman Basha said the group "
         "expected palm oil prices to stay firm.", "Sime Darby Plantation Bhd", "Organization"),
        # a company the NER left untagged, closed by its legal form
        ("Shares in Boustead Plantations Bhd rose 3 percent on Monday after the results.", "Boustead Plantations Bhd", "Organization"),
        # Malay "upper river" districts, though a name list has "Ulu" as a given name
        ("The council ordered the closure of 12 eateries in Ulu Tiram and Hulu Langat for failing to meet hygiene standards.",
         "Ulu Tiram", "Place"),
    ],
)
def test_companies_and_districts_the_ner_missed(run_doc: Callable[..., object], text: str, name: str, kind: str) -> None:
    found = _entities(run_doc, text)
    assert found.get(name) == kind, found


def test_a_seat_a_title_only_span_and_a_party_chapter(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Kinabatangan MP Datuk Seri Bung Moktar Radin, who is also Sabah Umno chief, declined to comment.")
    assert found == {"Kinabatangan": "Place", "Bung Moktar Radin": "Person", "Sabah Umno": "Organization"}, found
    found = _entities(run_doc, "Pasir Salak MP Datuk Seri Tajuddin Abdul Rahman said the bridge was unsafe for lorries.")
    assert found == {"Pasir Salak": "Place", "Tajuddin Abdul Rahman": "Person"}, found


@pytest.mark.parametrize(
    "text, expected",
    [
        # police ranks before the name, and a name word the tagger read as a pronoun
        ("Kuala Lumpur police chief Comm Datuk Rusdi Mohd Isa said the case had been classified under the Penal Code.",
         {"Kuala Lumpur": "Place", "Rusdi Mohd Isa": "Person"}),
        # a name word the NER called a place between the honorifics and the rest of the name
        ("Selangor Health director Datuk Dr Jafri Malin Abdullah said 15 dengue hotspots had been identified in Petaling and Gombak.",
         {"Selangor Health": "Organization", "Jafri Malin Abdullah": "Person", "Petaling": "Place"}),
        # a rank and half a name the NER called an organisation, the rest a person
        ("Ipoh OCPD Asst Comm Abang Zainal Abidin Abang Ahmad said the suspect was arrested at a house in Taman Cempaka.",
         {"Ipoh": "Place", "Abang Zainal Abidin Abang Ahmad": "Person", "Taman Cempaka": "Place"}),
        # Sarawak's "Datuk Amar" is an honorific, not a name
        ("In Kuching, Sarawak Deputy Premier Datuk Amar Douglas Uggah Embas said the flood projects were on track.",
         {"Kuching": "Place", "Sarawak": "Place", "Douglas Uggah Embas": "Person"}),
        # a Malay head noun opens an organisation's name whatever the NER guessed
        ("Dewan Bahasa dan Pustaka (DBP) director-general Datuk Hazami Jahari launched the new dictionary in Putrajaya.",
         {"Dewan Bahasa dan Pustaka": "Organization", "Hazami Jahari": "Person", "Putrajaya": "Place"}),
        # a Chinese given name after the surname that the NER left out of the span
        ("Transport Minister Anthony Loke Siew Fook said AirAsia X Bhd and Malaysia Airlines would add flights to Perth.",
         {"Anthony Loke Siew Fook": "Person", "AirAsia X Bhd": "Organization", "Malaysia Airlines": "Organization"}),
        # a bank the NER leaves untagged, named bare
        ("Bursa Malaysia closed higher on Friday, led by gains in CIMB Group Holdings Bhd and Maybank.",
         {"Bursa Malaysia": "Organization", "Maybank": "Organization"}),
        # a town after a comma that follows a place ("in X, Y")
        ("The chief executive said the company would expand its plant in Gebeng, Kuantan.", {"Kuantan": "Place"}),
    ],
)
def test_malaysian_ranks_honorifics_and_towns(run_doc: Callable[..., object], text: str, expected: dict[str, str]) -> None:
    found = _entities(run_doc, text)
    assert {k: v for k, v in found.items() if k in expected} == expected, found
    assert not any(t == "Person" and k not in expected for k, t in found.items()), found


def test_a_name_after_said_is_a_person_though_its_given_name_is_a_word(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, '"Turnout will decide this race," said Ana Ruiz, a Tampa-based organiser for the Florida Voters League.')
    assert found.get("Ana Ruiz") == "Person", found


def test_the_royal_office_is_no_person(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "The Yang di-Pertuan Agong, Sultan Ibrahim, consented to the appointment at Istana Negara yesterday.")
    assert not any("Agong" in name for name in found), found


@pytest.mark.parametrize(
    "text, name",
    [
        ("Kuala Lumpur City Council said the road would be closed until Sunday.", "Kuala Lumpur City Council"),
        ("Kuala Lumpur City Hall (DBKL) said the road near the market would be closed until Sunday.", "Kuala Lumpur City Hall"),
    ],
)
def test_a_city_administration_is_an_organisation(run_doc: Callable[..., object], text: str, name: str) -> None:
    found = _entities(run_doc, text)
    assert found.get(name) == "Organization", found
    assert "Kuala Lumpur" not in found, found


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
        ("The party said it would cooperate with Pakatan Harapan in the election.", "Pakatan Harapan"),
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


def test_an_honorific_keeps_a_surname_from_a_full_name_of_the_other_gender(run_doc: Callable[..., object]) -> None:
    doc = run_doc(
        "Mr. Hart opened the new library in Dayton on Saturday. The first lady, Michelle Hart, cut the ribbon "
        "while Mr. Hart thanked the builders. Mrs. Hart will visit a school in Columbus next week."
    )
    entities = doc._.entities  # type: ignore[attr-defined]
    by_start = {span.start_char: span.label_ for span in doc.spans[MENTIONS]}  # type: ignore[attr-defined]
    text = doc.text  # type: ignore[attr-defined]
    mr = [by_start[k + 4] for k in range(len(text)) if text.startswith("Mr. Hart", k)]
    mrs = [by_start[k + 5] for k in range(len(text)) if text.startswith("Mrs. Hart", k)]
    michelle = next(key for key, e in entities.items() if e.name == "Michelle Hart")
    assert mr and all(key != michelle for key in mr), (mr, michelle)
    assert mrs == [michelle]


def test_a_surname_two_people_share_goes_to_the_one_written_out_first(run_doc: Callable[..., object]) -> None:
    # the brother's name is longer, and is written out second
    doc = run_doc(
        "Governor Mia Holt signed the bill on Friday. Her brother, Jonas Holt, a farmer, watched from the gallery. "
        "Reporters later asked Governor Holt about the vote."
    )
    names = {key: e.name for key, e in doc._.entities.items()}  # type: ignore[attr-defined]
    bare = [names[s.label_] for s in doc.spans[MENTIONS] if s.text == "Holt"]  # type: ignore[attr-defined]
    assert bare == ["Mia Holt"], bare


def test_a_given_name_and_patronymic_is_the_person_of_that_given_name(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "President Ivan Petrov signed the decree on Friday. \"Ivan Sergeyevich has backed the "
                               "plan,\" the prime minister told reporters in Moscow.")
    assert found == {"Ivan Petrov": "Person", "Moscow": "Place"}, found


@pytest.mark.parametrize(
    "text, company",
    [
        ("Car maker PT Sinar Jaya Motor said on Monday it would cut prices.", "PT Sinar Jaya Motor"),
        ("Shares of PT Bank Lestari Tbk rose 3 percent in Jakarta.", "PT Bank Lestari Tbk"),
    ],
)
def test_a_legal_form_before_names_opens_a_company(run_doc: Callable[..., object], text: str, company: str) -> None:
    found = _entities(run_doc, text)
    assert found.get(company) == "Organization", found


def test_a_media_word_after_a_name_in_a_caption_is_not_part_of_it(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Ruiz spoke for an hour in Boston on Saturday.\n"
                                "[Audio: Governor Ruiz Speech at the Harbour Festival in Salem (5/2/19) Listen online.]")
    assert "Ruiz" in found and not any("Speech" in name for name in found), found



@pytest.mark.parametrize("words", [["Ruiz", "Says", "Museum", "Will", "Open"], ["Ana", "Ruiz", "Warns", "Unions"]])
def test_a_headline_verb_after_a_name_is_not_part_of_it(nlp, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The NER reads "Ruiz Says" of a headline in capitals as one name (seen on real copy)."""
    from spacy.tokens import Doc

    from kgraph.extractors.entities.spans import _strip

    doc = Doc(nlp.vocab, words=words)
    end = words.index(next(w for w in words if w in ("Says", "Warns"))) + 1
    start, stop = _strip(doc, 0, end, "PERSON")
    assert doc[start:stop].text == " ".join(words[: end - 1])


@pytest.mark.parametrize(
    "text, name, etype",
    [
        ("Analysts at the Tax Policy Center in Washington said the plan would cost billions.", "Tax Policy Center",
         "Organization"),
        ("The Center for Strategic Studies published a report on the navy on Monday.", "Center for Strategic Studies",
         "Organization"),
        ("The rocket lifted off from the Kennedy Space Center in Florida on Tuesday.", "Kennedy Space Center", "Place"),
    ],
)
def test_a_center_named_for_a_field_is_an_institution(run_doc: Callable[..., object], text: str, name: str,
                                                      etype: str) -> None:
    assert _entities(run_doc, text).get(name) == etype


def test_a_name_after_a_word_for_a_person_is_a_person(run_doc: Callable[..., object]) -> None:
    """The NER calls "Rhodri Davies" an organisation after "Commerce Department spokesman"."""
    found = _entities(run_doc, "Commerce Department spokesman Rhodri Davies said the tariffs would stay.")
    assert found.get("Rhodri Davies") == "Person", found
    assert found.get("Commerce Department") == "Organization", found


def test_a_comma_ends_a_name_the_ner_ran_into_the_next_one(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Citing a memo seen by Politico, Green party members said the vote on the new "
                               "leader would be delayed until the spring.")
    assert not any("," in name for name in found), found


def test_a_company_form_after_a_comma_stays_in_the_name(run_doc: Callable[..., object]) -> None:
    assert "Harwick, Inc." in _entities(run_doc, "Shares of Harwick, Inc. fell sharply on Monday after the report.")


@pytest.mark.parametrize(
    "text, name",
    [
        # a seat and its title before the honorifics ("Kelantan MP", then "Datuk Seri")
        ("Kuala Krai MP Datuk Seri Azmi Hamid Yusof asked about the new dam.", "Azmi Hamid Yusof"),
        # stacked honorifics the NER splits from the name ("Datuk Seri" + "Dr")
        ("Deputy Prime Minister Datuk Seri Dr Faizal Rahim Osman said the talks would resume.", "Faizal Rahim Osman"),
        ("Vice-chancellor Prof Datuk Dr Hamidah Nasir Latif opened the new campus in Kuantan.", "Hamidah Nasir Latif"),
        # a father's title inside the name is part of it
        ("Datuk Seri Mohd Hakim Tun Ismail Razali arrived at the court in a black car.", "Mohd Hakim Tun Ismail Razali"),
    ],
)
def test_stacked_honorifics_and_a_fathers_title(run_doc: Callable[..., object], text: str, name: str) -> None:
    found = _entities(run_doc, text)
    assert found.get(name) == "Person", found
    assert not any(n.split()[0] in ("Datuk", "Seri", "Dr", "Prof", "MP", "Tun") for n in found if found[n] == "Person"), found


def test_a_state_named_before_its_office_holders_title_is_a_place(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Terengganu Menteri Besar Datuk Ahmad Samsuri Hashim said the state would build "
                               "two hospitals, while Sabah Chief Minister Hajiji Noor stayed silent.")
    assert found.get("Terengganu") == "Place" and found.get("Sabah") == "Place", found


def test_a_town_a_visit_verb_takes_is_a_place(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Last week the deputy minister visited Kuching and Sibu to inspect the new bridges.")
    assert found.get("Kuching") == "Place" and found.get("Sibu") == "Place", found


@pytest.mark.parametrize(
    "text, name",
    [
        ("Envoys gathered in Vienna to discuss the contested Varenko-Dal region. A truce has held in Varenko-Dal "
         "since May.", "Varenko-Dal"),
        ("Militias roam the remote Ibo-Mataka province, and aid to Ibo-Mataka has slowed.", "Ibo-Mataka"),
    ],
)
def test_a_name_before_an_area_noun_is_a_place_wherever_it_recurs(
    run_doc: Callable[..., object], text: str, name: str
) -> None:
    found = _entities(run_doc, text)
    assert found.get(name) == "Place", found


def test_the_last_word_of_a_title_is_no_organisation(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Assistant Secretary of State Ana Lopes will visit Lima next week to discuss the "
                               "mine dispute.")
    assert "State" not in found and found.get("Ana Lopes") == "Person", found


def test_a_town_before_based_is_a_place(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "The Petaling Jaya-based company said it had hired 200 workers.")
    assert found == {"Petaling Jaya": "Place"}, found


def test_a_town_troops_advance_on_is_a_place(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Aid workers said the armoured columns advancing on Kunduz had crossed the river at dawn.")
    assert found.get("Kunduz") == "Place", found


@pytest.mark.parametrize(
    "text, name, etype",
    [
        ("Researchers at Universiti Sains Malaysia found the virus in bats.", "Universiti Sains Malaysia", "Organization"),
        ("The new minister was sworn in at Istana Negara on Monday morning.", "Istana Negara", "Place"),
    ],
)
def test_a_head_word_first_types_the_name(run_doc: Callable[..., object], text: str, name: str, etype: str) -> None:
    assert _entities(run_doc, text).get(name) == etype


@pytest.mark.parametrize(
    "text, name, etype",
    [
        # a police rank before the name (the NER calls the whole an organisation)
        ("Kajang district police chief ACP Rosli Karim Bakar said two suspects were held.", "Rosli Karim Bakar", "Person"),
        # names after an honorific the NER tagged nothing of
        ("The crowd cheered when Sultan Iskandar Hafiz Shah of Pahang arrived at the stadium.", "Iskandar Hafiz Shah",
         "Person"),
        # a party's youth wing is an organisation
        ("Umno Youth chief Dr Hafiz Rahman told members to stay calm after the vote.", "Umno Youth", "Organization"),
        # a street named head first
        ("Protesters gathered outside the embassy on Jalan Ampang before noon.", "Jalan Ampang", "Place"),
    ],
)
def test_ranks_honorifics_wings_and_streets(run_doc: Callable[..., object], text: str, name: str, etype: str) -> None:
    assert _entities(run_doc, text).get(name) == etype, _entities(run_doc, text)


def _ner_candidate_types(nlp, words: list[str], ents: list[str]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Candidates of a Doc whose NER labels and parts of speech the test sets (the model's
    guesses vary with the context)."""
    pos = ["PROPN" if w[:1].isupper() else ("PUNCT" if w == "." else "NOUN") for w in words]
    from spacy.tokens import Doc

    from kgraph.extractors.entities.spans import _ner_candidates
    from kgraph.extractors.entities.words import token_list

    doc = Doc(nlp.vocab, words=words, ents=ents, pos=pos)
    with token_list(doc):
        return {c.text: c.type for c in _ner_candidates(doc)}


def test_a_portfolio_before_minister_is_no_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _ner_candidate_types(nlp, ["Education", "Minister", "Ana", "Ruiz", "spoke", "."],
                                 ["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert found == {"Ana Ruiz": "Person"}


def test_a_rank_typed_as_an_organisation_joins_the_name_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _ner_candidate_types(nlp, ["Police", "chief", "ACP", "Rosli", "Karim", "Bakar", "spoke", "."],
                                 ["O", "O", "B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert found == {"Rosli Karim Bakar": "Person"}


def test_an_adjective_before_a_surname_the_story_also_gives_is_an_epithet(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Lazy Kowalski and the Budget\n\nSenator Kowalski said on Tuesday that the budget would "
                               "pass. Critics said Kowalski had ignored the deficit for years.")
    assert found.get("Kowalski") == "Person" and "Lazy Kowalski" not in found, found


def test_a_given_name_or_a_word_of_the_full_name_before_a_surname_stays(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Maria Varga met Sandor Varga in Szeged. Later Maria Varga said the talks went well.")
    assert "Maria Varga" in found and "Sandor Varga" in found, found


def test_two_names_side_by_side_that_spell_a_name_the_story_gives_whole_are_that_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from kgraph.extractors.entities import find_entities
    from kgraph.nlp import register_extensions

    register_extensions()
    words = ["Barisan", "Rakyat", "(", "BR", ")", "won", ".", "Barisan", "Rakyat", "leaders", "met", "."]
    ents = ["B-ORG", "I-ORG", "O", "O", "O", "O", "O", "B-GPE", "B-GPE", "O", "O", "O"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "PUNCT", "PROPN", "PROPN", "NOUN", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, ents=ents, pos=pos)
    entities, mentions = find_entities(doc)
    assert {e.name: e.type for e in entities.values()} == {"Barisan Rakyat": "Organization"}
    assert (7, 9) in {(s, e) for s, e, _ in mentions}


@pytest.mark.parametrize(
    "text, name, etype",
    [
        ("Rebels retreated to Jebel Tarik after the battle.", "Jebel Tarik", "Place"),  # Arabic "mount"
        ("The wounded were taken to Saint Agnes Hospital and to the Northgate Clinic.", "Saint Agnes Hospital", "Place"),
        ("Guests at the Lilac Ridge Motel were evacuated on Sunday.", "Lilac Ridge Motel", "Place"),
        ("Shares of Kovac Medical rose 5 percent after Kovac Medical said its sales rose.", "Kovac Medical", "Organization"),
    ],
)
def test_head_words_of_places_facilities_and_firms(run_doc: Callable[..., object], text: str, name: str, etype: str) -> None:
    assert _entities(run_doc, text).get(name) == etype


def test_a_title_like_acronym_opening_a_company_name_stays_a_company(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _ner_candidate_types(nlp, ["MP", "Materials", "Corp", "rose", "."], ["B-ORG", "I-ORG", "I-ORG", "O", "O"])
    assert found == {"MP Materials Corp": "Organization"}


def test_a_place_named_after_an_honoured_person_is_no_person(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "The new tower at Tun Hamid Exchange opened on Monday near the Sultan Osman Building.")
    assert "Hamid Exchange" not in found and "Osman Building" not in found, found


@pytest.mark.parametrize(
    "text, body",
    [
        ("The Chilean army said on Monday that its patrols had found the missing hikers.", "Chilean army"),
        ("The flooding was confirmed by the Peruvian navy, which sent two boats upriver.", "Peruvian navy"),
        ("An Argentine army spokeswoman told reporters the convoy had crossed the border.", "Argentine army"),
        ("The commander of Bolivia's armed forces visited the flooded district on Friday.", "Bolivia's armed forces"),
        ("According to Uruguay's foreign ministry, the talks will resume next month.", "Uruguay's foreign ministry"),
        ("The South Korean Unification Ministry said the talks would go ahead.", "South Korean Unification Ministry"),
        ("North Korean Red Cross president Ri Chol-ho said the talks would go ahead in the border village.",
         "North Korean Red Cross"),
    ],
)
def test_a_state_body_that_speaks_acts_or_employs_a_role_holder_is_an_organisation(
    run_doc: Callable[..., object], text: str, body: str
) -> None:
    assert _entities(run_doc, text).get(body) == "Organization"


@pytest.mark.parametrize(
    "text, words",
    [
        ("Chilean military aid to the border towns doubled last year, the report found.", "Chilean military"),
        ("Farmers in the valley said they had never trusted the Peruvian army.", "Peruvian army"),
        ("Bolivia's military ruler spoke to the crowd for an hour on Sunday.", "Bolivia's military"),
    ],
)
def test_a_state_body_word_used_as_an_adjective_or_only_talked_about_is_no_organisation(
    run_doc: Callable[..., object], text: str, words: str
) -> None:
    assert words not in _entities(run_doc, text)


@pytest.mark.parametrize(
    "text, company, seat",
    [
        ("Tarrow Pharmaceuticals Inc of St. Petersburg, Florida, said on Monday it would buy the unit.",
         "Tarrow Pharmaceuticals Inc", "St. Petersburg"),
        ("Shares of Norland Instruments Inc of Dayton rose 5 percent after the merger with Pell Medical Corp.",
         "Norland Instruments Inc", "Dayton"),
    ],
)
def test_of_and_a_town_after_a_companys_legal_form_is_where_it_is(
    run_doc: Callable[..., object], text: str, company: str, seat: str
) -> None:
    found = _entities(run_doc, text)
    assert found.get(company) == "Organization"
    assert found.get(seat) == "Place"


def test_of_and_a_country_after_a_legal_form_is_where_the_company_is(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Kessler Mining Co of South Africa said output fell.")
    assert found.get("Kessler Mining Co") == "Organization"
    assert found.get("South Africa") == "Country"


def test_a_month_the_ner_ran_into_an_organisations_name_is_left_out(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Bond traders waited for the August Federal Reserve Board report on factory orders.")
    assert found.get("Federal Reserve Board") == "Organization"
    assert not any(name.startswith("August") for name in found)


def test_a_name_that_begins_with_may_keeps_it(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Shares of May Department Stores Co rose after the results.")
    assert any(name.startswith("May Department Stores") for name in found)


@pytest.mark.parametrize(
    "text, company, short",
    [
        ("Swedish optics group Halvard Optics AB said on Friday it had won a large order in Chile. Halvard said in "
         "a statement the order came from the state mining company.", "Halvard Optics AB", "Halvard"),
        ("The vehicle seat maker agreed to be acquired by Corvana International Inc for $31 a share. Corvana said "
         "it would keep the plant open.", "Corvana International Inc", "Corvana"),
    ],
)
def test_a_word_of_a_companys_full_name_names_that_company(
    run_doc: Callable[..., object], text: str, company: str, short: str
) -> None:
    doc = run_doc(text)
    found = {e.name: e for e in doc._.entities.values()}  # type: ignore[attr-defined]
    assert short not in found, sorted(found)
    assert found[company].type == "Organization"
    assert short in found[company].aliases


def test_a_founders_surname_in_a_company_name_stays_the_founders(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Tomas Brenner founded Brenner Tools Inc in 1990. Brenner said on Monday he would "
                               "step down as chairman of Brenner Tools Inc.")
    assert found.get("Tomas Brenner") == "Person"
    assert found.get("Brenner Tools Inc") == "Organization"


def test_a_capitals_paragraph_in_a_press_review_is_a_newspaper(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "PRESS DIGEST - Freedonia - May 4.\n\nThese are the leading stories in the "
                               "Freedonian press on Monday.\n\nLE QUOTIDIEN\n\n- Farmers in the north ask the "
                               "government for cheaper diesel.\n\nEVENING HERALD\n\n- The central bank keeps its "
                               "main rate at 4 percent.")
    assert found.get("LE QUOTIDIEN") == "Organization"
    assert found.get("EVENING HERALD") == "Organization"
    assert not any(name.lower() == "press digest" for name in found)


def test_a_capitals_paragraph_outside_a_press_review_is_no_newspaper(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Farmers ask for cheaper diesel.\n\nEVENING HERALD\n\nThe central bank kept its main "
                               "rate at 4 percent on Monday.")
    assert "EVENING HERALD" not in found


def test_a_name_used_only_as_a_market_index_is_no_entity(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Stocks fell on Friday. The Halden Brooks industrial average lost 31 points and the "
                               "Kestrel 100 index closed flat, while the Northern Stock Exchange index rose.")
    assert not any(name.startswith(("Halden", "Kestrel")) for name in found), found
    assert found.get("Northern Stock Exchange") == "Organization"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tajik troops now control the town.", {"Tajikistan": "Country"}),
        ("Officials said Azerbaijani presidential adviser Elnur Mammadov would fly to Vienna on Tuesday.",
         {"Azerbaijan": "Country", "Elnur Mammadov": "Person", "Vienna": "Place"}),
    ],
)
def test_a_nationality_the_ner_took_for_a_person_before_a_noun_is_the_country(
    run_doc: Callable[..., object], text: str, expected: dict[str, str]
) -> None:
    assert _entities(run_doc, text) == expected


def test_a_name_after_town_of_is_a_place_whatever_the_ner_said(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Government troops now control the strategically vital town of Pelindra after "
                               "driving out the rebels.")
    assert found.get("Pelindra") == "Place"


def test_a_title_that_opens_with_a_foreign_article_is_no_person(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "The minister told Le Monde that the talks had failed. El Pais said the deal was "
                               "close, and Der Spiegel magazine said the plan was dead.")
    assert {found.get(n) for n in ("Le Monde", "El Pais", "Der Spiegel")} == {"Organization"}, found


def test_the_end_of_a_persons_full_name_stays_that_person(run_doc: Callable[..., object]) -> None:
    doc = run_doc("Marine Le Pen spoke in Lyon on Sunday. Le Pen said the vote had been rigged.")
    people = {e.name: e for e in doc._.entities.values() if e.type == "Person"}  # type: ignore[attr-defined]
    assert list(people) == ["Marine Le Pen"], people
    assert "Le Pen" in people["Marine Le Pen"].aliases


def test_a_name_joined_by_wa_is_one_person(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Prime Minister Kengo wa Dondo met refugee leaders on Monday. Kengo said the camps "
                               "would close.")
    assert found == {"Kengo wa Dondo": "Person"}, found


def test_streets_are_places_and_a_paper_named_for_one_is_not(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Shares fell on Wall Street on Friday as investors sold bank stocks. Protesters "
                               "marched down Oxford Street. The Wall Street Journal reported the deal.")
    assert found.get("Wall Street") == "Place"
    assert found.get("Oxford Street") == "Place"
    assert found.get("Wall Street Journal") == "Organization"


def test_lower_case_words_after_a_party_name_are_no_part_of_it(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Umno supreme council member Datuk Lokman Noor Adam urged Putrajaya to act.")
    assert found.get("Umno") == "Organization"
    assert not any(name.startswith("Umno ") for name in found), found


def test_a_malaysian_indian_name_with_a_l_and_an_initial_is_one_person(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Police said the suspect, S. Ramasamy a/l Palanisamy, 41, was remanded on Tuesday. "
                               "Ramasamy denied the charge.")
    assert found == {"S. Ramasamy a/l Palanisamy": "Person"}, found


def test_a_town_whose_name_opens_with_an_honorifics_word_is_a_place(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Police said the suspect was remanded in Seri Kembangan on Tuesday.")
    assert found.get("Seri Kembangan") == "Place", found


def test_a_legal_form_makes_a_person_guess_a_company(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Former Penang chief minister Lim Guan Eng said officials had visited Kuala Terengganu. "
                               "Tenaga Nasional Bhd and Petronas signed the deal with Sime Darby Plantation.")
    assert found.get("Tenaga Nasional Bhd") == "Organization", found


def test_a_title_after_a_determiner_names_nobody(run_doc: Callable[..., object]) -> None:
    assert _entities(run_doc, "The sultan granted an audience to the Mentri Besar at the palace.") == {}


def test_a_malay_square_is_a_place(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Felda settlers in Jengka held a gathering at Dataran Merdeka.")
    assert found.get("Dataran Merdeka") == "Place", found


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("The Czech news agency CTK reported on Monday that the two delegations had left for the talks.", "CTK"),
        ("The Serbian news agency Beta said the army had retaken the border town overnight.", "Beta"),
        ("The official Zarna news agency said the army had retaken the border town overnight.", "Zarna"),
    ],
)
def test_a_name_next_to_news_agency_is_the_agency(run_doc: Callable[..., object], text: str, agency: str) -> None:
    found = _entities(run_doc, text)
    assert found.get(agency) == "Organization", found
    assert not any(name in found for name in ("Czech", "Serbian", "Official", "The")), found


def test_a_nationality_before_news_agency_is_no_agency_name(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "Talks resumed on Monday, the Slovak news agency said, without giving details.")
    assert not any(kind == "Organization" for kind in found.values()), found


def test_a_name_whose_acronym_ends_with_the_place_after_it_holds_the_place(run_doc: Callable[..., object]) -> None:
    found = _entities(run_doc, "The Rally for the Return of Exiles and Democracy in Liberia (RDL) urged calm in the camps.")
    assert found.get("Rally for the Return of Exiles and Democracy in Liberia") == "Organization", found
