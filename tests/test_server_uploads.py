"""Uploads facing hostile names and batches, concurrent writes, and restarts: names keep their
script and stay apart, every file of a batch is reported, one upload does not hold up the
others, and the kept files match the index."""

from __future__ import annotations

import threading
import unicodedata
from urllib.parse import quote

import pytest
from conftest import FakeEmbedder

from rag.errors import StoreUnavailableError
from server import create_app
from server.uploads import MAX_NAME_BYTES, stored_name


@pytest.fixture
def app(make_settings, service):
    app = create_app(make_settings(rate_limit=""), rag=service)
    app.testing = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def upload(client, *files):
    """Files as a hostile client can send them: each name percent-encoded in ``filename*``
    (RFC 5987), so newlines and other control characters arrive as they were written."""
    boundary = "hostile-boundary"
    body = b""
    for name, content in files:
        body += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                f"filename*=UTF-8''{quote(name, safe='')}\r\n"
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + content
            + b"\r\n"
        )
    body += f"--{boundary}--\r\n".encode()
    return client.post(
        "/api/documents", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )


def kept(settings) -> list[str]:
    folder = settings.data_dir / "uploads"
    return sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def files_of(service) -> list[str]:
    return sorted(d.file for d in service.documents())


# 8. Names ------------------------------------------------------------------------------------


def test_unicode_names_are_kept(client, service, app):
    response = upload(client, ("日本語.txt", b"Tea ceremonies take hours."))
    assert response.status_code == 200
    [result] = response.get_json()["results"]
    assert result["file"] == "日本語.txt" and result["status"] == "ingested"
    assert files_of(service) == ["日本語.txt"]
    assert kept(app.extensions["settings"]) == ["日本語.txt"]


def test_names_are_nfc_normalised(client, service):
    decomposed = unicodedata.normalize("NFD", "Café.txt")
    assert decomposed != "Café.txt"
    [result] = upload(client, (decomposed, b"Espresso is strong.")).get_json()["results"]
    assert result["file"] == "Café.txt"
    # The same name sent composed is the same document.
    again = upload(client, ("Café.txt", b"Espresso is very strong.")).get_json()["results"][0]
    assert again["status"] == "replaced" and files_of(service) == ["Café.txt"]


def test_different_names_never_become_one_document(client, service):
    names = ["отчёт_2024.txt", "счёт_2024.txt", "a:b.txt", "a?b.txt", "a_b.txt", "a\nb.txt"]
    files = [
        (name, f"Document {i} mentions item {i * 7}.".encode()) for i, name in enumerate(names)
    ]
    response = upload(client, *files)
    results = response.get_json()["results"]
    assert [r["status"] for r in results] == ["ingested"] * len(names)
    assert len({r["file"] for r in results}) == len(names)
    assert len({r["doc_id"] for r in results}) == len(names)
    assert len(service.documents()) == len(names)
    assert results[0]["file"] == "отчёт_2024.txt" and results[1]["file"] == "счёт_2024.txt"


def test_a_name_that_looks_tagged_cannot_take_the_place_of_a_tagged_one(client, service):
    tagged = stored_name("a:b.txt")
    upload(client, ("a:b.txt", b"The original text about owls."))
    response = upload(client, (tagged, b"An impostor about bats."))
    [result] = response.get_json()["results"]
    assert result["status"] == "ingested" and result["file"] != tagged
    assert len(service.documents()) == 2


def test_an_overlong_name_fails_alone_with_a_clear_reason(client, service):
    overlong = "я" * 200 + ".txt"  # 404 bytes in UTF-8
    response = upload(
        client,
        ("before.txt", b"Pears are green."),
        (overlong, b"Plums are purple."),
        ("after.txt", b"Figs are sweet."),
    )
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["status"] for r in results] == ["ingested", "failed", "ingested"]
    failed = results[1]
    assert failed["error"] == "BadFileName"
    assert f"404 bytes long in UTF-8; at most {MAX_NAME_BYTES}" in failed["reason"]
    assert failed["file"].endswith("…") and len(failed["file"]) <= 120
    assert files_of(service) == ["after.txt", "before.txt"]


def test_a_name_of_255_bytes_is_kept(client, service):
    name = "x" * (MAX_NAME_BYTES - 4) + ".txt"
    [result] = upload(client, (name, b"Limes are green.")).get_json()["results"]
    assert result["status"] == "ingested" and result["file"] == name


@pytest.mark.parametrize("breaker", ["\n", "\r\n", "\u2028", "\x1b[2K", "\u202e"])
def test_control_characters_cannot_forge_report_lines(client, breaker):
    forged = f"bad{breaker}good.pdf: ingested"
    response = upload(client, (f"{forged}.png", b"not a picture"))
    body = response.get_json()
    assert response.status_code == 415  # text named .png: unsupported
    [result] = body["results"]
    for text in (result["file"], body["error"]["message"]):
        assert not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in text), text
    assert "\n" not in body["error"]["message"]


def test_a_nameless_upload_is_reported_and_the_rest_goes_on(client, service):
    response = upload(client, ("../..", b"words"), ("kept.txt", b"Apples are red."))
    results = response.get_json()["results"]
    assert [r["status"] for r in results] == ["failed", "ingested"]
    assert results[0]["error"] == "BadFileName"


