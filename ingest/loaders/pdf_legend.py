"""The legend of a chart drawn as vectors in a PDF page: each entry's label with the colour and
dash of its line.

People ask "what colour is the curve of w(x)" or "what kind of line is log10FW drawn with".
A legend entry is a short straight stroke, a sample of a series' line, with the series' label
just to its right; the series itself is a longer path of the same colour and dash elsewhere
on the page. Entries count only in groups: two or more samples of different looks that stand
in one column or one row. A lone short stroke beside a word is an underline, a fraction bar
or a tick, and a group of plain black ones tells nothing a legend would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ingest.loaders.pdf_chart_lines import stroke_colour
from ingest.vision import colours

Box = tuple[float, float, float, float]
SAMPLE_LENGTH = (5.0, 40.0)  # points: how long a legend's line sample is
SAMPLE_THICKNESS = 4.0  # points, its line width included: a sample is a line, not a box
SERIES_LENGTH = 60.0  # points: the series a sample stands for is longer than this
LABEL_GAP = 12.0  # points: a label starts within this distance right of its sample
WORD_GAP = 4.0  # points: runs this close on one line are one label ("w(x)" and "= ψ(x)")
ALIGNED = 2.0  # points: samples of one legend share their left edge or their height
# A label of numbers alone is a tick's ("0.5", "−2"): a legend names its series.
_NUMERIC = re.compile(r"^[\d\s.,−+\-]*$")


@dataclass(frozen=True)
class LegendEntry:
    label: str
    colour: str
    dashed: bool
    box: Box  # the line sample's


@dataclass(frozen=True)
class _Sample:
    look: tuple[tuple[int, int, int], bool]  # stroke colour, dashed
    box: Box


def legend_entries(objects, runs) -> list[LegendEntry]:
    """The legend entries among a page's ``objects`` (PageObject) whose labels are among its
    text ``runs`` (Line), in the order drawn; [] for a page with no legend."""
    import pypdfium2.raw as raw

    samples: list[_Sample] = []
    series_looks = set()
    for item in objects:
        if item.kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        look = _look(item.obj)
        if look is None:
            continue
        width, height = item.box[2] - item.box[0], item.box[3] - item.box[1]
        if SAMPLE_LENGTH[0] <= width <= SAMPLE_LENGTH[1] and height <= SAMPLE_THICKNESS:
            samples.append(_Sample(look, item.box))
        elif max(width, height) > SERIES_LENGTH:
            series_looks.add(look)
    labelled = []
    for sample in samples:
        if sample.look not in series_looks:
            continue  # no line of the chart looks like it
        label = _label(sample, samples, runs)
        if label and not _NUMERIC.match(label):
            labelled.append((sample, label))
    grouped = [
        (sample, label)
        for sample, label in labelled
        if any(
            other.look != sample.look and _aligned(other.box, sample.box) for other, _ in labelled
        )
    ]
    if all(sample.look == ((0, 0, 0), False) for sample, _ in grouped):
        return []
    entries: list[LegendEntry] = []
    seen = set()
    for sample, label in grouped:
        colour = _colour_word(sample.look[0])
        if (label, colour, sample.look[1]) in seen:
            continue  # a legend drawn twice (a hidden layer under the visible one)
        seen.add((label, colour, sample.look[1]))
        entries.append(LegendEntry(label, colour, sample.look[1], sample.box))
    return entries


def legend_sentence(entries: list[LegendEntry]) -> str:
    """ "Legend: ρ(x) (black), log10FW (black, dashed).", or "" for no entries: the format of
    a picture's legend (ingest/vision/legend.py), with the dash where there is one."""
    if not entries:
        return ""
    told = [f"{e.label} ({e.colour}{', dashed' if e.dashed else ''})" for e in entries]
    return "Legend: " + ", ".join(told) + "."


def _look(obj) -> tuple[tuple[int, int, int], bool] | None:
    """A stroked path's colour and whether it is dashed; None for a path not stroked."""
    import pypdfium2.raw as raw

    colour = stroke_colour(obj)
    return None if colour is None else (colour, raw.FPDFPageObj_GetDashCount(obj.raw) > 0)


def _label(sample: _Sample, samples: list[_Sample], runs) -> str:
    """The text on the sample's height that starts just right of it, up to the next sample
    on that row."""
    middle = (sample.box[1] + sample.box[3]) / 2
    stop = min(
        (
            other.box[0]
            for other in samples
            if other.box[0] > sample.box[2]
            and abs((other.box[1] + other.box[3]) / 2 - middle) < ALIGNED
        ),
        default=float("inf"),
    )
    row = sorted(
        (
            r
            for r in runs
            if r.box[1] - 2 <= middle <= r.box[3] + 2 and r.box[0] >= sample.box[2] - 1
        ),
        key=lambda r: r.box[0],
    )
    words: list[str] = []
    right = sample.box[2]
    for run in row:
        if run.box[0] - right > (WORD_GAP if words else LABEL_GAP) or run.box[0] >= stop:
            break
        words.append(run.text)
        right = run.box[2]
    return "".join(words).strip()


def _aligned(a: Box, b: Box) -> bool:
    return abs(a[0] - b[0]) < ALIGNED or abs(a[1] - b[1]) < ALIGNED


def _colour_word(rgb: tuple[int, int, int]) -> str:
    pixel = np.array([[rgb]], dtype=np.uint8)
    return colours.NAMES[int(colours.name_pixels(pixel)[0, 0])]
