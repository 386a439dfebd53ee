"""A question about the user's own picture searches the pictures, picture files first."""

from __future__ import annotations

import pytest
from conftest import picture, save_image

from rag.picture_scope import picture_files_first, speaks_of_own_picture
from rag.types import Chunk, Evidence


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What colour is the car in my photo?", True),
        ("One of my clip-art pictures shows a compass. What is it?", True),
        ("What does the status bar of my disk-usage screenshot say?", True),
        ("In Figure 3 of the ks vignette, what is the title of the right plot?", False),
        ("What does my config file set the port to?", False),
        ("Which photo shows a lake?", False),
    ],
)
def test_a_question_about_the_user_s_picture_is_told_apart(question, expected):
    assert speaks_of_own_picture(question) is expected


def _item(file: str, page: int | None, index: int) -> Evidence:
    chunk = Chunk(
        doc_id=file,
        file=file,
        sha256="0" * 64,
        chunk_index=0,
        text=file,
        modality="image",
        page=page,
        image="blobs/x.png",
    )
    return Evidence(chunk=chunk, score=1.0 / (index + 1), rank=index)


def test_picture_files_come_before_a_pdf_s_figures_each_in_its_order():
    items = [_item("guide.pdf", 2, 0), _item("b.png", None, 1), _item("a.pdf", 1, 2)]
    items.append(_item("a.png", None, 3))
    ordered = [item.chunk.file for item in picture_files_first(items)]
    assert ordered == ["b.png", "a.png", "guide.pdf", "a.pdf"]


@pytest.mark.parametrize("backend", ["edge", "memory"])
def test_a_question_about_my_chart_reads_the_pictures(evidence_given, tmp_path, backend):
    root = tmp_path / "docs"
    root.mkdir()
    # The text shares every word of the question; the picture none but its kind.
    (root / "charts.txt").write_text("My chart of sales shows the red sales bars. " * 6)
    save_image(picture(seed=3), root / "sales.png")
    question = "What colour are the sales bars in my chart?"
    for scoped, modalities in ((True, {"image"}), (False, {"text", "image"})):
        given = evidence_given(
            backend,
            root,
            question,
            read_on=False,
            search_own_pictures=scoped,
        )
        assert {item.chunk.modality for item in given} <= modalities
        assert given[0].chunk.modality == ("image" if scoped else "text")
