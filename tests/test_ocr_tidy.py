"""Repairs to OCR text where numbers meet letters: misread zeros, glued words."""

from __future__ import annotations

import pytest

from ingest.vision.ocr_tidy import tidy_ocr_text


@pytest.mark.parametrize(
    ("read", "tidy"),
    [
        ("Histogram of 10,oo0 normally distributed numbers", "Histogram of 10,000 normally"),
        ("the snapshot number is bumped to90o.A stable", "bumped to 900.A stable"),
        ("freezes will usually be 2-3months before", "usually be 2-3 months before"),
        ("Text Selection of39 Zoom Out", "Selection of 39 Zoom"),
        ("1bit/color,3colors,75 dpi", "1 bit/color,3 colors,75 dpi"),
    ],
)
def test_numbers_are_read_apart_from_words_and_with_zeros(read, tidy):
    assert tidy in tidy_ocr_text(read)


@pytest.mark.parametrize(
    "kept",
    [
        "H2O",  # one digit: the letter is meant
        "10oz",  # a unit glued to the number, not a zero
        "sha256sum",  # the number does not begin the token
        "xorg-server1.0module",
        "2nd place",
        "0xff",
        "x86_64",
        "Total time: 132.5s (2m 12.5s)",
        "as3257 2920 NSP",
        "STM32F3DISC0VERY",
        "3qzx",  # not a word
        "photo3",
    ],
)
def test_identifiers_units_and_non_words_stay_as_read(kept):
    assert tidy_ocr_text(kept) == kept


def test_the_describer_keeps_the_repaired_text():
    from test_picture_look import describer, red_disc

    text = describer(text="Histogram of 10,oo0 numbers").describe(red_disc()).render()
    assert text.endswith("Text in the image:\nHistogram of 10,000 numbers")
