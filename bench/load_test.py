"""Load test of ``POST /api/ask`` on 127.0.0.1 (a benchmark, not a test).

    .venv/bin/python bench/load_test.py [--clients 8] [--seconds 60] [--data-dir DIR]
                                        [--upload PDF] [--out bench/results/load.json]

``rag serve`` runs in a subprocess on a data directory that already holds the dev corpus
(``--data-dir``; without it the corpus is ingested into a temporary one first). ``--clients``
threads, each with its own keep-alive connection, ask the dev questions in turn for
``--seconds``; then the same again for as long as ``--upload`` (a PDF, renamed so it is new
to the index; default samples/corpus/xfig-howto.pdf, which the dev corpus does not hold)
takes to upload and ingest through ``POST /api/documents``. The server's log is kept beside
the JSON (``load.serve.log``). Rate limiting is turned off
for the run (``RAG_RATE_LIMIT=``): the point is the server's capacity, not the limiter's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, Path(__file__).resolve().parent):
    if str(path) not in sys.path:  # run as a script from a checkout
        sys.path.insert(0, str(path))

import httpx  # noqa: E402
from benchlib import (  # noqa: E402
    RESULTS,
    default_corpus,
    default_questions,
    latency_summary,
    print_table,
    question_texts,
    serve,
    write_json,
)

DEFAULT_OUT = RESULTS / "load.json"


def load(base: str, questions: list[str], clients: int, keep_going: Callable[[], bool]) -> dict:
    """``clients`` threads ask in turn while ``keep_going()`` says so."""
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def client(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            i = offset
            while keep_going():
                question = questions[i % len(questions)]
                i += clients
                started = time.perf_counter()
                try:
                    response = http.post("/api/ask", json={"question": question})
                    code = str(response.status_code)
                except httpx.HTTPError as exc:
                    code, response = type(exc).__name__, None
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    statuses[code] = statuses.get(code, 0) + 1
                    if response is not None and response.status_code == 200:
                        latencies.append(elapsed)
                    elif len(errors) < 5:
                        errors.append(code if response is None else response.text[:200])

    began = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    ok = len(latencies)
    return {
        "clients": clients,
        "seconds": round(wall, 1),
        "requests_ok": ok,
        "errors": sum(v for k, v in statuses.items() if k != "200"),
        "statuses": statuses,
        "error_samples": errors,
        "requests_per_s": round(ok / wall, 2),
        "latency": latency_summary(latencies) if latencies else None,
    }


def upload(base: str, pdf: Path, result: dict) -> None:
    # A new name; the content must be new to the index too, or it is only a duplicate.
    name = f"load-test-{int(time.time())}-{pdf.name}"
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=600) as http:
        response = http.post("/api/documents", files={"files": (name, pdf.read_bytes())})
    result["upload_s"] = round(time.perf_counter() - started, 2)
    result["upload_status"] = response.status_code
    result["upload_result"] = response.json().get("results")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--threads", type=int, default=8, help="server request threads")
    parser.add_argument("--data-dir", type=Path, help="a data directory with the corpus ingested")
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--questions", type=Path, default=default_questions())
    parser.add_argument(
        "--upload",
        type=Path,
        # Not in the dev corpus: the upload must really be ingested, not found a duplicate.
        default=ROOT / "samples" / "corpus" / "xfig-howto.pdf",
        help="PDF uploaded during the second phase",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if args.questions is None:
        raise SystemExit("no question file: pass --questions (the dev set's questions.jsonl)")
    questions = question_texts(args.questions)

    scratch = Path(tempfile.mkdtemp(prefix="rag-load-"))
    data_dir = args.data_dir
    if data_dir is None:
        if args.corpus is None:
            raise SystemExit("pass --data-dir (an ingested data directory) or --corpus")
        data_dir = scratch / "data"
        print(f"Ingesting {args.corpus} into {data_dir} ...", flush=True)
        env = dict(os.environ, RAG_DATA_DIR=str(data_dir))
        subprocess.run(
            [sys.executable, "-m", "rag.cli", "ingest", str(args.corpus)],
            env=env,
            check=True,
            cwd=ROOT,
        )
    # The server's log outlives the run: an error in the table can be looked up there.
    serve_log = args.out.with_suffix(".serve.log")
    serve_log.parent.mkdir(parents=True, exist_ok=True)
    try:
        # /readyz loads the models: the load starts on a warm server.
        with serve(
            data_dir, serve_log, threads=args.threads, ready="/readyz", within_s=180
        ) as server:
            base = server.base
            print(
                f"{args.clients} clients for {args.seconds:g} s on {base}/api/ask ...", flush=True
            )
            stop = time.monotonic() + args.seconds
            quiet = load(base, questions, args.clients, lambda: time.monotonic() < stop)
            # Only the requests made while the upload is being ingested count here.
            print(f"... and again while {args.upload.name} is uploaded and ingested", flush=True)
            busy: dict = {}
            uploader = threading.Thread(target=upload, args=(base, args.upload, busy))
            uploader.start()
            busy |= load(base, questions, args.clients, uploader.is_alive)
            uploader.join()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    from rag.settings import load_settings

    # What the server ran with (it inherits this environment): answers from cached sentence
    # vectors are many times cheaper, so a run says which it measured.
    served = load_settings()
    result = {
        "benchmark": "load",
        "server": {"threads": args.threads, "sentence_cache": served.sentence_cache},
        "quiet": quiet,
        "during_upload": busy,
    }
    write_json(args.out, result)
    rows = []
    for name, phase in (("quiet", quiet), ("during upload", busy)):
        if phase and phase.get("latency"):
            lat = phase["latency"]
            rows.append(
                [
                    name,
                    phase["requests_ok"],
                    phase["requests_per_s"],
                    lat["p50_ms"],
                    lat["p95_ms"],
                    phase["errors"],
                ]
            )
    print_table(["phase", "ok", "req/s", "p50 ms", "p95 ms", "errors"], rows)
    print(f"  upload: HTTP {busy.get('upload_status')} in {busy.get('upload_s')} s")
    print(f"JSON: {args.out}\nserver log: {serve_log}")


if __name__ == "__main__":
    main()
