"""Ingest with 1 and more worker processes, back to back: speed, identity, what stays serial.

    .venv/bin/python bench/ingest_workers.py [--corpus DIR --questions FILE]... [--workers 1,2]
                                             [--out bench/results/ingest_workers.json]

For each corpus (default: the dev corpus and the validation corpus) and each number of
workers, one full ingest into a fresh data directory with fresh (cold) models, as `rag ingest
--workers N` does it: wall time, pages/s, pictures/s. Then the indexes are compared: the
documents, every chunk, and the ranking (ids and scores) of every question of the set; the
script exits 1 if two differ.

The writing process is profiled while it runs: time waiting for the workers, embedding
(chunk and sentence vectors), writing the store, keeping pictures and files, and the rest
(reading, hashing, chunking); with workers, the time the workers spent on files too. The
writer's embedding and writing are what no number of workers shortens: ``limit_speedup``,
from the one-process run, is its wall time over that serial part (Amdahl's bound).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, Path(__file__).resolve().parent):
    if str(path) not in sys.path:  # run as a script from a checkout
        sys.path.insert(0, str(path))

from benchlib import (  # noqa: E402
    RESULTS,
    default_corpus,
    default_questions,
    load_avg,
    load_bench_settings,
    print_table,
    question_texts,
    run_header,
    write_json,
)

import ingest.pipeline  # noqa: E402
from ingest import workers  # noqa: E402
from rag.blobs import BlobStore  # noqa: E402
from rag.index import Index  # noqa: E402
from rag.service import RagService  # noqa: E402

DEFAULT_OUT = RESULTS / "ingest_workers.json"
# What stays in the writer whatever the number of workers.
SERIAL_STEPS = ("embedding", "store writes", "kept files")
VALIDATION = ROOT / "eval" / "validation"

# The writer's steps, timed by wrapping what does them.
STEPS: dict[str, list[tuple[object, str]]] = {
    "waiting for workers": [(workers.ParallelLoads, "take")],
    "embedding": [(Index, "vectorise"), (Index, "vectorise_chunks")],
    "store writes": [(Index, "add")],
    "kept files": [(BlobStore, name) for name in ("keep_page_picture", "keep_pdf", "keep_image")],
    # One process only: describing pictures (and reading scanned pages) in the writer.
    "describing here": [(ingest.pipeline, "picture_text")],
}


@contextmanager
def profiled(seconds: Counter):
    """Time the writer's steps into ``seconds``; with workers, sum their time per file too."""
    undo: list[Callable[[], None]] = []

    def wrap(owner, name: str, step: str) -> None:
        original = getattr(owner, name, None)
        if original is None:
            return

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                seconds[step] += time.perf_counter() - started

        setattr(owner, name, timed)
        undo.append(lambda: setattr(owner, name, original))

    for step, places in STEPS.items():
        for owner, name in places:
            wrap(owner, name, step)
    result = workers._Outcome.result

    def counted(self):
        seconds["worker busy"] += self.seconds
        return result(self)

    workers._Outcome.result = counted
    undo.append(lambda: setattr(workers._Outcome, "result", result))
    try:
        yield seconds
    finally:
        for step in reversed(undo):
            step()


def fingerprint(service: RagService, questions: list[str]) -> dict:
    """What must not depend on the number of workers: documents, chunks, rankings."""
    documents = sorted(
        (d.doc_id, d.sha256, d.kind, d.pages, d.chunks, d.images, d.path)
        for d in service.index.documents()
    )
    store = service.store
    probe = np.full(service.embedder.dim, 1.0 / np.sqrt(service.embedder.dim))
    everything = store.hybrid_query(
        dense=probe, sparse=None, limit=1_000_000, prefetch_limit=1_000_000, rrf_k=60
    )
    chunks = sorted(
        (c.doc_id, c.chunk_index, c.page, c.modality, c.text, c.image)
        for c in (e.chunk for e in everything)
    )
    rankings = {
        q: [
            (e.chunk.doc_id, e.chunk.chunk_index, round(e.score, 6))
            for e in service.index.search(q, top_k=10)
        ]
        for q in questions
    }
    digest = hashlib.sha256(json.dumps([documents, chunks], default=str).encode()).hexdigest()
    return {
        "documents": len(documents),
        "chunks": len(chunks),
        "digest": digest,
        "rankings": rankings,
    }


