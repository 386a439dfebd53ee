"""Tables printed in fixed-width columns with single spaces between them: printed data frames,
ratings and survey extracts, listings such as ``ps`` prints.

``aligned_text_tables`` parts cells at runs of two or more spaces; here a header such as
"UCC PAY LAZ Rank Team" has one space between its labels, so the columns come from the whole
block instead: a gutter is a character position that is blank on every line of it. A block is
a run of lines without a blank one, its first line the header.

Only what is clearly a table is taken, since everything else stays prose:

- at least ``MIN_LINES`` lines and ``MIN_COLUMNS`` columns: with single spaces, a few short
  lines leave blank positions in common by chance;
- the header names every column with a short label, and each column holds a cell in most body
  rows;
- a worded header over a column of numbers, or capitalised labels over a column that is not
  capitalised (``aligned_text_tables``'s evidence that the first line is a header).
"""

from __future__ import annotations

import statistics

from ingest.loaders.aligned_text_tables import (
    KEY_CELL_CHARS,
    MAX_COLUMNS,
    MAX_LINES,
    RULE,
    TextTable,
    case_contrast,
    covered_runs,
    is_label,
    type_contrast,
)

MIN_LINES = 4  # a header and three rows
MIN_COLUMNS = 3
FILLED_SHARE = 2 / 3  # of the body rows that hold a cell in each column
# Wider lines are data or prose, never a table a reader reads row by row; the bound keeps the
# work per block linear in its lines.
MAX_WIDTH = 300


def fixed_width_tables(lines: list[str]) -> list[TextTable]:
    """Each block of ``lines`` (one text line each) that is a single-space fixed-width table."""
    found = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        end = i
        while end < len(lines) and lines[end].strip():
            end += 1
        if end - i <= MAX_LINES:
            table = _block_table(lines, i, end)
            if table is not None:
                found.append(table)
        i = end
    return found


def _block_table(lines: list[str], first: int, last: int) -> TextTable | None:
    block = [lines[k].expandtabs().rstrip() for k in range(first, last)]
    if len(block) < MIN_LINES or max(len(line) for line in block) > MAX_WIDTH:
        return None
    columns = _columns(block)
    if not MIN_COLUMNS <= len(columns) <= MAX_COLUMNS:
        return None
    rows = [[line[a:b].strip() for a, b in columns] for line in block]
    # A rule under the header ("───  ───") marks it as one and holds no cells.
    rows = [rows[0], *(row for row in rows[1:] if not all(RULE.fullmatch(c) for c in row if c))]
    header, body = rows[0], rows[1:]
    if not all(cell and is_label(cell) for cell in header):
        return None
    for k in range(len(columns)):
        values = [row[k] for row in body if row[k]]
        if len(values) < FILLED_SHARE * len(body):
            return None  # a column most rows leave empty: wrapped prose, not a column
    if not any(
        statistics.median(len(row[k]) for row in body) <= KEY_CELL_CHARS
        for k in range(len(columns))
    ):
        return None
    if not (type_contrast(header, body) or case_contrast(header, body)):
        return None
    return TextTable(first, last, rows)


def _columns(block: list[str]) -> list[tuple[int, int]]:
    """The character ranges between gutters: positions blank on every line of ``block``."""
    width = max(len(line) for line in block)
    used = [False] * width
    for line in block:
        for x, char in enumerate(line):
            if char != " ":
                used[x] = True
    return covered_runs(used)
