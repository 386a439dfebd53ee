"""The colours a screenshot's settings page sets, each with the label of what it colours.

People ask "what colour is the swatch for the removed lines in Kompare's settings" or "what
colour does KMail give important messages". A settings page shows each colour it sets as a
swatch, in one of two ways:
- a list of colours: a small square of the colour just beside each entry's label ("Important
  Message"), as a chart's legend draws its series (ingest/vision/legend.py);
- a colour field: a button filled with the colour, right of a label ending in a colon
  ("Removed color:", "Font for non-validated operations:").

A small square of one colour beside a word is also what an icon or a ticked box looks like, so
a list is only stated when two or more of its labels start at one edge with swatches of
different colours, and a label the picture marks as a check box or a radio button has none. A field's button may stand
well right of its label; it is looked for up to the next text on the label's line, as a run
of one colour as wide as a swatch (a field of text or a spin box is white or grey).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

from ingest.vision import colours
from ingest.vision.legend import TextBox, colour_in

MAX_WORDS = 6  # a setting's label is a short name
MIN_HEIGHT = 6.0  # pixels: a box lower than this is noise
GAP = 0.5  # label heights between a field's label and where its button may start
FIELD_REACH = 30.0  # label heights right of a field's label where its button may stand
COLUMN_SHARE = 0.6  # of a column across the label's line in colour: the swatch's
SWATCH_WIDTH = 1.5  # label heights: the narrowest swatch (a coloured letter is narrower)
MIN_SWATCH = 8  # pixels
ONE_COLOUR = 0.7  # of the coloured pixels, at least this much of one colour word
_LABEL = re.compile(r"[A-Za-z][A-Za-z]")  # a name, not "10>" or a glyph read from an icon
# A field's label: "Removed color:", "Font for non-validated operations:".
_FIELD = re.compile(r"^[A-Za-z][^:]{0,80}:$")
# A swatch may be a pastel ("light green", 194, 235, 194) that the description's colour words
# take for white: its saturation counts this many times over. A window's greys stay grey.
PASTEL = 1.8
# A list's swatch: a square just left of its entry's label, within these label heights.
BESIDE = (1.6, 0.1)
SWATCH_SHARE = 0.25  # of that place, at least this much in colour
ALIGNED = 0.3  # label heights: the labels of one list start at one edge


def colour_swatches(
    rgb: np.ndarray, boxes: Sequence[TextBox], marked: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """(label, colour word) for each colour the RGB picture's settings show, in the order
    read; labels in ``marked`` (those of check boxes and radio buttons) have none."""
    skip = {" ".join(label.split()) for label in marked}
    labels = [
        box
        for box in boxes
        if 1 <= len(box.text.split()) <= MAX_WORDS
        and _LABEL.match(box.text.strip())
        and box.box[3] - box.box[1] >= MIN_HEIGHT
        and " ".join(box.text.split()) not in skip
    ]
    hue, sat, val = colours.hsv(rgb)
    names = colours.name_hsv(hue, np.minimum(1.0, sat * PASTEL), val)
    fields: list[tuple[str, str]] = []
    beside: list[tuple[TextBox, str]] = []
    for box in labels:
        label = " ".join(box.text.split())
        if _FIELD.match(label):
            colour = _field_colour(names, box, boxes)
            if colour:
                fields.append((label.rstrip(":").strip(), colour))
        elif colour := _listed_colour(names, box):
            beside.append((box, colour))
    return list(dict.fromkeys(fields + _listed(beside)))  # a label read twice is told once


def _listed(beside: list[tuple[TextBox, str]]) -> list[tuple[str, str]]:
    """The swatches of a list: labels that start at one edge, two or more of them, in more
    than one colour. (An icon beside a title or a tab stands alone, or in one colour.)"""
    kept: list[tuple[str, str]] = []
    for box, colour in beside:
        height = box.box[3] - box.box[1]
        group = [c for other, c in beside if abs(other.box[0] - box.box[0]) <= ALIGNED * height]
        if len(group) >= 2 and len(set(group)) >= 2:
            kept.append((" ".join(box.text.split()), colour))
    return kept


def _listed_colour(names: np.ndarray, label: TextBox) -> str:
    """The colour of a square just left of the label, or ""."""
    x0, y0, _, y1 = label.box
    height = y1 - y0
    left, right = x0 - BESIDE[0] * height, x0 - BESIDE[1] * height
    return colour_in(names, left, right, y0, y1, share=SWATCH_SHARE, one=ONE_COLOUR)[0]


def _one_colour(pixels: np.ndarray) -> str:
    """The colour word of most of ``pixels`` (colour indices), or "" when none is most."""
    counts = np.bincount(pixels.ravel(), minlength=len(colours.NAMES))
    best = int(np.argmax(counts))
    return colours.NAMES[best] if counts[best] >= ONE_COLOUR * pixels.size else ""


def swatch_sentence(entries: Sequence[tuple[str, str]]) -> str:
    """ "Colour swatches: Removed color (green), Added color (blue).", or "" for none."""
    if not entries:
        return ""
    return "Colour swatches: " + ", ".join(f"{label} ({colour})" for label, colour in entries) + "."


def _field_colour(names: np.ndarray, label: TextBox, boxes: Sequence[TextBox]) -> str:
    """The colour of the button right of a field's label, up to the next text on its line:
    the first run of columns in colour across the label's line, as wide as a swatch is."""
    x0, y0, x1, y1 = label.box
    height = y1 - y0
    right = x1 + FIELD_REACH * height
    for other in boxes:
        ox0, oy0, _, oy1 = other.box
        if other is not label and ox0 > x1 and min(y1, oy1) - max(y0, oy0) > height / 2:
            right = min(right, ox0)  # the next text on the line: another field's label
    h, w = names.shape
    left, right = max(0, int(x1 + GAP * height)), min(w, int(right))
    top, bottom = max(0, int(y0)), min(h, int(y1))
    place = names[top:bottom, left:right]
    if place.size < 16:
        return ""
    in_colour = ~np.isin(place, list(colours.COLOURLESS))
    columns = in_colour.mean(axis=0) >= COLUMN_SHARE
    run = _first_run(columns, max(MIN_SWATCH, int(SWATCH_WIDTH * height)))
    if run is None:
        return ""
    start, end = run
    return _one_colour(place[:, start:end][in_colour[:, start:end]])


def _first_run(flags: np.ndarray, width: int) -> tuple[int, int] | None:
    """The first run of at least ``width`` true flags, as (start, end)."""
    start = None
    for i, flag in enumerate([*flags.tolist(), False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if i - start >= width:
                return start, i
            start = None
    return None
