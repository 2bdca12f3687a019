"""Posts of elected politics: legislators, party posts and campaign posts.

- A legislator's organisation is the country whose legislature they sit in, not the state
  or district they represent: "Sen. X (R-Ohio)", "Ohio Sen. X", "X, a Republican
  congressman from Ohio" are posts of the United States; "state Sen. X" is a post of the
  state.  A party adjective ("Republican Sen. X") is no organisation of the post.
- A party adjective before a party post names the party, also when the story names it only
  that way: "Republican nominee X", "the Democratic presidential nominee, X" (in a story set
  in the party's country).
- A campaign named by its candidate holds the campaign posts: "Dole campaign manager X",
  "Clinton campaign spokesman X", "a spokeswoman for the Clinton campaign", "Trump's
  campaign manager X" give "<candidate> campaign".
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...nlp import doc_text

from .home import country_entity, organisation_entity, partisan_tags, party_adjectives, us_state_forms
from .phrases import _Found, _Mentions
from .vocabulary import POSSESSIVE

LEGISLATORS = frozenset({"legislator", "senator"})
PARTY_POSTS = frozenset({"candidate", "leader", "chair"})


def is_legislator(found: _Found) -> bool:
    return found.concept.id in LEGISLATORS or bool(found.concept.broader & LEGISLATORS)


def legislator_org(doc: Doc, found: _Found, mentions: _Mentions) -> str | None:
    """The organisation of a legislator's post, or None to leave the post as it was read."""
    title = found.title
    if title is None:
        return None
    zone = doc[title.start : title.words.start]
    if any(t.lower_ == "state" for t in zone):
        return None  # "state Sen. X", "Ohio state lawmaker X": the state's legislature
    org = found.org
    if org is not None and mentions.type(org) == "Organization" and mentions.name(org).lower().endswith(" party"):
        org = None  # "Republican Sen. X": the party is no organisation of the post
    if org is not None and mentions.type(org) == "Place" and mentions.name(org).rstrip(".") in us_state_forms():
        return mentions.imply(country_entity("US", mentions.entities))  # "Ohio Sen. X", "Senator X of Ohio"
    if org is None and (_tagged(doc, found) or _from_state(doc, title.end, found)):
        return mentions.imply(country_entity("US", mentions.entities))  # "Sen. X (R-Ohio)", "a congressman from Ohio"
    if org is None and found.org is not None:
        return ""  # the party was the only organisation read: let the home country decide
    return None


def _tagged(doc: Doc, found: _Found) -> bool:
    """"X (R-Ohio)", "X, D-Calif.,": a party-and-state tag right after the person's name."""
    tail = doc_text(doc)[found.person.end_char : found.person.end_char + 40]
    return any(tail[:start].strip() in ("", "(", ",") for start, _, _, _ in partisan_tags(tail))


def _from_state(doc: Doc, k: int, found: _Found) -> bool:
    """"a Republican congressman from Ohio": "from" and a US state after the title."""
    sent = found.sent
    if k + 1 >= sent.end or doc[k].lower_ != "from":
        return False
    forms = us_state_forms()
    for n in (2, 1):
        words = doc[k + 1 : min(k + 1 + n, sent.end)].text
        if words in forms or words.rstrip(".") in forms:
            return True
    return False


def party_org(doc: Doc, found: _Found, mentions: _Mentions, home: str | None) -> str | None:
    """"Republican nominee X" in a story set in the United States: the Republican Party."""
    title = found.title
    if title is None or found.concept.id not in PARTY_POSTS or home is None:
        return None
    home_iso = next((e.iso for e in (mentions.entities.get(home), mentions.implied.get(home)) if e is not None), None)
    parties = party_adjectives()
    for token in doc[title.start : title.words.start]:
        party = parties.get(token.text)
        if party is not None and party[1] == home_iso and (token.is_title or token.is_upper):
            return mentions.imply(organisation_entity(party[0], mentions.entities))
    return None


def campaign_org(doc: Doc, found: _Found, mentions: _Mentions) -> str | None:
    """"Dole campaign manager X", "a spokeswoman for the Clinton campaign": "<candidate> campaign"."""
    title = found.title
    if title is None:
        return None
    lo, hi = max(found.sent.start, title.start - 1), min(found.sent.end, title.end + 4)
    for token in doc[lo:hi]:
        if token.lower_ != "campaign" or token.i - 1 < found.sent.start:
            continue
        k = token.i - 1
        if doc[k].text in POSSESSIVE:
            k -= 1
        named = mentions.get(token.i, "Organization")
        if named is not None and mentions.name(named.label_).lower().endswith("campaign"):
            return named.label_  # the story's own "Clinton campaign"
        candidate = mentions.get(k, "Person")
        if candidate is not None and candidate.end == k + 1 and candidate.label_ != found.person.label_:
            return mentions.imply(organisation_entity(f"{candidate[-1].text} campaign", mentions.entities))
        if candidate is None and mentions.get(k) is None and doc[k].ent_type_ == "PERSON" and doc[k].is_title:
            return mentions.imply(organisation_entity(f"{doc[k].text} campaign", mentions.entities))  # a name the story does not list
    principal = title.principal
    if principal is not None and "campaign" in found.label.lower().split() and principal.label_ != found.person.label_:
        return mentions.imply(organisation_entity(f"{principal[-1].text} campaign", mentions.entities))  # "Trump's campaign manager X"
    return None
