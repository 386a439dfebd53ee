"""Evaluation: metrics on hand-computed examples, question files, the runner and its report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.errors import EvalError
from rag.evaluation.metrics import (
    answer_correct,
    distinct,
    mean,
    percentile,
    recall_at_k,
    reciprocal_rank,
)
from rag.evaluation.questions import GoldSource, Question, load_questions
from rag.evaluation.report import render_table
from rag.evaluation.runner import run_eval, score
from rag.generators import NOT_IN_DOCUMENTS
from rag.types import Answer, Chunk, Evidence, Source

# Metrics -------------------------------------------------------------------------------------------

RETRIEVED = [("c.pdf", 1), ("a.pdf", 1), ("a.pdf", 1), ("b.md", None), ("a.pdf", 2), ("c.pdf", 1)]


def test_distinct_keeps_first_occurrences_in_order():
    assert distinct(RETRIEVED) == [("c.pdf", 1), ("a.pdf", 1), ("b.md", None), ("a.pdf", 2)]
    assert distinct([]) == []


def test_gold_source_page_is_optional():
    assert GoldSource("a.pdf").matches("a.pdf", 7)
    assert GoldSource("a.pdf", 2).matches("a.pdf", 2)
    assert not GoldSource("a.pdf", 2).matches("a.pdf", 3)
    assert not GoldSource("a.pdf").matches("b.pdf", None)


def test_recall_at_k_counts_distinct_sources():
    gold = [GoldSource("a.pdf", 2), GoldSource("b.md")]
    # distinct ranking: c1, a1, b, a2 -> b is 3rd, a2 is 4th
    assert recall_at_k(gold, RETRIEVED, 1) == 0.0
    assert recall_at_k(gold, RETRIEVED, 2) == 0.0
    assert recall_at_k(gold, RETRIEVED, 3) == 0.5  # duplicates of a1 do not push b out
    assert recall_at_k(gold, RETRIEVED, 4) == 1.0
    assert recall_at_k(gold, RETRIEVED, 50) == 1.0
    assert recall_at_k([GoldSource("a.pdf")], RETRIEVED, 2) == 1.0  # any page of a.pdf
    assert recall_at_k([], RETRIEVED, 5) == 0.0
    assert recall_at_k(gold, [], 5) == 0.0


def test_reciprocal_rank_uses_the_first_hit():
    assert reciprocal_rank([GoldSource("b.md")], RETRIEVED) == pytest.approx(1 / 3)
    assert reciprocal_rank([GoldSource("a.pdf", 2), GoldSource("a.pdf", 1)], RETRIEVED) == 0.5
    assert reciprocal_rank([GoldSource("c.pdf")], RETRIEVED) == 1.0
    assert reciprocal_rank([GoldSource("z.pdf")], RETRIEVED) == 0.0


def test_answer_correct_is_a_case_insensitive_substring_match():
    assert answer_correct("The mirror is 2.4 Metres wide [1].", ["2.4 metres", "2.4 m"])
    assert answer_correct("HELIUM [1]", ["helium"])
    assert not answer_correct("Hydrogen [1]", ["helium"])
    # A citation marker's number is no count the reply gives.
    assert not answer_correct("Check boxes: 2 not ticked. [1]", ["1", "one"])
    assert answer_correct("1 — ☑ Include window titlebar [1]", ["1", "one"])
    assert not answer_correct("anything", [])


def test_percentile_and_mean():
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([10, 20, 30, 40, 50], 95) == pytest.approx(48.0)  # linear interpolation
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 50) == 0.0
    assert mean([1, 2, 6]) == 3.0
    assert mean([]) == 0.0


# Question files -----------------------------------------------------------------------------------


def q(**fields) -> str:
    base = {
        "id": "q1",
        "question": "What?",
        "answers": ["x"],
        "sources": [{"file": "a.pdf", "page": 1}],
        "kind": "text",
    }
    base.update(fields)
    return json.dumps(base)


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n")
    return path


def test_load_questions_reads_valid_lines(tmp_path):
    path = write_lines(
        tmp_path / "q.jsonl",
        q(),
        "",
        q(id="q2", answers=[12], sources=[{"file": "b.md"}], kind="ocr"),
        q(id="q3", answers=[], sources=[], kind="unanswerable"),
    )
    questions = load_questions(path)
    assert [x.id for x in questions] == ["q1", "q2", "q3"]
    assert questions[0].sources == (GoldSource("a.pdf", 1),)
    assert questions[1].answers == ("12",) and questions[1].sources == (GoldSource("b.md", None),)
    assert questions[0].answerable and not questions[2].answerable


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ('{"id": "q2", "question": ', r"q\.jsonl:3: not valid JSON"),
        (
            '["a", "list"]',
            r"q\.jsonl:3: each line needs exactly the fields id, question, answers, sources, kind",
        ),
        (
            q(id="q2", kind=None).replace(', "kind": null', ""),
            r"q\.jsonl:3: each line needs exactly the fields",
        ),
        (q(id="q2", extra=1), r"q\.jsonl:3: each line needs exactly the fields"),
        (q(id="q2", kind="essay"), r"q\.jsonl:3: unknown kind 'essay'"),
        (q(id="q1"), r"q\.jsonl:3: duplicate id 'q1'"),
        (q(id="q2", sources=["a.pdf"]), r"q\.jsonl:3: sources must be objects with a 'file'"),
        (q(id="q2", sources=[{"page": 1}]), r"q\.jsonl:3: sources must be objects"),
    ],
    ids=[
        "bad-json",
        "not-object",
        "missing-field",
        "extra-field",
        "unknown-kind",
        "duplicate-id",
        "source-string",
        "source-no-file",
    ],
)
def test_load_questions_errors_name_the_line(tmp_path, bad_line, message):
    path = write_lines(tmp_path / "q.jsonl", q(), "   ", bad_line, q(id="q9"))
    with pytest.raises(EvalError, match=message):
        load_questions(path)


def test_load_questions_empty_and_missing_files(tmp_path):
    empty = write_lines(tmp_path / "empty.jsonl", "", "  ")
    with pytest.raises(EvalError, match="holds no questions"):
        load_questions(empty)
    with pytest.raises(EvalError, match="cannot read question file"):
        load_questions(tmp_path / "missing.jsonl")


# The runner -----------------------------------------------------------------------------------------


def _evidence(file: str, page: int | None) -> Evidence:
    chunk = Chunk(
        doc_id=file, file=file, sha256="s", chunk_index=0, text=f"text of {file}", page=page
    )
    return Evidence(chunk=chunk, score=0.5, rank=1)


def _source(n: int, file: str, page: int | None) -> Source:
    return Source(n=n, file=file, page=page, modality="text", snippet="...", doc_id=file, score=0.5)


QUESTIONS = [
    Question("q1", "Mirror size?", ("2.4 m",), (GoldSource("telescope.pdf", 2),), "text"),
    Question("q2", "Total due?", ("512",), (GoldSource("invoice.png"),), "ocr"),
    Question("q3", "Capital of Mongolia?", (), (), "unanswerable"),
    Question("q4", "Colour of the sky on Mars?", (), (), "unanswerable"),
    Question("q5", "Both?", ("cat",), (GoldSource("a.pdf", 1), GoldSource("b.md")), "multi"),
]

# question -> (answer text, retrieved (file, page) in rank order, cited, abstained, latency ms)
SCRIPT = {
    "Mirror size?": (
        "The mirror is 2.4 m wide [1].",
        [("telescope.pdf", 1), ("telescope.pdf", 2)],
        [("telescope.pdf", 2)],
        False,
        10.0,
    ),
    "Total due?": (
        "The total is 215 [1].",
        [("invoice.png", None)],
        [("invoice.png", None)],
        False,
        20.0,
    ),
    "Capital of Mongolia?": (NOT_IN_DOCUMENTS, [("telescope.pdf", 1)], [], True, 30.0),
    "Colour of the sky on Mars?": ("Blue [1].", [("a.pdf", 1)], [("a.pdf", 1)], False, 40.0),
    "Both?": (
        "A cat [1].",
        [("x.pdf", 1), ("a.pdf", 1), ("z.md", None)],
        [("a.pdf", 1)],
        False,
        50.0,
    ),
}


def fake_ask(question: str) -> Answer:
    text, retrieved, cited, abstained, latency = SCRIPT[question]
    return Answer(
        text=text,
        sources=[_source(i + 1, f, p) for i, (f, p) in enumerate(cited)],
        evidence=[_evidence(f, p) for f, p in retrieved],
        abstained=abstained,
        timings_ms={"total": latency},
    )


def test_run_eval_summary_and_records():
    seen = []
    report = run_eval(QUESTIONS, fake_ask, on_result=seen.append)
    assert [r.question.id for r in seen] == ["q1", "q2", "q3", "q4", "q5"]
    summary = report.summary()
    for key in (
        "recall@5",
        "mrr",
        "answer_accuracy",
        "abstention_accuracy",
        "latency_p50_ms",
        "latency_p95_ms",
    ):
        assert key in summary
    assert summary["questions"] == 5 and summary["answerable"] == 3
    # recall@5: q1 1, q2 1, q5 0.5 -> 2.5/3 ; rr: 1/2, 1, 1/2 -> 2/3
    assert summary["recall@5"] == pytest.approx(round(2.5 / 3, 4))
    assert summary["mrr"] == pytest.approx(round(2 / 3, 4))
    assert summary["answer_accuracy"] == pytest.approx(round(2 / 3, 4))  # q2 says 215, not 512
    assert summary["abstention_accuracy"] == 0.5  # q3 abstained, q4 answered
    assert summary["latency_p50_ms"] == 30.0
    assert summary["latency_p95_ms"] == pytest.approx(48.0)
    assert summary["recall@5_multi_all"] == 0.0 and summary["recall@5_multi_any"] == 1.0

    records = report.to_dict()["questions"]
    assert [r["id"] for r in records] == ["q1", "q2", "q3", "q4", "q5"]
    for record in records:
        assert {"id", "retrieved", "answer", "cited", "correct"} <= record.keys()
    first = records[0]
    assert first["retrieved"] == [
        {"file": "telescope.pdf", "page": 1},
        {"file": "telescope.pdf", "page": 2},
    ]
    assert first["cited"] == [{"file": "telescope.pdf", "page": 2}]
    assert first["answer"] == "The mirror is 2.4 m wide [1]."
    assert first["correct"] is True and first["rr"] == 0.5 and first["latency_ms"] == 10.0
    assert [r["correct"] for r in records] == [True, False, True, False, True]
    json.dumps(report.to_dict())


def test_report_by_kind_and_table():
    report = run_eval(QUESTIONS, fake_ask)
    by_kind = report.by_kind()
    assert set(by_kind) == {"text", "ocr", "unanswerable", "multi"}
    assert by_kind["unanswerable"]["abstention_accuracy"] == 0.5
    assert by_kind["unanswerable"]["answerable"] == 0
    assert by_kind["text"]["abstention_accuracy"] is None
    table = render_table(report).splitlines()
    assert table[0].split() == [
        "kind",
        "questions",
        "recall@5",
        "mrr",
        "answer_accuracy",
        "direct_accuracy",
        "abstention_accuracy",
        "false_abstentions",
        "latency_p50_ms",
        "latency_p95_ms",
    ]
    assert table[2].split()[:3] == ["all", "5", "0.833"]
    rows = {line.split()[0]: line.split() for line in table[2:]}
    assert set(rows) == {"all", "text", "ocr", "unanswerable", "multi"}
    assert rows["text"][6] == "-"  # no unanswerable questions of that kind


def test_score_abstention_with_sources_is_not_correct():
    question = Question("u", "Nothing?", (), (), "unanswerable")
    answer = Answer(
        text=NOT_IN_DOCUMENTS, sources=[_source(1, "a.pdf", 1)], evidence=[], abstained=True
    )
    assert score(question, answer).correct is False
    answerable = Question("a", "Size?", ("2.4",), (GoldSource("t.pdf"),), "text")
    abstained = Answer(text="2.4 " + NOT_IN_DOCUMENTS, sources=[], evidence=[], abstained=True)
    assert score(answerable, abstained).correct is False  # abstaining is never a right answer


def test_direct_accuracy_counts_the_answer_only_in_the_opening_words():
    from rag.evaluation.metrics import direct_correct

    late = " ".join(["word"] * 30) + " 2.4 m [1]"
    assert direct_correct("2.4 m — The mirror is 2.4 m wide [1].", ["2.4 m"])
    assert not direct_correct(late, ["2.4 m"])
    assert direct_correct("[1] [2] " + " ".join(["word"] * 28) + " 2.4 m", ["2.4 m"])


def test_false_abstentions_are_the_answerable_questions_refused():
    report = run_eval(QUESTIONS, fake_ask)
    summary = report.summary()
    answerable = [r for r in report.results if r.question.answerable]
    refused = sum(r.answer.abstained for r in answerable)
    assert summary["false_abstentions"] == round(refused / len(answerable), 4)
