from __future__ import annotations

import pytest

from kgraph import cleaning
from kgraph.errors import InputError


def test_normalize_folds_newlines_spaces_and_invisible_characters() -> None:
    raw = "\ufeffTitle  here\r\n\r\n\r\n\r\nOne\u00a0two\u200b three.  \r\nCafe\u0301"
    assert cleaning.normalize(raw) == "Title here\n\nOne two three.\nCafé"


@pytest.mark.parametrize(
    "line",
    [
        "Featured image for article about Headlines",
        "Advertisement",
        "Share this article: Facebook X Email",
        "Share:",
        "Facebook Twitter WhatsApp Email",
        "Read more: Steel makers brace for new quota talks",
        "READ MORE",
        "Topics: Trade Canada Mexico",
        "Tags: Afghanistan, TTP",
        "Home | World | Business | Markets | Opinion",
        "We use cookies to improve your experience. Accept all cookies to continue.",
        "Accept all",
        "Skip to content",
        "Sign up for our Morning Briefing newsletter",
        "Get the Trade Wire newsletter – every Friday in your inbox. Sign up free",
        "© 2026 The Continental Ledger. All rights reserved.",
        "View 1,284 comments",
        "4 min read",
        "___",
        "(This story has been corrected to fix the spelling of a name in paragraph 3)",
        "REUTERS/Jane Roe/File Photo",
        "© Agence France-Presse",
    ],
)
def test_drop_chrome_removes_noise_lines(line: str) -> None:
    assert cleaning.drop_chrome(f"Story starts here.\n{line}\nStory goes on.") == "Story starts here.\nStory goes on."


@pytest.mark.parametrize(
    "line",
    [
        "Shares in the carmaker fell 5% on Monday after the announcement.",
        "Twenty nations have yet to sign up.",
        "The group's newsletter called for a general strike.",
        "Related talks are planned for next week in Geneva.",
        "Read the statement, the minister told reporters, and you will see.",
        "Share prices rose in Tokyo.",
        "Tags on the crates showed they came from Odesa.",
    ],
)
def test_drop_chrome_keeps_story_lines(line: str) -> None:
    assert cleaning.drop_chrome(line) == line


def test_cut_trailers_cuts_related_posts_only_after_the_story_began() -> None:
    text = "\n".join(
        [
            "Related Posts",  # a menu above the story: no cut
            "Ministers met in Brussels on Tuesday to discuss sanctions.",
            "More talks are planned.",
            "Related Posts",
            "Kremlin says sanctions will fail",
            "More from World",
        ]
    )
    assert cleaning.cut_trailers(text) == "\n".join(text.split("\n")[:3])


def test_drop_repeated_removes_headline_pairs_but_keeps_one_copy_of_prose() -> None:
    text = "\n".join(
        [
            "Kremlin says sanctions will fail",
            "Kremlin says sanctions will fail",
            "",
            "Oil prices climb on supply fears",
            "",
            "Oil prices climb on supply fears",
            "The minister said the talks would resume on Friday.",
            "The minister said the talks would resume on Friday.",
        ]
    )
    assert cleaning.drop_repeated(text) == "The minister said the talks would resume on Friday."


def test_unwrap_joins_only_lines_that_continue() -> None:
    text = "Officials said the\ntalks would resume, and\nthat both sides agreed.\nA new paragraph starts here."
    assert cleaning.unwrap(text) == (
        "Officials said the talks would resume, and that both sides agreed.\nA new paragraph starts here."
    )
    headlines = "Oil steadies in Asia\nGold rises as dollar slips"
    assert cleaning.unwrap(headlines) == headlines


def test_unwrap_reflows_fixed_width_text() -> None:
    paragraph = (
        "The foreign ministers of Chile and Peru met in Lima on Friday to discuss migration along "
        "their shared border, the Peruvian government said in a statement released after a long "
        "meeting that ran late into the night, and both sides agreed to meet again in a month's "
        "time in the Chilean capital Santiago, where a joint working group will present a plan."
    )
    import textwrap

    wrapped = "By Jane ROE\n\n" + "\n".join(textwrap.wrap(paragraph, 60)) + "\n\nEnd of the story here now."
    assert cleaning.unwrap(wrapped) == "By Jane ROE\n\n" + paragraph + "\n\nEnd of the story here now."


def test_clean_strips_a_scraped_page_down_to_story_and_header() -> None:
    page = "\n".join(
        [
            "Home | World | Business | Markets",
            "Ministers agree new sanctions package",
            "",
            "Featured image for article about World",
            "",
            "BRUSSELS, Feb 3 (Reuters) - European Union ministers agreed on Tuesday to extend sanctions.",
            "",
            "Related Posts",
            "Kremlin says sanctions will fail",
            "Kremlin says sanctions will fail",
        ]
    )
    assert cleaning.clean(page) == (
        "Ministers agree new sanctions package\n\n"
        "BRUSSELS, Feb 3 (Reuters) - European Union ministers agreed on Tuesday to extend sanctions."
    )


def test_parse_chrome_reads_rules_and_rejects_bad_ones() -> None:
    rules = cleaning.parse_chrome("# comment\ndrop  ads?  # trailing comment\ncut   the end\nhtml  Share\n")
    assert rules.is_dropped("Ad") and rules.is_cut("THE END") and rules.html == ("share",)
    with pytest.raises(InputError, match=r"mine\.txt:1: bad rule 'remove x'"):
        cleaning.parse_chrome("remove x", name="mine.txt")
    with pytest.raises(InputError, match=r"mine\.txt: bad regex '\(unclosed'"):
        cleaning.parse_chrome("drop (unclosed", name="mine.txt")


def test_shipped_chrome_rules_and_html_xpath() -> None:
    rules = cleaning.chrome_rules()
    assert rules.drop and rules.cut and "share" in rules.html
    xpath = cleaning.html_noise_xpath()
    assert xpath.startswith("//*[@class or @id][") and "' share'" in xpath and "self::article" in xpath


def test_html_words_match_whole_class_names_not_their_middle() -> None:
    from lxml import html

    rules = cleaning.parse_chrome("html share\nhtml sidebar\n")
    page = html.fromstring(
        '<html><body><div class="l-sidebar-fixed">story</div><div class="share-bar">a</div>'
        '<div id="article-share">b</div><div class="sharedaddy">c</div><div class="main sidebar">d</div></body></html>'
    )
    pruned = page.xpath(cleaning.html_noise_xpath(rules=rules))
    assert [e.text for e in pruned] == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The minister said the talks would resume on Friday.", True),
        ("Kremlin says sanctions will fail", False),
        ("Posted on December 24, 2025", False),
        ("“We will win.”", False),
    ],
)
def test_is_prose(line: str, expected: bool) -> None:
    assert cleaning.is_prose(line) is expected
