"""The selected line of a screenshot: the row of a list, the entry of a menu or the item of a
sidebar that a program marks as chosen.

People ask "which town is highlighted", "which process is selected", "what colour is the
selected row". A program marks the selected line with a band behind its text: a colour (blue
in most themes), or a dark band under light text. The band runs on past the text to the sides,
while the lines above or below keep the list's own background. The text reader gives each
line's box; the band is looked for around it, in the same plain colour words as the rest of
the description. A picture with more than ``MAX_ROWS`` such rows shows a coloured panel or a
theme, not a selection, and none is stated.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from ingest.vision import colours
from ingest.vision.legend import TextBox

MIN_HEIGHT = 5.0  # pixels: a box lower than this is noise
MAX_ROWS = 2
BAND_SHARE = 0.5  # of a box, at least this much in the band's colour word
THEME_SHARE = 0.25  # a colour covering more of the picture is the theme's, not a selection's
INK_STEP = 60  # grey levels between the text's ink and the band behind it
INK_SHARE = 0.05  # of a box, at least this much ink
SAME_BAND = 12  # grey levels: the band goes on beside the text
BAND_END = 30  # grey levels: the band ends above or below the line
TITLE_BAR = 0.12  # of the picture's height: the window's title line stands above this
CENTRED = 0.1  # of the picture's width: a title centred on the topmost line is this near
TITLE_MARGIN = 3.0  # text heights of band on each side of a title, at least
CENTRED_RATIO = 1.5  # the longer side of band at most this many times the shorter
SIDE_GAP, SIDE_REACH = 0.4, 1.5  # text heights beside a box where the band goes on
EDGE_GAP, EDGE_REACH = 0.8, 1.6  # text heights above and below a box where it has ended


def selected_rows(rgb: np.ndarray, boxes: Sequence[TextBox]) -> list[tuple[str, str]]:
    """(text of the row, colour word of its band) for each selected row of the RGB picture,
    top to bottom; [] when there is none, or more than ``MAX_ROWS``."""
    if not boxes:
        return []
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
    names = colours.name_pixels(rgb)
    theme = np.bincount(names.ravel(), minlength=len(colours.NAMES)) / names.size
    marked: list[tuple[TextBox, str]] = []
    for box in boxes:
        if _title(box, boxes, gray.shape):
            continue  # the window's title, on the title bar's colour
        colour = _band_colour(gray, names, theme, box)
        if colour:
            marked.append((box, colour))
    # A window's title stands alone in the middle of its title bar; the cells of a selected
    # table row may stand in the middle of their columns.
    rows = [
        row for row in _rows(marked) if len(row) > 1 or not _centred_in_band(gray, row[0][0].box)
    ]
    if len(rows) > MAX_ROWS:
        return []
    return [(" ".join(" ".join(b.text.split()) for b, _ in row), row[0][1]) for row in rows]


def _title(box: TextBox, boxes: Sequence[TextBox], shape: tuple[int, ...]) -> bool:
    """``box`` is the window's title: on the topmost line of text, near the top or centred."""
    top = min(boxes, key=lambda b: b.box[1]).box
    if not top[1] <= (box.box[1] + box.box[3]) / 2 <= top[3]:
        return False
    middle = (box.box[0] + box.box[2]) / 2
    return box.box[1] < TITLE_BAR * shape[0] or abs(middle - shape[1] / 2) < CENTRED * shape[1]


def selection_sentence(rows: Sequence[tuple[str, str]]) -> str:
    """'Selected (highlighted in blue): "Perth".', or "" for no rows."""
    return " ".join(f'Selected (highlighted in {colour}): "{text}".' for text, colour in rows)


def _band_colour(gray: np.ndarray, names: np.ndarray, theme: np.ndarray, box: TextBox) -> str:
    """The colour word of the band behind a line of text that marks it selected, or ""."""
    x0, y0, x1, y1 = box.box
    height = y1 - y0
    region = _patch(gray, x0, y0, x1, y1)
    if height < MIN_HEIGHT or region is None or not box.text.strip():
        return ""
    band = float(np.median(region))
    counts = np.bincount(_patch(names, x0, y0, x1, y1).ravel(), minlength=len(colours.NAMES))
    word = int(np.argmax(counts))
    if counts[word] < BAND_SHARE * region.size:
        return ""
    coloured = word not in colours.COLOURLESS and theme[word] < THEME_SHARE
    ink = region[np.abs(region - band) > INK_STEP]
    # A plain band is a selection only under light text: dark text on light gray is a
    # button, a header or a toolbar.
    inverted = ink.size >= INK_SHARE * region.size and float(ink.mean()) > band
    if not (coloured or inverted):
        return ""
    inset = 0.3 * height
    beside = (
        _patch(gray, x0 - SIDE_REACH * height, y0 + inset, x0 - SIDE_GAP * height, y1 - inset),
        _patch(gray, x1 + SIDE_GAP * height, y0 + inset, x1 + SIDE_REACH * height, y1 - inset),
    )
    if not any(p is not None and abs(float(np.median(p)) - band) < SAME_BAND for p in beside):
        return ""
    edges = (
        _patch(gray, x0, y0 - EDGE_REACH * height, x1, y0 - EDGE_GAP * height),
        _patch(gray, x0, y1 + EDGE_GAP * height, x1, y1 + EDGE_REACH * height),
    )
    # The band ends above and below the line: on a panel of that colour it goes on.
    if not all(p is None or abs(float(np.median(p)) - band) > BAND_END for p in edges):
        return ""
    return colours.NAMES[word]


def _centred_in_band(gray: np.ndarray, box: tuple[float, float, float, float]) -> bool:
    """The text stands in the middle of a wide band, as a window's title does on its title
    bar; a selected row's text starts near the band's left end, a tab's fills its tab."""
    x0, y0, x1, y1 = box
    band = float(np.median(_patch(gray, x0, y0, x1, y1)))
    row = gray[min(gray.shape[0] - 1, max(0, int((y0 + y1) / 2)))]
    same = np.abs(row - band) < SAME_BAND
    left = int(x0) - 1
    while left >= 0 and same[left]:
        left -= 1
    right = int(x1) + 1
    while right < len(same) and same[right]:
        right += 1
    reach = sorted((int(x0) - 1 - left, right - int(x1) - 1))
    return reach[0] > TITLE_MARGIN * (y1 - y0) and reach[1] < CENTRED_RATIO * reach[0]


def _patch(values: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> np.ndarray | None:
    h, w = values.shape[:2]
    top, bottom = max(0, int(y0)), min(h, int(y1))
    left, right = max(0, int(x0)), min(w, int(x1))
    patch = values[top:bottom, left:right]
    return patch if patch.size >= 6 else None


def _rows(marked: Sequence[tuple[TextBox, str]]) -> list[list[tuple[TextBox, str]]]:
    """The marked boxes grouped into rows (boxes whose middles lie within each other's
    height), each row's boxes left to right."""
    rows: list[list[tuple[TextBox, str]]] = []
    for box, colour in sorted(marked, key=lambda item: item[0].box[1]):
        middle = (box.box[1] + box.box[3]) / 2
        if rows and rows[-1][0][0].box[1] <= middle <= rows[-1][0][0].box[3]:
            rows[-1].append((box, colour))
        else:
            rows.append([(box, colour)])
    return [sorted(row, key=lambda item: item[0].box[0]) for row in rows]
