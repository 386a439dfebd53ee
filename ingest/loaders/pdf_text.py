"""Telling when pypdf's text of a page is garbled, and pdfium's text of the page instead.

Some PDFs (dvips output with Type3 bitmap fonts, among others) give pypdf fonts it cannot map:
it writes glyph codes as name escapes ("/#0Cle" for "file", "/1/." for "1.") and, reading
each glyph's own width, breaks words apart ("b elo w sho ws"). pdfium reads such pages whole.
A page switches to pdfium's text only when pypdf's is measurably worse than pdfium's, so a
page pypdf reads well keeps pypdf's text exactly.
"""

from __future__ import annotations

import re

from rag.text import whole_characters

# A glyph code pypdf could not map, written as a PDF name escape.
_GLYPH_ESCAPE = re.compile(r"/#[0-9A-Fa-f]{2}")
_WORD = re.compile(r"[^\W\d_]+")
# Words of one or two letters: about a quarter to a third of English prose, far more where
# words are broken apart.
FRAGMENT_LETTERS = 2
# pypdf's text is garbled when its share of 1-2 letter words exceeds pdfium's by this much...
FRAGMENT_EXCESS = 0.1
# ...and pdfium's own share reads as prose (letter-spaced code listings read badly in both,
# and then pypdf's text stays).
PROSE_FRAGMENT_SHARE = 0.4
# Below this many words a share says little.
MIN_WORDS = 40
# pdfium's text must keep at least this share of the letters pypdf found (escapes aside).
MIN_LETTER_SHARE = 0.5
# TeX's OT1 encoding puts the ligatures at the control codes 11-15; pdfium, without a Unicode
# map for the font, returns those codes ("di\x0berent", "a \rexible").
_OT1_LIGATURES = str.maketrans(
    {"\x0b": "ff", "\x0c": "fi", "\r": "fl", "\x0e": "ffi", "\x0f": "ffl"}
)


def glyph_escapes(text: str) -> int:
    """How many unmapped glyph codes (``/#0C``) a text holds."""
    return len(_GLYPH_ESCAPE.findall(text))


def fragment_share(text: str) -> tuple[float, int]:
    """The share of a text's words (letter runs) that have one or two letters, and how many
    words it has."""
    words = _WORD.findall(_GLYPH_ESCAPE.sub(" ", text))
    if not words:
        return 0.0, 0
    return sum(len(word) <= FRAGMENT_LETTERS for word in words) / len(words), len(words)


def may_be_garbled(pypdf_text: str) -> bool:
    """Whether pypdf's text needs comparing with pdfium's at all (a cheap first look)."""
    if glyph_escapes(pypdf_text):
        return True
    share, words = fragment_share(pypdf_text)
    return words >= MIN_WORDS and share > FRAGMENT_EXCESS


def garbled(pypdf_text: str, pdfium_text: str) -> bool:
    """Whether pypdf's text of a page is garbled where pdfium's text of the same page is not:
    it holds glyph escapes pdfium's does not (a document that prints "/#20" has it in both),
    many more words of one or two letters, or words broken in two that pdfium reads whole."""
    letters = _letters(_GLYPH_ESCAPE.sub(" ", pypdf_text))
    if _letters(pdfium_text) < MIN_LETTER_SHARE * letters or letters == 0:
        return False
    if glyph_escapes(pypdf_text) > glyph_escapes(pdfium_text):
        return True
    share, words = fragment_share(pypdf_text)
    pdfium_share, pdfium_words = fragment_share(pdfium_text)
    if min(words, pdfium_words) < MIN_WORDS or pdfium_share > PROSE_FRAGMENT_SHARE:
        return False
    if share - pdfium_share >= FRAGMENT_EXCESS:
        return True
    broken = broken_words(pypdf_text, pdfium_text)
    return len(broken) >= max(MIN_BROKEN_WORDS, BROKEN_WORD_SHARE * words)


# Two letter runs with one space between them, within a line: a word pypdf may have broken.
# Each word is read as the first of a pair and as the second of the one before it.
_WORD_PAIR = re.compile(r"(?<![^\W\d_])([^\W\d_]+) (?=([^\W\d_]+)(?![^\W\d_]))")
# Words pypdf breaks apart that pdfium reads whole ("m ust", "e xpandos", "clic kable": groff's
# kerned output), counted once each: a formula's "M xD", repeated, is one.
MIN_BROKEN_WORDS = 3
# ... and at least this share of the page's words.
BROKEN_WORD_SHARE = 0.005


def broken_words(pypdf_text: str, pdfium_text: str) -> set[str]:
    """The words of pdfium's text that pypdf's breaks in two at a space ("m ust" for "must"):
    the two parts joined are a word of pdfium's and one of them is not."""
    whole = {word.lower() for word in _WORD.findall(pdfium_text) if len(word) > FRAGMENT_LETTERS}
    broken = set()
    for match in _WORD_PAIR.finditer(pypdf_text):
        first, second = match.group(1).lower(), match.group(2).lower()
        if first + second in whole and (first not in whole or second not in whole):
            broken.add(first + second)
    return broken


def _letters(text: str) -> int:
    return sum(len(word) for word in _WORD.findall(text))


def pdfium_text(document, index: int) -> str:
    """Page ``index``'s text as pdfium reads it, with pypdf's line breaks ("\\n")."""
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    return ot1_ligatures(text)


def ot1_ligatures(text: str) -> str:
    """pdfium's text with TeX's OT1 ligature codes spelled out, its line breaks as "\\n" and
    its characters beyond the Basic Multilingual Plane whole (see ``whole_characters``)."""
    return whole_characters(text).replace("\r\n", "\n").translate(_OT1_LIGATURES)
