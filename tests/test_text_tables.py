"""Tables printed as text (man pages rendered to text, READMEs, Markdown pipe tables) are read
as table rows with their headers; prose, option lists and code stay prose.

The snippets are real: find(1) and captoinfo(1) as ``man`` renders them, Vim's help files,
dpkg's triggers spec, base-passwd's README, Node.js's BUILDING.md, the reStructuredText
specification, the AWS command line's table output, ``ls --help``, coreutils' NEWS, the
ratings table that r-cran-readr ships."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import stored_chunks
from test_reader import evidence, read

from ingest.loaders.aligned_text_tables import aligned_tables
from ingest.loaders.fixed_width_tables import fixed_width_tables
from ingest.loaders.grid_tables import grid_tables
from ingest.loaders.markdown_tables import pipe_tables
from ingest.loaders.rest_simple_tables import simple_tables
from ingest.loaders.text import load_text
from ingest.loaders.text_tables import text_segments
from rag.reader.tables import listed_cells, names_row, parse_row

FIND_FEATURES = """\
       it fails.  However, find will not exit immediately.  Previously, find's  exit  status  was
       unaffected by the failure of -delete.

       Feature                Added in   Also occurs in
       -files0-from           4.9.0
       -newerXY               4.3.3      BSD
       -D                     4.3.1
       -O                     4.3.1
       -readable              4.3.0
       -exec ... +            4.2.12     POSIX
       -execdir               4.2.12     BSD

       The -delete action was introduced in findutils 4.2.3."""

# Vim's help: a description that wraps onto the next line, under the column it belongs to.
VIM_WRAPPED = """\
There are also some highlight groups worth mentioning as they can be useful in
configuration.

Highlight\t\t\tEffect ~
doxygenErrorComment\t\tThe colour of an end-comment when missing
\t\t\t\tpunctuation in a code, verbatim or dot section
doxygenLinkError\t\tThe colour of an end-comment when missing the
\t\t\t\t\\endlink from a \\link section.
"""

# dpkg's triggers spec: columns apart by tabs (one of them only a space wide), a header over
# two lines, and a rule of dashes and plus signs under it.
DPKG_TRIGGERS = """\
Here is a summary of the behaviours:

 Command line\t\tTrigproc\tTrigproc\tConfigure
\t\t\tthese\t\tany triggered
 ----------------------+---------------+---------------+-----------------
 --unpack\t\tno\t\tusually[1]\tnone
 --remove\t\tn/a\t\tusually[1]\tnone
 --configure -a\t\tany needed\tusually[1]\tany needed
 --triggers-only <some>\tmust\t\tusually not[1]\tnone
"""

BASE_PASSWD = """\
Reserved uids:
    uid   | name              | description
    ------+-------------------+---------------
    63434 | netplan           | netplan
    64000 | ftn               | fidogate
    64001 | mysql             | mysql-server
"""

CAPTOINFO = """\
       Nonstd   Std    From           Terminfo
        name    name                 capability
       ───────────────────────────────────────────────
       BO       mr     AT&T    enter_reverse_mode
       CI       vi     AT&T    cursor_invisible
       EN       @7     XENIX   key_end
"""

NODE_TOOLCHAINS = """\
Depending on the host platform, the selection of toolchains may vary.

| Operating System | Compiler Versions                                                   |
| ---------------- | ------------------------------------------------------------------- |
| Linux            | GCC >= 10.1                                                         |
| Windows          | Visual Studio 2019 or 2022 with the Windows 10 SDK on a 64-bit host |
| macOS            | Xcode >= 11 (Apple LLVM >= 11)                                      |

