"""Table rows as indexed by ingest ("Key — Header: cell — Header: cell"), read cell by cell.

A row × column question names the row (its key or a cell's words) and the column (its header):
the answer is the cell under the header that the question's words match best, among the cells
that the question does not already state.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from text_to_num import alpha2digit

from rag.reader.dates import spelled_dates, states_date
from rag.reader.options import set_aside, without_set_aside
from rag.reader.terms import content_terms, label_hits, label_terms
from rag.text import initialisms

# "f64::MAX: 202ns": a header may hold a path in code, its "::" no separator.
_CELL = re.compile(r"^\s*((?:[^:]|::(?=\S)){1,60}?):\s+(.+?)\s*$")
# "Table 6:", "Table A.1:", "Figure IV:": a caption's number, not a header's word ("Table
# formatter: PrettyTable" is a cell).
_CAPTION = re.compile(
    r"^\s*(table|figure|fig\.)\s+(?:[\w.-]*\d[\w.-]*|[a-z](?:\.\d+)*|[ivxlc]+)\s*:", re.IGNORECASE
)
SEPARATOR = " — "
KEY_TIE = 0.01  # less than any difference in header hits (whole and half matches)
ASKED_FOR_TIE = 0.02  # breaks ties between headers alike; less than a half match
_WORD = re.compile(r"[^\s,;:?!()\"']+")
_BARE_KEY = re.compile(r"^\s*\S(?:[^:]{0,38}\S)?\s*$")

_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
# "ranked fourth", "the 3rd place": a place in an order, which a rank column gives as a number.
_ORDINAL = re.compile(r"\b(?:(\d{1,3})(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))\b", re.I)
# "the last column", "the third column", "column 2": a column by its place. A printed matrix
# heads its unnamed columns "[,1]", "[,2]" ...
_COLUMN_PLACE = re.compile(
    r"\b(?:(last|final)|(\d{1,2})(?:st|nd|rd|th)?|(" + "|".join(_ORDINAL_WORDS) + r"))\s+column\b"
    r"|\bcolumn\s+(\d{1,2})\b",
    re.IGNORECASE,
)
_NUMBERED_HEADER = re.compile(r"^\[,(\d+)\]$")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?(?![\w%])")


@dataclass(frozen=True)
class Cell:
    header: str
    value: str


def parse_row(line: str) -> list[Cell] | None:
    """The cells of one indexed table row, or None when ``line`` is not one."""
    if line.count(SEPARATOR) < 1:
        return None
    cells = []
    for part in line.split(SEPARATOR):
        if _CAPTION.match(part):
            continue  # "Table 6: CRC-32 performance" names the table, it is no cell
        match = _CELL.match(part)
        if match:
            cells.append(Cell(match.group(1).strip(), match.group(2).strip()))
        elif not any(cell.header for cell in cells) and _BARE_KEY.match(part):
            # A key column without a header (a printed matrix's row names): "cc1 — b: 1.47";
            # a group's title before it: "Complex object — encode — ujson: 533".
            cells.append(Cell("", part.strip()))
    return cells if len(cells) >= 2 and any(c.header for c in cells) else None


def _cell_at_place(question: str, cells: list[Cell]) -> Cell | None:
    """The cell in the column the question names by its place, or None."""
    match = _COLUMN_PLACE.search(question)
    if not match:
        return None
    if match.group(1):
        return cells[-1]
    if match.group(3):
        place = _ORDINAL_WORDS.index(match.group(3).lower()) + 1
    else:
        place = int(match.group(2) or match.group(4))
    numbered = [c for c in cells if (m := _NUMBERED_HEADER.match(c.header)) and int(m[1]) == place]
    if numbered:
        return numbered[0]
    return cells[place - 1] if 0 < place <= len(cells) else None


def _letter_headers(question: str, cells: list[Cell]) -> Cell | None:
    """A one-letter header ("c" of "b c s") that the question names as a word of its own: "what
    c value". ("a" is the article, never a header the question names.)"""
    letters = {w for w in re.findall(r"(?<![\w'’-])([b-zB-Z])(?![\w'’(-])", question)}
    named = [c for c in cells if len(c.header) == 1 and c.header in letters]
    return named[0] if len(named) == 1 else None


# "> 20Gb", "< 2Mb": a header that bounds a range with a sign, which a question says in words
# just before the same number ("larger than 20Gb", "under 2Mb").
_SIGNED_HEADER = re.compile(r"^\s*([<>≤≥])=?\s*(\d[\w.]*)")
_SIGN_WORDS = {
    ">": r"over|above|more than|larger than|greater than|bigger than|exceeding|beyond",
    "<": r"under|below|less than|smaller than|fewer than|lower than|up to",
}
_SIGN_WORDS["≥"] = _SIGN_WORDS[">"] + "|at least"
_SIGN_WORDS["≤"] = _SIGN_WORDS["<"] + "|at most"


