"""Summaries over scored questions, the worst questions, and the names of the summary metrics.

The metric names and their directions live here, next to the code that produces them, so that
``compare`` and the threshold gate cannot drift from what a report actually holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from rag.evaluation import metrics as m
from rag.evaluation.results import QuestionResult, retrieval_key

SCHEMA = "rag-eval/1"
Direction = Literal["higher", "lower"]

# Counts and run facts: shown, compared, never judged better or worse.
NEUTRAL = frozenset(
    {"questions", "answerable", "unanswerable", "abstentions", "retrieval_depth", "concurrency"}
)
# wall_time_s depends on how many questions ran; throughput_qps is its comparable form.
NEUTRAL_RUN = frozenset({"wall_time_s"})
_HIGHER_PREFIXES = (
    "recall@",
    "mrr",
    "ndcg@",
    "answer_accuracy",
    "direct_accuracy",
    "token_f1",
    "abstention_",
    "citation_",
    "grounding",
    "throughput",
)


# Shares where less is better.
LOWER_SCORES = frozenset({"false_abstentions"})


def direction(name: str) -> Direction | None:
    """Which way is better for a summary metric; ``None`` for counts and run facts."""
    if name in NEUTRAL or name in NEUTRAL_RUN:
        return None
    if name.startswith("latency") or name in LOWER_SCORES:
        return "lower"
    if name.startswith(_HIGHER_PREFIXES):
        return "higher"
    return None


def bounded(name: str) -> bool:
    """Scores in [0, 1] (tolerances are absolute points); latencies and throughput are not."""
    return name in LOWER_SCORES or (
        direction(name) == "higher" and not name.startswith("throughput")
    )


def _retrieval_metric_names() -> list[str]:
    names = []
    for granularity in m.GRANULARITIES:
        names += [retrieval_key(f"recall@{k}", granularity) for k in m.RECALL_KS]
        names += [retrieval_key("mrr", granularity), retrieval_key("ndcg@5", granularity)]
    return names


# Every scalar metric a summary can hold, in display order (the multi-question recalls and the
# run-level ones appear only where they are measured).
METRICS: tuple[str, ...] = (
    *_retrieval_metric_names(),
    "recall@5_multi_any",
    "recall@5_multi_all",
    "answer_accuracy",
    "direct_accuracy",
    "token_f1",
    "abstention_accuracy",
    "false_abstentions",
    "abstention_precision",
    "abstention_recall",
    "citation_precision",
    "citation_recall",
    "grounding",
    "latency_mean_ms",
    "latency_p50_ms",
    "latency_p95_ms",
    "latency_p99_ms",
    "throughput_qps",
)


def _r(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def stage_latencies(results: Sequence[QuestionResult]) -> dict[str, dict[str, float]]:
    """p50/p95/p99 per key of ``timings_ms``, over the questions that report that stage."""
    stages: dict[str, list[float]] = {}
    for r in results:
        for stage, ms in r.answer.timings_ms.items():
            stages.setdefault(stage, []).append(float(ms))
    return {
        stage: {
            "p50_ms": round(m.percentile(values, 50), 2),
            "p95_ms": round(m.percentile(values, 95), 2),
            "p99_ms": round(m.percentile(values, 99), 2),
        }
        for stage, values in stages.items()
    }


def summarise(
    results: Sequence[QuestionResult], *, wall_time_s: float | None = None, stages: bool = False
) -> dict[str, Any]:
    """The summary metrics of ``results``; a metric with nothing to measure is ``None``."""
    answerable = [r for r in results if r.question.answerable]
    unanswerable = [r for r in results if not r.question.answerable]
    multi = [r for r in answerable if len(r.question.sources) > 1]
    # A missing time is not a fast answer: leave it out rather than count it as 0 ms.
    latencies = [r.latency_ms for r in results if r.latency_ms is not None]

    def over_answerable(values: list[float | None]) -> float | None:
        return _r(m.mean_or_none(values)) if answerable else None

    summary: dict[str, Any] = {
        "questions": len(results),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
    }
    for name in _retrieval_metric_names():
        key = name.replace("mrr", "rr")  # per question a reciprocal rank; its mean is the MRR
        summary[name] = over_answerable([r.retrieval.get(key) for r in answerable])
    if multi:
        summary["recall@5_multi_any"] = _r(m.mean([float(r.recall5 > 0) for r in multi]))
        summary["recall@5_multi_all"] = _r(m.mean([float(r.recall5 == 1.0) for r in multi]))
    abstained = [r.answer.abstained for r in results]
    is_unanswerable = [not r.question.answerable for r in results]
    summary.update(
        {
            "answer_accuracy": over_answerable([float(r.correct) for r in answerable]),
            "direct_accuracy": over_answerable([float(r.direct) for r in answerable]),
            # Answerable questions refused: the price of abstaining too readily.
            "false_abstentions": over_answerable([float(r.answer.abstained) for r in answerable]),
            "token_f1": over_answerable([r.token_f1 for r in answerable]),
            "abstention_accuracy": _r(m.mean([float(r.correct) for r in unanswerable]))
            if unanswerable
            else None,
            "abstentions": sum(abstained),
            "abstention_precision": _r(m.abstention_precision(abstained, is_unanswerable)),
            "abstention_recall": _r(
                m.abstention_recall(abstained, [len(r.cited) for r in results], is_unanswerable)
            ),
            "citation_precision": over_answerable([r.citation_precision for r in answerable]),
            "citation_recall": over_answerable([r.citation_recall for r in answerable]),
            # Over the answers that claim something (abstentions are grounded by definition).
            "grounding": _r(
                m.mean_or_none([r.answer.grounding for r in results if not r.answer.abstained])
            ),
            "retrieval_depth": _r(m.mean([len(r.retrieved) for r in results]), 2),
            "latency_mean_ms": round(m.mean(latencies), 2),
            "latency_p50_ms": round(m.percentile(latencies, 50), 2),
            "latency_p95_ms": round(m.percentile(latencies, 95), 2),
            "latency_p99_ms": round(m.percentile(latencies, 99), 2),
        }
    )
    if wall_time_s is not None:
        summary["wall_time_s"] = round(wall_time_s, 3)
        summary["throughput_qps"] = _r(len(results) / wall_time_s if wall_time_s > 0 else 0.0)
    if stages:
        summary["latency_stages"] = stage_latencies(results)
    return summary


def worst_questions(results: Sequence[QuestionResult], n: int = 10) -> list[dict[str, Any]]:
    """The ``n`` worst answerable questions: wrong answers first, then the lowest reciprocal
    rank, then the lowest token F1. A right answer from a top-ranked source is left out, as
    there is nothing in it to fix."""
    candidates = [r for r in results if r.question.answerable and not (r.correct and r.rr == 1.0)]
    candidates.sort(key=lambda r: (r.correct, r.rr, r.token_f1 or 0.0))
    keys = ("id", "kind", "question", "expected", "gold", "answer", "correct", "abstained")
    out = []
    for r in candidates[: max(n, 0)]:
        record = r.to_dict()
        row = {k: record[k] for k in keys}
        row.update(
            rr=record["rr"],
            token_f1=record["token_f1"],
            retrieved=record["retrieved"][:10],
            cited=record["cited"],
        )
        out.append(row)
    return out
