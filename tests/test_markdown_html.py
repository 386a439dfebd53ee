"""HTML inside Markdown is read as the rendered page shows it: a folded section's summary as a
line of its own, a picture as its alt text, no tag as words. Code keeps every character. The
snippets follow Rich's, zstd's and libjpeg-turbo's READMEs."""

from __future__ import annotations

import pytest
from loaded_text import loaded_text

from ingest.loaders.markdown_html import html_texts

FOLDED = """\
# Rich

<details>
<summary>Tree</summary>

Rich can render a [tree](https://rich.readthedocs.io/en/latest/tree.html) with guide lines.

```python
print("<summary>kept</summary>")
```

</details>
"""


def test_a_folded_section_reads_as_its_summary_and_itsloaded_text():
    text = loaded_text("README.md", FOLDED)
    assert "\nTree\n" in text
    assert "Rich can render a tree with guide lines." in text
    assert "details>" not in text.replace('print("<summary>kept</summary>")', "")
    assert "/summary" not in text.replace('print("<summary>kept</summary>")', "")


def test_code_keeps_its_tags():
    assert 'print("<summary>kept</summary>")' in loaded_text("README.md", FOLDED)
    inline = "Wrap it in `<details>` to fold it."
    assert html_texts(inline) == inline
    indented = "Example:\n\n    <b>bold</b>\n"
    assert html_texts(indented) == indented


def test_other_text_keeps_its_tags_as_written():
    assert "<summary>Tree</summary>" in loaded_text("README.txt", FOLDED)


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        (
            '<p align="center"><img src="https://example.org/zstd_logo86.png" alt="Zstandard"></p>\n',
            "Zstandard\n",
        ),
        (
            "- **TurboJPEG API**<br>\n  The simple API.\n",
            "- **TurboJPEG API**\n  The simple API.\n",
        ),
        ("one<br/>two\n", "one\ntwo\n"),
        ("files <b>mdns4_minimal</b> dns\n", "files mdns4_minimal dns\n"),
        ("<!-- usage-start -->\nText.\n<!-- usage-end -->\n", "Text.\n"),
        ("A &lt; B <img alt='x &amp; y' src=a.png> end\n", "A &lt; B x & y end\n"),
        # Not an element of HTML: a placeholder of the document's own text.
        ("Usage: zstd <file> [-o <output>]\n", "Usage: zstd <file> [-o <output>]\n"),
        (
            "No tags here.\n\n\n\nThree blank lines stay.\n",
            "No tags here.\n\n\n\nThree blank lines stay.\n",
        ),
    ],
)
def test_tags_read_as_rendered(markdown: str, shown: str):
    assert html_texts(markdown) == shown
