"""Matrices and data frames as R (and other numeric consoles) print them, read as tables.

A PDF's text layer keeps one space between printed columns, so no gutter tells them apart;
what does is the shape R prints: a header line of column names, then rows of a name followed by
one number per column::

                  b         c   s           [,1]      [,2]
    cc1   1.4734061 0.9822707 1.5     [1,]     0 1.3863620
    cc2   0.4015457 0.2676971 1.5     [2,]     0 0.2036739

Only that shape is taken: a header of k names, at least ``MIN_ROWS`` lines that each hold a
name and exactly k numbers (or k - 1, where the header's first name is the rows' own). Anything
else (an unnamed vector "[1] 0 0 0", prose) stays text. R's tables of estimates and analyses of
variance name columns with a space ("Estimate Std. Error t value Pr(>|t|)"), as do its
quantiles ("2.5 % 97.5 %") and numbered columns ("comp 1 comp 2", "1 comps 2 comps"): those names are known and
read whole, and under them a row's significance stars, "< 2e-16" and the spaces in a
term's brackets ("poly(women, 2)1") are read too.

A named vector printed straight below its command (``explvar(gas1)``: "Comp 1 Comp 2" over
"78.1708 7.4122") is a table of one row, keyed by the command. Its names may be numbers:
quantile() names its columns by their probabilities ("25% 50% 75%"), and summary() prints the
quartiles as "1st Qu." and "3rd Qu.". A matrix wider than the console
goes on below its last row under a header of its own, with the same rows: that part keeps the
first part's caption.

A data frame's ``summary()`` prints its columns' names over one line per statistic, each
column's "Min.   : 37.0" side by side: read with the statistic as the row's name.

A data frame prints the same way, with row numbers for names and columns of words beside the
numbers ("2 cpp 100 1.469 1.000" under "test replications elapsed relative"): a column is
then words in every row or numbers in every row, and numbers are at least half of each row. Output that a
document shows as comments under its code ("# 2 cpp 100 ...", knitr's "## ") is read without
the marks, when the header and every row carry the same one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ingest.document import Segment
from ingest.loaders.aligned_text_tables import TextTable
from ingest.loaders.table_rows import table_segments

MIN_ROWS = 2
CAPTION_CHARS = 160
MAX_COLUMNS = 20
MAX_LABEL_CHARS = 24
# A printed number: "1.4734061", "-0.5", "1e-04", "NA", "Inf", "TRUE"; a minus sign may be
# typeset as U+2212.
_NUMBER = re.compile(
    r"[-−+<]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-−+]?\d+)?%?|NA|NaN|-?Inf|TRUE|FALSE", re.ASCII
)
# A row name: R's "[3,]", a date (a time series' index: "2007-01-05"), or a name that is not a
# number and not a console prompt.
_ROW_NAME = re.compile(r"\[\d+,\]|\d{4}-\d\d-\d\d|[^\s>+#\d\[][^\s]{0,39}")
_ROW_NUMBER = re.compile(r"\d{1,6}")  # a data frame's row name
_WORD = re.compile(r"[A-Za-z_.][\w.]{0,39}")  # a data frame's cell that is no number
# How a document marks output as comments below the code that printed it.
_OUTPUT_MARK = re.compile(r"^\s*(#{1,2})\s")

_DIMENSION_NAME = re.compile(r"[A-Za-z][\w.]{0,30}")
# A word of a row name of several words: letters first ("Kolmogorov-Smirnov", "Akaike's").
_NAME_WORD = re.compile(r"[A-Za-z][\w'’.-]{0,30}")
_NAME_NUMBER = re.compile(r"\d{1,2}")
MAX_NAME_WORDS = 5


def _is_number(token: str) -> bool:
    return bool(_NUMBER.fullmatch(token))


# The column names R prints with a space inside, each one column: those of its tables of
# estimates and analyses of variance ("Estimate Std. Error t value Pr(>|t|)", "lower CI"), a
# quantile's ("2.5 % 97.5 %", as confint() prints) and a numbered column's ("comp 1 comp 2",
# "Location Threshold 1 Threshold 2", or number first as pls prints "1 comps 2 comps": one word
# numbered twice at least, not "weight 0"), summary()'s quartiles ("1st Qu.") and coda's.
_SPACED_LABEL = re.compile(
    r"\b(?:Std\. [Ee]rror|[tzF] value|Sum Sq|Mean Sq|Resid\. Df|Resid\. Dev|(?:lower|upper) CI)\b|"
    r"\b[13](?:st|rd) Qu\.(?!\S)|"
    # coda's Gelman-Rubin diagnostic: "Point est. 97.5% quantile" (older: "Point est. Upper C.I.").
    r"\bPoint est\.(?!\S)|\bUpper C\.I\.(?!\S)|(?<!\S)\d{1,2}(?:\.\d+)?% quantile\b|"
    r"(?<!\S)\d{1,2}(?:\.\d+)? %(?!\S)|"
    # maxLik's "Pr(> t)": a PDF's text drops the bars of "Pr(>|t|)" and keeps a space.
    r"(?<!\S)Pr\(> [tzF]\)(?!\S)"
)
_NUMBERED_LABEL = re.compile(r"(?<!\S)([A-Za-z][\w.]{0,20}) \d{1,2}(?!\S)")
_NUMBER_FIRST_LABEL = re.compile(r"(?<!\S)\d{1,2} ([A-Za-z][\w.]{0,20})(?!\S)")
_HELD_SPACE = "\x00"  # no whitespace to str.split, unlike a no-break space


def _spaced_labels(line: str) -> bool:
    return bool(_SPACED_LABEL.search(line))


def _held(line: str) -> str:
    """``line`` with the space inside each of its spaced column names held."""
    # "comp 1 comp 2" ends in a number, "1 comps 2 comps" in the word: that tells which way
    # round its names are numbered.
    words = line.split()
    numbered = _NUMBER_FIRST_LABEL if words and not words[-1].isdigit() else _NUMBERED_LABEL
    counts = Counter(m.group(1) for m in numbered.finditer(line))
    line = numbered.sub(
        lambda m: m.group(0).replace(" ", _HELD_SPACE) if counts[m.group(1)] > 1 else m.group(0),
        line,
    )
    return _SPACED_LABEL.sub(lambda m: m.group(0).replace(" ", _HELD_SPACE), line)


_QUANTILE_LABEL = re.compile(r"\d{1,3}(?:\.\d+)?%")


def _header(line: str) -> list[str] | None:
    held = _held(line)
    labels = [label.replace(_HELD_SPACE, " ") for label in held.split()]
    if not 2 <= len(labels) <= MAX_COLUMNS:
        return None
    if any(len(label) > MAX_LABEL_CHARS for label in labels):
        return None
    # quantile() names its columns by their probabilities ("25% 50% 75%"): numbers, yet names.
    quantiles = all(_QUANTILE_LABEL.fullmatch(label) for label in labels)
    if not quantiles and any(_is_number(label) for label in labels):
        return None
    if labels[0] in (">", "+") or line.lstrip().startswith((">", "+", "#")):
        return None  # a console prompt: code, not output
    return labels


# Under such a header R marks a significant estimate with stars ("4.1e-08 ***"), prints a
# tiny p-value as "<2e-16" or "< 2e-16", and a term's name may hold spaces ("poly(women, 2)1").
_SIGNIFICANCE = re.compile(r"\s+(?:\*{1,3}|\.)\s*$")
_BELOW = re.compile(r"<\s+(?=\d)")
_IN_BRACKETS = re.compile(r"\([^()]*\)")


def _estimates_row(line: str) -> str:
    """A line of a table of estimates as ``_row`` reads it: stars off, "< 2e-16" one token,
    a name's bracketed spaces closed."""
    line = _BELOW.sub("<", _SIGNIFICANCE.sub("", line))
    return _IN_BRACKETS.sub(lambda m: m.group(0).replace(" ", ""), line)


