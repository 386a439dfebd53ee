"""Named collections and who may read them: route by route, a key reaches only the documents of
its collections (listing, answers, citations, previews, kept pictures, deletion, uploads, the
OpenAI API, the Slack bot, remote evaluation), while plain keys and an open server keep
working as before collections existed."""

from __future__ import annotations

import io
import json

import httpx
import pytest
from conftest import PdfPage, ScriptedGenerator, picture, write_pdf

from rag.api_keys import KeyGrant, load_grants, parse_entry, read_keys_file, split_entries
from rag.collections import DEFAULT_COLLECTION, CollectionNameError, check_name, restrict
from rag.errors import ConfigError
from rag.evaluation.remote import RemoteAsk
from rag.settings import Settings
from server import create_app
from server.slack.bot import SlackBot
from server.slack.channels import ChannelCollections

KEYS = "key-a:team-a;key-b:team-b;key-ab:team-a,team-b;key-root"
A = {"Authorization": "Bearer key-a"}
B = {"Authorization": "Bearer key-b"}
AB = {"Authorization": "Bearer key-ab"}
ROOT = {"Authorization": "Bearer key-root"}

ALPHA = "The alpha launch code is 1234 and the alpha rocket is red."
BETA = "The beta launch code is 5678 and the beta rocket is blue."


@pytest.fixture
def teams(service, tmp_path):
    """team-a holds alpha.txt; team-b holds beta.txt and beta.pdf (a page with a picture)."""
    source = tmp_path / "sources"
    (source / "a").mkdir(parents=True)
    (source / "b").mkdir(parents=True)
    (source / "a" / "alpha.txt").write_text(ALPHA)
    (source / "b" / "beta.txt").write_text(BETA)
    write_pdf(
        source / "b" / "beta.pdf",
        [PdfPage(["The beta rocket manual: fuel before launch."], image=picture())],
    )
    assert service.ingest([source / "a"], collection="team-a").ingested == 1
    assert service.ingest([source / "b"], collection="team-b").ingested == 2
    return service


@pytest.fixture
def client(make_settings, teams):
    app = create_app(make_settings(api_keys=KEYS, rate_limit=""), rag=teams)
    app.testing = True
    return app.test_client()


def docs(client, headers, **params) -> dict[str, dict]:
    response = client.get("/api/documents", headers=headers, query_string=params)
    assert response.status_code == 200, response.get_json()
    return {d["file"]: d for d in response.get_json()["documents"]}


def doc_id(service, file: str) -> str:
    return next(d.doc_id for d in service.documents() if d.file == file)


def status(response, expected: int) -> dict:
    assert response.status_code == expected, response.get_data(as_text=True)
    return response.get_json() or {}


# Names and filters ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "Team", "-a", "a/b", "a b", "..", "x" * 65, 3])
def test_bad_collection_names_are_refused(name):
    with pytest.raises(CollectionNameError, match="not valid"):
        check_name(name)


def test_restrict_narrows_and_never_widens():
    assert restrict(None, None) == {}
    assert restrict({"modality": "text"}, ["b", "a"]) == {
        "modality": "text",
        "collection": ["a", "b"],
    }
    assert restrict({"collection": ["a", "c"]}, ["a", "b"]) == {"collection": ["a"]}
    assert restrict({"collection": "c"}, ["a"]) == {"collection": []}  # matches nothing


# Keys ---------------------------------------------------------------------------------------


def test_plain_key_list_still_splits_on_commas():
    assert Settings(api_keys="k1, k2").api_keys == ["k1", "k2"]
    assert [parse_entry(e) for e in split_entries("k1,k2")] == [
        KeyGrant("k1", None, admin=True),
        KeyGrant("k2", None, admin=True),
    ]


