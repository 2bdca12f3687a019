from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kgraph.articles import article_from_html, article_from_record, article_from_text, read_article, read_articles
from kgraph.errors import InputError
from kgraph.records import Article, ArticleMeta, Skipped

DATA = Path(__file__).parent / "data" / "articles"
EXAMPLES = Path(__file__).parent.parent / "examples" / "articles"


def one(name: str) -> Article:
    [article] = read_article(DATA / name)
    return article


def paragraphs(article: Article) -> list[str]:
    return article.text.split("\n\n")


def test_scraped_page() -> None:
    article = one("scraped_page.txt")
    assert article.meta == ArticleMeta(
        title="EU ministers agree to extend Russia sanctions as Hungary drops veto threat",
        date="2026-02-03",
        publisher="Northbridge Markets Daily",
        agency="Reuters",
        dateline="Brussels",
        reporters=("Greta Lindqvist", "Tomasz Wrona", "Ilona Fekete", "Pieter de Vries"),
        editors=("Harold Quince", "Maeve Doyle"),
    )
    assert (article.id, article.file, article.source) == (
        "scraped_page.txt", "scraped_page.txt", str(DATA / "scraped_page.txt")
    )
    assert paragraphs(article)[0] == article.meta.title
    assert article.body_start == len(article.meta.title) + 2
    assert article.text[article.body_start:].startswith("European Union foreign ministers agreed on Tuesday")
    assert paragraphs(article)[-1] == "German Foreign Minister Johann Wadephul said the decision sent a clear signal to Moscow."
    for noise in ("Related Posts", "Kremlin says", "Takaichi", "Published by", "Posted on", "Featured image",
                  "Reporting by", "Home >", "(Reuters)", "More from"):
        assert noise not in article.text


def test_ap_wire_copy() -> None:
    article = one("ap_wire.txt")
    assert article.meta == ArticleMeta(
        title="UN nuclear watchdog chief visits Kyiv as talks on plant safety stall",
        date="2026-03-12",
        agency="AP",
        dateline="Kyiv",
        dateline_region="Ukraine",
        reporters=("Oksana Bilyk", "David R. Morley", "Helen O'Connell", "Marek Nowak", "Lena Fischer"),
    )
    assert article.text[article.body_start:].startswith("The head of the U.N. nuclear watchdog arrived")
    assert "“Every day without an agreement is a day of unnecessary risk,”" in article.text
    for noise in ("Associated Press", "Updated", "contributed", "BILYK", "(AP)"):
        assert noise not in article.text


def test_afp_wire_copy() -> None:
    article = one("afp_wire.txt")
    assert article.meta == ArticleMeta(
        title="Swiss to host new round of Armenia-Azerbaijan border talks",
        date="2026-03-03",
        agency="AFP",
        dateline="Geneva",
        reporters=("Jean-Luc Marchand",),
    )
    assert article.text[article.body_start:].startswith("Switzerland will host")
    assert "jlm/gv/sbk" not in article.text and "GMT" not in article.text and "(AFP)" not in article.text
    assert len(paragraphs(article)) == 4


def test_plain_story_without_header() -> None:
    article = one("plain_story.txt")
    assert article.meta == ArticleMeta(title="Kenya and Ethiopia sign power trade deal")
    assert len(paragraphs(article)) == 4  # headline + three one-line paragraphs


def test_plain_story_starting_with_prose_has_no_title() -> None:
    article = one("no_title.txt")
    assert article.meta == ArticleMeta()
    assert article.body_start == 0
    assert article.text.startswith("The foreign ministers of Chile and Peru met in Lima")


def test_html_page() -> None:
    article = one("page.html")
    assert article.meta == ArticleMeta(
        title="Canada and Mexico pledge joint stance ahead of trade pact review",
        date="2026-01-20",
        publisher="The Continental Ledger",
        dateline="Ottawa",
        reporters=("Lucia Barrera", "Owen Fairweather"),
        url="https://continental-ledger.example/world/2026/01/20/canada-mexico-trade-review",
    )
    assert paragraphs(article) == [
        "Canada and Mexico pledge joint stance ahead of trade pact review",
        "Canada and Mexico agreed on Tuesday to coordinate their positions ahead of this year’s review of the "
        "North American trade pact, Canadian Prime Minister Mark Carney said after talks with Mexican President "
        "Claudia Sheinbaum.",
        "“We will walk into this review together, and we will walk out of it together,” Carney told a joint news "
        "conference in Ottawa.",
        "Sheinbaum said Mexico would defend its farmers and its energy sector, adding that the review should "
        "“strengthen the region, not divide it.”",
        "U.S. Trade Representative Jamieson Greer said last week that Washington wanted changes to rules of "
        "origin for cars.",
    ]


