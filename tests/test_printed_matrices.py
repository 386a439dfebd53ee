"""Matrices R prints, flattened to one space between columns as a PDF's text layer keeps them,
read as table rows; the answer reader picks their cells by header, letter or place."""

from __future__ import annotations

from conftest import write_pdf
from test_reader import evidence, read

from ingest.document import Segment
from ingest.loaders.pdf import load_pdf
from ingest.loaders.printed_matrices import (
    matrix_segments,
    misread_tables,
    printed_matrices,
    trailing_header,
)
from ingest.loaders.text_tables import text_segments
from rag.reader.tables import answer_cell, parse_row

# `colnames(cT) <- c("b", "c", "s"); cT` and `matrix(1:6, nrow = 2)`, as a PDF's text layer
# gives them: one space apart.
NAMED = """\
> colnames(cT) <- c("b", "c", "s"); cT
b c s
cc1 1.4734061 0.9822707 1.5
cc2 0.4015457 0.2676971 1.5
If the minimal slope is set, the constants are as above."""
NUMBERED = """\
> m <- matrix(1:6, nrow = 2); m
[,1] [,2] [,3]
[1,] 1 3 5
[2,] 2 4 6"""


def pdf_segments(path) -> list[Segment]:
    """The text segments ``load_pdf`` reads from the PDF at ``path`` (no OCR)."""
    loaded = load_pdf(
        path,
        path.read_bytes(),
        max_pages=5,
        scan_min_chars=0,
        render_dpi=72,
        read_text=lambda _: "",
    )
    return [part for part in loaded.parts if isinstance(part, Segment)]


def test_a_printed_matrix_becomes_rows_under_its_column_names():
    (segment,) = matrix_segments(NAMED, page=7)
    assert segment.page == 7
    assert segment.text.splitlines() == [
        '> colnames(cT) <- c("b", "c", "s"); cT',
        "cc1 — b: 1.4734061 — c: 0.9822707 — s: 1.5",
        "cc2 — b: 0.4015457 — c: 0.2676971 — s: 1.5",
    ]
    # Named dimensions: the rows' name heads the row names.
    (dims,) = matrix_segments("row\ntopn [,1] [,2]\n[1,] 1 2\n[2,] 18 35")
    assert dims.text.splitlines() == [
        "row",
        "topn: [1,] — [,1]: 1 — [,2]: 2",
        "topn: [2,] — [,1]: 18 — [,2]: 35",
    ]
    (numbered,) = matrix_segments(NUMBERED)
    assert numbered.text.splitlines()[1:] == [
        "[1,] — [,1]: 1 — [,2]: 3 — [,3]: 5",
        "[2,] — [,1]: 2 — [,2]: 4 — [,3]: 6",
    ]


def test_columns_named_by_a_word_and_a_number_are_one_name_each():
    # mixtools' summary() of a fit: "comp 1 comp 2" names two columns, not four.
    printed = (
        "> summary(wait1)\nsummary of normalmixEM object:\ncomp 1 comp 2\n"
        "lambda 0.36085 0.63915\nmu 54.61364 80.09031\nsigma 5.86909 5.86909\n"
        "loglik at estimate: -1034.002"
    )
    (segment,) = matrix_segments(printed)
    assert "mu — comp 1: 54.61364 — comp 2: 80.09031" in segment.text.splitlines()
    question = "In the summary of the normal mixture fit, what is the mean mu of component 2?"
    answer = read(question, evidence(segment.text))
    assert answer.startswith("80.09031 — "), answer


def test_maxlik_estimates_with_a_lower_case_error_and_barless_p_value_are_read():
    # maxLik's summary() as the PDF's text layer gives it: "Pr(>|t|)" loses its bars.
    estimates = (
        "Estimates:\nEstimate Std. error t value Pr(> t)\n"
        "mu 27.2131 1.1633 23.39 < 2e-16 ***\nsigma 10.7498 0.8389 12.81 < 2e-16 ***\n---"
    )
    (table,) = printed_matrices(estimates.split("\n"))
    assert table.rows[0] == ["", "Estimate", "Std. error", "t value", "Pr(> t)"]
    assert table.rows[2] == ["sigma", "10.7498", "0.8389", "12.81", "<2e-16"]
    (segment,) = matrix_segments(estimates)
    answer = read("What estimate of sigma does maxLik report?", evidence(segment.text))
    assert answer.startswith("10.7498 — "), answer


