def test_characters_beyond_the_bmp_are_made_whole():
    from rag.text import clean_extracted, whole_characters

    assert whole_characters("cdf of\ud835\udc46 obtained") == "cdf of\U0001d446 obtained"
    assert whole_characters("a half \ud835 alone") == "a half \ufffd alone"
    assert whole_characters("plain") == "plain"
    # NFKC then reads the mathematical italic as the letter.
    assert clean_extracted("cdf of\ud835\udc46 obtained") == "cdf ofS obtained"


def test_a_bracketed_default_closes_its_entry_and_stays_with_it():
    from rag.text import sentences

    manual = (
        "--type=markupstyle or -t markupstyle\n"
        "Add code to preamble for selected markup style.\n"
        "[ Default: SAFE ] * Subtype LABEL is deprecated\n"
        "--floattype=markstyle or -f markstyle\n"
        "Add code to preamble for selected style within floats. Available styles: FLOATSAFE\n"
        "TRADITIONALSAFE IDENTICAL\n"
        "[ Default: FLOATSAFE ]\n"
        "SCALEDELGRAPHICS\n"
        "If --graphics-markup=both is chosen, SCALEDELGRAPHICS is the factor, by which deleted\n"
        "figures will be scaled (i.e. 0.5 implies they are shown at half linear size).\n"
        "[ Default: 0.5 ]\n"
    )
    units = sentences(manual)
    # The option's entry opens on its own line, not after the default of the one before.
    assert (
        "--floattype=markstyle or -f markstyle Add code to preamble for selected style within floats."
        in units
    )
    assert not any("SAFE" in unit and "--floattype" in unit for unit in units)
    assert "Available styles: FLOATSAFE TRADITIONALSAFE IDENTICAL [ Default: FLOATSAFE ]" in units
    assert units[-1].endswith(
        "(i.e. 0.5 implies they are shown at half linear size). [ Default: 0.5 ]"
    )
    assert units[-1].startswith("SCALEDELGRAPHICS If --graphics-markup=both is chosen")


def test_a_journal_volume_and_pages_end_the_reference_entry_before_them():
    from rag.text import sentences

    text = (
        "To cite R/qtl in publications, use\n\n"
        "   Broman KW, Wu H, Sen S, Churchill GA (2003) R/qtl: QTL mapping\n"
        "   in experimental crosses.  Bioinformatics 19:889-890\n"
    )
    assert sentences(text)[-1] == (
        "Broman KW, Wu H, Sen S, Churchill GA (2003) R/qtl: QTL mapping in experimental "
        "crosses. Bioinformatics 19:889-890"
    )
    # A sentence that opens with a name and a number stays a sentence of its own, and so does
    # a score sheet's line: a journal gives a range of pages.
    assert sentences("It ran twice. Version 2, 2007 was faster.") == [
        "It ran twice.",
        "Version 2, 2007 was faster.",
    ]
    assert sentences("Concealed Kong: 16 points.\n\nROBOT 3: 48") == [
        "Concealed Kong: 16 points.",
        "ROBOT 3: 48",
    ]