def test_html_in_a_txt_file_is_read_as_html(tmp_path: Path) -> None:
    page = tmp_path / "saved.txt"
    page.write_text((DATA / "page.html").read_text(encoding="utf-8"), encoding="utf-8")
    [article] = read_article(page)
    assert article.meta.publisher == "The Continental Ledger" and "cookie" not in article.text


def test_jsonl_batch_yields_articles_and_skips_bad_lines() -> None:
    items = list(read_articles([DATA / "batch.jsonl"]))
    articles = [item for item in items if isinstance(item, Article)]
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert [a.id for a in articles] == ["batch.jsonl#1", "batch.jsonl#2"]
    first, second = articles
    assert first.file == "batch.jsonl#1"
    assert first.meta == ArticleMeta(
        title="Philippines protests Chinese coast guard manoeuvres near disputed shoal",
        date="2026-04-02",
        publisher="Harbour Times",
        agency="Reuters",
        dateline="Manila",
        reporters=("Andrea Villanueva",),
        editors=("Colin Pratt",),
        url="https://harbour-times.example/asia/2026/04/02/manila-beijing-shoal",
    )
    assert "Vietnam and Malaysia" not in first.text and "Reporting by" not in first.text
    assert second.meta == ArticleMeta(
        title="Norway boosts Arctic patrols after Russian drills",
        date="2026-02-14",
        publisher="Polar Dispatch",
        dateline="Tromso",
        reporters=("Sigrid Aalberg",),
    )
    assert "Share" not in second.text and "Polar Dispatch" not in second.text
    path = DATA / "batch.jsonl"
    assert [s.source for s in skipped] == [f"{path}:3", f"{path}:4", f"{path}:6"]
    assert skipped[0].reason.startswith(f"{path}:3: invalid JSON")
    assert skipped[1].reason == f"{path}:4: no story text left after cleaning; check patterns/chrome.txt"
    assert skipped[2].reason.startswith(f'{path}:6: no "text" or "html" field')


def test_read_article_raises_on_the_first_bad_jsonl_line() -> None:
    with pytest.raises(InputError, match=r"batch\.jsonl:3: invalid JSON"):
        read_article(DATA / "batch.jsonl")


def test_jsonl_fields_override_and_bad_date(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(
        '{"text": "Headline from the text\\n\\nOfficials met in Lima on Friday to talk.", "title": "Given title"}\n'
        '{"text": "Officials met in Lima on Friday to talk.", "date": "someday"}\n'
        "[1, 2]\n",
        encoding="utf-8",
    )
    items = list(read_articles([path]))
    assert isinstance(items[0], Article)
    assert items[0].text == "Given title\n\nOfficials met in Lima on Friday to talk."
    assert items[1] == Skipped(f"{path}:2", f"{path}:2: cannot read the date 'someday'; write it as YYYY-MM-DD")
    assert items[2] == Skipped(f"{path}:3", f'{path}:3: expected a JSON object with "text" or "html", got list')


def test_empty_story_raises_naming_the_file() -> None:
    path = DATA / "empty_story.txt"
    with pytest.raises(InputError) as error:
        read_article(path)
    assert str(error.value) == f"{path}: no story text left after cleaning; check patterns/chrome.txt"


def test_read_article_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file; check the path"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(InputError, match=r"is a folder"):
        read_article(tmp_path)
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 talks end without a deal on Friday.".encode("latin-1"))
    assert "Café talks" in read_article(bad)[0].text  # not UTF-8: read as Windows-1252
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"PK\x03\x04\x00\x00 zipped")
    with pytest.raises(InputError, match=r"binary\.txt: a binary file, not text"):
        read_article(binary)