def _says_sign(question: str, header: str) -> bool:
    """The question says in words the bound ``header`` writes with a sign."""
    match = _SIGNED_HEADER.match(header)
    if not match:
        return False
    words = _SIGN_WORDS[match.group(1)]
    bound = re.escape(match.group(2))
    return bool(re.search(rf"\b(?:{words})\s+{bound}(?![\w.])", question, re.IGNORECASE))


def answer_cell(
    question: str, cells: list[Cell], asked_for: frozenset[str] = frozenset()
) -> Cell | None:
    """The cell the question asks for: its header is named by the question, its value is not;
    or the column it names by its place ("the last column"). Of two headers the question
    names as much, the one named by what it asks for (``asked_for``: "what speedup does
    hashbrown show" asks for the speedup, not the hashbrown column) wins."""
    placed = _cell_at_place(question, cells) or _letter_headers(question, cells)
    if placed is not None:
        return placed
    q_terms = set(content_terms(question))
    # A header may abbreviate the question's phrase: "eol" for "end of life".
    q_terms |= {a for a, terms in initialisms(question).items() if len(terms) > 1}
    lowered = question.lower()
    stated = ordinals(question) | spelled_numbers(question)
    best: tuple[float, Cell] | None = None
    # The first headed cell: the key, or the column beside a key that has no header.
    first = next((i for i, cell in enumerate(cells) if cell.header), 0)
    for index, cell in enumerate(cells):
        if cell.value.lower() in lowered or cell.value in stated:
            continue  # the question states this cell: it picks the row
        header_hits = label_hits(q_terms, cell.header) + _says_sign(question, cell.header)
        # The first cell is the row's key: a question that names its header and another
        # one as much ("female non-smokers ... with Alzheimer's") picks the row by it and
        # asks for the other.
        header_hits -= KEY_TIE if index == first and header_hits else 0.0
        if header_hits and asked_for and label_hits(set(asked_for), cell.header):
            header_hits += ASKED_FOR_TIE
        if header_hits > 0 and (best is None or header_hits > best[0]):
            best = (header_hits, cell)
    return best[1] if best else None


# What may stand between the headers a question lists: "red, green and blue", "min or max".
_LIST_JOIN = re.compile(r"^(?:\s*,\s*|\s*,?\s+(?:and|or|&)\s+|\s*/\s*)$")


def listed_cells(question: str, cells: list[Cell]) -> list[Cell]:
    """The cells under the headers a question lists one after another, in its order:
    "what red, green and blue values" asks for the cells under "RED", "GREEN" and "BLUE".
    Two headers at least, each a word of the question, nothing but commas and "and" between
    them; none of them a cell the question states. Otherwise none."""
    lowered = question.lower()
    places = []
    for cell in cells:
        header = cell.header.lower()
        if not header or cell.value.lower() in lowered:
            continue
        match = re.search(rf"(?<![\w-]){re.escape(header)}(?![\w-])", lowered)
        if match:
            places.append((match.start(), match.end(), cell))
    places.sort(key=lambda place: place[0])
    for size in range(len(places), 1, -1):
        for first in range(len(places) - size + 1):
            run = places[first : first + size]
            if all(
                _LIST_JOIN.match(lowered[a[1] : b[0]]) for a, b in zip(run, run[1:], strict=False)
            ):
                return [cell for *_, cell in run]
    return []


def ordinals(question: str) -> set[str]:
    """The places in an order that ``question`` names, as numbers: "ranked fourth" -> {"4"}."""
    return {
        m.group(1) or str(_ORDINAL_WORDS.index(m.group(2).lower()) + 1)
        for m in _ORDINAL.finditer(question)
    }


@functools.lru_cache(maxsize=64)
def spelled_numbers(question: str) -> frozenset[str]:
    """The numbers ``question`` writes in words, as digits: "laid seven eggs" -> {"7"}. (A lone
    "one" or "two" is left as a word: "which one", "the two columns".)"""
    written = set(_NUMBER.findall(question))
    # Read once per question: every table row read for it asks again.
    return frozenset(_NUMBER.findall(alpha2digit(question, "en"))) - written


_REMARK = re.compile(r"\s*\([^()]*\)")


def _keys(cells: list[Cell]) -> list[Cell]:
    """A row's keys: its first cell, and where that has no header each cell up to the first
    with one, since a key without a header may be a group's label ("Kappa — method: svm",
    "Complex object — encode — ujson: 533")."""
    bare = next((i for i, cell in enumerate(cells) if cell.header), len(cells))
    return cells[: bare + 1] if bare else cells[:1]


@functools.lru_cache(maxsize=64)
def _asked_words(question: str) -> frozenset[str]:
    """The question's words, lower-cased. Read once per question: every row asks again."""
    return frozenset(word.rstrip(".").lower() for word in _WORD.findall(question))


