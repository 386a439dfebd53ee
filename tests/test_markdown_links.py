"""Markdown is read as its rendered page shows it: a link or an image as its text, not its
address. The snippets are from xmltodict's README (python3-xmltodict)."""

from __future__ import annotations

import pytest
from loaded_text import loaded_text

from ingest.loaders.text import link_texts

README = """\
# xmltodict

[![Build Status](https://travis-ci.com/martinblech/xmltodict.svg?branch=master)](https://travis-ci.com/martinblech/xmltodict)

`xmltodict` is very fast ([Expat](http://docs.python.org/library/pyexpat.html)-based) and has a
streaming mode, suitable for big XML dumps like [Discogs](http://discogs.com/data/).
"""


def test_a_markdown_link_reads_as_itsloaded_text():
    text = loaded_text("README.md", README)
    assert "very fast (Expat-based) and" in text
    assert "like Discogs." in text
    assert "Build Status" in text
    assert "http" not in text


def test_other_text_keeps_its_brackets_as_written():
    assert "[Expat](http://docs.python.org/library/pyexpat.html)" in loaded_text(
        "README.txt", README
    )


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
