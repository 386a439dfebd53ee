"""The files kept beside the index: the one place that names them.

A kept file is named by the content hash of the document it came from, so one content version's
files share a prefix and go together when that version is replaced or deleted:

- ``{sha256}.pdf``: the copy of a PDF (its pages are rendered for previews and for VLMs);
- ``{sha256}{suffix}``: an image file ingested as a document of its own;
- ``{sha256}-{name}.png``: a picture taken from a page of a PDF.

Chunks and document records store the names relative to the data directory (``blobs/...``).
"""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image

from rag.settings import Settings

SHA256_HEX = 64
KEPT_NAME = re.compile(r"[0-9a-f]{64}([.-]|$)")  # what this module writes; nothing else is ours


class BlobStore:
    def __init__(self, data_dir: Path, folder: Path) -> None:
        self.data_dir = data_dir  # what stored names are relative to
        self.folder = folder

    @classmethod
    def of(cls, settings: Settings) -> BlobStore:
        return cls(settings.data_dir, settings.blobs_dir)

    # Where ------------------------------------------------------------------------------------

    def path(self, name: str) -> Path:
        """The file of a stored name (``Chunk.image``, ``DocumentRecord.blob``)."""
        return self.data_dir / name

    def pdf(self, sha256: str) -> Path:
        """The kept copy of a PDF, by its content hash (it may not exist)."""
        return self.folder / f"{sha256}.pdf"

    # Keep -------------------------------------------------------------------------------------

    def keep_pdf(self, sha256: str, data: bytes) -> str:
        return self._write(self.pdf(sha256), data)

    def keep_image(self, sha256: str, suffix: str, data: bytes) -> str:
        """An image document's own file, written once (its bytes are its name)."""
        target = self.folder / f"{sha256}{suffix.lower()}"
        if target.exists():
            return self._name(target)
        return self._write(target, data)

    def keep_page_picture(self, sha256: str, name: str, image: Image.Image) -> str:
        """A picture taken from a page, as PNG."""
        target = self.folder / f"{sha256}-{name}.png"
        self.folder.mkdir(parents=True, exist_ok=True)
        image.save(target, format="PNG")
        return self._name(target)

    # Forget -----------------------------------------------------------------------------------

    def remove(self, sha256: str) -> None:
        """Delete every kept file of one content version."""
        if self.folder.is_dir():
            for kept in self.folder.glob(f"{sha256}*"):
                kept.unlink(missing_ok=True)

    def versions(self) -> set[str]:
        """The content hashes that have kept files: compare with the documents to clean up."""
        if not self.folder.is_dir():
            return set()
        return {
            p.name[:SHA256_HEX]
            for p in self.folder.iterdir()
            if p.is_file() and KEPT_NAME.match(p.name)
        }

    def collect(self, live: set[str]) -> list[str]:
        """Delete the kept files of every content version not in ``live`` (what an ingest
        killed before its document record left behind); returns the versions removed."""
        orphans = sorted(self.versions() - live)
        for sha256 in orphans:
            self.remove(sha256)
        return orphans

    def _write(self, target: Path, data: bytes) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return self._name(target)

    def _name(self, target: Path) -> str:
        return target.relative_to(self.data_dir).as_posix()
