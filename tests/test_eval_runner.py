"""The evaluation runner: concurrency, order, throughput, the JSON report and its metrics."""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime

import pytest
from test_eval import QUESTIONS, fake_ask

import rag
from rag.errors import EvalError
from rag.evaluation.questions import GoldSource, Question
from rag.evaluation.runner import run_eval, service_ask
from rag.evaluation.summary import METRICS, SCHEMA
from rag.types import Answer


def _questions(n: int) -> list[Question]:
    return [
        Question(f"q{i}", f"question {i}", ("x",), (GoldSource("a.md"),), "text") for i in range(n)
    ]


def test_concurrency_keeps_question_order_and_measures_throughput():
    n = 6
    barrier = threading.Barrier(n, timeout=5)  # passes only if all n are asked at once
    threads = set()

    def ask(question: str) -> Answer:
        i = int(question.split()[-1])
        threads.add(threading.current_thread().name)
        barrier.wait()
        time.sleep(0.02 * (n - i))  # the last question finishes first
        return Answer(text=f"x {i}", sources=[], evidence=[], abstained=False)

    seen = []
    report = run_eval(_questions(n), ask, concurrency=n, on_result=seen.append)
    assert [r.question.id for r in report.results] == [f"q{i}" for i in range(n)]
    assert [r.answer.text for r in report.results] == [f"x {i}" for i in range(n)]
    assert [r.question.id for r in seen][0] == f"q{n - 1}"  # callbacks in completion order
    assert sorted(r.question.id for r in seen) == sorted(f"q{i}" for i in range(n))
    assert len(threads) == n and all(t.startswith("rag-eval") for t in threads)
    # Serially this is 0.02 * (6+5+...+1) = 0.42 s; at once it is about the slowest, 0.12 s.
    assert 0.12 <= report.wall_time_s < 0.4
    summary = report.summary()
    assert summary["concurrency"] == n
    assert summary["throughput_qps"] == pytest.approx(n / report.wall_time_s, rel=1e-3)
    assert summary["wall_time_s"] == pytest.approx(report.wall_time_s, abs=1e-3)


def test_sequential_run_asks_in_the_calling_thread():
    names = []

    def ask(question: str) -> Answer:
        names.append(threading.current_thread().name)
        return fake_ask(question)

    report = run_eval(QUESTIONS, ask)
    assert set(names) == {threading.current_thread().name}
    assert report.summary()["throughput_qps"] > 0


def test_an_error_stops_the_run_and_is_raised():
    asked = []

    def ask(question: str) -> Answer:
        asked.append(question)
        if question == "question 0":
            raise EvalError("server down")
        time.sleep(0.05)
        return Answer(text="x", sources=[], evidence=[], abstained=False)

    with pytest.raises(EvalError, match="server down"):
        run_eval(_questions(20), ask, concurrency=2)
    assert len(asked) < 20  # the queued questions were dropped
    with pytest.raises(EvalError, match="concurrency must be at least 1"):
        run_eval(_questions(1), ask, concurrency=0)


def test_report_json_schema_and_per_question_metrics():
    config = {"server": "http://127.0.0.1:8000", "top_k": 5}
    data = run_eval(QUESTIONS, fake_ask, concurrency=2, config=config).to_dict()
    assert set(data) == {
        "schema",
        "version",
        "created",
        "config",
        "summary",
        "by_kind",
        "worst",
        "questions",
    }
    assert data["schema"] == SCHEMA == "rag-eval/1"
    assert data["version"] == rag.__version__
    assert datetime.fromisoformat(data["created"]).tzinfo is not None
    assert data["config"] == config
    assert set(METRICS) <= set(data["summary"])  # multi questions and a wall time: all of them
    json.loads(json.dumps(data))

    records = {r["id"]: r for r in data["questions"]}
    q1, q5, q3 = records["q1"], records["q5"], records["q3"]
    # q1: gold telescope p2, retrieved p1 then p2
    assert (q1["recall@1"], q1["recall@3"], q1["rr"]) == (0.0, 1.0, 0.5)
    assert (q1["recall@1_file"], q1["rr_file"], q1["ndcg@5_file"]) == (1.0, 1.0, 1.0)
    assert q1["ndcg@5"] == pytest.approx(0.63093, abs=1e-5)  # 1/log2(3)
    assert q1["token_f1"] == pytest.approx(4 / 7)
    assert (q1["citation_precision"], q1["citation_recall"]) == (1.0, 1.0)
    assert q1["expected"] == ["2.4 m"] and q1["gold"] == [{"file": "telescope.pdf", "page": 2}]
    assert q1["timings_ms"] == {"total": 10.0}
    # q5: gold a1 and b.md; retrieved x1, a1, z; cites a1
    assert (q5["recall@1"], q5["recall@5"], q5["citation_recall"]) == (0.0, 0.5, 0.5)
    assert q5["ndcg@5"] == pytest.approx((1 / 1.5849625) / (1 + 1 / 1.5849625), abs=1e-6)
    # unanswerable: no gold, nothing to measure
    assert q3["rr"] is None and q3["recall@5"] is None and q3["token_f1"] is None


