"""docker-compose.yml and the Dockerfile, checked without a Docker engine: the services and
their wiring, and every ``RAG_*`` value, resolved as ``docker compose`` resolves it, loads."""

from __future__ import annotations

import json
import re
import shlex
import tomllib
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from rag.settings import Settings, load_settings
from server import create_app

ROOT = Path(__file__).resolve().parent.parent
SECRETS = {"QDRANT_API_KEY": "qdrant-secret", "RAG_API_KEYS": "k1,k2"}

# ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt}, $VAR, $$
_VARIABLE = re.compile(
    r"\$(?:(?P<escaped>\$)|\{(?P<name>\w+)(?:(?P<op>:?[-?+])(?P<arg>[^}]*))?\}|(?P<bare>\w+))"
)


class MissingVariable(Exception):
    pass


def interpolate(value: str, env: dict[str, str]) -> str:
    """The substitutions of the Compose specification, enough for this file."""

    def one(match: re.Match) -> str:
        if match["escaped"]:
            return "$"
        name = match["name"] or match["bare"]
        op, arg = match["op"], match["arg"] or ""
        unset = name not in env
        empty = unset or env[name] == ""
        if op in (":-", "-"):
            return arg if (empty if op == ":-" else unset) else env[name]
        if op in (":?", "?"):
            if empty if op == ":?" else unset:
                raise MissingVariable(f"{name}: {arg}")
            return env[name]
        if op in (":+", "+"):
            return "" if (empty if op == ":+" else unset) else arg
        return env.get(name, "")

    return _VARIABLE.sub(one, value)


def test_interpolate_follows_compose():
    env = {"SET": "x", "EMPTY": ""}
    assert interpolate("${SET}-${UNSET}-$SET-$$SET", env) == "x--x-$SET"
    assert interpolate("${EMPTY:-d}|${EMPTY-d}|${UNSET-d}", env) == "d||d"
    assert interpolate("${SET:+a}|${EMPTY:+a}|${EMPTY+a}", env) == "a||a"
    with pytest.raises(MissingVariable, match="say why"):
        interpolate("${EMPTY:?say why}", env)
    assert interpolate("${EMPTY?fine}", env) == ""


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {name: "" if value is None else str(value) for name, value in env.items()}


def resolved(service: dict, env: dict[str, str]) -> dict[str, str]:
    return {name: interpolate(value, env) for name, value in environment(service).items()}


def healthcheck(service: dict) -> str:
    test = service["healthcheck"]["test"]
    return " ".join(test) if isinstance(test, list) else test


# Shape ---------------------------------------------------------------------------------------


def test_services_and_profiles(services):
    assert {"qdrant", "app", "vlm", "app-vlm"} <= services.keys()
    assert "profiles" not in services["qdrant"] and "profiles" not in services["app"]
    assert services["vlm"]["profiles"] == ["vlm"] and services["app-vlm"]["profiles"] == ["vlm"]
    assert services["app"]["build"] == "." and services["app"]["ports"] == ["8000:8000"]
    # Both apps publish different host ports, so the vlm profile runs beside the default one.
    assert services["app-vlm"]["ports"] == ["8001:8000"]


def test_every_service_has_a_healthcheck_and_apps_wait_for_healthy_peers(services):
    for name, service in services.items():
        assert service["healthcheck"]["test"], name
    assert services["app"]["depends_on"]["qdrant"]["condition"] == "service_healthy"
    assert services["app-vlm"]["depends_on"]["qdrant"]["condition"] == "service_healthy"
    assert services["app-vlm"]["depends_on"]["vlm"]["condition"] == "service_healthy"


def test_healthchecks_use_what_the_images_have(services):
    # No curl in the Qdrant image: bash's /dev/tcp.
    qdrant = healthcheck(services["qdrant"])
    assert "curl" not in qdrant and "/dev/tcp/127.0.0.1/6333" in qdrant
    for name in ("app", "app-vlm"):
        check = healthcheck(services[name])
        assert "urllib.request" in check and "http://127.0.0.1:8000/readyz" in check
    assert "http://127.0.0.1:8000/health" in healthcheck(services["vlm"])


def test_named_volumes_are_declared_and_mounted(compose, services):
    assert "qdrant_data:/qdrant/storage" in services["qdrant"]["volumes"]
    assert "app_data:/data" in services["app"]["volumes"]
    # The VLM app reads the same kept images and pages as the other one.
    assert services["app-vlm"]["volumes"] == services["app"]["volumes"]
    for service in services.values():
        for mount in service.get("volumes", []):
            source = mount.split(":", 1)[0]
            if not source.startswith((".", "/")):
                assert source in compose["volumes"], mount


def test_images_are_pinned(services):
    for name in ("qdrant", "vlm"):
        image = services[name]["image"]
        assert re.fullmatch(r"[\w./-]+:v\d+\.\d+\.\d+", image), image


def test_qdrant_within_one_minor_version_of_the_client(services):
    pins = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    client = next(p.split("==")[1] for p in pins if p.startswith("qdrant-client=="))
    server = services["qdrant"]["image"].rsplit(":v", 1)[1]
    (c_major, c_minor), (s_major, s_minor) = (
        tuple(int(x) for x in v.split(".")[:2]) for v in (client, server)
    )
    assert c_major == s_major and abs(c_minor - s_minor) <= 1, (client, server)


