from __future__ import annotations

from pathlib import Path

import pytest

from kgraph import meta
from kgraph.articles import read_article
from kgraph.meta import Credits


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted on December 24, 2025", ("2025-12-24", "published")),
        ("Updated 6:27 PM UTC, December 6, 2025", ("2025-12-06", "updated")),
        ("22 December 2025 - 17:42 GMT", ("2025-12-22", "published")),
        ("Published on 28/09/2025 - 14:05", ("2025-09-28", "published")),
        ("Nov. 25, 2025 7:05 p.m. BRT", ("2025-11-25", "published")),
        ("Monday 17 November 2025 16:45 GMT", ("2025-11-17", "published")),
        ("Date: 2026-01-20", ("2026-01-20", "published")),
        ("The summit ended on December 24, 2025 without a deal", None),
        ("Ministers agree new sanctions package", None),
    ],
)
def test_find_date(line: str, expected: tuple[str, str] | None) -> None:
    assert meta.find_date(line) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-09T14:32:00+07:00", "2025-12-09"),  # the page's local date, not UTC
        ("28/09/2025", "2025-09-28"),
        ("09/28/2025", "2025-09-28"),
        ("April 2, 2026", "2026-04-02"),
        ("2 Apr 2026", "2026-04-02"),
        ("sometime soon", None),
        ("", None),
    ],
)
def test_parse_date(value: str, expected: str | None) -> None:
    assert meta.parse_date(value) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By NADIA KARIMI and TOM ELLERY", Credits(reporters=("Nadia Karimi", "Tom Ellery"))),
        ("By Jean-Luc MARCHAND", Credits(reporters=("Jean-Luc Marchand",))),
        ("By OKSANA BILYK, DAVID R. MORLEY and HELEN O'CONNELL",
         Credits(reporters=("Oksana Bilyk", "David R. Morley", "Helen O'Connell"))),
        ("By Lena Fischer, Associated Press", Credits(reporters=("Lena Fischer",), agency="AP")),
        ("By Reuters", Credits(agency="Reuters")),
        ("By AFP staff", Credits(agency="AFP")),
        ("By Harriet Vane | Political Correspondent", Credits(reporters=("Harriet Vane",))),
        ("By the end of the week, ministers had agreed.", None),
        ("Ministers agree new sanctions package", None),
    ],
)
def test_parse_byline(line: str, expected: Credits | None) -> None:
    assert meta.parse_byline(line) == expected


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        ("PARIS, Dec 24 (Reuters) - France's president said on Wednesday he had spoken.", "Paris", "Reuters",
         "France's president"),
        ("KYIV, Ukraine (AP) — Russian drones struck the capital overnight, officials said.", "Kyiv", "AP",
         "Russian drones"),
        ("Copenhagen (AFP) - Denmark will summon the ambassador, the minister said.", "Copenhagen", "AFP",
         "Denmark will"),
        ("NEW YORK, March 3 (Reuters) - Stocks fell sharply on Tuesday as investors fled.", "New York",
         "Reuters", "Stocks fell"),
        ("BUENOS AIRES — Argentina's president unveiled a new tax plan on Monday.", "Buenos Aires", None,
         "Argentina's"),
        ("RIO DE JANEIRO (AP) — Police raided several favelas on Thursday morning.", "Rio de Janeiro", "AP",
         "Police raided"),
        ("ISLAMABAD: Peace talks between the two neighbours have ended without a deal.", "Islamabad", None,
         "Peace talks"),
        ("BRASÍLIA — Brazil's top court ordered the former president to start his sentence.", "Brasília",
         None, "Brazil's"),
        ("BEIRUT/JERUSALEM, Nov 24 (Reuters) - An Israeli strike hit the southern suburbs.", "Beirut",
         "Reuters", "An Israeli"),
        ("WASHINGTON, Dec. 4 (Reuters Breakingviews) - The Federal Reserve faces a dilemma.", "Washington",
         "Reuters", "The Federal"),
    ],
)
def test_parse_dateline(paragraph: str, place: str, agency: str | None, rest: str) -> None:
    found = meta.parse_dateline(paragraph)
    assert found is not None
    assert (found.place, found.agency) == (place, agency)
    assert paragraph[found.end:].startswith(rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Officials said - without giving details - that the talks had failed.",
        "BREAKING: Ministers agree to extend the sanctions for another six months.",
        "Kyiv (Ukraine) - the capital was hit by drones overnight, officials said.",
        "The minister said the talks would resume on Friday.",
    ],
)
def test_parse_dateline_rejects_other_openings(paragraph: str) -> None:
    assert meta.parse_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "(Reporting by Greta Lindqvist in Brussels and Tomasz Wrona; Additional reporting by Ilona Fekete "
            "in Budapest; Writing by Pieter de Vries; Editing by Harold Quince and Maeve Doyle)",
            Credits(
                reporters=("Greta Lindqvist", "Tomasz Wrona", "Ilona Fekete", "Pieter de Vries"),
                editors=("Harold Quince", "Maeve Doyle"),
                contributors=("Ilona Fekete",),
            ),
        ),
        ("Reporting by Ana Lima, Writing by Ben Stroud, Editing by Cara Moss",
         Credits(reporters=("Ana Lima", "Ben Stroud"), editors=("Cara Moss",))),
        (
            "Associated Press writers Marek Nowak in Warsaw, Poland, and Lena Fischer in Vienna contributed "
            "to this report.",
            Credits(reporters=("Marek Nowak", "Lena Fischer"), agency="AP", contributors=("Marek Nowak", "Lena Fischer")),
        ),
        ("The Associated Press contributed to this report.", Credits(agency="AP")),
        ("AP writer Jane Roe in Cairo contributed.", Credits(reporters=("Jane Roe",), agency="AP", contributors=("Jane Roe",))),
        ("— With AFP", Credits(agency="AFP")),
        ("(With Reuters)", Credits(agency="Reuters")),
        ("jlm/gv/sbk", Credits()),
        ("bur-fz/ach", Credits()),
    ],
)
def test_parse_credit_line(paragraph: str, expected: Credits) -> None:
    assert meta.parse_credit_line(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "Written by Prime Minister Anna Berg, the letter urged allies to act quickly.",
        "Reported by state media, the attack killed at least four people.",
        "With Russia and China abstaining, the resolution passed.",
        "Germany contributed.",
        "Gulf states contributed billions of dollars to the fund.",
        "The minister said the talks would resume on Friday.",
    ],
)
def test_parse_credit_line_leaves_prose_alone(paragraph: str) -> None:
    assert meta.parse_credit_line(paragraph) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [("(Reuters)", "Reuters"), ("Associated Press", "AP"), ("The Associated Press", "AP"), ("AFP", "AFP"),
     ("Agence France-Presse", "AFP"), ("Reuters staff", "Reuters"), ("Global Finance Review", None)],
)
def test_normalize_agency(name: str, expected: str | None) -> None:
    assert meta.normalize_agency(name) == expected


