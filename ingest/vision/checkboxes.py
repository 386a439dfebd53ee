"""The check boxes and radio buttons of a screenshot: which options are ticked (selected) and
which are not.

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

A radio button is a circle left of its label: an empty ring when off, a ring round a dot (or
a disc round a light dot) when on. A round icon beside a label looks alike, so a circle counts
only when the picture holds circles of its size in both states, one of them in line with it
(a group of choices has one chosen and the others not).

The text reader may take a mark for a glyph of its label ("O Never", " Tabs"): its box then
starts at the mark, and the mark is looked for inside it.
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
from rag.reader.checkboxes import SELECTED_MARK, TICKED_MARK, UNSELECTED_MARK, UNTICKED_MARK

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
ROUND_CORNERS = 0.25  # of the square outside its circle drawn, at most: a round mark
MIN_ROUND = 9  # pixels: a smaller circle is a letter's or an icon's part
DOT = 40  # grey levels between a circle's centre and its inside: a chosen button's dot
NO_DOT = 12  # grey levels, at most: a button with nothing at its centre
PLAIN = 15  # grey levels, at most, of spread inside an empty button (an icon has more)
IN_LINE = 3  # pixels: buttons of one group share their left edge or their middle
# A label box whose text starts with a glyph the reader made of a mark: a space, a sign, or
# an "O" before a space or a word ("O Never", "ODo not copy"), not "OK" or "Options".
_GLYPH_READ = re.compile(r"^(?:[^\w]|[O0o](?: |(?=[A-Z][a-z])))")
GLYPH_REACH = 1.4  # label heights into the box where a mark read as a glyph may end


@dataclass(frozen=True)
class _Square:
    left: int
    width: int
    height: int
    top: int
    sides: tuple[float, float, float, float]  # share of each side drawn: top, bottom, left, right
    fill: float  # share of the square drawn
    inside: float  # share of the inside (within the outline) drawn
    one_colour: float  # share of the drawn pixels in their most common colour word
    corners: float  # share of the square just outside its inscribed circle drawn (a rounded
    # square reaches there)
    dot: float  # grey levels between the centre and the inside around it
    spread: float  # the standard deviation of the grey levels inside the circle

    @property
    def round(self) -> bool:
        return (
            self.corners <= ROUND_CORNERS
            and min(self.width, self.height) >= MIN_ROUND
            and 0.85 <= self.width / self.height <= 1.18
        )

    @property
    def outlined(self) -> bool:
        return min(self.sides) >= FULL_SIDE

    @property
    def empty(self) -> bool:
        return self.outlined and self.inside <= EMPTY and 0.85 <= self.width / self.height <= 1.18


def checkbox_states(rgb: np.ndarray, boxes: Sequence[TextBox]) -> list[tuple[str, bool]]:
    """(label, ticked) for each label of the RGB picture with a check box beside it, in the
    order read; [] when none is found."""
    return mark_states(rgb, boxes)[0]


def radio_states(rgb: np.ndarray, boxes: Sequence[TextBox]) -> list[tuple[str, bool]]:
    """(label, selected) for each label of the RGB picture with a radio button beside it, in
    the order read; [] when none is found."""
    return mark_states(rgb, boxes)[1]


def mark_states(
    rgb: np.ndarray, boxes: Sequence[TextBox]
) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """The check boxes' (label, ticked) and the radio buttons' (label, selected) of the RGB
    picture, from one look beside each label."""
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
    marks = _marks(rgb, gray, boxes)
    return _box_states([m for m in marks if not m[1].round]), _button_states(
        [m for m in marks if m[1].round]
    )


def _box_states(found: list[tuple[str, _Square]]) -> list[tuple[str, bool]]:
    empty = [s for _, s in found if s.empty]
    states: list[tuple[str, bool]] = []
    for label, square in found:
        if square.empty:
            states.append((label, False))
        elif _ticked(square, empty):
            states.append((label, True))
    return states


def _button_states(circles: list[tuple[str, _Square]]) -> list[tuple[str, bool]]:
    found = [
        (label, mark, mark.dot >= DOT)
        for label, mark in circles
        if mark.dot >= DOT or (mark.dot <= NO_DOT and mark.spread <= PLAIN)
    ]
    return [
        (label, on)
        for label, mark, on in found
        if {state for _, other, state in found if _alike(mark, other)} == {True, False}
        and any(other is not mark and _in_line(mark, other) for _, other, _ in found)
    ]


def _alike(one: _Square, other: _Square) -> bool:
    return abs(one.width - other.width) <= 1 and abs(one.height - other.height) <= 1


def _in_line(one: _Square, other: _Square) -> bool:
    return _alike(one, other) and (
        abs(one.left - other.left) <= IN_LINE
        or abs((one.top + one.height / 2) - (other.top + other.height / 2)) <= IN_LINE
    )


def _marks(
    rgb: np.ndarray, gray: np.ndarray, boxes: Sequence[TextBox]
) -> list[tuple[str, _Square]]:
    """(label, the mark drawn just left of it) for each label with one."""
    found: list[tuple[str, _Square]] = []
    for box in boxes:
        label = _label(box.text)
        if sum(c.isalpha() for c in label) < 2 and not any(c.isdigit() for c in label):
            continue  # an icon read as a letter or two ("10%" is a label)
        within = GLYPH_REACH if _GLYPH_READ.match(box.text) else 0.0
        mark = _square_left_of(rgb, gray, box.box, within)
        if mark is not None:
            found.append((label, mark))
    return found


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


def radio_sentence(states: Sequence[tuple[str, bool]]) -> str:
    """'Radio buttons: 1 selected, 2 not selected.', or "" for none."""
    if not states:
        return ""
    chosen = sum(on for _, on in states)
    counts = [
        f"{n} {word}"
        for n, word in ((chosen, "selected"), (len(states) - chosen, "not selected"))
        if n
    ]
    return f"Radio buttons: {', '.join(counts)}."


_ALL_MARKS = TICKED_MARK + UNTICKED_MARK + SELECTED_MARK + UNSELECTED_MARK
# A glyph the text reader made of a mark, just before the label: "O Never", "ODo not copy".
_READ_GLYPH = rf"(?<![\w{_ALL_MARKS}])[O0o@\u00a9\u00ae\u25cb\u25cf\u25ce] ?"


def mark_lines(
    text: str,
    states: Sequence[tuple[str, bool]],
    marks: tuple[str, str] = (TICKED_MARK, UNTICKED_MARK),
) -> tuple[str, list[tuple[str, bool]]]:
    """The text read with each box's state (☑ or ☐, or a radio button's ◉ or ○ with
    ``marks``) put before its label, in place of a glyph read from the mark, and the states
    so told. The labels are not repeated elsewhere: a second copy of a dialog's words would
    rank the picture above others for any question using them. A label the text read does
    not hold as it was boxed (the tidying rejoined its words) goes untold."""
    lines = text.splitlines()
    told: list[tuple[str, bool]] = []
    for label, on in states:
        spaced = _spaced(label)
        pattern = re.compile(
            rf"(?:{_READ_GLYPH}(?={spaced}(?!\w))|(?<![{_ALL_MARKS}] )(?<![{_ALL_MARKS}\w]))"
            rf"({spaced})(?!\w)"
        )
        for i, line in enumerate(lines):
            if pattern.search(line):
                mark = marks[0] if on else marks[1]
                lines[i] = pattern.sub(mark + r" \1", line, count=1)
                told.append((label, on))
                break
    return "\n".join(lines), told


def mark_buttons(
    text: str, states: Sequence[tuple[str, bool]]
) -> tuple[str, list[tuple[str, bool]]]:
    """The text read with each radio button's state (◉ or ○) put before its label."""
    return mark_lines(text, states, (SELECTED_MARK, UNSELECTED_MARK))