def _row(line: str, columns: int) -> list[str] | None:
    """A matrix's row: its name, then ``columns`` numbers. A name may be words ("Akaike's
    Information Criterion 1069 1069 1048 1046", as gofstat prints its criteria)."""
    tokens = line.split()
    named = len(tokens) > columns + 1 and len(tokens) - columns <= MAX_NAME_WORDS
    name = tokens[:-columns]
    if (
        named
        and (
            all(_NAME_WORD.fullmatch(word) for word in name)
            # "eta 1 -0.098 0.313": a name may end in its number.
            or (
                all(_NAME_WORD.fullmatch(word) for word in name[:-1])
                and _NAME_NUMBER.fullmatch(name[-1])
            )
        )
    ):
        tokens = [" ".join(tokens[:-columns]), *tokens[-columns:]]
    elif len(tokens) != columns + 1 or not _ROW_NAME.fullmatch(tokens[0]):
        return None
    if len(tokens) != columns + 1:
        return None
    if not all(_is_number(token) for token in tokens[1:]):
        return None
    return tokens


def _frame_row(line: str, columns: int) -> list[str] | None:
    """A data frame's row: a row name or number, then ``columns`` cells that are numbers or
    words, at least half of them numbers (fewer is a line of prose that holds a number)."""
    tokens = line.split()
    if len(tokens) != columns + 1:
        return None
    if not (_ROW_NAME.fullmatch(tokens[0]) or _ROW_NUMBER.fullmatch(tokens[0])):
        return None
    cells = tokens[1:]
    if not all(_is_number(c) or _WORD.fullmatch(c) for c in cells):
        return None
    return tokens if 2 * sum(_is_number(c) for c in cells) >= len(cells) else None


