"""Markdown is read as its rendered page shows it: a link or an image as its text, not its
address. The snippets are from xmltodict's README (python3-xmltodict)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders.text import link_texts, load_text

README = """\
# xmltodict

[![Build Status](https://travis-ci.com/martinblech/xmltodict.svg?branch=master)](https://travis-ci.com/martinblech/xmltodict)

`xmltodict` is very fast ([Expat](http://docs.python.org/library/pyexpat.html)-based) and has a
streaming mode, suitable for big XML dumps like [Discogs](http://discogs.com/data/).
"""


def _text(name: str, text: str) -> str:
    return "\n".join(part.text for part in load_text(Path(name), text.encode()).parts)


def test_a_markdown_link_reads_as_its_text():
    text = _text("README.md", README)
    assert "very fast (Expat-based) and" in text
    assert "like Discogs." in text
    assert "Build Status" in text
    assert "http" not in text


def test_other_text_keeps_its_brackets_as_written():
    assert "[Expat](http://docs.python.org/library/pyexpat.html)" in _text("README.txt", README)


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        (
            '[JSON](http://docs.python.org/library/json.html "JSON"), <http://x.org>',
            "JSON, <http://x.org>",
        ),
        ("see [the spec][spec].", "see the spec."),
        ("[link](https://en.wikipedia.org/wiki/Expat_(library))", "link"),
        ("![](logo.png)Logo", "Logo"),
        # Brackets after a name index code; they are no link.
        ("funcs[0](x) and a[i](j)", "funcs[0](x) and a[i](j)"),
    ],
)
def test_link_texts(markdown, shown):
    assert link_texts(markdown) == shown