def test_quantile_columns_and_numbered_row_names_are_read_whole():
    # bbmle's confint() and eRm's summary(), as knitr and the PDF's text layer give them.
    confint = 'confint(m0,method="quad")\n## 2.5 % 97.5 %\n## prob 0.09689875 0.1092961\n'
    confint += "## theta 8.85802088 11.2935972"
    (limits,) = matrix_segments(confint)
    assert "theta — 2.5 %: 8.85802088 — 97.5 %: 11.2935972" in limits.text.splitlines()
    lltm = (
        "Basic Parameters eta with 0.95 CI:\nEstimate Std. Error lower CI upper CI\n"
        "eta 1 -0.098 0.313 -0.711 0.516\neta 2 0.114 0.478 -0.823 1.051"
    )
    (estimates,) = matrix_segments(lltm)
    row = "eta 2 — Estimate: 0.114 — Std. Error: 0.478 — lower CI: -0.823 — upper CI: 1.051"
    assert row in estimates.text.splitlines()
    thresholds = "Location Threshold 1 Threshold 2\nI1 1.60712 0.59703 2.61721\nI2 1.2 0.5 2.0"
    (table,) = printed_matrices(thresholds.split("\n"))
    assert table.rows[0] == ["", "Location", "Threshold 1", "Threshold 2"]
    answer = read("What standard error does the LLTM summary give eta 2?", evidence(estimates.text))
    assert answer.startswith("0.478 — "), answer


def test_a_word_numbered_once_is_no_column_name():
    # fontconfig's list of constants: "weight 0" is a value, and the rows are no matrix.
    constants = "thin weight 0\nextralight weight 40\nultralight weight 40\nlight weight 50"
    assert printed_matrices(constants.split("\n")) == []
    # A contingency table's header of counts is not a row name ending in its number.
    counts = "Least—Most bitter\nTemperature Contact 1 2 3 4 5\ncold no 4 9 5 0 0"
    assert printed_matrices(counts.split("\n")) == []


def test_what_is_not_a_printed_matrix_stays_text():
    not_matrices = [
        # A printed vector has no header.
        "> x\n[1] 0 0 0 0\n[1] 1 1 1 1\n[1] 2 2 2 2",
        # Column names with spaces that R does not print: the counts do not match.
        "Mean size Max size\n(Intercept) 1.2 0.5\nx 0.3 0.1",
        # A console prompt is code, not a header.
        "> a b\nx 1 2\ny 3 4",
        # One row is no table.
        "b c s\ncc1 1.47 0.98 1.5\nThe constants above hold for 95% efficiency.",
        # Prose.
        "The options are listed below\nwith their defaults\nand meanings.",
    ]
    for text in not_matrices:
        assert printed_matrices(text.split("\n")) == [], text


# rbenchmark's result under the code that printed it, marked as comments (Rcpp's vignette),
# and a data frame as knitr prints it.
MARKED_FRAME = """\
benchmark(r = bootstrap_r(initdata), cpp = bootstrap_cpp(initdata))[, 1:4]
# test replications elapsed relative
# 2 cpp 100 1.469 1.000
# 1 r 100 4.552 3.099
Using Rcpp as an Interface to External Libraries"""
KNITR_FRAME = """\
head(df, 2)
## name size kept
## 1 alpha 10 0.5
## 2 beta 12 0.25"""


def test_a_data_frame_printed_as_comments_becomes_rows():
    (segment,) = matrix_segments(MARKED_FRAME, page=5)
    assert segment.text.splitlines()[1:] == [
        "2 — test: cpp — replications: 100 — elapsed: 1.469 — relative: 1.000",
        "1 — test: r — replications: 100 — elapsed: 4.552 — relative: 3.099",
    ]
    (knitr,) = matrix_segments(KNITR_FRAME)
    assert knitr.text.splitlines()[1:] == [
        "1 — name: alpha — size: 10 — kept: 0.5",
        "2 — name: beta — size: 12 — kept: 0.25",
    ]


