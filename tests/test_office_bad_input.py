"""Bad office and e-book files: each fails with one clear line, and nothing else is lost."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import stored_chunks
from office_files import PDF, built, password_protected, write_docx, write_pptx, zip_bomb

ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


def _legacy_ole(tmp_path: Path) -> bytes:
    """An OLE (CFB) container without an encryption stream, as a .doc or .xls is."""
    data = password_protected(tmp_path, "docx")
    return data.replace(ENCRYPTION_INFO, "DataStreamInfo".encode("utf-16-le"))


def _rezip(data: bytes, change: dict[str, bytes]) -> bytes:
    """The package with some parts replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, change.pop(item.filename, None) or source.read(item))
        for name, body in change.items():
            target.writestr(name, body)
    return out.getvalue()


def _odf_encrypted(tmp_path: Path) -> bytes:
    """An .odt whose manifest says its content is encrypted (as LibreOffice writes it)."""
    data = built(tmp_path, "odt")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = archive.read("META-INF/manifest.xml").decode()
    entry = re.search(r'<manifest:file-entry[^>]*full-path="content.xml"[^>]*/>', manifest)
    assert entry, manifest
    encrypted = entry.group(0)[:-2] + (
        '><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
        '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        'manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry>'
    )
    manifest = manifest.replace(entry.group(0), encrypted)
    return _rezip(data, {"META-INF/manifest.xml": manifest.encode()})


def _epub_drm(tmp_path: Path) -> bytes:
    listing = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:CipherData><enc:CipherReference URI="EPUB/text/two.xhtml"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )
    return _rezip(built(tmp_path, "epub"), {"META-INF/encryption.xml": listing.encode()})


def _half(tmp_path: Path, fmt: str) -> bytes:
    data = built(tmp_path, fmt)
    return data[: len(data) // 2]


def _bomb(tmp_path: Path, fmt: str, inside: str, megabytes: int) -> bytes:
    return zip_bomb(tmp_path / f"bomb.{fmt}.zip", inside, megabytes).read_bytes()


def _plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "Photos from the trip.")
    return out.getvalue()


