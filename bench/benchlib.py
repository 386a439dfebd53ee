"""Helpers shared by the benchmark scripts in bench/ (not a test, not part of the package).

The scripts put the checkout on ``sys.path`` themselves; this module only needs the standard
library and numpy at import time (the product and torch are imported where they are used).
"""

from __future__ import annotations

import json
import os
import platform
import resource
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
WARMUP_IMAGE = ROOT / "samples" / "corpus" / "xfig-print-panel.png"


def dev_set() -> Path | None:
    """The shared development set: shared/ in the checkout or beside it (as in CI)."""
    for base in (ROOT / "shared", ROOT.parent / "shared"):
        dev = base / "eval" / "dev"
        if dev.is_dir():
            return dev
    return None


def default_corpus() -> Path | None:
    dev = dev_set()
    return dev / "corpus" if dev and (dev / "corpus").is_dir() else None


def default_questions() -> Path | None:
    dev = dev_set()
    return dev / "questions.jsonl" if dev and (dev / "questions.jsonl").is_file() else None


def question_texts(path: Path) -> list[str]:
    """The ``question`` of every line of a JSON-lines question file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


# Statistics -------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=float), q))


def latency_summary(ms: Sequence[float]) -> dict:
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "mean_ms": round(statistics.fmean(ms), 2),
        "min_ms": round(min(ms), 2),
        "max_ms": round(max(ms), 2),
    }


def p50_each(samples: Mapping[str, Sequence[float]]) -> dict[str, float]:
    """The median of each series, e.g. of each stage an answer reports in ``timings_ms``."""
    return {key: round(percentile(values, 50), 2) for key, values in samples.items()}


def ratio(a: float | None, b: float | None, digits: int = 3) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return round(a / b, digits)


# Memory -----------------------------------------------------------------------------------


def _status_kb(field: str) -> int | None:
    """A field of /proc/self/status in kB (Linux), or None."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def rss_mb() -> float | None:
    kb = _status_kb("VmRSS")
    return round(kb / 1024, 1) if kb is not None else None


def reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) of this process; False where it cannot."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_rss_mb() -> float | None:
    """Peak resident memory since the last ``reset_peak_rss`` (VmHWM), or None."""
    kb = _status_kb("VmHWM")
    return round(kb / 1024, 1) if kb is not None else None


def ru_maxrss_mb() -> float:
    """Peak resident memory of the whole process so far (getrusage; kB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


# Machine and settings ---------------------------------------------------------------------


def load_bench_settings():
    """The settings ``rag`` would use (``RAG_*``, ``rag.toml``), with torch on their threads."""
    import torch

    from rag.settings import load_settings

    settings = load_settings()
    torch.set_num_threads(settings.torch_threads)
    return settings


def load_avg() -> list[float]:
    """The 1, 5 and 15-minute load averages: other work on the machine skews every number."""
    return [round(x, 2) for x in os.getloadavg()]


def machine_info(settings, load_start: Sequence[float]) -> dict:
    import torch

    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        usable = os.cpu_count()
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "processor": platform.processor() or platform.machine(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "torch_threads_setting": settings.torch_threads,
        "torch_threads_in_use": torch.get_num_threads(),
        "ocr_threads": settings.ocr_threads,
        "load_avg_start": [round(x, 2) for x in load_start],
    }


SETTINGS_FIELDS = (
    "embedder",
    "embedding_model",
    "embed_batch_size",
    "chunk_size",
    "chunk_overlap",
    "top_k",
    "prefetch_k",
    "rrf_k",
    "generator",
    "sentence_cache",
)


def settings_info(settings, fields: Sequence[str] = SETTINGS_FIELDS) -> dict:
    return {name: getattr(settings, name) for name in fields}


def run_header(
    benchmark: str, settings, load_start: Sequence[float], fields: Sequence[str] = SETTINGS_FIELDS
) -> dict:
    """The first keys of every result: which benchmark, when, on what machine, with what."""
    return {
        "benchmark": benchmark,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_info(settings, load_start),
        "settings": settings_info(settings, fields),
    }


# Ingest -------------------------------------------------------------------------------------


def check_ingest(report, what: str = "ingest"):
    """The ingest report, or exit with every file that failed: a benchmark of a broken ingest
    measures nothing."""
    if report.failed:
        problems = "; ".join(f"{r.path}: {r.reason}" for r in report.results if r.reason)
        raise SystemExit(f"{what} failed: {problems}")
    return report


class FileTimer:
    """``on_result`` for one ingest: each file's time is the gap since the previous file
    finished (the pipeline works on one file at a time). The clock starts at creation."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self._finished: list[tuple[float, object]] = []

    def __call__(self, result) -> None:
        self._finished.append((time.perf_counter(), result))

    def gaps(self) -> list[tuple[object, float]]:
        """(file result, seconds) for every file, in the order they finished."""
        out, last = [], self.started
        for at, result in self._finished:
            out.append((result, at - last))
            last = at
        return out


