#!/usr/bin/env python3
"""Build the office and e-book files of corpus/ from documents that ship in Debian packages.

    PYTHONPATH=$PWD .venv/bin/python eval/validation/build_office.py [--out eval/validation/corpus]

Inputs (Debian 12 packages installed on the build machine; README.md gives versions and licences):

- /usr/share/distro-info/debian.csv (distro-info-data): copied unchanged as debian-releases.csv
- /usr/share/zoneinfo/iso3166.tab and zone1970.tab (tzdata): tz-zones.xlsx, one sheet each
- /usr/share/doc/base-passwd/users-and-groups.html (base-passwd): users-and-groups.docx, its
  chapters as paragraphs and each list of users or groups as a two-column table
- /usr/share/doc/python3-pip/html/topics/more-dependency-resolution.md.gz and deps.png
  (python3-pip): pip-dependency-resolution.pptx, a slide per section and the picture
- /usr/share/doc/libffi8/html/*.html (libffi-dev): libffi-manual.epub, a section per page

Only the words of the sources are used, in their order; nothing is added but titles, table
headers ("Name", "Purpose"; "Code", "Country"; the column names tzdata's comments give) and the
fixed creation dates that keep a rebuild close to the committed files. The files in corpus/
are pinned by sha256 in verify.py: a rebuild with other library versions may differ in bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

HERE = Path(__file__).resolve().parent
FIXED = dt.datetime(2026, 1, 1)

DEBIAN_CSV = Path("/usr/share/distro-info/debian.csv")
ISO3166 = Path("/usr/share/zoneinfo/iso3166.tab")
ZONE1970 = Path("/usr/share/zoneinfo/zone1970.tab")
USERS_HTML = Path("/usr/share/doc/base-passwd/users-and-groups.html")
PIP_TOPICS = Path("/usr/share/doc/python3-pip/html/topics")
LIBFFI_HTML = Path("/usr/share/doc/libffi8/html")
# The manual's reading order (its "Next" links), the index last.
LIBFFI_PAGES = [
    "Introduction",
    "Using-libffi",
    "The-Basics",
    "Simple-Example",
    "Types",
    "Primitive-Types",
    "Structures",
    "Size-and-Alignment",
    "Arrays-Unions-Enums",
    "Type-Example",
    "Complex",
    "Complex-Type-Example",
    "Multiple-ABIs",
    "The-Closure-API",
    "Closure-Example",
    "Thread-Safety",
    "Memory-Usage",
    "Missing-Features",
    "Index",
]


def tab_rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text().splitlines() if not line.startswith("#")]


def build_xlsx(out: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    countries = workbook.active
    countries.title = "Countries"
    countries.append(["Code", "Country"])
    for row in tab_rows(ISO3166):
        countries.append(row)
    zones = workbook.create_sheet("Zones")
    zones.append(["Country codes", "Coordinates", "TZ", "Comments"])
    for row in tab_rows(ZONE1970):
        zones.append(row)
    workbook.properties.title = "tzdata: countries and time zones"
    workbook.properties.created = workbook.properties.modified = FIXED
    workbook.save(out / "tz-zones.xlsx")


def build_docx(out: Path) -> None:
    import docx

    soup = BeautifulSoup(USERS_HTML.read_text(encoding="utf-8", errors="replace"), "html.parser")
    document = docx.Document()
    document.core_properties.title = "Users and Groups in the Debian System"
    document.core_properties.created = document.core_properties.modified = FIXED
    document.add_heading("Users and Groups in the Debian System", level=0)
    body = soup.body
    for element in body.find_all(["h1", "h2", "h3", "p", "dl"]):
        if element.find_parent("dl") is not None:
            continue  # inside a list: part of its table
        if element.name == "dl" and element.find("dd") is None:
            for term in element.find_all("dt", recursive=False):  # a contents list
                document.add_paragraph(_words(term))
            continue
        if element.name == "dl":
            terms = element.find_all("dt", recursive=False)
            table = document.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            table.cell(0, 0).text, table.cell(0, 1).text = "Name", "Purpose"
            for term in terms:
                definition = term.find_next_sibling("dd")
                cells = table.add_row().cells
                cells[0].text = _words(term)
                cells[1].text = _words(definition) if definition else ""
            continue
        text = _words(element)
        if not text:
            continue
        if element.name in ("h1", "h2", "h3"):
            document.add_heading(text, level=int(element.name[1]))
        else:
            document.add_paragraph(text)
    document.save(out / "users-and-groups.docx")


def build_pptx(out: Path) -> None:
    import pptx
    from pptx.util import Inches, Pt

    text = gzip.decompress((PIP_TOPICS / "more-dependency-resolution.md.gz").read_bytes()).decode()
    sections = re.split(r"^#{1,2} ", text, flags=re.MULTILINE)[1:]
    deck = pptx.Presentation()
    deck.core_properties.title = "More on Dependency Resolution (pip)"
    deck.core_properties.created = deck.core_properties.modified = FIXED
    for section in sections:
        title, _, body = section.partition("\n")
        paragraphs = [_plain(p) for p in re.split(r"\n\s*\n", body) if p.strip() and "```" not in p]
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title.strip()
        frame = slide.placeholders[1].text_frame
        frame.text = paragraphs[0] if paragraphs else ""
        for paragraph in paragraphs[1:]:
            frame.add_paragraph().text = paragraph
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(10)
        if title.strip() == "Dependency metadata":
            # pip's own drawing of a dependency tree (deps.dot): A depends on B and C.
            slide.shapes.add_picture(
                str(PIP_TOPICS / "deps.png"), Inches(6), Inches(5), Inches(3.5)
            )
    deck.save(out / "pip-dependency-resolution.pptx")


def build_epub(out: Path) -> None:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("libffi-manual-3.4.4")
    book.set_title("libffi: the portable foreign function interface library")
    book.set_language("en")
    book.add_author("Anthony Green")
    chapters = []
    for name in LIBFFI_PAGES:
        soup = BeautifulSoup((LIBFFI_HTML / f"{name}.html").read_text(), "html.parser")
        for nav in soup.select("div.nav-panel, div.header, hr"):
            nav.decompose()  # "Next: ..., Up: ..." links to pages of the HTML manual
        for link in soup.find_all("a"):
            link.unwrap()
        title = soup.find(["h2", "h3", "h4", "h1"])
        chapter = epub.EpubHtml(
            title=title.get_text(" ", strip=True) if title else name,
            file_name=f"text/{name}.xhtml",
            lang="en",
        )
        chapter.content = f"<html><body>{soup.body.decode_contents()}</body></html>"
        book.add_item(chapter)
        chapters.append(chapter)
    book.toc = chapters
    book.spine = chapters  # the navigation document is no section of the text
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    epub.write_epub(str(out / "libffi-manual.epub"), book)


def _plain(markdown: str) -> str:
    """A Markdown paragraph as the words a slide shows: links as their text, no emphasis marks."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    text = re.sub(r"(?<!\w)[*_]([^*_\n]+)[*_](?!\w)", r"\1", text)
    return " ".join(text.split())


def _words(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "corpus")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DEBIAN_CSV, args.out / "debian-releases.csv")
    build_xlsx(args.out)
    build_docx(args.out)
    build_pptx(args.out)
    build_epub(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