def test_mapped_keys_read_their_collections():
    entries = Settings(api_keys="k1:team-a,team-b; k2:team-c;k3;k4:*").api_keys
    grants = load_grants(entries, None)
    assert grants == [
        KeyGrant("k1", ("team-a", "team-b")),
        KeyGrant("k2", ("team-c",)),
        KeyGrant("k3", None, admin=True),
        KeyGrant("k4", None),
    ]
    assert grants[0].home == "team-a" and grants[3].home == DEFAULT_COLLECTION


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("k1:", "names no collection"),
        (":team-a", "no key"),
        ("k1:Team A", "not valid"),
        ("k1:team-a;k1:team-b", "configured twice"),
    ],
)
def test_bad_key_entries_are_config_errors(value, says):
    with pytest.raises(ConfigError, match=says):
        load_grants(split_entries(value), None)


def test_keys_file_in_toml_and_json(tmp_path):
    toml = tmp_path / "keys.toml"
    toml.write_text(
        '[k-team-a]\ncollections = ["team-a"]\n\n[k-admin]\nadmin = true\n\n'
        '[k-both]\ncollections = ["team-a", "team-b"]\nadmin = true\n'
    )
    assert read_keys_file(toml) == [
        KeyGrant("k-team-a", ("team-a",)),
        KeyGrant("k-admin", None, admin=True),
        KeyGrant("k-both", ("team-a", "team-b"), admin=True),
    ]
    as_json = tmp_path / "keys.json"
    as_json.write_text(json.dumps({"k-json": {"collections": "*"}}))
    assert read_keys_file(as_json) == [KeyGrant("k-json", None)]
    grants = load_grants(["k-env:team-c"], as_json)
    assert [g.key for g in grants] == ["k-env", "k-json"]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{", "not valid JSON"),
        ('["k"]', "must map each key"),
        ('{"k": {"collections": ["a"], "write": true}}', "unknown fields"),
        ('{"k": {"collections": 7}}', "must be a list"),
        ('{"k": {"admin": "yes", "collections": ["a"]}}', "true or false"),
        ('{"k": {}}', "must be a list"),
        ('{"k": {"collections": []}}', "names no collection"),
    ],
)
def test_bad_keys_files_are_config_errors(tmp_path, content, says):
    path = tmp_path / "keys.json"
    path.write_text(content)
    with pytest.raises(ConfigError, match=says):
        read_keys_file(path)


def test_a_missing_keys_file_stops_the_app(make_settings, service, tmp_path):
    with pytest.raises(ConfigError, match="cannot read the keys file"):
        create_app(make_settings(api_keys_file=tmp_path / "nope.toml"), rag=service)


def test_keys_file_keys_are_checked(make_settings, teams, tmp_path):
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"file-key": {"collections": ["team-b"]}}))
    client = create_app(make_settings(api_keys_file=path, rate_limit=""), rag=teams).test_client()
    assert client.get("/api/info").get_json()["auth_required"] is True
    status(client.get("/api/documents"), 401)
    assert set(docs(client, {"Authorization": "Bearer file-key"})) == {"beta.txt", "beta.pdf"}


# Listing ------------------------------------------------------------------------------------


def test_each_key_lists_only_its_collections(client):
    assert set(docs(client, A)) == {"alpha.txt"}
    assert set(docs(client, B)) == {"beta.txt", "beta.pdf"}
    assert set(docs(client, AB)) == {"alpha.txt", "beta.txt", "beta.pdf"}
    assert set(docs(client, ROOT)) == {"alpha.txt", "beta.txt", "beta.pdf"}
    assert docs(client, A)["alpha.txt"]["collection"] == "team-a"


def test_listing_one_collection(client):
    assert set(docs(client, AB, collection="team-b")) == {"beta.txt", "beta.pdf"}
    status(client.get("/api/documents?collection=team-b", headers=A), 404)
    status(client.get("/api/documents?collection=Bad!", headers=A), 400)


# Answers and citations ------------------------------------------------------------------------


def ask(client, headers, question, **extra):
    return client.post("/api/ask", json={"question": question, **extra}, headers=headers)


def test_answers_never_retrieve_or_cite_another_collection(client):
    body = status(ask(client, A, "What is the beta launch code?"), 200)
    assert {r["file"] for r in body["retrieved"]} <= {"alpha.txt"}
    assert "5678" not in body["answer"]
    assert all(s["file"] == "alpha.txt" for s in body["sources"])
    own = status(ask(client, B, "What is the beta launch code?"), 200)
    assert "5678" in own["answer"]
    assert {s["file"] for s in own["sources"]} <= {"beta.txt", "beta.pdf"}


