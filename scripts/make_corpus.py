"""Generate a corpus of invented news articles in all of kgraph's input forms.

    python scripts/make_corpus.py OUT_DIR [--articles 2000] [--words 650] [--seed 7]

Every story is assembled from templates written for this script, with invented people,
cities, ministries and firms (the countries are real, so that the country rules fire).
Articles cycle through four forms: a scraped page as ``.txt`` with site chrome and
"Related Posts", clean wire copy as ``.txt``, a saved ``.html`` page, and lines of
``.jsonl`` files (half with ``text``, half with ``html``; 25 articles per file).
The same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

GIVEN = (
    "Aldric Bexley Corvina Dagny Elsker Faustin Gisela Halvard Ilsabet Jorund Kasimir Liora Mattis "
    "Nerina Orvald Perpetua Quillan Rosmund Sefton Tamsin Ulrika Vesper Wendeline Yannick Zorana "
    "Anselm Brisca Cyprian Delphine Evander Fenna Gaspard Henrike Ivo Jessamy Koralie Leopold"
).split()
FAMILY = (
    "Ardwick Belcourt Castellane Drummel Eskeland Fairholme Granvik Hollister Ingleby Jarlsberg "
    "Kestrel Lindqvist Marchetti Norrland Oakhurst Pellegrin Quarrie Rydberg Stavenhagen Thorsby "
    "Ulvaeus Vantongeren Wexford Yarrowby Zelenko Abernath Brightwater Coldstream Dunmore Elsworth"
).split()
COUNTRIES = (
    ("France", "French", "Paris"), ("Germany", "German", "Berlin"), ("Poland", "Polish", "Warsaw"),
    ("Japan", "Japanese", "Tokyo"), ("Brazil", "Brazilian", "Brasilia"), ("Kenya", "Kenyan", "Nairobi"),
    ("Canada", "Canadian", "Ottawa"), ("India", "Indian", "New Delhi"), ("Turkey", "Turkish", "Ankara"),
    ("Mexico", "Mexican", "Mexico City"), ("Norway", "Norwegian", "Oslo"), ("Egypt", "Egyptian", "Cairo"),
    ("Indonesia", "Indonesian", "Jakarta"), ("Argentina", "Argentine", "Buenos Aires"),
    ("Nigeria", "Nigerian", "Abuja"), ("Vietnam", "Vietnamese", "Hanoi"), ("Chile", "Chilean", "Santiago"),
    ("Sweden", "Swedish", "Stockholm"), ("Ghana", "Ghanaian", "Accra"), ("Portugal", "Portuguese", "Lisbon"),
)
TOWNS = (
    "Harrowgate Velmora Ostrakan Brenwick Caldera Point Solvang Ridge Miramont Tessaly Port Evander "
    "Kilnmoor Dravik Lowenfeld Marisol Bay Quenton Falls"
).split(" ")
ORGS = (
    "the United Nations", "the European Union", "the African Union", "NATO", "the World Bank",
    "the International Monetary Fund", "the World Health Organization", "the Council of Coastal States",
    "the Northern Grain Exchange", "the Meridian Shipping Union", "Halvorsen Energy", "Brightwater Minerals",
    "the Continental Rail Authority", "the Institute for Maritime Security",
)
POSTS = (
    "Foreign Minister", "Defence Minister", "Finance Minister", "Prime Minister", "President",
    "Trade Minister", "Energy Minister", "Health Minister", "Interior Minister", "central bank governor",
)
ORG_POSTS = ("Secretary General", "chief executive", "spokesperson", "President", "Director General", "chief economist")
TOPICS = (
    ("trade", "tariffs on steel and grain", "export quotas", "a customs agreement"),
    ("energy", "gas pipeline tariffs", "power grid upgrades", "oil output quotas"),
    ("security", "air defence deployments", "border patrols", "joint naval exercises"),
    ("health", "vaccine supplies", "hospital funding", "an outbreak of cholera"),
    ("climate", "flood defences", "emission targets", "drought relief"),
    ("migration", "asylum procedures", "seasonal work visas", "border reception centres"),
    ("finance", "sovereign debt talks", "interest rates", "a bond issue"),
)
AGENCIES = ("Reuters", "AP", "AFP")
SITES = ("Meridian Capital Review", "The Harbour Ledger", "Northgate Times", "Cobalt Wire Daily")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

SENTENCES = (
    '"{quote}," {person} told reporters in {city}.',
    "{country_adj} {post} {person} said on {day} that {country} would {pledge} {topic_a}.",
    "{org} said in a statement that talks on {topic_b} would resume next month in {town}.",
    '{person}, the {post2} of {org}, said the plan was "{quote_short}."',
    "Officials in {capital} said they expected a decision on {topic_c} before the end of the year.",
    "{person} met {person2} in {town} on {day} to discuss {topic_a} and {topic_b}.",
    "The announcement came after weeks of pressure from lawmakers in {capital} over {topic_c}.",
    '"We will not accept {topic_b} that hurt our farmers and workers," {person} said.',
    "Analysts at {firm} said the deal could add about {num} billion dollars to trade between the two countries.",
    "{country} and {country2} have disagreed for years over {topic_a}, diplomats said.",
    "{person2}, who leads the opposition in {country2}, called the proposal {adjective}.",
    "According to {person}, the first shipments under the agreement could arrive in {town} by {month}.",
    "The ministry in {capital} declined to comment on the report.",
    "{org} has warned that {topic_c} could slow growth across the region.",
    "{country_adj} officials said {num} people had been affected by the dispute over {topic_b}.",
    "Speaking at a conference in {city}, {person} urged {org} to act quickly on {topic_a}.",
)
QUOTES = (
    "This is a first step and we expect every partner to keep its word",
    "Our priority is to protect families from the rising cost of living",
    "Nobody wins if the border stays closed for another winter",
    "We have offered a fair compromise and the door remains open",
    "The region cannot afford another year of uncertainty",
    "We are ready to sign as soon as the technical teams have finished",
)
QUOTES_SHORT = ("a serious step forward", "too little and too late", "balanced and realistic", "a test of good faith")
PLEDGES = ("press ahead with", "seek talks on", "review", "oppose new", "expand")
ADJECTIVES = ("reckless", "overdue", "unworkable", "a sensible start")
FIRMS = ("Oakhurst Analytics", "Pellegrin Research", "the Granvik Institute")
CHROME_TOP = "Home > {section} > {headline}\n{section}\n\n{headline}\n\nPublished by {site}\n\nPosted on {month} {dd}, 2026\n\nFeatured image for article about {section}\n\nShare on Facebook Share on X Email this article\n"
CHROME_BOTTOM = "\nRelated Posts\n{rel1}\n{rel1}\n{rel2}\n{rel2}\n\nMore from {section}\n\nExplore more articles in the {section} category\n\nView All {section} Posts\n\nSubscribe to our newsletter for the latest headlines.\n"


@dataclass(frozen=True, slots=True)
class Story:
    headline: str
    dateline: str
    agency: str
    site: str
    month: str
    day: int
    paragraphs: tuple[str, ...]
    reporter: str


def _name(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def make_story(rng: random.Random, words: int) -> Story:
    country, adj, capital = rng.choice(COUNTRIES)
    country2, _adj2, _capital2 = rng.choice([c for c in COUNTRIES if c[0] != country])
    topic = rng.choice(TOPICS)
    cast = [_name(rng) for _ in range(4)]
    post = rng.choice(POSTS)
    org = rng.choice(ORGS)
    headline = f"{adj} {post.lower() if post[0].islower() else post} {cast[0].split()[1]} seeks deal on {topic[1]} with {country2}"
    paragraphs = [
        f"{adj} {post} {cast[0]} said on {rng.choice(DAYS)} that {country} would open talks with {country2} on "
        f"{topic[1]}, a week after {org} warned that the dispute threatened {topic[2]}."
    ]
    count = len(paragraphs[0].split())
    while count < words:
        sentences = []
        for _ in range(rng.randint(2, 3)):
            sentence = rng.choice(SENTENCES).format(
                quote=rng.choice(QUOTES), quote_short=rng.choice(QUOTES_SHORT), person=rng.choice(cast),
                person2=rng.choice(cast), city=rng.choice((capital, rng.choice(TOWNS))), country=country,
                country2=country2, country_adj=adj, capital=capital, post=post, post2=rng.choice(ORG_POSTS),
                org=org, town=rng.choice(TOWNS), day=rng.choice(DAYS), month=rng.choice(MONTHS),
                pledge=rng.choice(PLEDGES), topic_a=topic[1], topic_b=topic[2], topic_c=topic[3],
                firm=rng.choice(FIRMS), num=rng.randint(2, 90), adjective=rng.choice(ADJECTIVES),
            )
            sentences.append(sentence[0].upper() + sentence[1:])
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return Story(
        headline=headline, dateline=capital.upper(), agency=rng.choice(AGENCIES), site=rng.choice(SITES),
        month=rng.choice(MONTHS), day=rng.randint(1, 28), paragraphs=tuple(paragraphs), reporter=_name(rng),
    )


def as_scraped(story: Story, rng: random.Random) -> str:
    section = rng.choice(("Headlines", "World", "Markets"))
    top = CHROME_TOP.format(section=section, headline=story.headline, site=story.site, month=story.month, dd=story.day)
    first = f"{story.dateline}, {story.month} {story.day} ({story.agency}) - {story.paragraphs[0]}"
    body = "\n\n".join((first, *story.paragraphs[1:], f"(Reporting by {story.reporter}; Editing by {_name(rng)})"))
    rel = [f"{_name(rng).split()[1]} calls for calm as {rng.choice(COUNTRIES)[0]} weighs new budget" for _ in range(2)]
    return f"{top}\n{body}\n{CHROME_BOTTOM.format(rel1=rel[0], rel2=rel[1], section=section)}"


def as_wire(story: Story) -> str:
    first = f"{story.dateline}, {story.month} {story.day} ({story.agency}) - {story.paragraphs[0]}"
    return "\n\n".join((story.headline, first, *story.paragraphs[1:], f"(Reporting by {story.reporter})")) + "\n"


def as_html(story: Story, rng: random.Random) -> str:
    month = MONTHS.index(story.month) + 1
    stamp = f"2026-{month:02d}-{story.day:02d}T09:30:00+00:00"
    rest = "\n".join(f"    <p>{html.escape(p)}</p>" for p in story.paragraphs[1:])
    related = "".join(f'<li><a href="/r/{i}">{html.escape(_name(rng))} wins vote on port budget</a></li>' for i in range(3))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(story.headline)} | {story.site}</title>
<meta name="author" content="{story.reporter}">
<meta property="og:site_name" content="{story.site}">
<meta property="og:title" content="{html.escape(story.headline)}">
<meta property="article:published_time" content="{stamp}">
</head>
<body>
<div class="cookie-banner"><p>We use cookies to measure our audience. By continuing you accept our cookie policy.</p><button>Accept all</button></div>
<header><a class="logo" href="/">{story.site}</a><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/markets">Markets</a></nav></header>
<main>
<article>
  <h1>{html.escape(story.headline)}</h1>
  <p class="byline">By <a href="/staff">{story.reporter}</a></p>
  <p class="timestamp"><time datetime="{stamp}">{story.month} {story.day}, 2026</time></p>
  <div class="story-body">
    <p>{story.dateline} &mdash; {html.escape(story.paragraphs[0])}</p>
{rest}
  </div>
  <aside class="related"><h3>Read more</h3><ul>{related}</ul></aside>
</article>
</main>
<footer><p>&copy; 2026 {story.site}. All rights reserved.</p></footer>
</body>
</html>
"""


