"""Picture description speed, the previous configuration against the current one, in one run
(a benchmark, not a test).

    .venv/bin/python bench/pictures.py [--corpus DIR] [--repeats 2] [--out FILE]

Every picture file of the corpus (the dev set by default) is decoded once, then described by
both configurations in turn, the order swapped from one picture to the next so that the load
of a shared machine falls on both alike:

* previous: the labeler on torch (``torch_threads``), RapidOCR's own sessions (no memory
  arena), as ``RAG_IMAGE_LABELER_RUNTIME=torch RAG_OCR_MEMORY_ARENA=false`` still runs it;
* current: the labeler on ONNX Runtime (``ocr_threads``), the OCR sessions with the arena.

It prints pictures/s of each and their ratio, the time of each step per picture, and checks
that both give the same description of every picture (labels, text read, all of it): a faster
path that says something else is no speed-up. Models are loaded and warmed up before timing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, Path(__file__).resolve().parent):
    if str(path) not in sys.path:  # run as a script from a checkout
        sys.path.insert(0, str(path))

from benchlib import (  # noqa: E402
    RESULTS,
    default_corpus,
    load_avg,
    load_bench_settings,
    print_table,
    run_header,
    write_json,
)

DEFAULT_OUT = RESULTS / "pictures.json"
WARMUP_PICTURE = ROOT / "samples" / "corpus" / "xfig-print-panel.png"
PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff", ".bmp", ".gif"})
SETTINGS_FIELDS = (
    "ocr",
    "ocr_threads",
    "torch_threads",
    "image_labeler",
    "image_labels_top_k",
    "image_labeler_runtime",
    "ocr_memory_arena",
)
# The steps ImageDescriber.describe times, and the two of OCR inside "text".
STEPS = ("text detection", "text recognition", "text", "look", "kind", "marks", "labels", "faces")


def describers(settings) -> dict:
    """The two configurations, each with its own models."""
    from ingest.vision.describe import ImageDescriber
    from ingest.vision.labels import EfficientNetLabeler
    from ingest.vision.ocr import RapidOcr

    s = settings
    return {
        "previous": ImageDescriber(
            RapidOcr(s.ocr_threads, memory_arena=False),
            EfficientNetLabeler(s.torch_threads, "torch"),
            top_k=s.image_labels_top_k,
        ),
        "current": ImageDescriber(
            RapidOcr(s.ocr_threads, memory_arena=True),
            EfficientNetLabeler(s.ocr_threads, "onnxruntime"),
            top_k=s.image_labels_top_k,
        ),
    }


def pictures(paths: Sequence[Path]) -> list[tuple[str, object]]:
    """(file name, decoded picture) for every picture file, decoded as ``rag ingest`` does."""
    from ingest.loaders.image import load_image

    out = []
    for path in paths:
        if path.is_file() and path.suffix.lower() in PICTURE_SUFFIXES:
            loaded = load_image(path, path.read_bytes(), max_pixels=60_000_000)
            out.append((path.name, next(loaded.parts).image))
    return out


def step_seconds(describer) -> Counter:
    """The describer's and its OCR's step times so far."""
    seconds = Counter(describer.seconds)
    seconds.update(getattr(describer.ocr, "seconds", {}))
    return seconds


def run(named: dict, shots: list[tuple[str, object]], repeats: int) -> dict:
    seconds = {name: 0.0 for name in named}
    steps_before = {name: step_seconds(d) for name, d in named.items()}
    renders: dict[str, dict[str, str]] = {name: {} for name in named}
    order = list(named)
    for repeat in range(repeats):
        for number, (file, image) in enumerate(shots):
            turn = order if (number + repeat) % 2 == 0 else order[::-1]
            for name in turn:
                started = time.perf_counter()
                description = named[name].describe(image)
                seconds[name] += time.perf_counter() - started
                renders[name][file] = description.render()
    described = len(shots) * repeats
    result: dict = {}
    for name, describer in named.items():
        steps = step_seconds(describer)
        steps.subtract(steps_before[name])
        result[name] = {
            "seconds": round(seconds[name], 2),
            "pictures_per_s": round(described / seconds[name], 3),
            "ms_per_picture": round(1000 * seconds[name] / described, 1),
            "step_ms_per_picture": {
                step: round(1000 * steps[step] / described, 1) for step in STEPS if step in steps
            },
        }
    first, *others = named
    result["different"] = sorted(
        file
        for other in others
        for file in renders[first]
        if renders[first][file] != renders[other][file]
    )
    result["renders"] = renders
    return result


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=default_corpus(), help="folder of pictures (and more)"
    )
    parser.add_argument("--repeats", type=int, default=2, help="passes over the pictures")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.corpus is None or not args.corpus.is_dir():
        raise SystemExit(f"need a folder of pictures: --corpus {args.corpus}")
    load_start = os.getloadavg()
    settings = load_bench_settings()
    shots = pictures(sorted(args.corpus.rglob("*")))
    if not shots:
        raise SystemExit(f"no pictures in {args.corpus}")
    named = describers(settings)
    warm = pictures([WARMUP_PICTURE]) or shots[:1]
    print(f"warming up both configurations on {warm[0][0]} ...", flush=True)
    run(named, warm, 1)
    repeats = max(1, args.repeats)
    print(f"describing {len(shots)} pictures of {args.corpus}, {repeats} passes ...", flush=True)
    measured = run(named, shots, repeats)
    previous, current = measured["previous"], measured["current"]
    result = {
        **run_header("pictures", settings, load_start, SETTINGS_FIELDS),
        "corpus": str(args.corpus.resolve()),
        "pictures": len(shots),
        "repeats": repeats,
        "previous": previous,
        "current": current,
        "ratio_current_to_previous": round(
            current["pictures_per_s"] / previous["pictures_per_s"], 3
        ),
        "same_descriptions": not measured["different"],
        "different": measured["different"],
        "descriptions": measured["renders"]["current"],
    }
    result["machine"]["load_avg_end"] = load_avg()
    write_json(args.out, result)
    print()
    rows = [
        [name, f"{r['pictures_per_s']:.2f}", f"{r['ms_per_picture']:.0f}"]
        + [f"{r['step_ms_per_picture'].get(step, 0.0):.0f}" for step in STEPS]
        for name, r in (("previous", previous), ("current", current))
    ]
    print_table(["", "pictures/s", "ms/picture", *(f"{s} ms" for s in STEPS)], rows)
    print(f"\n  ratio current/previous: {result['ratio_current_to_previous']:.2f}")
    print(
        "  descriptions: "
        + (
            "all the same"
            if result["same_descriptions"]
            else f"DIFFERENT for {result['different']}"
        )
    )
    load = result["machine"]
    print(
        f"  load average: {load['load_avg_start'][0]} at the start, {load['load_avg_end'][0]} at the end"
    )
    print(f"\nwrote {args.out}")
    return 0 if result["same_descriptions"] else 1


if __name__ == "__main__":
    sys.exit(main())
