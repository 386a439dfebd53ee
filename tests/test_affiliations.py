"""The affiliation a title page prints with each author's name answers "at which university"."""

from __future__ import annotations

from test_reader import evidence, read

from rag.reader.affiliations import Affiliation, affiliation_of, affiliations, asks_affiliation

STACKED = (
    "Regression Models for Count Data in R\nAchim Zeileis\nUniversität Innsbruck\n"
    "Christian Kleiber\nUniversität Basel\nSimon Jackman\nStanford University\nAbstract\n"
    "The classical Poisson, geometric and negative binomial regression models for count data."
)
# The same page read in columns: the names first, then the places in the same order.
COLUMNS = (
    "Regression Models for Count Data in R\nAchim Zeileis\nChristian Kleiber\nSimon Jackman\n"
    "Universität Innsbruck\nUniversität Basel\nStanford University\nAbstract"
)


def test_each_name_is_paired_with_the_place_printed_with_it():
    expected = [
        Affiliation("Achim Zeileis", "Universität Innsbruck"),
        Affiliation("Christian Kleiber", "Universität Basel"),
        Affiliation("Simon Jackman", "Stanford University"),
    ]
    assert affiliations(STACKED) == expected
    assert affiliations(COLUMNS) == expected
    wrapped = "Paul Murrell\nThe University\nof Auckland\nAbstract"
    assert affiliations(wrapped) == [Affiliation("Paul Murrell", "The University of Auckland")]


def test_a_sentence_that_mentions_a_university_is_no_affiliation():
    text = (
        "Achim Zeileis\nThe package was written while he was a visiting scholar at the University."
    )
    assert affiliations(text) == []
    assert affiliation_of(["Jane Doe"], STACKED) is None
    # Without a name, only a page that prints one author answers.
    assert affiliation_of([], STACKED) is None
    assert affiliation_of([], "Achim Zeileis\nUniversitat Innsbruck\nAbstract") == Affiliation(
        "Achim Zeileis", "Universitat Innsbruck"
    )


def test_an_affiliation_question_is_answered_with_the_place_first():
    assert asks_affiliation("At which university was Christian Kleiber when he wrote it?")
    assert not asks_affiliation("Which option sets the university's name?")
    answer = read(
        "At which university was Christian Kleiber when he co-wrote the vignette?",
        evidence(STACKED),
    )
    assert answer.startswith("Universität Basel — Christian Kleiber, Universität Basel [1]")
    # Someone the page does not name gets no one else's place.
    assert not read("Which university is Jane Doe at?", evidence(STACKED)).startswith("Univ")