### Official binary platforms and toolchains
"""


def rows_of(text: str) -> list[list[list[str]]]:
    return [table.rows for table in aligned_tables(text.split("\n"))]


def test_man_page_table_is_read_with_empty_cells_and_its_line_span():
    (table,) = aligned_tables(FIND_FEATURES.split("\n"))
    assert table.rows[0] == ["Feature", "Added in", "Also occurs in"]
    assert table.rows[1] == ["-files0-from", "4.9.0", ""]
    assert table.rows[2] == ["-newerXY", "4.3.3", "BSD"]
    assert table.rows[-1] == ["-execdir", "4.2.12", "BSD"]
    assert (table.first, table.last) == (3, 11)


def test_one_blank_line_inside_a_table_is_bridged():
    # man puts a page break inside long tables as a blank line.
    broken = FIND_FEATURES.replace("       -readable", "\n       -readable")
    (rows,) = rows_of(broken)
    assert [row[0] for row in rows][-3:] == ["-readable", "-exec ... +", "-execdir"]


def test_a_wrapped_description_joins_its_row():
    (rows,) = rows_of(VIM_WRAPPED)
    assert rows[1] == [
        "doxygenErrorComment",
        "The colour of an end-comment when missing punctuation in a code, verbatim or dot section",
    ]
    assert (
        rows[2][1]
        == "The colour of an end-comment when missing the \\endlink from a \\link section."
    )


GROUPED = """\
Results of the benchmark runs:

  Measure      Method          Min.    Median    Max.
  Accuracy     svm             0.58    0.62      0.70
               randomForest    0.41    0.45      0.58
  Kappa        svm             0.69    0.77      0.86
               randomForest    0.56    0.67      0.81
"""


def test_a_grouped_row_is_a_row_of_its_own_under_its_group():
    # A blank first cell over numbers under numbers says "the same group", not "the row
    # above goes on": each method keeps its own figures.
    (rows,) = rows_of(GROUPED)
    assert rows[1:] == [
        ["Accuracy", "svm", "0.58", "0.62", "0.70"],
        ["Accuracy", "randomForest", "0.41", "0.45", "0.58"],
        ["Kappa", "svm", "0.69", "0.77", "0.86"],
        ["Kappa", "randomForest", "0.56", "0.67", "0.81"],
    ]


def test_tab_columns_and_a_header_over_two_lines():
    (rows,) = rows_of(DPKG_TRIGGERS)
    assert rows[0] == ["Command line", "Trigproc these", "Trigproc any triggered", "Configure"]
    assert rows[-1] == ["--triggers-only <some>", "must", "usually not[1]", "none"]
    (rows,) = rows_of(CAPTOINFO)
    assert rows[0] == ["Nonstd name", "Std name", "From", "Terminfo capability"]
    assert rows[3] == ["EN", "@7", "XENIX", "key_end"]


def test_bars_between_spaces_part_columns():
    (rows,) = rows_of(BASE_PASSWD)
    assert rows[0] == ["uid", "name", "description"]
    assert rows[2] == ["64000", "ftn", "fidogate"]


NOT_TABLES = {
    "justified prose": """\
       xz  compresses  or  decompresses each file according to the selected operation mode.  If no
       files  are given or file is -, xz reads from standard input and writes the processed data to
       standard  output.   xz will refuse (display an error and skip the file) to write compressed
       data to standard output if it is a terminal.  Similarly, xz will refuse to read  compressed
""",
    "indented paragraph": """\
    These options are variables that one may change, typically in one's
    vimrc file.  None of them is needed for the plugin to work.
    Each has a default that suits most users.
""",
    "option list": """\
  -v, --verbose              be verbose
  -q, --quiet                print nothing
      --check-device         check device numbers when creating incremental
                             archives (default)
  -G, --incremental          handle old GNU-format incremental backup
      --hole-detection=TYPE  technique to detect holes
""",
    "subcommands": """\
   add        Add file contents to the index
   mv         Move or rename a file, a directory, or a symlink
   restore    Restore working tree files
   rm         Remove files from the working tree and from the index
""",
    "key-value list": """\
