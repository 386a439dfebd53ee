"""Screenshots inside PDFs: each picture carries the caption it shares with its neighbours, or
the sentence that announces it, and the text read in it is found and answered from, in every
piece of a long reading; a picture with no text is not read."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import pytest
from conftest import FakeLabeler, FakeOcr, serialize_pdf, stored_chunks
from PIL import Image, ImageDraw, ImageFont

from ingest.document import PageImage
from ingest.loaders.pdf import load_pdf
from ingest.loaders.pdf_figures import CAPTION, text_lines
from ingest.loaders.pdf_text import ot1_ligatures
from ingest.loading import picture_text
from ingest.vision.describe import ImageDescriber

INTRO = "The screen dump below shows the main window of the Quokka editor."
CAPTION_TWO = "Figure 2: Saving a drawing"
# Body text that names the sub-figures: no caption, though it opens like one.
BODY_TWO = "Figure 2a shows the dialog that asks for the file name."
MENU = ["Open drawing", "Save drawing", "Export as PNG", "Grid spacing: 12 mm", "Quit Quokka"]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text(x: float, y: float, line: str, size: int = 11) -> str:
    return f"BT /F1 {size} Tf {x} {y} Td ({_escape(line)}) Tj ET"


def place(name: str, left: float, bottom: float, width: float, height: float) -> str:
    return f"q {width} 0 0 {height} {left} {bottom} cm /{name} Do Q"


def build_pdf(pages: list[tuple[list[str], dict[str, Image.Image]]]) -> bytes:
    """A PDF written by hand: each page is content-stream operators (Helvetica as /F1) and the
    pictures its operators draw by name."""
    objects: list[bytes] = [b"", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for ops, images in pages:
        names = []
        for name, image in images.items():
            raw = zlib.compress(image.convert("RGB").tobytes())
            objects.append(
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                % (image.width, image.height, len(raw), raw)
            )
            names.append(b"/%s %d 0 R" % (name.encode(), len(objects)))
        content = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> /XObject << %s >> >> >>"
            % (len(objects), b" ".join(names))
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    return serialize_pdf(objects, root=1)


def screenshot(title: str, lines: list[str], size=(420, 320), font_size: int = 22) -> Image.Image:
    """A program's window drawn with PIL: a grey title bar with its title, and lines of text
    (a menu) on white, large enough for real OCR."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=font_size)
    draw.rectangle((0, 0, size[0], 44), fill=(190, 190, 190))
    draw.text((14, 10), title, fill="black", font=font)
    draw.rectangle((0, 0, size[0] - 1, size[1] - 1), outline=(90, 90, 90), width=2)
    y = 64
    for line in lines:
        draw.text((24, y), line, fill="black", font=font)
        y += int(font_size * 1.6)
    return image


def sky(size=(320, 240)) -> Image.Image:
    """A smooth gradient: no edges, no text."""
    width, height = size
    y = np.linspace(0, 1, height)[:, None, None]
    x = np.linspace(0, 1, width)[None, :, None]
    rgb = np.concatenate([80 + 60 * x + 0 * y, 120 + 80 * y + 0 * x, 200 + 40 * x * y], axis=2)
    return Image.fromarray(rgb.astype(np.uint8))


# Page 1: a sentence announcing an uncaptioned screenshot right under it.
PAGE_ONE = [
    text(72, 720, "Quokka is a small editor for technical drawings."),
    text(72, 700, INTRO),
    place("Shot", 100, 380, 420, 310),
]
# Page 2: two screenshots side by side, (a) and (b), over one caption; body text above them
# that names "Figure 2a"; a picture with no text at the bottom.
PAGE_TWO = [
    text(72, 720, BODY_TWO),
    text(72, 706, "Figure 2b shows the drawing after it was saved."),
    place("Left", 100, 470, 200, 200),
    place("Right", 320, 470, 200, 200),
    text(195, 455, "(a)"),
    text(415, 455, "(b)"),
    text(230, 435, CAPTION_TWO),
    text(72, 400, "The drawing is kept where it was saved."),
    place("Sky", 150, 120, 320, 240),
]


