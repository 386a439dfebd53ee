"""``/metrics`` after questions through every surface: answers, abstentions, the grounding
histogram, and the process's own metrics, parsed as Prometheus parses them."""

from __future__ import annotations

import json
import math

import pytest
from conftest import ScriptedGenerator, write_manual
from prometheus_client.parser import text_string_to_metric_families

from rag.generators import NOT_IN_DOCUMENTS, Draft
from server import create_app
from server.metrics import GROUNDING_BUCKETS

GROUNDED = "Descale the espresso machine every 8 weeks with citric acid [1]."
PARTLY = (
    "Descale the espresso machine every 8 weeks with citric acid [1]. "
    "The machine also sings opera on Sundays [1]."
)
ABSTAIN = Draft(NOT_IN_DOCUMENTS, abstained=True)


@pytest.fixture
def generator() -> ScriptedGenerator:
    return ScriptedGenerator(GROUNDED)


@pytest.fixture
def app(make_service, generator, tmp_path):
    service = make_service(generator=generator)
    assert service.ingest(write_manual(tmp_path)).ingested == 2
    app = create_app(service.settings, rag=service)
    app.testing = True
    return app


def scrape(client) -> dict[str, dict]:
    """{family name: {"type", "samples": [(sample name, labels, value)]}}."""
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    families = text_string_to_metric_families(response.get_data(as_text=True))
    return {
        f.name: {"type": f.type, "samples": [(s.name, s.labels, s.value) for s in f.samples]}
        for f in families
    }


def value(metrics: dict, family: str, sample: str, **labels) -> float:
    found = [v for n, tags, v in metrics[family]["samples"] if n == sample and tags == labels]
    assert len(found) == 1, (family, sample, labels, metrics[family]["samples"])
    return found[0]


def test_answers_abstentions_and_grounding_after_asks(app, generator):
    client = app.test_client()
    before = scrape(client)
    assert value(before, "rag_answers", "rag_answers_total", outcome="answered") == 0
    assert value(before, "rag_answers", "rag_answers_total", outcome="abstained") == 0
    assert value(before, "rag_answer_grounding", "rag_answer_grounding_count") == 0

    # The script: the fixture's first reply, then these, one per question.
    generator.enqueue(PARTLY, ABSTAIN, GROUNDED, ABSTAIN)
    question = "How do I descale the espresso machine?"
    asked = [
        client.post("/api/ask", json={"question": question}),
        client.post("/api/ask", json={"question": question}),
        client.post("/api/ask", json={"question": question}),
        client.post("/api/chat", json={"question": question}),
        client.post(
            "/v1/chat/completions",
            json={"model": "rag", "messages": [{"role": "user", "content": question}]},
        ),
    ]
    assert all(r.status_code == 200 for r in asked), [r.get_data(as_text=True) for r in asked]
    bodies = [r.get_json() for r in asked[:4]]
    grounding = [b["grounding"] for b in bodies if not b["abstained"]]
    assert len(grounding) == 3
    # The partly supported answer is less grounded than the fully supported ones.
    assert grounding[1] < grounding[0] == grounding[2]

    after = scrape(client)
    assert after["rag_answers"]["type"] == "counter"
    assert value(after, "rag_answers", "rag_answers_total", outcome="answered") == 3
    assert value(after, "rag_answers", "rag_answers_total", outcome="abstained") == 2

    histogram = after["rag_answer_grounding"]
    assert histogram["type"] == "histogram"
    assert value(after, "rag_answer_grounding", "rag_answer_grounding_count") == 3
    assert math.isclose(
        value(after, "rag_answer_grounding", "rag_answer_grounding_sum"), sum(grounding)
    )
    buckets = {
        float(tags["le"]): v
        for n, tags, v in histogram["samples"]
        if n == "rag_answer_grounding_bucket"
    }
    assert sorted(buckets) == sorted([*GROUNDING_BUCKETS, math.inf])
    for bound, count in buckets.items():
        assert count == sum(1 for g in grounding if g <= bound), bound


def test_streamed_answers_are_counted_once(app, generator):
    client = app.test_client()
    response = client.post(
        "/api/chat", json={"question": "How do I descale the espresso machine?", "stream": True}
    )
    events = response.get_data(as_text=True)
    assert "event: answer" in events
    final = next(
        json.loads(line.removeprefix("data: "))
        for block in events.split("\n\n")
        if "event: answer" in block
        for line in block.splitlines()
        if line.startswith("data: ")
    )
    metrics = scrape(client)
    assert value(metrics, "rag_answers", "rag_answers_total", outcome="answered") == 1
    assert math.isclose(
        value(metrics, "rag_answer_grounding", "rag_answer_grounding_sum"), final["grounding"]
    )


def test_process_and_platform_metrics_are_exposed(app):
    metrics = scrape(app.test_client())
    assert value(metrics, "process_resident_memory_bytes", "process_resident_memory_bytes") > 0
    assert value(metrics, "process_cpu_seconds", "process_cpu_seconds_total") > 0
    assert value(metrics, "process_open_fds", "process_open_fds") > 0
    (info,) = metrics["python_info"]["samples"]
    assert info[1]["implementation"] == "CPython" and info[1]["major"] == "3"


def test_two_apps_count_apart(make_service, generator, tmp_path):
    """Each app has its own registry: process collectors do not clash between them, and an
    answer through one is not counted by the other."""
    first, second = (
        make_service(generator=generator),
        make_service(generator=ScriptedGenerator(GROUNDED)),
    )
    first.ingest(write_manual(tmp_path))
    one, two = create_app(first.settings, rag=first), create_app(second.settings, rag=second)
    assert one.test_client().post("/api/ask", json={"question": "Descale?"}).status_code == 200
    assert (
        value(scrape(one.test_client()), "rag_answers", "rag_answers_total", outcome="answered")
        == 1
    )
    assert (
        value(scrape(two.test_client()), "rag_answers", "rag_answers_total", outcome="answered")
        == 0
    )


def test_a_failing_observer_never_costs_the_answer(make_service, generator, tmp_path, caplog):
    service = make_service(generator=generator)
    service.ingest(write_manual(tmp_path))
    seen = []

    def broken(answer):
        raise RuntimeError("metrics backend down")

    service.answer_observers.extend([broken, seen.append])
    answer = service.ask("How do I descale the machine?")
    assert "citric acid" in answer.text
    assert seen == [answer]
    assert "an answer observer failed" in caplog.text