def test_every_file_of_a_batch_gets_its_outcome(client, service):
    upload(client, ("replace-me.txt", b"Version one about herons."))
    response = upload(
        client,
        ("replace-me.txt", b"Version two about herons."),
        ("empty.txt", b""),
        ("broken.pdf", b"%PDF-1.4 cut short"),
        ("new.txt", b"Cranes fly south."),
    )
    assert response.status_code == 200
    body = response.get_json()
    outcomes = [(r["file"], r["status"]) for r in body["results"]]
    assert outcomes == [
        ("replace-me.txt", "replaced"),
        ("empty.txt", "failed"),
        ("broken.pdf", "failed"),
        ("new.txt", "ingested"),
    ]
    assert all(r["reason"] for r in body["results"] if r["status"] == "failed")
    assert body["ingested"] == 2 and body["failed"] == 2


def test_a_store_failure_on_one_file_does_not_stop_the_batch(client, service, monkeypatch):
    real = service.ingest
    calls = []

    def flaky(paths, **kwargs):
        calls.append(paths)
        if len(calls) == 1:
            raise StoreUnavailableError("cannot reach the Qdrant server")
        return real(paths, **kwargs)

    monkeypatch.setattr(service, "ingest", flaky)
    response = upload(client, ("first.txt", b"Swans glide."), ("second.txt", b"Geese honk."))
    results = response.get_json()["results"]
    assert [(r["status"], r["error"]) for r in results] == [
        ("failed", "StoreUnavailableError"),
        ("ingested", None),
    ]
    assert "cannot reach" in results[0]["reason"]
    assert files_of(service) == ["second.txt"]


def test_when_the_store_is_down_for_every_file_the_upload_is_503(client, service, monkeypatch):
    def down(paths, **kwargs):
        raise StoreUnavailableError("cannot reach the Qdrant server")

    monkeypatch.setattr(service, "ingest", down)
    response = upload(client, ("a.txt", b"Ducks quack."), ("b.txt", b"Hens cluck."))
    assert response.status_code == 503
    assert [r["status"] for r in response.get_json()["results"]] == ["failed", "failed"]


# 9. One upload does not hold up deletes, questions or other uploads ---------------------------

SLOW_WORD = "quokkaslowmarker"