Status:     recommendation, stable
Version:    1.0
Author:     Guillem Jover
""",
    "code block": """\
    CC      = gcc
    CFLAGS  = -O2 -Wall
    LDFLAGS = -lm
    prog:   main.o util.o
""",
    "shell session": """\
    $ ls -l
    -rw-r--r--  1 root  root  12 Jan  1  foo
    -rw-r--r--  1 root  root  14 Jan  1  bar
    -rw-r--r--  1 root  root  16 Jan  1  baz
""",
    "menu with separators": """\
File
  New File         # eEW.new_callback
  Open...          # iomenu.open
  Path Browser     # eEW.open_path_browser, pathbrowser
  ---
  Save             # iomenu.save
  Save As...       # iomenu.save_as
""",
    "two aligned rows": """\
       Preset   CompCPU
        -0         0
""",
    "short lines of verse": """\
The woods are lovely
dark and deep but I
have promises to keep
and miles to go before
""",
    "one space between labels over words": """\
Name Role Team
Ann lead core
Bob dev web
Cy ops core
""",
}


@pytest.mark.parametrize("name", sorted(NOT_TABLES))
def test_what_is_no_table_stays_prose(name):
    text = NOT_TABLES[name]
    assert rows_of(text) == []
    assert text_segments(text, ".txt")[0].text == text


def test_pipe_table_cells_are_plain_text():
    (table,) = pipe_tables(NODE_TOOLCHAINS)
    assert table.rows[0] == ["Operating System", "Compiler Versions"]
    assert table.rows[3] == ["macOS", "Xcode >= 11 (Apple LLVM >= 11)"]
    assert (table.first, table.last) == (2, 7)
    marked = (
        "| Option | Meaning |\n|---|---|\n| **`-k`** | keep [files](x.md) |\n| `a\\|b` | either |\n"
    )
    (table,) = pipe_tables(marked)
    assert table.rows[1:] == [["-k", "keep files"], ["a|b", "either"]]


def test_pipes_in_code_or_around_pictures_are_no_table():
    fenced = "```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n"
    pictures = "Ratio | Speed\n---|---\n![Ratio](r.png) | ![Speed](s.png)\n"
    assert pipe_tables(fenced) == []
    assert pipe_tables(pictures) == []


def test_tables_sit_between_their_prose_with_a_caption_and_offsets():
    segments = text_segments(FIND_FEATURES, ".txt")
    before, table, after = segments
    assert before.text.rstrip().endswith("unaffected by the failure of -delete.")
    assert "Feature" not in before.text and "-execdir" not in after.text
    assert after.text.strip() == "The -delete action was introduced in findutils 4.2.3."
    lines = table.text.split("\n")
    assert lines[0] == "Previously, find's exit status was unaffected by the failure of -delete."
    assert lines[2] == "Feature: -newerXY — Added in: 4.3.3 — Also occurs in: BSD"
    for segment in (before, after):
        assert FIND_FEATURES[segment.offset :].startswith(segment.text)
    assert FIND_FEATURES[table.offset :].startswith("       Feature")


def test_a_long_introduction_gives_way_to_the_heading():
    intro = "## Toolchains\n\n" + "This sentence is long, " * 8 + "and ends here.\n\n"
    segments = text_segments(intro + NODE_TOOLCHAINS.split("\n\n", 1)[1], ".md")
    rows = [s for s in segments if parse_row(s.text.split("\n")[-1])]
    assert rows[0].text.split("\n")[0] == "Toolchains"


def test_markdown_keeps_aligned_text_as_is_and_plain_text_reads_pipes():
    # In Markdown, text aligned by spaces sits in code blocks; it is code, not a table.
    fenced = "# Tools\n\n```\n" + FIND_FEATURES.split("\n\n")[1] + "\n```\n"
    assert len(text_segments(fenced, ".md")) == 1
    assert len(text_segments(fenced, ".txt")) > 1
    assert len(text_segments(NODE_TOOLCHAINS, ".txt")) > 1


@pytest.mark.parametrize(
    ("name", "text"), [("find.txt", FIND_FEATURES), ("BUILD.md", NODE_TOOLCHAINS)]
)
def test_text_loader_emits_rows_the_reader_parses(name, text):
    loaded = load_text(Path(name), text.encode())
    rows = [
        cells
        for part in loaded.parts
        for line in part.text.split("\n")
        if (cells := parse_row(line))
    ]
    assert len(rows) >= 3
    assert all(len(cells) >= 2 for cells in rows)


def test_a_row_by_column_question_gets_the_cell(make_service, tmp_path):
    service = make_service()
    page = tmp_path / "find.1.txt"
    page.write_text(FIND_FEATURES)
    (result,) = service.ingest([page]).results
    assert result.status == "ingested", result.reason
    chunks = stored_chunks(service)
    # Chunk offsets still point into the document's text, after the table too.
    last = chunks[-1]
    assert FIND_FEATURES[last.start : last.end] == last.text
    answer = service.ask("In which version of find was -newerXY added?")
    assert answer.text.startswith("4.3.3"), answer.text


def test_the_row_a_question_names_by_its_key_is_read():
    # "how fast" is no row key: the row named "gzip -1" is asked about, not "gzip --fast".
    items = evidence(
        "Benchmarks\n"
        "Compressor: gzip 1.13 --fast — Ratio: 2.70 — Decompression: 450 MB/s\n"
        "Compressor: gzip 1.13 -1 — Ratio: 2.74 — Decompression: 400 MB/s"
    )
    answer = read("How fast does gzip 1.13 at level -1 decompress?", items)
    assert answer.startswith("400 MB/s"), answer
    cells = parse_row("Compressor: gzip -1 — Ratio: 2.74")
    assert names_row("how fast is gzip -1?", cells)
    assert not names_row("how fast is gzip -9?", cells)


def test_the_row_a_question_describes_by_a_cell_is_read():
    # Both rows speak of a white key's width; the question says all that the second one's
    # explanation says, and nothing of the first one's ratio and height.
    items = evidence(
        "Table 1: The keys — Key: height — Type: Numeric — Default: 4 — "
        "Explanation: The ratio between height and width of white keys",
        "Table 1: The keys — Key: size — Type: Dimension — Default: 0.5cm — "
        "Explanation: The width of a white key",
    )
    answer = read("In the table of setup keys, what is the default width of a white key?", items)
    assert answer.startswith("0.5cm"), answer
    described = parse_row("Key: size — Explanation: The width of a white key")
    assert names_row("what is the width of a white key?", described)
    assert not names_row("what is the width of a black key?", described)


def test_the_cells_of_the_headers_a_question_lists_are_read_in_its_order():
    items = evidence('NAME: "tan" — RED: 0.824 — GREEN: 0.706 — BLUE: 0.549')
    answer = read("What red, green and blue values does the manual list for tan?", items)
    assert answer.startswith("0.824, 0.706, 0.549 — "), answer
    cells = parse_row('NAME: "tan" — RED: 0.824 — GREEN: 0.706 — BLUE: 0.549')
    assert [c.value for c in listed_cells("its blue and red values?", cells)] == ["0.549", "0.824"]
    # One header named, or two not listed together, is no list.
    assert listed_cells("what red value has the green one?", cells) == []


def test_a_rest_simple_table_takes_its_borders_along():
    simple = (
        "Fruit by size.\n\n=====  =====  ======\nName   Size   Colour\n=====  =====  ======\n"
        "apple  small  red\nmelon  large  green\n=====  =====  ======\n\nAfter.\n"
    )
    before, table, after = text_segments(simple, ".rst")
    assert before.text == "Fruit by size.\n"
    assert table.text.split("\n") == [
        "Fruit by size.",
        "Name: apple — Size: small — Colour: red",
        "Name: melon — Size: large — Colour: green",
    ]
    assert after.text.strip() == "After."


def test_a_rest_simple_table_parts_its_cells_where_its_border_does():
    # A cell one space from the next, and a cell that wraps onto a line of its own: the
    # border's runs set the columns.
    readme = (
        "Dependency\n----------\n\n\n"
        "======================== ========================================\n"
        "features                  dependency\n"
        "======================== ========================================\n"
        "SFTP                     libssh2\n"
        "BitTorrent               None. Optional: libnettle+libgmp or libgcrypt\n"
        "                         or OpenSSL (see note)\n"
        "Firefox3/Chromium cookie libsqlite3\n"
        "XML-RPC                  libxml2 or Expat.\n"
        "======================== ========================================\n\nAfter.\n"
    )
    before, table, after = text_segments(readme, ".txt")
    assert table.text.split("\n") == [
        "Dependency",  # the heading over its underline is the caption, without the rule
        "features: SFTP — dependency: libssh2",
        "features: BitTorrent — dependency: None. Optional: libnettle+libgmp or libgcrypt or "
        "OpenSSL (see note)",
        "features: Firefox3/Chromium cookie — dependency: libsqlite3",
        "features: XML-RPC — dependency: libxml2 or Expat.",
    ]
    assert after.text.strip() == "After."
    question = "According to the dependency table, which dependency does SFTP have?"
    assert read(question, evidence(table.text)).startswith("libssh2 — ")
    # Two borders with no header between them, or a cell across a border, are left alone.
    assert simple_tables(["=== ===", "a   b", "=== ==="]) == []
    assert simple_tables(["=== ===", "a   b", "=== ===", "abcdefg", "=== ==="]) == []


# The reStructuredText specification's own grid table.
REST_GRID = """\
Grid tables draw their cells.

