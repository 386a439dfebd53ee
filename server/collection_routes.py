"""Collections over HTTP: which ones a key reaches, with counts, and the admin routes that
manage them; plus the checks the document routes make before touching a collection.

``GET /api/collections`` lists the collections the key may read (an admin sees all).
``DELETE /api/collections/NAME`` (admin) deletes every document of one collection.
``GET /api/keys`` (admin) lists the configured keys by fingerprint, never the keys themselves.
"""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from werkzeug.exceptions import NotFound

from rag.collections import restrict
from rag.errors import DocumentNotFoundError
from rag.types import DocumentRecord
from server.access import (
    caller,
    fingerprint,
    grants,
    readable,
    require_admin,
    require_collection,
)
from server.auth import protect
from server.context import rag

collections = protect(Blueprint("collections", __name__))

SHA256_HEX = 64


@collections.get("/api/collections")
def list_collections():
    counts = rag().collections(None if caller().admin else readable())
    return jsonify({"collections": [c.to_dict() for c in counts]})


@collections.delete("/api/collections/<name>")
def delete_collection(name: str):
    require_admin()
    name = require_collection(name)
    uploads = current_app.extensions["uploads"]
    deleted = []
    # Document by document, each under the locks an upload of it would hold: uploads and
    # deletions of other documents go on meanwhile.
    for record in rag().documents([name]):
        with uploads.deleting(record):
            try:
                gone = rag().delete(record.doc_id, [name])
            except DocumentNotFoundError:  # deleted meanwhile by another request
                continue
            uploads.forget(gone.path)
            deleted.append(gone)
    if not deleted:
        raise NotFound(f"no collection named {name!r} holds documents")
    return jsonify({"collection": name, "deleted": [_brief(r) for r in deleted]})


@collections.get("/api/keys")
def list_keys():
    require_admin()
    return jsonify(
        {
            "keys": [
                {
                    "fingerprint": fingerprint(grant.key),
                    "collections": list(grant.collections) if grant.collections else "*",
                    "admin": grant.admin,
                }
                for grant in grants()
            ]
        }
    )


def _brief(record: DocumentRecord) -> dict:
    return {"doc_id": record.doc_id, "file": record.file, "chunks": record.chunks}


# Checks of the document routes ------------------------------------------------------------


def upload_collection(value: str | None) -> str:
    """Where an upload goes: the form's ``collection`` if the key may write it, else the key's
    first collection."""
    if value is None or value == "":
        return caller().home
    return require_collection(value)


def may_see_blob(name: str) -> bool:
    """A kept picture is named by its document's content hash: visible when a document the
    caller may read has that content."""
    allowed = readable()
    if allowed is None:
        return True
    filters = restrict({"sha256": [name[:SHA256_HEX]]}, allowed)
    return bool(rag().index.documents(filters))
