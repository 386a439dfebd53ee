"""A collection on a Qdrant cluster is created with the configured shards and replicas:
qdrant-client talks REST to a recording stand-in on 127.0.0.1, as it would to a node."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from rag.store import open_store
from rag.store.base import INDEXED_FIELDS, SPARSE_VECTOR, TEXT_VECTOR
from rag.store.server import ServerStore

API_KEY = "cluster-secret"

# The stand-in speaks plain HTTP on loopback; a real cluster would sit behind TLS.
pytestmark = pytest.mark.filterwarnings("ignore:Api key is used with an insecure connection")


class QdrantStandIn:
    """Just enough of Qdrant's REST API to create a collection: the version probe, the
    existence check, collection creation and payload indexes. Records every request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, Any], dict[str, str]]] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else {}
                path = self.path.split("?", 1)[0]
                stand_in.requests.append((self.command, path, body, dict(self.headers)))
                reply = stand_in.reply(self.command, path)
                data = json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = _answer

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    @staticmethod
    def reply(method: str, path: str) -> dict[str, Any]:
        if path == "/":
            return {"title": "qdrant - vector search engine", "version": "1.19.1"}
        if method == "GET" and path.endswith("/exists"):
            return {"result": {"exists": False}, "status": "ok", "time": 0.0}
        if method == "PUT" and path.endswith("/index"):
            return {
                "result": {"operation_id": 1, "status": "completed"},
                "status": "ok",
                "time": 0.0,
            }
        return {"result": True, "status": "ok", "time": 0.0}

    def created(self, collection: str) -> dict[str, Any]:
        (body,) = [
            b for m, p, b, _ in self.requests if (m, p) == ("PUT", f"/collections/{collection}")
        ]
        return body

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def qdrant():
    stand_in = QdrantStandIn()
    yield stand_in
    stand_in.close()


def rest_client(url: str):
    from qdrant_client import QdrantClient

    # REST, not gRPC: the stand-in speaks HTTP/JSON.
    return QdrantClient(url=url, api_key=API_KEY, prefer_grpc=False, https=False, timeout=10)


def opened_on(stand_in: QdrantStandIn, make_settings, **layout) -> ServerStore:
    """The store the app opens for these settings, its client pointed at the stand-in."""
    settings = make_settings(
        qdrant_url=stand_in.url, qdrant_api_key=API_KEY, collection="docs", **layout
    )
    store = open_store(settings)
    assert isinstance(store, ServerStore)
    store.client.close()
    store.client = rest_client(stand_in.url)
    return store


def test_a_new_collection_is_sharded_and_replicated(qdrant, make_settings):
    store = opened_on(qdrant, make_settings, qdrant_shards=6, qdrant_replication=2)
    try:
        store.ensure_schema(384)
    finally:
        store.close()
    body = qdrant.created("docs")
    assert body["shard_number"] == 6
    assert body["replication_factor"] == 2
    # The rest of the schema is the one every store has.
    assert body["vectors"][TEXT_VECTOR] == {"size": 384, "distance": "Cosine"}
    assert body["sparse_vectors"][SPARSE_VECTOR]["modifier"] == "idf"
    indexed = {b["field_name"] for m, p, b, _ in qdrant.requests if p == "/collections/docs/index"}
    assert indexed == set(INDEXED_FIELDS)
    # Every call carried the cluster's API key.
    assert all(h.get("api-key") == API_KEY for _, p, _, h in qdrant.requests if p != "/")


def test_unset_layout_leaves_qdrants_defaults(qdrant, make_settings):
    store = opened_on(qdrant, make_settings)
    try:
        store.ensure_schema(384)
    finally:
        store.close()
    body = qdrant.created("docs")
    assert "shard_number" not in body or body["shard_number"] is None
    assert "replication_factor" not in body or body["replication_factor"] is None


def test_an_existing_collection_keeps_its_layout(qdrant, make_settings, monkeypatch):
    def exists(method: str, path: str) -> dict[str, Any]:
        if path.endswith("/exists"):
            return {"result": {"exists": True}, "status": "ok", "time": 0.0}
        if method == "GET" and path == "/collections/docs":
            return {"result": COLLECTION_INFO, "status": "ok", "time": 0.0}
        return QdrantStandIn.reply(method, path)

    monkeypatch.setattr(qdrant, "reply", exists)
    store = opened_on(qdrant, make_settings, qdrant_shards=6, qdrant_replication=2)
    try:
        store.ensure_schema(384)
    finally:
        store.close()
    assert [m for m, p, _, _ in qdrant.requests if m == "PUT"] == []


COLLECTION_INFO = {
    "status": "green",
    "optimizer_status": "ok",
    "segments_count": 1,
    "points_count": 0,
    "indexed_vectors_count": 0,
    "config": {
        "params": {
            "vectors": {TEXT_VECTOR: {"size": 384, "distance": "Cosine"}},
            "shard_number": 6,
            "replication_factor": 2,
            "write_consistency_factor": 1,
            "on_disk_payload": True,
        },
        "hnsw_config": {"m": 16, "ef_construct": 100, "full_scan_threshold": 10000},
        "optimizer_config": {
            "deleted_threshold": 0.2,
            "vacuum_min_vector_number": 1000,
            "default_segment_number": 0,
            "flush_interval_sec": 5,
        },
        "wal_config": {"wal_capacity_mb": 32, "wal_segments_ahead": 0},
    },
    # As this version creates it: every filter field indexed (one built before collections
    # would get the collection field's index, a PUT of its own).
    "payload_schema": {name: {"data_type": "keyword", "points": 0} for name in INDEXED_FIELDS},
}


@pytest.mark.parametrize("name", ["qdrant_shards", "qdrant_replication"])
def test_layout_must_be_positive(make_settings, name):
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=name):
        make_settings(**{name: 0})
