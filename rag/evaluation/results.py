"""What scoring one question yields (``QuestionResult``) and the names of its retrieval metrics.

Both the runner, which makes these results, and the summaries, which aggregate them, import
this module; it imports neither of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rag.evaluation import metrics as m
from rag.evaluation.questions import Question
from rag.types import Answer


def retrieval_key(metric: str, granularity: m.Granularity) -> str:
    """``recall@5`` at page granularity (the question set's rule), ``recall@5_file`` at file."""
    return metric if granularity == "page" else f"{metric}_file"


def retrieval_names() -> list[str]:
    """The per-question retrieval metrics, as keyed in a question's record."""
    return [
        retrieval_key(metric, granularity)
        for granularity in m.GRANULARITIES
        for metric in (*(f"recall@{k}" for k in m.RECALL_KS), "rr", "ndcg@5")
    ]


@dataclass
class QuestionResult:
    question: Question
    answer: Answer
    retrieved: list[tuple[str, int | None]]
    cited: list[tuple[str, int | None]]
    correct: bool
    recall5: float
    rr: float
    # recall@k, rr and ndcg@5 at both granularities, keyed as in the report ("recall@5_file").
    # Empty for unanswerable questions: with no gold source there is nothing to find.
    retrieval: dict[str, float] = field(default_factory=dict)
    token_f1: float | None = None
    direct: bool = False  # an accepted answer within the first words of the reply
    citation_precision: float | None = None
    citation_recall: float | None = None

    @property
    def latency_ms(self) -> float | None:
        """End-to-end time of the answer; ``None`` when the answer did not report one."""
        total = self.answer.timings_ms.get("total")
        return None if total is None else float(total)

    def to_dict(self) -> dict[str, Any]:
        q, a = self.question, self.answer
        answerable = q.answerable
        record: dict[str, Any] = {
            "id": q.id,
            "kind": q.kind,
            "question": q.question,
            "expected": list(q.answers),
            "gold": [{"file": g.file, "page": g.page} for g in q.sources],
            "retrieved": [{"file": f, "page": p} for f, p in self.retrieved],
            "answer": a.text,
            "cited": [{"file": f, "page": p} for f, p in self.cited],
            "abstained": a.abstained,
            "grounding": a.grounding,
            "unsupported": a.unsupported,
            "correct": self.correct,
            "direct": self.direct if answerable else None,
            "recall@5": self.recall5 if answerable else None,
            "rr": self.rr if answerable else None,
        }
        for name in retrieval_names():
            record.setdefault(name, self.retrieval.get(name))
        record.update(
            token_f1=self.token_f1,
            citation_precision=self.citation_precision,
            citation_recall=self.citation_recall,
            latency_ms=None if self.latency_ms is None else round(self.latency_ms, 2),
            timings_ms={k: round(float(v), 2) for k, v in a.timings_ms.items()},
        )
        return record
