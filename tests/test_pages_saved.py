"""Saved pages in the styles of common news CMSs (invented pages under tests/data/pages/):
one test per construction that used to leak chrome into the story or spoil the metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgraph import meta
from kgraph.articles import article_from_html, article_from_text, read_article
from kgraph.records import Article

PAGES = Path(__file__).parent / "data" / "pages"


def page(name: str) -> Article:
    [article] = read_article(PAGES / name)
    return article


def test_site_title_h1_loses_to_the_entry_title_that_agrees_with_the_tags() -> None:
    assert page("wordpress_local_news.html").meta.title == "Council approves Millbrook flood barrier after two years of delay"


def test_social_media_title_does_not_win_over_the_headline() -> None:
    assert page("arc_wire_story.html").meta.title == "Drought pushes Zambia to import maize from Tanzania"


def test_section_heading_h1_is_no_title() -> None:
    assert page("drupal_regional_daily.html").meta.title == "Port workers end strike after pay deal"


def test_date_is_no_title_and_the_headline_in_the_page_title_wins() -> None:
    article = page("table_layout_2008.html")
    assert article.meta.title == "Kenya opposition calls off protests after mediation"
    assert article.meta.publisher is None  # not the whole <title>


def test_json_ld_author_by_id_and_organisation_author_tag() -> None:
    assert page("wordpress_local_news.html").meta.reporters == ("Priya Nair",)  # not "Riverside Courier Staff"


def test_second_json_ld_block_names_no_author() -> None:
    for name in ("wordpress_local_news.html", "arc_wire_story.html"):
        assert not {"Tobias Klein", "Wanjiru Kamau"} & set(page(name).meta.reporters)


def test_visible_byline_when_the_tags_name_an_organisation() -> None:
    assert page("arc_wire_story.html").meta.reporters == ("Chanda Mwale",)  # contributors left out


def test_contributed_line_is_no_story_and_adds_no_author_under_a_byline() -> None:
    article = page("arc_wire_story.html")
    assert "contributed" not in article.text and "Grace Phiri" not in article.text
    assert article.meta.agency == "Reuters"


def test_hidden_pop_up_text_is_not_glued_into_the_story() -> None:
    article = page("arc_wire_story.html")
    assert "LusakaLusaka" not in article.text and "population 3.3 million" not in article.text
    assert "Mtolo told reporters in Lusaka, adding" in article.text


def test_hidden_author_pop_up_in_an_old_table_layout() -> None:
    article = page("table_layout_2008.html")
    assert "correspondent based in Nairobi" not in article.text
    assert article.meta.reporters == ("James Otieno",)


def test_data_table_cells_are_no_story() -> None:
    article = page("table_layout_2008.html")
    assert "ODM" not in article.text and "Seats" not in article.text
    assert "Diplomats said the United States" in article.text


def test_section_label_over_a_date_line_is_no_dateline() -> None:
    article = page("table_layout_2008.html")
    assert (article.meta.dateline, article.meta.agency, article.meta.date) == ("Nairobi", "Reuters", "2008-03-04")
    assert article.text.split("\n\n")[1].startswith("Kenya's opposition leader")


def test_author_bio_at_the_end_is_no_story() -> None:
    assert "local government reporter" not in page("wordpress_local_news.html").text


def test_teaser_card_and_newsletter_box_are_no_story() -> None:
    text = page("chrome_in_body.html").text
    assert "Traders in Shanghai" not in text and "Morning Brief" not in text
    assert "The mine produced about 40,000 tonnes" in text


def test_reader_comments_without_comment_markup_are_no_story() -> None:
    text = page("chrome_in_body.html").text
    assert "Lubumbashi" not in text and "built on that slope" not in text
    assert "Heavy rains have caused several landslides" in text


def test_comments_of_a_wordpress_page_are_no_story() -> None:
    assert "Weir Lane" not in page("wordpress_local_news.html").text


def test_byline_in_the_body_is_read() -> None:
    article = page("drupal_regional_daily.html")
    assert article.meta.reporters == ("Sofia Marin",)
    assert "By Sofia Marin" not in article.text


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "date"),
    [
        ("LONDON, March 4, 2026 (Reuters) - Britain said on Tuesday it would raise taxes on banks.", "London", "Reuters", "2026-03-04"),
        ("KUALA LUMPUR, 4 March 2026 – The government said on Tuesday it would raise taxes on banks.", "Kuala Lumpur", None, "2026-03-04"),
        ("PUTRAJAYA, 4 March (Bernama) -- The government said on Tuesday it would raise taxes.", "Putrajaya", "Bernama", None),
        ("LUSAKA, Zambia — Zambia will import maize from Tanzania to cover a shortfall, the minister said.", "Lusaka", None, None),
        ("GEORGE TOWN, March 4, 2026 - The state government said on Tuesday it would raise taxes.", "George Town", None, "2026-03-04"),
    ],
)
def test_datelines_keep_place_agency_and_date(paragraph: str, place: str, agency: str | None, date: str | None) -> None:
    article = article_from_text(f"Banks face new tax\n\n{paragraph}\n\nThe tax will raise two billion a year, officials said.", article_id="d")
    assert (article.meta.dateline, article.meta.agency, article.meta.date) == (place, agency, date)
    assert not article.text.split("\n\n")[1].startswith(place.upper())


def test_date_and_agency_without_a_city() -> None:
    article = article_from_text(
        "Banks face new tax\n\nMar 4 (Reuters) - The city will import maize from Tanzania to cover a shortfall, the minister said.",
        article_id="d",
    )
    assert (article.meta.dateline, article.meta.agency) == (None, "Reuters")
    assert article.text.split("\n\n")[1].startswith("The city will import")


def test_prose_with_a_dash_is_no_dateline() -> None:
    assert meta.parse_dateline("The minister said - and this is new - that the city will import maize.") is None


def test_two_credit_sentences_in_one_paragraph() -> None:
    found = meta.parse_credit_line("Reuters contributed to this report. Additional reporting by Grace Phiri in Dar es Salaam.")
    assert found == meta.Credits(reporters=("Grace Phiri",), agency="Reuters", contributors=("Grace Phiri",))


def test_contributors_count_in_wire_copy_without_a_byline() -> None:
    article = article_from_text(
        "Port strike ends\n\nDock workers returned to work on Wednesday after a deal on wages, the union said.\n\n"
        "Associated Press writer Jane Roe in Cairo contributed to this report.",
        article_id="w",
    )
    assert article.meta.reporters == ("Jane Roe",)


def test_author_bio_needs_a_journalist_and_a_reporter_or_contact() -> None:
    assert meta.is_author_bio("Jane Roe is a staff writer who covers energy.", ["Jane Roe"])
    assert meta.is_author_bio("Jane Roe is a freelance journalist based in Cairo.", [], tail=True)
    assert not meta.is_author_bio("Jane Roe is a former minister who now advises the bank.", ["Jane Roe"], tail=True)
    assert not meta.is_author_bio("Jane Roe is a reporter, the court heard.", [])


def test_hidden_headline_copy_is_no_title_and_glued_names_disappear() -> None:
    html = (
        "<html><head><title>Harbour strike ends | Coast News</title></head><body>"
        "<h1>Harbour strike ends after nine days</h1>"
        '<p>Dock workers returned to work on Wednesday, union leader <a href="#">Ana Reyes</a>'
        '<span style="display: none">Ana Reyes, general secretary since 2019</span> said after a vote.</p>'
        "<p>The strike had halted exports of cocoa and timber for nine days, costing the port two million dollars "
        "a day, officials said on Wednesday evening.</p><p>Shipping lines said the backlog of containers would take "
        "at least a week to clear, and that some ships had already left for other ports in the region.</p>"
        "</body></html>"
    )
    article = article_from_html(html, article_id="h")
    assert article.meta.title == "Harbour strike ends after nine days"
    assert "Ana ReyesAna Reyes" not in article.text and "since 2019" not in article.text


def test_single_word_and_acronym_authors_are_nobody() -> None:
    draft = meta.MetaDraft()
    meta.add_authors(draft, ["CNN", "admin", "Editorial Board", "Jonas Berg"])
    assert draft.reporters == ["Jonas Berg"]


def test_byline_inside_a_layout_named_for_its_sidebar_is_read() -> None:
    """'l-sidebar-fixed' is the layout that holds the story, not a sidebar; the site named as
    author ('Daily Courier') and after the byline's names is no reporter, nor is the name of
    'X contributed to this report'."""
    article = page("layout_sidebar_byline.html")
    assert article.meta.reporters == ("Jane Ortiz", "Mark Bell")


@pytest.mark.parametrize(
    "names, outside",
    [("l-sidebar-fixed", False), ("article-body", False), ("sidebar", True), ("post-comments", True),
     ("author-bio", True), ("related_posts", True), ("card-grid", True), ("scorecard", False)],
)
def test_class_names_that_mark_a_box_outside_the_story(names: str, outside: bool) -> None:
    assert meta._not_story(names) is outside


@pytest.mark.parametrize("name", ["Daily Courier", "Weekly Standard Bulletin", "Evening Telegraph"])
def test_a_name_with_a_newsroom_word_is_an_organisation(name: str) -> None:
    assert meta.is_organisation(name)


def test_a_person_named_like_a_newsroom_word_stays_a_person() -> None:
    assert not meta.is_organisation("Emily Post Jones")
    assert not meta.is_organisation("Jane Ortiz")


def test_an_opening_paragraph_without_its_full_stop_is_the_lead_under_a_known_headline() -> None:
    """The headline comes from the page's tags, so the first paragraph of the body is the lead
    even where its full stop was lost; a share bar's "Comment" cuts nothing; reader comments go."""
    article = page("lead_without_full_stop.html")
    assert article.meta.title == "Floods force thousands from homes in Mozambique"
    body = article.text[article.body_start :]
    assert body.startswith("Heavy rain has forced more than 40,000 people")
    assert "cover food, tents and medicine" in body
    assert "praying" not in body


def test_a_page_title_that_is_only_the_site_name_gives_way_to_the_printed_headline() -> None:
    article = page("table_layout_site_title.html")
    assert article.meta.title == "Mill closure leaves 300 without work in Harlow Falls"
    assert article.meta.reporters == ("Ellen Marsh",)
    assert article.text[article.body_start :].startswith("The Harlow Falls paper mill will close")


@pytest.mark.parametrize(
    "title, site",
    [("The Valley Gazette", True), ("Daily Courier", True), ("Mill closure leaves 300 without work", False),
     ("Tokyo Stocks Close Higher", False)],
)
def test_site_name_only_titles(title: str, site: bool) -> None:
    assert meta.site_name_only(title) is site