def test_filtering_on_an_unreadable_collection_is_404(client):
    status(ask(client, A, "Beta code?", filters={"collection": "team-b"}), 404)
    narrowed = status(ask(client, AB, "Launch code?", filters={"collection": "team-b"}), 200)
    assert {r["file"] for r in narrowed["retrieved"]} <= {"beta.txt", "beta.pdf"}


def test_a_bad_collection_filter_is_400(client):
    error = status(ask(client, A, "Code?", filters={"collection": "Team A"}), 400)["error"]
    assert "filters.collection" in error["message"]
    status(ask(client, A, "Code?", filters={"collection": 7}), 400)


def test_each_mapped_key_is_its_own_rate_limit_client(make_settings, teams):
    client = create_app(
        make_settings(api_keys=KEYS, rate_limit="1/minute"), rag=teams
    ).test_client()
    assert client.get("/api/documents", headers=A).status_code == 200
    status(client.get("/api/documents", headers=A), 429)
    assert client.get("/api/documents", headers=B).status_code == 200


def test_chat_plain_and_streamed_stay_in_the_collection(client):
    body = status(client.post("/api/chat", json={"question": "beta launch code?"}, headers=A), 200)
    assert {r["file"] for r in body["retrieved"]} <= {"alpha.txt"}
    streamed = client.post(
        "/api/chat", json={"question": "beta launch code?", "stream": True}, headers=A
    )
    text = streamed.get_data(as_text=True)
    assert "beta.txt" not in text and "beta.pdf" not in text and "5678" not in text
    assert "event: answer" in text


def test_a_conversation_belongs_to_the_key_that_started_it(client, teams):
    first = status(client.post("/api/chat", json={"question": "alpha code?"}, headers=AB), 200)
    conversation = first["conversation_id"]
    follow = {"question": "and the rocket?", "conversation_id": conversation}
    error = status(client.post("/api/chat", json=follow, headers=A), 404)["error"]
    assert "unknown conversation_id" in error["message"]
    stored = conversation.split(".", 1)[1]  # the bare stored id is no way in either
    status(client.post("/api/chat", json=follow | {"conversation_id": stored}, headers=A), 404)
    again = status(client.post("/api/chat", json=follow, headers=AB), 200)
    assert again["conversation_id"] == conversation
    assert "key-ab" not in conversation


# Previews, pictures, deletion, uploads -------------------------------------------------------


def test_previews_of_another_collection_are_404(client, teams):
    pdf = doc_id(teams, "beta.pdf")
    status(client.get(f"/api/documents/{pdf}/pages/1", headers=A), 404)
    assert client.get(f"/api/documents/{pdf}/pages/1", headers=B).status_code == 200


def test_kept_pictures_of_another_collection_are_404(client, teams):
    record = next(d for d in teams.documents() if d.file == "beta.pdf")
    pictures = sorted(p.name for p in teams.index.blobs.folder.glob(f"{record.sha256}-*.png"))
    assert pictures, "the PDF's picture was kept"
    status(client.get(f"/api/blobs/{pictures[0]}", headers=A), 404)
    assert client.get(f"/api/blobs/{pictures[0]}", headers=B).status_code == 200


def test_deleting_another_collections_document_is_404_and_changes_nothing(client, teams):
    beta = doc_id(teams, "beta.txt")
    status(client.delete(f"/api/documents/{beta}", headers=A), 404)
    assert "beta.txt" in docs(client, B)
    status(client.delete(f"/api/documents/{beta}", headers=B), 200)
    assert "beta.txt" not in docs(client, B)


def upload(client, headers, name, content, **form):
    data = {"files": [(io.BytesIO(content), name)], **form}
    return client.post(
        "/api/documents", data=data, content_type="multipart/form-data", headers=headers
    )


