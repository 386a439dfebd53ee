"""Tables without ruling lines, found from word positions alone.

Words (pdfplumber dicts: text, x0, x1, top, bottom, size) are grouped into lines by baseline. A
line splits into cells where two words are at least ``GAP_EM`` font sizes apart: wider than a
word space, even in justified prose, and narrower than a column gap (two monospace spaces, a
tab stop, LaTeX's column separation). A run of closely spaced lines, most of them with two
cells or more, is a table candidate; its columns are the x ranges that the cells cover, with
gutters where (nearly) no line has a word. A line whose first column is empty continues the
row above (wrapped descriptions); a one-cell line that starts in the first column is prose
after the table, and ends it. Rule lines made of dashes separate the header and are dropped.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

GAP_EM = 1.0  # a gap this many font sizes wide separates two cells
LINE_GAP_EM = 1.0  # lines further apart than this (blank space between) are not one table
SPAN_SHARE = 0.1  # this share of lines may cross a gutter (a long cell) without closing it
MIN_LINES = 3  # header and two rows
SIZE_SPREAD = 1.4  # the lines of one table are set in about one font size
OVERFLOW_SHARE = 0.2  # a column filled in fewer of the rows, without a header, is overflow
UNMAPPED_SHARE = 0.15  # this share of a table's cells may hold a glyph without a character
ODD_SIZE_SHARE = 0.2  # this share of its lines may be set smaller or larger (a formula's parts)
MIN_MIXED_LINES = 8  # ... in a table of this many lines with two cells or more
HEADER_CELL_CHARS = 40
KEY_CELL_CHARS = 30  # some column must hold short keys: two columns of prose are not a table
# The Private Use Area, where TeX's fonts put the pieces of brackets taller than a line.
PIECE = re.compile("[\ue000-\uf8ff]")
UNMAPPED = re.compile(r"\(cid:\d+\)\s?")
LEADER = re.compile(r"(\. ?){4,}")  # dot leaders: ". . . . 12"
RULE = re.compile(r"[-=_–—~*+.]{3,}(\s+[-=_–—~*+.]{3,})*")


@dataclass
class Line:
    words: list[dict] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w["top"] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.get("size") or (w["bottom"] - w["top"]) for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    def cells(self) -> list[list[dict]]:
        """The line's words, split at gaps of ``GAP_EM`` font sizes or more."""
        gap = GAP_EM * self.size
        cells = [[self.words[0]]]
        for before, word in zip(self.words, self.words[1:], strict=False):
            if word["x0"] - before["x1"] >= gap:
                cells.append([word])
            else:
                cells[-1].append(word)
        return cells