def test_summary_metrics_by_hand():
    report = run_eval(QUESTIONS, fake_ask)
    s = report.summary()
    # ndcg@5 page: q1 0.63093, q2 1, q5 0.386853 -> mean 0.672594
    assert s["ndcg@5"] == pytest.approx(0.6726, abs=1e-4)
    assert s["recall@1"] == pytest.approx(0.3333, abs=1e-4)  # only q2 at rank 1
    assert s["recall@1_file"] == pytest.approx(0.6667, abs=1e-4)  # q1's file too
    assert s["mrr_file"] == pytest.approx(0.8333, abs=1e-4)  # 1, 1, 1/2
    assert s["token_f1"] == pytest.approx((4 / 7 + 0 + 1) / 3, abs=1e-4)
    assert s["abstention_precision"] == 1.0  # abstained only on q3, unanswerable
    assert s["abstention_recall"] == 0.5  # q3 yes, q4 answered
    assert s["citation_precision"] == 1.0
    assert s["citation_recall"] == pytest.approx(0.8333, abs=1e-4)  # 1, 1, 1/2
    assert s["abstentions"] == 1 and s["unanswerable"] == 2
    assert s["latency_p99_ms"] == pytest.approx(49.6)  # 10..50, linear interpolation
    assert s["latency_stages"] == {"total": {"p50_ms": 30.0, "p95_ms": 48.0, "p99_ms": 49.6}}
    by_kind = report.by_kind()
    assert by_kind["unanswerable"]["recall@5"] is None  # nothing answerable to retrieve for
    assert by_kind["text"]["token_f1"] == pytest.approx(0.5714, abs=1e-4)
    assert "throughput_qps" not in by_kind["text"]  # a run-level figure


def test_latency_per_stage():
    timings = iter(
        [
            {"search": 10.0, "generate": 100.0, "total": 120.0},
            {"search": 20.0, "generate": 300.0, "total": 330.0},
            {"search": 30.0, "describe_image": 50.0, "generate": 200.0, "total": 290.0},
        ]
    )

    def ask(question: str) -> Answer:
        return Answer(text="x", sources=[], evidence=[], abstained=False, timings_ms=next(timings))

    stages = run_eval(_questions(3), ask).summary()["latency_stages"]
    assert list(stages) == ["search", "generate", "total", "describe_image"]
    assert stages["search"] == {"p50_ms": 20.0, "p95_ms": 29.0, "p99_ms": 29.8}
    assert stages["generate"]["p50_ms"] == 200.0
    assert stages["describe_image"] == {"p50_ms": 50.0, "p95_ms": 50.0, "p99_ms": 50.0}


def test_worst_questions_wrong_first_then_lowest_rank():
    report = run_eval(QUESTIONS, fake_ask)
    worst = report.to_dict()["worst"]
    # q2 is wrong; q1 and q5 are right with rr 1/2, q1 has the lower token F1
    assert [w["id"] for w in worst] == ["q2", "q1", "q5"]
    assert worst[0]["answer"] == "The total is 215 [1]." and worst[0]["expected"] == ["512"]
    assert worst[0]["retrieved"] == [{"file": "invoice.png", "page": None}]
    assert worst[0]["cited"] == [{"file": "invoice.png", "page": None}]
    assert [w["id"] for w in report.to_dict(worst=1)["worst"]] == ["q2"]
    # Right answers from a top-ranked source are not listed.
    perfect = Question("p", "Mirror size?", ("2.4 m",), (GoldSource("telescope.pdf"),), "text")
    assert run_eval([perfect], fake_ask).worst() == []


def test_service_ask_retrieves_deeper_than_the_generator_reads():
    calls = []

    class Service:
        def ask(self, question, **kwargs):
            calls.append((question, kwargs))
            return Answer(text="x", sources=[], evidence=[], abstained=False)

    service_ask(Service())("Q?")
    service_ask(Service(), top_k=3, retrieve_k=None)("R?")
    assert calls == [
        ("Q?", {"top_k": None, "retrieve_k": 10}),
        ("R?", {"top_k": 3, "retrieve_k": None}),
    ]