def test_what_is_not_a_data_frame_stays_text():
    not_frames = [
        # A comment over code is no header, and code is no row.
        "# Set seed to generate data\nset.seed(512)\n# Generate data\nx <- rnorm(10)",
        # Lines of prose that hold a number: numbers are fewer than half of the cells.
        "numbercolor Literal black\n10 The colour 10\n11 The shade 11",
        # A column of numbers in one row and words in the next.
        "# a b\n# 1 x 2\n# 2 3 y",
        # Marked header, unmarked rows: output of two kinds.
        "# test elapsed\n2 cpp 1.469\n1 r 4.552",
    ]
    for text in not_frames:
        assert printed_matrices(text.split("\n")) == [], text


def test_a_matrix_the_layout_reader_read_already_is_not_read_twice():
    (segment,) = matrix_segments(NAMED)
    assert matrix_segments(NAMED, besides=[segment]) == []


def test_a_pdf_page_and_a_text_file_give_the_matrix_rows(tmp_path):
    path = write_pdf(tmp_path / "constants.pdf", [NAMED.split("\n")])
    texts = [part.text for part in pdf_segments(path)]
    assert any("cc2 — b: 0.4015457 — c: 0.2676971 — s: 1.5" in t for t in texts), texts
    rows = [s.text for s in text_segments(NUMBERED, ".txt")]
    assert any("[2,] — [,1]: 2 — [,2]: 4 — [,3]: 6" in t for t in rows), rows


def test_a_cell_is_asked_for_by_a_one_letter_header_or_by_its_place():
    named = parse_row("cc2 — b: 0.4015457 — c: 0.2676971 — s: 1.5")
    assert named[0].header == "" and named[0].value == "cc2"  # the row name is the key
    assert answer_cell("What c value goes with the cc2 row?", named).value == "0.2676971"
    assert answer_cell("What is in the last column of the cc2 row?", named).value == "1.5"
    numbered = parse_row("cc1 — [,1]: 0 — [,2]: 1.3863620 — [,3]: 1.5 — [,4]: 4.7773893")
    assert answer_cell("What is in the second column of the cc1 row?", numbered).value == (
        "1.3863620"
    )
    assert answer_cell("What does column 4 hold for cc1?", numbered).value == "4.7773893"
    # "a" is the article, never the header of that name.
    lettered = parse_row("cc1 — a: 1.387 — b: 1.5")
    assert answer_cell("What is a good value of b for cc1?", lettered).value == "1.5"


def test_the_row_a_question_names_answers_with_its_cell():
    rows = matrix_segments(NAMED)[0].text
    prose = "The LQQ constants cT: one row per setting, one column per constant value."
    assert read(
        "In the LQQ constants, what c value goes with the cc2 row?", evidence(prose, rows)
    ) == ("0.2676971 — cc2 — b: 0.4015457 — c: 0.2676971 — s: 1.5 [2]")


def test_a_row_the_question_names_answers_before_a_number_labelled_in_code():
    # The command that printed the matrix labels a number "b.c", which the question's "c"
    # would pick; the row the question names holds the cell.
    code = (
        "The LQQ constants cT, one row per setting:\n"
        "> cT <- rbind(cc1 = findc(b.c = 1.5, eff = 0.95),\n+ cc2 = findc(b.c = 1.5, bp = 0.50))"
    )
    rows = matrix_segments(NAMED)[0].text
    answer = read("In the LQQ constants, what c value goes with the cc2 row?", evidence(code, rows))
    assert answer.startswith("0.2676971 — cc2 — b: 0.4015457"), answer


def test_a_key_after_a_caption_or_a_group_label_names_the_row():
    from rag.reader.tables import names_row

    captioned = parse_row("Table 2: Regression error — randomForest — Min.: 2.99 — Mean: 3.35")
    assert captioned[0] == type(captioned[0])("", "randomForest")
    assert names_row("What mean error did randomForest get?", captioned)
    grouped = parse_row("Kappa — method: svm — Mean: 0.77")
    assert names_row("What mean kappa did svm get?", grouped)