# summary() of a data frame: under the columns' names, one line per statistic, each column's
# "Max.   :654.0" side by side ("Min.   : 37.0  Min.   : 113.0").
_STATISTIC = re.compile(
    r"\s*(Min\.|1st Qu\.|Median|Mean|3rd Qu\.|Max\.|NA's)\s*:\s*"
    r"([-−]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-−+]?\d+)?)(?=\s|$)"
)


def _summary_row(line: str, columns: int) -> list[str] | None:
    """A line of summary(): the statistic it gives, then its value for each of ``columns``
    columns; the same statistic all along the line."""
    pairs, end = [], 0
    while (match := _STATISTIC.match(line, end)) is not None:
        pairs.append(match.groups())
        end = match.end()
    if line[end:].strip() or len(pairs) != columns or len({name for name, _ in pairs}) != 1:
        return None
    return [pairs[0][0], *(value for _, value in pairs)]


def _same_types(rows: list[list[str]]) -> bool:
    """Every column holds numbers in every row, or words in every row."""
    return all(
        len({_is_number(cell) for cell in column}) == 1 for column in zip(*rows, strict=True)
    )


def _unmarked(lines: list[str]) -> list[str]:
    """``lines`` with each line's output mark removed ("# ", "## "); a line without one
    becomes empty, so that a table never runs from marked lines into unmarked ones."""
    return [line[m.end() :] if (m := _OUTPUT_MARK.match(line)) else "" for line in lines]


def printed_matrices(lines: list[str]) -> list[TextTable]:
    """Each printed matrix or data frame among ``lines`` (one text line each), as printed or
    marked as comments: its header and rows, the row names first under an empty header."""
    found = _printed(lines)
    taken = {i for table in found for i in range(table.first, table.last)}
    for table in _printed(_unmarked(lines)):
        if not taken.intersection(range(table.first, table.last)):
            found.append(table)
    return sorted(found, key=lambda table: table.first)


def _printed(lines: list[str]) -> list[TextTable]:
    found = []
    i = 0
    while i < len(lines) - 1:  # a matrix needs MIN_ROWS rows below, a vector one line
        header = _header(lines[i])
        if header is None:
            i += 1
            continue
        # R heads the row names' column with the rows' dimension name when it has one
        # ("topn [,1] [,2]" over "[1,] 1 2"), and prints the columns' dimension name alone on
        # the line above ("row"): then the header is as long as a row.
        named_rows = (
            i > 0
            and _DIMENSION_NAME.fullmatch(lines[i - 1].strip()) is not None
            and _row(lines[i + 1], len(header) - 1) is not None
        )
        columns = len(header) - 1 if named_rows else len(header)
        estimates = _spaced_labels(lines[i])
        rows = []
        end = i + 1
        while (
            end < len(lines)
            and (row := _row(_estimates_row(lines[end]) if estimates else lines[end], columns))
            is not None
        ):
            rows.append(row)
            end += 1
        if len(rows) < MIN_ROWS and not named_rows:
            rows, end = [], i + 1
            while end < len(lines) and (row := _frame_row(lines[end], columns)) is not None:
                rows.append(row)
                end += 1
            if not _same_types([row[1:] for row in rows]):
                rows = []
        if len(rows) < MIN_ROWS and not named_rows:
            rows, end = [], i + 1
            while end < len(lines) and (row := _summary_row(lines[end], columns)) is not None:
                rows.append(row)
                end += 1
        if len(rows) >= MIN_ROWS:
            head = header if named_rows else ["", *header]
            found.append(TextTable(first=i, last=end, rows=[head, *rows]))
            i = end
        elif (vector := _named_vector(lines, i)) is not None:
            found.append(vector)
            i = vector.last
        else:
            i += 1
    return found


