"""Documents: upload, list, delete, and the previews citations link to."""

from __future__ import annotations

import io
import re
import threading

from flask import Blueprint, current_app, jsonify, request, send_file, send_from_directory
from werkzeug.exceptions import BadRequest, NotFound

from rag.errors import DocumentNotFoundError
from server.auth import protect
from server.context import rag
from server.uploads import UploadResult, Uploads

documents = protect(Blueprint("documents", __name__))

# When every file of an upload failed, the request failed: its status says how.
FAILURE_STATUS = {"FileTooLargeError": 413, "UnsupportedFileError": 415}
BLOB_NAME = re.compile(r"^[0-9a-f]{64}(-[\w.-]+)?\.(png|jpe?g|webp|gif|bmp|tiff?)$", re.I)
PREVIEW_DPI = 110
# pdfium is not thread-safe: one render at a time.
_render_lock = threading.Lock()


def uploads() -> Uploads:
    return current_app.extensions["uploads"]


@documents.post("/api/documents")
def upload():
    files = [f for f in request.files.getlist("files") if f]
    if not files:
        raise BadRequest(
            "send the files as multipart/form-data in the field 'files', "
            "e.g. curl -F files=@report.pdf"
        )
    results = uploads().ingest(files)
    for r in results:
        current_app.extensions["metrics"].count_upload(r.status, r.chunks)
    failed = [r for r in results if r.status == "failed"]
    body = {
        "results": [r.to_dict() for r in results],
        "ingested": sum(r.status in ("ingested", "replaced") for r in results),
        "failed": len(failed),
    }
    if failed and len(failed) == len(results):
        return jsonify(body | {"error": _failure(failed)}), _status(failed[0])
    return jsonify(body)


def _failure(failed: list[UploadResult]) -> dict:
    message = "; ".join(f"{r.file}: {r.reason}" for r in failed)
    return {"message": message, "type": failed[0].error or "IngestError"}


def _status(result: UploadResult) -> int:
    return FAILURE_STATUS.get(result.error or "", 400)


@documents.get("/api/documents")
def list_documents():
    return jsonify({"documents": [d.__dict__ for d in rag().documents()]})


@documents.delete("/api/documents/<doc_id>")
def delete_document(doc_id: str):
    record = rag().store.find_document(doc_id)
    if record is None or record.doc_id != doc_id:
        raise DocumentNotFoundError(
            f"no document with id {doc_id!r}: GET /api/documents lists them"
        )
    with uploads().lock:
        rag().delete(doc_id)
    uploads().forget(record.path)
    return jsonify({"deleted": record.__dict__})


@documents.get("/api/documents/<doc_id>/pages/<int:page>")
def page_preview(doc_id: str, page: int):
    """A PDF page as PNG, rendered from the copy kept at ingest."""
    from rag.generators.prompting import render_page

    record = rag().store.find_document(doc_id)
    if record is None or record.doc_id != doc_id:
        raise NotFound(f"no document with id {doc_id!r}")
    pdf = rag().index.blobs.pdf(record.sha256)
    if record.kind != "pdf" or not pdf.is_file():
        raise NotFound(f"{record.file} has no pages to preview")
    if not 1 <= page <= (record.pages or 0):
        raise NotFound(f"{record.file} has pages 1 to {record.pages}, not {page}")
    with _render_lock:
        image = render_page(pdf, page, dpi=PREVIEW_DPI, max_pixels=rag().settings.max_render_pixels)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    buffer.seek(0)
    response = send_file(buffer, mimetype="image/png", max_age=3600)
    # The content hash names the version: a re-ingested document gets a new ETag.
    response.set_etag(f"{record.sha256}-{page}")
    return response.make_conditional(request)


@documents.get("/api/blobs/<name>")
def blob(name: str):
    """A kept picture (an ingested image or one taken from a PDF page)."""
    if not BLOB_NAME.match(name):
        raise NotFound(f"no picture named {name!r}")
    return send_from_directory(rag().index.blobs.folder, name, max_age=86400)
