"""Office and e-book files built with the libraries that read them: text, a table, a picture."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from conftest import picture
from PIL import Image

TABLE = [
    ["Planet", "Moons", "Day length"],
    ["Mars", "2", "24.6 hours"],
    ["Jupiter", "95", "9.9 hours"],
    ["Neptune", "16", "16.1 hours"],
]
PROSE = "The probe report compares the outer planets and their moons."


def png_bytes(image: Image.Image | None = None) -> bytes:
    buffer = io.BytesIO()
    (image or picture((200, 150), seed=3)).save(buffer, "PNG")
    return buffer.getvalue()


def write_docx(path: Path) -> Path:
    import docx
    from docx.shared import Inches

    document = docx.Document()
    document.core_properties.title = "Probe report"
    document.add_heading("Probe report", level=1)
    document.add_paragraph(PROSE)
    document.add_paragraph("Table 1: Planets and moons")
    table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_picture(io.BytesIO(png_bytes()), width=Inches(2))
    document.add_paragraph("Figure 1: The probe above Jupiter", style="Caption")
    document.add_paragraph("The mission ended in the year 2031.")
    document.save(path)
    return path


def write_pptx(path: Path) -> Path:
    import pptx
    from pptx.util import Inches

    deck = pptx.Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[1])
    first.shapes.title.text = "Mission overview"
    first.placeholders[1].text = PROSE
    first.notes_slide.notes_text_frame.text = "Mention the launch window in March."
    second = deck.slides.add_slide(deck.slide_layouts[5])
    second.shapes.title.text = "Planets and moons"
    shape = second.shapes.add_table(
        len(TABLE), len(TABLE[0]), Inches(1), Inches(2), Inches(6), Inches(2)
    )
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            shape.table.cell(r, c).text = value
    third = deck.slides.add_slide(deck.slide_layouts[5])
    third.shapes.title.text = "The probe above Jupiter"
    third.shapes.add_picture(io.BytesIO(png_bytes()), Inches(1), Inches(2))
    deck.save(path)
    return path


def write_xlsx(path: Path) -> Path:
    import openpyxl
    from openpyxl.drawing.image import Image as SheetImage

    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "Notes"
    notes["A1"] = PROSE
    planets = workbook.create_sheet("Planets")
    planets.append(["Outer planets survey"])  # a title above the header row
    for row in TABLE:
        planets.append([int(v) if v.isdigit() else v for v in row])
    planets["E2"] = "=SUM(B3:B5)"  # no cached value: openpyxl writes none
    planets.add_image(SheetImage(io.BytesIO(png_bytes())), "G2")
    workbook.save(path)
    return path


def write_csv(path: Path, delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(TABLE)
    return path


def write_epub(path: Path) -> Path:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("probe-report")
    book.set_title("Probe report")
    book.set_language("en")
    image = epub.EpubImage(
        uid="probe", file_name="images/probe.png", media_type="image/png", content=png_bytes()
    )
    book.add_item(image)
    rows = "".join(
        "<tr>"
        + "".join(f"<{'th' if r == 0 else 'td'}>{v}</{'th' if r == 0 else 'td'}>" for v in row)
        + "</tr>"
        for r, row in enumerate(TABLE)
    )
    one = epub.EpubHtml(title="Overview", file_name="text/one.xhtml", lang="en")
    one.content = f"<html><body><h1>Overview</h1><p>{PROSE}</p></body></html>"
    two = epub.EpubHtml(title="Planets", file_name="text/two.xhtml", lang="en")
    two.content = (
        "<html><body><h1>Planets</h1><table><caption>Table 1: Planets and moons</caption>"
        f"{rows}</table>"
        '<p><img src="../images/probe.png" alt="The probe above Jupiter"/></p></body></html>'
    )
    for chapter in (one, two):
        book.add_item(chapter)
    book.toc = (one, two)
    book.spine = [one, two]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    epub.write_epub(str(path), book)
    return path


def write_odt(path: Path) -> Path:
    from odf.draw import Frame
    from odf.draw import Image as DrawImage
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Probe report"))
    document.text.addElement(P(text=PROSE))
    table = Table(name="Planets")
    table.addElement(TableColumn(numbercolumnsrepeated=len(TABLE[0])))
    for row in TABLE:
        tr = TableRow()
        for value in row:
            cell = TableCell()
            cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    document.text.addElement(table)
    href = document.addPicture("Pictures/probe.png", "image/png", png_bytes())
    frame = Frame(width="2in", height="1.5in", anchortype="paragraph")
    frame.addElement(DrawImage(href=href))
    holder = P()
    holder.addElement(frame)
    document.text.addElement(holder)
    document.save(str(path))
    return path


def write_ods(path: Path) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    sheet = Table(name="Planets")
    for row in TABLE:
        tr = TableRow()
        for value in row:
            cell = TableCell()
            cell.addElement(P(text=value))
            tr.addElement(cell)
        # Spreadsheets pad the rest of the row with one empty cell repeated many times.
        tr.addElement(TableCell(numbercolumnsrepeated=16000))
        sheet.addElement(tr)
    sheet.addElement(TableRow(numberrowsrepeated=1_000_000))
    document.spreadsheet.addElement(sheet)
    document.save(str(path))
    return path


WRITERS = {
    "docx": write_docx,
    "pptx": write_pptx,
    "xlsx": write_xlsx,
    "csv": write_csv,
    "epub": write_epub,
    "odt": write_odt,
    "ods": write_ods,
}


def zip_bomb(path: Path, inside: str, megabytes: int) -> Path:
    """A zip whose part ``inside`` unpacks to ``megabytes`` of zeros (about 1000:1)."""
    block = b"\x00" * 1048576
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open(inside, "w", force_zip64=True) as fh,
    ):
        for _ in range(megabytes):
            fh.write(block)
    return path


def built(tmp_path: Path, fmt: str) -> bytes:
    """A valid file of ``fmt``, as bytes."""
    folder = tmp_path / "sources"
    folder.mkdir(exist_ok=True)
    return WRITERS[fmt](folder / f"valid.{fmt}").read_bytes()


def password_protected(tmp_path: Path, fmt: str) -> bytes:
    """What Office writes when a password is set: the package, encrypted, in an OLE file."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(built(tmp_path, fmt))).encrypt("secret", out)
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