def run_once(settings, corpus: Path, count: int, questions: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="rag-workers-") as folder:
        fresh = settings.model_copy(update={"data_dir": Path(folder)})
        seconds: Counter = Counter()
        with RagService(fresh) as service, profiled(seconds):
            started = time.perf_counter()
            report = service.ingest([corpus], workers=count)
            wall = time.perf_counter() - started
            if report.failed:
                problems = "; ".join(f"{r.path}: {r.reason}" for r in report.results if r.reason)
                raise SystemExit(f"ingest failed: {problems}")
            index = fingerprint(service, questions)
    # Pages as the progress bar counts them: a PDF's pages, one per other file.
    pages = sum(max(1, r.pages) for r in report.results if r.status in ("ingested", "replaced"))
    writer_steps = {k: v for k, v in seconds.items() if k not in ("worker busy",)}
    own = wall - seconds["waiting for workers"]
    return {
        "workers": count,
        "wall_s": round(wall, 2),
        "pages": pages,
        "pictures": report.images,
        "chunks": report.chunks,
        "pages_per_s": round(pages / wall, 3),
        "pictures_per_s": round(report.images / wall, 3),
        "writer_s": {k: round(v, 2) for k, v in sorted(writer_steps.items())},
        "writer_own_s": round(own, 2),  # everything but waiting: the serial part
        "worker_busy_s": round(seconds["worker busy"], 2),
        "index": index,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append")
    parser.add_argument("--questions", type=Path, action="append")
    parser.add_argument("--workers", default="1,2", help="comma-separated counts (default 1,2)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    corpora = args.corpus or [default_corpus(), VALIDATION / "corpus"]
    question_files = args.questions or [default_questions(), VALIDATION / "questions.jsonl"]
    if len(corpora) != len(question_files) or not all(corpora):
        parser.error("give one --questions per --corpus (the dev set was not found)")
    counts = [int(n) for n in args.workers.split(",")]
    load_start = load_avg()
    settings = load_bench_settings()
    result = run_header("ingest_workers", settings, load_start)
    result["corpora"] = []
    same = True
    rows = []
    for corpus, questions_file in zip(corpora, question_files, strict=True):
        questions = question_texts(questions_file)
        runs = [run_once(settings, corpus, count, questions) for count in counts]
        identical = all(r["index"] == runs[0]["index"] for r in runs)
        same = same and identical
        base = runs[0]["wall_s"]
        serial = sum(v for k, v in runs[0]["writer_s"].items() if k in SERIAL_STEPS)
        limit = round(base / serial, 2) if runs[0]["workers"] == 1 and serial else None
        for r in runs:
            r["speedup"] = round(base / r["wall_s"], 3)
            rows.append(
                [
                    corpus.name if corpus.name != "corpus" else corpus.parent.name,
                    str(r["workers"]),
                    f"{r['wall_s']:.1f}",
                    f"{r['pages_per_s']:.2f}",
                    f"{r['pictures_per_s']:.2f}",
                    f"{r['speedup']:.2f}",
                    f"{r['writer_own_s']:.1f}",
                    ", ".join(f"{k} {v:.1f}" for k, v in r["writer_s"].items()),
                    f"{r['worker_busy_s']:.1f}",
                ]
            )
        result["corpora"].append(
            {
                "corpus": str(corpus),
                "questions": len(questions),
                "identical": identical,
                "serial_s": round(serial, 2),
                "limit_speedup": limit,
                "runs": runs,
            }
        )
    result["machine"]["load_avg_end"] = load_avg()
    result["identical"] = same
    write_json(args.out, result)
    print_table(
        [
            "corpus",
            "N",
            "wall s",
            "pages/s",
            "pics/s",
            "speedup",
            "writer own s",
            "writer steps s",
            "workers busy s",
        ],
        rows,
    )
    print(f"identical indexes and rankings: {same}; written to {args.out}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
