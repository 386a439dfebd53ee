"""Tables in PDF pages come out as rows with their headers, and the metadata as a segment.

The PDFs are drawn here, operator by operator: text placed with ``Td`` in Helvetica or
Courier (fonts every PDF reader knows the widths of) and rules drawn as paths.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import dev_file, serialize_pdf
from test_reader import evidence
from test_reader import read as read_evidence

from ingest.document import Segment
from ingest.loaders import pdf_tables
from ingest.loaders.pdf import load_pdf
from ingest.loaders.pdf_meta import metadata_segment
from ingest.loaders.pdf_table_gate import TableGate
from ingest.loaders.pdf_tables import TableReader

FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Courier"}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text(x: float, y: float, words: str, font: str = "F1", size: float = 10) -> str:
    return f"BT /{font} {size} Tf {x} {y} Td ({_escape(words)}) Tj ET"


def rule(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"{x0} {y0} m {x1} {y1} l S"


def build(pages: list[list[str]], info: str | None = None) -> bytes:
    """A PDF whose pages hold the given content-stream operators (612 x 792 points)."""
    objects: list[bytes] = [b"", b""]  # catalog, pages: filled in below
    fonts = []
    for name, base in FONTS.items():
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s >>" % base.encode())
        fonts.append(b"/%s %d 0 R" % (name.encode(), len(objects)))
    kids = []
    for ops in pages:
        content = "\n".join(["0.5 w", *ops]).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << %s >> >> >>" % (len(objects), b" ".join(fonts))
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    if info is not None:
        objects.append(info.encode("latin-1"))
    return serialize_pdf(objects, root=1, info=len(objects) if info is not None else None)


PROSE = [
    text(72, 740, "Cheeses of the Jura ripen slowly in cool cellars, and the rind is"),
    text(72, 726, "washed by hand. The following table lists the cellar ages we use."),
]

# Columns ruled, header underlined, body rows stacked without rules between them (as LaTeX
# and many manuals draw them): the reader must split the tall cells back into rows.
RULED = [
    text(200, 660, "Table 1: Cellar ages"),
    rule(150, 650, 450, 650),
    rule(150, 580, 450, 580),
    rule(150, 632, 450, 632),
    *(rule(x, 580, x, 650) for x in (150, 250, 330, 450)),
    text(155, 638, "Cheese", "F2"),
    text(255, 638, "Months", "F2"),
    text(335, 638, "Region", "F2"),
    *(
        text(x, y, value)
        for y, row in ((620, ("Comte", "18", "Jura")), (606, ("Beaufort", "12", "Savoie")))
        for x, value in zip((155, 255, 335), row, strict=True)
    ),
    text(155, 592, "Morbier"),
    text(255, 592, "3"),
    text(335, 592, "Franche-Comte"),
    text(72, 540, "Older wheels are kept for the winter market, when demand is highest."),
]

# Whitespace only, as man pages set property tables: Courier, a dashed rule under the header,
# numbers right-aligned, one description wrapped onto a second line.
ALIGNED = [
    text(72, 760, "Running header: debugging", "F1", 8),  # in the top margin: never a caption
    text(72, 700, "Set the debug level to the sum of the values below.", "F1"),
    text(90, 672, "Name           Value   Meaning", "F3", 9),
    text(90, 662, "-----------------------------------------", "F3", 9),
    text(90, 652, "MATCH              1   Brief information about matching", "F3", 9),
    text(90, 642, "EDIT               4   Monitor edit execution", "F3", 9),
    text(90, 632, "CONFIG          1024   Monitor which config files are", "F3", 9),
    text(90, 622, "                       loaded", "F3", 9),
    text(72, 590, "Output from these statements is sent to the standard output.", "F1"),
    text(300, 40, "7"),  # the page number, in the bottom margin
]

# An option list: aligned, but nothing says what its columns are. Not a table to emit.
HEADERLESS = [
    text(72, 740, "Options:", "F1"),
    text(90, 720, "-c, --check        checks the syntax only", "F3", 9),
    text(90, 710, "-o, --output=FILE  output file", "F3", 9),
    text(90, 700, "-h, --help         display this help and exit", "F3", 9),
]


def read_tables(data: bytes) -> dict[int, list[str]]:
    """The table segments' texts, by page, as load_pdf yields them."""
    loaded = load_pdf(
        Path("t.pdf"), data, max_pages=50, scan_min_chars=0, render_dpi=72, read_text=lambda _: ""
    )
    found: dict[int, list[str]] = {}
    for part in loaded.parts:
        if isinstance(part, Segment) and " — " in part.text:
            found.setdefault(part.page, []).append(part.text)
    return found