def test_read_articles_walks_folders_in_order_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    shutil.copy(DATA / "afp_wire.txt", tmp_path / "b" / "z_afp.txt")
    shutil.copy(DATA / "page.html", tmp_path / "a_page.htm")
    shutil.copy(DATA / "empty_story.txt", tmp_path / "c_empty.txt")
    shutil.copy(DATA / "ap_wire.txt", tmp_path / ".hidden" / "ignored.txt")
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "a_page.gold.json").write_text("{}", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert [(type(i).__name__, Path(i.source).name) for i in items] == [
        ("Skipped", "README.md"),
        ("Skipped", "a_page.gold.json"),
        ("Article", "a_page.htm"),
        ("Article", "z_afp.txt"),
        ("Skipped", "c_empty.txt"),
    ]
    assert items[0].reason == "not an article file (.md)"
    assert items[1].reason == "not an article file (.json)"
    assert items[4].reason.endswith("c_empty.txt: no story text left after cleaning; check patterns/chrome.txt")


def test_read_articles_rejects_missing_paths_and_duplicate_ids(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere: no such file or folder"):
        list(read_articles([tmp_path / "nowhere"]))
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        shutil.copy(DATA / "afp_wire.txt", tmp_path / folder / "same.txt")
    items = list(read_articles([tmp_path]))
    assert isinstance(items[0], Article) and isinstance(items[1], Skipped)
    assert 'article id "same.txt" is already used by' in items[1].reason


def test_article_from_text_and_html_directly() -> None:
    article = article_from_text(
        "Talks end\n\nBAMAKO, May 4 (Reuters) - Talks between the junta and the rebels ended on Sunday.",
        article_id="inline",
    )
    assert (article.meta.title, article.meta.dateline, article.meta.agency) == ("Talks end", "Bamako", "Reuters")
    assert article.text == "Talks end\n\nTalks between the junta and the rebels ended on Sunday."
    page = "<html><body><article><h1>Talks end</h1><p>Talks between the junta and the rebels ended on Sunday.</p></article></body></html>"
    assert article_from_html(page, article_id="inline").text == article.text


def test_examples_read_cleanly() -> None:
    items = list(read_articles([EXAMPLES]))
    assert items and all(isinstance(item, Article) for item in items)
    assert len(items) == 5
    for article in items:
        assert article.meta.title and article.meta.date and article.meta.reporters
        assert "Related Posts" not in article.text and "Read more" not in article.text


def test_wire_copy_with_a_dateline_line_and_a_caps_headline() -> None:
    article = article_from_text(
        "HARBOUR STRIKE HALTS EXPORTS IN TEMA.\n\nIsaac Boateng\n\nACCRA 2026-03-04\n\n"
        "Dock workers in the port of Tema stopped work on Wednesday over unpaid wages, their union said.\n\n"
        "-- Ama Owusu, Accra Newsroom +233 555 0100",
        article_id="wire",
    )
    assert article.meta.title == "HARBOUR STRIKE HALTS EXPORTS IN TEMA."
    assert (article.meta.dateline, article.meta.date) == ("Accra", "2026-03-04")
    assert article.meta.reporters == ("Isaac Boateng", "Ama Owusu")
    assert article.text.endswith("their union said.")
    assert "ACCRA" not in article.text and "Newsroom" not in article.text


def test_dateline_line_with_the_date_on_the_next_line() -> None:
    article = article_from_text(
        "Grain exports rise.\n\nST. PAUL, Minn.\n\n2026-03-04\n\n"
        "Grain shipments from the upper Midwest rose for a third week, traders said on Wednesday.",
        article_id="wire2",
    )
    assert (article.meta.title, article.meta.dateline, article.meta.date) == ("Grain exports rise.", "St. Paul", "2026-03-04")
    assert article.text == "Grain exports rise.\n\nGrain shipments from the upper Midwest rose for a third week, traders said on Wednesday."


def test_jsonl_headline_published_and_author_keys(caplog: pytest.LogCaptureFixture) -> None:
    record = {
        "headline": "Port strike ends",
        "published": "2026-03-04T08:00:00Z",
        "author": [{"name": "Mira Kovac"}, "Associated Press"],
        "site_name": "Harbour Daily",
        "body": "Dock workers returned to work on Wednesday after a deal on wages, the union said.",
        "section": "business",
    }
    article = article_from_record(record, article_id="r1")
    assert (article.meta.title, article.meta.date, article.meta.publisher) == ("Port strike ends", "2026-03-04", "Harbour Daily")
    assert (article.meta.reporters, article.meta.agency) == (("Mira Kovac",), "AP")
    assert "section" in caplog.text


def test_organisation_authors_are_not_reporters() -> None:
    record = {
        "text": "Dock workers returned to work on Wednesday after a deal on wages, the union said.",
        "publisher": "Harbour Daily",
        "authors": ["Harbour Daily", "Editorial Board", "Global Times", "Jonas Berg"],
    }
    assert article_from_record(record, article_id="r2").meta.reporters == ("Jonas Berg",)


@pytest.mark.parametrize(
    ("title", "publisher", "expected"),
    [
        ("Senate passes budget bill | Harbour Daily Politics", "Harbour Daily", "Senate passes budget bill"),
        ("Senate passes budget bill - Politics - Harbour Daily", "Harbour Daily", "Senate passes budget bill"),
        ("Talks resume in Geneva - Lakeside News", None, "Talks resume in Geneva"),
        ("Europe must act now on energy – Lindqvist", None, "Europe must act now on energy – Lindqvist"),
        ("Ukraine war - live updates", None, "Ukraine war - live updates"),
    ],
)
def test_site_and_section_names_leave_the_title(title: str, publisher: str | None, expected: str) -> None:
    from kgraph.articles import _strip_site

    assert _strip_site(title, publisher) == expected


def test_story_in_a_layout_table_behind_a_reprint_notice() -> None:
    page = (
        "<html><head><title>Harbour strike ends</title></head><body>"
        '<div class="notice"><p>This article may be reprinted free of charge if the source is credited in full.</p></div>'
        "<table><tr><td><h1>Harbour strike ends</h1></td></tr><tr><td>"
        "Dock workers in the port returned to work on Wednesday after the union and the port authority agreed on a new wage deal, the union said.<br><br>"
        "The strike had halted exports of cocoa and timber for nine days, costing the port two million dollars a day, officials said.<br><br>"
        "Shipping lines said the backlog of containers would take at least a week to clear.</td></tr></table></body></html>"
    )
    article = article_from_html(page, article_id="table")
    assert article.meta.title == "Harbour strike ends"
    assert "Shipping lines said the backlog" in article.text


def test_sidebar_layout_class_does_not_prune_the_story() -> None:
    page = (
        "<html><head><title>Harbour strike ends</title></head><body>"
        '<div class="l-sidebar-fixed"><article><h1>Harbour strike ends</h1>'
        "<p>Dock workers in the port returned to work on Wednesday after the union and the port authority agreed on a new wage deal, the union said.</p>"
        '<div class="share-bar">Share</div>'
        "<p>The strike had halted exports of cocoa and timber for nine days, costing the port two million dollars a day, officials said.</p>"
        "</article></div></body></html>"
    )
    article = article_from_html(page, article_id="sidebar")
    assert "The strike had halted exports" in article.text


def test_opening_paragraph_without_a_full_stop_is_story() -> None:
    article = article_from_text(
        "Harbour strike ends\n\n"
        "Dock workers in the port returned to work on Wednesday after the union and the port authority agreed a new deal\n\n"
        "The strike had halted exports of cocoa and timber for nine days, officials said.",
        article_id="lead",
    )
    assert article.meta.title == "Harbour strike ends"
    assert article.text.split("\n\n")[1].startswith("Dock workers")


def test_menu_bar_and_share_bar_comment_are_no_title_and_no_cut() -> None:
    article = article_from_text(
        "Menu Search Sign in Subscribe\n\nHarbour strike ends\n\n"
        "Dock workers in the port returned to work on Wednesday after a new wage deal, the union said.\n\n"
        "Comment\n\nThe strike had halted exports of cocoa and timber for nine days, officials said.\n\n"
        "Comments (3)\n\nGreat news for the port, finally some sense from both sides here.",
        article_id="menu",
    )
    assert article.meta.title == "Harbour strike ends"
    assert "The strike had halted exports" in article.text
    assert "Great news" not in article.text


@pytest.mark.parametrize(
    "headline",
    [
        "Minister Says Port Strike Will End by Friday.",
        "Pension Talks Collapse as Unions Walk Out of the Ministry.",
        "Weber on the Budget: The Numbers Are 'Alarming.'",
    ],
)
def test_a_headline_in_capitals_ending_with_a_full_stop_is_the_title(headline: str) -> None:
    story = ("The transport minister told parliament on Tuesday that the strike at the northern port would "
             "end by Friday after two weeks of talks with the dockworkers' union.\n\n"
             "The union said it would put the offer to a vote of its members on Thursday morning.")
    article = article_from_text(f"{headline}\n\n{story}", article_id="h.txt")
    assert article.meta.title == headline
    assert article.text[article.body_start:].startswith("The transport minister")


def test_a_sentence_case_headline_with_a_full_stop_is_the_title() -> None:
    story = ("Harbour board says the ferry will sail again in May.\n\n"
             "The harbour board told councillors on Tuesday that repairs to the northern pier were ahead of "
             "schedule and that the ferry to the islands could resume its summer timetable in May.\n\n"
             "Engineers found the damage after the storm in January.")
    article = article_from_text(story, article_id="h.txt")
    assert article.meta.title == "Harbour board says the ferry will sail again in May."
    assert article.text[article.body_start:].startswith("The harbour board told councillors")


def test_a_lead_sentence_in_normal_case_is_not_taken_for_a_headline() -> None:
    story = ("The transport minister told parliament on Tuesday that the strike at the northern port would end.\n\n"
             "The union said it would put the offer to a vote of its members on Thursday morning.")
    article = article_from_text(story, article_id="h.txt")
    assert article.meta.title is None and article.body_start == 0
