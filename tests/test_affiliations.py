"""The affiliation a title page prints with each author's name answers "at which university"."""

from __future__ import annotations

from test_reader import evidence, read

from rag.authorship import asks_affiliation
from rag.reader.affiliations import Affiliation, affiliation_of, affiliations

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


def test_a_name_with_a_generation_suffix_is_still_an_authors_name():
    page = (
        "Genetic Optimization Using Derivatives: The\nrgenoud Package for R\n"
        "Walter R. Mebane, Jr.\nUniversity of Michigan\nJasjeet S. Sekhon\nUC Berkeley\nAbstract"
    )
    assert affiliation_of(["Walter Mebane"], page) == Affiliation(
        "Walter R. Mebane, Jr.", "University of Michigan"
    )
    assert affiliation_of(["Jasjeet Sekhon"], page) == Affiliation(
        "Jasjeet S. Sekhon", "UC Berkeley"
    )


LME4 = (
    "Fitting Linear Mixed-Effects Models Using lme4\nDouglas Bates\n"
    "University of Wisconsin-Madison\nMartin Mächler\nETH Zurich\nBenjamin M. Bolker\n"
    "McMaster University\nAbstract\nMaximum likelihood or restricted maximum likelihood."
)


def test_an_institution_by_its_initials_is_a_place_and_where_someone_was_based_asks_it():
    # Before, "ETH Zurich" was read as a name, and Martin Mächler had no place.
    assert Affiliation("Martin Mächler", "ETH Zurich") in affiliations(LME4)
    assert asks_affiliation("Where was Martin Mächler based when he co-wrote the lme4 paper?")
    assert asks_affiliation("Where does Ben Bolker work?")
    assert not asks_affiliation("Where is the lme4 paper's data based on?")


def test_the_title_page_is_read_for_where_an_author_was_based(evidence_given, tmp_path):
    root = tmp_path / "docs"
    root.mkdir()
    body = "Martin Mächler wrote the lmer function, which fits linear mixed-effects models. "
    (root / "lme4.txt").write_text(LME4 + "\n\n" + body * 12)
    question = "Where was Martin Mächler based when he wrote about the lmer function?"
    for read_title, expected in ((True, True), (False, False)):
        given = evidence_given(
            "memory", root, question, read_on=False, read_author_section=read_title
        )
        assert any("ETH Zurich" in e.chunk.text for e in given) is expected


def test_a_department_is_told_with_the_place_it_is_part_of():
    page = (
        "tgp: an R package for treed Gaussian process models\nRobert B. Gramacy\n"
        "Department of Statistics\nVirginia Tech\nrbg@vt.edu\nDecember 30, 2022\nAbstract"
    )
    assert affiliations(page) == [
        Affiliation("Robert B. Gramacy", "Department of Statistics, Virginia Tech")
    ]
    answer = read(
        "Which university is Robert B. Gramacy, the author of the vignette, at?", evidence(page)
    )
    assert answer.startswith("Department of Statistics, Virginia Tech — Robert B. Gramacy"), answer