def test_ruled_table_rows_carry_headers_caption_and_page():
    tables = read_tables(build([PROSE, RULED]))
    assert list(tables) == [2]
    (table,) = tables[2]
    assert table.splitlines() == [
        "Table 1: Cellar ages",
        "Table 1: Cellar ages — Cheese: Comte — Months: 18 — Region: Jura",
        "Table 1: Cellar ages — Cheese: Beaufort — Months: 12 — Region: Savoie",
        "Table 1: Cellar ages — Cheese: Morbier — Months: 3 — Region: Franche-Comte",
    ]


# Only the values' columns ruled, as the INFERNAL guide draws its table of filter thresholds:
# the rows' labels stand left of the grid, under horizontal rules that run across both.
STUB_RULED = [
    text(200, 680, "Table 2: Thresholds by search space"),
    rule(100, 650, 520, 650),
    rule(100, 632, 520, 632),
    rule(100, 580, 520, 580),
    *(rule(x, 580, x, 650) for x in (250, 340, 430, 520)),
    text(105, 638, "filter stage", "F2"),
    text(255, 638, "< 2Mb", "F2"),
    text(345, 638, "2Mb to 20Gb", "F2"),
    text(435, 638, "> 20Gb", "F2"),
    *(
        text(x, y, value)
        for y, row in (
            (620, ("SSV", "0.35", "0.15", "0.06")),
            (606, ("Viterbi", "off", "0.15", "0.02")),
            (592, ("Forward", "0.02", "0.003", "0.0002")),
        )
        for x, value in zip((105, 255, 345, 435), row, strict=True)
    ),
]


def test_a_ruled_grid_keeps_the_row_labels_left_of_it():
    (table,) = read_tables(build([STUB_RULED]))[1]
    assert table.splitlines() == [
        "SSV — < 2Mb: 0.35 — 2Mb to 20Gb: 0.15 — > 20Gb: 0.06",
        "Viterbi — < 2Mb: off — 2Mb to 20Gb: 0.15 — > 20Gb: 0.02",
        "Forward — < 2Mb: 0.02 — 2Mb to 20Gb: 0.003 — > 20Gb: 0.0002",
    ]
    # Without rules running past the grid, text beside it is no part of the table.
    unruled = [op for op in STUB_RULED if not op.startswith("100 ")]
    unruled += [rule(250, 650, 520, 650), rule(250, 632, 520, 632), rule(250, 580, 520, 580)]
    (table,) = read_tables(build([unruled]))[1]
    assert "SSV" not in table


def test_a_caption_below_a_total_row_the_grid_leaves_out_captions_the_table():
    below = [op for op in STUB_RULED if "Table 2" not in op]
    below += [
        text(105, 568, "Average running time per Mb"),
        text(255, 568, "30.0"),
        text(435, 568, "1.0"),
        text(
            80,
            554,
            "Table 2: Default P-value survival thresholds used for each filter stage, by the size",
        ),
        text(80, 542, "of the search space Z, and the average running time per Mb."),
    ]
    (table,) = read_tables(build([below]))[1]
    lines = table.splitlines()
    assert lines[0].startswith("Table 2: Default P-value survival thresholds used for each")
    assert lines[1] == "SSV — < 2Mb: 0.35 — 2Mb to 20Gb: 0.15 — > 20Gb: 0.06"
    # Read as a default, under the bound the question says in words.
    answer = read("By default, what is the Viterbi threshold for a search space under 2Mb?", table)
    assert answer.startswith("off — "), answer
    answer = read(
        "What is the default SSV threshold when the search space is larger than 20Gb?", table
    )
    assert answer.startswith("0.06 — "), answer


