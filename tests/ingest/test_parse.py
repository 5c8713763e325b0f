"""The seed format: run-together articles, kickers, teasers, photo credits, headers."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.ingest.parse import (
    ParseError,
    derive_headline,
    parse_text,
    photo_credit,
    split_deck,
    split_header,
)


def test_seed_yields_five_articles_with_kickers_teasers_and_credit(seed_file):
    drafts = parse_text(seed_file.read_text(encoding="utf-8"))
    assert len(drafts) == 5
    assert [d.kicker for d in drafts] == ["", "FRAUD ALLEGED", "EUROPEAN FUTURE?", "CANCER", ""]
    assert [d.truncated for d in drafts] == [False, True, True, True, True]
    assert [d.photo_credit for d in drafts] == ["AP", "", "", "", ""]
    assert all(d.headline for d in drafts)
    assert not any("Photo: AP" in p for d in drafts for p in d.paragraphs)


def test_full_story_keeps_every_paragraph(seed_file):
    text = seed_file.read_text(encoding="utf-8")
    first = parse_text(text)[0]
    body_lines = [line for line in text.splitlines()[:19] if line != "Photo: AP"]
    assert first.paragraphs == body_lines


# Two kicker teasers, one line each (cut off mid-sentence, as a list page shows them).
TEASERS = (
    "MARKET JITTERS: Regional stock markets fell sharply after the central bank raised rates again "
    "Traders in Jakarta said the move had caught many off guard, and the rupiah slid to its "
    "weakest level since\n"
    "PORT DEAL? A consortium is close to buying the island's main harbour, officials say "
    "Negotiators met in Suva on Monday to settle the final terms of a lease that would run for\n"
)


def test_kicker_line_splits_deck_from_body():
    a, b = parse_text(TEASERS)
    assert a.kicker == "MARKET JITTERS"
    assert a.deck == "Regional stock markets fell sharply after the central bank raised rates again"
    assert a.paragraphs[0].startswith("Traders in Jakarta said")
    assert a.truncated and b.truncated
    assert b.kicker == "PORT DEAL?"
    assert b.deck == "A consortium is close to buying the island's main harbour, officials say"


def test_deck_split_ignores_mid_sentence_capitals():
    deck, body = split_deck(
        "The minister met Vietnamese officials in Hanoi to discuss rice exports and the talks "
        "ended early Farmers said"
    )
    assert deck.endswith("ended early")
    assert body.startswith("Farmers said")


def test_header_lines_set_headline_date_source_and_url():
    text = (
        "Headline: Floods close schools\nDate: 2024-03-05\nSource: Wire\n"
        "URL: https://example.org/a\n\nHeavy rain shut 40 schools on Tuesday.\n"
    )
    (draft,) = parse_text(text)
    assert draft.headline == "Floods close schools"
    assert draft.published == dt.date(2024, 3, 5)
    assert draft.source == "Wire"
    assert draft.url == "https://example.org/a"
    assert draft.paragraphs == ["Heavy rain shut 40 schools on Tuesday."]


def test_unreadable_header_date_is_a_parse_error():
    with pytest.raises(ParseError, match="date"):
        parse_text("Date: someday\n\nText of the story goes here.\n")


def test_short_first_line_without_punctuation_is_the_headline():
    (draft,) = parse_text(
        "Dam opens after a decade of delays\nThe dam began producing power on Friday.\n"
    )
    assert draft.headline == "Dam opens after a decade of delays"
    assert draft.paragraphs == ["The dam began producing power on Friday."]


@pytest.mark.parametrize(
    "line, credit",
    [
        ("Photo: AP", "AP"),
        ("Photo: Reuters", "Reuters"),
        ("Photos: AFP / Getty Images", "AFP / Getty Images"),
        ("Photo courtesy of the ministry", "the ministry"),
        ("(Photo: CNA)", "CNA"),
        ("Photographs show the damage to the bridge. It was hit twice.", None),
        ("The photo shows a crowd.", None),
    ],
)
def test_photo_credit_lines(line, credit):
    assert photo_credit(line) == credit


def test_derived_headline_cuts_at_clause_not_inside_nickname_quotes():
    lede = (
        "Tributes poured in from across the region after the death of former mayor "
        "Ana “Nena” Ruiz, who led the city for two decades and survived three assassination "
        "attempts."
    )
    # The whole clause has 16 words: a headline has at most 14 (issue 15), so it is cut before
    # the name, never inside it or its quoted nickname.
    assert derive_headline(lede) == "Tributes poured in from across the region…"


def test_derived_headline_drops_chinese_alias():
    assert "(" not in derive_headline("Premier Li Qiang (李強) arrived in Canberra on Sunday.")


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Photo: AP\n"])
def test_text_without_article_is_a_parse_error(text):
    with pytest.raises(ParseError):
        parse_text(text)


line = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), min_size=0, max_size=120)


def check_every_body_line_lands_in_one_article(text):
    """Any text parses or raises ParseError; each content line (not a header, blank or photo
    credit) lands in exactly one article, and every article has a headline and paragraphs."""
    try:
        drafts = parse_text(text)
    except ParseError:
        return
    held = [n for d in drafts for n in d.lines]
    assert len(held) == len(set(held)), "a line went into two articles"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").split("\n")
    _, rest = split_header(lines)
    first = len(lines) - len(rest)
    content = {
        n
        for n, x in enumerate(lines)
        if n >= first and " ".join(x.split()) and photo_credit(" ".join(x.split())) is None
    }
    assert set(held) == content
    for draft in drafts:
        assert draft.paragraphs and all(p.strip() for p in draft.paragraphs)
        assert draft.headline.strip()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            line,
            st.sampled_from(["Photo: AP", "", "WAR? Troops crossed the river at dawn and", "A."]),
        ),
        max_size=25,
    )
)
def test_parser_never_raises_and_keeps_every_body_line_once(lines):
    """Property: plain lines (tests/security/test_hostile.py has the hostile version)."""
    check_every_body_line_lands_in_one_article("\n".join(lines))
