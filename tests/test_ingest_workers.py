"""Ingest with worker processes: the same index as one process, failures per file, a worker
that dies, memory and thread bounds, and the ``--workers`` option.

The workers are real processes; their describer is the fake of ``worker_fakes`` (built in
each worker), and the embedder the conftest fake (it runs in the writing process).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import worker_fakes
from conftest import FakeEmbedder, PdfPage, picture, stored_chunks, write_pdf
from test_ops_progress import RecordingBar
from worker_fakes import FATAL, SLOW, UNREADABLE, marked

from ingest import workers
from ingest.deadline import Deadline, IngestTimeoutError
from ingest.pipeline import Ingestor
from ingest.workers import ParallelLoads, WorkerCrashedError, threads_per_worker
from rag.errors import CorruptFileError, FileTooLargeError, IngestError
from rag.service import RagService

QUESTIONS = [
    "What does the sign read?",
    "lighthouse",
    "When does the dome open?",
    "pump pressure on page 3",
    "Jupiter moons",
]


def build_corpus(root: Path) -> Path:
    """A folder of every kind the fakes read: a slow picture first (so later files finish
    before it), PDFs with and without pictures, text, a table, a copy of a file, a damaged
    PDF, an empty file and one the walk skips."""
    root.mkdir()
    marked(picture(seed=1), SLOW).save(root / "a_slow.png")
    write_pdf(
        root / "b_manual.pdf",
        [
            [f"Page {n}: the pump pressure is {n * 10} kPa in mode {n}." for _ in range(3)]
            for n in range(1, 5)
        ]
        + [PdfPage(["Figure 1: the pump from above."], image=picture(seed=2))],
    )
    (root / "c_notes.md").write_text("# Notes\n\nThe dome opens at nine.\n" * 40)
    (root / "d_planets.csv").write_text("Planet,Moons\nJupiter,95\nSaturn,146\n")
    picture(seed=4).save(root / "e_photo.jpg", quality=90)
    (root / "f_copy.md").write_text((root / "c_notes.md").read_text())
    (root / "g_broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    (root / "h_empty.txt").write_bytes(b"")
    (root / "i_data.bin").write_bytes(b"\x00\x01 not indexed")
    sub = root / "sub"
    sub.mkdir()
    write_pdf(sub / "j_more.pdf", [PdfPage(["A chart."], image=marked(picture(seed=5), SLOW))])
    picture(seed=6).save(sub / "k_sign.png")
    return root


def make(make_settings, tmp_path: Path, name: str, **overrides) -> RagService:
    settings = make_settings(data_dir=tmp_path / name, **overrides)
    return RagService(
        settings,
        embedder=FakeEmbedder(),
        describer=worker_fakes.describer(settings),
        worker_describer=worker_fakes.describer,
    )


def snapshot(service: RagService, report) -> dict:
    """Everything an ingest leaves that must not depend on the number of workers."""
    blobs = service.settings.blobs_dir
    return {
        "results": report.results,
        "documents": sorted(
            (replace(d, ingested_at="") for d in service.index.documents()),
            key=lambda d: d.doc_id,
        ),
        "chunks": stored_chunks(service),
        "rankings": {
            q: [(e.chunk.doc_id, e.chunk.chunk_index, round(e.score, 6)) for e in ranked]
            for q in QUESTIONS
            for ranked in [service.index.search(q, top_k=8)]
        },
        "blobs": sorted(
            (p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in blobs.iterdir()
        )
        if blobs.is_dir()
        else [],
    }


def ingest(service: RagService, paths, workers_: int, **kwargs):
    with service:
        report = service.ingest(paths, workers=workers_, **kwargs)
        return report, snapshot(service, report)


def test_workers_build_the_same_index_as_one_process(make_settings, tmp_path):
    corpus = build_corpus(tmp_path / "corpus")
    one, one_index = ingest(make(make_settings, tmp_path, "one"), [corpus], 1)
    three, three_index = ingest(make(make_settings, tmp_path, "three"), [corpus], 3)
    assert [r.status for r in one.results].count("ingested") == 7
    assert {r.path.rsplit("/", 1)[-1]: r.status for r in one.results if r.status != "ingested"} == {
        "f_copy.md": "duplicate",
        "g_broken.pdf": "failed",
        "h_empty.txt": "failed",
        "i_data.bin": "skipped",
    }
    assert one.images == 4 and one_index["chunks"] and one_index["blobs"]
    assert three_index == one_index


def test_pictures_are_described_in_the_workers_not_here(make_settings, tmp_path):
    corpus = build_corpus(tmp_path / "corpus")
    service = make(make_settings, tmp_path, "data")
    ingestor = Ingestor(
        service.index,
        lambda: pytest.fail("described in the writer"),
        workers=2,
        worker_describer=worker_fakes.describer,
    )
    with service:
        report = ingestor.ingest([corpus])
    assert report.images == 4
    texts = [c.text for c in stored_chunks(service) if c.modality == "image"]
    assert texts and all("lighthouse" in t for t in texts)


def test_a_file_that_fails_fails_alike_and_the_rest_goes_on(make_settings, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    marked(picture(seed=1), UNREADABLE).save(corpus / "a_unreadable.png")
    write_pdf(corpus / "b_long.pdf", [["One."], ["Two."], ["Three."]])
    (corpus / "c_broken.pdf").write_bytes(b"%PDF-1.4\nno end")
    (corpus / "d_fine.md").write_text("Fine text about harbours.")
    picture(seed=2).save(corpus / "e_fine.png")
    limits = {"max_pages": 2}
    one, one_index = ingest(make(make_settings, tmp_path, "one", **limits), [corpus], 1)
    two, two_index = ingest(make(make_settings, tmp_path, "two", **limits), [corpus], 2)
    failed = {r.path.rsplit("/", 1)[-1]: (r.error, r.reason) for r in two.results if r.reason}
    assert failed["a_unreadable.png"][1] == (
        "unexpected error: ValueError: the fake OCR cannot read this picture"
    )
    assert failed["b_long.pdf"][0] == FileTooLargeError.__name__
    assert failed["c_broken.pdf"][0] == CorruptFileError.__name__
    assert two.ingested == 2 and two_index == one_index


def test_the_deadline_counts_the_time_a_worker_spent(make_settings, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    marked(picture(seed=1), SLOW).save(corpus / "a_slow.png")
    (corpus / "b_notes.md").write_text("Quick notes.")
    limit = {"max_ingest_seconds_per_file": worker_fakes.SLOW_SECONDS / 3}
    for name, count in (("one", 1), ("two", 2)):
        report, index = ingest(make(make_settings, tmp_path, name, **limit), [corpus], count)
        slow, notes = report.results
        assert slow.status == "failed" and slow.error == IngestTimeoutError.__name__, name
        assert "nothing of it was indexed" in slow.reason
        assert notes.status == "ingested"
        assert {c.file for c in index["chunks"]} == {"b_notes.md"}
        assert not any(name.startswith(slow_sha(corpus)) for name, _ in index["blobs"])


def slow_sha(corpus: Path) -> str:
    return hashlib.sha256((corpus / "a_slow.png").read_bytes()).hexdigest()


def test_a_worker_that_dies_fails_its_file_alone_and_the_rest_goes_on(
    make_settings, tmp_path, caplog
):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_pdf(corpus / "a_manual.pdf", [["The pump is blue."], ["It hums."]])
    marked(picture(seed=1), FATAL).save(corpus / "b_fatal.png")
    marked(picture(seed=2), SLOW).save(corpus / "c_slow.png")  # in flight when b kills its worker
    (corpus / "d_notes.md").write_text("Notes on the pump.")
    picture(seed=3).save(corpus / "e_photo.png")
    files = sorted(corpus.iterdir())
    two, two_index = ingest(make(make_settings, tmp_path, "two"), files, 2)
    crashed = two.results[1]
    assert crashed.status == "failed" and crashed.error == WorkerCrashedError.__name__
    assert "stopped abruptly" in crashed.reason
    assert [r.status for r in two.results] == ["ingested", "failed", *["ingested"] * 3]
    assert "a worker process stopped abruptly" in caplog.text
    others = [f for f in files if f.name != "b_fatal.png"]
    one, one_index = ingest(make(make_settings, tmp_path, "one"), others, 1)
    assert two.results[:1] + two.results[2:] == one.results
    assert {k: v for k, v in two_index.items() if k != "results"} == {
        k: v for k, v in one_index.items() if k != "results"
    }


def test_files_indexed_already_go_to_no_worker(make_settings, tmp_path, monkeypatch):
    corpus = build_corpus(tmp_path / "corpus")
    service = make(make_settings, tmp_path, "data")
    with service:
        service.ingest([corpus], workers=2)
        submitted: list[int] = []
        monkeypatch.setattr(ParallelLoads, "submit", lambda self, n, r: submitted.append(n))
        again = service.ingest([corpus], workers=2)
    assert again.ingested == 0 and again.skipped == 9 and again.failed == 2
    # Only the damaged PDF is loaded again (to fail again): nothing indexed goes to a worker.
    assert [again.results[n].path.rsplit("/", 1)[-1] for n in submitted] == ["g_broken.pdf"]


def test_files_in_flight_stay_within_the_bound(make_settings, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(12):
        (corpus / f"note{n:02}.md").write_text(f"Note {n} on harbour lantern number {n}.")
    most: list[int] = []
    submit = ParallelLoads.submit

    def counting(self, number, request):
        submit(self, number, request)
        most.append(len(self._jobs))

    monkeypatch.setattr(ParallelLoads, "submit", counting)
    report, _ = ingest(make(make_settings, tmp_path, "data"), [corpus], 2)
    assert report.ingested == 12
    assert max(most) == workers.IN_FLIGHT_PER_WORKER * 2


def test_reading_ahead_stops_at_its_depth_and_its_bytes(make_settings, monkeypatch):
    loads = ParallelLoads(make_settings(), 2, worker_fakes.describer)
    depth = workers.READ_AHEAD_PER_WORKER * 2
    loads.ahead = depth
    assert loads.room(0)
    loads.ahead = depth + 1
    assert not loads.room(0) and loads.room(1)
    monkeypatch.setattr(workers, "MAX_BYTES_AHEAD", 10)
    loads.keep(1, b"12345")
    assert loads.room(1)
    loads.keep(2, b"67890")
    assert not loads.room(1)
    assert loads.read(1, lambda: b"never read") == b"12345"
    loads.keep(3, IngestError("x.pdf", "cannot read: denied"))
    with pytest.raises(IngestError, match="denied"):
        loads.read(3, lambda: b"")
    assert loads.read(4, lambda: b"read now") == b"read now"
    loads.close()


def test_a_result_never_handed_to_a_worker_is_loaded_by_the_writer(make_settings):
    loads = ParallelLoads(make_settings(), 2, worker_fakes.describer)
    assert loads.take(7, Deadline("x", 1)) is None


def test_the_progress_bar_counts_the_same_pages(make_settings, tmp_path):
    corpus = build_corpus(tmp_path / "corpus")
    bars = {}
    for name, count in (("one", 1), ("two", 2)):
        service = make(make_settings, tmp_path, name)
        with service:
            Ingestor(
                service.index,
                service.describer,
                workers=count,
                worker_describer=worker_fakes.describer,
            ).ingest([corpus], progress=True, bar=RecordingBar)
        bar = RecordingBar.made[-1]
        bars[name] = (bar.total, bar.n, bar.names, bar.steps_in)
    assert bars["two"] == bars["one"]
    assert bars["two"][0] == bars["two"][1] >= 10
    assert len(bars["two"][3]["b_manual.pdf"]) > 1  # page by page, not one jump


def test_one_file_or_one_worker_needs_no_pool(make_settings, tmp_path, monkeypatch):
    monkeypatch.setattr(ParallelLoads, "submit", lambda *a: pytest.fail("no pool wanted"))
    (tmp_path / "a.md").write_text("Alone.")
    (tmp_path / "b.md").write_text("Not alone.")
    with make(make_settings, tmp_path, "data") as service:
        assert service.ingest([tmp_path / "a.md"], workers=4).ingested == 1
        assert service.ingest([tmp_path / "a.md", tmp_path / "b.md"], workers=1).ingested == 1


def test_a_service_with_its_own_describer_object_ingests_in_this_process(
    make_settings, tmp_path, monkeypatch
):
    monkeypatch.setattr(ParallelLoads, "submit", lambda *a: pytest.fail("no pool wanted"))
    for name in ("a", "b"):
        (tmp_path / f"{name}.md").write_text(f"File {name}.")
    settings = make_settings()
    service = RagService(
        settings, embedder=FakeEmbedder(), describer=worker_fakes.describer(settings)
    )
    with service:
        report = service.ingest([tmp_path / "a.md", tmp_path / "b.md"], workers=4)
    assert report.ingested == 2


# Threads --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cores", "count", "threads"), [(16, 16, 1), (16, 4, 4), (16, 3, 5), (2, 2, 1), (2, 8, 1)]
)
def test_workers_share_the_cores_out(cores, count, threads):
    assert threads_per_worker(count, cores) == threads


def test_a_worker_caps_its_threads(make_settings, monkeypatch):
    for name in workers.THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "1")  # set lower by the user: kept
    monkeypatch.setattr(workers, "_worker", None)
    settings = make_settings(ocr_threads=8, torch_threads=16)
    workers._start_worker(settings, worker_fakes.describer, 4, {"": 30})
    started = workers._worker
    assert started is not None
    assert (started.settings.ocr_threads, started.settings.torch_threads) == (4, 4)
    assert os.environ["OMP_NUM_THREADS"] == "4" and os.environ["MKL_NUM_THREADS"] == "1"


# Errors cross the process boundary ----------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        IngestError("a.pdf", "cannot read"),
        CorruptFileError("b.pdf", "damaged"),
        IngestTimeoutError("c.pdf", "stopped after 1 s"),
        WorkerCrashedError("d.png", "stopped"),
    ],
)
def test_ingest_errors_pickle_with_their_path_and_reason(error):
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (copy.path, copy.reason, str(copy)) == (error.path, error.reason, str(error))


def test_an_unforeseen_error_is_raised_again_under_its_own_name():
    outcome = workers._Outcome(0.1, unforeseen=("KeyError", "'width'", "Traceback ..."))
    with pytest.raises(workers.WorkerError) as raised:
        outcome.result()
    assert type(raised.value).__name__ == "KeyError" and str(raised.value) == "'width'"


# The command ----------------------------------------------------------------------------------


@pytest.fixture
def worker_cli(monkeypatch, tmp_path):
    from click.testing import CliRunner

    import rag.cli

    asked: list[int] = []

    class Service(RagService):
        def ingest(self, *args, workers: int = 1, **kwargs):
            asked.append(workers)
            return super().ingest(*args, workers=workers, **kwargs)

    def service(settings):
        return Service(
            settings,
            embedder=FakeEmbedder(),
            describer=worker_fakes.describer(settings),
            worker_describer=worker_fakes.describer,
        )

    monkeypatch.setattr(rag.cli, "_service", service)

    def invoke(*args: str, env: dict[str, str] | None = None):
        environment = {"RAG_DATA_DIR": str(tmp_path / "data"), **(env or {})}
        return CliRunner().invoke(rag.cli.main, list(args), env=environment)

    invoke.asked = asked
    return invoke


def test_the_workers_option_and_setting(worker_cli, tmp_path, monkeypatch):
    corpus = build_corpus(tmp_path / "corpus")
    result = worker_cli("ingest", "--workers", "2", str(corpus))
    assert result.exit_code == 1, result.output  # the damaged and the empty file
    assert "7 ingested" in result.output and "FAILED" in result.output
    worker_cli("ingest", str(corpus), env={"RAG_INGEST_WORKERS": "3"})
    monkeypatch.setattr(workers, "available_cores", lambda: 5)
    worker_cli("ingest", str(corpus))
    assert worker_cli.asked == [2, 3, 5]


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--workers", "0"], {}, "0 is not in the range x>=1"),
        (["--workers", "many"], {}, "'many' is not a valid integer"),
        ([], {"RAG_INGEST_WORKERS": "0"}, "ingest_workers"),
    ],
)
def test_a_bad_number_of_workers_is_refused(worker_cli, tmp_path, args, env, message):
    (tmp_path / "a.md").write_text("A.")
    result = worker_cli("ingest", *args, str(tmp_path / "a.md"), env=env)
    assert result.exit_code != 0 and message in result.output


# Real files, real models -----------------------------------------------------------------------


@pytest.mark.models
def test_real_files_at_two_workers_index_as_one_process(make_settings, tmp_path):
    """The packaged OCR and labeler in two worker processes describe the dev set's pictures
    and read its PDF exactly as one process does (the embedder is the fake: it runs in the
    writer either way)."""
    from conftest import dev_file

    names = ["fontconfig-user.pdf", "dev_img_05.jpg", "dev_img_14.png", "rootless-builds.txt"]
    files = [dev_file(name) for name in names]
    runs = {}
    for count in (1, 2):
        settings = make_settings(data_dir=tmp_path / f"data{count}")
        service = RagService(settings, embedder=FakeEmbedder())
        with service:
            report = service.ingest(files, workers=count)
            runs[count] = (report, snapshot(service, report))
    report, index = runs[2]
    assert report.ingested == 4 and report.images >= 2
    pictures = [c.text for c in index["chunks"] if c.file == "dev_img_14.png"]
    assert pictures and "Text in the image" in " ".join(pictures)
    assert index == runs[1][1]


def test_a_worker_ends_when_its_writer_is_killed(tmp_path):
    """Workers are children of the fork server: a writer killed outright must not leave them
    holding their models."""
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    watcher = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from ingest.workers import exit_with; "
            f"exit_with({writer.pid}); print('watching', flush=True); time.sleep(60)",
        ],
        cwd=Path(__file__).resolve().parents[1],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert watcher.stdout.readline().strip() == "watching"
        assert watcher.poll() is None  # the writer is alive: the worker stays
        writer.kill()
        writer.wait()
        assert watcher.wait(timeout=10) == 1
    finally:
        for process in (writer, watcher):
            if process.poll() is None:
                process.kill()
                process.wait()
