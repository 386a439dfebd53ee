"""Ask every question of a question file and score retrieval, answers and abstentions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rag.evaluation.metrics import (
    answer_correct,
    distinct,
    mean,
    percentile,
    recall_at_k,
    reciprocal_rank,
)
from rag.evaluation.questions import Question
from rag.types import Answer

AskFn = Callable[[str], Answer]


@dataclass
class QuestionResult:
    question: Question
    answer: Answer
    retrieved: list[tuple[str, int | None]]
    cited: list[tuple[str, int | None]]
    correct: bool
    recall5: float
    rr: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.question.id,
            "kind": self.question.kind,
            "question": self.question.question,
            "retrieved": [{"file": f, "page": p} for f, p in self.retrieved],
            "answer": self.answer.text,
            "cited": [{"file": f, "page": p} for f, p in self.cited],
            "abstained": self.answer.abstained,
            "grounding": self.answer.grounding,
            "unsupported": self.answer.unsupported,
            "correct": self.correct,
            "recall@5": self.recall5,
            "rr": self.rr,
            "latency_ms": round(self.answer.timings_ms.get("total", 0.0), 2),
        }


@dataclass
class EvalReport:
    results: list[QuestionResult] = field(default_factory=list)

    def _summarise(self, results: Sequence[QuestionResult]) -> dict[str, Any]:
        answerable = [r for r in results if r.question.answerable]
        unanswerable = [r for r in results if not r.question.answerable]
        multi = [r for r in answerable if len(r.question.sources) > 1]
        latencies = [r.answer.timings_ms.get("total", 0.0) for r in results]
        summary: dict[str, Any] = {
            "questions": len(results),
            "answerable": len(answerable),
            "recall@5": round(mean([r.recall5 for r in answerable]), 4),
            "mrr": round(mean([r.rr for r in answerable]), 4),
            "answer_accuracy": round(mean([float(r.correct) for r in answerable]), 4),
            "abstention_accuracy": round(mean([float(r.correct) for r in unanswerable]), 4)
            if unanswerable
            else None,
            # Over the answers that claim something (abstentions are grounded by definition).
            "grounding": round(
                mean([r.answer.grounding for r in results if not r.answer.abstained]), 4
            ),
            "latency_p50_ms": round(percentile(latencies, 50), 2),
            "latency_p95_ms": round(percentile(latencies, 95), 2),
        }
        if multi:
            summary["recall@5_multi_all"] = round(mean([float(r.recall5 == 1.0) for r in multi]), 4)
            summary["recall@5_multi_any"] = round(mean([float(r.recall5 > 0) for r in multi]), 4)
        return summary

    def summary(self) -> dict[str, Any]:
        return self._summarise(self.results)

    def by_kind(self) -> dict[str, dict[str, Any]]:
        kinds = sorted({r.question.kind for r in self.results})
        return {
            k: self._summarise([r for r in self.results if r.question.kind == k]) for k in kinds
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "by_kind": self.by_kind(),
            "questions": [r.to_dict() for r in self.results],
        }


def score(question: Question, answer: Answer) -> QuestionResult:
    retrieved = distinct([(e.chunk.file, e.chunk.page) for e in answer.evidence])
    cited = distinct([(s.file, s.page) for s in answer.sources])
    if question.answerable:
        correct = not answer.abstained and answer_correct(answer.text, question.answers)
    else:
        correct = answer.abstained and not answer.sources
    return QuestionResult(
        question=question,
        answer=answer,
        retrieved=retrieved,
        cited=cited,
        correct=correct,
        recall5=recall_at_k(question.sources, retrieved, 5),
        rr=reciprocal_rank(question.sources, retrieved),
    )


def run_eval(
    questions: Sequence[Question],
    ask: AskFn,
    *,
    on_result: Callable[[QuestionResult], None] | None = None,
) -> EvalReport:
    report = EvalReport()
    for question in questions:
        result = score(question, ask(question.question))
        report.results.append(result)
        if on_result is not None:
            on_result(result)
    return report