+------------------------+------------+----------+----------+
| Header row, column 1   | Header 2   | Header 3 | Header 4 |
| (header rows optional) |            |          |          |
+========================+============+==========+==========+
| body row 1, column 1   | column 2   | column 3 | column 4 |
+------------------------+------------+----------+----------+
| body row 2             | Cells may span columns.          |
+------------------------+------------+---------------------+
| body row 3             | Cells may  | - Table cells       |
+------------------------+ span rows. | - contain           |
| body row 4             |            | - body elements.    |
+------------------------+------------+---------------------+
"""


def test_rest_grid_tables_with_wrapped_and_spanning_cells():
    before, *tables = text_segments(REST_GRID, ".rst")
    assert before.text == "Grid tables draw their cells.\n"
    lines = "\n".join(t.text for t in tables).split("\n")
    assert lines[0] == "Grid tables draw their cells."
    assert lines[1].startswith("Header row, column 1 (header rows optional): body row 1, column 1")
    rows = [
        dict((c.header, c.value) for c in cells) for line in lines if (cells := parse_row(line))
    ]
    row4 = next(row for row in rows if "body row 4" in row.values())
    assert len(rows) == 4
    assert row4["Header 2"] == "Cells may span rows."
    assert row4["Header 3"] == "- Table cells - contain - body elements."
    # A cell's right side missing: docutils refuses the box, and its lines stay prose.
    broken = REST_GRID.replace("| column 4 |", "| column 4  ")
    assert len(text_segments(broken, ".rst")) == 1  # docutils refuses it: it stays prose


def test_a_box_drawn_by_a_command_line_tool_holds_a_row_per_line():
    # aws ec2 describe-instances --output table
    output = """\
    -------------------------------------------------------------
    |                     DescribeInstances                     |
    +--------------+-----------------------+--------------------+
    |      AZ      |       Instance        |        Name        |
    +--------------+-----------------------+--------------------+
    |  us-east-2b  |  i-057750d42936e468a  |  my-prod-server    |
    |  us-east-2a  |  i-001efd250faaa6ffa  |  test-server-1     |
    +--------------+-----------------------+--------------------+