def test_uploads_go_to_the_keys_first_collection_or_one_it_may_write(client):
    body = status(upload(client, A, "gamma.txt", b"Gamma rockets are green."), 200)
    assert body["collection"] == "team-a"
    assert docs(client, A)["gamma.txt"]["collection"] == "team-a"
    status(upload(client, A, "delta.txt", b"Delta.", collection="team-b"), 404)
    status(upload(client, A, "delta.txt", b"Delta.", collection="No Such"), 400)
    assert "delta.txt" not in docs(client, ROOT)
    status(upload(client, AB, "delta.txt", b"Delta rockets are grey.", collection="team-b"), 200)
    assert docs(client, B)["delta.txt"]["collection"] == "team-b"


def test_the_same_file_in_two_collections_is_two_documents(client, teams):
    content = b"Shared policy: rockets launch at dawn."
    status(upload(client, A, "policy.txt", content), 200)
    status(upload(client, B, "policy.txt", content), 200)  # not a "duplicate" of team-a's
    a_doc, b_doc = docs(client, A)["policy.txt"], docs(client, B)["policy.txt"]
    assert a_doc["doc_id"] != b_doc["doc_id"]
    uploads = teams.settings.data_dir / "uploads"
    # Shown relative to the data directory; both kept files exist under their collection.
    assert (a_doc["path"], b_doc["path"]) == (
        "uploads/@team-a/policy.txt",
        "uploads/@team-b/policy.txt",
    )
    assert (uploads / "@team-a" / "policy.txt").is_file()
    assert (uploads / "@team-b" / "policy.txt").is_file()
    status(client.delete(f"/api/documents/{a_doc['doc_id']}", headers=A), 200)
    assert not (uploads / "@team-a" / "policy.txt").exists()
    assert (uploads / "@team-b" / "policy.txt").is_file()
    answer = status(ask(client, B, "When do rockets launch?"), 200)
    assert "policy.txt" in {r["file"] for r in answer["retrieved"]}
    assert "policy.txt" in docs(client, B)


def test_the_same_picture_in_two_collections_survives_one_deletion(teams, tmp_path):
    image = tmp_path / "shared.png"
    picture().save(image)
    assert teams.ingest([image], collection="team-a").ingested == 1
    assert teams.ingest([image], collection="team-b").ingested == 1
    records = [d for d in teams.documents() if d.file == "shared.png"]
    assert {r.collection for r in records} == {"team-a", "team-b"}
    teams.delete(records[0].doc_id)
    assert (teams.settings.data_dir / records[1].blob).is_file()
    teams.delete(records[1].doc_id)
    assert not (teams.settings.data_dir / records[1].blob).exists()


# Collections and keys (admin) ---------------------------------------------------------------


def test_collections_list_with_counts(client):
    mine = status(client.get("/api/collections", headers=A), 200)["collections"]
    assert [c["name"] for c in mine] == ["team-a"] and mine[0]["documents"] == 1
    every = status(client.get("/api/collections", headers=ROOT), 200)["collections"]
    assert {c["name"]: c["documents"] for c in every} == {"team-a": 1, "team-b": 2}


def test_admin_routes_refuse_other_keys(client):
    status(client.delete("/api/collections/team-a", headers=A), 403)
    status(client.delete("/api/collections/team-b", headers=AB), 403)
    status(client.get("/api/keys", headers=B), 403)
    status(client.get("/api/keys"), 401)
    assert set(docs(client, ROOT)) == {"alpha.txt", "beta.txt", "beta.pdf"}


def test_admin_deletes_a_collection_and_lists_keys_without_revealing_them(client):
    body = status(client.delete("/api/collections/team-b", headers=ROOT), 200)
    assert sorted(d["file"] for d in body["deleted"]) == ["beta.pdf", "beta.txt"]
    assert set(docs(client, ROOT)) == {"alpha.txt"}
    status(client.delete("/api/collections/team-b", headers=ROOT), 404)
    keys = status(client.get("/api/keys", headers=ROOT), 200)["keys"]
    assert "key-a" not in json.dumps(keys)
    assert [k["collections"] for k in keys] == [["team-a"], ["team-b"], ["team-a", "team-b"], "*"]
    assert [k["admin"] for k in keys] == [False, False, False, True]


