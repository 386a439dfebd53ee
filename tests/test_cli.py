"""The ``rag`` command through click's CliRunner, with a service built on the fakes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FakeEmbedder, FakeLabeler, FakeOcr, PdfPage, picture, write_pdf

import rag.cli
from ingest.vision.describe import ImageDescriber
from rag.service import RagService


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def run(monkeypatch, data_dir):
    """Invoke ``rag ARGS...`` with RAG_DATA_DIR set and fake models behind the service."""
    built: list[RagService] = []

    def fake_service(settings):
        assert settings.data_dir == data_dir  # the CLI read RAG_DATA_DIR
        service = RagService(
            settings, embedder=FakeEmbedder(), describer=ImageDescriber(FakeOcr(), FakeLabeler())
        )
        built.append(service)
        return service

    monkeypatch.setattr(rag.cli, "_service", fake_service)
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        environment = {"RAG_DATA_DIR": str(data_dir), **(env or {})}
        return runner.invoke(rag.cli.main, list(args), env=environment, catch_exceptions=False)

    invoke.built = built
    return invoke


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    write_pdf(
        root / "report.pdf",
        [
            ["The annual report covers the observatory."],
            PdfPage(["The telescope mirror has a diameter of 2.4 metres."], image=picture()),
        ],
    )
    (root / "notes.md").write_text("# Notes\n\nThe dome opens at nine in the evening.\n")
    return root


def test_ingest_folder(run, corpus, data_dir):
    result = run("ingest", str(corpus))
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[-1].startswith("2 files: 2 ingested, 0 skipped, 0 failed; 2 pages, 1 images,")
    assert result.stderr == ""
    assert (data_dir / "qdrant" / "documents" / "edge_config.json").is_file()
    assert all(s._store is None for s in run.built)  # the command closed its service

    again = run("ingest", str(corpus))
    assert again.exit_code == 0
    assert "2 files: 0 ingested, 2 skipped, 0 failed" in again.stdout


def test_ingest_json_report(run, corpus):
    result = run("ingest", "--json", str(corpus))
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert (report["files"], report["ingested"], report["failed"]) == (2, 2, 0)
    assert {Path(r["path"]).name: r["status"] for r in report["results"]} == {
        "report.pdf": "ingested",
        "notes.md": "ingested",
    }


def test_ingest_with_a_bad_file_exits_1_and_names_it(run, corpus, tmp_path):
    bad = corpus / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")  # cut off: no %%EOF
    result = run("ingest", str(corpus))
    assert result.exit_code == 1
    assert f"FAILED  {bad}: truncated or damaged PDF" in result.stderr
    assert "3 files: 2 ingested, 0 skipped, 1 failed" in result.stdout  # the rest went in
    listed = run("list")
    assert (
        "report.pdf" in listed.stdout
        and "notes.md" in listed.stdout
        and "broken.pdf" not in listed.stdout
    )


def test_ask_json(run, corpus):
    run("ingest", str(corpus))
    result = run("ask", "--json", "What is the diameter of the telescope mirror?")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"answer", "sources", "abstained", "retrieved", "timings_ms"} <= data.keys()
    assert "2.4 metres" in data["answer"] and data["abstained"] is False
    assert data["sources"], data
    for source in data["sources"]:
        assert {
            "n",
            "file",
            "page",
            "modality",
            "snippet",
            "doc_id",
            "score",
            "image",
        } <= source.keys()
        assert f"[{source['n']}]" in data["answer"]
    top = data["sources"][0]
    assert (top["n"], top["file"], top["page"], top["modality"]) == (1, "report.pdf", 2, "text")


def test_ask_text_output_lists_sources(run, corpus):
    run("ingest", str(corpus))
    result = run("ask", "When does the dome open?")
    assert result.exit_code == 0
    assert "nine in the evening" in result.stdout
    assert "Sources:" in result.stdout
    assert "[1] notes.md (text)" in result.stdout


def test_ask_top_k_option(run, corpus):
    run("ingest", str(corpus))
    data = json.loads(run("ask", "--json", "-k", "1", "What does the report cover?").stdout)
    assert len(data["retrieved"]) == 1
    bad = run("ask", "-k", "0", "What?")
    assert bad.exit_code == 2


def test_ask_on_an_empty_index(run):
    result = run("ask", "What is in the documents?")
    assert result.exit_code == 1
    assert "no documents indexed" in result.stderr
    assert "run `rag ingest PATH` first" in result.stderr
    assert result.stdout == ""


def test_ask_empty_question_is_a_usage_error(run):
    result = run("ask", "   ")
    assert result.exit_code == 2
    assert "the question is empty" in result.stderr


def test_list(run, corpus):
    empty = run("list")
    assert empty.exit_code == 0 and "No documents indexed. Run `rag ingest PATH`" in empty.stdout
    run("ingest", str(corpus))
    result = run("list")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0].split() == ["ID", "KIND", "PAGES", "CHUNKS", "COLLECTION", "FILE"]
    assert lines[-1] == "2 documents"
    assert any(
        line.endswith(str((corpus / "report.pdf").resolve())) and " pdf " in line for line in lines
    )
    as_json = json.loads(run("list", "--json").stdout)
    assert sorted(d["file"] for d in as_json) == ["notes.md", "report.pdf"]
    pdf = next(d for d in as_json if d["file"] == "report.pdf")
    assert pdf["pages"] == 2 and pdf["images"] == 1 and pdf["kind"] == "pdf"


def test_delete(run, corpus):
    run("ingest", str(corpus))
    chunks = next(
        d["chunks"] for d in json.loads(run("list", "--json").stdout) if d["file"] == "notes.md"
    )
    result = run("delete", "notes.md")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"Deleted {(corpus / 'notes.md').resolve()} ({chunks} chunks)"
    assert [d["file"] for d in json.loads(run("list", "--json").stdout)] == ["report.pdf"]
    missing = run("delete", "notes.md")
    assert missing.exit_code == 1
    assert "error: no indexed document matches 'notes.md'" in missing.stderr


EVAL_QUESTIONS = [
    {
        "id": "t1",
        "question": "What is the diameter of the telescope mirror?",
        "answers": ["2.4 metres"],
        "sources": [{"file": "report.pdf", "page": 2}],
        "kind": "text",
    },
    {
        "id": "t2",
        "question": "When does the dome open?",
        "answers": ["nine"],
        "sources": [{"file": "notes.md"}],
        "kind": "text",
    },
    {
        "id": "u1",
        "question": "Who won the football world cup in 1954?",
        "answers": [],
        "sources": [],
        "kind": "unanswerable",
    },
]


def write_questions(path: Path, questions=EVAL_QUESTIONS) -> Path:
    path.write_text("\n".join(json.dumps(q) for q in questions))
    return path


def test_eval_writes_the_json_report(run, corpus, tmp_path):
    run("ingest", str(corpus))
    questions = write_questions(tmp_path / "questions.jsonl")
    out = tmp_path / "eval.json"
    result = run("eval", str(questions), "--json", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split()[:3] == ["kind", "questions", "recall@5"]
    assert f"Report: {out}" in result.stdout
    report = json.loads(out.read_text())
    summary = report["summary"]
    for key in (
        "recall@5",
        "mrr",
        "answer_accuracy",
        "abstention_accuracy",
        "latency_p50_ms",
        "latency_p95_ms",
    ):
        assert key in summary
    assert summary["questions"] == 3
    assert summary["recall@5"] == 1.0 and summary["answer_accuracy"] == 1.0
    assert summary["abstention_accuracy"] == 1.0
    assert [q["id"] for q in report["questions"]] == ["t1", "t2", "u1"]


def test_eval_errors(run, corpus, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    result = run("eval", str(bad))
    assert result.exit_code == 1 and f"{bad}:1:" in result.stderr
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"id": "a", "question": "Q?", "answers": [], "sources": [], "kind": "text"})
        + "\n"
    )
    empty_index = run("eval", str(good))
    assert empty_index.exit_code == 1 and "the index is empty" in empty_index.stderr


def test_invalid_settings_exit_1(run):
    result = run("list", env={"RAG_TOP_K": "many"})
    assert result.exit_code == 1
    assert "error: invalid settings: top_k (RAG_TOP_K)" in result.stderr


def test_missing_config_file_exit_1(run, tmp_path):
    result = run("list", env={"RAG_CONFIG": str(tmp_path / "nope.toml")})
    assert result.exit_code == 1
    assert "nope.toml" in result.stderr and "does not exist" in result.stderr


def test_locked_index_is_reported(run, corpus, data_dir):
    from rag.store.edge import EdgeStore

    run("ingest", str(corpus))
    holder = EdgeStore(data_dir / "qdrant" / "documents", lock_file=data_dir / "index.lock")
    holder.ensure_schema(FakeEmbedder().dim)
    try:
        result = run("ask", "When does the dome open?")
    finally:
        holder.close()
    assert result.exit_code == 1
    assert "in use by another process" in result.stderr


def test_help_lists_the_commands():
    result = CliRunner().invoke(rag.cli.main, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "ask", "list", "delete", "eval", "serve"):
        assert command in result.stdout


@pytest.fixture
def served(monkeypatch):
    """Record what ``rag serve`` hands to waitress instead of serving."""
    import server.serving

    calls = []

    def record(app, settings, **options):
        calls.append((app, options))

    monkeypatch.setattr(server.serving, "serve_app", record)
    return calls


def test_serve_refuses_a_public_address_without_keys(run, served):
    result = run("serve", "--host", "0.0.0.0")
    assert result.exit_code == 1 and served == []
    assert "refusing to serve 0.0.0.0 without API keys" in result.output
    assert "RAG_API_KEYS" in result.output


def test_serve_public_with_keys_or_explicit_permission(run, served):
    assert run("serve", "--host", "0.0.0.0", env={"RAG_API_KEYS": "k1"}).exit_code == 0
    assert run("serve", "--host", "0.0.0.0", "--allow-no-auth").exit_code == 0
    assert [options["host"] for _, options in served] == ["0.0.0.0", "0.0.0.0"]


def test_serve_loopback_opens_the_index_first(run, served, data_dir):
    result = run("serve", "--port", "8123", "--threads", "4")
    assert result.exit_code == 0, result.output
    ((app, options),) = served
    assert options["port"] == 8123 and options["threads"] == 4
    assert app.config["MAX_CONTENT_LENGTH"] == 25 * 1024 * 1024
    assert (data_dir / "qdrant").is_dir()  # opened before serving
    assert run.built[0]._store is None  # and closed when waitress returned


def test_serve_reports_a_locked_index(run, served, data_dir):
    from rag.store.edge import EdgeStore

    holder = EdgeStore(data_dir / "qdrant" / "documents", lock_file=data_dir / "index.lock")
    holder.ensure_schema(8)
    try:
        result = run("serve")
    finally:
        holder.close()
    assert result.exit_code == 1 and served == []
    assert "error:" in result.output and "in use by another process, PID" in result.output


def test_eval_writes_markdown_and_html(run, corpus, tmp_path):
    run("ingest", str(corpus))
    questions = write_questions(tmp_path / "questions.jsonl")
    md, html = tmp_path / "report.md", tmp_path / "report.html"
    result = run("eval", str(questions), "--markdown", str(md), "--html", str(html))
    assert result.exit_code == 0, result.output
    assert md.read_text().startswith("#") and "| all |" in md.read_text()
    page = html.read_text()
    assert page.count('src="data:image/png;base64,') >= 3  # recall@k, per kind, latency
    assert "http://" not in page and "https://" not in page  # self-contained


def test_eval_fail_under_gates_the_exit_code(run, corpus, tmp_path):
    run("ingest", str(corpus))
    wrong = {**EVAL_QUESTIONS[1], "id": "t3", "answers": ["a zebra"]}  # never answered
    questions = write_questions(tmp_path / "q.jsonl", [*EVAL_QUESTIONS, wrong])
    passed = run("eval", str(questions), "--fail-under", "recall@5=0.9,accuracy=0.6")
    assert passed.exit_code == 0, passed.output
    assert "All 2 thresholds met." in passed.stdout
    failed = run("eval", str(questions), "--fail-under", "recall@5=0.9,accuracy=0.7")
    assert failed.exit_code == 1
    assert "FAILED  answer_accuracy = 0.6667 is below the minimum 0.7" in failed.stderr
    unknown = run("eval", str(questions), "--fail-under", "speed=3")
    assert unknown.exit_code == 1 and "unknown metric 'speed'" in unknown.stderr


def test_eval_compare_flags_regressions(run, corpus, tmp_path):
    run("ingest", str(corpus))
    questions = write_questions(tmp_path / "questions.jsonl")
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert run("eval", str(questions), "--json", str(a)).exit_code == 0
    same = run("eval", "--compare", str(a), str(a))
    assert same.exit_code == 0, same.output
    assert "recall@5" in same.stdout
    worse = json.loads(a.read_text())
    worse["summary"]["recall@5"] = 0.5
    b.write_text(json.dumps(worse))
    result = run("eval", "--compare", str(a), str(b))
    assert result.exit_code == 1
    assert "regressed" in result.stderr and "recall@5" in result.stderr
    assert run("eval", "--compare", str(a), str(b), "--tolerance", "0.6").exit_code == 0
    not_a_report = tmp_path / "x.json"
    not_a_report.write_text("[1, 2]")
    broken = run("eval", "--compare", str(a), str(not_a_report))
    assert broken.exit_code == 1 and "x.json" in broken.stderr


def test_eval_usage_errors(run, tmp_path):
    questions = write_questions(tmp_path / "questions.jsonl")
    assert run("eval").exit_code == 2
    both = run("eval", str(questions), "--compare", str(questions), str(questions))
    assert both.exit_code == 2 and "give no QUESTIONS" in both.output


def test_eval_against_a_running_server(run, corpus, tmp_path, make_settings):
    """`--server` asks a live `rag serve` over HTTP, with the API key and concurrency."""
    import threading

    from waitress import create_server

    from server import create_app

    run("ingest", str(corpus))
    service = run.built[-1]
    settings = make_settings(data_dir=service.settings.data_dir, api_keys=["eval-key"])
    server = create_server(create_app(settings, rag=service), host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.effective_port}"
        questions = write_questions(tmp_path / "questions.jsonl")
        out = tmp_path / "remote.json"
        result = run(
            "eval", str(questions), "--server", url, "--api-key", "eval-key",
            "--concurrency", "2", "--json", str(out),
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        report = json.loads(out.read_text())
        assert report["config"]["target"] == url and report["summary"]["concurrency"] == 2
        assert report["summary"]["recall@5"] == 1.0 and report["summary"]["answer_accuracy"] == 1.0
        denied = run("eval", str(questions), "--server", url, "--api-key", "wrong")
        assert denied.exit_code == 1 and "HTTP 401 (check the API key)" in denied.stderr
    finally:
        server.close()


def test_serve_makes_kept_uploads_match_the_index_first(run, served, data_dir):
    uploads = data_dir / "uploads"
    (uploads / ".incoming").mkdir(parents=True)
    (uploads / "ghost.txt").write_text("An upload the index never recorded.")
    (uploads / ".incoming" / "staged").write_text("half an upload")
    result = run("serve")
    assert result.exit_code == 0, result.output
    assert "1 removed, not in the index (ghost.txt)" in result.output
    assert not (uploads / "ghost.txt").exists() and not (uploads / ".incoming").exists()