# `head(wday.xts)`: a time series prints its dates as row names, and the PDF's page breaks
# after the second row.
SERIES_PAGE_ONE = """\
Use .indexwday to only include Mon-Fri days:
> head(wday.xts)
Open High Low Close
2007-01-02 50.03978 50.11778 49.95041 50.11778
2007-01-03 50.23050 50.42188 50.23050 50.39767"""
SERIES_PAGE_TWO = """\
2007-01-04 50.42096 50.42096 50.26414 50.33236
2007-01-05 50.37347 50.37347 50.22103 50.33459
I need to quickly convert a data.frame that contains the time-stamps."""


def test_a_series_printed_over_a_page_break_keeps_its_header(tmp_path):
    assert trailing_header(SERIES_PAGE_ONE) == ["", "Open", "High", "Low", "Close"]
    assert trailing_header(NAMED) is None  # a sentence follows the matrix on its page
    (first,) = matrix_segments(SERIES_PAGE_ONE)
    assert "2007-01-03 — Open: 50.23050 — High: 50.42188" in first.text
    assert matrix_segments(SERIES_PAGE_TWO) == []  # no header of its own
    (rest,) = matrix_segments(SERIES_PAGE_TWO, continued=trailing_header(SERIES_PAGE_ONE))
    assert "2007-01-05 — Open: 50.37347 — High: 50.37347 — Low: 50.22103 — Close: 50.33459" in (
        rest.text
    )
    path = write_pdf(
        tmp_path / "faq.pdf", [SERIES_PAGE_ONE.split("\n"), SERIES_PAGE_TWO.split("\n")]
    )
    rows = [part.text for part in pdf_segments(path) if part.page == 2]
    assert any("2007-01-05 — Open: 50.37347" in t for t in rows), rows


# gofstat's output: its rows are named in words, its columns by the distributions fitted.
CRITERIA = """\
Goodness-of-fit criteria
lnorm llogis Pareto Burr
Akaike's Information Criterion 1069 1069 1048 1046
Bayesian Information Criterion 1074 1075 1053 1054
Statistic General formula Computational formula"""


def test_a_row_named_in_words_is_read_under_its_header():
    # Before, a row name of several words was no row, and the criteria stayed prose.
    (table,) = printed_matrices(CRITERIA.split("\n"))
    assert table.rows == [
        ["", "lnorm", "llogis", "Pareto", "Burr"],
        ["Akaike's Information Criterion", "1069", "1069", "1048", "1046"],
        ["Bayesian Information Criterion", "1074", "1075", "1053", "1054"],
    ]
    rows = [segment.text for segment in matrix_segments(CRITERIA)]
    answer = read(
        "What Bayesian Information Criterion does the log-logistic fit (llogis) get?",
        evidence(*rows),
    )
    assert answer.startswith("1075 — "), answer
    # A line of prose that ends in numbers under no header stays prose.
    assert printed_matrices(["The three runs took 12 14 15", "and then 3 4 5"]) == []


# `summary(meuse)` in the gstat tutorial, as its PDF's text layer gives it.
SUMMARY = """\
Data attributes:
cadmium copper lead zinc
Min. : 0.200 Min. : 14.00 Min. : 37.0 Min. : 113.0
1st Qu.: 0.800 1st Qu.: 23.00 1st Qu.: 72.5 1st Qu.: 198.0
Median : 2.100 Median : 31.00 Median :123.0 Median : 326.0
Max. :18.100 Max. :128.00 Max. :654.0 Max. :1839.0
Coordinates:"""


def test_a_data_frames_summary_becomes_one_row_per_statistic():
    (segment,) = matrix_segments(SUMMARY, page=2)
    assert segment.text.splitlines() == [
        "Data attributes:",
        "Min. — cadmium: 0.200 — copper: 14.00 — lead: 37.0 — zinc: 113.0",
        "1st Qu. — cadmium: 0.800 — copper: 23.00 — lead: 72.5 — zinc: 198.0",
        "Median — cadmium: 2.100 — copper: 31.00 — lead: 123.0 — zinc: 326.0",
        "Max. — cadmium: 18.100 — copper: 128.00 — lead: 654.0 — zinc: 1839.0",
    ]
    answer = read("What is the maximum lead in the data attributes?", evidence(segment.text))
    assert answer.startswith("654.0 — "), answer
    # A line with another statistic, or another count of columns, ends it.
    mixed = "a b\nMin. : 1 Max. : 2\nMin. : 3 Min. : 4"
    assert printed_matrices(mixed.split("\n")) == []


