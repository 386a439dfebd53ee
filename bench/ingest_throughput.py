"""Ingest throughput and query latency benchmark (a benchmark, not a test).

    .venv/bin/python bench/ingest_throughput.py [--pdf PATH] [--corpus DIR] [--questions FILE]
                                                [--out bench/results/ingest.json]

It measures, in one run and with the real models:

1. the full ingest pipeline, ``RagService(settings).ingest([pdf])``, into a fresh data
   directory each time, in pages/s and chunks/s;
2. the raw embedding throughput of exactly the texts the pipeline embeds (the chunks and the
   sentences stored with them for the reader), with the same embedder object and batch size,
   and the ratio pipeline/raw;
3. over a corpus (the dev set): one full ingest of every file, in pages/s, images/s and
   chunks/s, with the time per kind of file and the peak resident memory of the ingest; then
   query latency, ``Index.search`` (query embedding + Qdrant search) and the full
   ``RagService.ask``, p50/p95.

Models are loaded and warmed up before anything is timed. Each throughput number is the
median of ``--repeats`` runs. bench/README.md says what each number means.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, Path(__file__).resolve().parent):
    if str(path) not in sys.path:  # run as a script from a checkout
        sys.path.insert(0, str(path))

from benchlib import (  # noqa: E402
    RESULTS,
    FileTimer,
    Workbench,
    check_ingest,
    default_corpus,
    default_questions,
    dev_set,
    latency_summary,
    load_avg,
    load_bench_settings,
    p50_each,
    peak_rss_mb,
    print_rows,
    question_texts,
    reset_peak_rss,
    rss_mb,
    ru_maxrss_mb,
    run_header,
    write_json,
)

from rag.embedders import Embedder  # noqa: E402
from rag.index import Index  # noqa: E402

SAMPLE_PDF = ROOT / "samples" / "corpus" / "xfig-howto.pdf"
DEFAULT_OUT = RESULTS / "ingest.json"
# What this benchmark's result records of the settings: what shapes an ingest.
SETTINGS_FIELDS = (
    "embedder",
    "embedding_model",
    "embed_batch_size",
    "chunk_size",
    "chunk_overlap",
    "ocr",
    "image_labeler",
    "top_k",
    "generator",
    "sentence_cache",
)


# Helpers --------------------------------------------------------------------------------


class RecordingEmbedder(Embedder):
    """Passes everything to the real embedder and keeps the texts it was asked to embed.

    Used only in one untimed ingest, to get exactly the texts the pipeline embeds.
    """

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.batch_size = inner.batch_size
        self.accepts = inner.accepts
        self.texts: list[str] = []

    @property
    def dim(self) -> int:
        return self.inner.dim

    def embed_batch(self, items: Sequence[str]) -> np.ndarray:
        self.texts.extend(items)
        return self.inner.embed_batch(items)


class Bench(Workbench):
    def ingest(self, service, paths: Sequence[Path], on_result=None):
        return check_ingest(service.ingest(list(paths), on_result=on_result))

    # 1 and 2: ingest throughput -------------------------------------------------------

    def capture_texts(self, pdf: Path) -> tuple[list[str], int, int]:
        """One untimed ingest that records the exact texts the pipeline embeds: each chunk
        (with its document header) and the sentences the reader scores, stored with it."""
        recorder = RecordingEmbedder(self.embedder)
        with self.service(self.settings("capture"), embedder=recorder) as service:
            report = self.ingest(service, [pdf])
        if len(recorder.texts) < report.chunks:
            raise SystemExit(
                f"recorded {len(recorder.texts)} embedded texts but the report has "
                f"{report.chunks} chunks: the pipeline embeds its chunks somewhere else"
            )
        return recorder.texts, report.pages, report.chunks

    def pipeline_runs(self, pdf: Path, repeats: int) -> tuple[list[float], int, int, int]:
        seconds = []
        pages = chunks = images = 0
        for i in range(repeats):
            with self.service(self.settings(f"pipeline-{i + 1}")) as service:
                service.store  # noqa: B018 - open the store and create the shard before timing
                started = time.perf_counter()
                report = self.ingest(service, [pdf])
                seconds.append(time.perf_counter() - started)
            pages, chunks, images = report.pages, report.chunks, report.images
        return seconds, pages, chunks, images

    def raw_runs(self, texts: list[str], repeats: int) -> list[float]:
        self.embedder.embed(texts[: self.embedder.batch_size])  # warm this shape of input
        seconds = []
        for _ in range(repeats):
            started = time.perf_counter()
            vectors = self.embedder.embed(texts)
            seconds.append(time.perf_counter() - started)
            assert vectors.shape[0] == len(texts)
        return seconds

    # 3: query latency -----------------------------------------------------------------

    def query_latency(self, corpus: Path, questions: list[str], repeats: int) -> dict:
        settings = self.settings("corpus")
        # Records the texts the pipeline embeds (a list append per batch, nothing timed is
        # slowed), so the same chunks can be embedded raw for the corpus's own ratio.
        recorder = RecordingEmbedder(self.embedder)
        with self.service(settings, embedder=recorder) as service:
            service.store  # noqa: B018 - open the store and create the shard before timing
            # One run, as `rag ingest` does it: the files, then the index build. The time of
            # each file is the gap since the previous file finished (the pipeline works on one
            # file at a time), which splits the run by kind of file.
            peak_before = ru_maxrss_mb()  # the process's peak so far: models, PDF ingests
            rss_start = rss_mb()
            peak_reset = reset_peak_rss()
            timer = FileTimer()
            started = timer.started
            report = self.ingest(service, [corpus], on_result=timer)
            files_s = time.perf_counter() - started
            service.optimize()
            ingest_s = time.perf_counter() - started
            corpus_texts = list(recorder.texts)
            if len(corpus_texts) < report.chunks:
                raise SystemExit(
                    f"recorded {len(corpus_texts)} embedded texts for {report.chunks} chunks"
                )
            peak_ingest = peak_rss_mb() if peak_reset else None
            by_kind: dict[str, dict] = {}
            for result, seconds in timer.gaps():
                kind = result.kind or result.status
                entry = by_kind.setdefault(
                    kind, {"files": 0, "pages": 0, "images": 0, "chunks": 0, "seconds": 0.0}
                )
                entry["files"] += 1
                entry["pages"] += result.pages
                entry["images"] += result.images
                entry["chunks"] += result.chunks
                entry["seconds"] += seconds
            for entry in by_kind.values():
                entry["seconds"] = round(entry["seconds"], 2)
            # Retrieval timed without the question-time cache (the service's remembers the
            # questions it embedded, and would answer the repeats and the asks below from it).
            uncached = settings.model_copy(update={"sentence_cache": 0})
            index = Index(uncached, store=service.store, embedder=service.embedder)
            for question in questions[:3]:  # warm-up: BM25 model, generator, first queries
                index.search(question)
                service.ask(question)

            retrieve_ms: list[float] = []
            for _ in range(repeats):
                for question in questions:
                    started = time.perf_counter()
                    index.search(question)
                    retrieve_ms.append((time.perf_counter() - started) * 1000)

            ask_ms: list[float] = []
            parts: dict[str, list[float]] = {}
            for _ in range(repeats):
                for question in questions:
                    started = time.perf_counter()
                    answer = service.ask(question)
                    ask_ms.append((time.perf_counter() - started) * 1000)
                    for key, value in answer.timings_ms.items():
                        parts.setdefault(key, []).append(value)
        raw_s = statistics.median(self.raw_runs(corpus_texts, repeats))
        return {
            "corpus": str(corpus.resolve()),
            "corpus_ingest": {
                "files": len(report.results),
                "ingested": report.ingested,
                "pages": report.pages,
                "images": report.images,
                "chunks": report.chunks,
                "seconds": round(ingest_s, 2),
                "files_seconds": round(files_s, 2),
                "optimize_seconds": round(ingest_s - files_s, 3),
                "pages_per_s": round(report.pages / ingest_s, 3),
                "images_per_s": round(report.images / ingest_s, 3),
                "chunks_per_s": round(report.chunks / ingest_s, 2),
                # The same chunk texts embedded and nothing else (median of the repeats).
                "raw_embedding_s": round(raw_s, 3),
                "raw_embedding_chunks_per_s": round(report.chunks / raw_s, 2),
                "ratio_pipeline_to_raw": round(raw_s / ingest_s, 3),
                "by_kind": by_kind,
                "pdf_pages_per_s_of_pdf_time": _rate(by_kind, "pdf", "pages"),
                "images_per_s_of_image_time": _rate(by_kind, "image", "images"),
                "memory": {
                    "rss_before_mb": rss_start,
                    "peak_rss_mb": peak_ingest,
                    "peak_rss_increase_mb": round(peak_ingest - rss_start, 1)
                    if peak_ingest is not None and rss_start is not None
                    else None,
                    "process_peak_before_mb": peak_before,
                    "how": "VmHWM (the kernel's peak RSS) reset just before the ingest"
                    if peak_reset
                    else "peak-RSS reset unavailable: no number",
                },
            },
            "questions": len(questions),
            "repeats": repeats,
            "retrieve": latency_summary(retrieve_ms),
            "ask": latency_summary(ask_ms),
            # The first pass over the questions: only what earlier questions left in the
            # sentence cache helps; the later rounds repeat questions, the cache's best case.
            "ask_first_pass": latency_summary(ask_ms[: len(questions)]),
            "ask_parts_p50_ms": p50_each(parts),
        }


def _rate(by_kind: dict[str, dict], kind: str, unit: str) -> float | None:
    entry = by_kind.get(kind)
    if not entry or not entry["seconds"]:
        return None
    return round(entry[unit] / entry["seconds"], 3)


# Main -----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    dev = dev_set()
    default_pdf = dev / "corpus" / "crc-doc.1.0.pdf" if dev else None
    if default_pdf is None or not default_pdf.is_file():
        default_pdf = SAMPLE_PDF
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pdf", type=Path, default=default_pdf, help="text PDF to ingest")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=default_corpus(),
        help="folder for the query-latency part (skipped when there is none)",
    )
    parser.add_argument(
        "--questions",
        type=Path,
        default=default_questions(),
        help="JSON lines with a 'question' field",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement (median)")
    return parser.parse_args(argv)


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_table(result: dict) -> None:
    ing, raw = result["ingest"], result["raw_embedding"]
    rows = [
        ("PDF", f"{Path(ing['pdf']).name}: {ing['pages']} pages, {ing['chunks']} chunks"),
        ("pipeline ingest (median)", f"{ing['median_s']:.2f} s"),
        ("pipeline pages/s", f"{ing['pages_per_s']:.2f}"),
        ("pipeline chunks/s", f"{ing['chunks_per_s']:.1f}"),
        ("raw embedding (median)", f"{raw['median_s']:.2f} s"),
        ("raw embedding chunks/s", f"{raw['chunks_per_s']:.1f}"),
        ("raw embedding pages/s (equiv.)", f"{raw['pages_per_s']:.2f}"),
        ("ratio pipeline/raw", f"{result['ratio_pipeline_to_raw']:.2f}"),
    ]
    query = result.get("query")
    if query:
        ci = query["corpus_ingest"]
        rows += [
            (
                "query corpus",
                f"{ci['files']} files, {ci['chunks']} chunks (ingested in {ci['seconds']:.1f} s)",
            ),
            (
                "corpus ingest (1 run)",
                f"{ci['pages_per_s']:.2f} pages/s, {ci['images_per_s']:.2f} images/s, "
                f"{ci['chunks_per_s']:.1f} chunks/s ({ci['pages']} pages, {ci['images']} images)",
            ),
            (
                "  raw embedding, same chunks",
                f"{ci['raw_embedding_s']:.2f} s ({ci['raw_embedding_chunks_per_s']:.1f} chunks/s): "
                f"ratio pipeline/raw {ci['ratio_pipeline_to_raw']:.2f}",
            ),
            (
                "  by kind of file",
                ", ".join(
                    f"{k} {v['files']} files {v['seconds']:.1f} s"
                    for k, v in sorted(ci["by_kind"].items())
                ),
            ),
            (
                "  PDF pages/s, image files/s",
                f"{_fmt(ci['pdf_pages_per_s_of_pdf_time'])} (of PDF time), "
                f"{_fmt(ci['images_per_s_of_image_time'])} (of image time)",
            ),
            (
                "  peak RSS during ingest",
                f"{_fmt(ci['memory']['peak_rss_mb'], 0)} MB "
                f"(+{_fmt(ci['memory']['peak_rss_increase_mb'], 0)} MB over the "
                f"{_fmt(ci['memory']['rss_before_mb'], 0)} MB before)",
            ),
            ("questions x repeats", f"{query['questions']} x {query['repeats']}"),
            (
                "retrieve p50 / p95",
                f"{query['retrieve']['p50_ms']:.1f} / {query['retrieve']['p95_ms']:.1f} ms",
            ),
            ("ask p50 / p95", f"{query['ask']['p50_ms']:.1f} / {query['ask']['p95_ms']:.1f} ms"),
            (
                "  first pass over the questions",
                f"{query['ask_first_pass']['p50_ms']:.1f} / "
                f"{query['ask_first_pass']['p95_ms']:.1f} ms",
            ),
        ]
    else:
        rows.append(("query latency", "skipped (no --corpus/--questions)"))
    m = result["machine"]
    rows.append(("machine", f"{m['cpu_count']} CPUs, torch threads {m['torch_threads_in_use']}"))
    print_rows(rows)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # font warnings are noise here
    if not args.pdf.is_file():
        raise SystemExit(f"no such PDF: {args.pdf}")
    run_query = args.corpus is not None and args.questions is not None
    if run_query and not (args.corpus.is_dir() and args.questions.is_file()):
        raise SystemExit(f"need a folder and a file: {args.corpus}, {args.questions}")

    load_start = os.getloadavg()
    base = load_bench_settings()
    repeats = max(1, args.repeats)
    with tempfile.TemporaryDirectory(prefix="rag-bench-") as tmp:
        bench = Bench(base, Path(tmp))
        print(f"warming up the models (torch threads: {base.torch_threads}) ...", flush=True)
        warmup_s = bench.warm_up()

        print(f"ingest: {args.pdf} ({repeats} runs + 1 to record the chunk texts) ...", flush=True)
        texts, cap_pages, cap_chunks = bench.capture_texts(args.pdf)
        pipe_s, pages, chunks, images = bench.pipeline_runs(args.pdf, repeats)
        if (pages, chunks) != (cap_pages, cap_chunks):
            raise SystemExit("the timed ingests made different chunks from the recorded one")

        print(
            f"raw embedding: {len(texts)} texts, batch {bench.embedder.batch_size} ...", flush=True
        )
        raw_s = bench.raw_runs(texts, repeats)

        query = None
        if run_query:
            questions = question_texts(args.questions)
            print(f"query latency: {args.corpus}, {len(questions)} questions ...", flush=True)
            query = bench.query_latency(args.corpus, questions, repeats)

        pipe_med, raw_med = statistics.median(pipe_s), statistics.median(raw_s)
        result = {
            **run_header("ingest_throughput", base, load_start, SETTINGS_FIELDS),
            "warmup_s": round(warmup_s, 2),
            "ingest": {
                "pdf": str(args.pdf.resolve()),
                "bytes": args.pdf.stat().st_size,
                "pages": pages,
                "images": images,
                "chunks": chunks,
                "runs_s": [round(s, 3) for s in pipe_s],
                "median_s": round(pipe_med, 3),
                "pages_per_s": round(pages / pipe_med, 3),
                "chunks_per_s": round(chunks / pipe_med, 2),
            },
            "raw_embedding": {
                "texts": len(texts),
                "mean_chars": round(statistics.fmean(len(t) for t in texts), 1),
                "batch_size": bench.embedder.batch_size,
                "runs_s": [round(s, 3) for s in raw_s],
                "median_s": round(raw_med, 3),
                "chunks_per_s": round(len(texts) / raw_med, 2),
                "pages_per_s": round(pages / raw_med, 3),
            },
            "ratio_pipeline_to_raw": round(raw_med / pipe_med, 3),
            "query": query,
        }
        result["machine"]["load_avg_end"] = load_avg()
        # ru_maxrss: the peak resident memory of the whole run (the corpus ingest resets the
        # kernel's mark, so take the larger of before and after).
        before = (query or {}).get("corpus_ingest", {}).get("memory", {})
        result["machine"]["peak_rss_mb"] = max(
            ru_maxrss_mb(), before.get("process_peak_before_mb") or 0.0
        )

    write_json(args.out, result)
    print()
    print_table(result)
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
