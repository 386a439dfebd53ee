"""Ruled tables: cells from pdfplumber's ``find_tables`` (drawn lines), text from our words.

The cell grid follows the drawn lines, and many tables rule only their columns and header: the
body is then one tall cell per column, each holding a line per row (the CRC benchmark tables,
neato's attribute table). Such a cell is split back into rows by baseline: a line whose first
column is empty continues the row above (a wrapped description), and a row of one cell across
the table ("Node Attributes") names the group of rows under it. A table may rule only the
columns of its values, with its rows' labels left of the grid under horizontal rules that run
across both: those labels key its rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.loaders.pdf_table_layout import group_lines, join_lines


@dataclass
class Grid:
    """A table as read: header cells, rows of cells, and each row's group label."""

    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    bbox: tuple[float, float, float, float] = (0, 0, 0, 0)


def ruled_grids(
    found_tables, words: list[dict], rules: Sequence[tuple[float, float, float]] = ()
) -> list[Grid]:
    """One ``Grid`` per pdfplumber table (``page.find_tables()``) with a header and a row.
    ``rules`` are the page's horizontal lines, ``(x0, x1, top)``."""
    grids = []
    for found in found_tables:
        grid: Grid | None = None
        group = ""
        stub = _stub_left(found.bbox, rules)
        for row in found.rows:
            boxes = row.cells
            cells = [_cell(words, box) if box else [] for box in boxes]
            if len(boxes) > 1 and sum(box is not None for box in boxes) == 1:
                only = next(cell for cell, box in zip(cells, boxes, strict=True) if box)
                group = join_lines([text for _, text in only])
                continue  # a row of one cell across the table: a group title
            if grid is None:
                grid = Grid([join_lines([text for _, text in cell]) for cell in cells])
                if stub is not None:
                    grid.header.insert(0, "")  # the labels' column: rows are keyed by it
                continue
            if stub is not None:
                # The row's label, in the unruled column left of the grid.
                cells = [_cell(words, (stub, row.bbox[1], found.bbox[0], row.bbox[3])), *cells]
            for split in split_rows(cells):
                grid.rows.append(split)
                grid.groups.append(group)
        if grid is not None and grid.rows:
            grid.bbox = tuple(found.bbox)
            grids.append(grid)
    return grids


# A table may rule only the columns of its values: its rows' labels stand left of the grid,
# under the horizontal rules that run across both ("SSV HMM local" beside "0.35 0.35 0.15").
STUB_MIN_WIDTH = 20.0  # points a rule must run past the grid's left edge


def _stub_left(bbox, rules: Sequence[tuple[float, float, float]]) -> float | None:
    """The left edge of the labels' column left of the grid at ``bbox``: where the
    horizontal rules within the grid's height that run on past its left edge start."""
    left, top, right, bottom = bbox
    starts = [
        x0
        for x0, x1, y in rules
        if top - 1 <= y <= bottom + 1 and x0 <= left - STUB_MIN_WIDTH and x1 >= right - 1
    ]
    return min(starts) if starts else None


def _cell(words: list[dict], box) -> list[tuple[float, str]]:
    """The text lines inside one cell, top to bottom, with their baselines."""
    held = [w for w in words if inside(w, box)]
    return [(line.bottom, line.text) for line in group_lines(held)]


def split_rows(cells: list[list[tuple[float, str]]]) -> list[list[str]]:
    """The rows held by one ruled row: one per baseline that starts in the first column, when
    at least two baselines hold two cells or more (lines stacked without rules between them);
    otherwise the lines are wrapped text of a single row."""
    baselines: list[float] = []
    for cell in cells:
        for bottom, _ in cell:
            if not any(abs(bottom - b) <= 2.0 for b in baselines):
                baselines.append(bottom)
    baselines.sort()
    at = [[_at(cell, b) for cell in cells] for b in baselines]
    if sum(1 for row in at if sum(1 for text in row if text) >= 2) < 2:
        return [[join_lines([text for _, text in cell]) for cell in cells]]
    rows: list[list[list[str]]] = []
    for row in at:
        if row[0] or not rows:
            rows.append([[text] if text else [] for text in row])
        else:  # first column empty: the row above wraps onto this line
            for column, text in enumerate(row):
                if text:
                    rows[-1][column].append(text)
    return [[join_lines(cell) for cell in row] for row in rows]


def _at(cell: list[tuple[float, str]], baseline: float) -> str:
    return " ".join(text for bottom, text in cell if abs(bottom - baseline) <= 2.0)


def inside(word: dict, box) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]