def group_lines(words: list[dict]) -> list[Line]:
    """Words grouped by baseline into lines, top to bottom, each left to right."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        size = word.get("size") or (word["bottom"] - word["top"])
        if lines and abs(word["bottom"] - lines[-1].words[0]["bottom"]) <= 0.4 * size:
            lines[-1].words.append(word)
        else:
            lines.append(Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


@dataclass
class Candidate:
    """A block of aligned lines: ``rows[0]`` is the header when ``header`` is True."""

    rows: list[list[str]]
    bbox: tuple[float, float, float, float]
    header: bool
    parted: bool = False  # the next block repeats its header's first label: a second part


def aligned_tables(lines: list[Line], rules: list[tuple[float, float, float]]) -> list[Candidate]:
    """Each whitespace-aligned block among ``lines``; ``rules`` are drawn horizontal lines
    ``(x0, x1, y)``, which may underline a header."""
    found = []
    i = 0
    while i < len(lines):
        if not (_is_rule(lines[i]) or len(lines[i].cells()) >= 2):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].top - lines[j - 1].bottom <= LINE_GAP_EM * lines[j].size:
            j += 1
        above = lines[i - 1] if i and _just_above(lines[i - 1], lines[i]) else None
        candidate, used = _table(lines[i:j], rules, above)
        if candidate is not None:
            found.append(candidate)
        i += max(used, 1)
    return found


def _just_above(line: Line, first: Line) -> bool:
    """``line`` sits right above ``first``, with no blank line between (a header may)."""
    return (
        len(line.cells()) == 1
        and first.top - line.bottom <= LINE_GAP_EM * first.size
        and line.size <= SIZE_SPREAD * first.size
        and first.size <= SIZE_SPREAD * line.size
    )


def _table(run: list[Line], rules, above: Line | None = None):
    """The block at the start of ``run`` (or None) and how many lines it used. ``above``: the
    one-cell line right above it, which may be a header whose labels are one space apart."""
    parted = _second_part(run)
    run = run[:parted] if parted else run
    multi = [line for line in run if not _is_rule(line) and len(line.cells()) >= 2]
    if len(multi) < MIN_LINES - 1:
        return None, len(run)
    if not _one_size(multi):  # labels over the small print of a figure
        return None, len(run)
    columns = _columns(multi)
    if len(columns) < 2:
        return None, len(run)
    rows: list[list[list[str]]] = []
    starts: list[Line] = []  # the first line of each row
    ruled_after: set[int] = set()  # rows followed by a rule line of dashes
    used = 0
    for line in run:
        used += 1
        if _is_rule(line):
            ruled_after.add(len(rows) - 1)
            continue
        cells = _assign(line, columns)
        if cells[0] or not rows:
            if len(line.cells()) < 2:  # one cell from the left margin: prose after the table
                used -= 1
                break
            rows.append(cells)
            starts.append(line)
        elif opens_grouped_row(rows[-1], cells):
            rows.append(carried_down(rows[-1], cells))
            starts.append(line)
        else:  # first column empty: the row above goes on (a wrapped description)
            for column, words in enumerate(cells):
                rows[-1][column].extend(words)
    texts = _without_overflow([[join_lines(cell) for cell in row] for row in rows])
    if len(texts) < MIN_LINES - 1 or not _plausible(texts):
        return None, used
    texts = [[UNMAPPED.sub("", cell).strip() for cell in row] for row in texts]
    lines = [line for line in run[:used] if not _is_rule(line)]
    bbox = (
        min(line.x0 for line in lines),
        min(line.top for line in lines),
        max(line.x1 for line in lines),
        max(line.bottom for line in lines),
    )
    header = 0 in ruled_after or (len(starts) > 1 and _underlined(starts, bbox, rules))
    header = header or _font_differs(starts) or _type_contrast(texts)
    if not header and above is not None:
        labels = _labels_over(above, columns)
        if (
            labels
            and _short_labels(labels)
            and _type_contrast([labels, *texts])
            and not any(_several_numbers(cell) for row in texts for cell in row)
            and not any(_is_number(label) or label in MISSING for label in labels)
        ):
            texts = [labels, *texts]
            bbox = (min(bbox[0], above.x0), above.top, max(bbox[2], above.x1), bbox[3])
            header = True
    return Candidate(texts, bbox, header and _short_labels(texts[0]), bool(parted)), used


def _second_part(run: list[Line]) -> int | None:
    """Where a table too wide for the page goes on under a header of its own: a later line
    opens with the first line's first label ("Library DBSCAN OPTICS ..." and further down
    "Library Index Acceleration ... Language"). Its columns are not the first part's, so
    the block ends there and the second part is read as a table of its own."""
    lines = [(k, line) for k, line in enumerate(run) if not _is_rule(line)]
    if not lines or len(lines[0][1].cells()) < 2:
        return None
    label = _cell_text(lines[0][1].cells()[0])
    if _is_number(label) or label in MISSING:
        return None
    for n, (k, line) in enumerate(lines[1:], start=1):
        cells = line.cells()
        if len(cells) >= 2 and _cell_text(cells[0]) == label:
            # Rows that all open with one word ("gcc -O2 ...") are rows, not parts.
            return k if n >= MIN_LINES - 1 else None
    return None


def _cell_text(words: list[dict]) -> str:
    return " ".join(w["text"] for w in words)


def _without_overflow(rows: list[list[str]]) -> list[list[str]]:
    """The rows with each column that only a few long cells reach ("))" and "> 0" of a
    formula wider than its column), with no header of its own, joined to the column on its
    left."""
    for column in range(len(rows[0]) - 1 if rows else 0, 0, -1):
        filled = sum(1 for row in rows[1:] if row[column])
        if rows[0][column] or filled > OVERFLOW_SHARE * (len(rows) - 1):
            continue
        rows = [
            [*row[: column - 1], " ".join(c for c in row[column - 1 : column + 1] if c)]
            + row[column + 1 :]
            for row in rows
        ]
    return rows


def _one_size(lines: list[Line]) -> bool:
    """The lines are set in about one font size. A formula's subscripts and its tall brackets
    are set smaller and larger on lines of their own: in a long table, a few such lines are
    its cells'. A short block of mixed sizes is a formula itself, or labels over a figure."""
    common = statistics.median(line.size for line in lines)
    odd = [
        line
        for line in lines
        if line.size > SIZE_SPREAD * common or common > SIZE_SPREAD * line.size
    ]
    allowed = ODD_SIZE_SHARE * len(lines) if len(lines) >= MIN_MIXED_LINES else 0
    return len(odd) <= allowed


