"""The loaders of office and e-book files, by the kind ``ingest.detect`` gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.document import LoadedDocument
from ingest.loaders.epub import load_epub
from ingest.loaders.office_docx import load_docx
from ingest.loaders.office_pptx import load_pptx
from ingest.loaders.opendocument import load_ods, load_odt
from ingest.loaders.package import PackageLimits
from ingest.loaders.sheets import load_xlsx

PACKAGE_LOADERS: dict[str, Callable[[Path, bytes, PackageLimits], LoadedDocument]] = {
    "docx": load_docx,
    "pptx": load_pptx,
    "xlsx": load_xlsx,
    "odt": load_odt,
    "ods": load_ods,
    "epub": load_epub,
}


def load_package(path: Path, kind: str, data: bytes, limits: PackageLimits) -> LoadedDocument:
    return PACKAGE_LOADERS[kind](path, data, limits)
