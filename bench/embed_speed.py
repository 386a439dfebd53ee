"""Embedding speed and agreement of the text-model backends (a benchmark, not a test).

    .venv/bin/python bench/embed_speed.py [--corpus DIR] [--limit 300] [--repeats 3]
                                          [--backends torch,onnx,onnx-int8]
                                          [--out bench/results/embed_speed.json]

In one run, on the same real chunks (the text of the corpus's PDFs and text documents, cut by
the product's chunker and prefixed with their document header as ingest does):

1. each backend (``RAG_EMBEDDER_BACKEND``) is loaded (an ONNX export, if not cached yet, is
   timed apart) and warmed up on one batch;
2. chunks/s of ``embed(chunks)``, the median of ``--repeats`` runs, each backend in turn inside
   every repeat so that other work on the machine weighs on all of them alike; the ratio of
   each to the first backend (torch, the float32 sentence-transformers model);
3. agreement with the first backend: the cosine between a chunk's two vectors (min, mean), and
   whether the top 5 chunks for each of the corpus's questions are the same (overlap@5).
"""

from __future__ import annotations

import argparse
import statistics
import sys
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
    default_corpus,
    default_questions,
    load_avg,
    load_bench_settings,
    print_table,
    question_texts,
    ratio,
    run_header,
    write_json,
)

DEFAULT_OUT = RESULTS / "embed_speed.json"
BACKENDS = ("torch", "onnx", "onnx-int8")
SETTINGS_FIELDS = ("embedding_model", "embed_batch_size", "chunk_size", "chunk_overlap")


def corpus_chunks(corpus: Path, settings, limit: int) -> list[str]:
    """Chunk texts as ingest embeds them, from the text layer of PDFs and the text documents
    (pictures need OCR, which is not what is measured here)."""
    from ingest.chunking import Chunker
    from ingest.detect import detect_kind
    from ingest.document import Segment
    from ingest.loaders.pdf import load_pdf
    from ingest.loaders.text import load_text

    chunker = Chunker(settings.chunk_size, settings.chunk_overlap)
    texts: list[str] = []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        data = path.read_bytes()
        kind = detect_kind(path, data[:4096])
        if kind == "pdf":
            loaded = load_pdf(
                path,
                data,
                max_pages=settings.max_pages,
                scan_min_chars=settings.scan_min_chars,
                render_dpi=settings.ocr_render_dpi,
                read_text=lambda image: "",
            )
        elif kind == "text":
            loaded = load_text(path, data)
        else:
            continue
        header = path.name if not loaded.title else f"{loaded.title} ({path.name})"
        for part in loaded.parts:
            if isinstance(part, Segment):
                texts += [f"{header}\n{piece.text}" for piece in chunker.split(part.text)]
    return texts[:limit]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--questions", type=Path, default=default_questions())
    parser.add_argument("--limit", type=int, default=300, help="chunks at most")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if args.corpus is None or not args.corpus.is_dir():
        parser.error("no corpus: pass --corpus DIR (the dev set's corpus by default)")
    args.backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = sorted(set(args.backends) - set(BACKENDS))
    if unknown:
        parser.error(f"unknown backends {unknown}; choose from {list(BACKENDS)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    load_start = load_avg()
    base = load_bench_settings()
    from rag.embedders import create_embedder

    texts = corpus_chunks(args.corpus, base, args.limit)
    if not texts:
        raise SystemExit(f"no text chunks in {args.corpus}")
    questions = question_texts(args.questions) if args.questions else []
    print(f"{len(texts)} chunks, {len(questions)} questions, backends {args.backends}", flush=True)

    embedders, load_s = {}, {}
    for backend in args.backends:
        started = time.perf_counter()
        embedder = create_embedder(base.model_copy(update={"embedder_backend": backend}))
        embedder.embed(texts[: embedder.batch_size])  # loads (exports once) and warms up
        load_s[backend] = round(time.perf_counter() - started, 2)
        embedders[backend] = embedder

    seconds: dict[str, list[float]] = {b: [] for b in args.backends}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(args.repeats):
        for backend, embedder in embedders.items():
            started = time.perf_counter()
            vectors[backend] = embedder.embed(texts)
            seconds[backend].append(time.perf_counter() - started)

    reference = args.backends[0]
    rows, backends = [], {}
    ref_rate = len(texts) / statistics.median(seconds[reference])
    for backend in args.backends:
        rate = len(texts) / statistics.median(seconds[backend])
        cosines = np.sum(vectors[backend] * vectors[reference], axis=1)
        overlap = None
        if questions:
            ref_q = embedders[reference].embed(questions)
            new_q = embedders[backend].embed(questions)
            top_ref = np.argsort(-(vectors[reference] @ ref_q.T), axis=0)[:5].T
            top_new = np.argsort(-(vectors[backend] @ new_q.T), axis=0)[:5].T
            overlap = float(
                np.mean([len(set(a) & set(b)) / 5 for a, b in zip(top_ref, top_new, strict=True)])
            )
        backends[backend] = {
            "load_s": load_s[backend],
            "chunks_per_s": round(rate, 2),
            "ratio_to_" + reference: ratio(rate, ref_rate),
            "seconds": [round(s, 3) for s in seconds[backend]],
            "cosine_min": round(float(cosines.min()), 5),
            "cosine_mean": round(float(cosines.mean()), 5),
            "overlap_at_5": None if overlap is None else round(overlap, 4),
        }
        rows.append(
            (
                backend,
                f"{rate:.1f}",
                f"{ratio(rate, ref_rate):.2f}",
                f"{cosines.min():.4f}",
                f"{cosines.mean():.4f}",
                "-" if overlap is None else f"{overlap:.3f}",
                f"{load_s[backend]:.1f}",
            )
        )
    result = {
        **run_header("embed_speed", base, load_start, SETTINGS_FIELDS),
        "corpus": str(args.corpus),
        "chunks": len(texts),
        "questions": len(questions),
        "repeats": args.repeats,
        "reference": reference,
        "backends": backends,
    }
    result["machine"]["load_avg_end"] = load_avg()
    write_json(args.out, result)
    print_table(
        ["backend", "chunks/s", f"x {reference}", "cos min", "cos mean", "top5 overlap", "load s"],
        rows,
    )
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
