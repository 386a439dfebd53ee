"""Dates a question spells out, found however a document prints them."""

from __future__ import annotations

import pytest
from test_reader import evidence, read

from rag.reader.dates import renders_date, spelled_dates, states_date
from rag.reader.question import pinned_things


def test_a_spelled_date_is_pinned_as_one_date_not_as_its_numbers():
    assert spelled_dates("What was recorded for 23 April 2015?") == ["date:2015-04-23"]
    assert spelled_dates("on April 3rd, 2015 or the 1st of Dec. 2014") == [
        "date:2015-04-03",
        "date:2014-12-01",
    ]
    assert pinned_things("What value is recorded for 23 April 2015 in version 1.2?") == {
        "date:2015-04-23",
        "1.2",
    }


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Date: 23.04.2015 — HbA1c: 6.0", True),
        ("measured on 2015-04-23", True),
        ("23/4/15", True),
        ("4/23/2015", True),
        ("April 23, 2015", True),
        ("23 Apr 2015", True),
        ("Date: 23.04.2016", False),
        ("123.04.2015", False),
        ("23.04.2015.1", False),
    ],
)
def test_a_pinned_date_is_found_in_figures_or_words(text, stated):
    assert states_date(text, "date:2015-04-23") is stated


def test_the_date_in_figures_is_no_new_value():
    assert renders_date("23.04", "date:2015-04-23")
    assert not renders_date("10.0", "date:2015-04-23")


def test_a_row_keyed_by_the_date_the_question_spells_answers_it():
    # Before, "23 April 2015" pinned "23" and "2015", which "23.04.2015" holds as neither, so
    # every row was refused.
    diary = evidence(
        "Long term values Date HbA1c 18.02.2015 10.0 23.04.2015 6.0",
        "Date: 18.02.2015 — HbA1c: 10.0",
        "Date: 23.04.2015 — HbA1c: 6.0",
    )
    answer = read("What HbA1c value does the diary record for 23 April 2015?", diary)
    assert answer.startswith("6.0 — Date: 23.04.2015"), answer