"""
    (table,) = grid_tables(output.split("\n"))
    assert table.rows == [
        ["AZ", "Instance", "Name"],
        ["us-east-2b", "i-057750d42936e468a", "my-prod-server"],
        ["us-east-2a", "i-001efd250faaa6ffa", "test-server-1"],
    ]


@pytest.mark.timeout(20)
def test_a_matrix_of_numbers_is_no_table_and_costs_little():
    # A data file: one line of 20,000 numbers (letters in their exponents), then more lines.
    row = "   ".join(f"{i / 7:.7e}" for i in range(20_000))
    text = "\n".join([row] * 3 + ["  ".join(["x1e0"] * 30)] * 2_000)
    assert len(text_segments(text, ".txt")) == 1


def test_rows_carry_the_heading_of_their_section_beside_the_introduction():
    sized = (
        "# Hardware\n\n### Large cluster\n\nA large cluster serves fewer than 1,500 clients.\n\n"
        "Example workload: a 1,000-node cluster\n\n"
        "| Provider | Type | vCPUs |\n|---|---|---|\n| AWS | m4.2xlarge | 8 |\n| GCE | n1-8 | 8 |\n"
    )
    rows = [s for s in text_segments(sized, ".md") if parse_row(s.text.split("\n")[-1])]
    assert rows[0].text.split("\n")[:2] == [
        "Large cluster",
        "Example workload: a 1,000-node cluster",
    ]
    # A table right under its heading is introduced by that heading alone.
    under = "# Hardware\n\n## Sizes\n\n| Provider | Type |\n|---|---|\n| AWS | m4 |\n| GCE | n1 |\n"
    rows = [s for s in text_segments(under, ".md") if parse_row(s.text.split("\n")[-1])]
    assert rows[0].text.split("\n")[0] == "Sizes"


RATINGS = """\
UCC PAY LAZ RT Rank Team            Conf
  1   1   1  1    1 Ohio St          B10
  2   2   2  2    2 Oregon           P12
  3   4   3  3    3 Alabama          SEC
  4   3   4  4    4 TCU              B12