def test_whitespace_table_rows_with_headers_and_wrapped_cell():
    tables = read_tables(build([ALIGNED]))
    (table,) = tables[1]
    lines = table.splitlines()
    # The sentence that introduces the table comes first; the prose after it stays out.
    assert lines[0] == "Set the debug level to the sum of the values below."
    assert lines[1:] == [
        "Name: MATCH — Value: 1 — Meaning: Brief information about matching",
        "Name: EDIT — Value: 4 — Meaning: Monitor edit execution",
        "Name: CONFIG — Value: 1024 — Meaning: Monitor which config files are loaded",
    ]


# A table too wide for the page, printed as two blocks one under the other, each under a
# header of its own that repeats the first label: the second block's columns are not the
# first's. The caption stands below the second.
TWO_PARTS = [
    text(90, 700, "Library", "F2"),
    text(200, 700, "Fast", "F2"),
    text(260, 700, "Sparse", "F2"),
    text(330, 700, "Weighted", "F2"),
    *(
        text(x, y, value)
        for y, row in ((686, ("alpha", "yes", "yes", "no")), (672, ("beta", "no", "yes", "yes")))
        for x, value in zip((90, 200, 260, 330), row, strict=True)
    ),
    text(90, 652, "Library", "F2"),
    text(160, 652, "Index Acceleration", "F2"),
    text(300, 652, "Language", "F2"),
    *(
        text(x, y, value)
        for y, row in ((638, ("alpha", "yes", "Java")), (624, ("beta", "no", "Python")))
        for x, value in zip((90, 160, 300), row, strict=True)
    ),
    text(90, 600, "Table 2: Features of two clustering libraries."),
]


def test_a_table_printed_in_two_parts_reads_each_part_under_its_own_header():
    (first, second) = read_tables(build([TWO_PARTS]))[1]
    caption = "Table 2: Features of two clustering libraries."
    assert first.splitlines() == [
        caption,
        f"{caption} — Library: alpha — Fast: yes — Sparse: yes — Weighted: no",
        f"{caption} — Library: beta — Fast: no — Sparse: yes — Weighted: yes",
    ]
    assert second.splitlines() == [
        caption,
        f"{caption} — Library: alpha — Index Acceleration: yes — Language: Java",
        f"{caption} — Library: beta — Index Acceleration: no — Language: Python",
    ]


FEATURES = """Table 3: Clustering libraries compared
Library: alpha — Fast: ✓ — Sparse: ✓ — Language: Java
Library: beta — Fast: ✓ — Language: Python
Library: gamma — Sparse: ✓ — Language: R
Library: delta — Language: Python"""


def test_a_table_of_marks_answers_which_row_with_the_keys_it_marks_or_leaves_blank():
    answer = read("Apart from alpha, which library supports sparse input?", FEATURES)
    assert answer.startswith("gamma — "), answer
    # A blank cell says "no"; a value the question states of the row ("R") narrows the rows.
    answer = read("Which R library is not fast?", FEATURES)
    assert answer.startswith("gamma — "), answer
    answer = read("Which Python library is not fast?", FEATURES)
    assert answer.startswith("delta — "), answer
    # Asking for another column than the key reads the cell as before.
    answer = read("In which language is beta written?", FEATURES)
    assert answer.startswith("Python — "), answer


def test_a_long_table_is_cut_between_rows_and_each_piece_keeps_its_caption():
    names = [f"PROPERTY{i:02d}" for i in range(40)]
    ops = [
        text(72, 700, "Each property is set in the configuration file."),
        text(90, 672, "Name            Value   Meaning", "F3", 9),
        text(90, 662, "------------------------------------------", "F3", 9),
        *(
            text(90, 652 - 10 * i, f"{name}{i:8d}   Sets the {name.lower()} option", "F3", 9)
            for i, name in enumerate(names)
        ),
    ]
    (pieces,) = read_tables(build([ops])).values()
    assert len(pieces) >= 3
    assert all(
        piece.startswith("Each property is set in the configuration file.\n") for piece in pieces
    )
    assert all(len(piece) <= pdf_tables.SEGMENT_CHARS for piece in pieces)
    rows = [line for piece in pieces for line in piece.splitlines()[1:]]
    assert rows == [
        f"Name: {name} — Value: {i} — Meaning: Sets the {name.lower()} option"
        for i, name in enumerate(names)
    ]


