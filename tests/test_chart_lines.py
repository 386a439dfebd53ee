"""Line charts drawn as vectors in a PDF: which named line runs highest and which lowest."""

from __future__ import annotations

from pathlib import Path

from test_pdf_figures import build_pdf, pictures, text

from ingest.vision.chart_lines import Series, describe_lines


def test_the_line_on_top_over_most_of_the_chart_is_the_highest():
    fast = Series("Fast", ((0, 1), (10, 1), (20, 1)))
    slow = Series("Slow", ((0, 5), (10, 6), (20, 7)))
    crossing = Series("Crossing", ((0, 8), (5, 4), (20, 0)))
    reading = describe_lines([fast, slow, crossing])
    assert "Line chart of 3 lines. Highest line: Slow. Lowest line: Fast." in reading
    assert "Highest line at the left end: Crossing." in reading
    assert "Lowest line at the right end: Crossing." in reading


def test_one_line_or_unnamed_lines_say_nothing():
    assert describe_lines([Series("Only", ((0, 1), (1, 2)))]) == ""
    assert describe_lines([Series("", ((0, 1), (1, 2))), Series("", ((0, 3), (1, 4)))]) == ""
    # Lines over x ranges that do not meet cannot be compared.
    apart = [Series("A", ((0, 1), (1, 2))), Series("B", ((5, 1), (6, 2)))]
    assert describe_lines(apart) == ""


def _polyline(colour: str, points: list[tuple[float, float]]) -> str:
    path = " ".join(f"{x} {y} {'m' if i == 0 else 'l'}" for i, (x, y) in enumerate(points))
    return f"{colour} RG 1.5 w {path} S"


def test_a_pdf_line_chart_names_its_lines_from_the_legend(tmp_path: Path):
    xs = [110, 170, 230, 290, 350]
    page = [
        "0 0 0 RG 0.5 w 100 300 260 160 re S",  # the frame
        _polyline("0 0 1", [(x, 420 - i) for i, x in enumerate(xs)]),  # blue, high
        _polyline("1 0 0", [(x, 320 + i * 2) for i, x in enumerate(xs)]),  # red, low
        "0 0 1 RG 1.5 w 370 400 m 385 400 l S",  # legend strokes beside the names
        text(390, 397, "Sarwate", size=8),
        "1 0 0 RG 1.5 w 370 380 m 385 380 l S",
        text(390, 377, "Multiword", size=8),
        text(100, 285, "Figure 7: Cycles per byte by input size"),
    ]
    path = tmp_path / "bench.pdf"
    path.write_bytes(build_pdf([(page, None)]))
    [figure] = pictures(path)
    assert figure.chart == "Line chart of 2 lines. Highest line: Sarwate. Lowest line: Multiword."


def test_a_drawing_without_a_legend_has_no_chart_reading(tmp_path: Path):
    page = [
        "0 0 0 RG 0.5 w 100 300 260 160 re S",
        _polyline("0 0 1", [(110, 400), (200, 410), (300, 380)]),
        _polyline("1 0 0", [(110, 320), (200, 330), (300, 340)]),
        text(100, 285, "Figure 8: Two curves"),
    ]
    path = tmp_path / "curves.pdf"
    path.write_bytes(build_pdf([(page, None)]))
    [figure] = pictures(path)
    assert figure.chart == ""


def test_a_hidden_layer_under_the_chart_gives_way_to_the_lines_painted_last(tmp_path: Path):
    xs = [110, 170, 230, 290, 350]
    page = [
        "0 0 0 RG 0.5 w 100 300 260 160 re S",
        # An older layer first: blue low, red high ...
        _polyline("0 0 1", [(x, 320) for x in xs[:1]] + [(x, 322) for x in xs[1:]]),
        _polyline("1 0 0", [(x, 420) for x in xs[:1]] + [(x, 421) for x in xs[1:]]),
        # ... then the visible chart over it: blue high, red low.
        _polyline("0 0 1", [(x, 430 - i) for i, x in enumerate(xs)]),
        _polyline("1 0 0", [(x, 310 + i) for i, x in enumerate(xs)]),
        "0 0 1 RG 1.5 w 370 400 m 385 400 l S",
        text(390, 397, "Sarwate", size=8),
        "1 0 0 RG 1.5 w 370 380 m 385 380 l S",
        text(390, 377, "Multiword", size=8),
        text(100, 285, "Figure 9: Cycles per byte by input size"),
    ]
    path = tmp_path / "layers.pdf"
    path.write_bytes(build_pdf([(page, None)]))
    [figure] = pictures(path)
    assert figure.chart == "Line chart of 2 lines. Highest line: Sarwate. Lowest line: Multiword."
