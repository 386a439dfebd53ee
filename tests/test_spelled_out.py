"""A question for what a short form stands for ("what does the name JAGS stand for") is answered
by the words that spell it out, read from the passage that does so."""

from __future__ import annotations

import pytest
from test_reader import evidence, read

from rag.reader.question import spelled_out
from rag.reader.spans import expansions


def test_the_short_form_asked_about_is_the_one_before_stand_for():
    assert spelled_out("What does the name JAGS stand for?") == "JAGS"
    assert spelled_out('In libffi, what does the "cif" in ffi_cif stand for?') == "cif"
    assert spelled_out("What does the name nnn stand for?") == "nnn"
    # A suffix or a letter a list defines is read from its list, not spelled out.
    assert spelled_out("What does the suffix pl stand for?") == ""
    assert spelled_out("What does the letter J stand for in the fields?") == ""


@pytest.mark.parametrize(
    ("short", "sentence", "spelled"),
    [
        (
            "JAGS",
            "JAGS is “Just Another Gibbs Sampler”. It is a program",
            "Just Another Gibbs Sampler",
        ),
        (
            "FIGlet",
            "About FIGlet (Frank, Ian & Glenn's Letters) release 2.2.5",
            "Frank, Ian & Glenn's Letters",
        ),
        ("nnn", "nnn (Nnn's Not Noice) is a file manager.", "Nnn's Not Noice"),
        (
            "VHSIC",
            "VHSIC is an acronym for “Very-High-Speed Integrated Circuits”.",
            "Very-High-Speed Integrated Circuits",
        ),
        ("cif", "The cif in ffi_cif stands for Call InterFace.", "Call InterFace"),
    ],
)
def test_the_initials_of_capitalised_words_spell_the_short_form(short, sentence, spelled):
    assert expansions(short, sentence) == [spelled]


def test_words_that_spell_part_of_it_or_are_parted_by_other_words_spell_nothing():
    # Two capitals are too few for JAGS's four; parentheses part the words.
    assert expansions("JAGS", "JAGS is a program: Just Another tool.") == []
    assert expansions("JAGS", "Just (Another) Gibbs Sampler") == []
    # A short form in lower case is spelled out whole.
    assert expansions("nnn", "Nnn's Not") == []


def test_the_sentence_that_spells_it_out_answers_first():
    readme = evidence(
        "The official FIGlet web page: http://www.figlet.org/",
        "If you like FIGlet, please send an e-mail message to <info@figlet.org>",
        "Send the name of your FIGlet font to the FIGlet page.",
        "The name FIGlet (Frank, Ian & Glenn's Letters), release 2.2.5",
    )
    answer = read("What does the name FIGlet stand for?", readme)
    assert answer.startswith("Frank, Ian & Glenn's Letters — The name FIGlet"), answer


README = (
    "About FIGlet (Frank, Ian & Glenn's Letters) release 2.2.5\n\n"
    + "FIGlet makes large letters out of ordinary screen characters. " * 6
    + "\n\nThe official FIGlet web page is www.figlet.org, where FIGlet fonts are listed."
)


@pytest.mark.parametrize("backend", ["edge", "memory"])
def test_the_passage_that_spells_it_out_is_read(evidence_given, tmp_path, backend):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "figlet.txt").write_text(README)
    question = "What does the name FIGlet stand for, on its official web page?"
    for spelled, expected in ((True, True), (False, False)):
        given = evidence_given(backend, root, question, read_on=False, read_spelled_out=spelled)
        assert given[0].chunk.file == "figlet.txt"
        assert any("Glenn's Letters" in e.chunk.text for e in given) is expected
