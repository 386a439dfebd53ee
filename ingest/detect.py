"""What a file really is, from its content; the extension only has to agree."""

from __future__ import annotations

from pathlib import Path

from rag.errors import UnsupportedFileError

PDF_EXTENSIONS = {".pdf"}
IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff", ".bmp", ".gif"}
TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".rst", ".html", ".htm", ".xhtml"}
CSV_EXTENSIONS = {".csv"}
# Office and e-book files are zip packages; the kind names their loader.
PACKAGE_EXTENSIONS = {
    ".docx": "docx",
    ".pptx": "pptx",
    ".xlsx": "xlsx",
    ".odt": "odt",
    ".ods": "ods",
    ".epub": "epub",
}
SUPPORTED_EXTENSIONS = (
    PDF_EXTENSIONS | IMAGE_EXTENSIONS | TEXT_EXTENSIONS | CSV_EXTENSIONS | set(PACKAGE_EXTENSIONS)
)

_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)


def sniff(head: bytes) -> str:
    """Classify the first bytes of a file: ``pdf``, ``image``, ``zip``, ``ole``, ``text`` or
    ``binary``."""
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):  # a zip (or an empty one)
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # legacy Office, or password-protected OOXML
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text, NULs and all
        return "text"
    for signature, _ in _IMAGE_SIGNATURES:
        if head.startswith(signature):
            return "image"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if b"\x00" in head[:4096]:
        return "binary"
    return "text"


def expected_kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in PDF_EXTENSIONS:
        return "pdf"
    if suffix in IMAGE_EXTENSIONS:
        return "image"
    if suffix in TEXT_EXTENSIONS:
        return "text"
    if suffix in CSV_EXTENSIONS:
        return "csv"
    return PACKAGE_EXTENSIONS.get(suffix)


_NAMES = {
    "pdf": "a PDF",
    "image": "an image",
    "text": "plain text",
    "binary": "binary data",
    "zip": "a zip archive",
    "ole": "a legacy Office (OLE) file",
}


def _content_matches(claimed: str, actual: str) -> bool:
    if claimed == "csv":
        return actual == "text"
    if claimed in PACKAGE_EXTENSIONS.values():
        # An encrypted OOXML file is an OLE container: its loader says which it is.
        return actual == "zip" or (actual == "ole" and claimed in ("docx", "pptx", "xlsx"))
    return actual == claimed


def detect_kind(path: Path, head: bytes) -> str:
    """The loader to use for ``path``; raises when the type is unsupported or mislabelled."""
    claimed = expected_kind(path)
    if claimed is None:
        supported = " ".join(sorted(SUPPORTED_EXTENSIONS))
        raise UnsupportedFileError(
            str(path), f"unsupported file type '{path.suffix or '(none)'}' (supported: {supported})"
        )
    actual = sniff(head)
    if claimed == "pdf" and b"%PDF-" in head[:1024]:
        actual = "pdf"  # the format allows bytes before the header
    if not _content_matches(claimed, actual):
        raise UnsupportedFileError(
            str(path),
            f"mislabelled: named {path.suffix} but the content is {_NAMES[actual]}; "
            "rename it to match its content",
        )
    return claimed