def _spaced(label: str) -> str:
    # The text read may keep two spaces where the box's text has one.
    return r"\s+".join(re.escape(word) for word in label.split())


def _label(text: str) -> str:
    # The reader may take the box's edge for a bracket ("]Case sensitive"), or the mark for a
    # glyph ("O Never").
    if _GLYPH_READ.match(text):
        text = text[1:]
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
    rgb: np.ndarray, gray: np.ndarray, box: tuple[float, float, float, float], within: float
) -> _Square | None:
    """The square drawn just left of a label's box, the nearest one, or None. ``within``:
    label heights into the box where it may end, when its text starts with a glyph read
    from it."""
    start, y0, _, y1 = box
    height = y1 - y0
    if height < MIN_HEIGHT:
        return None
    x0 = start + within * height
    middle = (y0 + y1) / 2
    h, w = gray.shape
    left, right = int(max(0, x0 - REACH * height)), int(min(w, max(0, x0 + OVERLAP * height)))
    top, bottom = int(max(0, middle - 0.75 * height)), int(min(h, middle + 0.75 * height))
    if right - left < MIN_SIDE or bottom - top < MIN_SIDE:
        return None
    place = gray[top:bottom, left:right]
    # The rows above and below, beside the label: further left they may cross another panel.
    near = max(0, int(x0 - 2 * height) - left)
    background = float(np.median(np.concatenate([place[0, near:], place[-1, near:]])))
    drawn = (np.abs(place - background) > INK).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(drawn, connectivity=8)
    nearest: tuple[int, int] | None = None  # (right edge, component) left of the box
    first: tuple[int, int] | None = None  # (left edge, component) at the box's start
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
        if within and left + x + cw <= x0 and left + x >= start - OVERLAP * height:
            # A mark read as a glyph is the first thing in its box; the label's first letter
            # follows it.
            if first is None or left + x < first[0]:
                first = (left + x, i)
        elif left + x <= start - 0.1 * height and (nearest is None or left + x + cw > nearest[0]):
            nearest = (left + x + cw, i)
    best = first or nearest
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
    rows, columns = np.mgrid[0:ch, 0:cw]
    # Distance from the centre, 1 on the inscribed circle.
    reach = np.hypot((rows - (ch - 1) / 2) / (ch / 2), (columns - (cw - 1) / 2) / (cw / 2))
    grey = gray[top + y : top + y + ch, left + x : left + x + cw]
    around = (reach > 0.55) & (reach < 0.75)
    return _Square(
        left=int(left + x),
        top=int(top + y),
        width=int(cw),
        height=int(ch),
        sides=sides,
        fill=float(part.mean()),
        inside=float(inside.mean()) if inside.size else 0.0,
        one_colour=float(counts.max() / max(1, counts.sum())),
        corners=float(part[reach > 1.05].mean()) if (reach > 1.05).any() else 0.0,
        dot=abs(float(np.median(grey[reach < 0.25])) - float(np.median(grey[around])))
        if around.any()
        else 0.0,
        spread=float(grey[reach < 0.7].std()),
    )
