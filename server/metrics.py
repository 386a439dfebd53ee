"""Prometheus metrics: requests and latencies per route, uploads per outcome, answers and
abstentions and how well answers are grounded, and the process (CPU, memory, open files).

Each app has its own registry, so two apps in one process (tests, a second server) never
share or clash over counters.
"""

from __future__ import annotations

import time

from flask import Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)

from rag.types import Answer

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
# Grounding is a share (0-1) of an answer's sentences supported by what they cite.
GROUNDING_BUCKETS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "rag_http_requests",
            "HTTP requests by route, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "rag_http_request_seconds",
            "Time to the response headers, by route (a streamed body goes on after).",
            ["route", "method"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.ingested_files = Counter(
            "rag_ingest_files",
            "Uploaded files by outcome (ingested, replaced, unchanged, duplicate, failed).",
            ["status"],
            registry=self.registry,
        )
        self.ingested_chunks = Counter(
            "rag_ingest_chunks", "Chunks indexed from uploads.", registry=self.registry
        )
        self.answers = Counter(
            "rag_answers",
            "Answers by outcome: answered, or abstained (not in the documents); every surface.",
            ["outcome"],
            registry=self.registry,
        )
        for outcome in ("answered", "abstained"):
            self.answers.labels(outcome)  # both series exist from the start, at 0
        self.grounding = Histogram(
            "rag_answer_grounding",
            "Grounding of answers that were not abstentions: the share of their sentences "
            "supported by the evidence they cite (0-1).",
            buckets=GROUNDING_BUCKETS,
            registry=self.registry,
        )
        # process_* (CPU seconds, resident memory, open files, start time; Linux) and
        # python_info.
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)

    def init_app(self, app: Flask) -> None:
        app.extensions["metrics"] = self
        # Answers are counted where they are made, so the JSON API, the chat page, the
        # OpenAI-compatible API and the Slack bot's workers are all seen. A service without
        # the hook (a stand-in) is simply not counted.
        observers = getattr(app.extensions.get("rag"), "answer_observers", None)
        if observers is not None:
            observers.append(self.count_answer)
        app.before_request(self._start)
        app.after_request(self._finish)

    @staticmethod
    def _start() -> None:
        g.metrics_started = time.perf_counter()

    def _finish(self, response: Response) -> Response:
        # The route pattern, never the raw path: ids in URLs would make unbounded labels.
        route = request.url_rule.rule if request.url_rule else "unmatched"
        self.requests.labels(route, request.method, str(response.status_code)).inc()
        started = g.get("metrics_started")
        if started is not None:
            self.latency.labels(route, request.method).observe(time.perf_counter() - started)
        return response

    def count_upload(self, status: str, chunks: int) -> None:
        self.ingested_files.labels(status).inc()
        self.ingested_chunks.inc(chunks)

    def count_answer(self, answer: Answer) -> None:
        if answer.abstained:
            self.answers.labels("abstained").inc()
            return
        self.answers.labels("answered").inc()
        self.grounding.observe(answer.grounding)

    def exposition(self) -> Response:
        return Response(generate_latest(self.registry), mimetype=CONTENT_TYPE_LATEST)