"""
DD_TABLE = """\
  corrected as shown in the following table, where A is the ASCII value.

      A   W   E
     041 117 132
     133 112 255
     135 132 275

  [These dd bugs were present in "the beginning".]
"""


def test_columns_one_space_apart_are_found_from_the_whole_block():
    (table,) = fixed_width_tables(RATINGS.split("\n"))
    assert table.rows[0] == ["UCC", "PAY", "LAZ", "RT", "Rank", "Team", "Conf"]
    assert table.rows[4] == ["4", "3", "4", "4", "4", "TCU", "B12"]
    (table,) = fixed_width_tables(DD_TABLE.split("\n"))
    assert table.rows == [
        ["A", "W", "E"],
        ["041", "117", "132"],
        ["133", "112", "255"],
        ["135", "132", "275"],
    ]
    # Two runs of spaces part no header label here, so the aligned reader takes none.
    assert aligned_tables(RATINGS.split("\n")) == []
    assert "Rank: 4 — Team: TCU — Conf: B12" in text_segments(RATINGS, ".txt")[0].text


def test_a_place_in_an_order_names_the_row_with_that_rank():
    rows = [s.text for s in text_segments(RATINGS, ".txt")]
    answer = read("Which team is ranked fourth?", evidence(*rows))
    assert answer.startswith("TCU — "), answer
    cells = parse_row("Rank: 3 — Team: Alabama")
    assert names_row("Which team is ranked third?", cells)
    assert names_row("Which team has the 3rd rank?", cells)
    assert not names_row("Which team is ranked fourth?", cells)
    # A place under a header the question does not name picks no row.
    assert not names_row("Which team comes third in the list?", parse_row("UCC: 3 — Team: X"))


def test_a_number_written_in_words_names_the_row_that_prints_it():
    rows = [
        "book: Dune — shelf: fiction — copies: 3 — note: signed",
        "book: Emma — shelf: fiction — copies: 7 — note: worn cover",
        "book: Ulysses — shelf: fiction — copies: 12 — note: first edition",
    ]
    answer = read("Which fiction book does the library keep seven copies of?", evidence(*rows))
    assert answer.startswith("Emma — "), answer
    cells = parse_row(rows[1])
    assert names_row("Which book has seven copies?", cells)
    assert names_row("Which book has 7 copies?", cells)
    assert not names_row("Which book has three copies?", cells)
    # A number under a header the question does not name picks no row.
    assert not names_row("Which book is on shelf seven?", parse_row("book: X — copies: 7"))


def test_markdown_reads_a_bordered_simple_table_in_a_code_block():
    # A benchmark pasted into a README as a reStructuredText simple table: drawn as a table,
    # so read as one; without it, "879.1" was a number among numbers, no row's cell.
    readme = (
        "## Performance\n\nThe following mini-benchmark was run:\n\n"
        "    =================  ==========  ===========\n"
        "    Table formatter      time, μs    rel. time\n"
        "    =================  ==========  ===========\n"
        "    csv to StringIO          12.5          1.0\n"
        "    PrettyTable (0.7.2)     879.1         70.6\n"
        "    =================  ==========  ===========\n\nVersion history\n"
    )
    rows = [s.text.split("\n")[-1] for s in text_segments(readme, ".md")]
    assert "Table formatter: PrettyTable (0.7.2) — time, μs: 879.1 — rel. time: 70.6" in rows
    # The same lines without the borders stay code.
    unbordered = "\n".join(line for line in readme.split("\n") if "====" not in line)
    assert len(text_segments(unbordered, ".md")) == 1


def test_markdown_reads_a_box_drawn_in_a_code_block_with_its_fences():
    # A table printing library's output pasted into a README: boxed by "+---+" borders, so
    # read as a table, with the sentence above it (not the code fence) as its caption.
    readme = (
        "# PrettyTable\n\nIt prints tables like this:\n\n```\n"
        "+-----------+------+------------+\n"
        "| City name | Area | Population |\n"
        "+-----------+------+------------+\n"
        "| Darwin    | 112  |   120900   |\n"
        "| Hobart    | 1357 |   205556   |\n"
        "+-----------+------+------------+\n"
        "```\n\nThe old `printt()` method was removed.\n\n```python\nprint(x)\n```\n"
    )
    segments = [s.text for s in text_segments(readme, ".md")]
    (table,) = [text.split("\n") for text in segments if "City name: " in text]
    assert table[:2] == ["PrettyTable", "It prints tables like this:"]
    assert "City name: Hobart — Area: 1357 — Population: 205556" in table
    # The fences went with the table: the prose after it opens with prose, not with a fence
    # that would turn it into code and its code block into prose.
    after = segments[-1]
    assert after.lstrip().startswith("The old `printt()` method")
    assert after.count("```") == 2


def test_a_rule_drawn_inside_the_box_sides_parts_header_and_rows():
    # psql's output, and tabulate's "psql" format.
    output = [
        "+--------+-------+",
        "| item   |   qty |",
        "|--------+-------|",
        "| spam   |    42 |",
        "| eggs   |   451 |",
        "+--------+-------+",
    ]
    (table,) = grid_tables(output)
    assert table.rows == [["item", "qty"], ["spam", "42"], ["eggs", "451"]]


# UltraJSON's benchmark table (python3-ujson's README): a row that fills only its first cell
# titles the rows under it.
TITLED_GROUPS = """\
|                        | ujson  | orjson |  json  |
|------------------------|-------:|-------:|-------:|
| Array with 256 doubles |        |        |        |
| encode                 | 22,082 | 76,975 |  5,436 |
| decode                 | 24,127 | 29,059 | 13,822 |
| Complex object         |        |        |        |
| encode                 |    533 |        |    431 |
| not measured           |        |        |        |
"""


def test_a_row_of_one_title_names_the_rows_under_it():
    text = "\n".join(s.text for s in text_segments(TITLED_GROUPS, ".md"))
    assert "Array with 256 doubles — encode — ujson: 22,082 — orjson: 76,975" in text
    assert "Array with 256 doubles — decode — ujson: 24,127" in text
    assert "Complex object — encode — ujson: 533 — json: 431" in text
    # The last row titles nothing: it stays a row, under the group above it.
    assert "Complex object — not measured" in text
    assert "\nComplex object\n" not in f"\n{text}\n"


def test_a_row_named_by_its_group_and_its_key_beats_its_group_s_other_rows():
    from rag.reader.tables import stated_keys

    question = "In the SVM article's comparison, what median accuracy did svm() reach?"
    svm = parse_row("Accuracy — method: svm — Median: 0.62")
    forest = parse_row("Accuracy — method: randomForest — Median: 0.45")
    assert (stated_keys(question, svm), stated_keys(question, forest)) == (2, 1)
    rows = (
        "Table 1: Performance of svm() and randomForest() for classification\n"
        "Accuracy — method: randomForest — Median: 0.45\n"
        "Accuracy — method: svm — Median: 0.62"
    )
    assert read(question, evidence(rows)).startswith("0.62 — "), read(question, evidence(rows))


# A man page's list of key bindings: two columns, no header; the first entry says something.
KEY_BINDINGS = """\
     The default command key bindings are:

           C-a         Send the prefix key (C-a) through to the application.
           C-z         Suspend the client.
           !           Break the current pane out of the window.
           #           List all paste buffers.
           c           Create a new window.
           d           Detach the current client.
           z           Toggle zoom state of the current pane.
           ~           Show previous messages, if any.
