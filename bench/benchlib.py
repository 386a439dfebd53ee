"""Helpers shared by the benchmark scripts in bench/ (not a test, not part of the package).

The scripts put the checkout on ``sys.path`` themselves; this module only needs the standard
library and numpy at import time.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
WARMUP_IMAGE = ROOT / "samples" / "xfig-print-panel.png"


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


# Machine ----------------------------------------------------------------------------------


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


def settings_info(settings) -> dict:
    return {
        "embedder": settings.embedder,
        "embedding_model": settings.embedding_model,
        "embed_batch_size": settings.embed_batch_size,
        "chunk_size": settings.chunk_size,
        "chunk_overlap": settings.chunk_overlap,
        "top_k": settings.top_k,
        "prefetch_k": settings.prefetch_k,
        "rrf_k": settings.rrf_k,
        "generator": settings.generator,
        "sentence_cache": settings.sentence_cache,
    }


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
