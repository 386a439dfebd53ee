"""The check boxes of a screenshot: which options are ticked and which are not.

People ask "which option is not ticked", "how many plugins are ticked", "is the Force Full
Backup box ticked". A dialog draws a small square just left of each option's label: an empty
outline when the option is off, and a mark inside (a tick, or a filled square with a tick)
when it is on. The text reader gives each label's box; the square is looked for just left of
it, at the picture's own resolution, since a box's outline is a pixel or two wide.

A square with something inside is also what an icon looks like, so a box counts as ticked
only when the picture shows what an unticked box of its size looks like (an empty square of
the same size, which an icon beside a label seldom is), or when it is a square of one colour
with a mark cut out of it, the way current themes draw a ticked box. A square filled solid (a
colour swatch) is no box.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from ingest.vision import colours
from ingest.vision.legend import TextBox

# The marks the reader finds the boxes by (rag/reader/checkboxes.py).
from rag.reader.checkboxes import TICKED_MARK, UNTICKED_MARK

MIN_HEIGHT = 8.0  # pixels: a label lower than this has no box worth finding
MIN_SIDE = 7  # pixels: a smaller square is a dot or a letter's part
INK = 22  # grey levels from the background that count as drawn (a box's outline is faint)
REACH = 3.2  # label heights left of the label where its box may stand
OVERLAP = 0.3  # label heights: the text reader's box may start on the square's right edge
NEAR = 1.6  # label heights: the square ends at most this far left of its label
SIZE = (0.45, 1.3)  # the square's side, in label heights
SQUARE = (0.75, 1.33)  # its width over its height (a tick may stick out of its box)
EDGE = 0.15  # of the side: the band where the outline is looked for
FULL_SIDE = 0.85  # of a side's length drawn: the outline runs along it
EMPTY = 0.05  # of the inside drawn, at most: an unticked box
MARKED = 0.3  # of the inside drawn, at least: a ticked box
SOLID = 0.9  # of the square drawn, at most: more is a colour swatch, not a box
FILLED = 0.6  # of the square drawn, at least, in one colour: a box filled to show a tick
ONE_COLOUR = 0.8


@dataclass(frozen=True)
class _Square:
    left: int
    width: int
    height: int
    sides: tuple[float, float, float, float]  # share of each side drawn: top, bottom, left, right
    fill: float  # share of the square drawn
    inside: float  # share of the inside (within the outline) drawn
    one_colour: float  # share of the drawn pixels in their most common colour word

    @property
    def outlined(self) -> bool:
        return min(self.sides) >= FULL_SIDE

    @property
    def empty(self) -> bool:
        return self.outlined and self.inside <= EMPTY and 0.85 <= self.width / self.height <= 1.18


def checkbox_states(rgb: np.ndarray, boxes: Sequence[TextBox]) -> list[tuple[str, bool]]:
    """(label, ticked) for each label of the RGB picture with a check box beside it, in the
    order read; [] when none is found."""
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
    found: list[tuple[str, _Square]] = []
    for box in boxes:
        label = _label(box.text)
        if sum(c.isalpha() for c in label) < 2:
            continue  # an icon read as a letter or two
        square = _square_left_of(rgb, gray, box.box)
        if square is not None:
            found.append((label, square))
    empty = [s for _, s in found if s.empty]
    states: list[tuple[str, bool]] = []
    for label, square in found:
        if square.empty:
            states.append((label, False))
        elif _ticked(square, empty):
            states.append((label, True))
    return states


def checkbox_sentence(states: Sequence[tuple[str, bool]]) -> str:
    """'Check boxes: 2 ticked, 1 not ticked.', or "" for none: the words a question on them
    asks with, once; the text read says which box is which."""
    if not states:
        return ""
    ticked = sum(on for _, on in states)
    counts = [
        f"{n} {word}" for n, word in ((ticked, "ticked"), (len(states) - ticked, "not ticked")) if n
    ]
    return f"Check boxes: {', '.join(counts)}."


def mark_lines(text: str, states: Sequence[tuple[str, bool]]) -> tuple[str, list[tuple[str, bool]]]:
    """The text read with each box's state (☑ or ☐) put before its label, and the states so
    told. The labels are not repeated elsewhere: a second copy of a dialog's words would rank
    the picture above others for any question using them. A label the text read does not
    hold as it was boxed (the tidying rejoined its words) goes untold."""
    lines = text.splitlines()
    told: list[tuple[str, bool]] = []
    for label, on in states:
        pattern = re.compile(rf"(?<![{TICKED_MARK}{UNTICKED_MARK}] )(?<!\w){_spaced(label)}(?!\w)")
        for i, line in enumerate(lines):
            if pattern.search(line):
                mark = TICKED_MARK if on else UNTICKED_MARK
                lines[i] = pattern.sub(mark + r" \g<0>", line, count=1)
                told.append((label, on))
                break
    return "\n".join(lines), told


def _spaced(label: str) -> str:
    # The text read may keep two spaces where the box's text has one.
    return r"\s+".join(re.escape(word) for word in label.split())


def _label(text: str) -> str:
    # The reader may take the box's edge for a bracket ("]Case sensitive").
    return " ".join(text.lstrip(" []|").split())


def _ticked(square: _Square, empty: Sequence[_Square]) -> bool:
    if square.inside < MARKED or square.fill > SOLID:
        return False
    # An unticked box of its size in the same column: a tick may stick out of its box.
    beside = any(
        abs(e.height - square.height) <= 2
        and abs(e.left - square.left) <= 3
        and -1 <= square.width - e.width <= 4
        for e in empty
    )
    # Or anywhere in the picture, when the square's own outline is whole.
    alike = square.outlined and any(
        abs(e.height - square.height) <= 1 and abs(e.width - square.width) <= 1 for e in empty
    )
    filled = min(square.sides) >= 0.9 and square.fill >= FILLED and square.one_colour >= ONE_COLOUR
    return beside or alike or filled


def _square_left_of(
    rgb: np.ndarray, gray: np.ndarray, box: tuple[float, float, float, float]
) -> _Square | None:
    """The square drawn just left of a label's box, the nearest one, or None."""
    x0, y0, _, y1 = box
    height = y1 - y0
    if height < MIN_HEIGHT:
        return None
    middle = (y0 + y1) / 2
    h, w = gray.shape
    left, right = int(max(0, x0 - REACH * height)), int(min(w, max(0, x0 + OVERLAP * height)))
    top, bottom = int(max(0, middle - 0.75 * height)), int(min(h, middle + 0.75 * height))
    if right - left < MIN_SIDE or bottom - top < MIN_SIDE:
        return None
    place = gray[top:bottom, left:right]
    background = float(np.median(np.concatenate([place[0], place[-1]])))
    drawn = (np.abs(place - background) > INK).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(drawn, connectivity=8)
    best: tuple[int, int] | None = None  # (right edge, component)
    for i in range(1, count):
        x, _, cw, ch, _ = stats[i]
        if not (
            SIZE[0] * height <= cw <= SIZE[1] * height
            and SIZE[0] * height <= ch <= SIZE[1] * height
        ):
            continue
        if cw < MIN_SIDE or ch < MIN_SIDE or not SQUARE[0] <= cw / ch <= SQUARE[1]:
            continue
        if left + x > x0 - 0.1 * height or x0 - (left + x + cw) > NEAR * height:
            continue  # a letter of the label, or a mark too far from it
        if best is None or left + x + cw > best[0]:
            best = (left + x + cw, i)
    if best is None:
        return None
    i = best[1]
    x, y, cw, ch, _ = stats[i]
    part = labels[y : y + ch, x : x + cw] == i
    band = max(1, round(min(cw, ch) * EDGE))
    sides = (
        float(part[:band].any(axis=0).mean()),
        float(part[-band:].any(axis=0).mean()),
        float(part[:, :band].any(axis=1).mean()),
        float(part[:, -band:].any(axis=1).mean()),
    )
    inside = drawn[y + band + 1 : y + ch - band - 1, x + band + 1 : x + cw - band - 1]
    words = colours.name_pixels(rgb[top + y : top + y + ch, left + x : left + x + cw])[part]
    counts = np.bincount(words.ravel())
    return _Square(
        left=int(left + x),
        width=int(cw),
        height=int(ch),
        sides=sides,
        fill=float(part.mean()),
        inside=float(inside.mean()) if inside.size else 0.0,
        one_colour=float(counts.max() / max(1, counts.sum())),
    )