class HeldEmbedder(FakeEmbedder):
    """Blocks while embedding a text holding ``SLOW_WORD`` until ``release`` is set;
    ``entered`` says an ingest got there."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.release = threading.Event()

    def embed_batch(self, items):
        if any(SLOW_WORD in text.lower() for text in items):
            self.entered.set()
            assert self.release.wait(30), "the test never released the ingest"
        return super().embed_batch(items)


@pytest.fixture
def held(make_service, make_settings):
    embedder = HeldEmbedder()
    service = make_service(embedder=embedder)
    app = create_app(make_settings(rate_limit=""), rag=service)
    yield app, service, embedder
    embedder.release.set()


def in_thread(fn, *args, **kwargs) -> tuple[threading.Thread, list]:
    out: list = []
    thread = threading.Thread(target=lambda: out.append(fn(*args, **kwargs)), daemon=True)
    thread.start()
    return thread, out


def test_delete_ask_and_other_uploads_proceed_while_an_upload_is_ingested(held):
    app, service, embedder = held
    client = app.test_client()
    assert upload(client, ("old.txt", b"The old pier was closed in 1990.")).status_code == 200
    [old] = service.documents()

    slow, slow_out = in_thread(
        upload, app.test_client(), ("slow.txt", f"The {SLOW_WORD} lives on Rottnest.".encode())
    )
    assert embedder.entered.wait(10), "the slow upload never reached the embedder"

    deleting, deleted = in_thread(app.test_client().delete, f"/api/documents/{old.doc_id}")
    asking, asked = in_thread(
        app.test_client().post, "/api/ask", json={"question": "When was the pier closed?"}
    )
    other, other_out = in_thread(upload, app.test_client(), ("other.txt", b"Gulls eat chips."))
    for thread in (deleting, asking, other):
        thread.join(15)
    assert slow.is_alive(), "the slow upload finished early: the test proves nothing"
    assert not deleting.is_alive() and deleted[0].status_code == 200
    assert not asking.is_alive() and asked[0].status_code == 200
    assert not other.is_alive() and other_out[0].get_json()["ingested"] == 1

    embedder.release.set()
    slow.join(15)
    assert slow_out[0].get_json()["results"][0]["status"] == "ingested"
    assert files_of(service) == ["other.txt", "slow.txt"]
    assert kept(app.extensions["settings"]) == ["other.txt", "slow.txt"]


def test_uploads_of_one_name_take_turns(held):
    app, service, embedder = held
    first, first_out = in_thread(
        upload, app.test_client(), ("same.txt", f"Version one: {SLOW_WORD}.".encode())
    )
    assert embedder.entered.wait(10)
    second, second_out = in_thread(
        upload, app.test_client(), ("same.txt", b"Version two: the kangaroo.")
    )
    second.join(0.5)
    assert second.is_alive(), "the second upload of the name did not wait for the first"
    embedder.release.set()
    first.join(15)
    second.join(15)
    statuses = [first_out[0].get_json()["results"][0]["status"]]
    statuses.append(second_out[0].get_json()["results"][0]["status"])
    assert statuses == ["ingested", "replaced"]
    [record] = service.documents()
    assert record.file == "same.txt"
    assert (app.extensions["settings"].data_dir / "uploads" / "same.txt").read_bytes() == (
        b"Version two: the kangaroo."
    )


def test_a_delete_of_the_document_being_replaced_waits_for_it(held):
    app, service, embedder = held
    client = app.test_client()
    upload(client, ("doc.txt", b"First words about wombats."))
    [record] = service.documents()
    replacing, _ = in_thread(
        upload, app.test_client(), ("doc.txt", f"Second words, {SLOW_WORD}.".encode())
    )
    assert embedder.entered.wait(10)
    deleting, deleted = in_thread(app.test_client().delete, f"/api/documents/{record.doc_id}")
    deleting.join(0.5)
    assert deleting.is_alive(), "the delete did not wait for the replacement of its document"
    embedder.release.set()
    replacing.join(15)
    deleting.join(15)
    assert deleted[0].status_code == 200
    assert service.documents() == [] and kept(app.extensions["settings"]) == []


def test_locks_are_dropped_when_released():
    from server.locks import KeyedLocks

    locks = KeyedLocks()
    with locks.hold([("name", "a"), ("content", "x")]):
        assert len(locks) == 2
    assert len(locks) == 0


# 10. After a stop mid-upload, the kept files match the index -----------------------------------


def uploads_dir(app):
    return app.extensions["settings"].data_dir / "uploads"


def assert_kept_files_match_the_index(service, folder) -> None:
    from server.uploads import file_sha256

    records = {d.path: d for d in service.documents()}
    for path in folder.iterdir():
        if path.is_file():
            record = records.get(str(path.resolve()))
            assert record is not None, f"{path.name} is kept but not indexed"
            assert record.sha256 == file_sha256(path), f"{path.name} is not the indexed version"
    assert not (folder / ".incoming").exists()


def test_a_file_the_index_does_not_know_is_removed_on_start(client, app, service):
    from server.uploads import reconcile

    upload(client, ("kept.txt", b"Owls hunt at night."))
    # Stopped after the file took its name and before the index recorded it.
    (uploads_dir(app) / "ghost.txt").write_text("Never acknowledged.")
    (uploads_dir(app) / ".incoming" / "0123.previous").write_text("stale")
    done = reconcile(service, uploads_dir(app))
    assert done.removed == ["ghost.txt"] and not done.restored and not done.reingested
    assert kept(app.extensions["settings"]) == ["kept.txt"]
    assert_kept_files_match_the_index(service, uploads_dir(app))


def test_a_stopped_replacement_goes_back_to_the_indexed_version(client, app, service):
    import os

    from server.uploads import reconcile

    upload(client, ("doc.txt", b"Version one: herons nest in reeds."))
    target = uploads_dir(app) / "doc.txt"
    # Stopped mid-replacement: the old version set aside, the new one under the name.
    os.link(target, uploads_dir(app) / ".incoming" / "abc.previous")
    target.unlink()
    target.write_bytes(b"Version two, never indexed.")
    done = reconcile(service, uploads_dir(app))
    assert done.restored == ["doc.txt"]
    assert target.read_bytes() == b"Version one: herons nest in reeds."
    assert_kept_files_match_the_index(service, uploads_dir(app))


def test_without_the_old_version_the_file_is_ingested(client, app, service):
    from server.uploads import reconcile

    upload(client, ("doc.txt", b"Version one: herons nest in reeds."))
    (uploads_dir(app) / "doc.txt").write_bytes(b"Version two: herons fish at dawn.")
    done = reconcile(service, uploads_dir(app))
    assert done.reingested == ["doc.txt"]
    assert_kept_files_match_the_index(service, uploads_dir(app))
    answer = client.post("/api/ask", json={"question": "When do herons fish?"}).get_json()
    assert "dawn" in answer["answer"]


def test_an_unreadable_leftover_is_removed_and_the_index_kept(client, app, service):
    from server.uploads import reconcile

    upload(client, ("doc.txt", b"Version one: herons nest in reeds."))
    before = [(d.doc_id, d.sha256) for d in service.documents()]
    (uploads_dir(app) / "doc.txt").write_bytes(b"")
    done = reconcile(service, uploads_dir(app))
    assert done.unreadable == ["doc.txt"]
    assert [(d.doc_id, d.sha256) for d in service.documents()] == before
    assert_kept_files_match_the_index(service, uploads_dir(app))


def test_a_consistent_folder_is_left_alone(client, app, service):
    from server.uploads import reconcile

    upload(client, ("a.txt", b"Robins sing."), ("b.txt", b"Wrens hop."))
    assert not reconcile(service, uploads_dir(app))
    assert kept(app.extensions["settings"]) == ["a.txt", "b.txt"]
