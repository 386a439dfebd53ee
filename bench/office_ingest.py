"""Ingest time of office and e-book files next to PDFs, per page, slide, sheet or section
(a benchmark, not a test).

    .venv/bin/python bench/office_ingest.py [FILE ...] [--repeats 3]
                                            [--out bench/results/office_ingest.json]

Each file is ingested alone into a fresh data directory by the full pipeline (load, chunk,
describe pictures, embed, store), ``--repeats`` times; the median is reported with the loader's
own share (the file parsed into text segments and pictures, nothing described or embedded).
A file's unit is what its citations name: a PDF page, a slide, a sheet, an e-book section; a
.docx, .odt or .csv has no pages and counts as one. Models are loaded and warmed up first.

The default files are the validation set's office and e-book files and two of its PDFs (one
with tables and drawings, one of plain text), so the formats are compared on real documents.
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

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, Path(__file__).resolve().parent):
    if str(path) not in sys.path:  # run as a script from a checkout
        sys.path.insert(0, str(path))

from benchlib import (  # noqa: E402
    RESULTS,
    Workbench,
    check_ingest,
    load_avg,
    load_bench_settings,
    print_table,
    run_header,
    write_json,
)

VALIDATION = ROOT / "eval" / "validation" / "corpus"
DEFAULT_FILES = [
    VALIDATION / name
    for name in (
        "neatoguide.pdf",
        "maintain.pdf",
        "users-and-groups.docx",
        "pip-dependency-resolution.pptx",
        "tz-zones.xlsx",
        "debian-releases.csv",
        "libffi-manual.epub",
    )
]
UNITS = {"pdf": "page", "pptx": "slide", "xlsx": "sheet", "ods": "sheet", "epub": "section"}


class Bench(Workbench):
    def pipeline_runs(self, path: Path, repeats: int) -> tuple[list[float], object]:
        times, result = [], None
        for _ in range(repeats):
            with self.service(self.settings(path.stem)) as service:
                started = time.perf_counter()
                report = check_ingest(service.ingest([path]), f"ingest of {path.name}")
                times.append(time.perf_counter() - started)
            result = report.results[0]
        return times, result

    def loader_runs(self, path: Path, repeats: int) -> list[float]:
        """The loader alone: detection, parsing, every part produced (nothing described)."""
        from ingest.deadline import Deadline
        from ingest.detect import detect_kind
        from ingest.pipeline import Ingestor

        times = []
        with self.service(self.settings(f"{path.stem}-loader")) as service:
            ingestor = Ingestor(service.index, service.describer)
            for _ in range(repeats):
                started = time.perf_counter()
                data = path.read_bytes()
                deadline = Deadline(str(path), service.settings.max_ingest_seconds_per_file)
                loaded = ingestor._load(path, detect_kind(path, data[:4096]), data, deadline)
                for _part in loaded.parts:
                    pass
                times.append(time.perf_counter() - started)
        return times


def measure(bench: Bench, path: Path, repeats: int) -> dict:
    pipeline_s, result = bench.pipeline_runs(path, repeats)
    loader_s = bench.loader_runs(path, repeats)
    kind = result.kind
    units = result.pages if kind in UNITS else 1
    median, loader = statistics.median(pipeline_s), statistics.median(loader_s)
    return {
        "file": path.name,
        "kind": kind,
        "bytes": path.stat().st_size,
        "unit": UNITS.get(kind, "file"),
        "units": units,
        "chunks": result.chunks,
        "images": result.images,
        "runs_s": [round(s, 3) for s in pipeline_s],
        "median_s": round(median, 3),
        "ms_per_unit": round(1000 * median / max(1, units), 1),
        "ms_per_chunk": round(1000 * median / max(1, result.chunks), 2),
        "loader_median_s": round(loader, 3),
        "loader_ms_per_unit": round(1000 * loader / max(1, units), 1),
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS / "office_ingest.json")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # font warnings are noise here
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        raise SystemExit(f"no such file: {', '.join(missing)}")
    load_start = os.getloadavg()
    base = load_bench_settings()
    repeats = max(1, args.repeats)
    with tempfile.TemporaryDirectory(prefix="rag-bench-") as tmp:
        bench = Bench(base, Path(tmp))
        print(f"warming up the models (torch threads: {base.torch_threads}) ...", flush=True)
        warmup_s = bench.warm_up()
        rows = []
        for path in args.files:
            print(f"ingest: {path.name} ({repeats} runs) ...", flush=True)
            rows.append(measure(bench, path, repeats))
    result = {
        **run_header("office_ingest", base, load_start),
        "warmup_s": round(warmup_s, 2),
        "repeats": repeats,
        "files": rows,
    }
    result["machine"]["load_avg_end"] = load_avg()
    write_json(args.out, result)
    print()
    print_table(
        ["file", "kind", "units", "chunks", "images", "median s", "ms/unit", "loader ms/unit"],
        [
            [
                r["file"],
                r["kind"],
                f"{r['units']} {r['unit']}{'s' if r['units'] != 1 else ''}",
                str(r["chunks"]),
                str(r["images"]),
                f"{r['median_s']:.2f}",
                f"{r['ms_per_unit']:.0f}",
                f"{r['loader_ms_per_unit']:.0f}",
            ]
            for r in rows
        ],
    )
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
