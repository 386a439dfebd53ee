"""A chart's legend as words: each entry's label with the colour of the swatch beside it.

People ask "what colour are the Group A bars" or "which label goes with the red bars". A
picture of a chart holds its legend as short labels, each with a small patch or line of the
series' colour just left or right of it (matplotlib and ggplot draw it on the left, gnuplot
on the right). The text reader gives each label's box; the colour is named from the pixels
beside it with the same plain colour words as the rest of the description. A legend is only
stated when two or more labels have swatches of different colours: a lone coloured mark
beside a word is more often part of the plot.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ingest.vision import colours

MAX_WORDS = 4  # a legend's label is a short name
MIN_HEIGHT = 4.0  # pixels: a box lower than this is noise
GAP = 0.3  # text heights between a label and the place its swatch may start
REACH = 3.5  # text heights beside a label where its swatch is looked for
SWATCH_SHARE = 0.15  # of the place beside the label, at least this much in colour
ONE_COLOUR = 0.6  # of those coloured pixels, at least this much of one colour word
_LABEL = re.compile(r"[\"'(]?[A-Za-z][A-Za-z]")


@dataclass(frozen=True)
class TextBox:
    """A line of text read in a picture and where it stands: (x0, y0, x1, y1) in pixels."""

    text: str
    box: tuple[float, float, float, float]


def legend_entries(rgb: np.ndarray, boxes: Sequence[TextBox]) -> list[tuple[str, str]]:
    """(label, colour word) for each legend label among ``boxes`` of the RGB picture, in the
    order read; [] unless at least two labels have swatches of different colours."""
    names = colours.name_pixels(rgb)
    entries: list[tuple[str, str]] = []
    for box in boxes:
        label = " ".join(box.text.split())
        if not 1 <= len(label.split()) <= MAX_WORDS or not _LABEL.match(label):
            continue  # a legend names its series; "1.090 GiB" is a reading
        x0, y0, x1, y1 = box.box
        if x1 - x0 < y1 - y0:
            continue  # an axis title written upwards, beside the plot's own colours
        colour = _swatch_colour(names, box.box)
        if colour and (label, colour) not in entries:  # two panels may share one legend
            entries.append((label, colour))
    if len({colour for _, colour in entries}) < 2:
        return []
    return entries


def legend_sentence(entries: Sequence[tuple[str, str]]) -> str:
    """ "Legend: Group A (blue), Group B (red).", or "" for no entries."""
    if not entries:
        return ""
    return "Legend: " + ", ".join(f"{label} ({colour})" for label, colour in entries) + "."


def _swatch_colour(names: np.ndarray, box: tuple[float, float, float, float]) -> str:
    """The colour word of the swatch just right or left of a label's box, or ""."""
    x0, y0, x1, y1 = box
    height = y1 - y0
    if height < MIN_HEIGHT:
        return ""
    right = colour_in(names, x1 + GAP * height, x1 + REACH * height, y0, y1)
    left = colour_in(names, x0 - REACH * height, x0 - GAP * height, y0, y1)
    found = [c for c in (right, left) if c[0]]
    if not found:
        return ""
    return max(found, key=lambda c: c[1])[0]


def colour_in(
    names: np.ndarray,
    left: float,
    right: float,
    top: float,
    bottom: float,
    *,
    share: float = SWATCH_SHARE,
    one: float = ONE_COLOUR,
) -> tuple[str, float]:
    """The one colour word that fills enough of a place (``share`` of it in colour, ``one``
    of that in one colour word), and its share there."""
    h, w = names.shape
    x0, x1 = max(0, int(left)), min(w, int(right))
    y0, y1 = max(0, int(top)), min(h, int(bottom))
    place = names[y0:y1, x0:x1]
    if place.size < 16:
        return "", 0.0
    coloured = place[~np.isin(place, list(colours.COLOURLESS))]
    if coloured.size < share * place.size:
        return "", 0.0
    counts = np.bincount(coloured.ravel(), minlength=len(colours.NAMES))
    best = int(np.argmax(counts))
    if counts[best] < one * coloured.size:
        return "", 0.0
    return colours.NAMES[best], coloured.size / place.size
