"""articles.ingest.datelines: bylines and datelines at the start of a story, our own examples."""

import datetime as dt

import pytest

from articles.ingest.datelines import parse_date_text, strip_byline_and_dateline, year_of

LEDE = "Bus drivers in the capital stopped work at dawn over unpaid overtime."
SECOND = "The transport authority said talks would resume on Friday."


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Nadia Rahimi", "Nadia Rahimi"),
        ("BY NADIA RAHIMI", "Nadia Rahimi"),
        ("By NADIA RAHIMI and PETER O'NEILL, Associated Press", "Nadia Rahimi and Peter O'Neill"),
        ("By Nadia Rahimi, Staff Writer", "Nadia Rahimi"),
        ("By Nadia Rahimi, Local Democracy Reporter", "Nadia Rahimi"),
        ("By Nadia Rahimi and Tomas de la Cruz", "Nadia Rahimi and Tomas de la Cruz"),
        ("Posted by Nadia Rahimi", "Nadia Rahimi"),
    ],
)
def test_byline_line_is_removed_and_keeps_person_names_only(line, byline):
    opening = strip_byline_and_dateline([line, LEDE, SECOND], None)
    assert opening.byline == byline
    assert opening.paragraphs == [LEDE, SECOND]


def test_agency_after_the_names_is_kept_apart():
    opening = strip_byline_and_dateline(["By Nadia Rahimi, Reuters", LEDE], None)
    assert (opening.byline, opening.agency) == ("Nadia Rahimi", "Reuters")


def test_a_date_on_the_byline_line_is_the_date_but_not_the_byline():
    opening = strip_byline_and_dateline(["By Nadia Rahimi | 2 October 2023", LEDE], None)
    assert opening.byline == "Nadia Rahimi"
    assert opening.published == dt.date(2023, 10, 2)


@pytest.mark.parametrize(
    ("prefix", "place", "agency", "published"),
    [
        ("DHAKA, June 9 (Reuters) - ", "DHAKA", "Reuters", None),
        ("MADRID, 21 April 2022 — ", "MADRID", None, dt.date(2022, 4, 21)),
        ("ROME (AFP) -- ", "ROME", "AFP", None),
        ("SAN JOSE, Dec. 4 — ", "SAN JOSE", None, None),
        ("OSLO — ", "OSLO", None, None),
        ("LIMA, Peru (AP) — ", "LIMA, Peru", "AP", None),
        ("CHICAGO, May 13, 2021 (Reuters) - ", "CHICAGO", "Reuters", dt.date(2021, 5, 13)),
    ],
)
def test_dateline_prefix_is_taken_off_the_first_paragraph(prefix, place, agency, published):
    opening = strip_byline_and_dateline([prefix + LEDE, SECOND], None)
    assert opening.paragraphs == [LEDE, SECOND]
    assert (opening.place, opening.agency, opening.published) == (place, agency, published)


def test_a_dateline_without_a_year_takes_the_year_hint_and_never_the_current_year():
    paragraphs = ["SAN JOSE, Dec. 4 — " + LEDE]
    assert strip_byline_and_dateline(paragraphs, None).published is None
    assert strip_byline_and_dateline(paragraphs, 2019).published == dt.date(2019, 12, 4)


def test_byline_then_dateline():
    opening = strip_byline_and_dateline(["By Nadia Rahimi", "", "DHAKA (Reuters) - " + LEDE], None)
    assert opening.byline == "Nadia Rahimi"
    assert opening.paragraphs[-1] == LEDE


@pytest.mark.parametrize(
    "first",
    [
        "London is the most expensive city for renters, a survey found.",
        "LONDON is where the talks will be held, officials said.",
        "NATO - the alliance - said it would send more ships.",
        "BREAKING — Parliament has been dissolved.",
        "By Monday, most of the buses were running again. Drivers went back.",
        "By the end of the week - officials hope - the strike will be over.",
        "IMF staff said on Monday the loan had been approved.",
        "“We will not go back,” a driver said.",
        "US officials - speaking privately - said talks had stalled.",
    ],
)
def test_an_ordinary_opening_sentence_is_left_alone(first):
    opening = strip_byline_and_dateline([first, SECOND], None)
    assert opening.paragraphs == [first, SECOND]
    assert opening.byline is None and opening.place is None and opening.published is None


def test_empty_input():
    assert strip_byline_and_dateline([], None).paragraphs == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-05-13", dt.date(2021, 5, 13)),
        ("2021-05-13T23:30:00-05:00", dt.date(2021, 5, 13)),
        ("2021-05-13T08:00:00Z", dt.date(2021, 5, 13)),
        ("Thu, 13 May 2021 10:00:00 +0000", dt.date(2021, 5, 13)),
        ("13 May 2021", dt.date(2021, 5, 13)),
        ("May 13, 2021", dt.date(2021, 5, 13)),
        ("Thu, May 13, 2021", dt.date(2021, 5, 13)),
        ("13th May 2021", dt.date(2021, 5, 13)),
        ("Sept. 3, 2021", dt.date(2021, 9, 3)),
        ("Posted 13 May 2021", dt.date(2021, 5, 13)),
        ("May 13", None),
        ("May 2021", None),
        ("2021", None),
        ("yesterday", None),
        ("3 hours ago", None),
        ("2021-02-30", None),
        ("not a date at all", None),
        ("", None),
        (None, None),
        (20210513, None),
        ("9" * 5000, None),
    ],
)
def test_parse_date_text_takes_full_dates_only_and_never_raises(value, expected):
    assert parse_date_text(value) == expected


def test_year_of_a_partial_header_date():
    assert year_of("January 2025") == 2025
    assert year_of("sometime") is None
