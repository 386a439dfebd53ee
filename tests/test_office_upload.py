"""Office files through the upload API: a bad one gets the status a bad PDF gets, one line
saying why, and the good files of the same upload are kept."""

from __future__ import annotations

import io

import pytest
from office_files import PDF, password_protected, write_pptx, write_xlsx, zip_bomb

from server import create_app


@pytest.fixture
def client(settings, service):
    app = create_app(settings, rag=service)
    app.testing = True
    return app.test_client()


def upload(client, *files):
    data = {"files": [(io.BytesIO(content), name) for name, content in files]}
    return client.post("/api/documents", data=data, content_type="multipart/form-data")


@pytest.mark.parametrize(
    ("name", "build", "status", "words"),
    [
        ("locked.docx", lambda t: password_protected(t, "docx"), 400, "password-protected"),
        ("report.docx", lambda t: PDF, 415, "mislabelled"),
        (
            "bomb.docx",
            lambda t: zip_bomb(t / "b.zip", "word/document.xml", 40).read_bytes(),
            413,
            "zip bomb",
        ),
    ],
)
def test_a_bad_office_upload_alone_gets_its_status(
    client, service, tmp_path, name, build, status, words
):
    response = upload(client, (name, build(tmp_path)))
    assert response.status_code == status, response.get_data(as_text=True)
    message = response.get_json()["error"]["message"]
    assert words in message and "\n" not in message
    assert service.documents() == []


def test_good_office_files_of_a_mixed_upload_are_kept(client, service, tmp_path):
    deck = write_pptx(tmp_path / "deck.pptx").read_bytes()
    book = write_xlsx(tmp_path / "book.xlsx").read_bytes()
    response = upload(
        client,
        ("deck.pptx", deck),
        ("locked.xlsx", password_protected(tmp_path, "xlsx")),
        ("book.xlsx", book),
    )
    body = response.get_json()
    assert response.status_code == 200 and (body["ingested"], body["failed"]) == (2, 1)
    assert sorted(d.file for d in service.documents()) == ["book.xlsx", "deck.pptx"]
    answer = client.post("/api/ask", json={"question": "How many moons does Jupiter have?"})
    sources = answer.get_json()["sources"]
    assert {s["page_label"] for s in sources} & {"sheet Planets", "slide 2"}, sources