# The OpenAI API -------------------------------------------------------------------------------


def complete(client, headers, model, question="What is the beta launch code?", **extra):
    body = {"model": model, "messages": [{"role": "user", "content": question}], **extra}
    return client.post("/v1/chat/completions", json=body, headers=headers)


def test_models_are_one_per_readable_collection(client):
    ids = lambda h: [m["id"] for m in status(client.get("/v1/models", headers=h), 200)["data"]]  # noqa: E731
    assert ids(A) == ["rag", "rag/team-a"]
    assert ids(AB) == ["rag", "rag/team-a", "rag/team-b"]
    assert ids(ROOT) == ["rag", "rag/team-a", "rag/team-b"]


def test_a_model_of_an_unreadable_collection_is_404(client):
    error = status(complete(client, A, "rag/team-b"), 404)["error"]
    assert error["code"] == "model_not_found"
    status(complete(client, A, "rag/No Such"), 404)
    status(complete(client, A, "rag/team-b", stream=True), 404)


def test_completions_cite_only_the_models_collections(client):
    body = status(complete(client, A, "rag"), 200)
    assert all(s["file"] == "alpha.txt" for s in body["sources"])
    assert "5678" not in body["choices"][0]["message"]["content"]
    own = status(complete(client, AB, "rag/team-b"), 200)
    assert own["model"] == "rag/team-b"
    assert {s["file"] for s in own["sources"]} <= {"beta.txt", "beta.pdf"} and own["sources"]
    streamed = complete(client, A, "rag", stream=True).get_data(as_text=True)
    assert "beta.txt" not in streamed and "5678" not in streamed


# Without mapped keys: as before ----------------------------------------------------------------


@pytest.mark.parametrize("keys", [[], ["k1", "k2"]])
def test_plain_keys_and_no_keys_reach_everything(make_settings, teams, keys):
    client = create_app(make_settings(api_keys=keys, rate_limit=""), rag=teams).test_client()
    headers = {"Authorization": "Bearer k2"} if keys else {}
    assert set(docs(client, headers)) == {"alpha.txt", "beta.txt", "beta.pdf"}
    body = status(ask(client, headers, "What is the beta launch code?"), 200)
    assert "5678" in body["answer"]
    models = status(client.get("/v1/models", headers=headers), 200)["data"]
    assert [m["id"] for m in models] == ["rag", "rag/team-a", "rag/team-b"]
    assert status(upload(client, headers, "x.txt", b"Xylophones."), 200)["collection"] == "default"
    assert status(client.get("/api/keys", headers=headers), 200)


def test_an_index_from_before_collections_reads_as_default(make_service, make_settings, tmp_path):
    from qdrant_client import models

    service = make_service("memory")
    (tmp_path / "old.txt").write_text(ALPHA)
    assert service.ingest([tmp_path / "old.txt"]).ingested == 1
    # Strip the field, as points written before collections existed lack it.
    service.store.client.delete_payload("test", keys=["collection"], points=models.Filter())
    assert "collection" not in service.store.client.scroll("test", limit=1)[0][0].payload
    assert [d.collection for d in service.documents([DEFAULT_COLLECTION])] == ["default"]
    assert service.documents(["team-a"]) == []
    answer = service.ask("alpha launch code?", collections=[DEFAULT_COLLECTION])
    assert "1234" in answer.text
    assert service.ask("alpha launch code?", collections=["team-a"]).evidence == []
    client = create_app(
        make_settings(api_keys="kd:default;ka:team-a", rate_limit=""), rag=service
    ).test_client()
    assert set(docs(client, {"Authorization": "Bearer kd"})) == {"old.txt"}
    assert docs(client, {"Authorization": "Bearer ka"}) == {}


def test_an_embedded_index_from_before_collections_gets_the_field_index(tmp_path, monkeypatch):
    import rag.store.edge as edge

    old = edge.EdgeStore(tmp_path / "shard")
    monkeypatch.setattr(edge, "INDEXED_FIELDS", ("doc_id", "sha256", "modality", "record"))
    old.ensure_schema(4)
    assert "collection" not in old.shard.info().payload_schema
    old.close()
    monkeypatch.undo()
    reopened = edge.EdgeStore(tmp_path / "shard")
    reopened.ensure_schema(4)
    try:
        assert "collection" in reopened.shard.info().payload_schema
    finally:
        reopened.close()


