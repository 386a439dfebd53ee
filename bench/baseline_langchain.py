"""The product next to a plain LangChain pipeline, on the same files, in one run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/baseline_langchain.py [--repeats 3] [--out bench/results/baseline_langchain.json]

The baseline is what a user might put together instead of this product:

- loaders: ``PyPDFLoader`` (one document per PDF page), ``TextLoader`` for .md/.txt/.rst,
  ``BSHTMLLoader`` (with the stdlib ``html.parser``) for .html; images cannot be indexed, there
  is no image understanding in the plain pipeline, so they are skipped;
- ``RecursiveCharacterTextSplitter`` with the product's chunk size and overlap (and its
  default separators);
- the same MiniLM model through sentence-transformers, loaded from the packaged directory, in
  a five-line ``langchain_core`` ``Embeddings`` wrapper (``langchain-huggingface`` would
  downgrade ``huggingface_hub`` under the product's transformers, so it is not used);
- ``langchain_qdrant.QdrantVectorStore`` in qdrant-client's local mode (``:memory:``), dense
  similarity search, k = the product's top_k.

Both ingest the dev corpus ``--repeats`` times, alternating, each time into a fresh store,
with every model loaded and warmed up first; recall@5 and MRR are scored the way ``rag eval``
scores them. bench/README.md says what each number means.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

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
    latency_summary,
    load_avg,
    load_bench_settings,
    peak_rss_mb,
    print_rows,
    print_table,
    ratio,
    reset_peak_rss,
    rss_mb,
    run_header,
    write_json,
)

from ingest.pipeline import discover  # noqa: E402
from rag.embedders.sentence_transformer import resolve_model_path  # noqa: E402
from rag.evaluation.metrics import distinct, recall_at_k, reciprocal_rank  # noqa: E402
from rag.evaluation.questions import Question, load_questions  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402

DEFAULT_OUT = RESULTS / "baseline_langchain.json"
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff", ".bmp", ".gif"}
TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".rst"}
HTML_SUFFIXES = {".html", ".htm"}


def _langchain():
    try:
        from langchain_community.document_loaders import BSHTMLLoader, PyPDFLoader, TextLoader
        from langchain_core.embeddings import Embeddings
        from langchain_qdrant import QdrantVectorStore
        from langchain_text_splitters import RecursiveCharacterTextSplitter
    except ImportError as exc:
        raise SystemExit(
            f"the baseline needs the bench extra ({exc.name} is missing): "
            ".venv/bin/pip install -e '.[bench]'"
        ) from exc
    return (
        BSHTMLLoader,
        PyPDFLoader,
        TextLoader,
        Embeddings,
        QdrantVectorStore,
        RecursiveCharacterTextSplitter,
    )


# The baseline ---------------------------------------------------------------------------


def make_embeddings(model_path: str, batch_size: int, threads: int):
    """What ``HuggingFaceEmbeddings`` does, pointed at the packaged MiniLM directory."""
    *_, Embeddings, _, _ = _langchain()
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(threads)

    class MiniLMEmbeddings(Embeddings):
        def __init__(self) -> None:
            self.model = SentenceTransformer(model_path, device="cpu")

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            vectors = self.model.encode(
                texts,
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            return vectors.tolist()

        def embed_query(self, text: str) -> list[float]:
            return self.embed_documents([text])[0]

    return MiniLMEmbeddings()


class Baseline:
    def __init__(self, settings: Settings, embeddings) -> None:
        (
            self.BSHTMLLoader,
            self.PyPDFLoader,
            self.TextLoader,
            _,
            self.QdrantVectorStore,
            splitter_cls,
        ) = _langchain()
        self.splitter = splitter_cls(
            chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap
        )
        self.embeddings = embeddings

    def loader(self, path: Path):
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            return self.PyPDFLoader(str(path))
        if suffix in TEXT_SUFFIXES:
            return self.TextLoader(str(path), encoding="utf-8")
        if suffix in HTML_SUFFIXES:
            return self.BSHTMLLoader(
                str(path), open_encoding="utf-8", bs_kwargs={"features": "html.parser"}
            )
        return None  # images and anything else: the plain pipeline cannot read them

    def ingest(self, files: Sequence[Path], collection: str) -> tuple[object, dict]:
        started = time.perf_counter()
        documents, skipped = [], []
        for path in files:
            loader = self.loader(path)
            if loader is None:
                skipped.append(path.name)
                continue
            documents.extend(loader.load())
        loaded = time.perf_counter()
        chunks = self.splitter.split_documents(documents)
        split = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            store = self.QdrantVectorStore.from_documents(
                chunks, self.embeddings, location=":memory:", collection_name=collection
            )
        done = time.perf_counter()
        return store, {
            "files_indexed": len(files) - len(skipped),
            "files_skipped": skipped,
            "documents": len(documents),
            "chunks": len(chunks),
            "seconds": done - started,
            "load_s": loaded - started,
            "split_s": split - loaded,
            "embed_and_index_s": done - split,
        }


def baseline_refs(store, question: str, k: int) -> list[tuple[str, int | None]]:
    refs = []
    for doc in store.similarity_search(question, k=k):
        meta = doc.metadata
        page = meta.get("page")
        is_pdf = str(meta.get("source", "")).lower().endswith(".pdf")
        refs.append((Path(meta["source"]).name, page + 1 if is_pdf and page is not None else None))
    return refs


# The product ----------------------------------------------------------------------------


class Product(Workbench):
    def ingest(self, corpus: Path, name: str) -> tuple[RagService, dict]:
        """One `rag ingest` of the corpus (files, then the index build), timed per file."""
        service = self.service(self.settings(name))
        service.store  # noqa: B018 - open the store before timing, as the baseline's is free
        timer = FileTimer()
        report = service.ingest([corpus], on_result=timer)
        service.optimize()
        done = time.perf_counter()
        check_ingest(report, "product ingest")
        per_file = {Path(result.path).name: seconds for result, seconds in timer.gaps()}
        return service, {
            "files_indexed": report.ingested,
            "pages": report.pages,
            "images": report.images,
            "chunks": report.chunks,
            "seconds": done - timer.started,
            "per_file_s": per_file,
        }


# Scoring --------------------------------------------------------------------------------


def score(questions: list[Question], refs_for) -> tuple[dict, list[float]]:
    """recall@5 and MRR over the answerable questions, overall and per kind (as `rag eval`)."""
    rows, ms = [], []
    for question in questions:
        if not question.answerable:
            continue
        started = time.perf_counter()
        refs = distinct(refs_for(question.question))
        ms.append((time.perf_counter() - started) * 1000)
        rows.append(
            (
                question,
                recall_at_k(question.sources, refs, 5),
                reciprocal_rank(question.sources, refs),
            )
        )

    def summary(subset) -> dict:
        return {
            "questions": len(subset),
            "recall@5": round(statistics.fmean(r for _, r, _ in subset), 4) if subset else None,
            "mrr": round(statistics.fmean(rr for _, _, rr in subset), 4) if subset else None,
        }

    text_only = [
        row
        for row in rows
        if all(Path(s.file).suffix.lower() not in IMAGE_SUFFIXES for s in row[0].sources)
    ]
    kinds = sorted({q.kind for q, _, _ in rows})
    return {
        "all": summary(rows),
        "gold_not_an_image": summary(text_only),
        "by_kind": {k: summary([row for row in rows if row[0].kind == k]) for k in kinds},
    }, ms


# Main -----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--questions", type=Path, default=default_questions())
    parser.add_argument("--repeats", type=int, default=3, help="ingests of each pipeline")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    for noisy in ("pypdf", "langchain_community", "httpx"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    if args.corpus is None or not args.corpus.is_dir():
        raise SystemExit("need the dev corpus (--corpus)")
    if args.questions is None or not args.questions.is_file():
        raise SystemExit("need the dev questions (--questions)")
    _langchain()  # fail early, with the install command, when the bench extra is missing
    load_start = os.getloadavg()
    base = load_bench_settings()
    if not base.uses_embedded_store:
        raise SystemExit("the product side runs on the embedded store: unset RAG_QDRANT_URL")
    questions = load_questions(args.questions)
    files = [f.path for f in discover([args.corpus]) if not f.skip]
    repeats = max(1, args.repeats)

    with tempfile.TemporaryDirectory(prefix="rag-bench-baseline-") as tmp:
        workdir = Path(tmp)
        print("warming up both pipelines' models ...", flush=True)
        product = Product(base, workdir)
        product.warm_up()
        embeddings = make_embeddings(
            resolve_model_path(base.embedding_model), base.embed_batch_size, base.torch_threads
        )
        embeddings.embed_documents(["warm-up"] * base.embed_batch_size)
        baseline = Baseline(base, embeddings)
        warm = workdir / "warmup-baseline"
        warm.mkdir()
        (warm / "note.md").write_text("# Warm-up\n\nA short note.\n")
        baseline.ingest([warm / "note.md"], "warmup")

        product_runs, baseline_runs, memory = [], [], {}
        product_service = baseline_store = None
        for i in range(repeats):
            print(f"run {i + 1}/{repeats}: product, then baseline ...", flush=True)
            if product_service is not None:
                product_service.close()
            rss0, reset = rss_mb(), reset_peak_rss()
            product_service, run = product.ingest(args.corpus, f"product-{i + 1}")
            if i == 0 and reset:
                memory["product_peak_rss_increase_mb"] = round(peak_rss_mb() - rss0, 1)
            product_runs.append(run)
            rss0, reset = rss_mb(), reset_peak_rss()
            baseline_store, run = baseline.ingest(files, f"baseline-{i + 1}")
            if i == 0 and reset:
                memory["baseline_peak_rss_increase_mb"] = round(peak_rss_mb() - rss0, 1)
            baseline_runs.append(run)

        print("scoring retrieval on the dev questions ...", flush=True)
        settings = product_service.settings
        index = product_service.index
        k = settings.top_k

        def product_refs(question: str):
            return [(e.chunk.file, e.chunk.page) for e in index.search(question, top_k=k)]

        def plain_refs(question: str):
            return baseline_refs(baseline_store, question, k)

        for question in questions[:3]:  # warm-up of both query paths
            product_refs(question.question)
            plain_refs(question.question)
        product_scores, product_ms = score(questions, product_refs)
        baseline_scores, baseline_ms = score(questions, plain_refs)
        product_service.close()

    baseline_files = {p.name for p in files if baseline.loader(p) is not None}

    def med(runs: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    p_med = med(product_runs, "seconds")
    p_same = statistics.median(
        sum(s for name, s in r["per_file_s"].items() if name in baseline_files)
        for r in product_runs
    )
    b_med = med(baseline_runs, "seconds")
    first_p, first_b = product_runs[0], baseline_runs[0]
    result = {
        **run_header("baseline_langchain", base, load_start),
        "corpus": str(args.corpus.resolve()),
        "files": len(files),
        "repeats": repeats,
        "product": {
            "what": "RagService.ingest(corpus) + optimize(), as `rag ingest`: PDF text, OCR and "
            "labels for pictures, MiniLM + BM25, Qdrant Edge; retrieval = dense + BM25 RRF",
            "files_indexed": first_p["files_indexed"],
            "pages": first_p["pages"],
            "images": first_p["images"],
            "chunks": first_p["chunks"],
            "ingest_runs_s": [round(r["seconds"], 2) for r in product_runs],
            "ingest_median_s": round(p_med, 2),
            "ingest_median_s_on_baseline_files": round(p_same, 2),
            "retrieval": product_scores,
            "retrieve_latency": latency_summary(product_ms),
        },
        "baseline": {
            "what": "PyPDFLoader / TextLoader / BSHTMLLoader, RecursiveCharacterTextSplitter "
            f"({base.chunk_size}/{base.chunk_overlap}), MiniLM via sentence-transformers, "
            "langchain_qdrant.QdrantVectorStore(location=':memory:'), dense similarity_search",
            "images": "not indexed: the plain pipeline has no image understanding (no OCR, no "
            "labels), so questions about pictures cannot be answered from it",
            "files_indexed": first_b["files_indexed"],
            "files_skipped": first_b["files_skipped"],
            "documents": first_b["documents"],
            "chunks": first_b["chunks"],
            "ingest_runs_s": [round(r["seconds"], 2) for r in baseline_runs],
            "ingest_median_s": round(b_med, 2),
            "stages_median_s": {
                key: round(med(baseline_runs, key), 3)
                for key in ("load_s", "split_s", "embed_and_index_s")
            },
            "retrieval": baseline_scores,
            "retrieve_latency": latency_summary(baseline_ms),
        },
        "ratios_product_over_baseline": {
            "ingest_time_all_files": ratio(p_med, b_med),
            "ingest_time_same_files": ratio(p_same, b_med),
            "recall@5": ratio(
                product_scores["all"]["recall@5"], baseline_scores["all"]["recall@5"]
            ),
            "recall@5_gold_not_an_image": ratio(
                product_scores["gold_not_an_image"]["recall@5"],
                baseline_scores["gold_not_an_image"]["recall@5"],
            ),
            "mrr": ratio(product_scores["all"]["mrr"], baseline_scores["all"]["mrr"]),
            "retrieve_p50": ratio(
                latency_summary(product_ms)["p50_ms"], latency_summary(baseline_ms)["p50_ms"]
            ),
        },
        "memory": memory,
    }
    result["machine"]["load_avg_end"] = load_avg()
    write_json(args.out, result)
    print()
    print_report(result)
    print(f"\nwrote {args.out}")
    return 0


def print_report(result: dict) -> None:
    p, b, r = result["product"], result["baseline"], result["ratios_product_over_baseline"]
    ps, bs = p["retrieval"], b["retrieval"]
    header = ["measure", "product", "LangChain baseline", "product / baseline"]
    rows = [
        ["files indexed", f"{p['files_indexed']}", f"{b['files_indexed']}", ""],
        ["chunks", f"{p['chunks']}", f"{b['chunks']}", ""],
        [
            f"ingest, median of {result['repeats']} (s)",
            f"{p['ingest_median_s']:.2f}",
            f"{b['ingest_median_s']:.2f}",
            f"{r['ingest_time_all_files']}",
        ],
        [
            "ingest of the baseline's files (s)",
            f"{p['ingest_median_s_on_baseline_files']:.2f}",
            f"{b['ingest_median_s']:.2f}",
            f"{r['ingest_time_same_files']}",
        ],
        [
            f"recall@5, all answerable ({ps['all']['questions']})",
            f"{ps['all']['recall@5']}",
            f"{bs['all']['recall@5']}",
            f"{r['recall@5']}",
        ],
        [
            f"recall@5, gold not an image ({ps['gold_not_an_image']['questions']})",
            f"{ps['gold_not_an_image']['recall@5']}",
            f"{bs['gold_not_an_image']['recall@5']}",
            f"{r['recall@5_gold_not_an_image']}",
        ],
        ["MRR, all answerable", f"{ps['all']['mrr']}", f"{bs['all']['mrr']}", f"{r['mrr']}"],
        [
            "retrieve p50 / p95 (ms)",
            f"{p['retrieve_latency']['p50_ms']:.1f} / {p['retrieve_latency']['p95_ms']:.1f}",
            f"{b['retrieve_latency']['p50_ms']:.1f} / {b['retrieve_latency']['p95_ms']:.1f}",
            f"{r['retrieve_p50']}",
        ],
    ]
    for kind, sc in ps["by_kind"].items():
        other = bs["by_kind"].get(kind, {})
        rows.append(
            [
                f"  recall@5 {kind} ({sc['questions']})",
                f"{sc['recall@5']}",
                f"{other.get('recall@5')}",
                "",
            ]
        )
    print_table(header, rows)
    m = result["machine"]
    print()
    print_rows(
        [
            ("baseline skipped", f"{len(b['files_skipped'])} image files (no image understanding)"),
            (
                "baseline stages (median s)",
                ", ".join(f"{k} {v}" for k, v in b["stages_median_s"].items()),
            ),
            (
                "machine",
                f"{m['cpu_count']} CPUs, load {m['load_avg_start']} -> {m['load_avg_end']}",
            ),
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