def stated_keys(question: str, cells: list[Cell]) -> int:
    """How many of the row's keys the question states word for word: "what median accuracy
    did svm reach" states both of "Accuracy — method: svm", and only the group of
    "Accuracy — method: randomForest"."""
    asked = _asked_words(question)
    stated = 0
    for cell in _keys(cells):
        # A remark in parentheses ("PrettyTable (0.7.2)": the version measured) is no part of
        # the name a question calls the row by.
        for value in dict.fromkeys((cell.value, _REMARK.sub(" ", cell.value))):
            key = [word.rstrip(".").lower() for word in _WORD.findall(value)]
            if key and all(word in asked for word in key):
                stated += 1
                break
    return stated


def names_row(question: str, cells: list[Cell]) -> bool:
    """The question states the row's key (its first cell) word for word, or the date it
    holds: "zstd 1.5.1 at
    level -1" names the row "zstd 1.5.1 -1", not its neighbour "zstd 1.5.1 --fast=1". Or it
    states a number of the row under a header it names, in digits or words: "laid seven eggs"
    names the row with "eggs_laid: 7", "ranked fourth" the row with "Rank: 4"."""
    keys = _keys(cells)
    # "for 23 April 2015" names the row keyed "Date: 23.04.2015".
    dates = spelled_dates(question)
    if any(states_date(cell.value, date) for cell in keys for date in dates):
        return True
    if stated_keys(question, cells):
        return True
    if any(_abbreviates(cell.value, question) for cell in cells):
        return True
    q_terms = set(content_terms(question))
    if any(_restates(q_terms, cell) for cell in cells):
        return True
    numbers = ordinals(question) | spelled_numbers(question) | set(_NUMBER.findall(question))
    if not numbers:
        return False
    return any(cell.value in numbers and label_hits(q_terms, cell.header) for cell in cells)


# "Sph", "Exp", "Nug": a cell that writes a word by its first letters, as R prints a model.
_ABBREVIATION = re.compile(r"[A-Z][a-z]{2,3}")


def _abbreviates(value: str, question: str) -> bool:
    """``value`` is the first letters of a longer word of the question: the row "model: Sph"
    is the one "the fitted spherical model" names."""
    start = value.removesuffix(".")  # "Max." as summary() prints it
    if not _ABBREVIATION.fullmatch(start):
        return False
    start = start.lower()
    return any(
        len(word) >= len(start) + 2 and word.startswith(start)
        for word in re.findall(r"[a-z]+", question.lower())
    )


MIN_RESTATED_TERMS = 2


def _restates(q_terms: set[str], cell: Cell) -> bool:
    """The question says all that a describing cell says: "the default width of a white key"
    restates "Explanation: The width of a white key", not "The ratio between height and width
    of white keys". One word in common is chance, not a description."""
    said = set(content_terms(cell.value))
    return bool(cell.header) and len(said) >= MIN_RESTATED_TERMS and said <= q_terms


# "with 32 threads", "threads = 32": a number the question gives a thing by that thing's name.
_COUNTED = re.compile(r"(?<![\w.,-])(\d+(?:\.\d+)?)\s+([a-z][\w-]*)", re.IGNORECASE)
_SET_TO = re.compile(r"([a-z][\w-]*)\s*(?:=|:)\s*(\d+(?:\.\d+)?)(?![\w.])", re.IGNORECASE)
_WHOLE_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def contradicts_row(question: str, cells: list[Cell]) -> bool:
    """The question gives a number to a thing this row holds under that thing's name, and the
    row holds another one: "the CPU time with 32 threads" is not read from the row with
    "Threads: 8". ("32-bit" is a word of its own, no number given to a header.)"""
    given = [(m.group(2), m.group(1)) for m in _COUNTED.finditer(question)]
    given += [(m.group(1), m.group(2)) for m in _SET_TO.finditer(question)]
    if not given:
        return False
    for cell in cells:
        if not cell.header or not _WHOLE_NUMBER.match(cell.value):
            continue
        header = label_terms(cell.header)
        for word, number in given:
            if set(content_terms(word)) & header and float(number) != float(cell.value):
                return True
    return False


# "MR4", "PC3", "Q2": a header of a numbered series.
_SERIES_HEADER = re.compile(r"^([A-Za-z]{1,4})(\d{1,2})$")


def lacks_named_column(question: str, cells: list[Cell]) -> bool:
    """The question names a column of a numbered series ("a fourth factor, MR4") that the row
    does not have though it has others of the series ("MR1", "MR2", "MR3"): the table does
    not give it."""
    series = {m.group(1).lower() for c in cells if (m := _SERIES_HEADER.match(c.header))}
    if not series:
        return False
    headers = {c.header.lower() for c in cells}
    for word in re.findall(r"(?<![\w.-])[A-Za-z]{1,4}\d{1,2}(?![\w.-])", question):
        named = _SERIES_HEADER.match(word)
        if named and named.group(1).lower() in series and word.lower() not in headers:
            return True
    return False


