"""A question for who wrote something reads the document's AUTHOR section."""

from __future__ import annotations

import pytest
from conftest import ScriptedGenerator

from rag.authorship import asks_author, holds_author_section


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who wrote the tree command?", True),
        ("Who is the author of pv, the pipe progress monitor?", True),
        ("Who maintains exa, according to its man page?", True),
        ("Who created the zopfli algorithm?", True),
        ("Which option lists directories only?", False),
        ("Who won the 1954 world cup?", False),
    ],
)
def test_a_question_for_an_author_is_told_apart(question, expected):
    assert asks_author(question) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AUTHOR\n       Steve Baker (ice@mama.indstate.edu)\n", True),
        ("## Authors\n\n- Jane Roe\n", True),
        ("Maintainer: Jane Roe <jane@example.org>\n", True),
        ("The author of a file owns it.\n", False),
        ("AUTHORIZATION is checked first.\n", False),
    ],
)
def test_an_author_section_is_found_by_its_heading(text, expected):
    assert holds_author_section(text) is expected


MANUAL = (
    "TREE(1)\n\nNAME\n       tree - list contents of directories in a tree-like format.\n\n"
    + "DESCRIPTION\n       Tree is a recursive directory listing program. " * 4
    + "\n\n"
    + "OPTIONS\n       -a     All files are printed. Hidden files are not shown otherwise. " * 4
    + "\n\nAUTHOR\n       Steve Baker (ice@mama.indstate.edu)\n"
)


@pytest.mark.parametrize("backend", ["edge", "memory"])
def test_the_author_section_of_the_best_passages_document_is_read(
    evidence_given, tmp_path, backend
):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "tree.txt").write_text(MANUAL)
    (root / "other.txt").write_text("AUTHORS\n\nThe tulip bulb guide is written by Ann Gardener.\n")
    question = "Who wrote the tree directory listing program?"
    for read, expected in ((True, True), (False, False)):
        given = evidence_given(
            backend,
            root,
            question,
            read_on=False,
            read_author_section=read,
        )
        assert given[0].chunk.file == "tree.txt"
        assert any("Steve Baker" in e.chunk.text for e in given) is expected
        # Only the best passage's document is read: not the other file's AUTHORS section.
        assert not any("Ann Gardener" in e.chunk.text for e in given)


def test_another_documents_credits_among_the_evidence_do_not_stop_the_reading(
    make_service, make_settings, tmp_path
):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "tree.txt").write_text(MANUAL)
    # Retrieved beside the manual: it shares the question's words, and has a section of its own.
    (root / "README.txt").write_text(
        "CREDITS\n\nThe tree directory listing program fonts were drawn by Ann Gardener.\n"
    )
    generator = ScriptedGenerator("Noted [1].")
    settings = make_settings(chunk_size=200, chunk_overlap=0, read_on=False)
    service = make_service("edge", settings, generator=generator)
    assert service.ingest([root]).failed == 0
    service.ask("Who wrote the tree directory listing program?", top_k=3)
    given = generator.history[-1].evidence
    assert given[0].chunk.file == "tree.txt"
    assert any(e.chunk.file == "README.txt" for e in given)
    assert any("Steve Baker" in e.chunk.text for e in given)
