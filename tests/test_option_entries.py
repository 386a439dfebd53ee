"""A question that names an option ("without -t") reads that option's entry."""

from __future__ import annotations

import pytest

from rag.option_entries import entries_held, options_asked


def test_an_option_keeps_its_case_and_loses_its_dashes():
    question = "If I run fping without -t and with --loop, how long does it wait?"
    assert options_asked(question) == {"t", "loop"}
    # A hyphenated word is no option.
    assert options_asked("Is the built-in sort case-sensitive?") == set()


def test_entries_are_the_options_that_open_lines():
    text = (
        "       -T n   Ignored (for compatibility).\n"
        "       -t, --timeout=MSEC\n"
        "            Initial target timeout. Successive timeouts use -B.\n"
        "  * `--all` lists every address\n"
    )
    # -B is only mentioned; -T is another option than -t.
    assert entries_held(text) == {"T", "t", "timeout", "all"}


MANUAL = (
    "FPING(8)\n\nDESCRIPTION\n"
    + "fping sends pings to many hosts in a round-robin fashion and waits for replies. " * 5
    + "\n\n       -T n\n            Ignored, kept for compatibility with older releases.\n"
    + "\n       -s, --stats\n            Print cumulative statistics upon exit.\n"
    + "\n       -t, --timeout=MSEC\n            Initial target timeout in milliseconds. "
    + "The default timeout is 500ms.\n"
)


@pytest.mark.parametrize("backend", ["edge", "memory"])
def test_the_entry_of_an_option_the_question_names_is_read(evidence_given, tmp_path, backend):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "fping.txt").write_text(MANUAL)
    question = "If I run fping without -t, how long does it wait for replies from the hosts?"
    for read, expected in ((True, True), (False, False)):
        given = evidence_given(backend, root, question, read_on=False, read_option_entries=read)
        assert given[0].chunk.file == "fping.txt"
        assert any("500ms" in e.chunk.text for e in given) is expected