def test_a_laid_out_table_that_runs_a_printed_matrixs_columns_together_is_left_out():
    text = (
        "> lzn.vgm\nnp dist gamma dir.hor dir.ver id\n1 57 79.29244 0.1234479 0 0 var1\n"
        "2 299 163.97367 0.2162185 0 0 var1\n3 419 267.36483 0.3027859 0 0 var1"
    )
    misread = Segment(
        "np dist gamma: 1 57 79.29244 0.1234479 — dir.hor: 0 — dir.ver id: 0 var1\n"
        "np dist gamma: 2 299 163.97367 0.2162185 — dir.hor: 0 — dir.ver id: 0 var1",
        page=4,
    )
    right = Segment("1 — np: 57 — dist: 79.29244 — gamma: 0.1234479 — dir.hor: 0", page=4)
    other = Segment("Name — Value: 1.5\nOther — Value: 2.5", page=4)
    assert misread_tables([misread, right, other], text) == [misread]
    # A page without a printed matrix leaves every table as the layout reader read it.
    assert misread_tables([misread], "Some prose on the page.") == []


# summary() of a linear model as a PDF's text layer keeps it: R names columns with spaces,
# stars significant estimates, prints a tiny p-value as "< 2e-16", and a term's name may hold
# a space.
ESTIMATES = """\
R> summary(lm1)
Call: lm(formula = height ~ poly(age, 2) + log(weight), data = Growth)
Coefficients:
Estimate Std. Error t value Pr(>|t|)
(Intercept) -12.500 3.522 -3.55 8.2e-04 ***
poly(age, 2)1 28.339 10.190 2.78 0.0066 **
log(weight) 17.514 2.916 6.01 < 2e-16 ***
sexm 0.969 3.495 0.28 0.7805
regionnorth -0.466 4.620 -0.10 0.9199
regionsouth 74.276 30.736 2.42 0.0177 *
log(weight):sexm -7.698 3.451 -2.23 0.0282 *
Residual standard error: 6.2 on 89 degrees of freedom"""


def test_a_table_of_estimates_is_read_under_its_spaced_column_names():
    (table,) = printed_matrices(ESTIMATES.split("\n"))
    assert table.rows[0] == ["", "Estimate", "Std. Error", "t value", "Pr(>|t|)"]
    assert table.rows[2] == ["poly(age,2)1", "28.339", "10.190", "2.78", "0.0066"]
    assert table.rows[3] == ["log(weight)", "17.514", "2.916", "6.01", "<2e-16"]
    segment, *rest = matrix_segments(ESTIMATES, page=3)
    # Under "Coefficients:" alone the table would not say which model it is about; each
    # piece of a long table keeps the caption.
    assert [s.text.splitlines()[0] for s in [segment, *rest]] == [
        "R> summary(lm1) Coefficients:"
    ] * (1 + len(rest))
    answer = read("What standard error does log(weight) get in lm1?", evidence(segment.text))
    assert answer.startswith("2.916 — "), answer


def test_a_printed_row_keyed_by_the_term_the_question_writes_answers_it():
    # The same printout read as text, where its rows are no table.
    answer = read(
        "In the coefficient table of the model lm1 fitted to the Growth data, what is the "
        "estimate for log(weight)?",
        evidence(ESTIMATES.replace(" ***", "").replace(" **", "")),
    )
    assert answer.startswith("17.514 — "), answer


# pls's summary(): columns numbered before their word ("1 comps"), and a matrix wider than the
# console wrapped under a header of its own for the columns left over.
PLS_SUMMARY = """\
> summary(gas1)
Cross-validated using 50 leave-one-out segments.
(Intercept) 1 comps 2 comps 3 comps
CV 1.545 1.357 0.2966 0.2524
adjCV 1.545 1.356 0.2947 0.2521
4 comps 5 comps
CV 0.2476 0.2398
adjCV 0.2478 0.2388
TRAINING: % variance explained
1 comps 2 comps 3 comps 4 comps 5 comps
X 78.17 85.58 93.41 96.06 96.94
octane 29.39 96.85 97.89 98.26 98.86"""


