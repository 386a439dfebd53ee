"""Plots drawn as vectors in PDF pages are read from where the text of their axes stands: the
tick labels, the axis titles (one of them turned on its side) and the panel titles."""

from __future__ import annotations

from pathlib import Path

from test_pdf_tables import build, text

from ingest.document import PageImage, Segment
from ingest.loaders.pdf import load_pdf
from ingest.loaders.pdf_axes import Text, find_plots
from ingest.loaders.pdf_figures import as_page_text_says

# survival's "Approximating the Cox Model", page 1: a cumulative hazard plot, as pdfium gives
# its text runs (boxes in points; R turns the vertical axis's labels on their side).
HAZARD = [
    Text("0", (147.4, 152.3, 151.1, 157.8)),
    Text("100", (204.2, 152.3, 216.0, 157.8)),
    Text("200", (264.2, 152.3, 276.6, 157.8)),
    Text("300", (324.8, 152.3, 337.1, 157.8)),
    Text("400", (385.4, 152.3, 397.7, 157.8)),
    Text("500", (446.0, 152.3, 458.3, 157.8)),
    Text("0", (119.1, 176.0, 124.7, 179.7)),
    Text("1", (119.1, 225.7, 124.6, 227.7)),
    Text("2", (119.1, 274.3, 124.6, 278.0)),
    Text("3", (119.1, 323.6, 124.7, 327.4)),
    Text("4", (119.1, 372.8, 124.6, 376.6)),
    Text("Time since catheter insertion", (270.2, 133.8, 368.3, 139.5)),
    Text("Cumulative Hazard", (100.4, 255.1, 106.2, 319.5)),
    Text(
        "> lines(c(0, 45, 500, 560), c(0, .55, 2.7, 4), col=2, lwd=2)", (118.3, 419.2, 429.9, 427.6)
    ),
]


def test_a_plot_is_told_by_its_axes_titles_and_end_ticks():
    (plot,) = find_plots(HAZARD)
    assert plot.sentence == (
        'Plot of "Cumulative Hazard" against "Time since catheter insertion": the horizontal '
        '(x) axis is labelled "Time since catheter insertion", with ticks '
        "from 0 at the left to 500 at the right. The plot's vertical (y) axis is labelled "
        '"Cumulative Hazard", with ticks from 0 at the bottom to 4 at the top.'
    )


def shifted(texts: list[Text], dx: float) -> list[Text]:
    return [Text(t.text, (t.box[0] + dx, t.box[1], t.box[2] + dx, t.box[3])) for t in texts]


def test_plots_side_by_side_say_which_is_which_and_their_titles():
    panel = [
        Text("8", (186.0, 477.3, 189.7, 482.8)),
        Text("10", (201.4, 477.3, 208.9, 482.8)),
        Text("12", (218.5, 477.5, 225.9, 482.8)),
        Text("14", (235.6, 477.5, 243.1, 482.8)),
        *(
            Text(v, (156.0, y, 161.8, y + 5.4))
            for v, y in [("−2", 499.5), ("0", 521.9), ("2", 544.6), ("4", 567.2)]
        ),
        Text("A", (208.4, 465.9, 214.9, 473.2)),
        Text("M", (143.2, 530.8, 150.6, 537.8)),
    ]
    left = [*panel, Text("M vs A plot with points", (155.5, 588.8, 268.3, 599.4))]
    right = [
        *shifted(panel, 137.5),
        Text("M vs A plot with hexagons", (283.6, 588.6, 415.1, 599.4)),
    ]
    sentences = [plot.sentence for plot in find_plots(left + right)]
    assert sentences[0].startswith(
        'Left plot titled "M vs A plot with points", of "M" against "A": the horizontal'
    )
    assert sentences[1].startswith(
        'Right plot titled "M vs A plot with hexagons", of "M" against "A"'
    )
    assert 'labelled "M", with ticks from −2 at the bottom to 4 at the top' in sentences[1]


def test_plots_side_by_side_find_their_titles_on_one_line_above_their_highest_tick():
    # Rcpp's bootstrap figure: the left panel's ticks reach 1.2 near its title; the right
    # panel's stop at 1.5 lower down, further below its own title than a lone plot's reach.
    def panel(dx: float, top: float) -> list[Text]:
        return [
            *(
                Text(v, (143.0 + dx + 40 * i, 548.0, 152.0 + dx + 40 * i, 556.0))
                for i, v in enumerate(["20.0", "20.5", "21.0", "21.5"])
            ),
            *(
                Text(v, (109.0 + dx, y, 116.0 + dx, y + 4.0))
                for v, y in [
                    ("0.0", 572.0),
                    ("0.4", 572.0 + (top - 576.0) / 3),
                    ("0.8", 572.0 + 2 * (top - 576.0) / 3),
                    ("1.2", top - 4.0),
                ]
            ),
        ]

    texts = [
        *panel(0.0, 676.0),
        *panel(234.0, 661.0),
        Text("Mean Bootstrap", (154.0, 697.0, 258.0, 711.0)),
        Text("SD Bootstrap", (395.0, 697.0, 484.0, 711.0)),
    ]
    sentences = [plot.sentence for plot in find_plots(texts)]
    assert sentences[0].startswith('Left plot titled "Mean Bootstrap"'), sentences
    assert sentences[1].startswith('Right plot titled "SD Bootstrap"'), sentences
    # Alone, the lower panel's title is too far above its ticks to be told as its own.
    alone = find_plots([*panel(234.0, 661.0), Text("SD Bootstrap", (395.0, 697.0, 484.0, 711.0))])
    assert "titled" not in alone[0].sentence, alone