# Slack and remote evaluation -----------------------------------------------------------------


def test_channel_mapping():
    channels = ChannelCollections(["C1:team-a,team-b", "C2:team-c"])
    assert channels.of("C1") == ["team-a", "team-b"]
    assert channels.of("C9") == []  # unlisted, no '*': reads nothing
    assert ChannelCollections(["C1:team-a", "*:default"]).of("C9") == ["default"]
    assert ChannelCollections(["C1:*"]).of("C1") is None
    assert ChannelCollections([]).of("C1") is None
    for bad in ["C1", "C1:", "C1:Team A"]:
        with pytest.raises(ConfigError, match="RAG_SLACK_CHANNEL_COLLECTIONS"):
            ChannelCollections([bad])


def test_slack_questions_read_their_channels_collections(make_settings, teams):
    bot = SlackBot(
        make_settings(slack_channel_collections="C-A:team-a;C-B:team-b"), client=object()
    )
    try:
        beta = "What is the beta launch code?"
        in_a = bot._ask(teams, beta, [], "C-A")
        assert {e.chunk.file for e in in_a.evidence} <= {"alpha.txt"} and "5678" not in in_a.text
        in_b = bot._ask(teams, beta, [], "C-B")
        assert "5678" in in_b.text
        assert bot._ask(teams, beta, [], "C-OTHER").evidence == []
    finally:
        bot.close()


def test_slack_without_a_mapping_reads_everything(make_settings, make_service, tmp_path):
    generator = ScriptedGenerator("Done [1].")
    service = make_service(generator=generator)
    (tmp_path / "b.txt").write_text(BETA)
    service.ingest([tmp_path / "b.txt"], collection="team-b")
    bot = SlackBot(make_settings(), client=object())
    try:
        bot._ask(service, "beta code?", [], "C1")
        assert {e.chunk.file for e in generator.history[0].evidence} == {"b.txt"}
    finally:
        bot.close()


def test_remote_evaluation_asks_one_collection():
    sent = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        body = {"answer": "x", "abstained": False, "sources": [], "retrieved": []}
        return httpx.Response(200, json=body | {"grounding": 1.0, "timings_ms": {}})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    RemoteAsk("http://127.0.0.1:1", client=client, collection="team-a")("Q?")
    RemoteAsk("http://127.0.0.1:1", client=client)("Q?")
    assert sent[0]["filters"] == {"collection": ["team-a"]}
    assert "filters" not in sent[1]


# The command line ------------------------------------------------------------------------------


@pytest.fixture
def rag_cli(fake_rag_cli):
    """``rag ARGS...`` on the fakes, with RAG_DATA_DIR in the temporary folder."""
    return fake_rag_cli


def test_cli_ingests_lists_asks_and_deletes_by_collection(rag_cli, tmp_path):
    (tmp_path / "alpha.txt").write_text(ALPHA)
    (tmp_path / "beta.txt").write_text(BETA)
    assert rag_cli("ingest", "--collection", "team-a", str(tmp_path / "alpha.txt")).exit_code == 0
    assert rag_cli("ingest", "--collection", "team-b", str(tmp_path / "beta.txt")).exit_code == 0
    listed = rag_cli("list", "--collection", "team-a", "--json")
    assert [d["file"] for d in json.loads(listed.output)] == ["alpha.txt"]
    everything = rag_cli("list").output
    assert "team-a" in everything and "team-b" in everything
    answer = json.loads(
        rag_cli("ask", "beta launch code?", "--collection", "team-a", "--json").output
    )
    assert {r["file"] for r in answer["retrieved"]} <= {"alpha.txt"}
    assert "5678" not in answer["answer"]
    counts = json.loads(rag_cli("collections", "--json").output)
    assert [(c["name"], c["documents"]) for c in counts] == [("team-a", 1), ("team-b", 1)]
    assert "Deleted collection 'team-b'" in rag_cli("collections", "--delete", "team-b").output
    assert "team-b" not in rag_cli("list").output
    assert rag_cli("collections", "--delete", "team-b").exit_code == 1