def test_aligned_lines_without_a_header_are_not_a_table():
    assert read_tables(build([HEADERLESS])) == {}


# A matrix as R prints it, in a fixed-width font: the labels over the columns are one space
# apart (one cell, to the gap rule), right-aligned like the numbers under them. Above it, the
# slice it is and its dimension's name.
PRINTED_MATRIX = [
    text(72, 700, "> xtabs(~ smoking + disease + gender, data = alzheimer)", "F3", 9),
    text(72, 676, ", , gender = Female", "F3", 9),
    text(72, 652, "       disease", "F3", 9),
    text(72, 642, "smoking Alzheimer Other dementias Other diagnoses", "F3", 9),
    text(72, 632, "  None         91              55              80", "F3", 9),
    text(72, 622, "  <10           7               7               3", "F3", 9),
    text(72, 612, "  >20          21               9               9", "F3", 9),
]


def test_a_printed_matrix_takes_the_labels_one_space_apart_as_its_header():
    (table,) = read_tables(build([PRINTED_MATRIX]))[1]
    assert table.splitlines() == [
        ", , gender = Female disease",
        "smoking: None — Alzheimer: 91 — Other dementias: 55 — Other diagnoses: 80",
        "smoking: <10 — Alzheimer: 7 — Other dementias: 7 — Other diagnoses: 3",
        "smoking: >20 — Alzheimer: 21 — Other dementias: 9 — Other diagnoses: 9",
    ]


def _distributions_table(rows: list[tuple[str, ...]]) -> list[str]:
    """A table of distributions as LaTeX sets one with formulas in its last column: a rule
    under the header, each density's exponent a line of small print of its own, and one
    density wider than its column ("> 0" past its edge)."""
    ops = [
        text(72, 720, "Table 1: Distributions of the outcome models.", "F1", 9),
        *(
            text(x, 700, label, "F1", 9)
            for x, label in zip(
                (90, 170, 260, 340, 420),
                ("Function", "Distribution", "Parameters", "Link", "Density"),
                strict=True,
            )
        ),
        rule(85, 695, 560, 695),
    ]
    y = 684
    for number, row in enumerate(rows):
        ops += [
            text(x, y, cell, "F1", 9) for x, cell in zip((90, 170, 260, 340, 420), row, strict=True)
        ]
        if number % 5 == 1:  # two exponents, on a baseline of their own
            ops += [text(345, y - 4, "0", "F1", 5), text(425, y - 4, "2", "F1", 5)]
        y -= 14
    # The widest densities' last words, past the column's edge.
    ops += [text(520, 684 - 14 * n, "> 0", "F1", 9) for n in (4, 6) if n < len(rows)]
    return ops


DISTRIBUTIONS = [
    ("hmmNorm", "Normal", "mean, sd", "identity", "exp(x)"),
    ("hmmLNorm", "Log-normal", "meanlog", "identity", "exp(x)"),
    ("hmmExp", "Exponential", "rate", "log", "exp(x)"),
    ("hmmGamma", "Gamma", "shape, rate", "log", "exp(x)"),
    ("hmmPois", "Poisson", "rate", "log", "exp(x)"),
    ("hmmBinom", "Binomial", "size, prob", "logit", "exp(x)"),
    ("hmmBeta", "Beta", "shape1", "logit", "exp(x)"),
    ("hmmT", "Student t", "mean, df", "identity", "exp(x)"),
    ("hmmCat", "Categorical", "prob", "logit", "exp(x)"),
    ("hmmUnif", "Uniform", "lower", "identity", "exp(x)"),
]


def test_a_long_table_keeps_its_formulas_small_print_and_overflow_in_their_cells():
    segments = read_tables(build([_distributions_table(DISTRIBUTIONS)]))[1]
    rows = [line.split(" — ", 1)[1] for s in segments for line in s.splitlines() if " — " in line]
    assert (
        "Function: hmmPois — Distribution: Poisson — Parameters: rate — Link: log — "
        "Density: exp(x) > 0" in rows
    ), rows
    assert (
        "Function: hmmLNorm — Distribution: Log-normal — Parameters: meanlog — "
        "Link: identity 0 — Density: exp(x) 2" in rows
    ), rows
    assert len(rows) == len(DISTRIBUTIONS)


