#!/usr/bin/env python3
"""Print, for every picture of a corpus, the parts of its description that fire, as a Markdown
table: kind, tone, dominant colours, composition, faces, labels and categories, text read.

    PYTHONPATH=$PWD .venv/bin/python eval/description_parts.py CORPUS... [--top 5] [--out FILE]

The describer is the one ``rag ingest`` builds from the settings (real OCR, labeler and face
detector), so the table shows what the index is told about each picture. A person fills in the
verdict columns by looking at the pictures; eval/validation/description_precision.md is such
a table. ``--top`` adds the labeler's best guesses, with their probabilities, under each row:
what the description's labels were chosen from (for a photograph, the larger of the whole
picture's probability and the average over the closer views).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff", ".bmp", ".gif"})
# Subjects the face detector adds (describe._people); the rest are label categories.
PEOPLE_PREFIXES = ("a portrait of a person", "a person (a face)", "a group of ")
COLUMNS = ("picture", "kind", "tone", "colours", "composition", "faces", "labels", "categories")


def picture_files(folders: Sequence[Path]) -> list[Path]:
    return sorted(
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in PICTURE_SUFFIXES
    )


def load(path: Path):
    """The picture as ``rag ingest`` decodes it."""
    from ingest.loaders.image import load_image

    loaded = load_image(path, path.read_bytes(), max_pixels=60_000_000)
    return next(loaded.parts).image


def is_people(subject: str) -> bool:
    return subject.startswith(PEOPLE_PREFIXES) or subject.split(" ")[0].isdigit()


def parts(description) -> dict[str, str]:
    """The description split into the columns of the table ("" where a part is silent)."""
    colours, composition = "", []
    for sentence in description.appearance:
        if sentence.startswith("Mostly "):
            colours = sentence.removeprefix("Mostly ").rstrip(".")
        else:
            composition.append(sentence.rstrip("."))
    labels = [
        ("possibly " if hedged else "") + label
        for label, hedged in zip(
            description.labels,
            description.hedged or [False] * len(description.labels),
            strict=True,
        )
    ]
    return {
        "kind": description.kind,
        "tone": description.tone,
        "colours": colours,
        "composition": "; ".join(composition),
        "faces": "; ".join(s for s in description.subjects if is_people(s)),
        "labels": "; ".join(labels),
        "categories": "; ".join(s for s in description.subjects if not is_people(s)),
        "text": "y" if description.text else "n",
    }


def cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ") or "-"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="+", help="folders of pictures (and more)")
    parser.add_argument("--top", type=int, default=0, help="also list the labeler's best N")
    parser.add_argument("--out", type=Path, help="write the table here too")
    args = parser.parse_args(argv)

    from ingest.vision.describe import describer_from_settings
    from rag.settings import Settings

    describer = describer_from_settings(Settings())
    files = picture_files(args.corpus)
    if not files:
        raise SystemExit(f"no pictures in {', '.join(map(str, args.corpus))}")
    describer.describe(load(files[0]))  # load the models before timing
    lines = [
        "| " + " | ".join((*COLUMNS, "text")) + " |",
        "|" + "---|" * (len(COLUMNS) + 1),
    ]
    seconds = 0.0
    for path in files:
        image = load(path)
        started = time.perf_counter()
        description = describer.describe(image)
        seconds += time.perf_counter() - started
        found = parts(description)
        row = [path.name, *(found[c] for c in COLUMNS[1:]), found["text"]]
        lines.append("| " + " | ".join(cell(c) for c in row) + " |")
        if args.top and describer.labeler is not None:
            # As describe asks: a photograph seen whole and closer, other kinds whole.
            if description.kind == "photograph":
                guesses = describer.labeler.view_scores(image, args.top).overall
            else:
                guesses = describer.labeler.scores(image, args.top)
            lines.append("|  | top: " + ", ".join(f"{n} {p:.2f}" for n, p in guesses) + " |" * 8)
        print(lines[-1] if not args.top else "\n".join(lines[-2:]), flush=True)
    summary = f"\n{len(files)} pictures, describe {1000 * seconds / len(files):.0f} ms a picture"
    print(summary)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n" + summary + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
