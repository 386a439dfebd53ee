"""A question that gives a number as the key of a list's entry ("what is type 17") reads the
entry keyed by it."""

from __future__ import annotations

import pytest
from test_reader import evidence, read

from rag.keyed_entries import keys_asked, keys_held
from rag.reader.question import Wants, analyse


def test_a_key_is_a_number_after_the_noun_it_keys():
    assert keys_asked("In its list of picture types, what is type 17?") == {"17"}
    assert keys_asked("What does exit code 137 mean, and status 2?") == {"137", "2"}
    # A quantity is no key: "17 types" counts them.
    assert keys_asked("Which of the 17 types is a fish?") == set()


def test_the_keys_held_are_the_numbers_that_open_list_entries():
    text = "Defined values are\n   14: During recording\n   17: A bright colored fish\n3 things"
    # "3 things" is a count that opens a line, not a key (one digit needs ":" or "=").
    assert keys_held(text) == {"14", "17"}


def test_a_man_page_entry_behind_a_bullet_o_and_a_dash_is_keyed_too():
    # man renders rsync's EXIT VALUES bullets as the letter o, with a dash after the key.
    text = (
        "EXIT VALUES\n       o      0 - Success\n\n       o      23 - Partial transfer due to error"
    )
    assert keys_held(text) == {"0", "23"}
    # " — " parts the cells of a table row read from a page: a row numbered 1 is no entry.
    assert keys_held("1 — model: Nug — psill: 0.05066243\n2 — model: Sph — range: 897") == set()
    question = "What does rsync exit code 23 mean?"
    manual = evidence(
        "rsync exits with an error code of 25.", "o 23 - Partial transfer due to error"
    )
    assert read(question, manual).startswith("Partial transfer due to error — "), read(
        question, manual
    )


def test_a_number_after_type_keys_an_entry_no_name_is_asked_for():
    assert analyse("In its list of picture types, what is type 17?").wants is Wants.THING
    assert analyse("Which type does the parser return?").wants is Wants.IDENTIFIER
    assert analyse("What does exit code 137 mean?").wants is Wants.THING
    assert analyse("What exit code does it return on a timeout?").wants is Wants.NUMBER


TYPES = "\n".join(f"   {n}: {name}" for n, name in enumerate(["Other", "File icon"] * 4))
MANUAL = (
    "OPUSENC(1)\n\nDESCRIPTION\n"
    + "opusenc reads audio data and encodes it into an Ogg Opus stream. " * 4
    + "\n\n--picture filename|specification\n   Attach album art for the track. The picture "
    + "type is an optional number describing the nature of the picture.\n\n"
    + "The defined picture types are listed below.\n"
    + TYPES
    + "\n   17: A bright colored fish\n   18: Illustration\n"
)


@pytest.mark.parametrize("backend", ["edge", "memory"])
def test_the_entry_keyed_by_the_number_the_question_gives_is_read(
    evidence_given, tmp_path, backend
):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "opusenc.txt").write_text(MANUAL)
    question = "In opusenc's list of picture types for album art, what is type 17?"
    for keyed, expected in ((True, True), (False, False)):
        given = evidence_given(backend, root, question, read_on=False, read_keyed_entries=keyed)
        assert given[0].chunk.file == "opusenc.txt"
        assert any("17: A bright colored fish" in e.chunk.text for e in given) is expected


def test_a_key_the_question_presses_keys_a_binding_laid_out_in_a_column():
    assert keys_asked("What does the default key binding z do?") == {"key:z"}
    assert keys_asked("What does pressing the k key do in dotty?") == {"key:k"}
    bindings = "   C-z         Suspend the client.\n   z           Toggle zoom state of the pane."
    assert keys_held(bindings) == {"key:z"}
    # A sentence that opens with a one-letter word is no binding.
    assert keys_held("A list of keys follows.\n   A new window opens.") == set()


def test_the_binding_of_the_key_the_question_names_says_what_it_does():
    assert analyse("What does the default key binding z do?").shape == ""
    assert analyse("Which key binding detaches the client?").shape == "keys"
    manual = evidence(
        "DEFAULT KEY BINDINGS The multiplexer may be controlled by a key combination of a "
        "prefix key, 'C-a' by default, followed by a command key.",
        "c Create a new window.\nz Toggle zoom state of the current pane.",
    )
    answer = read("What does the default key binding z do?", manual)
    assert answer.startswith("Toggle zoom state of the current pane — "), answer