def test_a_short_block_of_mixed_sizes_is_no_table():
    # A few rows with small print among them are a formula's lines, not a table's.
    assert read_tables(build([_distributions_table(DISTRIBUTIONS[:5])])) == {}


def test_a_table_may_print_a_few_unmapped_glyphs_but_not_among_its_keys():
    from ingest.loaders.pdf_table_layout import _plausible

    # A subscript epsilon without a character ("(cid:15)") in one row of many.
    body = [[f"hmm{n}", "mean, sd", "mu (identity)"] for n in range(6)]
    assert _plausible(
        [
            ["Function", "Parameters", "Location"],
            *body,
            ["hmmMEUnif", "sderr", "mu (cid:15) (identity)"],
        ]
    )
    # A formula set on lines: its glyphs everywhere, or among the keys.
    assert not _plausible([["(cid:16) x", "y"], ["a", "(cid:17)"], ["b", "(cid:18)"]])
    assert not _plausible([["Key", "Value"], *body, ["(cid:15) hmm", "x"]])
    # The pieces of a tall bracket (Private Use Area glyphs) around a matrix.
    assert not _plausible([["\uf8eb q", "q", "q \uf8f6"], ["11", "12", "13"], ["q 21", "q", "q"]])


def test_a_line_above_aligned_rows_that_does_not_line_up_is_no_header():
    prose_over = [
        text(72, 642, "The counts below were taken in spring and summer.", "F1", 9),
        *PRINTED_MATRIX[4:],
    ]
    assert read_tables(build([prose_over])) == {}


def test_a_grouped_row_in_a_pdf_table_keeps_its_own_figures():
    grouped = [
        text(72, 700, "Table 1: Performance of the two methods", "F1"),
        text(72, 672, "           Method          Min.    Median    Max.", "F3", 9),
        text(72, 662, "Accuracy   svm             0.58    0.62      0.70", "F3", 9),
        text(72, 652, "           randomForest    0.41    0.45      0.58", "F3", 9),
        text(72, 642, "Kappa      svm             0.69    0.77      0.86", "F3", 9),
        text(72, 632, "           randomForest    0.56    0.67      0.81", "F3", 9),
    ]
    (table,) = read_tables(build([grouped]))[1]
    assert table.splitlines()[1:] == [
        "Table 1: Performance of the two methods — Accuracy — Method: svm — Min.: 0.58 — "
        "Median: 0.62 — Max.: 0.70",
        "Table 1: Performance of the two methods — Accuracy — Method: randomForest — "
        "Min.: 0.41 — Median: 0.45 — Max.: 0.58",
        "Table 1: Performance of the two methods — Kappa — Method: svm — Min.: 0.69 — "
        "Median: 0.77 — Max.: 0.86",
        "Table 1: Performance of the two methods — Kappa — Method: randomForest — "
        "Min.: 0.56 — Median: 0.67 — Max.: 0.81",
    ]


def test_headerless_rows_at_the_top_of_a_page_continue_the_table_before():
    page_one = [  # the table runs to the foot of page 1 ...
        text(72, 146, "Set the debug level to the sum of the values below."),
        text(90, 132, "Name           Value   Meaning", "F3", 9),
        text(90, 122, "-----------------------------------------", "F3", 9),
        text(90, 112, "MATCH              1   Brief information about matching", "F3", 9),
        text(90, 102, "EDIT               4   Monitor edit execution", "F3", 9),
    ]
    page_two = [  # ... and goes on at the top of page 2, without its header
        text(72, 760, "Running header", "F1", 8),
        text(90, 712, "CONFIG          1024   Monitor which config files are loaded", "F3", 9),
        text(90, 702, "LANGSET         2048   Dump char sets", "F3", 9),
        text(72, 660, "Output from these statements is sent to the standard output."),
    ]
    tables = read_tables(build([page_one, page_two]))
    assert tables[2][0].splitlines() == [
        "Set the debug level to the sum of the values below.",
        "Name: CONFIG — Value: 1024 — Meaning: Monitor which config files are loaded",
        "Name: LANGSET — Value: 2048 — Meaning: Dump char sets",
    ]