"""


def test_a_list_of_key_bindings_is_no_table_headed_by_its_first_entry():
    assert aligned_tables(KEY_BINDINGS.split("\n")) == []
    assert fixed_width_tables(KEY_BINDINGS.split("\n")) == []
    assert all(not parse_row(s.text) for s in text_segments(KEY_BINDINGS, ".txt"))


# A man page labels every column but the keys', and centres its defaults.
ECHO_PARAMETERS = """\
       echo [gain-in gain-out delay decay]
              All parameters are optional.

                                  Range     Default   Description
                        gainin    0 - 1        0      Gain of the input signal.
                        gainout   0 - 1        1      Gain of the output signal.
                        delay     0 - 500     60      Delay in milliseconds.
                        decay     0 - 1       0.4     Part of the signal fed back
                                                      into the delay line.
                        shape                 sin     Shape of the decay: sine|triangle.
                        phase     0 - 100     25      Phase shift between channels.
                        interp                lin     Interpolation of the delay line.
                        level     0 - 10       2      Output level.

       fade [type] fade-in-length
"""


def test_a_column_of_keys_left_of_the_first_label_is_the_tables_unnamed_first_column():
    (table,) = aligned_tables(ECHO_PARAMETERS.split("\n"))
    assert table.rows[0] == ["", "Range", "Default", "Description"]
    assert table.rows[3] == ["delay", "0 - 500", "60", "Delay in milliseconds."]
    assert [row[2] for row in table.rows[1:]] == ["0", "1", "60", "0.4", "sin", "25", "lin", "2"]
    assert table.rows[4][3] == "Part of the signal fed back into the delay line."
    assert table.rows[5] == ["shape", "", "sin", "Shape of the decay: sine|triangle."]
    rows = [
        s.text for s in text_segments(ECHO_PARAMETERS, ".txt") if parse_row(s.text.split("\n")[-1])
    ]
    assert any("delay — Range: 0 - 500 — Default: 60 — Description:" in r for r in rows), rows
