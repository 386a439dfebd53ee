def test_characters_beyond_the_bmp_are_made_whole():
    from rag.text import clean_extracted, whole_characters

    assert whole_characters("cdf of\ud835\udc46 obtained") == "cdf of\U0001d446 obtained"
    assert whole_characters("a half \ud835 alone") == "a half \ufffd alone"
    assert whole_characters("plain") == "plain"
    # NFKC then reads the mathematical italic as the letter.
    assert clean_extracted("cdf of\ud835\udc46 obtained") == "cdf ofS obtained"
