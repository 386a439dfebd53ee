"""Evaluation reports: Markdown, self-contained HTML, loading, comparing and gating."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys

import pytest
from test_eval import QUESTIONS, fake_ask

from rag.errors import EvalError
from rag.evaluation.compare import (
    check_thresholds,
    compare,
    parse_thresholds,
    render_comparison,
)
from rag.evaluation.questions import GoldSource, Question
from rag.evaluation.report import load_report, render_markdown, render_table
from rag.evaluation.report_html import render_html
from rag.evaluation.runner import run_eval
from rag.evaluation.summary import SCHEMA
from rag.types import Answer

NASTY = 'Is <b>bold</b> & "quoted" | piped?'


def nasty_ask(question: str) -> Answer:
    if question == NASTY:
        text = "<script>alert(1)</script> | x"
        return Answer(text=text, sources=[], evidence=[], abstained=False, timings_ms={"total": 60})
    return fake_ask(question)


@pytest.fixture(scope="module")
def report():
    questions = [*QUESTIONS, Question("n1", NASTY, ("y",), (GoldSource("n.md"),), "text")]
    return run_eval(questions, nasty_ask, config={"server": "http://127.0.0.1:8000"})


@pytest.fixture(scope="module")
def data(report):
    return report.to_dict()


# Markdown and the plain table ------------------------------------------------------------------


def test_markdown_has_the_tables(data):
    md = render_markdown(data)
    for heading in (
        "# RAG evaluation report",
        "## Configuration",
        "## Summary",
        "## Per kind",
        "## Latency per stage (ms)",
        "## Worst questions",
    ):
        assert f"\n{heading}\n" in f"\n{md}"
    assert "| metric | value |" in md and "| recall@5 | " in md and "| ndcg@5_file | " in md
    assert "| kind | questions | recall@5 | recall@5_file | mrr |" in md
    assert "| unanswerable | 2 | - |" in md
    assert "| stage | p50 | p95 | p99 |" in md and "| total | 35.0 | 57.5 | 59.5 |" in md
    assert "| q2 | ocr | Total due? | 512 | The total is 215 [1]. |" in md
    assert "| server | http://127.0.0.1:8000 |" in md


def test_markdown_escapes_cells(data):
    md = render_markdown(data)
    assert 'Is &lt;b>bold&lt;/b> & "quoted" \\| piped?' in md
    assert "&lt;script>alert(1)&lt;/script> \\| x" in md
    assert "<script>" not in md


def test_render_table_reads_a_report_or_its_json(report, data):
    assert render_table(report) == render_table(json.loads(json.dumps(data)))


# HTML ------------------------------------------------------------------------------------------


def test_html_is_self_contained_with_three_plots(data):
    page = render_html(data)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count('src="data:image/png;base64,') == 3
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "<script" not in page.lower().replace("&lt;script", "")
    assert "<style>" in page
    for title in ("Summary", "Per kind", "Latency per stage (ms)", "Worst questions"):
        assert f"<h2>{title}</h2>" in page


def test_html_escapes_question_and_answer_text(data):
    page = render_html(data)
    assert NASTY not in page and "<script>alert" not in page
    assert "Is &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; | piped?" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | x" in page


def test_importing_the_evaluation_modules_does_not_load_matplotlib():
    code = (
        "import sys, rag.evaluation.report_html, rag.evaluation.compare, rag.evaluation.remote;"
        "sys.exit('matplotlib' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# Loading ----------------------------------------------------------------------------------------


def test_load_report_checks_the_schema(tmp_path, data):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data))
    assert load_report(good)["schema"] == SCHEMA
    old = tmp_path / "old.json"
    old.write_text(json.dumps({k: v for k, v in data.items() if k != "schema"}))
    with pytest.raises(EvalError, match="not a rag-eval/1 evaluation report.*no schema field"):
        load_report(old)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**data, "schema": "rag-eval/9"}))
    with pytest.raises(EvalError, match="its schema is 'rag-eval/9'"):
        load_report(other)
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    with pytest.raises(EvalError, match="not valid JSON"):
        load_report(broken)
    with pytest.raises(EvalError, match="cannot read report"):
        load_report(tmp_path / "missing.json")
    with pytest.raises(EvalError, match="not a rag-eval/1"):
        render_markdown({"summary": {}})


# Compare ----------------------------------------------------------------------------------------


def _report(summary: dict, by_kind: dict | None = None) -> dict:
    return {"schema": SCHEMA, "created": "t", "summary": summary, "by_kind": by_kind or {}}


A = _report(
    {
        "questions": 40,
        "recall@5": 0.80,
        "answer_accuracy": 0.60,
        "latency_p95_ms": 1000.0,
        "throughput_qps": 2.0,
        "abstention_accuracy": None,
        "latency_stages": {"search": {"p50_ms": 10.0, "p95_ms": 20.0, "p99_ms": 30.0}},
    },
    {"text": {"recall@5": 0.9, "answer_accuracy": 0.7}},
)


def _b(**changes) -> dict:
    b = copy.deepcopy(A)
    b["summary"].update(changes)
    return b


def test_compare_flags_a_regression_and_not_an_improvement():
    b = _b()
    b["summary"].update({"recall@5": 0.70, "answer_accuracy": 0.65, "questions": 42})
    b["summary"]["latency_stages"]["search"]["p95_ms"] = 25.0
    b["by_kind"]["text"]["recall@5"] = 0.8
    c = compare(A, b)
    named = {d.name: d for d in c.metrics}
    assert named["recall@5"].regression and named["recall@5"].delta == pytest.approx(-0.1)
    assert named["answer_accuracy"].improvement and not named["answer_accuracy"].regression
    assert not named["questions"].regression and named["questions"].direction is None
    assert named["latency_search_p95_ms"].regression  # lower is better for latencies
    assert (
        named["abstention_accuracy"].delta is None and not named["abstention_accuracy"].regression
    )
    assert {d.name for d in c.regressions} == {"recall@5", "latency_search_p95_ms"}
    assert [(k, d.name) for k, d in c.kind_regressions] == [("text", "recall@5")]
    text = render_comparison(c)
    assert re.search(r"recall@5\s+0\.800\s+0\.700\s+-0\.100\s+higher\s+REGRESSION", text)
    assert re.search(r"answer_accuracy\s+0\.600\s+0\.650\s+\+0\.050\s+higher\s+better", text)
    assert re.search(r"text\s+-0\.100 !", text)
    assert "2 regression(s): recall@5, latency_search_p95_ms" in text
    assert compare(A, A).regressions == [] and "No regression." in render_comparison(compare(A, A))
    json.dumps(c.to_dict())


def test_compare_tolerance_is_absolute_for_scores_and_relative_for_latency():
    b = _b(**{"recall@5": 0.79, "latency_p95_ms": 1050.0, "throughput_qps": 1.9})
    assert {d.name for d in compare(A, b).regressions} == {
        "recall@5",
        "latency_p95_ms",
        "throughput_qps",
    }
    assert compare(A, b, tolerance=0.1).regressions == []  # 0.01 < 0.1; +5 % < 10 %
    slow = _b(**{"latency_p95_ms": 1200.0})
    assert [d.name for d in compare(A, slow, tolerance=0.1).regressions] == ["latency_p95_ms"]


def test_compare_rejects_non_reports():
    with pytest.raises(EvalError, match="report B is not a rag-eval/1"):
        compare(A, {"summary": {}})
    with pytest.raises(EvalError, match="tolerance"):
        compare(A, A, tolerance=-1)


# Thresholds --------------------------------------------------------------------------------------


def test_parse_thresholds_with_aliases():
    assert parse_thresholds("recall@5=0.8,accuracy=0.6") == {
        "recall@5": 0.8,
        "answer_accuracy": 0.6,
    }
    assert parse_thresholds(" abstention = 0.75 , f1=0.5, latency_p95_ms=2500,") == {
        "abstention_accuracy": 0.75,
        "token_f1": 0.5,
        "latency_p95_ms": 2500.0,
    }
    assert parse_thresholds("latency_search_p99_ms=50") == {"latency_search_p99_ms": 50.0}


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (
            "recall@7=0.8",
            r"unknown metric 'recall@7': known metrics are recall@1, .*answer_accuracy",
        ),
        ("recall@5", r"must look like METRIC=VALUE"),
        ("recall@5=high", r"'high' is not a number"),
        ("recall@5=80", r"recall@5 is a share from 0 to 1"),
        (" , ", r"no threshold"),
    ],
)
def test_parse_thresholds_errors(spec, message):
    with pytest.raises(EvalError, match=message):
        parse_thresholds(spec)


def test_check_thresholds_pass_and_fail(data):
    summary = data["summary"]  # recall@5 0.625, answer_accuracy 0.5, latency_p95_ms 57.5
    assert check_thresholds(summary, parse_thresholds("recall@5=0.6,latency_p95_ms=100")) == []
    failures = check_thresholds(
        summary, parse_thresholds("recall@5=0.9,accuracy=0.6,latency_p95_ms=40")
    )
    assert failures == [
        "recall@5 = 0.625 is below the minimum 0.9",
        "answer_accuracy = 0.5 is below the minimum 0.6",
        "latency_p95_ms = 57.5 is above the maximum 40",
    ]
    assert check_thresholds(data, {"recall@5": 0.6}) == []  # a whole report works too
    missing = check_thresholds({"recall@5": 1.0}, {"abstention_accuracy": 0.5})
    assert missing == ["abstention_accuracy was not measured in this run (threshold 0.5)"]
