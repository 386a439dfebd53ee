"""Names and reasons as one safe line of a report.

A file name may hold any byte but ``/`` and NUL: a newline in it would forge a line of its own
(``FAILED  ...``) in the ingest report, and bidirectional controls reorder what a terminal
shows. Such characters are printed escaped, the rest of the name as it is.
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Bidirectional marks, embeddings, overrides and isolates (category Cf, unlike the joiners
# that scripts need).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control, line-separator and bidi characters escaped (``\\n``, ``\\x1b``,
    ``\\u202e``); everything else, other scripts included, unchanged."""
    if text.isprintable():
        return text
    return "".join(
        _escape(char) if char in _BIDI or unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
        for char in text
    )
