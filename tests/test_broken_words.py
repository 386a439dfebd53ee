"""Words a typesetter broke across lines are read whole: ``man`` renders flac(1) with groff,
which marks each break with a U+2010 hyphen ("by de‐" at a line's end, "fault" on the next)."""

from __future__ import annotations

from loaded_text import loaded_text
from test_reader import evidence, read

from ingest.loaders.text import rejoined_words

FLAC_PADDING = """\
       -P #, --padding=#
              Tell the encoder to write a PADDING metadata block of the given  length  (in  bytes)
              after  the  STREAMINFO block.  You can force no PADDING block at all to be
              written with --no-padding.  The encoder writes a PADDING block of 8192 bytes by  de\u2010
              fault (or 65536 bytes if the input audio stream is more that 20 minutes long).
"""


def test_a_word_broken_by_groffs_hyphen_is_read_whole_and_answers():
    text = loaded_text("flac-manpage.txt", FLAC_PADDING)
    assert "8192 bytes by  default\n" in text
    assert "\u2010" not in text
    answer = read("How big is the PADDING block that flac writes by default?", evidence(text))
    assert answer.startswith("8192 bytes — "), answer


def test_rejoining_keeps_every_line_and_its_indentation():
    broken = "  the size of SPECIFICA\u2010\n  TION is in-\n  line, its soft\u00ad\n  hyphen too\n"
    rejoined = rejoined_words(broken)
    assert rejoined == "  the size of SPECIFICATION\n  is in-\n  line, its softhyphen\n  too\n"
    # A plain hyphen may be the word's own ("zero-\nlength"), and a name in capitals after a
    # word in lower case ("Replay‐\nGain") may be a word of its own: both stay as written.
    kept = "the Replay\u2010\n  Gain tag\n"
    assert rejoined_words(kept) == kept
