"""reStructuredText simple tables, read with docutils' own parser: a border of "=" runs parted
by spaces, the header, the same border, the rows, the border again.

The border's runs set the columns, so a cell may sit one space from the next ("Firefox3/Chromium
cookie libsqlite3" is two cells under "features  dependency"), and a line whose first column is
blank goes on with the row above. Column-aligned reading parts cells at runs of spaces only, and
would end the table at such a row.
"""

from __future__ import annotations

import re

from ingest.loaders.aligned_text_tables import TextTable

BORDER = re.compile(r"=+(?: +=+)+")
HEADER_LINES = 3  # a header may wrap onto this many lines between its two borders
MAX_LINES = 400  # a longer table is left to the other readers


def simple_tables(lines: list[str]) -> list[TextTable]:
    """Each simple table among ``lines`` that has a header: three borders at one indent, the
    rows between the second and the third."""
    found = []
    i = 0
    while i < len(lines):
        indent = _border_indent(lines[i])
        if indent is None:
            i += 1
            continue
        header_border = _next_border(lines, i, indent, HEADER_LINES)
        bottom = (
            _next_border(lines, header_border, indent, MAX_LINES)
            if header_border is not None
            else None
        )
        rows = _parse(lines[i : bottom + 1], indent) if bottom is not None else None
        if bottom is None or rows is None:
            i += 1
            continue
        found.append(TextTable(i, bottom + 1, rows))
        i = bottom + 1
    return found


def _border_indent(line: str) -> int | None:
    stripped = line.strip()
    return len(line) - len(line.lstrip()) if BORDER.fullmatch(stripped) else None


def _next_border(lines: list[str], border: int, indent: int, within: int) -> int | None:
    """The next border at ``indent`` after a run of at most ``within`` lines of text, with no
    blank line before the first of them (the table goes on from its border)."""
    for j in range(border + 1, min(len(lines), border + within + 2)):
        if _border_indent(lines[j]) == indent:
            return j if j > border + 1 else None
        if not lines[j].strip() and j == border + 1:
            return None
    return None


def _parse(block: list[str], indent: int) -> list[list[str]] | None:
    from docutils.parsers.rst.tableparser import SimpleTableParser, TableMarkupError
    from docutils.statemachine import StringList

    try:
        _widths, head, body = SimpleTableParser().parse(
            StringList([line[indent:].rstrip() for line in block])
        )
    # Text that only looks like a table (a cell crossing a column's border) is none.
    except (TableMarkupError, AssertionError, IndexError, KeyError, ValueError):
        return None
    rows = [
        [" ".join(" ".join(entry[3]).split()) for entry in entries if entry is not None]
        for entries in [*head, *body]
    ]
    if len(rows) < 2 or len(rows[0]) < 2 or any(len(row) != len(rows[0]) for row in rows):
        return None
    return rows