WARMUP_NOTE = "# Warm-up\n\nA short note so that the embedding model loads before timing.\n"


class Workbench:
    """Services that share one set of loaded models, each on a fresh, empty data directory
    under ``workdir``: the timings of a run never include loading a model."""

    def __init__(self, base, workdir: Path) -> None:
        from rag.embedders import create_embedder

        self.base = base
        self.workdir = workdir
        self.embedder = create_embedder(base)
        self.describer = None  # the OCR and labeler, shared once ``warm_up`` has loaded them
        self._dirs = 0

    def settings(self, name: str):
        """The base settings with a new data directory (numbered, so names may repeat)."""
        self._dirs += 1
        data_dir = self.workdir / f"{self._dirs:02d}-{name}"
        return self.base.model_copy(update={"data_dir": data_dir})

    def service(self, settings, embedder=None):
        from rag.service import RagService

        return RagService(settings, embedder=embedder or self.embedder, describer=self.describer)

    def warm_up(self) -> float:
        """Load every model (embedder, OCR, labeler) on a tiny input; returns the seconds."""
        started = time.perf_counter()
        tiny = self.workdir / "warmup-input"
        tiny.mkdir()
        (tiny / "note.md").write_text(WARMUP_NOTE)
        paths = [tiny / "note.md"] + ([WARMUP_IMAGE] if WARMUP_IMAGE.is_file() else [])
        with self.service(self.settings("warmup")) as service:
            check_ingest(service.ingest(paths), "warm-up ingest")
            self.describer = service.describer()
        self.embedder.embed(["warm-up"] * self.embedder.batch_size)
        return time.perf_counter() - started


# rag serve ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    base: str  # http://127.0.0.1:PORT
    ready_s: float  # from the start of the process to the first good answer of ``ready``


@contextmanager
def serve(
    data_dir: Path,
    log_path: Path,
    *,
    threads: int | None = None,
    ready: str = "/healthz",
    within_s: float = 120.0,
) -> Iterator[Served]:
    """``rag serve`` in a subprocess on 127.0.0.1 over ``data_dir``, its output in ``log_path``;
    yields once ``ready`` answers 200 (``/readyz`` also loads the models) and stops it after.

    The rate limit is off (``RAG_RATE_LIMIT=``): a benchmark's many questions from one address
    measure the server's capacity, not the limiter's.
    """
    port = free_port()
    env = dict(
        os.environ, RAG_DATA_DIR=str(data_dir), RAG_RATE_LIMIT="", TOKENIZERS_PARALLELISM="false"
    )
    cmd = [sys.executable, "-m", "rag.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    if threads is not None:
        cmd += ["--threads", str(threads)]
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            ready_s = _wait_ready(proc, base + ready, within_s, log_path)
            yield Served(base, ready_s)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_ready(proc: subprocess.Popen, url: str, within_s: float, log_path: Path) -> float:
    started = time.perf_counter()
    while (waited := time.perf_counter() - started) < within_s:
        if proc.poll() is not None:
            raise SystemExit(f"rag serve exited with {proc.returncode}: see {log_path}")
        try:
            with urllib.request.urlopen(url, timeout=max(1.0, within_s - waited)) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:  # not listening yet, or 503 while it loads
            pass
        time.sleep(0.25)
    raise SystemExit(f"rag serve did not answer {url} within {within_s:g} s: see {log_path}")


# Output -----------------------------------------------------------------------------------


def print_rows(rows: Sequence[tuple[str, str]]) -> None:
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A plain fixed-width table (first column left-aligned, the others right-aligned)."""
    cols = [header, *rows]
    widths = [max(len(str(r[i])) for r in cols) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        cells = [
            f"{row[i]!s:<{widths[i]}}" if i == 0 else f"{row[i]!s:>{widths[i]}}"
            for i in range(len(row))
        ]
        return "  " + "  ".join(cells)

    print(line(header))
    print("  " + "  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def write_json(path: Path, result: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n")
