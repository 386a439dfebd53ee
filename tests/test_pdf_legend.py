"""A vector chart's legend in a PDF: each entry's label with its line's colour and dash."""

from __future__ import annotations

from pathlib import Path

from test_chart_lines import _polyline
from test_pdf_figures import build_pdf, parts, pictures, text

XS = [110, 170, 230, 290, 350]


def _chart_page(legend: list[str], caption: str = "Figure 3: Two curves") -> list[str]:
    return [
        "0 0 0 RG 0.5 w 100 300 260 160 re S",  # the frame
        _polyline("0 0 1", [(x, 420 - i * 9) for i, x in enumerate(XS)]),
        "[3 2] 0 d",
        _polyline("1 0 0", [(x, 320 + i * 7) for i, x in enumerate(XS)]),
        "[] 0 d",
        *legend,
        text(100, 285, caption),
    ]


def _entries(*entries: tuple[str, str, str]) -> list[str]:
    """Legend entries (stroke colour, label, dash operator) one under another at the right."""
    ops = []
    for row, (colour, label, dash) in enumerate(entries):
        y = 400 - 20 * row
        ops += [
            f"{dash} {colour} RG 1.5 w 370 {y} m 385 {y} l S [] 0 d",
            text(390, y - 3, label, size=8),
        ]
    return ops


def _legend_of(tmp_path: Path, page: list[str]) -> str:
    path = tmp_path / "chart.pdf"
    path.write_bytes(build_pdf([(page, None)]))
    [figure] = pictures(path)
    return figure.legend


def test_each_entry_is_told_with_the_colour_and_dash_of_its_line(tmp_path: Path):
    legend = _entries(("0 0 1", "w(x)", ""), ("1 0 0", "log10FW", "[3 2] 0 d"))
    told = _legend_of(tmp_path, _chart_page(legend))
    assert told == "Legend: w(x) (blue), log10FW (red, dashed)."


def test_short_strokes_that_are_no_legend_are_not_told(tmp_path: Path):
    # A lone coloured stroke beside a word and tick marks beside numbers are no legend.
    lone = _entries(("0 0 1", "w(x)", ""))
    assert _legend_of(tmp_path, _chart_page(lone)) == ""
    ticks = _entries(("0 0 1", "0.5", ""), ("1 0 0", "1.0", ""))
    assert _legend_of(tmp_path, _chart_page(ticks)) == ""
    # A stroke whose look no line of the chart has is no sample of a line.
    unmatched = _entries(("0 1 0", "alpha", ""), ("1 0 1", "beta", ""))
    assert _legend_of(tmp_path, _chart_page(unmatched)) == ""
    # Black strokes beside words (underlines, fraction bars) are no legend either.
    black = _entries(("0 0 0", "alpha", ""), ("0 0 0", "beta", ""))
    assert _legend_of(tmp_path, _chart_page(black)) == ""


def test_a_legend_beside_no_figure_is_told_with_the_page(tmp_path: Path):
    # Lines of a chart too sparse to be a figure, and a legend under it.
    page = [
        _polyline("0 0 1", [(x, 420 - i * 9) for i, x in enumerate(XS)]),
        _polyline("1 0.5 0", [(x, 320 + i * 7) for i, x in enumerate(XS)]),
        "0 0 1 RG 1.5 w 120 200 m 135 200 l S",
        text(140, 197, "morning", size=8),
        "1 0.5 0 RG 1.5 w 200 200 m 215 200 l S",
        text(220, 197, "noon", size=8),
    ]
    path = tmp_path / "diary.pdf"
    path.write_bytes(build_pdf([(page, None)]))
    told = [getattr(p, "text", "") or getattr(p, "legend", "") for p in parts(path)]
    assert any("Legend: morning (blue), noon (orange)." in t for t in told), told
