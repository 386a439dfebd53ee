"""Highlighting a cited passage on a PDF page: the boxes (rag.highlight) and their route."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from conftest import PdfPage, picture, write_pdf
from pypdf import PdfReader, PdfWriter

from rag.highlight import MAX_QUOTE_CHARS, find_passage, read_page
from server import create_app

# build_pdf draws 12 pt Helvetica lines 16 pt apart from (72, 740) on a 612 x 792 pt page.
LINES = [
    "Descale the espresso machine every 8 weeks with citric acid.",
    "Rinse the water tank twice before brewing again.",
    "The warranty does not cover damage from hard water.",
]
WIDTH, HEIGHT = 612.0, 792.0


@pytest.fixture
def manual(tmp_path):
    return write_pdf(tmp_path / "manual.pdf", [["Chapter one."], LINES])


def test_a_quote_on_one_line_gets_one_box_where_the_words_are(manual):
    boxes = find_passage(manual, 2, "the espresso machine every 8 weeks")
    assert len(boxes) == 1
    box = boxes[0]
    assert 72 / WIDTH < box.left < 0.25 < box.left + box.width < 0.6
    # The first line's baseline is 740 pt up: the box straddles it.
    assert box.top < (HEIGHT - 740) / HEIGHT < box.top + box.height
    assert 10 / HEIGHT < box.height < 16 / HEIGHT


def test_a_quote_over_two_lines_gets_a_box_per_line(manual):
    boxes = find_passage(manual, 2, "with citric acid. Rinse the water tank")
    assert len(boxes) == 2
    first, second = boxes
    assert first.top < second.top and first.left > second.left
    assert second.left == pytest.approx(72 / WIDTH, abs=0.002)  # a line's start
    assert second.top - first.top == pytest.approx(16 / HEIGHT, abs=0.002)


def test_the_quote_is_matched_by_words_not_by_spacing_or_case(manual):
    exact = find_passage(manual, 2, "Rinse the water tank twice before brewing again.")
    tidied = find_passage(manual, 2, "…RINSE   the water-tank\ntwice before brewing again")
    assert exact and tidied == exact


def test_a_passage_with_words_the_page_lacks_is_still_found(manual):
    # The chunk's text can differ from the page's (a header dropped, a word fixed by OCR).
    boxes = find_passage(
        manual, 2, "Descale the espresso machine every eight weeks with citric acid. Rinse the"
    )
    assert len(boxes) == 2 and boxes[0].left == pytest.approx(72 / WIDTH, abs=0.002)


def test_text_that_is_not_on_the_page_gets_no_boxes(manual, tmp_path):
    assert find_passage(manual, 2, "The boiler holds 1.8 litres of water.") == []
    # A few common words scattered over the page are chance, not the passage.
    assert find_passage(manual, 2, "the water of the tank") == []
    assert find_passage(manual, 1, LINES[0]) == []  # another page
    assert find_passage(manual, 2, "… ,;") == []  # no words at all
    only_a_picture = write_pdf(tmp_path / "scan.pdf", [PdfPage(image=picture())])
    assert find_passage(only_a_picture, 1, LINES[0]) == []


def dark_pixels(image) -> list[tuple[int, int]]:
    grey = image.convert("L")
    w, h = grey.size
    data = grey.tobytes()
    return [(i % w, i // w) for i, value in enumerate(data) if value < 128]


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_boxes_cover_the_text_in_the_rendered_page(tmp_path, rotation):
    line = "Rinse the water tank twice before brewing again."
    pdf = write_pdf(tmp_path / "one-line.pdf", [[line]])
    if rotation:
        writer = PdfWriter()
        for page in PdfReader(pdf).pages:
            writer.add_page(page).rotate(rotation)
        pdf = tmp_path / f"rotated-{rotation}.pdf"
        with pdf.open("wb") as out:
            writer.write(out)
    (box,) = find_passage(pdf, 1, line)
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=2).to_pil()
    finally:
        document.close()
    w, h = image.size
    left, top = box.left * w - 1, box.top * h - 1
    right, bottom = (box.left + box.width) * w + 1, (box.top + box.height) * h + 1
    ink = dark_pixels(image)
    inside = [(x, y) for x, y in ink if left <= x <= right and top <= y <= bottom]
    # The line's ink is under its box (a descender may poke out by a pixel), and the box is
    # about as big as the line.
    assert len(ink) > 500 and len(inside) >= 0.99 * len(ink)
    ink_x, ink_y = [x for x, _ in ink], [y for _, y in ink]
    assert right - left < 1.2 * (max(ink_x) - min(ink_x)) + 6
    assert bottom - top < 1.6 * (max(ink_y) - min(ink_y)) + 6
    if rotation in (90, 270):
        assert box.height > box.width  # the line runs down the turned page
    else:
        assert box.width > box.height


def test_page_text_is_read_once_per_file_version(manual):
    assert read_page(manual, 2) is read_page(manual, 2)
    before = read_page(manual, 2)
    write_pdf(manual, [["Chapter one."], ["A different second page altogether, longer now."]])
    after = read_page(manual, 2)
    assert after is not before and "different" in after.words


# The route ------------------------------------------------------------------------------------


@pytest.fixture
def client(settings, service, tmp_path):
    app = create_app(settings, rag=service)
    app.testing = True
    client = app.test_client()
    pdf = write_pdf(tmp_path / "src.pdf", [["Chapter one."], LINES]).read_bytes()
    files = [(io.BytesIO(pdf), "manual.pdf"), (io.BytesIO(b"The warranty lasts."), "faq.txt")]
    response = client.post(
        "/api/documents", data={"files": files}, content_type="multipart/form-data"
    )
    assert response.status_code == 200, response.get_json()
    return client


def documents(client) -> dict[str, str]:
    return {d["file"]: d["doc_id"] for d in client.get("/api/documents").get_json()["documents"]}


def error_of(response, status: int) -> str:
    assert response.status_code == status, response.get_data(as_text=True)
    return response.get_json()["error"]["message"]


def test_the_route_gives_boxes_for_a_cited_snippet(client):
    answer = client.post("/api/ask", json={"question": "What descales the machine?"}).get_json()
    source = answer["sources"][0]
    assert source["file"] == "manual.pdf" and source["page"] == 2
    url = f"/api/documents/{source['doc_id']}/pages/2/highlights"
    body = client.get(url, query_string={"quote": source["snippet"].strip("…")}).get_json()
    assert body["doc_id"] == source["doc_id"] and body["page"] == 2
    assert len(body["boxes"]) == len(LINES)  # the snippet is the whole (short) page
    for box in body["boxes"]:
        assert set(box) == {"left", "top", "width", "height"}
        assert all(0 <= value <= 1 for value in box.values())
    nowhere = client.get(url, query_string={"quote": "Nothing like this is on the page."})
    assert nowhere.status_code == 200 and nowhere.get_json()["boxes"] == []


def test_the_route_refuses_bad_requests(client):
    ids = documents(client)
    url = f"/api/documents/{ids['manual.pdf']}/pages/2/highlights"
    assert "?quote=" in error_of(client.get(url), 400)
    assert "?quote=" in error_of(client.get(url, query_string={"quote": "   "}), 400)
    too_long = "word " * (MAX_QUOTE_CHARS // 5 + 1)
    message = error_of(client.get(url, query_string={"quote": too_long}), 400)
    assert f"at most {MAX_QUOTE_CHARS}" in message
    quote = {"quote": "citric acid"}
    assert "pages 1 to 2" in error_of(
        client.get(f"/api/documents/{ids['manual.pdf']}/pages/3/highlights", query_string=quote),
        404,
    )
    assert "no pages" in error_of(
        client.get(f"/api/documents/{ids['faq.txt']}/pages/1/highlights", query_string=quote),
        404,
    )
    assert "no document" in error_of(
        client.get("/api/documents/0000000000000000/pages/1/highlights", query_string=quote),
        404,
    )


def test_the_route_needs_the_api_key(make_settings, service):
    client = create_app(make_settings(api_keys=["secret-key"]), rag=service).test_client()
    error_of(client.get("/api/documents/0000/pages/1/highlights?quote=x"), 401)