def test_cli_deletes_a_document_of_one_collection_only(rag_cli, tmp_path):
    (tmp_path / "alpha.txt").write_text(ALPHA)
    for name in ("team-a", "team-b"):
        assert rag_cli("ingest", "--collection", name, str(tmp_path / "alpha.txt")).exit_code == 0
    deleted = rag_cli("delete", "--collection", "team-b", "alpha.txt")
    assert deleted.exit_code == 0 and "Deleted" in deleted.output
    listed = json.loads(rag_cli("list", "--json").output)
    assert [(d["collection"], d["file"]) for d in listed] == [("team-a", "alpha.txt")]
    assert (tmp_path / "alpha.txt").is_file()  # the user's own file stays
    missing = rag_cli("delete", "--collection", "team-b", "alpha.txt")
    assert missing.exit_code == 1 and "no indexed document matches 'alpha.txt'" in missing.output
    bad = rag_cli("delete", "--collection", "Team B", "alpha.txt")
    assert bad.exit_code == 2 and "not valid" in bad.output


def test_cli_deleting_a_collection_removes_its_kept_uploads(rag_cli, tmp_path):
    uploads = tmp_path / "data" / "uploads"
    kept = uploads / "@team-b" / "beta.txt"
    kept.parent.mkdir(parents=True)
    kept.write_text(BETA)
    other = uploads / "alpha.txt"  # a kept upload of another collection
    other.write_text(ALPHA)
    own = tmp_path / "gamma.txt"  # a file of the user's own, not an upload
    own.write_text("Gamma notes: the gamma door code is 9012.")
    assert rag_cli("ingest", "--collection", "team-b", str(kept), str(own)).exit_code == 0
    assert rag_cli("ingest", str(other)).exit_code == 0
    result = rag_cli("collections", "--delete", "team-b")
    assert result.exit_code == 0 and "2 documents" in result.output
    assert not kept.exists()
    assert own.is_file() and other.is_file()
    assert [d["file"] for d in json.loads(rag_cli("list", "--json").output)] == ["alpha.txt"]


def test_cli_watches_into_a_collection(rag_cli, tmp_path, monkeypatch):
    from ingest.watch import FolderWatcher

    # Catching up is the part under test: watching for events afterwards is test_watch's.
    monkeypatch.setattr(FolderWatcher, "run", lambda self: None)
    monkeypatch.setattr("signal.signal", lambda *_: None)  # no SIGTERM handler left behind
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "alpha.txt").write_text(ALPHA)
    assert rag_cli("ingest", str(folder / "alpha.txt")).exit_code == 0  # also in default
    watched = rag_cli("watch", "--collection", "team-a", str(folder))
    assert watched.exit_code == 0 and "into collection 'team-a'" in watched.output
    listed = json.loads(rag_cli("list", "--json").output)
    assert sorted(d["collection"] for d in listed) == ["default", "team-a"]

    (folder / "alpha.txt").unlink()
    caught_up = rag_cli("watch", "--collection", "team-a", str(folder))
    assert "1 removed" in caught_up.output
    # Only the watched collection's document goes; the default one is not the watcher's.
    listed = json.loads(rag_cli("list", "--json").output)
    assert [d["collection"] for d in listed] == ["default"]
    bad = rag_cli("watch", "--collection", "Team A", str(folder))
    assert bad.exit_code == 2 and "not valid" in bad.output


def test_cli_refuses_bad_collection_names(rag_cli, tmp_path):
    (tmp_path / "alpha.txt").write_text(ALPHA)
    result = rag_cli("ingest", "--collection", "Team A", str(tmp_path / "alpha.txt"))
    assert result.exit_code == 2 and "not valid" in result.output
    local = rag_cli("eval", str(tmp_path / "alpha.txt"), "--collection", "team-a")
    assert local.exit_code == 2 and "--collection goes with --server" in local.output
