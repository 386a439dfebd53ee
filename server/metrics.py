"""Prometheus metrics: requests and latencies per route, uploads per outcome.

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
    generate_latest,
)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)


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

    def init_app(self, app: Flask) -> None:
        app.extensions["metrics"] = self
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

    def exposition(self) -> Response:
        return Response(generate_latest(self.registry), mimetype=CONTENT_TYPE_LATEST)
