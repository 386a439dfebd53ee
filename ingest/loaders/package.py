"""Office and e-book packages (DOCX, PPTX, XLSX, ODT, ODS, EPUB): zip files, opened with care.

Every check runs on the zip's central directory, before a part is unpacked:

- a password-protected OOXML file is no zip but an OLE (CFB) container holding an
  ``EncryptionInfo`` stream; an OLE file without one is a legacy .doc/.xls/.ppt;
- an OpenDocument or EPUB package marks encrypted parts in its manifest;
- the sizes the directory declares bound what unpacking can produce (zipfile stops at the
  declared size and fails the CRC check beyond it), so a zip bomb is refused from its sum;
- the parts that say what the package is must be there: a spreadsheet named .docx, or any
  other zip under an Office name, is mislabelled.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from rag.errors import (
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    UnsupportedFileError,
)

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The stream an encrypted OOXML file keeps its key data in; CFB names are UTF-16LE.
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
# Below this total a high ratio is harmless: a sparse sheet compresses very well.
RATIO_FLOOR_BYTES = 10 * 1024 * 1024

# The part (or mimetype) each kind of package is recognised by.
_MARKERS = {
    "docx": "word/document.xml",
    "pptx": "ppt/presentation.xml",
    "xlsx": "xl/workbook.xml",
}
_MIMETYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "epub": "application/epub+zip",
}
_DESCRIBED = {
    "docx": "a Word document (.docx)",
    "pptx": "a PowerPoint presentation (.pptx)",
    "xlsx": "an Excel workbook (.xlsx)",
    "odt": "an OpenDocument text (.odt)",
    "ods": "an OpenDocument spreadsheet (.ods)",
    "epub": "an EPUB e-book (.epub)",
}
PACKAGE_KINDS = frozenset(_DESCRIBED)


@dataclass(frozen=True)
class PackageLimits:
    max_unpacked_bytes: int
    max_ratio: float
    max_pages: int  # slides, sheets or sections (RAG_MAX_PAGES)
    max_image_pixels: int


def open_package(path: Path, data: bytes, kind: str, limits: PackageLimits) -> zipfile.ZipFile:
    """The package as a zip, checked: raises an ``IngestError`` saying what is wrong."""
    name = str(path)
    if data.startswith(OLE_SIGNATURE):
        if _ENCRYPTION_INFO in data:
            raise EncryptedFileError(
                name,
                f"password-protected {path.suffix} file: open it and save a copy without a password",
            )
        raise UnsupportedFileError(
            name,
            f"mislabelled: named {path.suffix} but the content is a legacy binary Office file "
            "(.doc, .xls or .ppt); save it in the newer format",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise CorruptFileError(
            name, f"truncated or damaged {path.suffix} file (not a readable zip: {exc})"
        ) from exc
    unpacked = sum(m.file_size for m in members)
    ratio = unpacked / max(1, len(data))
    if unpacked > limits.max_unpacked_bytes:
        raise FileTooLargeError(
            name,
            f"zip bomb refused: unpacks to {unpacked / 1048576:.0f} MB, over the limit of "
            f"{limits.max_unpacked_bytes / 1048576:g} MB (RAG_MAX_UNPACKED_MB)",
        )
    if unpacked > RATIO_FLOOR_BYTES and ratio > limits.max_ratio:
        raise FileTooLargeError(
            name,
            f"zip bomb refused: unpacks to {ratio:.0f} times its size, over the limit of "
            f"{limits.max_ratio:g} (RAG_MAX_UNPACK_RATIO)",
        )
    actual = package_kind(archive)
    if actual != kind:
        what = _DESCRIBED.get(actual or "", "a zip archive of some other kind")
        raise UnsupportedFileError(
            name,
            f"mislabelled: named {path.suffix} but the content is {what}; "
            "rename it to match its content",
        )
    if kind in ("odt", "ods", "epub") and _encrypted_parts(archive, kind):
        raise EncryptedFileError(
            name,
            f"encrypted {path.suffix} file (password or DRM): save or export an unprotected copy",
        )
    return archive


def package_kind(archive: zipfile.ZipFile) -> str | None:
    names = set(archive.namelist())
    for kind, marker in _MARKERS.items():
        if marker in names:
            return kind
    if "mimetype" in names:
        mimetype = read_part(archive, "mimetype", limit=200).decode("ascii", "replace").strip()
        for kind, expected in _MIMETYPES.items():
            if mimetype == expected:
                return kind
    return None


def _encrypted_parts(archive: zipfile.ZipFile, kind: str) -> bool:
    names = set(archive.namelist())
    if kind == "epub":
        if "META-INF/encryption.xml" not in names:
            return False
        listing = read_part(archive, "META-INF/encryption.xml").decode("utf-8", "replace")
        # Fonts are often obfuscated (IDPF/Adobe font mangling); that hides no text.
        uris = re.findall(r"CipherReference[^>]*URI=\"([^\"]+)\"", listing)
        fonts = (".ttf", ".otf", ".woff", ".woff2")
        return any(not uri.lower().endswith(fonts) for uri in uris)
    if "META-INF/manifest.xml" not in names:
        return False
    return b"encryption-data" in read_part(archive, "META-INF/manifest.xml")


def read_part(archive: zipfile.ZipFile, member: str, *, limit: int | None = None) -> bytes:
    """One part's bytes (its declared size was already checked against the limits)."""
    with archive.open(member) as fh:
        return fh.read() if limit is None else fh.read(limit)


def part_relations(archive: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """(id, type, target part) of each relationship of an OOXML ``part``, in file order."""
    from xml.etree import ElementTree

    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{base}.rels")
    if rels not in archive.namelist():
        return []
    out = []
    for rel in ElementTree.fromstring(read_part(archive, rels)):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue  # a link to outside the file: never fetched
        # A target is relative to the part's folder, or absolute from the package root.
        path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        out.append((rel.get("Id", ""), rel.get("Type", ""), posixpath.normpath(path)))
    return out


# Pictures smaller than this (either side, pixels) are bullets, rules and icons, as in PDFs.
MIN_PICTURE_SIDE = 64


def open_picture(blob: bytes, max_pixels: int) -> Image.Image | None:
    """A picture from a package as RGB, or None for one that is tiny, huge or unreadable
    (EMF and WMF drawings, damaged parts): one picture lost never fails the document."""
    try:
        image = Image.open(io.BytesIO(blob))
        width, height = image.size
        if width * height > max_pixels or min(width, height) < MIN_PICTURE_SIDE:
            return None
        image.seek(0)
        image.load()
        return image.convert("RGB")
    except Exception:
        return None