def test_name_and_place_case() -> None:
    assert meta.normal_case("CAMILLE DURAND") == "Camille Durand"
    assert meta.normal_case("Charlotte Van Campenhout") == "Charlotte Van Campenhout"
    assert meta.place_case("PORT-AU-PRINCE") == "Port-au-Prince"
    assert meta.place_case("DAR ES SALAAM") == "Dar es Salaam"
    assert meta.place_case("Copenhagen") == "Copenhagen"


def test_split_names() -> None:
    assert meta.split_names("Omar Farid in Doha, Qatar, and Ann Lee") == ("Omar Farid", "Ann Lee")
    assert meta.split_names("Reuters staff and Ann Lee") == ("Ann Lee",)
    assert meta.split_names("Ann Lee, the letter said", strict=True) is None


def test_read_meta_line() -> None:
    line = meta.read_meta_line("date 2025-12-24 Home > Headlines > France backs new Ukraine guarantees")
    assert line == meta.MetaLine(date="2025-12-24", crumb="France backs new Ukraine guarantees")
    line = meta.read_meta_line("By Rafael Ortiz · Nov. 25, 2025 7:05 p.m. BRT")
    assert line == meta.MetaLine(date="2025-11-25", credits=Credits(reporters=("Rafael Ortiz",)))
    assert meta.read_meta_line("Published by Northbridge Markets Daily") == meta.MetaLine(
        publisher="Northbridge Markets Daily"
    )
    assert meta.read_meta_line("Published by Reuters") == meta.MetaLine(agency="Reuters")
    assert meta.read_meta_line("Associated Press") == meta.MetaLine(agency="AP")
    assert meta.read_meta_line("Ministers agree new sanctions package") is None


HEAD = """<html><head>
<title>Story | Site</title>
<meta property="og:title" content="Ministers agree &amp; sign pact">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2026-01-20T21:40:00-05:00">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="{canonical}">
<script type="application/ld+json">{{"@graph": [{{"@type": "NewsArticle", "headline": "Other",
 "author": [{{"@type": "Person", "name": "Jane Roe"}}, {{"@type": "Person", "name": "Ben Stroud"}}],
 "url": "https://example.org/ld"}}]}}</script>
</head><body><p>Body</p></body></html>"""


def test_read_html_meta() -> None:
    head = meta.read_html_meta(HEAD.format(canonical="https://example.org/story"))
    assert (head.title, head.date, head.publisher, head.url, head.page_title) == (
        "Ministers agree & sign pact", "2026-01-20", "The Daily Example", "https://example.org/story", "Story | Site"
    )
    assert head.authors == ["Jane Roe", "Jane Roe", "Ben Stroud"]
    relative = meta.read_html_meta(HEAD.format(canonical="/story"))
    assert relative.url == "https://example.org/ld"


