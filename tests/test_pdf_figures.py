"""Figures in PDFs: embedded pictures carry their captions; charts drawn as vectors become
pictures with their captions and the labels drawn inside them."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from conftest import serialize_pdf, stored_chunks
from PIL import Image, ImageDraw

from ingest.document import PageImage
from ingest.loaders import pdf_figures
from ingest.loaders.pdf import load_pdf
from ingest.loaders.pdf_figures import CAPTION, PdfFigures, find_captions, text_lines


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text(x: float, y: float, line: str, size: int = 11) -> str:
    return f"BT /F1 {size} Tf {x} {y} Td ({_escape(line)}) Tj ET"


def chart(left: float, bottom: float, width: float, height: float) -> list[str]:
    """A small line chart in PDF paths: frame, grid, a polyline with square markers."""
    ops = [f"0.5 w {left} {bottom} {width} {height} re S"]
    for k in range(1, 4):
        y = bottom + k * height / 4
        ops.append(f"0.2 w {left} {y} m {left + width} {y} l S")
    points = [
        (left + 10 + i * (width - 20) / 9, bottom + height * (0.2 + 0.06 * i)) for i in range(10)
    ]
    ops.append(
        "0 0 1 RG 1.5 w "
        + " ".join(f"{x:.1f} {y:.1f} {'m' if i == 0 else 'l'}" for i, (x, y) in enumerate(points))
        + " S"
    )
    ops += [f"1 0 0 rg {x - 2:.1f} {y - 2:.1f} 4 4 re f" for x, y in points]
    return ops + ["0 0 0 rg 0 0 0 RG"]


def photo(size=(160, 120)) -> Image.Image:
    image = Image.new("RGB", size, (230, 240, 250))
    draw = ImageDraw.Draw(image)
    draw.ellipse((30, 20, 130, 100), fill=(200, 40, 40))
    return image


def build_pdf(
    pages: list[tuple[list[str], Image.Image | None]], form: list[str] | None = None
) -> bytes:
    """A PDF written by hand: each page is content-stream operators (Helvetica as /F1) and an
    optional picture drawn as /Im1 (place it with ``q W 0 0 H X Y cm /Im1 Do Q``); ``form``
    is the content of a form XObject /Fm1 with a 400 x 300 box that any page may draw."""
    objects: list[bytes] = [b"", b""]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    forms = b""
    if form is not None:
        body = "\n".join(form).encode("latin-1")
        objects.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 400 300] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Length %d >>\nstream\n%s\nendstream"
            % (len(body), body)
        )
        forms = b" /Fm1 %d 0 R" % len(objects)
    kids = []
    for ops, image in pages:
        resources = b"/Font << /F1 3 0 R >>"
        if image is not None:
            raw = zlib.compress(image.convert("RGB").tobytes())
            objects.append(
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                % (image.width, image.height, len(raw), raw)
            )
            resources += b" /XObject << /Im1 %d 0 R%s >>" % (len(objects), forms)
        elif forms:
            resources += b" /XObject << %s >>" % forms
        content = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << %s >> >>" % (len(objects), resources)
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    return serialize_pdf(objects, root=1)


# Page 1: a photo with its caption below, then a chart drawn in paths with its caption.
PAGE_ONE = [
    text(72, 720, "The survey results for the coastal stations follow in two figures."),
    "q 200 0 0 150 100 540 cm /Im1 Do Q",
    text(100, 522, "Figure 1: The red buoy moored off the north pier"),
    text(72, 480, "Rainfall was measured daily and summed by month at every station."),
    *chart(100, 250, 300, 180),
    text(300, 410, "North station", size=8),
    text(104, 242, "Jan", size=7),
    text(380, 242, "Dec", size=7),
    text(100, 225, "Figure 2: Monthly rainfall at Avonlea, in millimetres,"),
    text(100, 212, "for the year 2023"),
    text(72, 170, "Figure 2 shows that the wettest month was December."),
]
# Page 2: a table caption over a ruled table (thin lines only), then a chart with no caption.
PAGE_TWO = [
    text(150, 720, "Table 3: Ferry departures per season"),
    "0.5 w 150 710 m 450 710 l S 150 690 m 450 690 l S 150 670 m 450 670 l S",
    text(155, 697, "Summer    14    22"),
    text(155, 677, "Winter    6    9"),
    *chart(150, 420, 300, 200),
    text(380, 600, "Ferries", size=8),
]


def write(tmp_path: Path) -> Path:
    path = tmp_path / "survey.pdf"
    path.write_bytes(build_pdf([(PAGE_ONE, photo()), (PAGE_TWO, None)]))
    return path


def parts(path: Path) -> list:
    """What loading the PDF at ``path`` yields: its text segments and its pictures."""
    loaded = load_pdf(
        path,
        path.read_bytes(),
        max_pages=100,
        scan_min_chars=20,
        render_dpi=100,
        read_text=lambda image: "",
    )
    return list(loaded.parts)


def pictures(path: Path) -> list[PageImage]:
    return [part for part in parts(path) if isinstance(part, PageImage)]


def test_an_embedded_picture_carries_the_caption_below_it(tmp_path):
    found = pictures(write(tmp_path))
    embedded = [p for p in found if p.name == "p1-0"]
    assert len(embedded) == 1
    assert embedded[0].caption == "Figure 1: The red buoy moored off the north pier"
    assert embedded[0].image.size == (160, 120)  # the picture itself, not a render


def test_a_chart_drawn_in_paths_becomes_a_picture_with_caption_and_labels(tmp_path):
    found = pictures(write(tmp_path))
    drawn = [p for p in found if p.page == 1 and p.name.startswith("p1-fig")]
    assert len(drawn) == 1, [p.name for p in found]
    figure = drawn[0]
    # Caption lines that continue the first join it; the sentence that mentions Figure 2 does not.
    assert figure.caption == (
        "Figure 2: Monthly rainfall at Avonlea, in millimetres, for the year 2023"
    )
    assert "North station" in figure.drawn_text
    assert (
        "Jan" in figure.drawn_text and "Dec" in figure.drawn_text
    )  # tick labels outside the frame
    assert "Rainfall was measured" not in figure.drawn_text  # body text above stays out
    # Rendered at 100 dpi: the 300 x 180 pt frame plus its labels and a small margin.
    width, height = figure.image.size
    assert 300 * 100 / 72 <= width <= 330 * 100 / 72
    assert 180 * 100 / 72 <= height <= 215 * 100 / 72
    pixels = figure.image.convert("RGB")
    assert any(
        pixels.getpixel((x, y))[2] > 200 > pixels.getpixel((x, y))[0]
        for x in range(width)
        for y in range(0, height, 3)
    )  # the blue line is drawn


def test_a_chart_without_caption_takes_the_nearest_caption_above_and_rules_are_no_figure(tmp_path):
    found = pictures(write(tmp_path))
    page_two = [p for p in found if p.page == 2]
    assert len(page_two) == 1  # the ruled table is not a drawing
    assert page_two[0].caption == "Table 3: Ferry departures per season"
    assert page_two[0].drawn_text == "Ferries"


def test_a_drawing_placed_as_a_form_is_found_where_the_form_puts_it(tmp_path):
    # Graphviz and pdfTeX place a whole drawing as a form XObject, moved by a matrix.
    path = tmp_path / "graph.pdf"
    drawing = [*chart(20, 20, 300, 200), text(200, 200, "start node", size=8)]
    page = [
        text(72, 720, "The build graph of the project."),
        "q 1 0 0 1 120 300 cm /Fm1 Do Q",
        text(140, 300, "Figure 4: Build graph of the release"),
    ]
    path.write_bytes(build_pdf([(page, None)], form=drawing))
    [figure] = pictures(path)
    assert figure.caption == "Figure 4: Build graph of the release"
    assert figure.drawn_text == "start node"
    # The chart's frame spans 140..440 x 320..520 on the page: 300 x 200 points at 100 dpi.
    assert abs(figure.image.width - (300 + 2 * pdf_figures.MARGIN) * 100 / 72) < 4
    assert abs(figure.image.height - (200 + 2 * pdf_figures.MARGIN) * 100 / 72) < 4


def test_drawings_render_under_the_pixel_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_figures, "FIGURE_MAX_PIXELS", 20_000)
    found = pictures(write(tmp_path))
    for part in found:
        if "fig" in part.name:
            assert part.image.width * part.image.height <= 20_000 * 1.05


def test_a_failure_to_locate_figures_keeps_the_pictures(tmp_path, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ValueError("bad page tree")

    monkeypatch.setattr(pdf_figures, "locate", broken)
    found = pictures(write(tmp_path))
    assert [p.name for p in found] == ["p1-0"]
    assert found[0].caption == ""
    assert "figures not located" in captext(caplog)


def captext(caplog) -> str:
    return "\n".join(record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(
    "line, caption",
    [
        ("Figure 2-33: Region-based segmentation", True),
        ("Fig. 3. Results on the test set", True),
        ("FIGURE 4 Overview of the system", True),
        ("Table 5: Compiler comparison", True),
        ("Figure 12", True),
        ("Figure 2 shows the wettest month.", False),
        ("Figures are drawn to scale.", False),
        ("Tables 1 and 2 list the prices", False),
    ],
)
def test_caption_lines(line, caption):
    assert bool(CAPTION.match(line)) is caption


def test_text_lines_and_captions_come_from_the_page(tmp_path):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(write(tmp_path).read_bytes())
    try:
        textpage = document[0].get_textpage()
        lines = text_lines(textpage)
        captions = find_captions(lines)
    finally:
        document.close()
    assert [c.text for c in captions] == [
        "Figure 1: The red buoy moored off the north pier",
        "Figure 2: Monthly rainfall at Avonlea, in millimetres, for the year 2023",
    ]
    assert all(c.figure for c in captions)
    assert lines[0].text.startswith("The survey results")


def test_pdf_figures_close_their_document(tmp_path):
    figures = PdfFigures(write(tmp_path).read_bytes(), None, dpi=72)
    assert len(list(figures.on_page(2, []))) == 1
    figures.close()
    figures.close()  # twice is harmless


def test_the_figure_chunk_carries_caption_description_and_drawn_text(service, tmp_path):
    path = write(tmp_path)
    report = service.ingest([path])
    assert report.results[0].status == "ingested", report.results[0].reason
    images = [c for c in stored_chunks(service) if c.modality == "image"]
    texts = {c.page: [] for c in images}
    for chunk in images:
        texts[chunk.page].append(chunk.text)
    page_one = "\n".join(texts[1])
    assert "Figure 1: The red buoy moored off the north pier" in page_one
    assert "Figure 2: Monthly rainfall at Avonlea" in page_one
    assert "North station" in page_one
    assert any(c.image and c.page == 2 for c in images)  # the drawn chart is kept as a picture


def test_a_panel_found_alone_grows_to_its_figure_with_titles_but_not_a_listing(tmp_path):
    # Two panels over one caption: the right one is a chart of many paths, the left one only a
    # frame and a curve (too few paths to be a drawing). Their titles stand above them, and a
    # program listing (narrow lines, no body text) above that.
    sparse = ["0.5 w 100 300 200 150 re S", "1 0 0 RG 1 w 110 310 m 200 400 l 290 320 l S"]
    page = [
        text(100, 520, "> fit <- kde(x)"),
        text(100, 506, "[1] 0.57 -0.41"),
        *sparse,
        text(150, 460, "Plug-in"),
        *chart(330, 300, 200, 150),
        text(390, 460, "Plug-in diagonal"),
        text(150, 270, "Figure 2: Kernel density estimates with plug-in selectors"),
    ]
    path = tmp_path / "panels.pdf"
    path.write_bytes(build_pdf([(page, None)]))
    drawn = [p for p in pictures(path) if p.name.startswith("p1-fig")]
    assert len(drawn) == 1
    figure = drawn[0]
    assert figure.caption.startswith("Figure 2: Kernel density")
    assert "Plug-in" in figure.drawn_text and "Plug-in diagonal" in figure.drawn_text
    assert "kde(x)" not in figure.drawn_text
    width, _ = figure.image.size
    assert width >= 430 * 100 / 72  # both panels, not the right one alone


def test_a_caption_with_a_character_beyond_the_bmp_reads_it_whole():
    # actuar's vignette sets "S" in mathematical italic (U+1D446), which pdfium gives as its
    # two UTF-16 halves; a half alone is no text a tokenizer or the index can encode.
    import pypdfium2 as pdfium

    path = Path(__file__).resolve().parent.parent / "eval/validation/corpus"
    document = pdfium.PdfDocument(path / "actuar-risk-ruin-theory.pdf")
    try:
        textpage = document[5].get_textpage()
        lines = [line.text for line in text_lines(textpage)]
        textpage.close()
    finally:
        document.close()
    caption = next(line for line in lines if line.startswith("Figure 2:"))
    assert "empirical cdf of\U0001d446 obtained" in caption
    caption.encode("utf-8")  # raises on a lone surrogate