# name: (bytes builder, what the one line must say, the error class)
BAD_FILES = {
    "cut.docx": (lambda t: _half(t, "docx"), r"damaged \.docx file", "CorruptFileError"),
    "cut.pptx": (lambda t: _half(t, "pptx"), r"damaged \.pptx file", "CorruptFileError"),
    "cut.xlsx": (lambda t: _half(t, "xlsx"), r"damaged \.xlsx file", "CorruptFileError"),
    "cut.epub": (lambda t: _half(t, "epub"), r"damaged \.epub file", "CorruptFileError"),
    "cut.odt": (lambda t: _half(t, "odt"), r"damaged \.odt file", "CorruptFileError"),
    "garbled.docx": (
        lambda t: _rezip(built(t, "docx"), {"word/document.xml": b"<w:document><w:body"}),
        r"damaged \.docx file",
        "CorruptFileError",
    ),
    "garbled.xlsx": (
        lambda t: _rezip(built(t, "xlsx"), {"xl/workbook.xml": b"not xml at all"}),
        r"damaged \.xlsx file",
        "CorruptFileError",
    ),
    "locked.docx": (
        lambda t: password_protected(t, "docx"),
        r"password-protected \.docx",
        "EncryptedFileError",
    ),
    "locked.xlsx": (
        lambda t: password_protected(t, "xlsx"),
        r"password-protected \.xlsx",
        "EncryptedFileError",
    ),
    "locked.pptx": (
        lambda t: password_protected(t, "pptx"),
        r"password-protected \.pptx",
        "EncryptedFileError",
    ),
    "locked.odt": (_odf_encrypted, r"encrypted \.odt", "EncryptedFileError"),
    "drm.epub": (_epub_drm, r"encrypted \.epub", "EncryptedFileError"),
    "report.docx": (lambda t: PDF, r"mislabelled.*\.docx.*a PDF", "UnsupportedFileError"),
    "notes.xlsx": (
        lambda t: b"just some words, not a workbook",
        r"mislabelled.*\.xlsx.*plain text",
        "UnsupportedFileError",
    ),
    "deck-really.docx": (
        lambda t: built(t, "pptx"),
        r"mislabelled.*\.docx.*PowerPoint presentation",
        "UnsupportedFileError",
    ),
    "archive.pptx": (
        lambda t: _plain_zip(),
        r"mislabelled.*\.pptx.*zip archive",
        "UnsupportedFileError",
    ),
    "legacy.xlsx": (
        _legacy_ole,
        r"mislabelled.*\.xlsx.*legacy binary Office",
        "UnsupportedFileError",
    ),
    "table.csv": (
        lambda t: b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
        r"mislabelled.*\.csv.*binary",
        "UnsupportedFileError",
    ),
    "ebook.epub": (lambda t: PDF, r"mislabelled.*\.epub.*a PDF", "UnsupportedFileError"),
    # Over RAG_MAX_UNPACK_RATIO (200) although under RAG_MAX_UNPACKED_MB (500).
    "bomb.docx": (
        lambda t: _bomb(t, "docx", "word/document.xml", 40),
        r"zip bomb.*times its size.*RAG_MAX_UNPACK_RATIO",
        "FileTooLargeError",
    ),
    "empty.docx": (
        lambda t: _rezip(
            built(t, "docx"),
            {
                "word/document.xml": b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body/></w:document>'
            },
        ),
        r"no text or pictures",
        "EmptyFileError",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_office_file_fails_clearly_and_batch_goes_on(service, tmp_path, name):
    good_before = write_docx(tmp_path / "kept.docx")
    service.ingest([good_before])
    count, documents = service.store.count(), service.documents()

    build, reason, error = BAD_FILES[name]
    bad = tmp_path / "bad" / name
    bad.parent.mkdir()
    bad.write_bytes(build(tmp_path))
    after = write_pptx(tmp_path / "after.pptx")
    report = service.ingest([bad, after])

    failed, ingested = report.results
    assert failed.status == "failed" and failed.error == error, failed
    assert re.search(reason, failed.reason), failed.reason
    assert "\n" not in failed.reason and "Traceback" not in failed.reason
    assert ingested.status == "ingested", ingested.reason
    assert service.store.count() == count + ingested.chunks
    assert [d for d in service.documents() if d.file != "after.pptx"] == documents
    assert name not in {c.file for c in stored_chunks(service)}


def test_zip_bomb_over_the_unpacked_limit(make_settings, make_service, tmp_path):
    service = make_service(settings_=make_settings(max_unpacked_mb=5))
    bomb = tmp_path / "big.xlsx"
    bomb.write_bytes(_rezip(built(tmp_path, "xlsx"), {"xl/media/filler.bin": b"\0" * (8 << 20)}))
    (result,) = service.ingest([bomb]).results
    assert result.status == "failed" and result.error == "FileTooLargeError"
    assert "unpacks to 8 MB" in result.reason and "RAG_MAX_UNPACKED_MB" in result.reason


def test_more_slides_than_the_page_limit(make_settings, make_service, tmp_path):
    service = make_service(settings_=make_settings(max_pages=2))
    (result,) = service.ingest([write_pptx(tmp_path / "deck.pptx")]).results
    assert result.status == "failed"
    assert "3 slides" in result.reason and "RAG_MAX_PAGES" in result.reason


def test_a_broken_picture_is_left_out_not_the_document(service, tmp_path):
    data = built(tmp_path, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    broken = tmp_path / "broken-picture.docx"
    broken.write_bytes(_rezip(data, dict.fromkeys(media, b"\x89PNG\r\n\x1a\nbroken")))
    (result,) = service.ingest([broken]).results
    assert result.status == "ingested" and result.images == 0 and result.chunks > 0


def test_unsupported_office_neighbours_are_skipped_in_folders(service, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "old.doc").write_bytes(_legacy_ole(tmp_path))
    write_docx(folder / "new.docx")
    report = service.ingest([folder])
    statuses = {Path(r.path).name: r.status for r in report.results}
    assert statuses == {"old.doc": "skipped", "new.docx": "ingested"}
