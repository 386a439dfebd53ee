"""The headings a chunk of a text document stands under: found at ingest, embedded with the
chunk, kept in its payload and read by the reader (a NEWS entry's release)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import FakeEmbedder, stored_chunks

from rag.headings import (
    SectionTracker,
    entry_release,
    heading_release,
    headings_of,
    release_named,
)
from rag.reader import Reader
from rag.types import Chunk, Evidence


def lines_of(text: str, *, markdown: bool = False) -> list[tuple[int, str]]:
    return [(h.level, h.line) for h in headings_of(text, markdown=markdown)]


def test_markdown_headings_outside_code_blocks_have_levels():
    text = (
        "# tool 2.0\n\nIntro.\n\n## Options\n\n```sh\n# not a heading: a shell comment\n```\n\n"
        "Usage\n-----\n\nRun it.\n"
    )
    assert lines_of(text, markdown=True) == [(1, "# tool 2.0"), (2, "## Options"), (2, "Usage")]
    # Outside Markdown a "#" line is as often a comment as a heading.
    assert lines_of("# set the path\nPATH=/bin\n") == []


def test_release_lines_and_capital_headings_are_headings_of_plain_text():
    text = (
        "NAME\n    tool - does things\n\nSYNOPSIS\n    tool [-v]\n\n"
        "Version 1.6.6  (2018-02-02)\n\no New function.\n\n"
        "-----------------------\n2.14 Featured release\n-----------------------\nFixes.\n"
    )
    assert [line for _, line in lines_of(text)] == [
        "NAME",
        "SYNOPSIS",
        "Version 1.6.6  (2018-02-02)",
        "2.14 Featured release",
    ]
    # A line in capitals inside a paragraph is not a heading.
    assert lines_of("The tool reads\nSTDIN ONLY\nwhen asked.\n") == []


def test_a_heading_closes_those_of_its_level_and_below():
    first = list(headings_of("# pkg 2.0\n\n## Fixes\n\n- one\n", markdown=True))
    second = list(headings_of("# pkg 1.0\n\n- two\n", markdown=True))
    tracker = SectionTracker()
    assert tracker.above(first, 0) == ""
    assert tracker.above(first, first[1].start) == "# pkg 2.0"
    assert tracker.above(first, 20) == "# pkg 2.0\n## Fixes"
    tracker.passed(first)
    # The next segment starts under the headings the first ended with.
    assert tracker.above(second, 0) == "# pkg 2.0\n## Fixes"
    assert tracker.above(second, 12) == "# pkg 1.0"


def test_the_version_a_release_heading_names():
    assert release_named("# metafor 3.8-1 (2022-08-26)") == "3.8-1"
    assert release_named("* Version 1.3-0") == "1.3-0"
    assert release_named("- added a function") == ""
    # "Release" opens a release as "Version" does, dated in words or not.
    assert release_named("Release 6.0.0 (September 26 2019)") == "6.0.0"
    assert release_named("Release 1.3.0 - August 2, 2007") == "1.3.0"
    assert release_named("Release 6.0.0-rc1 (2019-09-24)") == "6.0.0-rc1"
    assert release_named("Release notes for the next version") == ""
    # Known to be a heading, a line that opens with a version names a release.
    assert heading_release("2.13.1 Hot fix") == "2.13.1"
    assert heading_release("Announcement for Dynare 5.3 (on 2022-11-21)") == "5.3"
    assert heading_release("## Options") == ""
    assert heading_release("## Upgrading from 1.2 to 1.3") == ""


NEWS = (
    "# mypkg 2.0-0 (2022-01-02)\n\n"
    + "".join(
        f"- added `helper{i}()` to tidy the results of model fits of kind {i}\n" for i in range(40)
    )
    + "\n# mypkg 1.5-0 (2020-05-06)\n\n- added `labbe()` for L'Abbe plots\n"
)


def test_every_chunk_of_a_news_file_keeps_its_release_heading(make_service, tmp_path: Path):
    path = tmp_path / "NEWS.md"
    path.write_text(NEWS)
    service = make_service()
    service.ingest([path])
    chunks = [c for c in stored_chunks(service) if c.file == "NEWS.md"]
    assert len(chunks) >= 3
    assert chunks[0].headings == ""  # its heading is its own first line
    later = [c for c in chunks[1:] if "helper3" in c.text or "helper39" in c.text]
    assert later and all(c.headings == "# mypkg 2.0-0 (2022-01-02)" for c in later)


def test_the_reader_answers_a_release_from_the_heading_a_chunk_stands_under():
    chunk = Chunk(
        doc_id="d1",
        file="NEWS.md",
        sha256="0" * 64,
        chunk_index=3,
        text="- added `helper38()` to tidy the results\n- added `helper39()` for model fits",
        headings="# mypkg 2.0-0 (2022-01-02)",
    )
    reader = Reader(FakeEmbedder(), min_support=0.3)
    answer = reader.read(
        "In which version of mypkg was helper39() added?", [Evidence(chunk, 1.0, 0)]
    ).text
    assert answer.startswith("2.0-0 — "), answer
    # Without the heading the chunk cannot tell its release.
    bare = Evidence(replace(chunk, headings=""), 1.0, 0)
    answer = reader.read("In which version of mypkg was helper39() added?", [bare]).text
    assert not answer.startswith("2.0-0"), answer


def test_a_dated_changelog_entry_opens_with_its_release():
    assert entry_release("2.00  2014-03-26  - enable opacity setting") == "2.00"
    assert entry_release("0.29  2009-10-06 add option SphericalCoorType") == "0.29"
    assert entry_release("2.07a 2022-01-14  - fix for the documentation") == "2.07a"
    assert entry_release("1.2 (2019/05/01) new option") == "1.2"
    # A number and a date in prose, or a release line without an entry, open none.
    assert entry_release("In 2014-03-26 we released 2.00") == ""
    assert entry_release("2.00 2014-03-26") == ""
    assert entry_release("3.5 2014-03") == ""


def test_a_bare_version_with_a_colon_opens_a_release():
    changelog = (
        "0.6:\n* Use LAPACK instead of EISPACK throughout.\n\n0.5:\n"
        "* PLAUT04 can now also use the SoQt and Qt libraries.\n"
    )
    assert [h.line for h in headings_of(changelog)] == ["0.6:", "0.5:"]
    assert release_named("0.9.2:") == "0.9.2"
    # A numbered caption or a line that goes on is no release.
    assert release_named("Table 3.2:") == ""
    assert release_named("3.2: the rest of it") == ""