def test_flattened_page_text_is_still_indexed_beside_the_table():
    loaded = load_pdf(
        Path("t.pdf"),
        build([ALIGNED]),
        max_pages=5,
        scan_min_chars=0,
        render_dpi=72,
        read_text=lambda _: "",
    )
    texts = [p.text for p in loaded.parts if isinstance(p, Segment)]
    assert len(texts) == 2
    assert "standard output" in texts[0] and "MATCH" in texts[0]  # the page, as before
    assert texts[1].startswith("Set the debug level")  # then its table


def test_metadata_segment_on_page_one():
    info = (
        "<< /Title (Everything about cheese) /Author (Ann Smith; Bob Jones) /Subject (Ripening)"
        " /Keywords (cheese, cellars) /CreationDate (D:20100903095016-07'00')"
        " /ModDate (D:20110102000000Z) /Producer (hand) >>"
    )
    loaded = load_pdf(
        Path("t.pdf"),
        build([PROSE], info=info),
        max_pages=5,
        scan_min_chars=0,
        render_dpi=72,
        read_text=lambda _: "",
    )
    parts = list(loaded.parts)
    card = next(p for p in parts if isinstance(p, Segment) and p.text.startswith("Document"))
    assert card.page == 1
    assert card.text.splitlines() == [
        "Document information",
        "Title: Everything about cheese",
        "Author: Ann Smith; Bob Jones",
        "Subject: Ripening",
        "Keywords: cheese, cellars",
        "PDF created: 2010-09-03 (3 September 2010)",
        "PDF modified: 2011-01-02 (2 January 2011)",
    ]
    # the page's own text is there in full as well
    assert any("washed by hand" in p.text for p in parts if isinstance(p, Segment))


def test_no_metadata_no_segment_and_odd_dates_keep_what_they_can():
    import pypdf

    assert metadata_segment(pypdf.PdfReader(io.BytesIO(build([PROSE])))) is None
    odd = "<< /Title () /CreationDate (D:2010) /ModDate (garbage) >>"
    card = metadata_segment(pypdf.PdfReader(io.BytesIO(build([PROSE], info=odd))))
    assert card is not None and card.text.splitlines() == [
        "Document information",
        "PDF created: 2010",
    ]


def test_pages_without_table_cues_are_not_parsed():
    data = build([PROSE + [text(72, 700, "Nothing here is laid out in columns.")]])
    reader = TableReader(data)
    assert reader.segments(1, "prose") == []
    assert reader._pdf is None  # pdfplumber never opened the document
    assert TableGate(data).may_hold_table(1) is False
    assert TableGate(build([RULED])).may_hold_table(1) is True
    assert TableGate(build([ALIGNED])).may_hold_table(1) is True


def test_table_budget_skips_the_page(monkeypatch):
    data = build([ALIGNED])
    slow = TableReader(data, budget_s=0.0)
    assert slow.segments(1, "") == [] and slow.skipped == [1]
    # within budget, the same page gives its table
    assert len(TableReader(data).segments(1, "")) == 1
    monkeypatch.setattr(pdf_tables, "MAX_CONTENT_BYTES", 100)
    big = TableReader(data)
    assert big.segments(1, "") == [] and big.skipped == [1]


@pytest.mark.models
def test_fontconfig_tables_from_the_dev_corpus():
    path = dev_file("fontconfig-user.pdf")
    tables = read_tables(path.read_bytes())
    rows = "\n".join(tables[4]).splitlines()
    assert "Name: CONFIG — Value: 1024 — Meaning: Monitor which config files are loaded" in rows
    assert "Name: MATCH — Value: 1 — Meaning: Brief information about font matching" in rows
    edit_modes = "\n".join(tables[7])
    assert (
        'Mode: "prepend_first" — With Match: Insert at head of list — '
        "Without Match: Insert at head of list" in edit_modes
    )
    assert "Constant: heavy — Property: weight — Value: 210" in "\n".join(tables[8])


def read(question: str, table: str) -> str:
    """The answer the reader gives from ``table``'s text alone."""
    return read_evidence(question, evidence(table))