def _numbers(line: str, count: int) -> list[str] | None:
    """The ``count`` numbers ``line`` holds, when it holds those and nothing else."""
    tokens = line.split()
    return tokens if len(tokens) == count and all(_is_number(t) for t in tokens) else None


# A title a print method puts above what it prints: words ending in a colon.
_PRINTED_TITLE = re.compile(r"[A-Z][\w' -]{2,60}:")


def _named_vector(lines: list[str], first: int) -> TextTable | None:
    """A named vector as R prints it straight below the command that printed it: a line of
    names over a line of one number each ("Comp 1 Comp 2" over "78.1708 7.4122"), in as many
    such pairs as the console's width needs. Read as a table of one row, a cell per name."""
    command_line = first - 1
    if first >= 2 and _PRINTED_TITLE.fullmatch(lines[first - 1].strip()):
        # A print method may title its vector ("> summary(Fs)" over "Aggregate Claim Amount
        # Empirical CDF:" over "Min. 1st Qu. Median ...").
        command_line = first - 2
    if first == 0 or not (
        _PROMPT.match(lines[command_line]) or _CONTINUED.match(lines[command_line])
    ):
        return None
    names: list[str] = []
    values: list[str] = []
    end = first
    while end + 1 < len(lines) and (header := _header(lines[end])) is not None:
        numbers = _numbers(lines[end + 1], len(header))
        if numbers is None:
            break
        names += header
        values += numbers
        end += 2
    if not names:
        return None
    if end == first + 2 and (
        more := _numbers(lines[end], len(names)) if end < len(lines) else None
    ):
        # More lines of as many numbers: a data frame printed without its row names
        # ("year week cases" over "2013 48 0", "2013 49 2"), a row per line.
        rows = [values, more]
        end += 1
        while end < len(lines) and (row := _numbers(lines[end], len(names))) is not None:
            rows.append(row)
            end += 1
        return TextTable(first=first, last=end, rows=[["", *names], *(["", *r] for r in rows)])
    # The row is what was printed: "explvar(gas1) — Comp 1: 78.1708", as a question calls it.
    command = _PROMPT_MARK.sub("", lines[command_line]).strip()
    whole = _PROMPT.match(lines[command_line]) and len(command) <= MAX_COMMAND_KEY_CHARS
    key = command if whole else ""
    return TextTable(first=first, last=end, rows=[["", *names], [key, *values]])


def misread_tables(laid_out: Sequence[Segment], text: str) -> list[Segment]:
    """The tables of ``laid_out`` that run the columns of a matrix printed in ``text`` together
    ("np dist gamma: 1 57 79.29244" for R's "np dist gamma ..." over "1 57 79.29244 ..."): the
    layout reader saw no gutter between them. Two rows of the matrix that each show two of
    their numbers side by side in one of its cells tell it."""
    joined = [
        f"{a} {b}"
        for table in printed_matrices(text.split("\n"))
        for row in table.rows[1:]
        for a, b in zip(row[1:], row[2:], strict=False)
        if _is_number(a) and _is_number(b)
    ]
    if not joined:
        return []
    misread = []
    for segment in laid_out:
        cells = [cell for line in segment.text.split("\n") for cell in line.split(" — ")]
        if sum(any(pair in cell for cell in cells) for pair in dict.fromkeys(joined)) >= MIN_ROWS:
            misread.append(segment)
    return misread


# What may follow a matrix at the foot of its page: the page's number.
_PAGE_FOOT = re.compile(r"\s*\d{0,4}\s*")


