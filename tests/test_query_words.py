"""The words a question brings to keyword search: the other spelling, the describer's kind."""

from __future__ import annotations

import pytest
from conftest import FakeEmbedder

from rag.index import Index
from rag.query_words import keyword_query


@pytest.mark.parametrize(
    ("question", "brought"),
    [
        ("What colour is the grey cat?", {"color", "gray"}),
        ("Which colors are in the gray logo?", {"colours", "grey"}),
        ("Is the centre of the armoured car honoured?", {"center", "armored", "honored"}),
        ("Which licence covers the normalisation code?", {"license", "normalization"}),
        ("Who organized it?", {"organised"}),
    ],
)
def test_a_spelling_brings_the_other(question, brought):
    added = set(keyword_query(question).removeprefix(question).split())
    assert brought <= added


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which animal is in my clip art?", "drawing"),
        ("What is the pink cartoon character?", "drawing"),
        ("What does the hexagon sticker show?", "logo"),
        ("What is drawn in my photo of the beach?", "photograph"),
        ("What is the y axis of the scatter plot?", "chart"),
    ],
)
def test_a_users_word_for_a_kind_of_picture_brings_the_describers(question, kind):
    assert keyword_query(question).removeprefix(question).split() == [kind]


def test_words_without_variants_leave_the_question_as_it_is():
    # "hour", "four" and "your" end like "colour" but have no other spelling worth a term.
    question = "Which port does the server use for your four hourly jobs?"
    assert keyword_query(question) == question


def test_keyword_search_gets_the_brought_words_and_the_dense_query_the_question(settings):
    index = Index(settings, embedder=FakeEmbedder())  # type: ignore[arg-type]
    asked: list[str] = []
    query = index.bm25.query
    index.bm25.query = lambda text: (asked.append(text), query(text))[-1]  # type: ignore[method-assign]
    index.search("What colour is the grey clip art?")
    assert asked == ["What colour is the grey clip art? color gray drawing"]


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Who wrote the lz4 command-line tool?", "author"),
        ("Who maintains the Debian package?", "maintainer"),
        ("Who developed libjpeg/SIMD?", "developer"),
    ],
)
def test_a_who_question_brings_the_noun_for_its_doer(question, noun):
    # A manual names the person under "AUTHOR", not beside the word "wrote".
    assert keyword_query(question).removeprefix(question).split() == [noun]


def test_a_question_for_no_person_brings_no_doer():
    question = "When was the manual written?"
    assert keyword_query(question) == question