@functools.lru_cache(maxsize=256)
def _chunk_rows(text: str) -> tuple[frozenset[str], ...]:
    """The headers of each table row in a chunk's text, lower-cased."""
    rows = (parse_row(line) for line in text.split("\n"))
    return tuple(frozenset(c.header.lower() for c in cells if c.header) for cells in rows if cells)


def empty_asked_cell(question: str, cells: list[Cell], chunk_text: str) -> bool:
    """The question names a column (its header, word for word) under which this row holds
    nothing, while the table's other rows hold something: a blank cell ("Complex object —
    encode — ujson: 533" has no orjson figure that the rows around it have). A table's rows
    are those of the chunk that share at least half this row's headers."""
    own = frozenset(c.header.lower() for c in cells if c.header)
    if not own:
        return False
    columns: set[str] = set()
    for headers in _chunk_rows(chunk_text):
        if len(headers & own) * 2 >= len(own):
            columns |= headers
    lowered = question.lower()
    return any(
        re.search(rf"(?<![\w-]){re.escape(header)}(?![\w-])", lowered) for header in columns - own
    )


# What a feature table puts in a cell to say "has it": its column holds nothing else.
_MARKS = frozenset(["✓", "✔", "☑", "✅", "●", "•", "+", "yes", "Yes", "YES"])
# "Which R library ...", "what tool in the table": the kind of row a question asks for.
_WHICH_KIND = re.compile(r"\b(?:which|what)\s+((?:[\w-]+\s+){0,2}[\w-]+)\b", re.IGNORECASE)
# "has no index acceleration", "does not offer", "lacks", "without": the mark left out.
_LACKS = re.compile(
    r"\b(?:no|not|lacks?|lacking|without|missing)\b|n't\b|\bnone of\b", re.IGNORECASE
)


@functools.lru_cache(maxsize=256)
def _parsed_lines(text: str) -> tuple[tuple[str, list[Cell] | None], ...]:
    """Each line of a chunk's text with its table cells (None for a line that is no row),
    parsed once for all the chunk's rows: every row of a table reads its whole table."""
    return tuple((line, parse_row(line)) for line in text.split("\n"))


def marked_keys(question: str, cells: list[Cell], chunk_text: str) -> frozenset[str] | None:
    """The keys of the rows a feature table marks as having what the question asks about:
    "Apart from dbscan, which library offers the Extract-ξ method?" over rows that put "✓"
    under "Extract-ξ" (and "which library has no index acceleration" over those that leave it
    blank). A value the question states of the row ("which R library" and "Language: R")
    narrows them; a key it sets aside ("apart from dbscan") is left out. None when the
    question asks no such thing of this row's table: it does not ask which one of the kind
    the key column holds, or names no column of marks."""
    key = next((c for c in cells if c.header), None)
    if key is None or cells[0] is not key:
        return None
    kinds = {t for m in _WHICH_KIND.finditer(question) for t in content_terms(m.group(1))}
    if not kinds & set(content_terms(key.header)):
        return None
    parsed = _parsed_lines(chunk_text)
    rows = [row for _, row in parsed if row and row[0].header == key.header]
    columns: dict[str, list[str]] = {}
    for row in rows:
        for cell in row[1:]:
            columns.setdefault(cell.header, []).append(cell.value)
    aside = set_aside(question).lower()
    q_terms = set(content_terms(without_set_aside(question)))
    marked = [
        h for h, values in columns.items() if set(values) <= _MARKS and label_hits(q_terms, h)
    ]
    if not marked:
        return None
    # The caption's words ("A Comparison of DBSCAN and OPTICS implementations") say what the
    # whole table is about: a column they name is less likely the one asked about.
    caption = {t for line, row in parsed if row is None for t in content_terms(line)}
    column = max(marked, key=lambda h: (label_hits(q_terms, h), -label_hits(caption, h)))
    lacks = bool(_LACKS.search(question))
    chosen = [row for row in rows if any(c.header == column for c in row) != lacks]
    # "Which R library": a cell of the row, word for word in the question, narrows the rows.
    stated = [
        row
        for row in chosen
        if any(
            c.value not in _MARKS
            and re.search(rf"(?<![\w-]){re.escape(c.value)}(?![\w-])", question)
            for c in row[1:]
        )
    ]
    chosen = stated or chosen
    return frozenset(
        row[0].value
        for row in chosen
        if not re.search(rf"(?<![\w-]){re.escape(row[0].value.lower())}(?![\w-])", aside)
    )
