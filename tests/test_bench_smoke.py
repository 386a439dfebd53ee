"""The benchmark scripts run end to end on a tiny corpus and write the JSON they document.

Nothing here checks a speed: a benchmark's numbers are read by people (bench/README.md). What
the tests catch is a script that no longer runs, as a benchmark that trips the rate limit or
a changed interface would. Each script runs as a user runs it, in its own process, with the
real packaged models (the LangChain baseline's packages come with `make install`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import text_image, write_manual, write_pdf

pytestmark = pytest.mark.models

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    {
        "id": "q1",
        "question": "What is used to descale the espresso machine?",
        "answers": ["citric acid"],
        "sources": [{"file": "manual.pdf", "page": 2}],
        "kind": "text",
    },
    {
        "id": "q2",
        "question": "How long does the warranty last?",
        "answers": ["3 years"],
        "sources": [{"file": "faq.txt"}],
        "kind": "text",
    },
    {
        "id": "q3",
        "question": "Who won the 1954 world cup?",
        "answers": [],
        "sources": [],
        "kind": "unanswerable",
    },
]


@pytest.fixture
def corpus(tmp_path) -> tuple[Path, Path]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_manual(folder)
    text_image(["SERVICE DUE", "MARCH 2025"]).save(folder / "label.png")
    questions = tmp_path / "questions.jsonl"
    questions.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS))
    return folder, questions


def run(script: str, *args: str | Path, timeout: float = 240) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]


def test_embed_speed(corpus, tmp_path):
    folder, questions = corpus
    out = tmp_path / "embed_speed.json"
    run(
        "embed_speed.py",
        *("--corpus", folder, "--questions", questions, "--repeats", "1", "--out", out),
        *("--backends", "torch,onnx"),
    )
    result = json.loads(out.read_text())
    assert result["chunks"] > 0 and result["reference"] == "torch"
    onnx = result["backends"]["onnx"]
    assert onnx["ratio_to_torch"] > 0 and onnx["cosine_min"] > 0.999


def test_ingest_throughput(corpus, tmp_path):
    folder, questions = corpus
    out = tmp_path / "ingest.json"
    run(
        "ingest_throughput.py",
        *("--pdf", folder / "manual.pdf", "--corpus", folder, "--questions", questions),
        *("--repeats", "1", "--out", out),
    )
    result = json.loads(out.read_text())
    assert result["ingest"]["pages"] == 2 and result["ratio_pipeline_to_raw"] > 0
    ingest = result["query"]["corpus_ingest"]
    assert (ingest["ingested"], ingest["images"]) == (3, 1)
    assert ingest["ratio_pipeline_to_raw"] > 0 and ingest["memory"]["peak_rss_mb"]
    assert result["query"]["ask_first_pass"]["n"] == len(QUESTIONS)


def test_query_scale(corpus, tmp_path):
    folder, questions = corpus
    out = tmp_path / "scale.json"
    run(
        "query_scale.py",
        *("--corpus", folder, "--questions", questions, "--sizes", "dev,400"),
        *("--repeats", "1", "--ask-repeats", "1", "--out", out),
    )
    result = json.loads(out.read_text())
    assert result["api_ask_dev"]["client"]["n"] == len(QUESTIONS)
    dev, scaled = result["sizes"]
    assert (dev["size"], scaled["size"]) == (dev["size"], 400)
    assert dev["edge"]["before_optimize"]["recall@5"] == 1.0
    assert scaled["edge"]["api_ask"]["client_first_pass"]["n"] == len(QUESTIONS)
    assert scaled["qdrant_client_memory"]["query"]["n"] > 0


def test_load_test(corpus, tmp_path):
    folder, questions = corpus
    out = tmp_path / "load.json"
    upload = write_pdf(tmp_path / "grinder.pdf", [["The grinder has forty settings."]])
    run(
        "load_test.py",
        *("--corpus", folder, "--questions", questions, "--upload", upload),
        *("--clients", "2", "--seconds", "2", "--out", out),
    )
    result = json.loads(out.read_text())
    assert result["quiet"]["requests_ok"] > 0 and result["quiet"]["errors"] == 0
    during = result["during_upload"]
    assert during["upload_status"] == 200 and during["errors"] == 0
    assert [r["status"] for r in during["upload_result"]] == ["ingested"]
    assert out.with_suffix(".serve.log").is_file()


def test_slack_burst(corpus, tmp_path):
    folder, _ = corpus
    out = tmp_path / "slack.json"
    run("slack_burst.py", "--corpus", folder, "--events", "6", "--out", out)
    result = json.loads(out.read_text())
    assert result["acks_200"] == 6
    assert result["answered_exactly_once"] == 6 and result["lost"] == 0


def test_baseline_langchain(corpus, tmp_path):
    folder, questions = corpus
    out = tmp_path / "baseline.json"
    run(
        "baseline_langchain.py",
        *("--corpus", folder, "--questions", questions, "--repeats", "1", "--out", out),
    )
    result = json.loads(out.read_text())
    assert result["product"]["retrieval"]["all"]["recall@5"] == 1.0
    assert result["baseline"]["retrieval"]["all"]["recall@5"] > 0
    assert result["ratios_product_over_baseline"]["recall@5"] >= 1.0


def test_office_ingest(corpus, tmp_path):
    from office_files import write_pptx

    folder, _ = corpus
    deck = write_pptx(tmp_path / "deck.pptx")
    out = tmp_path / "office.json"
    run("office_ingest.py", folder / "manual.pdf", deck, "--repeats", "1", "--out", out)
    rows = {r["file"]: r for r in json.loads(out.read_text())["files"]}
    assert (rows["manual.pdf"]["unit"], rows["manual.pdf"]["units"]) == ("page", 2)
    assert (rows["deck.pptx"]["unit"], rows["deck.pptx"]["units"]) == ("slide", 3)
    assert rows["deck.pptx"]["images"] == 1 and rows["deck.pptx"]["ms_per_unit"] > 0


def test_kill_resume(corpus, tmp_path):
    folder, questions = corpus
    out = tmp_path / "kill_resume.json"
    run(
        "kill_resume.py",
        *("--corpus", folder, "--questions", questions, "--kills", "2", "--out", out),
        timeout=600,
    )
    result = json.loads(out.read_text())
    assert result["questions"] == len(QUESTIONS)
    for run_name in ("clean_again", "killed_and_resumed"):
        assert result[run_name] == {
            "rankings_differ": 0,
            "ids_differ": 0,
            "same_documents": True,
        }


def test_ingest_workers(corpus, tmp_path):
    folder, questions = corpus
    out = tmp_path / "ingest_workers.json"
    run(
        "ingest_workers.py",
        *("--corpus", folder, "--questions", questions, "--workers", "1,2", "--out", out),
        timeout=600,
    )
    result = json.loads(out.read_text())
    assert result["identical"] is True
    (measured,) = result["corpora"]
    assert [r["workers"] for r in measured["runs"]] == [1, 2]
    one, two = measured["runs"]
    assert one["pictures"] == two["pictures"] == 1 and two["worker_busy_s"] > 0
    assert measured["limit_speedup"] > 1 and "embedding" in one["writer_s"]


def test_reader_scoring(corpus, tmp_path):
    folder, questions = corpus
    data = tmp_path / "index"
    ingested = subprocess.run(
        [sys.executable, "-m", "rag", "ingest", "--no-progress", str(folder)],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "RAG_DATA_DIR": str(data)},
        cwd=ROOT,
    )
    assert ingested.returncode == 0, ingested.stderr[-4000:]
    out = tmp_path / "reader_scoring.json"
    run("reader_scoring.py", "--set", data, questions, "--maxsim", "--out", out)
    result = json.loads(out.read_text())
    # The two answerable text questions are asked; the world cup one is not answerable.
    assert result["questions"] == 2
    # The manual's descaling sentence and the FAQ's warranty line are among the candidates.
    assert result["with_right_candidate"] == 2
    scorers = result["scorers"]
    assert set(scorers) == {"reader", "dense", "lexical", "maxsim", "learned"}
    for row in scorers.values():
        assert 0.0 <= row["all"]["top1"] <= 1.0 and row["all"]["questions"] == 2