def test_meta_draft_keeps_first_values_and_best_date() -> None:
    draft = meta.MetaDraft()
    draft.put("title", "Given title")
    draft.put("title", "Found title")
    draft.put_date("2026-01-02", "updated")
    draft.put_date("2026-01-01", "published")
    meta.add_authors(draft, ["Jane Roe | AFP", "Ben Stroud and Jane Roe"])
    frozen = draft.freeze()
    assert (frozen.title, frozen.date, frozen.agency, frozen.reporters) == (
        "Given title", "2026-01-01", "AFP", ("Jane Roe", "Ben Stroud")
    )


def test_dateline_with_a_year_gives_the_date() -> None:
    found = meta.parse_dateline("LISBON, March 4, 2026 (Reuters) - Portugal's parliament approved the budget on Wednesday.")
    assert found is not None
    assert (found.place, found.agency, found.date) == ("Lisbon", "Reuters", "2026-03-04")
    assert meta.parse_dateline("LISBON, March 4 (Reuters) - Portugal's parliament approved the budget.").date is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "place", "agency", "date"),
    [
        ("ACCRA 2026-03-04", "Accra", None, "2026-03-04"),
        ("SAO TOME, March 4, 2026 (AFP)", "Sao Tome", "AFP", "2026-03-04"),
        ("ST. PAUL, Minn.", "St. Paul", None, None),
        ("PORT MORESBY (Reuters)", "Port Moresby", "Reuters", None),
    ],
)
def test_parse_dateline_line(line: str, place: str, agency: str | None, date: str | None) -> None:
    found = meta.parse_dateline_line(line)
    assert found is not None
    assert (found.place, found.agency, found.date) == (place, agency, date)


@pytest.mark.parametrize(
    "line",
    ["The vote was held on 2026-03-04", "Accra 2026-03-04", "HARBOUR WORKERS WALK OUT OVER UNPAID WAGES AGAIN", "KYIV (Ukraine)"],
)
def test_parse_dateline_line_rejects_other_lines(line: str) -> None:
    assert meta.parse_dateline_line(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("-- Lisbon Newsroom +351 21 000 0000", Credits()),
        ("-- Ines Duarte, Lisbon Newsroom +351 21 000 0000", Credits(reporters=("Ines Duarte",))),
        ("-- Paul Okafor (233) 555-0100, e-mail: paul.okafor@example.com", Credits(reporters=("Paul Okafor",))),
        ("-- Accra commodities desk, Tel +233 555 0100 Fax +233 555 0101", Credits()),
    ],
)
def test_wire_desk_sign_off_is_a_credit_line(line: str, expected: Credits) -> None:
    assert meta.parse_credit_line(line) == expected


def test_dash_before_prose_is_no_desk_sign_off() -> None:
    assert meta.parse_credit_line("-- and then the convoy left the city before dawn, witnesses said.") is None


def test_page_headline_wins_over_the_social_media_title() -> None:
    page = HEAD.format(canonical="/story").replace(
        "<p>Body</p>", '<header><h1 class="headline">Ministers agree <em>new</em> pact on grain</h1></header><p>Body</p>'
    )
    assert meta.read_html_meta(page).title == "Ministers agree new pact on grain"


@pytest.mark.parametrize(
    "text, region",
    [
        ("LUSAKA, Zambia \u2014 The president said on Monday that the talks would go on.", "Zambia"),
        ("ZHYTKAVICHY, BELARUS (AP) \u2014 The mayor said on Monday that the bridge would reopen.", "Belarus"),
        ("BANGKOK \u2014 The prime minister said on Monday that the talks would go on.", None),
    ],
)
def test_a_dateline_keeps_the_region_after_its_city(text: str, region: str | None) -> None:
    found = meta.parse_dateline(text)
    assert found is not None and found.region == region
    line = meta.parse_dateline_line(text.split(" \u2014 ")[0].replace(" (AP)", "") + " 2026-03-04")
    assert line is not None and line.region == region


@pytest.mark.parametrize(
    "title, expected",
    [
        ("UPDATE 2-Chile says Peru talks stall", "Chile says Peru talks stall"),
        ("CORRECTED-UPDATE 1-Oil rises on supply fears", "Oil rises on supply fears"),
        ("REFILE-Talks resume in Geneva", "Talks resume in Geneva"),
        ("Update on the talks in Geneva", "Update on the talks in Geneva"),
        ("Anti-war protest grows", "Anti-war protest grows"),
    ],
)
def test_a_wire_label_before_the_headline_is_no_part_of_the_title(title: str, expected: str) -> None:
    assert meta.strip_wire_slug(title) == expected


def test_a_wire_story_file_gets_its_title_without_the_label(tmp_path: Path) -> None:
    story = tmp_path / "wire.txt"
    story.write_text("UPDATE 2-Chile says Peru talks stall\n\nSANTIAGO, March 4 (Reuters) - Chile's foreign "
                     "minister said on Wednesday that talks with Peru over fishing rights had stalled.\n")
    [article] = read_article(story)
    assert article.meta.title == "Chile says Peru talks stall"
    assert article.text.startswith("Chile says Peru talks stall\n\n")
