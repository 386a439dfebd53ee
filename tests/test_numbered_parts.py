"""A question that names a figure or table by number reads the chunk that captions it."""

from __future__ import annotations

import pytest

from rag.numbered_parts import captions, parts_named, side_asked, tells_side


def test_parts_named_in_order_once_each():
    question = "In Figure 3 of the guide, unlike fig. 2 and Table 6, or figure 3 again?"
    assert parts_named(question) == [("figure", "3"), ("figure", "2"), ("table", "6")]
    assert parts_named("Which figure shows the density?") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Figure 3: Kernel density estimates", True),
        ("Fig. 3. Kernel density estimates", True),
        ("the plots below\nFigure 3 Kernel density estimates", True),
        ("Figure 3", True),
        ("Figure 3 shows the estimates.", False),  # refers to it, captions nothing
        ("as Figure 3: shows", False),
        ("Figure 33: Another figure", False),
        ("Table 3: Timings", False),
    ],
)
def test_a_caption_opens_its_line(text, expected):
    assert captions(text, ("figure", "3")) is expected


GUIDE = (
    "Density guide\n\n"
    + "The guide estimates the density of a sample with kernels of several widths. " * 3
    + "\n\nFigure 1: Target dumbbell density, a contour plot of the sample.\n\n"
    + "The contour plot shows the sample's density with its highest regions. " * 3
    + "\n\nFigure 3: Cross validation selectors, titled SCV and SCV diagonal.\n"
)


@pytest.mark.parametrize("backend", ["edge", "memory"])
def test_the_numbered_figure_is_read_first(evidence_given, tmp_path, backend):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "guide.txt").write_text(GUIDE)
    question = "In Figure 3 of the density guide, what does the contour plot of the sample show?"
    for read, expected in ((True, True), (False, False)):
        given = evidence_given(
            backend,
            root,
            question,
            read_on=False,
            read_numbered_figures=read,
        )
        assert any(captions(e.chunk.text, ("figure", "3")) for e in given) is expected
        if read:
            assert captions(given[0].chunk.text, ("figure", "3"))


def test_the_side_asked_and_the_side_told():
    assert side_asked("What is the right-hand one titled?") == "right"
    assert side_asked("In the plot on the left, what is drawn?") == "left"
    assert side_asked("What is the title of Figure 2?") == ""
    assert tells_side('Figure 1: Two plots.\nRight plot titled "CDF".', "right")
    assert not tells_side('Figure 1: Two plots.\nLeft plot titled "Density".', "right")


PLOTS = (
    "Fitting guide\n\n"
    + "Figure 1: Histogram and CDF plots.\n"
    + "Two plots of the serving sizes side by side, each titled.\n"
    + 'Left plot titled "Empirical density".\n\n'
    + "The weights are fitted with four distributions in the guide. " * 3
    + "\n\nFigure 1: Histogram and CDF plots.\n"
    + 'Right plot titled "Cumulative distribution".\n'
)


def test_the_chunk_that_tells_the_side_asked_of_a_numbered_figure_is_read(evidence_given, tmp_path):
    # Before, the chunk of the left plot, which captions Figure 1 too, kept the right one out.
    root = tmp_path / "docs"
    root.mkdir()
    (root / "guide.txt").write_text(PLOTS)
    question = "Figure 1 shows two plots of the serving sizes side by side: what is the right-hand one titled?"
    for read, expected in ((True, True), (False, False)):
        given = evidence_given("memory", root, question, read_on=False, read_numbered_figures=read)
        assert tells_side(given[-1 if read else 0].chunk.text, "left")
        assert any(tells_side(e.chunk.text, "right") for e in given) is expected