def test_columns_numbered_before_their_word_are_one_name_each_and_a_wrapped_matrix_keeps_its_caption():
    first, wrapped, training = matrix_segments(PLS_SUMMARY)
    assert first.text.splitlines() == [
        "Cross-validated using 50 leave-one-out segments.",
        "CV — (Intercept): 1.545 — 1 comps: 1.357 — 2 comps: 0.2966 — 3 comps: 0.2524",
        "adjCV — (Intercept): 1.545 — 1 comps: 1.356 — 2 comps: 0.2947 — 3 comps: 0.2521",
    ]
    # The columns left over go on under the first part's caption, not under its last row.
    assert wrapped.text.splitlines() == [
        "Cross-validated using 50 leave-one-out segments.",
        "CV — 4 comps: 0.2476 — 5 comps: 0.2398",
        "adjCV — 4 comps: 0.2478 — 5 comps: 0.2388",
    ]
    assert training.text.splitlines()[0] == "TRAINING: % variance explained"
    # "comp 1 comp 2" is still numbered after its word.
    (table,) = printed_matrices(["comp 1 comp 2", "lambda 0.36 0.64", "mu 54.6 80.1"])
    assert table.rows[0] == ["", "comp 1", "comp 2"]


def test_a_matrix_straight_below_another_with_other_rows_is_no_wrapped_part():
    printed = "> m\nfull fv1\nAA: 3 2\nAX: 3 2\npos1 lod\nc1:c4 68.3 14.31\nc6:c15 60.0 7.02"
    first, second = matrix_segments(printed)
    assert first.text.splitlines()[0] == "> m"
    assert second.text.splitlines()[0] == "AX: 3 2"  # the line above, as for any matrix


def test_a_command_continued_over_lines_captions_its_printout_whole():
    printed = (
        "> summary(out2, perms=operm2,\n+ pvalues=TRUE)\n"
        "pos1f lod.full pval\nc1:c4 68.3 14.31 0.000\nc6:c15 60.0 7.02 0.013"
    )
    (segment,) = matrix_segments(printed)
    assert segment.text.splitlines()[0] == "> summary(out2, perms=operm2, + pvalues=TRUE)"


# pls's explvar(): a named vector, names over values, at the foot of the page.
EXPLVAR = """\
The explained variances can be extracted explicitly with
> explvar(gas1)
Comp 1 Comp 2 Comp 3 Comp 4
78.1708 7.4122 7.8242 2.6578"""


def test_a_named_vector_below_its_command_is_one_row_keyed_by_the_command():
    (vector,) = matrix_segments(EXPLVAR)
    assert vector.text.splitlines() == [
        "> explvar(gas1)",
        "explvar(gas1) — Comp 1: 78.1708 — Comp 2: 7.4122 — Comp 3: 7.8242 — Comp 4: 2.6578",
    ]
    # Wrapped over two pairs of lines, it is still one row.
    wrapped = "> x\na b\n1 2\nc d\n3 4"
    (table,) = printed_matrices(wrapped.split("\n"))
    assert table.rows == [["", "a", "b", "c", "d"], ["x", "1", "2", "3", "4"]]
    # More lines of as many numbers: a data frame printed without row names, a row per line.
    frame = "> results\nyear week cases\n2013 48 0\n2013 49 2\n2013 52 5"
    (table,) = printed_matrices(frame.split("\n"))
    assert table.rows[1:] == [
        ["", "2013", "48", "0"],
        ["", "2013", "49", "2"],
        ["", "2013", "52", "5"],
    ]
    # Below no command, names over numbers are no vector: a plot's labels over its ticks.
    assert printed_matrices(["octane RMSEP CV", "0.2 0.6 1.0"]) == []
    # The command's vector answers a question that names the command, before a matrix row
    # keyed by another word of the question.
    training = matrix_segments(PLS_SUMMARY)[2].text
    question = "According to explvar(gas1), what percentage of X variance does component 3 explain?"
    answer = read(question, evidence(training, vector.text))
    assert answer.startswith("7.8242 — "), answer