def opens_grouped_row(above: list[list[str]], line: list[list[str]]) -> bool:
    """A line whose first column is empty opens a row of its own, not the row above going on,
    when it puts a number under a number of the row above: a wrapped description adds words
    to its cell, a grouped table ("PNG  lossless  10" over "     alpha     8") adds a row that
    leaves its group's name unsaid. It fills two columns at least: a lone number is a label of
    a plot more often than a row. ``above`` and ``line`` hold each column's pieces."""
    return sum(1 for pieces in line if pieces) >= 2 and any(
        pieces and above[k] and all(map(_is_number, pieces)) and all(map(_is_number, above[k]))
        for k, pieces in enumerate(line)
        if k
    )


def carried_down(above: list[list[str]], line: list[list[str]]) -> list[list[str]]:
    """``line``'s cells, its leading empty ones taking the row above's: the group it is in."""
    lead = next((k for k, pieces in enumerate(line) if pieces), len(line))
    return [list(pieces) for pieces in above[:lead]] + [list(pieces) for pieces in line[lead:]]


# What R, pandas and SQL print for a missing value: a row of them is data, not labels.
MISSING = frozenset(["NA", "<NA>", "NaN", "NULL", "None", "nan"])


def _several_numbers(cell: str) -> bool:
    """Numbers one space apart in one cell: columns the gaps did not part, which labels one
    space apart would be placed over wrongly."""
    words = cell.split()
    return len(words) > 1 and sum(map(_is_number, words)) >= 2


def _labels_over(line: Line, columns: list[tuple[float, float]]) -> list[str] | None:
    """The words of ``line`` as one label per column, or None when they do not line up.

    A table printed in a fixed-width font (R's matrices, ``ls -l``) may part its header's
    labels by one space, which reads as one cell: each label is then placed by an edge it
    shares with its column, the right one (numbers are right-aligned, and so is the label
    over them) or else the left one. The first column's label is what stands before the
    second's (row names are aligned either way). Every column gets a label, every word a
    column.
    """
    slack = 0.5 * line.size
    for side in (1, 0):
        labels: list[list[dict]] = [[] for _ in columns]
        for word in line.words:
            k = _column_of(word, columns, side, slack)
            if k is None:
                break
            labels[k].append(word)
        else:
            edges = [(words[-1]["x1"] if side else words[0]["x0"]) for words in labels if words]
            bounds = [column[side] for column in columns]
            if len(edges) == len(columns) and all(
                abs(edge - bound) <= slack
                for edge, bound in zip(edges[1:], bounds[1:], strict=True)
            ):
                return [" ".join(w["text"] for w in words) for words in labels]
    return None


def _column_of(word: dict, columns: list[tuple[float, float]], side: int, slack: float):
    """The column a header word labels, by its right edge (``side`` 1) or left edge (0)."""
    if word["x1"] < columns[1][0] - slack:
        return 0
    if side:  # the first column whose right edge is not left of the word's
        return next((k for k, (_, b) in enumerate(columns) if word["x1"] <= b + slack), None)
    # the last column whose left edge is not right of the word's
    return next(
        (k for k in reversed(range(len(columns))) if columns[k][0] <= word["x0"] + slack), None
    )


def _underlined(starts: list[Line], bbox, rules) -> bool:
    """A drawn line between the first row and the second, across most of the table."""
    width = bbox[2] - bbox[0]
    low, high = starts[0].bottom - 1, starts[1].top + 1
    return any(
        low <= y <= high and min(x1, bbox[2]) - max(x0, bbox[0]) >= 0.5 * width
        for x0, x1, y in rules
    )


def _font_differs(starts: list[Line]) -> bool:
    """The first row in another font (bold, italic) than the body's usual one."""
    body = Counter(w.get("fontname") for line in starts[1:] for w in line.words)
    if not body:
        return False
    usual = body.most_common(1)[0][0]
    return usual is not None and all(w.get("fontname") != usual for w in starts[0].words)


