"""The entry of a list keyed by the number a question gives: "In opusenc's list of picture
types, what is type 17?" asks about "17: A bright colored fish", one line of a chunk of such
entries that shares little else with the question and may rank below the passages on pictures.

An entry's key is the number that opens its line ("17: A bright colored fish", "• 137 Server
busy", "13 = Raw line.").
"""

from __future__ import annotations

import re

from rag.reader.entries import number_key

# "type 17", "exit code 137", "status 2", "mode 13": a number the question gives as the key of
# an entry, after the noun that says what it keys.
_KEY_ASKED = re.compile(
    r"\b(?:type|code|status|mode|level|signal|error|value|number|class|category|preset|item|"
    r"entry|id)\s+#?(-?\d+)(?![\w.,]\d)",
    re.IGNORECASE,
)


def keys_asked(question: str) -> set[str]:
    """The numbers ``question`` gives as keys: "what is type 17" -> {"17"}."""
    return set(_KEY_ASKED.findall(question))


def keys_held(text: str) -> set[str]:
    """The numbers that key the list entries opening lines of ``text``."""
    return {key for line in text.splitlines() if (key := number_key(line)) is not None}
