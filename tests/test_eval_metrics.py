"""Evaluation metrics on hand-computed examples: retrieval at two granularities, answers,
abstentions and citations."""

from __future__ import annotations

import math

import pytest

from rag.evaluation.metrics import (
    abstention_precision,
    abstention_recall,
    citation_precision,
    citation_recall,
    mean_or_none,
    ndcg_at_k,
    normalize_answer,
    recall_at_k,
    reciprocal_rank,
    token_f1,
)
from rag.evaluation.questions import GoldSource

GOLD = [GoldSource("a.pdf", 2), GoldSource("b.md")]
# Distinct by page: a1, c3, b, a2, d  -- by file: a, c, b, d
RANKED = [
    ("a.pdf", 1),
    ("c.pdf", 3),
    ("a.pdf", 1),
    ("b.md", None),
    ("a.pdf", 2),
    ("d.png", None),
]


@pytest.mark.parametrize(
    ("k", "page", "file"),
    [(1, 0.0, 0.5), (3, 0.5, 1.0), (5, 1.0, 1.0), (10, 1.0, 1.0)],
)
def test_recall_at_k_at_both_granularities(k, page, file):
    assert recall_at_k(GOLD, RANKED, k) == page  # page is the default (the question set's rule)
    assert recall_at_k(GOLD, RANKED, k, granularity="page") == page
    assert recall_at_k(GOLD, RANKED, k, granularity="file") == file


def test_file_granularity_counts_a_file_once():
    # A bridge question over two pages of one PDF: one gold file, found at rank 1.
    gold = [GoldSource("a.pdf", 2), GoldSource("a.pdf", 5)]
    retrieved = [("a.pdf", 1), ("a.pdf", 3), ("b.md", None)]
    assert recall_at_k(gold, retrieved, 5) == 0.0
    assert recall_at_k(gold, retrieved, 5, granularity="file") == 1.0
    assert ndcg_at_k(gold, retrieved, 5, granularity="file") == 1.0
    with pytest.raises(ValueError, match="granularity"):
        recall_at_k(gold, retrieved, 5, granularity="chunk")  # type: ignore[arg-type]


def test_reciprocal_rank_at_both_granularities():
    assert reciprocal_rank(GOLD, RANKED) == pytest.approx(1 / 3)  # b.md, 3rd distinct page
    assert reciprocal_rank(GOLD, RANKED, granularity="file") == 1.0  # a.pdf, any page
    assert reciprocal_rank([GoldSource("d.png")], RANKED, granularity="file") == 0.25
    assert reciprocal_rank([GoldSource("z.pdf")], RANKED, granularity="file") == 0.0


def test_ndcg_at_5_with_two_gold_sources():
    # page: hits at ranks 3 (b) and 4 (a2); ideal: ranks 1 and 2
    dcg = 1 / math.log2(4) + 1 / math.log2(5)  # 0.5 + 0.430677
    ideal = 1 + 1 / math.log2(3)  # 1.630930
    assert ndcg_at_k(GOLD, RANKED, 5) == pytest.approx(dcg / ideal)
    assert ndcg_at_k(GOLD, RANKED, 5) == pytest.approx(0.570642, abs=1e-6)
    # file: hits at ranks 1 (a) and 3 (b)
    assert ndcg_at_k(GOLD, RANKED, 5, granularity="file") == pytest.approx(1.5 / ideal)
    assert ndcg_at_k(GOLD, RANKED, 5, granularity="file") == pytest.approx(0.919721, abs=1e-6)
    # Perfect ranking, and a cut-off that hides both hits.
    assert ndcg_at_k(GOLD, [("b.md", None), ("a.pdf", 2)], 5) == pytest.approx(1.0)
    assert ndcg_at_k(GOLD, RANKED, 2) == 0.0
    assert ndcg_at_k([], RANKED, 5) == 0.0


def test_ndcg_ideal_uses_min_of_gold_and_k_and_counts_each_gold_once():
    # One gold source: the ideal is a single hit at rank 1; hit at rank 2 -> 1/log2(3).
    assert ndcg_at_k([GoldSource("b.md")], [("x", None), ("b.md", None)], 5) == pytest.approx(
        1 / math.log2(3)
    )
    # A gold source without a page matches every page of its file, but gains only once.
    assert ndcg_at_k([GoldSource("a.pdf")], [("a.pdf", 1), ("a.pdf", 2)], 5) == 1.0
    # Six gold sources, k=5: a perfect top 5 scores 1 (the ideal has 5 hits, not 6).
    gold = [GoldSource(f"{i}.md") for i in range(6)]
    assert ndcg_at_k(gold, [(f"{i}.md", None) for i in range(5)], 5) == pytest.approx(1.0)


def test_normalize_answer_is_squad_style():
    assert normalize_answer("The Quick, brown fox [2, 3]!") == "quick brown fox"
    assert normalize_answer("An  apple\tand A pear.") == "apple and pear"
    assert normalize_answer("Theory of the case") == "theory of case"  # "the" only as a word


def test_token_f1_takes_the_best_accepted_answer():
    answer = "The mirror is 2.4 m wide [1]."  # -> mirror is 24 m wide (5 tokens)
    # "2.4 metres" -> [24, metres]: 1 common, P=1/5, R=1/2 -> 2/7
    assert token_f1(answer, ["2.4 metres"]) == pytest.approx(2 / 7)
    # "2.4 m" -> [24, m]: 2 common, P=2/5, R=1 -> 4/7; the maximum wins
    assert token_f1(answer, ["2.4 metres", "2.4 m"]) == pytest.approx(4 / 7)
    assert token_f1("cat cat", ["cat"]) == pytest.approx(2 / 3)  # counts clip: P=1/2, R=1
    assert token_f1("A robin.", ["robin"]) == 1.0
    assert token_f1("Hydrogen", ["helium"]) == 0.0
    assert token_f1("anything", []) == 0.0
    assert token_f1("", ["x"]) == 0.0


def test_abstention_precision_and_recall():
    abstained = [True, True, False, True, False]
    unanswerable = [True, False, True, True, False]
    cited = [0, 0, 0, 2, 0]
    # abstained on 0, 1, 3: unanswerable 0 and 3 -> 2/3
    assert abstention_precision(abstained, unanswerable) == pytest.approx(2 / 3)
    # unanswerable 0, 2, 3: only 0 abstained without citing (3 cites two sources) -> 1/3
    assert abstention_recall(abstained, cited, unanswerable) == pytest.approx(1 / 3)
    assert abstention_precision([False, False], [True, False]) is None  # never abstained
    assert abstention_recall([True], [0], [False]) is None  # nothing unanswerable


def test_citation_precision_and_recall():
    cited = [("a.pdf", 2), ("a.pdf", 3), ("c.png", None), ("a.pdf", 2)]
    # distinct cited: a2, a3, c -> only a2 matches -> 1/3
    assert citation_precision(GOLD, cited) == pytest.approx(1 / 3)
    # gold a2 cited, b.md not -> 1/2
    assert citation_recall(GOLD, cited) == 0.5
    assert citation_precision(GOLD, [("b.md", None), ("a.pdf", 2)]) == 1.0
    assert citation_recall(GOLD, [("b.md", None), ("a.pdf", 2)]) == 1.0
    assert citation_precision(GOLD, []) is None  # nothing cited: undefined, not 0
    assert citation_recall(GOLD, []) == 0.0
    assert citation_recall([], cited) is None


def test_mean_or_none_skips_undefined_values():
    assert mean_or_none([1.0, None, 0.0]) == 0.5
    assert mean_or_none([None, None]) is None
    assert mean_or_none([]) is None
