"""Dates a question spells out, found however a document prints them."""

from __future__ import annotations

import pytest
from test_reader import evidence, read

from rag.reader.dates import renders_date, spelled_dates, states_date
from rag.reader.question import analyse, pinned_things
from rag.reader.reader import _contains


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


def test_a_month_of_a_year_is_pinned_and_found_in_any_of_its_days():
    assert pinned_things("What HbA1c value does the diary record for March 2015?") == {
        "date:2015-03"
    }
    assert states_date("07.03.2015 – – 135", "date:2015-03")
    assert states_date("in March of 2015", "date:2015-03")
    assert states_date("2015-03-31", "date:2015-03")
    assert not states_date("18.02.2015 10.0 23.04.2015 6.0", "date:2015-03")
    assert not states_date("2015-13", "date:2015-01")
    assert renders_date("07.03", "date:2015-03")


def test_values_dated_other_days_than_the_one_asked_are_no_answer():
    # Before, the line of February's and April's values answered for March, and a blood
    # sugar table, which never names HbA1c, gave a reading of its own.
    diary = evidence(
        "Long term values Date HbA1c 18.02.2015 10.0 23.04.2015 6.0",
        "Date: 18.02.2015 — HbA1c: 10.0",
        "Date: 23.04.2015 — HbA1c: 6.0",
        "Blood sugar 19.03.2015 109 – –",
    )
    assert read("What HbA1c value does the diary record for March 2015?", diary) == ""
    answer = read("What HbA1c value does the diary record for April 2015?", diary)
    assert answer.startswith("6.0 — Date: 23.04.2015"), answer


def test_a_month_named_in_a_date_is_no_name_the_evidence_must_spell():
    asked = analyse("What HbA1c value does the diary record for April 2015?")
    assert "april" not in asked.named | asked.qualifiers


def test_a_name_of_letters_and_digits_is_found_with_the_spaces_a_pdf_puts_in_it():
    assert _contains("date: 23.04.2015 — hba 1c: 6.0", "hba1c")
    assert _contains("encoded as utf-8", "utf8")
    assert not _contains("version 1.0.8", "1.0.9")