NUMBER = re.compile(r"[-+]?(\d[\d,.]*|0x[\da-fA-F]+)%?")


def _type_contrast(rows: list[list[str]]) -> bool:
    """A worded first cell over a column of numbers: "Value" above 1, 2, 4."""
    for column, name in enumerate(rows[0]):
        values = [row[column] for row in rows[1:] if row[column]]
        worded = re.search(r"[A-Za-z]{2}", name) and not re.search(r"\d", name)
        if worded and len(values) >= 2 and sum(map(_is_number, values)) >= 0.8 * len(values):
            return True
    return False


def _is_number(value: str) -> bool:
    return bool(NUMBER.fullmatch(value))


def _short_labels(header: list[str]) -> bool:
    named = [cell for cell in header if cell]
    return (
        len(named) >= len(header) - 1
        and all(len(cell) <= HEADER_CELL_CHARS and len(cell.split()) <= 6 for cell in named)
        and sum(1 for cell in named if re.search(r"[A-Za-z]", cell)) * 2 >= len(named)
    )


def _columns(lines: list[Line]) -> list[tuple[float, float]]:
    """X ranges covered by the cells of more than ``SPAN_SHARE`` of the lines."""
    left = int(min(line.x0 for line in lines))
    width = int(max(line.x1 for line in lines)) - left + 2
    cover = [0] * width
    for line in lines:
        for cell in line.cells():
            for x in range(int(cell[0]["x0"]) - left, int(max(w["x1"] for w in cell)) - left + 1):
                cover[x] += 1
    limit = SPAN_SHARE * len(lines)
    columns: list[tuple[float, float]] = []
    start = None
    for x, count in enumerate(cover):
        if count > limit and start is None:
            start = x
        elif count <= limit and start is not None:
            columns.append((left + start, left + x))
            start = None
    return columns


def _assign(line: Line, columns: list[tuple[float, float]]) -> list[list[str]]:
    """The line's words, by column: each word goes to the column its centre falls in, or the
    nearest one."""
    cells: list[list[str]] = [[] for _ in columns]
    for word in line.words:
        centre = (word["x0"] + word["x1"]) / 2
        distance = [
            0 if a <= centre <= b else min(abs(centre - a), abs(centre - b)) for a, b in columns
        ]
        cells[distance.index(min(distance))].append(word["text"])
    return [[" ".join(cell)] if cell else [] for cell in cells]


def _plausible(rows: list[list[str]]) -> bool:
    """One column of short keys (two columns of prose are a page layout, not a table), few
    unmapped glyphs and none among the keys (formulas come out as "(cid:16)"; a table may
    print a symbol or two, as a subscript epsilon), no bracket drawn in pieces, and no dot
    leaders."""
    cells = [cell for row in rows for cell in row]
    if any(PIECE.search(cell) for cell in cells):
        return False  # a tall bracket, drawn in pieces, around a matrix or a formula
    if sum(1 for cell in cells if "(cid:" in cell) > UNMAPPED_SHARE * len(cells) or any(
        "(cid:" in row[0] for row in rows
    ):
        return False
    if sum(1 for row in rows if any(LEADER.search(cell) for cell in row)) >= 0.3 * len(rows):
        return False  # a table of contents or an index
    for column in range(len(rows[0])):
        values = [row[column] for row in rows if row[column]]
        if values and statistics.median(len(v) for v in values) <= KEY_CELL_CHARS:
            return True
    return False


def _is_rule(line: Line) -> bool:
    return bool(RULE.fullmatch(line.text))


def join_lines(lines: list[str]) -> str:
    """The lines of one cell as one string."""
    text = ""
    for line in lines:
        # A word broken at the cell's edge: keep the hyphen (it may be a compound's).
        if text.endswith("-") and text[-2:-1].isalpha() and line[:1].islower():
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text


def last_sentences(text: str, shortest: int = 60, longest: int = 240) -> str:
    """The last sentence of ``text`` (two when the last is short), at most ``longest`` chars."""
    flat = " ".join(text.split())
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'’‘(<])", flat)
    picked = sentences[-1] if sentences else ""
    if len(picked) < shortest and len(sentences) > 1:
        picked = f"{sentences[-2]} {picked}"
    if len(picked) > longest:
        picked = picked[-longest:].split(" ", 1)[-1]
    return picked.strip()
