"""Documents: upload, list, delete, and the previews citations link to."""

from __future__ import annotations

import io
import re
import threading

from flask import Blueprint, current_app, jsonify, request, send_file, send_from_directory
from werkzeug.exceptions import BadRequest, NotFound

from rag.errors import DocumentNotFoundError
from rag.highlight import MAX_QUOTE_CHARS, find_passage
from rag.types import DocumentRecord
from server.access import readable, require_collection
from server.auth import protect
from server.collection_routes import may_see_blob, upload_collection
from server.context import rag
from server.errors import public
from server.uploads import UploadResult, Uploads

documents = protect(Blueprint("documents", __name__))

# When every file of an upload failed, the request failed: its status says how.
FAILURE_STATUS = {
    "FileTooLargeError": 413,
    "UnsupportedFileError": 415,
    "StoreUnavailableError": 503,
    "StoreLockedError": 503,
    "StorageError": 507,
}
BLOB_NAME = re.compile(r"^[0-9a-f]{64}(-[\w.-]+)?\.(png|jpe?g|webp|gif|bmp|tiff?)$", re.I)
PREVIEW_DPI = 110
# pdfium is not thread-safe: one render or text read at a time.
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
    collection = upload_collection(request.form.get("collection"))
    results = uploads().ingest(files, collection=collection)
    for r in results:
        current_app.extensions["metrics"].count_upload(r.status, r.chunks)
        r.reason = public(r.reason) if r.reason else r.reason
    failed = [r for r in results if r.status == "failed"]
    body = {
        "results": [r.to_dict() for r in results],
        "ingested": sum(r.status in ("ingested", "replaced") for r in results),
        "failed": len(failed),
        "collection": collection,
    }
    if failed and len(failed) == len(results):
        return jsonify(body | {"error": _failure(failed)}), _status(failed[0])
    return jsonify(body)


def _failure(failed: list[UploadResult]) -> dict:
    message = "; ".join(f"{r.file}: {r.reason}" for r in failed)
    return {"message": message, "type": failed[0].error or "IngestError"}


def _status(result: UploadResult) -> int:
    return FAILURE_STATUS.get(result.error or "", 400)


def document_json(record: DocumentRecord) -> dict:
    """A document as clients see it: its path relative to the data directory, or its name."""
    return record.__dict__ | {"path": current_app.extensions["paths"].path(record.path)}


@documents.get("/api/documents")
def list_documents():
    collections = readable()
    if (asked := request.args.get("collection")) is not None:
        collections = [require_collection(asked)]
    return jsonify({"documents": [document_json(d) for d in rag().documents(collections)]})


@documents.delete("/api/documents/<doc_id>")
def delete_document(doc_id: str):
    record = _record(doc_id)
    with uploads().deleting(record):
        # Looked up again under the locks: an upload of the same name may have replaced it.
        record = _record(doc_id)
        rag().delete(doc_id, readable())
        uploads().forget(record.path)
    return jsonify({"deleted": document_json(record)})


def _record(doc_id: str) -> DocumentRecord:
    record = rag().find(doc_id, readable())
    if record is None or record.doc_id != doc_id:
        raise DocumentNotFoundError(
            f"no document with id {doc_id!r}: GET /api/documents lists them"
        )
    return record


@documents.get("/api/documents/<doc_id>/pages/<int:page>")
def page_preview(doc_id: str, page: int):
    """A PDF page as PNG, rendered from the copy kept at ingest."""
    from rag.generators.prompting import render_page

    record, pdf = _pdf_page(doc_id, page)
    with _render_lock:
        image = render_page(pdf, page, dpi=PREVIEW_DPI, max_pixels=rag().settings.max_render_pixels)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    buffer.seek(0)
    response = send_file(buffer, mimetype="image/png", max_age=3600)
    # The content hash names the version: a re-ingested document gets a new ETag.
    response.set_etag(f"{record.sha256}-{page}")
    return response.make_conditional(request)


@documents.get("/api/documents/<doc_id>/pages/<int:page>/highlights")
def page_highlights(doc_id: str, page: int):
    """Where ``?quote=`` sits on a PDF page: boxes as fractions of the page preview."""
    quote = request.args.get("quote", "")
    if not quote.strip():
        raise BadRequest("give the passage to find as ?quote=..., e.g. a source's snippet")
    if len(quote) > MAX_QUOTE_CHARS:
        raise BadRequest(f"'quote' has {len(quote)} characters; at most {MAX_QUOTE_CHARS}")
    _, pdf = _pdf_page(doc_id, page)
    with _render_lock:
        boxes = find_passage(pdf, page, quote)
    return jsonify({"doc_id": doc_id, "page": page, "boxes": [b.to_dict() for b in boxes]})


def _pdf_page(doc_id: str, page: int):
    """The document record and kept PDF of a page that can be previewed, or a 404 saying why."""
    record = rag().find(doc_id, readable())
    if record is None or record.doc_id != doc_id:
        raise NotFound(f"no document with id {doc_id!r}")
    pdf = rag().index.blobs.pdf(record.sha256)
    if record.kind != "pdf" or not pdf.is_file():
        raise NotFound(f"{record.file} has no pages to preview")
    if not 1 <= page <= (record.pages or 0):
        raise NotFound(f"{record.file} has pages 1 to {record.pages}, not {page}")
    return record, pdf


@documents.get("/api/blobs/<name>")
def blob(name: str):
    """A kept picture (an ingested image or one taken from a PDF page)."""
    if not BLOB_NAME.match(name) or not may_see_blob(name):
        raise NotFound(f"no picture named {name!r}")
    return send_from_directory(rag().index.blobs.folder, name, max_age=86400)
