"""Ask every question of a question file and score retrieval, answers, abstentions and citations.

``run_eval`` takes any ``ask(question) -> Answer`` callable: ``RagService.ask`` in-process (see
``service_ask``) or ``RemoteAsk`` against a running server. ``EvalReport.to_dict()`` is the
versioned JSON report (schema ``rag-eval/1``) that the renderers and ``compare`` read.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from rag.errors import EvalError
from rag.evaluation import metrics as m
from rag.evaluation.questions import Question
from rag.evaluation.results import QuestionResult, retrieval_key
from rag.evaluation.summary import SCHEMA, summarise, worst_questions
from rag.types import Answer

AskFn = Callable[[str], Answer]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class EvalReport:
    results: list[QuestionResult] = field(default_factory=list)
    wall_time_s: float | None = None  # the whole run, for throughput; None when not measured
    concurrency: int = 1
    # What was evaluated (settings summary, server URL, ...): the caller's, copied verbatim.
    config: dict[str, Any] = field(default_factory=dict)
    created: str = field(default_factory=_now)

    def summary(self) -> dict[str, Any]:
        summary = summarise(self.results, wall_time_s=self.wall_time_s, stages=True)
        summary["concurrency"] = self.concurrency
        return summary

    def by_kind(self) -> dict[str, dict[str, Any]]:
        kinds = sorted({r.question.kind for r in self.results})
        return {k: summarise([r for r in self.results if r.question.kind == k]) for k in kinds}

    def worst(self, n: int = 10) -> list[dict[str, Any]]:
        return worst_questions(self.results, n)

    def to_dict(self, *, worst: int = 10) -> dict[str, Any]:
        from rag import __version__

        return {
            "schema": SCHEMA,
            "version": __version__,
            "created": self.created,
            "config": dict(self.config),
            "summary": self.summary(),
            "by_kind": self.by_kind(),
            "worst": self.worst(worst),
            "questions": [r.to_dict() for r in self.results],
        }


def score(question: Question, answer: Answer) -> QuestionResult:
    retrieved = m.distinct([(e.chunk.file, e.chunk.page) for e in answer.evidence])
    cited = m.distinct([(s.file, s.page) for s in answer.sources])
    gold = question.sources
    if not question.answerable:
        # The question set's rule: saying "not in the documents" and citing nothing.
        correct = answer.abstained and not answer.sources
        return QuestionResult(question, answer, retrieved, cited, correct, 0.0, 0.0)
    correct = not answer.abstained and m.answer_correct(answer.text, question.answers)
    direct = correct and m.direct_correct(answer.text, question.answers)
    retrieval: dict[str, float] = {}
    for granularity in m.GRANULARITIES:
        for k in m.RECALL_KS:
            retrieval[retrieval_key(f"recall@{k}", granularity)] = m.recall_at_k(
                gold, retrieved, k, granularity=granularity
            )
        retrieval[retrieval_key("rr", granularity)] = m.reciprocal_rank(
            gold, retrieved, granularity=granularity
        )
        retrieval[retrieval_key("ndcg@5", granularity)] = m.ndcg_at_k(
            gold, retrieved, 5, granularity=granularity
        )
    return QuestionResult(
        question=question,
        answer=answer,
        retrieved=retrieved,
        cited=cited,
        correct=correct,
        direct=direct,
        recall5=retrieval["recall@5"],
        rr=retrieval["rr"],
        retrieval=retrieval,
        # An abstention states no answer: its F1 is 0, whatever words "not in the documents" has.
        token_f1=0.0 if answer.abstained else m.token_f1(answer.text, question.answers),
        citation_precision=m.citation_precision(gold, cited),
        citation_recall=m.citation_recall(gold, cited),
    )


def run_eval(
    questions: Sequence[Question],
    ask: AskFn,
    *,
    concurrency: int = 1,
    on_result: Callable[[QuestionResult], None] | None = None,
    config: Mapping[str, Any] | None = None,
) -> EvalReport:
    """Ask and score every question; results keep the order of ``questions``.

    ``concurrency`` > 1 asks that many questions at once from a thread pool (for a server,
    where throughput under load is the point); ``ask`` must then be thread-safe. ``on_result``
    runs in the calling thread as each question finishes (completion order), so a progress
    bar needs no lock. The first error raised by ``ask`` cancels the questions not yet started
    and is raised again here.
    """
    if concurrency < 1:
        raise EvalError(f"concurrency must be at least 1, not {concurrency}")
    report = EvalReport(concurrency=concurrency, config=dict(config or {}))
    slots: list[QuestionResult | None] = [None] * len(questions)
    started = time.perf_counter()
    if concurrency == 1:
        # In the calling thread, as before: nothing about the service has to be thread-safe.
        for i, question in enumerate(questions):
            slots[i] = score(question, ask(question.question))
            if on_result is not None:
                on_result(slots[i])
    else:
        _run_pool(questions, ask, concurrency, slots, on_result)
    report.wall_time_s = time.perf_counter() - started
    report.results = [r for r in slots if r is not None]
    return report


def _run_pool(
    questions: Sequence[Question],
    ask: AskFn,
    concurrency: int,
    slots: list[QuestionResult | None],
    on_result: Callable[[QuestionResult], None] | None,
) -> None:
    def work(i: int) -> int:
        slots[i] = score(questions[i], ask(questions[i].question))
        return i

    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="rag-eval")
    try:
        pending = {pool.submit(work, i) for i in range(len(questions))}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                i = future.result()  # raises the worker's error, which ends the run
                if on_result is not None:
                    on_result(slots[i])  # type: ignore[arg-type]
    finally:
        # On an error (or Ctrl-C) drop the queued questions instead of asking them all first.
        pool.shutdown(wait=True, cancel_futures=True)


def service_ask(service: Any, *, top_k: int | None = None, retrieve_k: int | None = 10) -> AskFn:
    """``RagService.ask`` bound for evaluation: retrieve ``retrieve_k`` deep so recall@10 is
    measured, while the generator still reads only ``top_k`` chunks."""

    def ask(question: str) -> Answer:
        return service.ask(question, top_k=top_k, retrieve_k=retrieve_k)

    return ask
