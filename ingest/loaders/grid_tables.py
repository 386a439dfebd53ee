"""reStructuredText grid tables (boxes drawn with ``+``, ``-``, ``=`` and ``|``), read with
docutils' own table parser: cells that run over several lines, and cells that span columns or
rows (their text is repeated under each column and in each row they cover, as HTML colspans
are). Boxes drawn by command-line tools, a row per line, are read too."""

from __future__ import annotations

import re

from ingest.loaders.aligned_text_tables import TextTable

BORDER = re.compile(r"\+(?:[-=]+\+)+")
# A rule between rows drawn inside the box's sides, as psql and tabulate's "psql" format draw
# the one under the header: "|--------+-------|".
RULE_INSIDE_SIDES = re.compile(r"\|((?:[-=]+\+)*[-=]+)\|")
MIN_LINES = 5  # top border, header, border, a row, bottom border
MAX_LINES = 2_000  # a longer box is left as text: the parser's work grows with its area


def boxes(lines: list[str]) -> list[tuple[int, int]]:
    """Line spans ``[first, last)`` of the boxes drawn among ``lines``: a ``+--+`` border, then
    lines that go on with ``+`` or ``|`` at its indent, ending with a border. Tables or not,
    they are no column-aligned text either."""
    spans = []
    i = 0
    while i < len(lines):
        if not BORDER.fullmatch(lines[i].strip()):
            i += 1
            continue
        indent = len(lines[i]) - len(lines[i].lstrip())
        j = i + 1
        while j < len(lines) and lines[j][indent : indent + 1] in ("+", "|"):
            j += 1
        while j > i + 1 and not BORDER.fullmatch(lines[j - 1].strip()):
            j -= 1
        if j - i >= MIN_LINES:
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def grid_tables(lines: list[str]) -> list[TextTable]:
    """Each grid table among ``lines`` with its line span, header row first (the row above
    the ``+===+`` border, or else the first row)."""
    found = []
    for first, last in boxes(lines):
        if last - first > MAX_LINES:
            continue
        indent = len(lines[first]) - len(lines[first].lstrip())
        rows = _parse([_as_rule(line[indent:].rstrip()) for line in lines[first:last]])
        if rows:
            found.append(TextTable(first, last, rows))
    return found


def _as_rule(line: str) -> str:
    """A rule drawn inside the box's sides, drawn as the parser reads rules: ``+---+---+``."""
    inside = RULE_INSIDE_SIDES.fullmatch(line)
    return f"+{inside.group(1)}+" if inside else line


def _parse(block: list[str]) -> list[list[str]] | None:
    from docutils.parsers.rst.tableparser import GridTableParser, TableMarkupError
    from docutils.statemachine import StringList

    width = max(len(line) for line in block)
    try:
        widths, head, body = GridTableParser().parse(
            StringList([line.ljust(width) for line in block])
        )
    # A box drawn wrong is no table. The parser says so with TableMarkupError, or fails an
    # assertion or an index on the broken line: none of that is the caller's concern.
    except (TableMarkupError, AssertionError, IndexError, KeyError, ValueError):
        return None
    rows: list[list[str]] = []
    below: dict[int, tuple[int, str]] = {}  # column: (rows still covered, text) of a row span
    for entries in [*head, *_line_rows(body)]:
        row = [""] * len(widths)
        for column, entry in enumerate(entries):
            if entry is not None:
                more_rows, more_columns, _offset, content = entry
                text = " ".join(" ".join(content).split())
                for covered in range(column, min(column + more_columns + 1, len(widths))):
                    row[covered] = text
                    if more_rows:
                        below[covered] = (more_rows, text)
            elif column in below and not row[column]:
                left, text = below[column]
                row[column] = text
                below[column] = (left - 1, text)
                if left <= 1:
                    del below[column]
        rows.append(row)
    return rows if len(rows) >= 2 and len(widths) >= 2 else None


def _line_rows(body: list[list]) -> list[list]:
    """A box with no rules between its rows (``--output table`` of command-line tools) holds
    one row per line: a body row whose every cell has text on each of its lines, in as many
    lines as every other cell, is split into those lines. The wrapped cells of a grid table
    leave blank lines in their shorter neighbours."""
    rows = []
    for entries in body:
        contents = [entry[3] for entry in entries if entry is not None]
        plain = all(entry is not None and not entry[0] and not entry[1] for entry in entries)
        heights = {len(content) for content in contents}
        filled = all(line.strip() for content in contents for line in content)
        if plain and filled and len(heights) == 1 and heights != {1}:
            for i in range(heights.pop()):
                rows.append([(0, 0, entry[2], [entry[3][i]]) for entry in entries])
            continue
        rows.append(entries)
    return rows