def write(tmp_path: Path) -> Path:
    path = tmp_path / "quokka.pdf"
    pages = [
        (PAGE_ONE, {"Shot": screenshot("Quokka Editor", MENU)}),
        (
            PAGE_TWO,
            {
                "Left": screenshot("Save as", ["File name:", "harbour.qk"], size=(300, 300)),
                "Right": screenshot("Quokka Editor", ["harbour.qk saved"], size=(300, 300)),
                "Sky": sky(),
            },
        ),
    ]
    path.write_bytes(build_pdf(pages))
    return path


def pictures(path: Path) -> list[PageImage]:
    loaded = load_pdf(
        path,
        path.read_bytes(),
        max_pages=10,
        scan_min_chars=20,
        render_dpi=100,
        read_text=lambda image: "",
    )
    return [part for part in loaded.parts if isinstance(part, PageImage)]


def test_pictures_side_by_side_share_the_caption_under_them(tmp_path):
    found = {p.name: p for p in pictures(write(tmp_path))}
    assert found["p2-0"].caption == CAPTION_TWO
    assert found["p2-1"].caption == CAPTION_TWO
    # The sentence that names "Figure 2a" is body text, no caption of either.
    assert BODY_TWO not in (found["p2-0"].caption + found["p2-1"].caption)
    assert found["p2-2"].caption == ""  # far below, under body text: not part of Figure 2


def test_an_uncaptioned_picture_takes_the_sentence_that_announces_it(tmp_path):
    found = {p.name: p for p in pictures(write(tmp_path))}
    assert found["p1-0"].caption == ""
    assert found["p1-0"].lead_in == INTRO
    # Captioned pictures, and one under a sentence that announces nothing, take none.
    assert found["p2-0"].lead_in == ""
    assert found["p2-2"].lead_in == ""


@pytest.mark.parametrize(
    "line",
    ["Figure 1.3a shows the dialog box", "Figure 3.1 shows two snapshots", BODY_TWO],
)
def test_a_sentence_naming_a_numbered_figure_is_no_caption(line):
    assert CAPTION.match(line) is None


def test_the_announcing_sentence_goes_with_the_description_not_the_text_read():
    described = picture_text(
        PageImage(screenshot("Quokka Editor", MENU), page=1, lead_in=INTRO),
        ImageDescriber(FakeOcr("Quit Quokka"), FakeLabeler()),
    )
    head, announced, rest = described.split("\n", 2)
    assert head.endswith(".") and announced == INTRO
    assert rest.endswith("Text in the image:\nQuit Quokka")


def test_runs_that_overlap_give_each_character_once(tmp_path):
    # "dott" and a "y" kerned into its last letter, as small capitals are set: pdfium's text
    # inside each run's box holds the other's edge ("dottyty").
    import pypdfium2 as pdfium

    width = (556 + 556 + 278 + 278) / 1000 * 11  # Helvetica's widths of d, o, t, t
    page = [text(72, 700, "dott"), text(72 + width - 0.4, 700, "y session")]
    path = tmp_path / "kerned.pdf"
    path.write_bytes(build_pdf([(page, {})]))
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        textpage = document[0].get_textpage()
        assert [line.text for line in text_lines(textpage)] == ["dotty session"]
    finally:
        document.close()


def test_tex_ligature_codes_are_spelled_out():
    assert ot1_ligatures("Loading a graph \x0cle\r\n") == "Loading a graph file\n"
    assert ot1_ligatures("di\x0berent \rexible") == "different flexible"


# Through the service ---------------------------------------------------------------------


LONG_READING = "\n".join(
    ["Quokka Editor"]
    + [f"Layer {n}: outline, fill, shadow, grid {n * 7}" for n in range(1, 40)]
    + ["Selected tool: lasso"]
)


