"""Tables printed as column-aligned plain text: man pages rendered to text, READMEs, reST simple
tables.

A line splits into cells at runs of two or more spaces (tabs expanded); a cell's words are one
space apart. A table starts at a header line and runs over the lines below it up to a blank
line or a line of prose that starts at or left of the table's first column. Its columns are
the character ranges that the cells of its rows cover, with gutters that no row crosses. A line
whose first column is empty continues the row above (a description that wraps); rule lines of
dashes or equals signs are dropped, and one under the header marks it as one.

Only what is clearly a table is taken, since everything else stays prose:

- at least ``MIN_ROWS`` rows (the header counted) and two columns, the header naming every
  column with short labels (an option list's ``-v, --verbose   be verbose`` names none, a
  key-value list's ``Author:   Jane`` neither), but for a column of keys left of its first
  label ("width  0 - 100  71  Percentage ..." under "Range  Default  Description");
- in every column, the cells of the body rows start at one position, end at one or are centred
  on one (left or right aligned, or centred); justified prose, whose double spaces fall
  anywhere, is not;
- evidence that the first line is a header: a rule line under it, a worded header over a column
  of numbers, or capitalised labels over a column that is not capitalised.

A single blank line inside a table (a page break in man output) is bridged when the lines after
it fit the table's columns.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from ingest.loaders.pdf_table_layout import carried_down, join_lines, opens_grouped_row

MIN_ROWS = 3  # a header and two rows
MAX_LINES = 400  # a table is read over at most this many lines; the rest stays prose
MAX_COLUMNS = 24  # more is a matrix of numbers (data), not a table to read row by row
HEADER_CELL_CHARS = 40
HEADER_CELL_WORDS = 4
KEY_CELL_CHARS = 30  # some column must hold short keys: two columns of prose are not a table
ALIGNED_SHARE = 2 / 3  # of a column's body cells that must share their start or their end
NUMBER_SHARE = 0.8
# A cell: words one space apart. A tab always ends a cell, even where it widens to one space
# (``_cells`` puts NUL where a tab starts), and so does a bar between spaces ("uid | name").
CELL = re.compile(r"[^\s\0]+(?: [^\s\0]+)*")
BAR = re.compile(r"(?<!\S)\|(?!\S)")
RULE = re.compile(r"[-=~_+:|─━═┼]*[-=~_─━═]{3,}[-=~_+:|─━═┼]*")
HEADER_LINES = 3  # a header may wrap onto this many lines above its rule
# A header label: no option ("-v"), no key of a key-value list ("Author:"), no code or comment.
NOT_A_LABEL = re.compile(r"^[-+*•]|[:;,]$|[=;{}$`\"<>\\]|(^|\s)#\s")
NUMBER = re.compile(r"[-+~<>≈]?\d[\d,.]*(\s*[%×x]|\s?[A-Za-z/]{1,6}(/s)?)?")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TextTable:
    first: int  # index of its first line
    last: int  # index of the line after its last
    rows: list[list[str]]  # the header first


def aligned_tables(lines: list[str]) -> list[TextTable]:
    """Each column-aligned table among ``lines`` (one text line each, no line breaks)."""
    split = [_cells(line) for line in lines]
    found = []
    i = 0
    while i < len(lines):
        if not 2 <= len(split[i]) <= MAX_COLUMNS or not all(is_label(c.text) for c in split[i]):
            i += 1
            continue
        table, run_end = _table_at(split, i)
        keyed = _with_key_column(split, i)
        if table is None and keyed is not None:
            table, run_end = _table_at([*split[:i], keyed, *split[i + 1 :]], i, keyed=True)
        if table is not None:
            found.append(table)
            i = table.last
        else:
            # The run was looked at from its first header-like line: a later line of it is no
            # header either (a table's header is its first line).
            i = max(i + 1, run_end)
    return found


def _cells(line: str) -> list[Cell]:
    if "\t" in line:
        expanded = ""
        for char in line:
            if char == "\t":
                expanded += "\0" + " " * (7 - len(expanded) % 8)
            else:
                expanded += char
        line = expanded
    line = BAR.sub(" ", line)
    return [Cell(m.start(), m.end(), m.group()) for m in CELL.finditer(line)]


def _is_rule(cells: list[Cell]) -> bool:
    return bool(cells) and all(RULE.fullmatch(c.text) for c in cells)


def is_label(text: str) -> bool:
    return (
        len(text) <= HEADER_CELL_CHARS
        and len(text.split()) <= HEADER_CELL_WORDS
        and bool(re.search(r"[A-Za-z]", text))
        and not NOT_A_LABEL.search(text)
        and not RULE.fullmatch(text)
        and not _SENTENCE.search(text)
    )


# "Suspend the tmux client.": words ending with a full stop say something; a label names
# ("No.", "Avg. time" are short).
_SENTENCE = re.compile(r"^\S+(?:\s+\S+){2,}(?<=[a-z])\.$")


def _run(split: list[list[Cell]], header: int) -> int:
    """The index after the last line that may belong to the table headed at ``header``."""
    first = split[header][0]
    j = header + 1
    limit = min(len(split), header + MAX_LINES)
    while j < limit:
        cells = split[j]
        if not cells:
            break
        if not _is_rule(cells):
            if len(cells) >= 2 and cells[0].end <= first.start:
                break  # a line left of the first column: something else starts
            if len(cells) == 1 and cells[0].start <= first.start:
                break  # prose from the margin
        j += 1
    return j


def _with_key_column(split: list[list[Cell]], header: int) -> list[Cell] | None:
    """The header's cells with an empty label in front, where the row under it opens with a
    key left of the header's first label and goes on under it: a man page labels the columns
    of "width  0 - 100  71  Percentage of ..." with "Range  Default  Description" only."""
    below = split[header + 1] if header + 1 < len(split) else []
    first = split[header][0]
    if len(below) < 2 or below[0].end > first.start or below[1].start < first.start - 2:
        return None
    return [Cell(below[0].start, below[0].start + 1, ""), *split[header]]


def _table_at(
    split: list[list[Cell]], header: int, *, keyed: bool = False
) -> tuple[TextTable | None, int]:
    end = _run(split, header)
    lines = [header, *(j for j in range(header + 1, end) if not _is_rule(split[j]))]
    columns = _columns(split, lines)
    if not 2 <= len(columns) <= MAX_COLUMNS:
        return None, end
    # A rule under the header (which may wrap onto a few lines) marks it as one.
    rule = next(
        (
            j
            for j in range(header + 1, min(end, header + HEADER_LINES + 1))
            if _underlines(split[j], columns)
        ),
        None,
    )
    rows, starts = _rows(split, lines, columns)
    # Lines after one blank line that fit the columns go on with the table.
    while end + 1 < len(split) and not split[end] and _fits(split[end + 1], columns):
        more_end = _run(split, end + 1)
        more = [j for j in range(end + 1, more_end) if not _is_rule(split[j])]
        if not all(_fits(split[j], columns) or _continues(split[j], columns) for j in more):
            break
        more_rows, more_starts = _rows(split, more, columns)
        rows += more_rows
        starts += more_starts
        end = more_end
    if rule is not None:  # the header's lines as one row
        above = sum(1 for j in starts if j < rule)
        header_row = [
            join_lines([row[k] for row in rows[:above] if row[k]]) for k in range(len(columns))
        ]
        rows = [header_row, *rows[above:]]
        starts = [header, *starts[above:]]
    if len(rows) < MIN_ROWS or not _sound(rows, starts, split, columns, rule is not None, keyed):
        return None, end
    # A reST simple table's top border belongs to it, not to the prose above.
    first = header - 1 if header > 0 and _underlines(split[header - 1], columns) else header
    return TextTable(first, end, rows), end


def _columns(split: list[list[Cell]], lines: list[int]) -> list[tuple[int, int]]:
    """Character ranges covered by the cells of the lines that start a row (the header, and
    lines with a cell in the first column): a wrapped description may cross a gutter."""
    first = split[lines[0]][0]
    row_lines = [j for j in lines if split[j][0].start < first.end or j == lines[0]]
    width = max(c.end for j in row_lines for c in split[j]) + 1
    cover = [False] * width
    for j in row_lines:
        if len(split[j]) < 2:
            continue
        for cell in split[j]:
            cover[cell.start : cell.end] = [True] * (cell.end - cell.start)
    return covered_runs(cover)


def covered_runs(cover: list[bool]) -> list[tuple[int, int]]:
    """The ranges of positions that are covered, between those that are not: the columns."""
    columns: list[tuple[int, int]] = []
    start = None
    for x, covered in enumerate([*cover, False]):
        if covered and start is None:
            start = x
        elif not covered and start is not None:
            columns.append((start, x))
            start = None
    return columns


def _underlines(cells: list[Cell], columns: list[tuple[int, int]]) -> bool:
    """A rule line from the first column to the last (a menu's "---" under one entry is none)."""
    return _is_rule(cells) and cells[0].start < columns[0][1] and cells[-1].end > columns[-1][0]


def _column_of(cell: Cell, columns: list[tuple[int, int]]) -> int:
    """The column a cell starts in, or the last one starting left of it."""
    index = 0
    for k, (a, _b) in enumerate(columns):
        if a <= cell.start:
            index = k
    return index


def _fits(cells: list[Cell], columns: list[tuple[int, int]]) -> bool:
    """A row line whose every cell lies inside one column, the first one among them."""
    return (
        len(cells) >= 2
        and all(any(a <= c.start and c.end <= b for a, b in columns) for c in cells)
        and cells[0].start < columns[0][1]
    )


def _continues(cells: list[Cell], columns: list[tuple[int, int]]) -> bool:
    return bool(cells) and cells[0].start >= columns[0][1]


def _rows(
    split: list[list[Cell]], lines: list[int], columns: list[tuple[int, int]]
) -> tuple[list[list[str]], list[int]]:
    """The cells of each row, by column, and the line each row starts on."""
    rows: list[list[list[str]]] = []
    starts: list[int] = []
    for j in lines:
        placed: list[list[str]] = [[] for _ in columns]
        for cell in split[j]:
            placed[_column_of(cell, columns)].append(cell.text)
        if not rows or split[j][0].start < columns[0][1]:
            rows.append(placed)
            starts.append(j)
        elif opens_grouped_row(rows[-1], placed):
            rows.append(carried_down(rows[-1], placed))
            starts.append(j)
        else:  # the row above goes on (a wrapped description)
            for column, pieces in enumerate(placed):
                rows[-1][column].extend(pieces)
    return [[join_lines(parts) for parts in row] for row in rows], starts


def _sound(
    rows: list[list[str]],
    starts: list[int],
    split: list[list[Cell]],
    columns: list[tuple[int, int]],
    ruled_header: bool,
    keyed: bool = False,
) -> bool:
    header, body = rows[0], rows[1:]
    labelled = header[1:] if keyed and not header[0] else header  # the key column is unnamed
    if not all(cell and is_label(cell) for cell in labelled):
        return False
    # One label per column on the header's line: two in one column mean a cell of some row
    # bridges the gutter between them.
    named = [_column_of(c, columns) for c in split[starts[0]]]
    if len(set(named)) < len(named):
        return False
    if not all(_aligned(split, starts[1:], columns, k) for k in range(len(columns))):
        return False
    if not any(
        statistics.median(len(row[k]) for row in body if row[k]) <= KEY_CELL_CHARS
        for k in range(len(columns))
        if any(row[k] for row in body)
    ):
        return False
    if keyed:
        header, body = labelled, [row[len(header) - len(labelled) :] for row in body]
    return ruled_header or type_contrast(header, body) or case_contrast(header, body)


def _aligned(
    split: list[list[Cell]], starts: list[int], columns: list[tuple[int, int]], column: int
) -> bool:
    """The body rows' cells in ``column`` (on their first line) start at one position, end at
    one or are centred on one, but for a few."""
    cells = [[c for c in split[j] if _column_of(c, columns) == column] for j in starts]
    spans = [(found[0].start, found[-1].end) for found in cells if found]
    if len(spans) < 2:
        return True
    need = ALIGNED_SHARE * len(spans)
    most_starts = max(sum(1 for s, _ in spans if s == x) for x, _ in spans)
    most_ends = max(sum(1 for _, e in spans if e == x) for _, x in spans)
    # Centred ("0", "71", "0.5" under "Default"): the middles within a character of each other.
    middles = [(s + e) / 2 for s, e in spans]
    most_middles = max(sum(1 for m in middles if abs(m - x) <= 1) for x in middles)
    return max(most_starts, most_ends, most_middles) >= need


def type_contrast(header: list[str], body: list[list[str]]) -> bool:
    """A worded header over a column of numbers: "CompMem" above 3 MiB, 9 MiB, 17 MiB."""
    for k, name in enumerate(header):
        values = [row[k] for row in body if row[k]]
        if re.search(r"\d", name) or len(values) < 2:
            continue
        if sum(1 for v in values if NUMBER.fullmatch(v)) >= NUMBER_SHARE * len(values):
            return True
    return False


def case_contrast(header: list[str], body: list[list[str]]) -> bool:
    """Capitalised labels over a column whose cells are not: "Name  Type" above "size  int"."""
    if not all(cell[0].isupper() for cell in header):
        return False
    for k in range(len(header)):
        values = [row[k] for row in body if row[k]]
        if len(values) >= 2 and sum(1 for v in values if not v[0].isupper()) >= NUMBER_SHARE * len(
            values
        ):
            return True
    return False