def test_the_vlm_gets_a_gpu(services):
    devices = services["vlm"]["deploy"]["resources"]["reservations"]["devices"]
    assert devices[0]["driver"] == "nvidia" and "gpu" in devices[0]["capabilities"]


# Settings ------------------------------------------------------------------------------------


def test_every_rag_variable_is_a_setting(services):
    names = [
        name
        for service in services.values()
        for name in environment(service)
        if name.startswith("RAG_")
    ]
    assert names
    unknown = [n for n in names if n.removeprefix("RAG_").lower() not in Settings.model_fields]
    assert unknown == []


def load_service_settings(service: dict, env: dict[str, str], monkeypatch) -> Settings:
    for name, value in resolved(service, env).items():
        if name.startswith("RAG_"):
            monkeypatch.setenv(name, value)
    return load_settings()


def test_app_settings_load_and_point_at_qdrant(services, monkeypatch):
    settings = load_service_settings(services["app"], SECRETS, monkeypatch)
    url = urlparse(settings.qdrant_url)
    assert url.hostname == "qdrant" and url.hostname in services
    assert url.port == 6333
    assert settings.qdrant_api_key == SECRETS["QDRANT_API_KEY"]
    # The app and Qdrant read the same secret.
    qdrant_env = resolved(services["qdrant"], SECRETS)
    assert qdrant_env["QDRANT__SERVICE__API_KEY"] == settings.qdrant_api_key
    assert settings.api_keys == ["k1", "k2"]
    assert settings.data_dir == Path("/data") and not settings.uses_embedded_store
    # Optional variables left unset resolve to empty strings, which mean "off".
    assert not settings.public_url
    assert not settings.slack_signing_secret and not settings.slack_bot_token
    assert create_app(settings).extensions["slack"] is None


def test_optional_variables_pass_through(services, monkeypatch):
    env = SECRETS | {
        "RAG_PUBLIC_URL": "https://rag.example.com",
        "RAG_SLACK_SIGNING_SECRET": "signing",
        "RAG_SLACK_BOT_TOKEN": "xoxb-1",
    }
    settings = load_service_settings(services["app"], env, monkeypatch)
    assert settings.public_url == "https://rag.example.com"
    assert (settings.slack_signing_secret, settings.slack_bot_token) == ("signing", "xoxb-1")


def test_vlm_app_answers_with_the_model_server(services, monkeypatch):
    settings = load_service_settings(services["app-vlm"], SECRETS, monkeypatch)
    assert settings.generator == "openai"
    url = urlparse(settings.openai_base_url)
    assert url.hostname == "vlm" and url.port == 8000 and url.path == "/v1"
    command = services["vlm"]["command"]
    served = command[command.index("--served-model-name") + 1]
    assert settings.openai_model == served
    assert settings.qdrant_url == "http://qdrant:6333" and settings.api_keys == ["k1", "k2"]


@pytest.mark.parametrize("missing", sorted(SECRETS))
def test_secrets_are_required(services, missing):
    env = {k: v for k, v in SECRETS.items() if k != missing}
    with pytest.raises(MissingVariable, match=missing):
        for service in services.values():
            resolved(service, env)


# Dockerfile ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    """(instruction, arguments), continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    steps = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            instruction, _, args = line.partition(" ")
            steps.append((instruction.upper(), " ".join(args.split())))
    return steps


def args_of(dockerfile, instruction: str) -> list[str]:
    return [args for name, args in dockerfile if name == instruction]


def test_dockerfile_base_torch_and_install(dockerfile):
    assert args_of(dockerfile, "FROM")[0].startswith("python:3.11-slim")
    runs = args_of(dockerfile, "RUN")
    torch = next(i for i, r in enumerate(runs) if "torch==" in r)
    assert "torch==2.13.0" in runs[torch]
    assert "--index-url https://download.pytorch.org/whl/cpu" in runs[torch]
    install = next(i for i, r in enumerate(runs) if re.search(r"pip install (-e )?\.$", r))
    assert torch < install  # so the project's torch pin finds the CPU build installed


def test_dockerfile_copies_every_package_and_the_prompts(dockerfile):
    copied = {src for args in args_of(dockerfile, "COPY") for src in shlex.split(args)[:-1]}
    found = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = {p.rstrip("*") for p in found["packages"]["find"]["include"]}
    assert packages | {"prompts", "pyproject.toml", "README.md"} <= copied


def test_dockerfile_runs_the_server_as_a_user(dockerfile):
    # The exec form (a JSON list): signals reach the server, not a shell.
    cmd = json.loads(args_of(dockerfile, "CMD")[-1])
    assert cmd == ["rag", "serve", "--host", "0.0.0.0", "--port", "8000"]
    assert args_of(dockerfile, "EXPOSE") == ["8000"]
    assert args_of(dockerfile, "USER")[-1] not in ("root", "0")
    assert "RAG_DATA_DIR=/data" in args_of(dockerfile, "ENV")
    assert "http://127.0.0.1:8000/healthz" in args_of(dockerfile, "HEALTHCHECK")[0]


def test_dockerignore_keeps_local_state_out():
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", "data", ".git", "__pycache__", ".pytest_cache"} <= set(ignored)