def test_a_default_that_places_the_question_is_no_default_asked_for():
    printed = (
        "> summary(out2, thresholds=c(6.0, 4.7, 4.4, 4.7, 2.6))\n"
        "pos1f pos2f lod.full lod.fv1\nc1:c4 68.3 30 14.31 6.67\nc6:c15 60.0 18 7.02 5.16"
    )
    (rows,) = matrix_segments(printed)
    placed = "In the default scantwo summary, what is lod.full for the chromosome pair c1:c4?"
    answer = read(placed, evidence(rows.text))
    assert answer.startswith("14.31 — "), answer


# actuar's aggregate claim distribution: quantile() and summary() name their columns by
# probability and by quartile, which read as numbers or as two words each.
QUANTILES = """\
easily compute the mean and obtain the quantiles of the approximate distribution:
> quantile(Fs)
25% 50% 75% 90% 95% 97.5% 99% 99.5%
14.5 19.5 25.0 30.5 34.0 37.0 41.0 43.5
> summary(Fs)
Aggregate Claim Amount Empirical CDF:
Min. 1st Qu. Median Mean 3rd Qu. Max.
0.0 14.5 19.5 20.0 25.0 71.0"""


def test_quantiles_and_quartiles_are_a_vectors_names():
    quantiles, summary = matrix_segments(QUANTILES)
    assert quantiles.text.splitlines()[1].startswith("quantile(Fs) — 25%: 14.5 — 50%: 19.5")
    # summary() titles what it prints, between the command and the vector.
    assert summary.text.splitlines()[0] == "> summary(Fs) Aggregate Claim Amount Empirical CDF:"
    assert summary.text.splitlines()[1] == (
        "summary(Fs) — Min.: 0.0 — 1st Qu.: 14.5 — Median: 19.5 — Mean: 20.0 — 3rd Qu.: 25.0"
        " — Max.: 71.0"
    )
    question = "What 99.5% quantile does quantile(Fs) give for the aggregate claim amount?"
    answer = read(question, evidence(summary.text, quantiles.text))
    assert answer.startswith("43.5 — "), answer
    # A quartile asked for in words is the column R names for it.
    asked = "What is the third quartile of the aggregate claim amount distribution?"
    answer = read(asked, evidence(summary.text))
    assert answer.startswith("25.0 — "), answer
    asked = "What is the lower quartile of the aggregate claim amount distribution?"
    answer = read(asked, evidence(summary.text))
    assert answer.startswith("14.5 — "), answer
    # A line of probabilities over rows named by their terms is a matrix of quantiles.
    (table,) = printed_matrices(["2.5% 97.5%", "(Intercept) 1.01 1.02", "x 0.5 0.7"])
    assert table.rows == [
        ["", "2.5%", "97.5%"],
        ["(Intercept)", "1.01", "1.02"],
        ["x", "0.5", "0.7"],
    ]


# MNP's vignette: coda's Gelman-Rubin diagnostic beside the posterior quantiles of the same
# terms. A row is the one whose whole name the question gives.
GELMAN_RUBIN = """\
Potential scale reduction factors:
Point est. 97.5% quantile
(Intercept):EraPlus 1.01 1.02
EraPlus:Wisk 1.04 1.13"""


def test_a_gelman_rubin_diagnostic_is_a_table():
    (factors,) = matrix_segments(GELMAN_RUBIN)
    assert factors.text.splitlines()[2] == (
        "EraPlus:Wisk — Point est.: 1.04 — 97.5% quantile: 1.13"
    )
    (quantiles,) = matrix_segments(
        "Quantiles for each variable:\n2.5% 97.5%\n(Intercept):EraPlus 2.09 3.00\nprice 1.0 2.0"
    )
    question = "In the table of potential scale reduction factors, what is the 97.5% quantile for EraPlus:Wisk?"
    answer = read(question, evidence(quantiles.text, factors.text))
    assert answer.startswith("1.13 — "), answer