def trailing_header(text: str) -> list[str] | None:
    """The header of the printed matrix that ends a page's ``text`` (only its page number
    after it): its rows may go on at the top of the next page, under no header of their own."""
    lines = text.split("\n")
    tables = printed_matrices(lines)
    if not tables or not all(_PAGE_FOOT.fullmatch(line) for line in lines[tables[-1].last :]):
        return None
    return tables[-1].rows[0]


def continued_matrix(lines: list[str], header: Sequence[str]) -> TextTable | None:
    """The rows at the top of a page that go on with the matrix ``header`` heads on the page
    before: lines of a name and one number per column, up to the first line that is not."""
    columns = len(header) - 1
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    end = start
    rows = []
    while end < len(lines) and (row := _row(lines[end], columns)) is not None:
        rows.append(row)
        end += 1
    return TextTable(first=start, last=end, rows=[list(header), *rows]) if rows else None


def matrix_segments(
    text: str,
    page: int | None = None,
    besides: Sequence[Segment] = (),
    continued: Sequence[str] | None = None,
) -> list[Segment]:
    """The rows of each printed matrix in a page's ``text``, each table under the line printed
    just above it (the command that printed it, or the sentence that introduces it). A matrix
    whose first row's cells are among the table rows ``besides`` was read already. ``continued``
    is the header of a matrix that ended the page before (``trailing_header``): rows at the top
    of this page go on under it."""
    lines = text.split("\n")
    read = "\n".join(segment.text for segment in besides)
    segments = []
    if continued:
        carried = continued_matrix(lines, continued)
        if carried is not None:
            segments += table_segments(carried.rows, caption="", page=page)
    before: TextTable | None = None
    caption = ""
    for table in printed_matrices(lines):
        if read and all(f": {cell}" in read for cell in table.rows[1][1:]):
            continue
        # R wraps a matrix wider than the console: the columns left over come under a header
        # of their own, straight below the last row, with the same rows, and go on under the
        # first part's caption.
        if not _wraps(before, table):
            above = _command_lines(lines, table.first - 1) if table.first else ""
            caption = above if len(above) <= CAPTION_CHARS else ""
            if _PART_LABEL.fullmatch(caption):
                caption = f"{_command_above(lines, table.first - 1)} {caption}".strip()
        before = table
        segments += table_segments(table.rows, caption=caption, page=page)
    return segments


# A console's continuation prompt: the command above goes on on this line.
_CONTINUED = re.compile(r"\s*\+\s")


def _command_lines(lines: list[str], index: int) -> str:
    """``lines[index]``, and when it goes on with a command begun above ("+ pvalues=TRUE)"),
    the command from its first line ("> summary(out2, ..., + pvalues=TRUE)")."""
    first = index
    while first > 0 and index - first < PROMPT_LINES and _CONTINUED.match(lines[first]):
        first -= 1
    if first < index and not _PROMPT.match(lines[first]):
        first = index
    return " ".join(line.strip() for line in lines[first : index + 1])


def _wraps(before: TextTable | None, table: TextTable) -> bool:
    """``table`` is the rest of the columns of ``before``, printed below it."""
    if before is None or table.first != before.last:
        return False
    return [row[0] for row in before.rows[1:]] == [row[0] for row in table.rows[1:]]


# "Coefficients:", "Fixed effects:": the part of a printout a table is, which says nothing of
# the model it is about; the command that printed it does ("R> S(lm1)").
_PART_LABEL = re.compile(r"[A-Z][\w .'-]{0,40}:")
_PROMPT = re.compile(r"\s*(?:R>|>)\s+\S")
_PROMPT_MARK = re.compile(r"^\s*(?:R>|>)\s+")
MAX_COMMAND_KEY_CHARS = 40  # a longer command is code to read, not a name to ask by
PROMPT_LINES = 6  # how far above its part a printout's command may stand


def _command_above(lines: list[str], index: int) -> str:
    """The console command printed within ``PROMPT_LINES`` above ``lines[index]``, or ""."""
    for k in range(index - 1, max(index - 1 - PROMPT_LINES, -1), -1):
        if _PROMPT.match(lines[k]):
            return lines[k].strip()[:CAPTION_CHARS]
    return ""