def write_corpus(out: Path, *, articles: int, words: int = 650, seed: int = 7) -> dict[str, int]:
    """Write ``articles`` stories under ``out``; returns how many of each form."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    counts = {"scraped": 0, "wire": 0, "html": 0, "jsonl": 0}
    lines: list[str] = []
    for i in range(articles):
        story = make_story(rng, words)
        form = ("scraped", "wire", "html", "jsonl")[i % 4]
        counts[form] += 1
        if form == "scraped":
            (out / f"story-{i:05d}.txt").write_text(as_scraped(story, rng), encoding="utf-8")
        elif form == "wire":
            (out / f"wire-{i:05d}.txt").write_text(as_wire(story), encoding="utf-8")
        elif form == "html":
            (out / f"page-{i:05d}.html").write_text(as_html(story, rng), encoding="utf-8")
        else:
            month = MONTHS.index(story.month) + 1
            record = {"url": f"https://{story.site.lower().replace(' ', '-')}.example/{i}", "source": story.site,
                      "date": f"2026-{month:02d}-{story.day:02d}", "title": story.headline}
            if len(lines) % 2:
                record["html"] = as_html(story, rng)
            else:
                record["text"] = as_wire(story)
            lines.append(json.dumps(record, ensure_ascii=False))
            if len(lines) == 25:
                (out / f"feed-{i:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
                lines = []
    if lines:
        (out / f"feed-{articles:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=650, help="words per story, roughly (default 650)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    counts = write_corpus(args.out, articles=args.articles, words=args.words, seed=args.seed)
    print(f"wrote {sum(counts.values())} articles to {args.out}: " + ", ".join(f"{n} {k}" for k, n in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
