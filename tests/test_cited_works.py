"""A question about a work a document cites is answered from the work's reference entry."""

from __future__ import annotations

import pytest
from conftest import FakeEmbedder

from rag.cited_works import Work, asks_about_source, cited_works, holds_entry
from rag.reader import Reader
from rag.reader.reader import PARTS
from rag.types import Chunk, Evidence

REFERENCES = """References
Agresti A (2002). Categorical Data Analysis. 2nd edition. John Wiley & Sons, Hoboken.
Hollander M, Wolfe DA (1999). Nonparametric Statistical Inference. 2nd edition. John Wiley &
Sons, New York.
R Core Team (2021). Writing R Extensions. R Foundation for Statistical Computing, Vienna.
J. W. Eaton. GNU Octave Manual. Network Theory Limited, 2002. ISBN 0-9541617-2-6.
[6] E. Paradis. Analysis of Phylogenetics and Evolution with R. Springer, New York, 2006.
"""


def test_citations_by_author_and_year_and_by_number_are_read_in_order():
    text = (
        "The example is taken from Hollander and Wolfe, 1999, Table 6.3. The results are "
        "opposite to those in [6] since the distances differ (R Core Team 2021).\n"
        "[1] -0.25\n"  # R prints a vector: no citation
    )
    assert cited_works(text) == [
        Work(surname="Hollander", year="1999"),
        Work(surname="Team", year="2021"),
        Work(number="6"),
    ]


@pytest.mark.parametrize(
    "work",
    [
        Work(surname="Hollander", year="1999"),
        Work(surname="Team", year="2021"),
        Work(surname="Eaton", year="2002"),  # initials first, the year last
        Work(number="6"),
    ],
)
def test_a_reference_list_holds_the_entry_of_each_work_it_lists(work):
    assert holds_entry(REFERENCES, work)


@pytest.mark.parametrize(
    "work",
    [
        Work(surname="Hollander", year="2000"),
        Work(surname="Agresti", year="1999"),
        Work(number="5"),
    ],
)
def test_another_year_or_number_is_another_work(work):
    assert not holds_entry(REFERENCES, work)


def test_a_running_head_with_a_name_and_a_date_is_no_entry():
    # A page header: the authors' names, then the vignette's date on the next line.
    header = "Eddelbuettel and Balamuta Rcpp Vignette\nJanuary 11, 2022\n"
    assert not holds_entry(header, Work(surname="Eddelbuettel", year="2022"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("The coin paper takes its example from a book. What is that book's title?", True),
        ("Which publisher brought out the author's own book?", True),
        ("In which journal did the paper it cites appear?", True),
        # The document itself, and a work the question names, are no cited work to follow.
        ("What p-value does the coin paper report for IV - I?", False),
        ("Who published the book Applied Econometrics with R?", False),
    ],
)
def test_a_question_about_a_cited_work_is_told_apart(question, expected):
    assert asks_about_source(question) is expected


PAPER = (
    "Permutation tests. The Kruskal-Wallis test is computed on the fish lengths, an example "
    "taken from Hollander and Wolfe, 1999, Table 6.3, page 200.\n\n"
    + "Asymptotic theory. The conditional distribution of the statistic is approximated. " * 6
    + "\n\n"
    + REFERENCES
)


@pytest.mark.parametrize("backend", ["edge", "memory"])
def test_the_entry_of_the_cited_work_is_read_with_the_passage_that_cites_it(
    evidence_given, tmp_path, backend
):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "coin.txt").write_text(PAPER)
    question = "The paper takes its Kruskal-Wallis example from a book. What is that book's title?"
    for follow, expected in ((True, True), (False, False)):
        given = evidence_given(
            backend,
            root,
            question,
            read_on=False,
            follow_citations=follow,
        )
        assert "Hollander and Wolfe, 1999" in given[0].chunk.text
        entries = [e for e in given if "Nonparametric Statistical Inference" in e.chunk.text]
        assert bool(entries) is expected
        assert len(given) == (2 if expected else 1)


def _evidence(*texts: str) -> list[Evidence]:
    return [
        Evidence(
            chunk=Chunk(
                doc_id="coin", file="coin.pdf", sha256="0" * 64, chunk_index=i, text=text, page=i
            ),
            score=1.0 / (i + 1),
            rank=i,
        )
        for i, text in enumerate(texts)
    ]


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "The coin paper takes its Kruskal-Wallis example from a table in a book. What is "
            "that book's title?",
            "Hollander M, Wolfe DA (1999). Nonparametric Statistical Inference.",
        ),
        # Of two works by one author, the one whose authors the question names.
        (
            "The example follows a book by Wolfe and Hollander. Which publisher brought out that book?",
            "John Wiley & Sons, New York",
        ),
    ],
)
def test_the_answer_leads_with_the_cited_works_entry(question, lead):
    items = _evidence(
        "For example, the Kruskal-Wallis test may be computed as follows (example taken from "
        "Hollander and Wolfe, 1999, Table 6.3, page 200) and Hollander (1997).",
        "Hollander M (1997). Ranks and Scores. Wiley Lecture Notes, Chichester.\n"
        "Johnson NL, Kotz S (1970). Distributions in Statistics. Houghton Mifflin, Boston.\n"
        "Hollander M, Wolfe DA (1999). Nonparametric Statistical Inference. 2nd edition. John "
        "Wiley & Sons, New York.",
    )
    answer = Reader(FakeEmbedder(), min_support=0.3).read(question, items).text
    assert answer.startswith(lead)
    # Without the bridge, the sentence that cites the book is all the answer has.
    without = Reader(FakeEmbedder(), min_support=0.3, parts=PARTS - {"bridge"})
    assert "Nonparametric" not in without.read(question, items).text
