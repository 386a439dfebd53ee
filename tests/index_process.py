"""A second process on an index, for the tests of ownership and crashes (run as a script).

    python tests/index_process.py hold DATA_DIR     holds the index; reads commands on stdin
    python tests/index_process.py ingest DATA_DIR CRASH_POINT[@N] PATH...
                                                    ingests with the fakes; os._exit(CRASHED)
                                                    the N-th time CRASH_POINT (see rag.faults)
                                                    is reached ('' for no crash)
    python tests/index_process.py cli ARGS...       the ``rag`` command, with RAG_EMBEDDER=fake,
                                                    RAG_INGEST_DELAY_S (a slow embedder) and
                                                    RAG_START_BARRIER (a folder to meet in)

``hold`` answers each line on stdin: ``add NAME TEXT`` and ``delete NAME`` change the index and
print ``ok``, ``list`` prints the document names, ``quit`` closes the index and exits; an error
prints ``error: ...``. It prints ``ready PID`` once it holds the index.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from conftest import FakeEmbedder, FakeLabeler, FakeOcr  # noqa: E402

from ingest.vision.describe import ImageDescriber  # noqa: E402
from rag import faults  # noqa: E402
from rag.embedders import EMBEDDERS  # noqa: E402
from rag.index import Index  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.types import Chunk, DocumentRecord  # noqa: E402

CRASHED = 86  # the exit status of an injected crash


class SlowFakeEmbedder(FakeEmbedder):
    """The fake, taking its time: two ingests started together overlap."""

    def __init__(self, delay_s: float) -> None:
        super().__init__()
        self.delay_s = delay_s

    def embed_batch(self, items):
        time.sleep(self.delay_s)
        return super().embed_batch(items)


def settings_for(data_dir: str) -> Settings:
    return Settings(data_dir=Path(data_dir), torch_threads=1)


def record_of(name: str, text: str) -> tuple[DocumentRecord, list[Chunk]]:
    sha = hashlib.sha256(f"{name}\n{text}".encode()).hexdigest()
    chunk = Chunk(name, f"{name}.md", sha, 0, text, end=len(text))
    record = DocumentRecord(
        doc_id=name,
        file=f"{name}.md",
        path=f"/docs/{name}.md",
        sha256=sha,
        kind="text",
        pages=0,
        chunks=1,
        images=0,
        bytes=len(text),
        ingested_at="2024-01-01T00:00:00+00:00",
    )
    return record, [chunk]


def hold(data_dir: str) -> None:
    index = Index(settings_for(data_dir), embedder=FakeEmbedder())
    index.count()  # takes the index, as `rag serve` does at start
    print(f"ready {os.getpid()}", flush=True)
    for line in sys.stdin:
        command, _, rest = line.strip().partition(" ")
        try:
            if command == "add":
                name, _, text = rest.partition(" ")
                record, chunks = record_of(name, text)
                index.add(record, chunks, index.vectorise([text]))
                print("ok", flush=True)
            elif command == "delete":
                record = index.find(rest)
                if record is None:
                    raise LookupError(f"no document {rest}")
                index.forget(record)
                print("ok", flush=True)
            elif command == "list":
                print(" ".join(d.doc_id for d in index.documents()) or "-", flush=True)
            elif command == "quit":
                break
        except Exception as exc:  # reported to the test, which fails on it
            print(f"error: {type(exc).__name__}: {exc}", flush=True)
    index.close()
    print("closed", flush=True)


def ingest(data_dir: str, crash_point: str, paths: list[str]) -> None:
    if crash_point:
        # POINT or POINT@N: die the N-th time the point is reached (the N-th file written).
        name, _, nth = crash_point.partition("@")
        reached = {"times": 0}

        def crash(point: str) -> None:
            if point == name:
                reached["times"] += 1
                if reached["times"] == int(nth or 1):
                    os._exit(CRASHED)

        faults.set_hook(crash)
    service = RagService(
        settings_for(data_dir),
        embedder=FakeEmbedder(),
        describer=ImageDescriber(FakeOcr(), FakeLabeler()),
    )
    with service:
        report = service.ingest([Path(p) for p in paths])
    print(report.summary(), flush=True)


def wait_at_barrier(folder: Path) -> None:
    """Say this process is ready, then wait for ``go``: racers start their commands together."""
    (folder / f"ready-{os.getpid()}").touch()
    while not (folder / "go").exists():
        time.sleep(0.005)


def cli(args: list[str]) -> None:
    # Test knobs, not settings of the product: taken out before the settings are read.
    delay = float(os.environ.pop("RAG_INGEST_DELAY_S", "0") or 0)
    barrier = os.environ.pop("RAG_START_BARRIER", "")
    EMBEDDERS["fake"] = lambda settings: SlowFakeEmbedder(delay) if delay else FakeEmbedder()
    from rag.cli import main

    if barrier:
        wait_at_barrier(Path(barrier))
    main(args, prog_name="rag")


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    if mode == "hold":
        hold(rest[0])
    elif mode == "ingest":
        ingest(rest[0], rest[1], rest[2:])
    elif mode == "cli":
        cli(rest)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
