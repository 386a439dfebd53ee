"""A question that names a section by its heading ("what exit status ...") reads that section."""

from __future__ import annotations

import pytest

from rag.named_sections import headings, names_section, opens_release, releases_asked


def test_headings_are_lines_of_their_own():
    text = (
        "FZF_DEFAULT_OPTS\n       Default options.\n\n\nEXIT STATUS\n       0      Normal exit\n"
        "## Key bindings\nThe EXIT STATUS is printed inline."
    )
    # An environment variable's name and a heading inside a sentence are no headings.
    assert headings(text) == ["EXIT STATUS", "Key bindings"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What exit status does fzf return when I interrupt it?", True),
        ("What does fzf return on exit?", False),  # "status" is not named
        ("Which options does fzf accept?", False),
    ],
)
def test_a_heading_of_two_words_or_more_is_named_by_all_of_them(question, expected):
    text = "OPTIONS\n       -e  Exact match.\n\nEXIT STATUS\n       130    Interrupted with ESC\n"
    assert names_section(question, text) is expected


MANUAL = (
    "FZF(1)\n\nNAME\n       fzf - a command-line fuzzy finder\n\n"
    + "KEY BINDINGS\n       esc ctrl-c abort the finder and return to the shell. " * 6
    + "\n\nEXIT STATUS\n       0      Normal exit\n       130    Interrupted with CTRL-C or ESC\n"
)


@pytest.mark.parametrize("backend", ["edge", "memory"])
def test_the_section_a_question_names_is_read_from_the_best_passage_s_document(
    evidence_given, tmp_path, backend
):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "fzf.txt").write_text(MANUAL)
    (root / "other.txt").write_text("EXIT STATUS\n\n0 means the tulips were planted.\n")
    question = "What exit status does fzf return when I abort it with ctrl-c or esc?"
    for read, expected in ((True, True), (False, False)):
        given = evidence_given(backend, root, question, read_on=False, read_named_sections=read)
        assert given[0].chunk.file == "fzf.txt"
        assert any("130" in e.chunk.text for e in given) is expected
        assert not any("tulips" in e.chunk.text for e in given)


@pytest.mark.parametrize(
    ("text", "headings_above", "expected"),
    [
        ("# dbscan 1.1-0 (2017-03-18)\n\n## New Features\n\n* Datasets added: DS3.", "", True),
        # The line that opens the release, with only a heading under it: none of its entries.
        ("* Fixed a bug.\n\n# dbscan 1.1-0 (2017-03-18)\n\n## New Features", "", False),
        # Listed under it: the heading the chunk keeps names the release.
        ("* Datasets added: DS3.", "# dbscan 1.1-0 (2017-03-18)\n## New Features", True),
        ("# dbscan 1.1-1 (2017-03-19)\n\n* Fixed a bug.", "", False),
    ],
)
def test_a_release_is_named_by_its_version(text, headings_above, expected):
    versions = releases_asked("Which datasets were added to dbscan in version 1.1-0?")
    assert versions == {"1.1-0"}
    assert opens_release(versions, text, headings_above) is expected


NEWS = "".join(
    f"# tulip {v} (2020-0{m}-01)\n\n"
    + "".join(f"* Improved the watering schedule of bed {m}{b}.\n" for b in range(12))
    + "\n"
    for m, v in ((4, "2.2"), (3, "2.1"), (2, "2.0"), (1, "1.9"))
)
NEWS = NEWS.replace("bed 30.", "bed 30.\n* Added the bulbs Angelique and Ballerina.")


@pytest.mark.parametrize("backend", ["edge", "memory"])
def test_the_release_a_question_pins_is_read_from_the_news_file(evidence_given, tmp_path, backend):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "NEWS.md").write_text(NEWS)
    question = "Which watering bulbs came with tulip version 2.1?"
    for read, expected in ((True, True), (False, False)):
        given = evidence_given(backend, root, question, read_on=False, read_named_sections=read)
        assert any("Ballerina" in e.chunk.text for e in given) is expected, [
            e.chunk.text[:40] for e in given
        ]
