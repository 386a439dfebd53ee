"""Ingest with fake models: real files built in tmp_path, the real loaders, chunker and store."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pypdf
import pytest
from conftest import (
    FAKE_LABELS,
    FAKE_OCR_TEXT,
    FakeOcr,
    PdfPage,
    build_pdf,
    picture,
    save_image,
    stored_chunks,
    write_pdf,
)
from PIL import Image

from ingest.vision.describe import ImageDescriber
from rag.errors import DocumentNotFoundError

LONG_PAGE_1 = [
    f"Line {i} of the airship report explains how the hangar crew inspected gas cell {i}."
    for i in range(1, 13)
]
LONG_PAGE_2 = [
    f"Observation {i}: the mooring mast held the ship steady in winds of {10 + i} knots."
    for i in range(1, 11)
] + ["The figure below shows the mooring mast."]


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]


def by_status(report) -> dict[str, str]:
    return {Path(r.path).name: r.status for r in report.results}


def result_for(report, name: str):
    matches = [r for r in report.results if Path(r.path).name == name]
    assert len(matches) == 1, f"{name} not in the report: {[r.path for r in report.results]}"
    return matches[0]


@pytest.fixture
def small_chunks(make_settings, make_service):
    """A service whose chunks are small, so one page yields several chunks."""
    return make_service(settings_=make_settings(chunk_size=200, chunk_overlap=40))


# Building blocks --------------------------------------------------------------------------------


def test_hand_built_pdf_is_readable_by_pypdf(tmp_path):
    path = write_pdf(
        tmp_path / "t.pdf", [["Hello (brackets) world."], PdfPage(["Second."], image=picture())]
    )
    texts = page_texts(path)
    assert texts[0].strip() == "Hello (brackets) world."
    assert texts[1].strip() == "Second."
    images = list(pypdf.PdfReader(path).pages[1].images)
    assert len(images) == 1 and images[0].image.size == (160, 120)


# PDFs -------------------------------------------------------------------------------------------


def test_pdf_chunks_carry_pages_and_offsets(small_chunks, tmp_path):
    path = write_pdf(tmp_path / "report.pdf", [LONG_PAGE_1, LONG_PAGE_2])
    report = small_chunks.ingest([path])
    result = result_for(report, "report.pdf")
    assert result.status == "ingested", result.reason
    assert (result.kind, result.pages, result.images) == ("pdf", 2, 0)

    chunks = stored_chunks(small_chunks)
    assert len(chunks) == result.chunks == small_chunks.store.count()
    assert {c.page for c in chunks} == {1, 2}
    texts = page_texts(path)
    per_page = {1: 0, 2: 0}
    for chunk in chunks:
        assert chunk.modality == "text" and chunk.file == "report.pdf"
        assert 0 <= chunk.start < chunk.end <= len(texts[chunk.page - 1])
        assert texts[chunk.page - 1][chunk.start : chunk.end] == chunk.text
        assert len(chunk.text) <= 200
        per_page[chunk.page] += 1
    assert per_page[1] >= 3 and per_page[2] >= 3
    # chunk_index follows the document order: pages ascending
    ordered = sorted(chunks, key=lambda c: c.chunk_index)
    assert [c.chunk_index for c in ordered] == list(range(len(chunks)))
    assert [c.page for c in ordered] == sorted(c.page for c in ordered)
    # and the whole text of each page is covered
    assert "gas cell 12" in " ".join(c.text for c in chunks if c.page == 1)
    assert "mooring mast." in " ".join(c.text for c in chunks if c.page == 2)


def test_pdf_embedded_image_is_tied_to_its_page_and_kept(service, settings, fake_labeler, tmp_path):
    path = write_pdf(
        tmp_path / "figures.pdf",
        [
            ["Page one has only text about balloons."],
            PdfPage(["Page two holds a figure."], image=picture()),
        ],
    )
    report = service.ingest([path])
    result = result_for(report, "figures.pdf")
    assert result.status == "ingested", result.reason
    assert result.images == 1

    chunks = stored_chunks(service)
    images = [c for c in chunks if c.modality == "image"]
    assert len(images) == 1
    image = images[0]
    assert image.page == 2
    assert image.image is not None and image.image.startswith("blobs/")
    kept = settings.data_dir / image.image
    assert kept.is_file() and kept.parent == settings.blobs_dir
    with Image.open(kept) as shown:
        assert shown.size == (160, 120)
    # the description is what is indexed: labels and the text read in the picture
    assert FAKE_LABELS[0][0] in image.text
    assert FAKE_OCR_TEXT in image.text
    assert fake_labeler.calls == 1
    assert {c.page for c in chunks if c.modality == "text"} == {1, 2}
    # the original PDF is kept too
    record = service.documents()[0]
    assert record.blob and (settings.data_dir / record.blob).read_bytes() == path.read_bytes()


def test_small_pictures_are_not_indexed(service, tmp_path):
    path = write_pdf(
        tmp_path / "logo.pdf",
        [PdfPage(["A page with a tiny logo on it."], image=picture((32, 32)))],
    )
    result = result_for(service.ingest([path]), "logo.pdf")
    assert result.status == "ingested" and result.images == 0
    assert {c.modality for c in stored_chunks(service)} == {"text"}


def test_scanned_page_goes_to_ocr(service, fake_ocr, tmp_path):
    path = write_pdf(
        tmp_path / "mixed.pdf",
        [
            ["The first page has a real text layer about harbours."],
            PdfPage([], image=picture((400, 500))),
        ],
    )
    result = result_for(service.ingest([path]), "mixed.pdf")
    assert result.status == "ingested", result.reason
    chunks = stored_chunks(service)
    ocr_chunks = [c for c in chunks if FAKE_OCR_TEXT in c.text]
    assert len(ocr_chunks) == 1
    assert ocr_chunks[0].page == 2 and ocr_chunks[0].modality == "text"
    assert all(c.page == 1 for c in chunks if "harbours" in c.text)
    # the whole page was rendered for OCR (US letter at the default 150 dpi), not the picture
    assert any(abs(w - 1275) <= 2 and abs(h - 1650) <= 2 for w, h in fake_ocr.seen), fake_ocr.seen


def test_image_only_pdf_from_pillow_is_ocrd(service, tmp_path):
    path = tmp_path / "scan.pdf"
    picture((300, 400)).save(path, "PDF", resolution=72)
    result = result_for(service.ingest([path]), "scan.pdf")
    assert result.status == "ingested", result.reason
    assert result.pages == 1
    chunks = stored_chunks(service)
    texts = [(c.page, c.text) for c in chunks if c.modality == "text"]
    # Pillow gives the PDF a title and a date: the metadata card follows the page's text.
    assert texts[0] == (1, FAKE_OCR_TEXT) and texts[1][1].startswith("Document information")
    assert len(texts) == 2


def test_blank_pdf_with_no_ocr_text_fails_as_empty(make_service, fake_labeler, tmp_path):
    service = make_service(describer=ImageDescriber(FakeOcr(text=""), fake_labeler))
    path = write_pdf(tmp_path / "blank.pdf", [[]])
    result = result_for(service.ingest([path]), "blank.pdf")
    assert result.status == "failed"
    assert "no text" in result.reason
    assert service.store.count() == 0 and service.documents() == []


def test_pdf_encrypted_only_for_permissions_is_read(service, tmp_path):
    writer = pypdf.PdfWriter(
        clone_from=io.BytesIO(build_pdf([["Permissions-only encryption keeps this readable."]]))
    )
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    path = tmp_path / "perm.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    result = result_for(service.ingest([path]), "perm.pdf")
    assert result.status == "ingested", result.reason
    assert any("readable" in c.text for c in stored_chunks(service))


# Text and images --------------------------------------------------------------------------------


def test_text_markdown_and_html(service, tmp_path):
    txt = tmp_path / "plain.txt"
    txt.write_text("Plain text about lighthouses.\r\nThe keeper lit the lamp at dusk.\r\n")
    md = tmp_path / "notes.md"
    md_text = (
        "# Field notes\n\nThe otters were seen near the pier.\n\n## Later\n\nThey left at noon.\n"
    )
    md.write_text(md_text)
    html = tmp_path / "page.html"
    html.write_text(
        "<html><head><title>Garden page</title><style>.x{color:red}</style>"
        "<script>var secretScript = 1;</script></head>"
        "<body><h1>Tomatoes</h1><noscript>Please enable JavaScript.</noscript>"
        "<p>Water the tomatoes every morning.</p></body></html>"
    )
    report = service.ingest([txt, md, html])
    assert by_status(report) == {
        "plain.txt": "ingested",
        "notes.md": "ingested",
        "page.html": "ingested",
    }
    assert all(r.kind == "text" and r.pages == 0 for r in report.results)

    chunks = stored_chunks(service)
    by_file = {c.file: c for c in chunks}
    assert set(by_file) == {"plain.txt", "notes.md", "page.html"}
    assert all(c.page is None and c.modality == "text" for c in chunks)
    plain = txt.read_text().replace("\r\n", "\n")
    assert plain[by_file["plain.txt"].start : by_file["plain.txt"].end] == by_file["plain.txt"].text
    assert md_text[by_file["notes.md"].start : by_file["notes.md"].end] == by_file["notes.md"].text
    assert "\r" not in by_file["plain.txt"].text
    html_chunk = by_file["page.html"].text
    assert "Water the tomatoes every morning." in html_chunk
    assert (
        "secretScript" not in html_chunk
        and "enable JavaScript" not in html_chunk
        and "color:red" not in html_chunk
        and "<p>" not in html_chunk
    )


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("photo.png", "PNG"), ("photo.jpg", "JPEG"), ("anim.gif", "GIF"), ("shot.webp", "WEBP")],
)
def test_image_files_are_described_and_kept(service, settings, fake_ocr, tmp_path, name, fmt):
    path = save_image(picture((200, 150), seed=3), tmp_path / name, format=fmt)
    result = result_for(service.ingest([path]), name)
    assert result.status == "ingested", result.reason
    assert (result.kind, result.images, result.pages) == ("image", 1, 0)
    chunks = stored_chunks(service)
    assert len(chunks) == result.chunks >= 1
    assert {c.modality for c in chunks} == {"image"}
    assert all(c.page is None for c in chunks)
    joined = " ".join(c.text for c in chunks)
    assert "tabby cat" in joined and FAKE_OCR_TEXT in joined
    kept = settings.data_dir / chunks[0].image
    assert kept.parent == settings.blobs_dir
    assert kept.read_bytes() == path.read_bytes()
    assert fake_ocr.seen == [(200, 150)]


def test_folder_ingest_walks_recursively_and_skips_hidden_and_unknown(service, tmp_path):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("Alpha file about kites.")
    (root / "sub" / "b.md").write_text("Beta notes about gliders.")
    (root / ".hidden" / "c.txt").write_text("Hidden text.")
    (root / ".secret.txt").write_text("Dotfile text.")
    (root / "data.xyz").write_text("unknown type")
    report = service.ingest([root])
    statuses = by_status(report)
    assert statuses == {"a.txt": "ingested", "b.md": "ingested", "data.xyz": "skipped"}
    assert "unsupported file type '.xyz'" in result_for(report, "data.xyz").reason
    assert report.failed == 0 and report.ingested == 2 and report.skipped == 1
    assert {d.file for d in service.documents()} == {"a.txt", "b.md"}


# Re-ingest, replace, duplicates, delete ------------------------------------------------------------


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    write_pdf(root / "report.pdf", [LONG_PAGE_1, PdfPage(LONG_PAGE_2, image=picture())])
    (root / "notes.md").write_text("# Notes\n\nThe secret codeword is pineapple.\n")
    save_image(picture(seed=5), root / "photo.png")
    return root


@pytest.mark.parametrize("service", ["edge", "memory"], indirect=True)
def test_reingest_unchanged_writes_nothing(service, tmp_path):
    root = _corpus(tmp_path)
    first = service.ingest([root])
    assert first.failed == 0 and first.ingested == 3
    count = service.store.count()
    documents = service.documents()
    embedded = service.embedder.texts
    second = service.ingest([root])
    assert {r.status for r in second.results} == {"unchanged"}
    assert second.ingested == 0 and second.chunks == 0
    assert service.store.count() == count
    assert service.documents() == documents  # not even the timestamps are rewritten
    assert service.embedder.texts == embedded  # nothing was embedded again


@pytest.mark.parametrize("service", ["edge", "memory"], indirect=True)
def test_changed_file_replaces_old_chunks(service, tmp_path):
    root = _corpus(tmp_path)
    service.ingest([root])
    notes = root / "notes.md"
    before_total = service.store.count()
    old_notes = [c for c in stored_chunks(service) if c.file == "notes.md"]
    notes.write_text("# Notes\n\nThe secret codeword is mango.\nIt changed on Tuesday.\n")
    report = service.ingest([notes])
    result = result_for(report, "notes.md")
    assert result.status == "replaced", result.reason
    new_notes = [c for c in stored_chunks(service) if c.file == "notes.md"]
    assert len(new_notes) == result.chunks
    assert service.store.count() == before_total - len(old_notes) + len(new_notes)
    assert all("pineapple" not in c.text for c in stored_chunks(service))
    assert any("mango" in c.text for c in new_notes)
    from rag.sparse import Bm25Encoder

    leftovers = service.store.hybrid_query(
        dense=None, sparse=Bm25Encoder().query("pineapple"), limit=10, prefetch_limit=10, rrf_k=60
    )
    assert leftovers == []
    records = [d for d in service.documents() if d.file == "notes.md"]
    assert len(records) == 1 and records[0].sha256 == new_notes[0].sha256
    assert records[0].chunks == len(new_notes)
    answer = service.ask("What is the secret codeword?")
    assert not answer.abstained and "mango" in answer.text and "pineapple" not in answer.text


def test_duplicate_content_under_another_path(service, tmp_path):
    root = _corpus(tmp_path)
    service.ingest([root])
    count, documents = service.store.count(), service.documents()
    copy = tmp_path / "elsewhere" / "copy-of-notes.md"
    copy.parent.mkdir()
    shutil.copy(root / "notes.md", copy)
    result = result_for(service.ingest([copy]), "copy-of-notes.md")
    assert result.status == "duplicate"
    assert str((root / "notes.md").resolve()) in result.reason
    assert service.store.count() == count
    assert service.documents() == documents


@pytest.mark.parametrize("service", ["edge", "memory"], indirect=True)
def test_delete_removes_chunks_and_record(service, tmp_path):
    root = _corpus(tmp_path)
    service.ingest([root])
    total = service.store.count()
    notes_chunks = service.store.count({"doc_id": service.store.find_document("notes.md").doc_id})
    assert notes_chunks >= 1
    removed = service.delete("notes.md")
    assert removed.file == "notes.md"
    assert service.store.count() == total - notes_chunks
    assert "notes.md" not in {d.file for d in service.documents()}
    assert all(c.file != "notes.md" for c in stored_chunks(service))
    # by id and by path too
    pdf = service.store.find_document("report.pdf")
    assert service.delete(pdf.doc_id).doc_id == pdf.doc_id
    assert service.delete(str(root / "photo.png")).file == "photo.png"
    assert service.store.count() == 0 and service.documents() == []
    with pytest.raises(DocumentNotFoundError, match="rag list"):
        service.delete("notes.md")


def test_delete_unknown_document(service):
    with pytest.raises(DocumentNotFoundError) as info:
        service.delete("never-ingested.pdf")
    assert "never-ingested.pdf" in str(info.value)


def test_deleted_file_can_be_ingested_again(service, tmp_path):
    root = _corpus(tmp_path)
    service.ingest([root])
    count = service.store.count()
    service.delete("notes.md")
    result = result_for(service.ingest([root / "notes.md"]), "notes.md")
    assert result.status == "ingested"
    assert service.store.count() == count


# Bad input --------------------------------------------------------------------------------------


def _valid_pdf_bytes() -> bytes:
    return build_pdf([LONG_PAGE_1, LONG_PAGE_2])


def _encrypted_pdf(path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(_valid_pdf_bytes()))
    writer.encrypt(user_password="open-sesame", owner_password="owner", algorithm="AES-256")
    with path.open("wb") as fh:
        writer.write(fh)


def _truncated_jpeg(path: Path) -> None:
    buffer = io.BytesIO()
    picture((400, 300), seed=7).save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) // 2])


ELF = (
    b"\x7fELF\x02\x01\x01\x00"
    + b"\x00" * 8
    + b"\x02\x00\x3e\x00\x01\x00\x00\x00"
    + bytes(range(256)) * 4
)

BAD_FILES = {
    "truncated.pdf": (
        lambda p: p.write_bytes(_valid_pdf_bytes()[: int(len(_valid_pdf_bytes()) * 0.35)]),
        r"truncated",
    ),
    "empty.txt": (lambda p: p.write_bytes(b""), r"empty"),
    "empty.pdf": (lambda p: p.write_bytes(b""), r"empty"),
    "locked.pdf": (_encrypted_pdf, r"encrypted.*password"),
    "text.png": (
        lambda p: p.write_text("just some words, not a picture"),
        r"mislabelled.*\.png.*plain text",
    ),
    "program.pdf": (lambda p: p.write_bytes(ELF), r"mislabelled.*\.pdf.*binary"),
    "cut.jpg": (_truncated_jpeg, r"truncated"),
    "garbage.pdf": (
        lambda p: p.write_bytes(b"%PDF-1.7\n" + b"\x13\x37 not objects " * 50 + b"\n%%EOF\n"),
        r"damaged PDF",
    ),
    "letter.docx": (
        lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 100),
        r"damaged \.docx file \(not a readable zip",
    ),
    "letter.doc": (
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        r"unsupported file type '\.doc'",
    ),
    "no-such-file.txt": (lambda p: None, r"no such file"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_fails_clearly_and_batch_goes_on(service, tmp_path, name):
    root = _corpus(tmp_path)
    service.ingest([root])
    count, documents = service.store.count(), service.documents()

    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    make, reason = BAD_FILES[name]
    bad = bad_dir / name
    make(bad)
    good = bad_dir / "after.txt"
    good.write_text("A good file after the bad one, about tulips.")
    seen = []
    report = service.ingest([bad, good], on_result=seen.append)

    failed = result_for(report, name)
    assert failed.status == "failed"
    assert failed.reason
    import re

    assert re.search(reason, failed.reason, flags=re.IGNORECASE), failed.reason
    assert "Traceback" not in failed.reason
    assert result_for(report, "after.txt").status == "ingested"
    assert [r.status for r in seen] == ["failed", "ingested"]
    assert report.failed == 1 and report.ingested == 1
    # what was there is still there, once; only the good file was added
    added = result_for(report, "after.txt").chunks
    assert service.store.count() == count + added
    assert [d for d in service.documents() if d.file != "after.txt"] == documents
    assert name not in {d.file for d in service.documents()}


def test_all_bad_files_in_one_batch(service, tmp_path):
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    for name, (make, _) in BAD_FILES.items():
        make(bad_dir / name)
    explicit = sorted(bad_dir.iterdir())
    report = service.ingest(explicit)
    assert report.failed == len(explicit)
    assert service.store.count() == 0 and service.documents() == []


def test_failed_new_version_keeps_the_old_one(service, tmp_path):
    root = _corpus(tmp_path)
    service.ingest([root])
    count, documents = service.store.count(), service.documents()
    pdf = root / "report.pdf"
    data = pdf.read_bytes()
    pdf.write_bytes(data[: int(len(data) * 0.35)])
    result = result_for(service.ingest([pdf]), "report.pdf")
    assert result.status == "failed" and "truncated" in result.reason
    assert service.store.count() == count
    assert service.documents() == documents


def test_oversized_file_fails(make_settings, make_service, tmp_path):
    service = make_service(settings_=make_settings(max_file_mb=0.001))  # about 1 KB
    big = tmp_path / "big.txt"
    big.write_text("Too big to index. " * 200)
    small = tmp_path / "small.txt"
    small.write_text("Small enough, about violins.")
    report = service.ingest([big, small])
    failed = result_for(report, "big.txt")
    assert failed.status == "failed"
    assert "over the limit" in failed.reason and "RAG_MAX_FILE_MB" in failed.reason
    assert result_for(report, "small.txt").status == "ingested"
    assert {d.file for d in service.documents()} == {"small.txt"}


def test_image_over_the_pixel_limit_fails(make_settings, make_service, tmp_path):
    service = make_service(settings_=make_settings(max_image_pixels=10_000))
    path = save_image(picture((200, 150)), tmp_path / "wide.png")
    result = result_for(service.ingest([path]), "wide.png")
    assert result.status == "failed"
    assert "200x150" in result.reason and "RAG_MAX_IMAGE_PIXELS" in result.reason
    assert service.store.count() == 0


def test_pdf_over_the_page_limit_fails(make_settings, make_service, tmp_path):
    service = make_service(settings_=make_settings(max_pages=1))
    path = write_pdf(tmp_path / "two.pdf", [["Page one text here."], ["Page two text here."]])
    result = result_for(service.ingest([path]), "two.pdf")
    assert result.status == "failed"
    assert "2 pages" in result.reason and "RAG_MAX_PAGES" in result.reason


def test_unsupported_extension_named_explicitly_fails_but_skipped_in_folder(service, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    sheet = folder / "table.xls"
    sheet.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    (folder / "ok.txt").write_text("Readable text about canals.")
    explicit = result_for(service.ingest([sheet]), "table.xls")
    assert explicit.status == "failed" and "unsupported file type '.xls'" in explicit.reason
    walked = service.ingest([folder])
    assert by_status(walked) == {"table.xls": "skipped", "ok.txt": "ingested"}
    assert walked.failed == 0


# Regressions: cases that once went wrong ------------------------------------------------------


def test_file_changed_to_match_another_file_drops_its_old_version(service, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Version one of file A mentions kiwis.")
    b.write_text("File B is about lemons.")
    service.ingest([a, b])
    a.write_text(b.read_text())
    result = result_for(service.ingest([a]), "a.txt")
    assert result.status == "duplicate"
    assert all("kiwis" not in c.text for c in stored_chunks(service))


def test_utf16_text_file_is_ingested(service, tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_text("Walruses rest on the ice floes in spring.", encoding="utf-16")
    result = result_for(service.ingest([path]), "utf16.txt")
    assert result.status == "ingested", result.reason
    assert any("Walruses rest" in c.text for c in stored_chunks(service))


def test_text_mentioning_a_pdf_header_is_ingested(service, tmp_path):
    path = tmp_path / "pdf-notes.md"
    path.write_text(
        "# PDF notes\n\nEvery PDF file starts with a header such as %PDF-1.7 on line one.\n"
    )
    result = result_for(service.ingest([path]), "pdf-notes.md")
    assert result.status == "ingested", result.reason
