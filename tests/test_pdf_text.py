"""A page whose pypdf text is garbled (unmapped glyph codes, words broken apart) is read with
pdfium instead; a page pypdf reads well keeps pypdf's text exactly."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest

from ingest.document import Segment
from ingest.loaders.pdf import load_pdf, strip_page_number
from ingest.loaders.pdf_text import (
    fragment_share,
    garbled,
    glyph_escapes,
    may_be_garbled,
    pdfium_text,
)
from rag.text import clean_extracted

# Old dvips output: Type3 bitmap fonts without a Unicode map.
CORPUS = Path(__file__).resolve().parent.parent / "eval/validation/corpus"
TYPE3_GUIDE = CORPUS / "dottyguide.pdf"
# Type1 fonts with Unicode maps: pypdf reads it well.
FONTS_GUIDE = CORPUS / "dotguide.pdf"

PROSE = (
    "A graph editor lets the user draw nodes and edges with the mouse, and the layout tool "
    "places them again when the graph changes. In the editor, I pick a node, move it by x "
    "and y, then press z to zoom. The program starts the layout tool as a separate process "
    "and reads back the positions of every node, so the picture on the screen always shows "
    "the current layout of the graph, which is what the user expects to see at all times. "
    "The first file it reads defines the menus."
)
CODE = (
    "for (i = 0; i < n; i++) {\n    x = a[i] + b[i];\n    if (x > y) y = x;\n}\n"
    "int f(int a, int b) { return a * b + c; }\n"
) * 4
# The same prose as pypdf reads it from a Type3 font: glyph codes and broken words.
ESCAPED = PROSE.replace("fi", "/#0C").replace(".", "/.").replace(",", "/,")
BROKEN = (
    "A graph edi tor lets the us er dra w no des and edges with the mouse/, and the la y out "
    "to ol places them again when the graph c hanges/. In the edi tor/, I pic k a no de/, mo v e "
    "it b y x and y/, then press z to zo om/. The pro gram starts the la y out to ol as a sep "
    "arate pro cess and reads bac k the p ositions of ev ery no de/, so the pic ture on the "
    "screen alw a ys sho ws the curren t la y out of the graph/, whic h is what the us er exp "
    "ects to see at all times/. The /#0Crst /#0Cle it reads de/#0Cnes the men us/."
)
# Letter-spaced code: both readers break it apart.
SPACED = "r e t u r n r e s u l t ; f o r ( i n t b y t e = 0 ; b y t e < 8 ; ++b y t e )\n" * 6


def test_glyph_escapes_are_counted():
    assert glyph_escapes("a /#0Cle and /#28x/#29") == 3
    assert glyph_escapes("see /usr/bin and https://example.org/#top") == 0


def test_short_words_are_measured_as_a_share_of_all_words():
    share, words = fragment_share("a b cde fgh")
    assert (share, words) == (0.5, 4)
    assert fragment_share("12 + 34") == (0.0, 0)


def test_broken_words_and_glyph_escapes_are_garbled():
    assert garbled(BROKEN, PROSE)
    assert garbled(ESCAPED, PROSE)
    # A single unmapped glyph is enough when pdfium reads the same page without it.
    assert garbled(PROSE.replace("fi", "/#0C", 1), PROSE)


# groff's kerned output as pypdf reads it: a few words broken in two at a space, too few to
# raise the share of short words much ("m ust", "te xt", "clic kable").
KERNED = (
    PROSE.replace("must", "m ust")
    .replace("editor", "edi tor")
    .replace("program", "pro gram")
    .replace("screen", "scr een")
)


def test_a_few_words_broken_in_two_that_pdfium_reads_whole_are_garbled():
    assert garbled(KERNED, PROSE)
    # One broken word, even repeated ("M xD" of a formula that pdfium reads "MxD"), is not.
    assert not garbled(PROSE.replace("editor", "edi tor"), PROSE)
    formula = PROSE + " M xD and M xD again, M xD."
    assert not garbled(formula, formula.replace("M xD", "MxD"))


@pytest.mark.parametrize("clean", [PROSE, CODE, "a I x y z " * 20 + PROSE])
def test_text_read_the_same_by_both_is_not_garbled(clean):
    assert not garbled(clean, clean)


def test_short_words_alike_in_both_readings_are_not_garbled():
    # pdfium joins "a I x" differently, yet neither reading breaks words.
    assert not garbled("Press a, then I, then x y z. " * 12, "Press a, then I, then xy z. " * 12)


def test_a_document_that_prints_glyph_escapes_is_not_garbled():
    quoted = "A name may escape a byte: /#20 is a space and /#28 a parenthesis. " * 5
    assert not garbled(quoted, quoted)


def test_letter_spaced_code_read_badly_by_both_keeps_pypdf():
    assert not garbled(SPACED, SPACED.replace("b y t e", "byte"))


def test_pdfium_text_that_lost_the_words_is_not_preferred():
    assert not garbled(ESCAPED, "")
    assert not garbled(BROKEN, PROSE[:100])
    assert not garbled("", "")


def test_only_pages_with_words_or_escapes_are_compared():
    assert may_be_garbled(ESCAPED)
    assert may_be_garbled(BROKEN)
    assert not may_be_garbled("Chapter 1")
    assert not may_be_garbled("")


def _guide_pages(*numbers: int) -> bytes:
    """Pages of the Type3-font guide, as a PDF of their own."""
    reader = pypdf.PdfReader(TYPE3_GUIDE)
    writer = pypdf.PdfWriter()
    for number in numbers:
        writer.add_page(reader.pages[number - 1])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _page_texts(data: bytes) -> dict[int, str]:
    loaded = load_pdf(
        Path("t.pdf"), data, max_pages=50, scan_min_chars=0, render_dpi=72, read_text=lambda _: ""
    )
    texts: dict[int, str] = {}
    for part in loaded.parts:
        if isinstance(part, Segment) and not part.ocr and part.page not in texts:
            texts[part.page] = part.text
    return texts


def test_a_type3_font_page_is_read_with_pdfium():
    data = _guide_pages(4, 25)
    raw = pypdf.PdfReader(io.BytesIO(data)).pages[1].extract_text()
    assert glyph_escapes(raw) and "dott y" in raw  # what pypdf makes of it
    texts = _page_texts(data)
    conclusions = texts[2]
    assert conclusions.startswith("Chapter 5. Conclusions\ndotty is not only a good general")
    # The ligatures of TeX's fonts come back: "flexible", "node/edge-specific".
    assert "a flexible tool for constructing graphical\nfront ends" in conclusions
    assert "dot's good performance and high quality layouts" in conclusions
    assert "/#" not in texts[1] and "/#" not in conclusions
    assert "a node/edge-specific menu appears" in texts[1]
    assert "Nodes can be inserted\nby clicking the left mouse button over white space." in texts[1]


def test_pdfium_text_has_pypdfs_line_breaks():
    document = pdfium.PdfDocument(_guide_pages(25))
    try:
        read = pdfium_text(document, 0)
    finally:
        document.close()
    assert "\r" not in read and read.count("\n") >= 3


def test_a_page_pypdf_reads_well_keeps_pypdfs_text_exactly():
    # pdfium reads this page a few characters differently: switching would change the index.
    page = pypdf.PdfReader(FONTS_GUIDE).pages[1]
    writer = pypdf.PdfWriter()
    writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    expected = strip_page_number(clean_extracted(page.extract_text()))
    read = _page_texts(out.getvalue())[1]
    assert read == expected
    document = pdfium.PdfDocument(out.getvalue())
    try:
        assert clean_extracted(pdfium_text(document, 0)) != clean_extracted(page.extract_text())
    finally:
        document.close()


def test_an_accent_tex_set_apart_joins_its_letter():
    from rag.text import clean_extracted

    # pypdf gives TeX's accent as a spacing glyph before the letter; NFKC alone would cut the
    # word in two ("Universit ̈at").
    assert clean_extracted("Universit\u00a8at Basel, f\u00a8ur, N \u00a8urnberg") == (
        "Universität Basel, für, Nürnberg"
    )
    assert clean_extracted("Pad\u00b4e approximant, \u00b4ecole") == "Padé approximant, école"
    # An accent that stands alone stays a mark of its own.
    assert clean_extracted("x \u00a8 y") == "x  \u0308 y"


def test_a_running_head_in_capitals_loses_its_page_number_and_keeps_its_title():
    # LaTeX's book class heads even pages "50 CHAPTER 2. ..." and odd ones "16.10. ... 347":
    # the page number glued to the first sentence would read as a figure it states.
    odd = "16.10. NGSPICE ON MULTI-CORE PROCESSORS USING OPENMP 347\nTable 16.1: OpenMP"
    assert strip_page_number(odd) == (
        "16.10. NGSPICE ON MULTI-CORE PROCESSORS USING OPENMP\nTable 16.1: OpenMP"
    )
    even = "50 CHAPTER 2. CIRCUIT DESCRIPTION\ncolumn 1 of the following line"
    assert strip_page_number(even).startswith("CHAPTER 2. CIRCUIT DESCRIPTION\ncolumn 1")
    # A heading in ordinary case, or a first line of prose, keeps its number.
    for line in ("2.1 Introduction 5", "1.2 CPU 3", "Version 39 has 12 NEW FEATURES 4"):
        assert strip_page_number(f"{line}\nmore") == f"{line}\nmore"