def test_plots_stacked_on_a_page_keep_their_vertical_ticks_apart():
    # Two plots one above the other print their vertical ticks in one column: "0 ... 4" twice.
    def plot(bottom: float, title: str) -> list[Text]:
        xs = [
            Text(v, (150.0 + 50 * i, bottom, 154.0 + 50 * i, bottom + 4))
            for i, v in enumerate(["0", "1", "2", "3", "4"])
        ]
        ys = [
            Text(v, (120.0, bottom + 14 + 30 * i, 124.0, bottom + 18 + 30 * i))
            for i, v in enumerate(["0", "1", "2", "3", "4"])
        ]
        return [*xs, *ys, Text(title, (180.0, bottom + 150, 220.0, bottom + 158))]

    plots = find_plots(plot(100.0, "Lower") + plot(400.0, "Upper"))
    assert [p.sentence.split(":")[0] for p in plots] == [
        'Plot titled "Upper"',
        'Plot titled "Lower"',
    ], [p.sentence for p in plots]


def test_a_table_of_numbers_and_plotted_digits_are_no_axes():
    # A table's numbers stand in rows and columns that cross; a column of them has numbers
    # beside every one.
    table = [
        Text(value, (220.0 + 30 * col, 570.0 - 13 * row, 236.0 + 30 * col, 577.0 - 13 * row))
        for row, line in enumerate(
            ["2.30 2.10 2.04 2.03", "2.19 1.62 1.49 1.46", "1.75 1.29 1.18 1.15"]
        )
        for col, value in enumerate(line.split())
    ]
    table += [
        Text(v, (220.0 + 30 * i, 600.0, 232.0 + 30 * i, 607.0))
        for i, v in enumerate(["64", "256", "1024", "4096"])
    ]
    assert find_plots(table) == []
    # Points plotted as digits ("1", "2") do not rise at steady steps.
    marks = [
        Text(v, (150.0, 200.0 + 9 * i, 154.0, 205.0 + 9 * i))
        for i, v in enumerate(["1", "1", "2", "1"])
    ]
    assert find_plots(HAZARD[:6] + marks) == []


def loaded_parts(page: list[str]) -> list:
    """What load_pdf yields for a one-page PDF drawn with ``page``'s operators."""
    loaded = load_pdf(
        Path("t.pdf"),
        build([page]),
        max_pages=5,
        scan_min_chars=0,
        render_dpi=72,
        read_text=lambda _: "",
    )
    return list(loaded.parts)


def rotated(x: float, y: float, words: str, size: float = 9) -> str:
    """Text turned a quarter anticlockwise, read bottom to top, as R draws a y axis title."""
    return f"BT /F1 {size} Tf 0 1 -1 0 {x} {y} Tm ({words}) Tj ET"


def test_a_plot_outside_any_figure_is_a_segment_under_its_caption():
    page = [
        *(text(150 + 60 * i, 152, str(100 * i), "F1", 8) for i in range(6)),
        *(text(110, 176 + 50 * i, str(i), "F1", 8) for i in range(5)),
        text(260, 134, "Time since catheter insertion", "F1", 8),
        rotated(100, 255, "Cumulative Hazard"),
        text(72, 100, "Figure 2: Cumulative hazard of the kidney data.", "F1", 10),
    ]
    parts = loaded_parts(page)
    told = [p.text for p in parts if isinstance(p, Segment) and "(x) axis" in p.text]
    assert told == [
        "Figure 2: Cumulative hazard of the kidney data.\n"
        'Plot of "Cumulative Hazard" against "Time since catheter insertion": the horizontal '
        '(x) axis is labelled "Time since catheter insertion", with ticks '
        "from 0 at the left to 500 at the right. The plot's vertical (y) axis is labelled "
        '"Cumulative Hazard", with ticks from 0 at the bottom to 4 at the top.'
    ]


def test_a_plot_in_a_drawn_figure_is_told_in_the_figure_s_chunk():
    bars = [f"{160 + 28 * i} 182 18 {20 + 15 * i} re f" for i in range(10)]
    page = [
        *bars,
        *(text(150 + 60 * i, 165, str(100 * i), "F1", 8) for i in range(6)),
        *(text(130, 182 + 40 * i, str(10 * i), "F1", 8) for i in range(5)),
        text(260, 150, "Days since insertion", "F1", 8),
        text(72, 120, "Figure 3: Events per interval.", "F1", 10),
    ]
    parts = loaded_parts(page)
    (figure,) = [p for p in parts if isinstance(p, PageImage)]
    assert figure.caption == "Figure 3: Events per interval."
    assert figure.chart == (
        'Plot: the horizontal (x) axis is labelled "Days since insertion", with ticks from 0 at '
        "the left to 500 at the right. The plot's vertical (y) axis has ticks from 0 at the "
        "bottom to 40 at the top."
    )
    assert not [p for p in parts if isinstance(p, Segment) and "(x) axis" in p.text]


def test_a_plot_s_caption_is_written_as_the_page_text_has_it():
    told = Segment(
        "Figure 3: Hampel family using parameters 0.902 (1.5 3.5, 8).\nPlot: ...", page=5
    )
    page = "The Hampel psi.\nFigure 3: Hampel family using parameters 0.902 · (1.5, 3.5, 8).\n5"
    assert as_page_text_says(told, page).text == (
        "Figure 3: Hampel family using parameters 0.902 · (1.5, 3.5, 8).\nPlot: ..."
    )
    # A page with two captions of that number keeps pdfium's.
    twice = page + "\nFigure 3: Hampel again."
    assert as_page_text_says(told, twice) == told