def test_every_piece_of_a_long_reading_is_found_by_the_caption(make_service, tmp_path):
    service = make_service(describer=ImageDescriber(FakeOcr(LONG_READING), FakeLabeler()))
    report = service.ingest([write(tmp_path)])
    assert report.results[0].status == "ingested", report.results[0].reason
    images = [c for c in stored_chunks(service) if c.modality == "image"]
    saved = [c for c in images if c.page == 2 and CAPTION_TWO in c.text]
    assert saved, [c.text[:80] for c in images]
    # The reading of each screenshot is long: it is cut in pieces, and only the first holds
    # the caption; the last holds the selected tool.
    last = [c for c in images if c.page == 2 and "Selected tool: lasso" in c.text]
    assert last and all(CAPTION_TWO not in c.text for c in last)
    answer = service.ask("In Figure 2 saving a drawing, which tool is selected?", top_k=3)
    assert any(e.chunk.chunk_index == last[0].chunk_index for e in answer.evidence[:3]), [
        e.chunk.text[:60] for e in answer.evidence
    ]
    assert "lasso" in answer.text, answer.text


def test_the_announced_screenshot_is_found_by_the_announcing_sentence(make_service, tmp_path):
    service = make_service(describer=ImageDescriber(FakeOcr("\n".join(MENU)), FakeLabeler()))
    service.ingest([write(tmp_path)])
    [shot] = [c for c in stored_chunks(service) if c.modality == "image" and c.page == 1]
    assert INTRO in shot.text and "Quit Quokka" in shot.text
    answer = service.ask(
        "In the screen dump of the Quokka editor's main window, which menu item exports a PNG?"
    )
    assert "Export as PNG" in answer.text, answer.text


# Real OCR ------------------------------------------------------------------------------------


@pytest.mark.models
def test_the_text_of_a_screenshot_in_a_pdf_is_read_and_answered(tmp_path):
    from rag.service import RagService
    from rag.settings import Settings

    settings = Settings(data_dir=tmp_path / "data", torch_threads=1, ingest_workers=1)
    with RagService(settings) as service:
        engine = service.describer().ocr.engine
        calls = {"auto_text_det": 0, "text_rec": 0}
        for name in calls:
            step = getattr(engine, name)

            def counting(*args, _step=step, _name=name, **kwargs):
                calls[_name] += 1
                return _step(*args, **kwargs)

            setattr(engine, name, counting)
        report = service.ingest([write(tmp_path)])
        assert report.results[0].status == "ingested", report.results[0].reason
        # All four pictures go through text detection; the three screenshots are read, the
        # picture with no text stops there.
        assert calls == {"auto_text_det": 4, "text_rec": 3}, calls
        images = [c for c in stored_chunks(service) if c.modality == "image"]
        sky_chunks = [c for c in images if c.page == 2 and "Text in the image" not in c.text]
        assert sky_chunks, [c.text for c in images]
        menu = "\n".join(c.text for c in images if c.page == 1)
        assert "Export as PNG" in menu and INTRO in menu, menu
        # What only the screenshot shows is answered from it.
        answer = service.ask(
            "In the screen dump of the Quokka editor's main window, what grid spacing is set?"
        )
        assert "spacing:12mm" in answer.text.replace(" ", ""), answer.text  # OCR drops spaces
        assert any(s.modality == "image" and s.page == 1 for s in answer.sources), answer.sources
        # The dialog of Figure 2 (a) is found by the caption it shares with (b).
        saved = service.ask("In Figure 2, what file name was typed into the Save as dialog?")
        found = [e.chunk for e in saved.evidence[:3] if e.chunk.modality == "image"]
        assert any("harbour.qk" in c.text and "Save as" in c.text for c in found), found


def test_the_second_of_two_parts_side_by_side_shares_their_caption_not_the_one_above():
    from ingest.loaders.pdf_figures import Caption, Placed, attach_captions

    # A page with Figure 1's caption above two drawings side by side, and Figure 2's caption
    # under them that only the left one overlaps across: the right one is Figure 2's too.
    left, right = Placed((100.0, 300.0, 280.0, 440.0)), Placed((320.0, 300.0, 500.0, 440.0))
    first = Caption("Figure 1: Frequency distribution.", (100.0, 462.0, 500.0, 472.0), True)
    second = Caption("Figure 2: Bivariate displays.", (110.0, 280.0, 300.0, 290.0), True)
    attach_captions([left, right], [first, second], page_height=792.0)
    assert (left.caption, right.caption) == (second.text, second.text)
