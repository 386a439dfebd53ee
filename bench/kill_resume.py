"""Same corpus, same rankings: two clean ingests, and one killed at random moments and resumed.

    .venv/bin/python bench/kill_resume.py [--corpus DIR] [--questions FILE] [--kills 5]
        [--seed 0] [--out bench/results/kill_resume.json]

Ingests the corpus twice into fresh data directories (A and B), then a third time (C) with
``rag ingest`` killed by SIGKILL at ``--kills`` random moments, each run resuming what the
last left, until one finishes. Every question is then retrieved from each index (top 10) and
the chunk ids and scores are compared with A's: the figures are the questions whose rankings
differ (expected: none), and the documents each index lists.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, Path(__file__).resolve().parent):
    if str(path) not in sys.path:  # run as a script from a checkout
        sys.path.insert(0, str(path))

from benchlib import (  # noqa: E402
    RESULTS,
    default_corpus,
    default_questions,
    question_texts,
)

RAG = [sys.executable, "-m", "rag"]


def ingest(data: Path, corpus: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [*RAG, "ingest", "--no-progress", str(corpus)],
        env=os.environ | {"RAG_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:  # say why, not only that it failed
        sys.exit(
            f"rag ingest exited {done.returncode}:\n{done.stdout[-2000:]}{done.stderr[-4000:]}"
        )
    return time.perf_counter() - started


def killed_ingest(data: Path, corpus: Path, kills: int, clean_s: float, rng: random.Random):
    """Kill ``rag ingest`` ``kills`` times at random moments, resuming each time, then let one
    run finish. Each moment falls within what is left of the work (a resumed run skips what is
    in already), estimated from a clean run's duration; a run that finishes first is retried,
    up to three times ``kills`` runs in all. Returns the moments of the kills."""
    moments: list[float] = []
    left = clean_s
    for _ in range(3 * kills):
        if len(moments) == kills:
            break
        process = subprocess.Popen(
            [*RAG, "ingest", "--no-progress", str(corpus)],
            env=os.environ | {"RAG_DATA_DIR": str(data)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        moment = rng.uniform(0.2, 0.8) * max(left, 5.0)
        try:
            process.wait(timeout=moment)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            moments.append(round(moment, 1))
            left -= moment / 2  # part of a run is starting up, not ingesting
        else:
            left = moment  # it finished sooner: what is left is shorter than thought
    ingest(data, corpus)
    return moments


def rankings(data: Path, questions: list[str]) -> tuple[dict, list[str]]:
    from rag.service import RagService
    from rag.settings import load_settings

    with RagService(load_settings(data_dir=data)) as service:
        ranked = {
            q: [(e.chunk.id, round(e.score, 9)) for e in service.index.search(q, top_k=10)]
            for q in questions
        }
        documents = sorted(f"{d.doc_id} {d.sha256} {d.chunks}" for d in service.documents())
    return ranked, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--questions", type=Path, default=default_questions())
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=RESULTS / "kill_resume.json")
    args = parser.parse_args()
    if args.corpus is None or args.questions is None:
        sys.exit("no corpus or questions: give --corpus and --questions")
    questions = question_texts(args.questions)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="rag-kill-resume-") as tmp:
        a, b, c = (Path(tmp) / name for name in "abc")
        clean_s = ingest(a, args.corpus)
        ingest(b, args.corpus)
        moments = killed_ingest(c, args.corpus, args.kills, clean_s, rng)
        base, base_docs = rankings(a, questions)
        result = {"corpus": str(args.corpus), "questions": len(questions), "kills": moments}
        for name, data in (("clean_again", b), ("killed_and_resumed", c)):
            ranked, docs = rankings(data, questions)
            result[name] = {
                "rankings_differ": sum(ranked[q] != base[q] for q in questions),
                "ids_differ": sum(
                    [i for i, _ in ranked[q]] != [i for i, _ in base[q]] for q in questions
                ),
                "same_documents": docs == base_docs,
            }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    print(f"written to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
