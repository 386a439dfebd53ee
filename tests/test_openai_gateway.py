"""What a deployment in front of /v1 needs: CORS for listed origins, preflights that need no
key and cost no allowance, and rate limits counted per API key for gateways."""

from __future__ import annotations

import pytest

from rag.settings import Settings
from server import create_app

ORIGIN = "https://chat.example.com"
PREFLIGHT = {
    "Origin": ORIGIN,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type",
}


@pytest.fixture
def make_web(make_settings, service):
    def make(**overrides):
        return create_app(make_settings(**overrides), rag=service).test_client()

    return make


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


# CORS ------------------------------------------------------------------------------------------


def test_no_cors_by_default(make_web):
    web = make_web()
    response = web.options("/v1/chat/completions", headers=PREFLIGHT)
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Access-Control-Allow-Origin" not in web.get("/v1/models", headers=PREFLIGHT).headers


def test_a_listed_origin_gets_a_preflight_without_a_key_or_the_rate_limit(make_web):
    web = make_web(cors_origins=[ORIGIN], api_keys=["k1"], rate_limit="2/minute")
    for _ in range(5):
        response = web.options("/v1/chat/completions", headers=PREFLIGHT)
        assert response.status_code == 200, response.text
        assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
        allowed = response.headers["Access-Control-Allow-Headers"].lower()
        assert "authorization" in allowed and "content-type" in allowed
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
        assert "Access-Control-Allow-Credentials" not in response.headers
    # The preflights spent none of the allowance of the calls they announce.
    for _ in range(2):
        answered = web.get("/v1/models", headers=bearer("k1") | {"Origin": ORIGIN})
        assert answered.status_code == 200
        assert answered.headers["Access-Control-Allow-Origin"] == ORIGIN
        assert "Retry-After" in answered.headers["Access-Control-Expose-Headers"]
    refused = web.get("/v1/models", headers=bearer("k1") | {"Origin": ORIGIN})
    assert refused.status_code == 429
    assert refused.headers["Access-Control-Allow-Origin"] == ORIGIN  # the page can read why


def test_an_unlisted_origin_gets_no_cors_headers(make_web):
    web = make_web(cors_origins=[ORIGIN])
    other = PREFLIGHT | {"Origin": "https://evil.example.net"}
    assert "Access-Control-Allow-Origin" not in web.options("/v1/models", headers=other).headers
    assert "Access-Control-Allow-Origin" not in web.get("/v1/models", headers=other).headers


def test_cors_covers_the_json_api_too(make_web):
    web = make_web(cors_origins=[ORIGIN])
    response = web.options("/api/ask", headers=PREFLIGHT)
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN


def test_cors_origins_read_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_CORS_ORIGINS", "https://a.example.com, https://b.example.com")
    settings = Settings(data_dir=tmp_path)
    assert settings.cors_origins == ["https://a.example.com", "https://b.example.com"]


def test_a_preflight_without_a_key_still_leaves_other_methods_protected(make_web):
    web = make_web(cors_origins=[ORIGIN], api_keys=["k1"])
    assert web.options("/v1/models", headers=PREFLIGHT).status_code == 200
    assert web.get("/v1/models", headers={"Origin": ORIGIN}).status_code == 401


# Rate limits per key --------------------------------------------------------------------------


def test_a_key_has_its_own_allowance_beside_the_address_one(make_web):
    web = make_web(
        api_keys=["gateway", "other"], rate_limit="1/minute", rate_limit_per_key="3/minute"
    )
    # An unauthenticated call spends this address's allowance...
    assert web.get("/v1/models").status_code == 401
    assert web.get("/v1/models").status_code == 429
    # ...while the gateway's key, from the same address, has its own.
    for _ in range(3):
        response = web.get("/v1/models", headers=bearer("gateway"))
        assert response.status_code == 200
        assert response.headers["X-RateLimit-Limit"] == "3"
    assert web.get("/v1/models", headers=bearer("gateway")).status_code == 429
    # Counted per key: another key is not held back by the gateway's use.
    assert web.get("/v1/models", headers=bearer("other")).status_code == 200


def test_keys_share_rate_limit_when_no_per_key_limit_is_set(make_web):
    web = make_web(api_keys=["gateway"], rate_limit="2/minute")
    assert [web.get("/v1/models", headers=bearer("gateway")).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]


def test_an_empty_per_key_limit_leaves_keyed_calls_unlimited(make_web):
    web = make_web(api_keys=["gateway"], rate_limit="1/minute", rate_limit_per_key="")
    assert {web.get("/v1/models", headers=bearer("gateway")).status_code for _ in range(5)} == {200}
    assert web.get("/v1/models").status_code == 401
    assert web.get("/v1/models").status_code == 429


def test_an_invented_key_is_counted_by_address(make_web):
    web = make_web(api_keys=["gateway"], rate_limit="1/minute", rate_limit_per_key="5/minute")
    assert web.get("/v1/models", headers=bearer("made-up-1")).status_code == 401
    assert web.get("/v1/models", headers=bearer("made-up-2")).status_code == 429
