"""Query latency as the collection grows (a benchmark, not a test).

    .venv/bin/python bench/query_scale.py [--sizes dev,10000,100000] [--repeats 3]
                                          [--out bench/results/query_scale.json]

In one run:

1. ingest the dev corpus once into a temporary data directory (as ``rag ingest`` does, with
   the index build at the end), and scroll every chunk out of the embedded shard: its dense
   MiniLM vector, its BM25 sparse vector and its payload;
2. embed the dev questions once (MiniLM + BM25), untimed except for a per-question figure;
3. full ``POST /api/ask`` latency at the dev size, client side: ``rag serve`` (the real app,
   ``server.create_app(settings)`` under waitress) in a subprocess on 127.0.0.1, every question
   ``--ask-repeats`` times;
4. for each size: a collection built from the real chunks, replicated with small Gaussian
   perturbations of the dense vectors (renormalised) and fresh point ids, written with the
   product's store adapters, then ``store.hybrid_query`` (dense + BM25 prefetch, RRF, the
   product's settings) for every question:
   - Qdrant Edge (``rag.store.edge.EdgeStore``, the default embedded store) before
     ``optimize()`` (brute force), the ``optimize()`` itself (HNSW build), and after;
   - qdrant-client's local mode (``ServerStore(':memory:')``), which is brute force in Python.

bench/README.md says what each number means.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, Path(__file__).resolve().parent):
    if str(path) not in sys.path:  # run as a script from a checkout
        sys.path.insert(0, str(path))

from benchlib import (  # noqa: E402
    RESULTS,
    check_ingest,
    default_corpus,
    default_questions,
    latency_summary,
    load_avg,
    load_bench_settings,
    p50_each,
    print_rows,
    print_table,
    ratio,
    rss_mb,
    ru_maxrss_mb,
    run_header,
    serve,
    write_json,
)

from rag.evaluation.metrics import distinct, recall_at_k  # noqa: E402
from rag.evaluation.questions import Question, load_questions  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.sparse import Bm25Encoder  # noqa: E402
from rag.store.base import PointVectors, SparseVec, VectorStore  # noqa: E402
from rag.store.edge import EdgeStore  # noqa: E402
from rag.store.server import ServerStore  # noqa: E402
from rag.types import Chunk, Evidence  # noqa: E402

DEFAULT_OUT = RESULTS / "query_scale.json"
WRITE_BATCH = 512


@dataclass
class Corpus:
    chunks: list[Chunk]
    dense: np.ndarray  # (n, dim), unit length
    sparse: list[SparseVec]


@dataclass
class QueryVec:
    question: Question
    dense: np.ndarray
    sparse: SparseVec


@dataclass
class Collection:
    """What one size writes into each backend: identical for all of them."""

    chunks: list[Chunk]
    dense: np.ndarray
    sparse: list[SparseVec]
    replicas: int
    mean_cos_to_original: float | None


# The real chunks ------------------------------------------------------------------------


def ingest_corpus(settings: Settings, corpus: Path) -> tuple[RagService, dict]:
    service = RagService(settings)
    started = time.perf_counter()
    report = check_ingest(service.ingest([corpus]))
    service.optimize()  # what `rag ingest` does at the end of a run
    seconds = time.perf_counter() - started
    return service, {
        "files": len(report.results),
        "pages": report.pages,
        "images": report.images,
        "chunks": report.chunks,
        "seconds_incl_model_loading": round(seconds, 2),
    }


def scroll_corpus(store: EdgeStore) -> Corpus:
    """Every chunk point of the shard with its vectors and payload, in a stable order."""
    import qdrant_edge as q

    flt = q.Filter(must=[q.FieldCondition(key="record", match=q.MatchValue("chunk"))])
    records, offset = [], None
    while True:
        page, offset = store.shard.scroll(
            q.ScrollRequest(
                offset=offset, limit=WRITE_BATCH, filter=flt, with_payload=True, with_vector=True
            )
        )
        records.extend(page)
        if offset is None:
            break
    chunks = [Chunk.from_payload(r.payload) for r in records]
    order = sorted(range(len(chunks)), key=lambda i: (chunks[i].file, chunks[i].chunk_index))
    dense = np.asarray([records[i].vector["text"] for i in order], dtype=np.float32)
    sparse = [
        SparseVec(list(records[i].vector["bm25"].indices), list(records[i].vector["bm25"].values))
        for i in order
    ]
    return Corpus([chunks[i] for i in order], dense, sparse)


def make_collection(
    corpus: Corpus, size: int, sigma: float, seed: int, sparse_jitter: float
) -> Collection:
    """``size`` points: the real chunks first (replica 0, unchanged ids and vectors), then
    copies whose dense vectors get Gaussian noise (renormalised) and whose document id and
    content hash carry the replica number, so every copy has a fresh point id. A copy's BM25
    vector keeps its terms; its weights are multiplied by ``1 + sparse_jitter * N(0, 1)``
    (kept positive) so that copies do not tie exactly (0: copied as they are). The rest of the
    payload is copied as it is."""
    rng = np.random.default_rng(seed)
    n = len(corpus.chunks)
    chunks: list[Chunk] = []
    dense_parts: list[np.ndarray] = []
    sparse: list[SparseVec] = []
    cosines: list[float] = []
    replica = 0
    while len(chunks) < size:
        take = min(n, size - len(chunks))
        base = corpus.dense[:take]
        if replica == 0:
            chunks.extend(corpus.chunks[:take])
            dense_parts.append(base)
        else:
            noisy = base + rng.standard_normal(base.shape, dtype=np.float32) * sigma
            noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
            cosines.append(float(np.mean(np.sum(noisy * base, axis=1))))
            dense_parts.append(noisy.astype(np.float32))
            chunks.extend(
                replace(c, doc_id=f"{c.doc_id}-r{replica}", sha256=f"{c.sha256}-r{replica}")
                for c in corpus.chunks[:take]
            )
        if replica == 0 or sparse_jitter <= 0:
            sparse.extend(corpus.sparse[:take])
        else:
            for vec in corpus.sparse[:take]:
                values = np.asarray(vec.values, dtype=np.float64)
                factor = 1 + sparse_jitter * rng.standard_normal(len(values))
                jittered = values * np.clip(factor, 0.05, None)
                sparse.append(SparseVec(vec.indices, jittered.tolist()))
        replica += 1
    return Collection(
        chunks=chunks,
        dense=np.concatenate(dense_parts),
        sparse=sparse,
        replicas=replica,
        mean_cos_to_original=round(statistics.fmean(cosines), 4) if cosines else None,
    )


def write(store: VectorStore, col: Collection) -> float:
    started = time.perf_counter()
    for start in range(0, len(col.chunks), WRITE_BATCH):
        end = min(start + WRITE_BATCH, len(col.chunks))
        vectors = [PointVectors(text=col.dense[i], sparse=col.sparse[i]) for i in range(start, end)]
        store.upsert_chunks(col.chunks[start:end], vectors)
    if isinstance(store, EdgeStore):
        store.shard.flush()
    return time.perf_counter() - started


# Queries --------------------------------------------------------------------------------


def embed_questions(service: RagService, questions: list[Question]) -> tuple[list[QueryVec], dict]:
    bm25 = Bm25Encoder()
    embedder = service.embedder
    for question in questions[:3]:  # warm-up
        embedder.embed_query(question.question)
        bm25.query(question.question)
    out, ms = [], []
    for question in questions:
        started = time.perf_counter()
        dense = embedder.embed_query(question.question)
        sparse = bm25.query(question.question)
        ms.append((time.perf_counter() - started) * 1000)
        out.append(QueryVec(question, np.asarray(dense, dtype=np.float32), sparse))
    return out, latency_summary(ms)


def query(store: VectorStore, qv: QueryVec, settings: Settings) -> list[Evidence]:
    return store.hybrid_query(
        dense=qv.dense,
        sparse=qv.sparse,
        limit=settings.top_k,
        prefetch_limit=settings.prefetch_k,
        rrf_k=settings.rrf_k,
    )


def measure(
    store: VectorStore,
    queries: list[QueryVec],
    settings: Settings,
    repeats: int,
    budget_s: float,
) -> tuple[dict, dict[int, list[Evidence]]]:
    """``repeats`` rounds over the questions, after a warm-up. When the first query says that
    would take longer than ``budget_s``, fewer rounds, or one round over an evenly spaced
    subset of the questions (never fewer than 5 queries); the JSON says which."""
    started = time.perf_counter()
    query(store, queries[0], settings)
    first_ms = (time.perf_counter() - started) * 1000
    if first_ms < 1000:
        for qv in queries[1:3]:
            query(store, qv, settings)
    planned = len(queries) * repeats
    affordable = max(5, int(budget_s * 1000 // max(first_ms, 1e-3)))
    indices = list(range(len(queries)))
    rounds = repeats
    if affordable < planned:
        if affordable >= len(queries):
            rounds = affordable // len(queries)
        else:
            rounds = 1
            step = len(queries) / affordable
            indices = sorted({int(i * step) for i in range(affordable)})
    ms: list[float] = []
    results: dict[int, list[Evidence]] = {}
    for round_ in range(rounds):
        for i in indices:
            t0 = time.perf_counter()
            evidence = query(store, queries[i], settings)
            ms.append((time.perf_counter() - t0) * 1000)
            if round_ == 0:
                results[i] = evidence
    summary = latency_summary(ms)
    summary.update(
        {
            "questions_used": len(indices),
            "rounds": rounds,
            "subset": len(indices) < len(queries) or rounds < repeats,
            "recall@5": recall(queries, results),
        }
    )
    return summary, results


def recall(queries: list[QueryVec], results: dict[int, list[Evidence]]) -> float | None:
    """recall@5 as `rag eval` scores it (gold file, and page where the gold has one)."""
    scores = []
    for i, evidence in results.items():
        question = queries[i].question
        if question.answerable:
            refs = distinct([(e.chunk.file, e.chunk.page) for e in evidence])
            scores.append(recall_at_k(question.sources, refs, 5))
    return round(statistics.fmean(scores), 4) if scores else None


def overlap(
    a: dict[int, list[Evidence]], b: dict[int, list[Evidence]], *, sources: bool = False
) -> float | None:
    """Mean share of the top-k two measurements agree on (same questions only): point ids,
    or with ``sources`` the distinct (file, page) pairs, which copies of a chunk share."""

    def key(e: Evidence):
        return (e.chunk.file, e.chunk.page) if sources else e.chunk.id

    shares = []
    for i in a.keys() & b.keys():
        ids_a = {key(e) for e in a[i]}
        ids_b = {key(e) for e in b[i]}
        if ids_a or ids_b:
            shares.append(len(ids_a & ids_b) / max(len(ids_a), len(ids_b)))
    return round(statistics.fmean(shares), 4) if shares else None


def dense_ann_recall(store: EdgeStore, queries: list[QueryVec], k: int) -> float:
    """The dense prefetch alone, as the index answers it against an exact search of the same
    shard: the share of the exact top-k ids it returns (1.0 for a brute-force shard)."""
    import qdrant_edge as q

    flt = q.Filter(must=[q.FieldCondition(key="record", match=q.MatchValue("chunk"))])
    shares = []
    for qv in queries:
        ids = []
        for exact in (False, True):
            points = store.shard.query(
                q.QueryRequest(
                    limit=k,
                    query=q.Query.Nearest(qv.dense.tolist(), using="text"),
                    filter=flt,
                    params=q.SearchParams(exact=exact),
                )
            )
            ids.append({str(p.id) for p in points})
        shares.append(len(ids[0] & ids[1]) / max(1, len(ids[1])))
    return round(statistics.fmean(shares), 4)


def shard_info(store: EdgeStore) -> dict:
    info = store.shard.info()
    return {
        "segments": info.segments_count,
        "points": info.points_count,
        "indexed_vectors": info.indexed_vectors_count,
    }


# One size -------------------------------------------------------------------------------


def run_edge(col: Collection, workdir: Path, queries, settings, args, questions) -> dict:
    # Laid out as a data directory (DATA_DIR/qdrant/COLLECTION), so that `rag serve` can
    # answer from the same shard afterwards.
    data_dir = workdir / f"data-{len(col.chunks)}"
    path = data_dir / "qdrant" / settings.collection
    store = EdgeStore(path)
    api = None
    try:
        store.ensure_schema(col.dense.shape[1])
        build_s = write(store, col)
        before_info = shard_info(store)
        brute, brute_res = measure(store, queries, settings, args.repeats, args.query_budget_s)
        started = time.perf_counter()
        changed = store.shard.optimize()  # what EdgeStore.optimize() / `rag ingest` runs
        optimize_s = time.perf_counter() - started
        after_info = shard_info(store)
        hnsw, hnsw_res = measure(store, queries, settings, args.repeats, args.query_budget_s)
        ann = dense_ann_recall(store, queries, settings.prefetch_k)
        rss = rss_mb()
        store.close()  # the shard is the server's now
        if args.ask_repeats > 0 and questions:
            print(f"size {len(col.chunks)}: /api/ask through rag serve ...", flush=True)
            log = workdir / f"serve-{len(col.chunks)}.log"
            api = api_ask(data_dir, questions, args.ask_repeats, log)
    finally:
        store.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    return {
        "build_s": round(build_s, 2),
        "build_points_per_s": round(len(col.chunks) / build_s, 1),
        "rss_mb_after": rss,
        "before_optimize": {"shard": before_info, **brute},
        "optimize": {
            "seconds": round(optimize_s, 2),
            "changed_segments": bool(changed),
            "note": None
            if changed
            else "optimize() found nothing to do below the indexing threshold: the 'after' "
            "numbers are the same brute-force search",
        },
        "after_optimize": {
            "shard": after_info,
            **hnsw,
            "top5_ids_overlap_with_brute_force": overlap(hnsw_res, brute_res),
            "top5_sources_overlap_with_brute_force": overlap(hnsw_res, brute_res, sources=True),
            "dense_ann_recall_at_prefetch_k": ann,
        },
        # Full POST /api/ask answered from this shard (after optimize), as at the dev size.
        "api_ask": api,
        "_results": brute_res,
    }


def run_client(col: Collection, queries, settings, args, exact: dict) -> dict:
    store = ServerStore(":memory:", "bench")
    try:
        with warnings.catch_warnings():
            # qdrant-client warns that local mode is not meant for large collections.
            warnings.simplefilter("ignore")
            store.ensure_schema(col.dense.shape[1])
            build_s = write(store, col)
            summary, results = measure(store, queries, settings, args.repeats, args.query_budget_s)
        rss = rss_mb()
    finally:
        store.close()
    summary["top5_ids_overlap_with_edge_brute_force"] = overlap(results, exact)
    summary["top5_sources_overlap_with_edge_brute_force"] = overlap(results, exact, sources=True)
    return {
        "build_s": round(build_s, 2),
        "build_points_per_s": round(len(col.chunks) / build_s, 1),
        "rss_mb_after": rss,
        "query": summary,
    }


# /api/ask -------------------------------------------------------------------------------


def post(url: str, question: str, timeout: float = 120) -> dict:
    body = json.dumps({"question": question}).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def api_ask(data_dir: Path, questions: list[Question], repeats: int, log_path: Path) -> dict:
    """``rag serve`` in a subprocess on the ingested data directory; POST every question."""
    # serve() turns the rate limit off: 84 questions in a row from one address would pass the
    # default 60/minute.
    with serve(data_dir, log_path) as served:
        url = served.base + "/api/ask"
        warm = time.perf_counter()
        for question in questions[:3]:  # loads the models in the server: not timed
            post(url, question.question)
        warmup_s = time.perf_counter() - warm
        client_ms, server_ms = [], []
        parts: dict[str, list[float]] = {}
        for _ in range(repeats):
            for question in questions:
                t0 = time.perf_counter()
                answer = post(url, question.question)
                client_ms.append((time.perf_counter() - t0) * 1000)
                timings = answer.get("timings_ms", {})
                server_ms.append(float(timings.get("total", 0.0)))
                for key, value in timings.items():
                    parts.setdefault(key, []).append(float(value))
    client = latency_summary(client_ms)
    server = latency_summary(server_ms)
    # The first pass: only what earlier questions left in the sentence cache helps.
    first_pass = latency_summary(client_ms[: len(questions)])
    return {
        "how": "rag serve (create_app under waitress) in a subprocess on 127.0.0.1; one "
        "urllib POST per question, new connection each, timed in the client",
        "questions": len(questions),
        "repeats": repeats,
        "server_ready_s": round(served.ready_s, 2),
        "warmup_s": round(warmup_s, 2),
        "client": client,
        "client_first_pass": first_pass,
        "server_total": server,
        "server_parts_p50_ms": p50_each(parts),
        "http_overhead_p50_ms": round(client["p50_ms"] - server["p50_ms"], 2),
    }


# Main -----------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[str | int]:
    sizes: list[str | int] = []
    for part in text.split(","):
        part = part.strip().lower()
        if part == "dev":
            sizes.append("dev")
        elif part:
            sizes.append(int(part.replace("_", "").replace("k", "000")))
    return sizes


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--questions", type=Path, default=default_questions())
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="an already ingested data directory to read the chunks from, instead of "
        "ingesting --corpus into a temporary one (must not be open in another process)",
    )
    parser.add_argument("--sizes", default="dev,10000,100000", help="'dev' or point counts")
    parser.add_argument("--repeats", type=int, default=3, help="rounds over the questions")
    parser.add_argument("--sigma", type=float, default=0.02, help="noise per dimension")
    parser.add_argument(
        "--sparse-jitter",
        type=float,
        default=0.05,
        help="relative noise on a copy's BM25 weights, so copies do not tie (0: exact copies)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--query-budget-s",
        type=float,
        default=60.0,
        help="time for one latency measurement; slower backends get fewer queries",
    )
    parser.add_argument(
        "--client-build-budget-s",
        type=float,
        default=300.0,
        help="skip qdrant-client local mode at a size whose build, extrapolated from the "
        "size before, would take longer",
    )
    parser.add_argument("--ask-repeats", type=int, default=2, help="0: skip /api/ask")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if args.questions is None or not args.questions.is_file():
        raise SystemExit("need the dev questions (--questions)")
    if args.data_dir is None and (args.corpus is None or not args.corpus.is_dir()):
        raise SystemExit("need the dev corpus (--corpus) or an ingested --data-dir")
    sizes = parse_sizes(args.sizes)
    load_start = os.getloadavg()
    run_started = time.perf_counter()
    base = load_bench_settings()
    questions = load_questions(args.questions)

    with tempfile.TemporaryDirectory(prefix="rag-bench-scale-") as tmp:
        workdir = Path(tmp)
        if args.data_dir is not None:
            settings = base.model_copy(update={"data_dir": args.data_dir})
            service = RagService(settings)
            ingest_info = {"data_dir": str(args.data_dir), "ingested_here": False}
        else:
            settings = base.model_copy(update={"data_dir": workdir / "dev-index"})
            print(f"ingesting {args.corpus} once ...", flush=True)
            service, ingest_info = ingest_corpus(settings, args.corpus)
        if not settings.uses_embedded_store:
            raise SystemExit("the chunks are read from the embedded store: unset RAG_QDRANT_URL")
        corpus = scroll_corpus(service.store)  # type: ignore[arg-type]
        print(f"{len(corpus.chunks)} chunks; embedding {len(questions)} questions ...", flush=True)
        queries, embed_ms = embed_questions(service, questions)
        service.close()  # the shard is the server's now

        api = None
        if args.ask_repeats > 0:
            print(f"/api/ask: {len(questions)} questions x {args.ask_repeats} ...", flush=True)
            api = api_ask(settings.data_dir, questions, args.ask_repeats, workdir / "serve.log")

        results = []
        client_rate = None  # points/s of the last qdrant-client build, to extrapolate
        for size in sizes:
            n = len(corpus.chunks) if size == "dev" else int(size)
            col = make_collection(corpus, n, args.sigma, args.seed, args.sparse_jitter)
            print(f"size {n}: Qdrant Edge ...", flush=True)
            # At the dev size the /api/ask above already answered from the real index.
            edge = run_edge(
                col, workdir, queries, settings, args, questions if size != "dev" else None
            )
            exact = edge.pop("_results")
            entry = {
                "size": n,
                "label": "dev" if size == "dev" else str(n),
                "replicas": col.replicas,
                "mean_cos_to_original": col.mean_cos_to_original,
                "edge": edge,
            }
            predicted = n / client_rate if client_rate else None
            if predicted is not None and predicted > args.client_build_budget_s:
                entry["qdrant_client_memory"] = {
                    "skipped": f"its build was predicted at {predicted:.0f} s from the size "
                    f"before, over --client-build-budget-s {args.client_build_budget_s:.0f}",
                }
            else:
                print(f"size {n}: qdrant-client :memory: ...", flush=True)
                client = run_client(col, queries, settings, args, exact)
                client_rate = client["build_points_per_s"]
                entry["qdrant_client_memory"] = client
            results.append(entry)
            del col

    result = {
        **run_header("query_scale", base, load_start),
        "method": {
            "collections": "the dev corpus's real chunks (dense MiniLM, BM25, payload) as replica "
            "0, then copies with N(0, sigma^2) noise on each dense dimension, renormalised, and "
            "fresh point ids (doc_id and sha256 carry the replica); a copy's BM25 vector keeps "
            "its terms, its weights times 1 + sparse_jitter * N(0, 1)",
            "sigma": args.sigma,
            "sparse_jitter": args.sparse_jitter,
            "seed": args.seed,
            "query": "store.hybrid_query(dense, bm25, limit=top_k, prefetch_limit=prefetch_k, "
            "rrf_k=rrf_k), the question vectors computed once beforehand",
            "repeats": args.repeats,
            "query_budget_s": args.query_budget_s,
        },
        "corpus_ingest": ingest_info,
        "questions": len(questions),
        "query_embedding": embed_ms,
        "api_ask_dev": api,
        "sizes": results,
        "total_s": round(time.perf_counter() - run_started, 1),
    }
    result["machine"]["load_avg_end"] = load_avg()
    result["machine"]["peak_rss_mb"] = ru_maxrss_mb()
    write_json(args.out, result)
    print()
    print_report(result)
    print(f"\nwrote {args.out}")
    return 0


def _ms(d: dict | None) -> tuple[str, str]:
    if not d:
        return "-", "-"
    return f"{d['p50_ms']:.1f}", f"{d['p95_ms']:.1f}"


def print_report(result: dict) -> None:
    header = [
        "size / store",
        "build s",
        "p50 ms",
        "p95 ms",
        "n",
        "recall@5",
        "top5 sources",
        "dense ANN",
    ]
    rows = []
    for entry in result["sizes"]:
        edge = entry["edge"]
        before, after = edge["before_optimize"], edge["after_optimize"]
        label = f"{entry['label']} ({entry['size']} pts)"
        rows.append(
            [
                f"{label} Edge brute force",
                f"{edge['build_s']:.1f}",
                *_ms(before),
                str(before["n"]),
                f"{before['recall@5']}",
                "(ref)",
                "",
            ]
        )
        kind = "HNSW" if edge["optimize"]["changed_segments"] else "unchanged"
        rows.append(
            [
                f"{label} Edge optimize ({kind})",
                f"{edge['optimize']['seconds']:.1f}",
                "",
                "",
                "",
                "",
                "",
                "",
            ]
        )
        rows.append(
            [
                f"{label} Edge after optimize",
                "",
                *_ms(after),
                str(after["n"]),
                f"{after['recall@5']}",
                f"{after['top5_sources_overlap_with_brute_force']}",
                f"{after['dense_ann_recall_at_prefetch_k']}",
            ]
        )
        client = entry["qdrant_client_memory"]
        if "skipped" in client:
            rows.append([f"{label} qdrant-client :memory:", "skipped", "", "", "", "", "", ""])
        else:
            qd = client["query"]
            rows.append(
                [
                    f"{label} qdrant-client :memory:",
                    f"{client['build_s']:.1f}",
                    *_ms(qd),
                    f"{qd['n']}{'*' if qd['subset'] else ''}",
                    f"{qd['recall@5']}",
                    f"{qd['top5_sources_overlap_with_edge_brute_force']}",
                    "exact",
                ]
            )
            edge_p50 = after["p50_ms"]
            rows.append(
                [
                    f"{label} client/Edge p50 ratio",
                    "",
                    f"{ratio(qd['p50_ms'], edge_p50, 1)}x",
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )
    print_table(header, rows)
    print("  * fewer queries than planned: the JSON says which (query_budget_s)")
    info = [
        (
            "query embedding (MiniLM + BM25)",
            "p50 {} / p95 {} ms".format(*_ms(result["query_embedding"])),
        ),
    ]
    api = result.get("api_ask_dev")
    if api:
        info.append(
            (
                f"POST /api/ask at dev size ({api['questions']} x {api['repeats']})",
                "client p50 {} / p95 {} ms".format(*_ms(api["client"]))
                + " (first pass {} / {})".format(*_ms(api["client_first_pass"]))
                + ", server-side total p50 {} / p95 {} ms".format(*_ms(api["server_total"])),
            )
        )
    for entry in result["sizes"]:
        scaled = entry["edge"].get("api_ask")
        if scaled:
            info.append(
                (
                    f"POST /api/ask at {entry['size']} points ({scaled['questions']} x "
                    f"{scaled['repeats']})",
                    "client p50 {} / p95 {} ms".format(*_ms(scaled["client"]))
                    + " (first pass {} / {})".format(*_ms(scaled["client_first_pass"]))
                    + ", server-side search p50 {} ms".format(
                        scaled["server_parts_p50_ms"].get("search", "-")
                    ),
                )
            )
    m = result["machine"]
    info.append(
        ("machine", f"{m['cpu_count']} CPUs, load {m['load_avg_start']} -> {m['load_avg_end']}")
    )
    info.append(("total", f"{result['total_s']:.0f} s, peak RSS {m['peak_rss_mb']:.0f} MB"))
    print()
    print_rows(info)


if __name__ == "__main__":
    sys.exit(main())
