"""docker-compose.yml and the Dockerfile, checked without a Docker engine: the services and
their wiring, and every ``RAG_*`` value, resolved as ``docker compose`` resolves it, loads."""

from __future__ import annotations

import json
import os
import re
import shlex
import socket
import subprocess
import sys
import threading
import time
import tomllib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from rag.errors import ConfigError
from rag.settings import READER_PARTS, Settings, load_settings
from rag.settings_env import env_example
from server import create_app
from server.slack.socket_mode import HEARTBEAT_FILE

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


CLUSTER_NODES = ["qdrant-node-1", "qdrant-node-2", "qdrant-node-3"]
APPS = ["app", "app-vlm", "app-cluster"]
QDRANTS = ["qdrant", *CLUSTER_NODES]


def test_services_and_profiles(services):
    assert {"qdrant", "app", "vlm", "app-vlm", "app-cluster", *CLUSTER_NODES} <= services.keys()
    assert "profiles" not in services["qdrant"] and "profiles" not in services["app"]
    assert services["vlm"]["profiles"] == ["vlm"] and services["app-vlm"]["profiles"] == ["vlm"]
    for name in ["app-cluster", *CLUSTER_NODES]:
        assert services[name]["profiles"] == ["cluster"], name
    assert services["app"]["build"] == "." and services["app"]["ports"] == ["8000:8000"]
    # The apps publish different host ports, so each profile runs beside the default one.
    assert services["app-vlm"]["ports"] == ["8001:8000"]
    assert services["app-cluster"]["ports"] == ["8002:8000"]


def test_every_service_has_a_healthcheck_and_apps_wait_for_healthy_peers(services):
    for name, service in services.items():
        assert service["healthcheck"]["test"], name
    assert services["app"]["depends_on"]["qdrant"]["condition"] == "service_healthy"
    assert services["app-vlm"]["depends_on"]["qdrant"]["condition"] == "service_healthy"
    assert services["app-vlm"]["depends_on"]["vlm"]["condition"] == "service_healthy"


def test_healthchecks_use_what_the_images_have(services):
    # No curl in the Qdrant image: bash's /dev/tcp, asking the readiness endpoint.
    for name in QDRANTS:
        qdrant = healthcheck(services[name])
        assert "curl" not in qdrant and "/dev/tcp/127.0.0.1/6333" in qdrant, name
        assert "GET /readyz " in qdrant, name
    for name in APPS:
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
    for name in (*QDRANTS, "vlm"):
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


class ReadinessStandIn:
    """Answers ``GET /readyz`` with a chosen status, as a Qdrant node does before and after it
    is ready, and records the paths asked for."""

    def __init__(self, status: int) -> None:
        stand_in = self
        self.paths: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                stand_in.paths.append(self.path)
                body = b"all shards are ready" if status == 200 else b"not ready"
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def run_qdrant_check(services: dict, port: int) -> int:
    """The Qdrant health check as Docker runs it (after Compose's interpolation), aimed at
    ``port`` instead of the container's 6333."""
    test = services["qdrant"]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "bash", "-c"]
    script = interpolate(test[3], {})
    script = script.replace("/dev/tcp/127.0.0.1/6333", f"/dev/tcp/127.0.0.1/{port}")
    return subprocess.run(["bash", "-c", script], timeout=20, check=False).returncode


@pytest.mark.parametrize(("status", "healthy"), [(200, True), (503, False)])
def test_qdrant_health_check_asks_the_readiness_endpoint(services, status, healthy):
    stand_in = ReadinessStandIn(status)
    try:
        code = run_qdrant_check(services, stand_in.port)
    finally:
        stand_in.close()
    assert stand_in.paths == ["/readyz"]
    assert (code == 0) is healthy


def test_qdrant_health_check_fails_when_nothing_listens(services):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    assert run_qdrant_check(services, free_port) != 0


def test_every_qdrant_shares_one_health_check(services):
    checks = {name: services[name]["healthcheck"] for name in QDRANTS}
    assert all(check == checks["qdrant"] for check in checks.values())


# Cluster profile -----------------------------------------------------------------------------


def test_cluster_nodes_run_in_distributed_mode(services):
    for name in CLUSTER_NODES:
        env = resolved(services[name], SECRETS)
        assert env["QDRANT__CLUSTER__ENABLED"] == "true", name
        assert env["QDRANT__SERVICE__API_KEY"] == SECRETS["QDRANT_API_KEY"], name
        # The peer-to-peer port can write: it is never published.
        assert "ports" not in services[name], name
        command = services[name]["command"]
        assert command[0] == "./qdrant"
        # Each node tells its peers where it is reached: its own name, the p2p port.
        uri = urlparse(command[command.index("--uri") + 1])
        assert (uri.scheme, uri.hostname, uri.port) == ("http", name, 6335)
    first, *others = CLUSTER_NODES
    assert "--bootstrap" not in services[first]["command"]
    for name in others:
        command = services[name]["command"]
        bootstrap = urlparse(command[command.index("--bootstrap") + 1])
        assert (bootstrap.hostname, bootstrap.port) == (first, 6335)
        # Joining needs the first node up.
        assert services[name]["depends_on"][first]["condition"] == "service_healthy"


def test_each_cluster_node_keeps_its_own_storage(services):
    volumes = [services[name]["volumes"] for name in CLUSTER_NODES]
    sources = {mount[0].split(":", 1)[0] for mount in volumes}
    assert len(sources) == len(CLUSTER_NODES)
    assert all(mount[0].endswith(":/qdrant/storage") for mount in volumes)


def test_cluster_app_creates_sharded_replicated_collections(services, monkeypatch):
    app = services["app-cluster"]
    for node in CLUSTER_NODES:
        assert app["depends_on"][node]["condition"] == "service_healthy"
    settings = load_service_settings(app, SECRETS, monkeypatch)
    url = urlparse(settings.qdrant_url)
    assert url.hostname in CLUSTER_NODES and url.port == 6333
    assert (settings.qdrant_shards, settings.qdrant_replication) == (6, 2)
    # Replicas live on other nodes: no more copies than nodes.
    assert settings.qdrant_replication <= len(CLUSTER_NODES)
    # Its uploads and kept files belong to its own index.
    assert app["volumes"] != services["app"]["volumes"]


def test_cluster_layout_can_be_chosen(services, monkeypatch):
    env = SECRETS | {"RAG_QDRANT_SHARDS": "3", "RAG_QDRANT_REPLICATION": "3"}
    settings = load_service_settings(services["app-cluster"], env, monkeypatch)
    assert (settings.qdrant_shards, settings.qdrant_replication) == (3, 3)


def test_cluster_layout_is_checked(services, monkeypatch):
    env = SECRETS | {"RAG_QDRANT_REPLICATION": "0"}
    with pytest.raises(ConfigError, match="qdrant_replication"):
        load_service_settings(services["app-cluster"], env, monkeypatch)


# Slack over Socket Mode ----------------------------------------------------------------------


def test_slack_profile_runs_the_socket_mode_bot_on_the_apps_index(services, monkeypatch):
    slack = services["slack"]
    assert slack["profiles"] == ["slack"] and slack["command"] == ["rag", "slack"]
    assert "ports" not in slack  # Slack is reached over the websocket the bot opens
    assert slack["volumes"] == services["app"]["volumes"]
    assert slack["depends_on"]["qdrant"]["condition"] == "service_healthy"
    env = SECRETS | {"RAG_SLACK_APP_TOKEN": "xapp-1", "RAG_SLACK_BOT_TOKEN": "xoxb-1"}
    settings = load_service_settings(slack, env, monkeypatch)
    assert (settings.slack_app_token, settings.slack_bot_token) == ("xapp-1", "xoxb-1")
    assert (
        settings.qdrant_url == load_service_settings(services["app"], env, monkeypatch).qdrant_url
    )


def run_slack_check(services: dict, data_dir: Path) -> int:
    test = services["slack"]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"]
    settings_dir = Settings(data_dir="/data").data_dir
    assert f"'{settings_dir / HEARTBEAT_FILE}'" in test[3]
    script = test[3].replace(f"'{settings_dir}/", f"'{data_dir}/")
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=60
    ).returncode


def test_slack_health_check_reads_the_heartbeat(services, tmp_path):
    assert run_slack_check(services, tmp_path) != 0  # never connected
    alive = tmp_path / HEARTBEAT_FILE
    alive.touch()
    assert run_slack_check(services, tmp_path) == 0
    stale = time.time() - 120
    os.utime(alive, (stale, stale))
    assert run_slack_check(services, tmp_path) != 0


# The settings file ---------------------------------------------------------------------------


def test_apps_read_every_setting_from_an_optional_env_file(services):
    for name in [*APPS, "slack"]:
        assert services[name]["env_file"] == [{"path": ".env", "required": False}], name


def test_env_example_is_generated_from_the_settings():
    # Regenerate with: python -m rag.settings_env > .env.example
    assert (ROOT / ".env.example").read_text() == env_example()


def test_env_example_lists_every_setting_with_its_default():
    text = (ROOT / ".env.example").read_text()
    assigned = dict(
        line.removeprefix("# ").split("=", 1)
        for line in text.splitlines()
        if re.fullmatch(r"# RAG_[A-Z0-9_]+=.*", line)
    )
    assert sorted(assigned) == sorted(f"RAG_{name.upper()}" for name in Settings.model_fields)
    assert assigned["RAG_TOP_K"] == "5"
    assert assigned["RAG_COLLECTION"] == "documents"
    assert assigned["RAG_GENERATOR_PAGE_IMAGES"] == "false"
    assert assigned["RAG_DATA_DIR"] == "./data"
    assert assigned["RAG_READER_PARTS"] == ",".join(sorted(READER_PARTS))
    assert assigned["RAG_QDRANT_URL"] == ""


def test_env_example_defaults_load_as_the_defaults(monkeypatch):
    """Uncommenting a line with a written default changes nothing: each one parses back to
    the setting's default."""
    defaults = Settings()
    for line in (ROOT / ".env.example").read_text().splitlines():
        match = re.fullmatch(r"# RAG_([A-Z0-9_]+)=(.+)", line)
        if match:
            monkeypatch.setenv(f"RAG_{match[1]}", match[2])
    loaded = load_settings()
    for name in Settings.model_fields:
        assert getattr(loaded, name) == getattr(defaults, name), name


def test_env_files_stay_out_of_git_and_the_image():
    assert ".env" in (ROOT / ".gitignore").read_text().split()
    assert ".env" in (ROOT / ".dockerignore").read_text().split()


def test_env_example_documents_any_settings_class():
    class Small(BaseSettings):
        model_config = SettingsConfigDict(env_prefix="RAG_", extra="forbid", frozen=True)

        # A commented group.
        plain: int = 3
        listed: list[str] = Field(default_factory=lambda: ["b", "a"])  # kept in order
        maybe: str | None = None

    text = env_example(Small)
    assert "# A commented group.\n# RAG_PLAIN=3" in text
    assert "# kept in order\n# RAG_LISTED=b,a" in text
    assert "# Default: unset.\n# RAG_MAYBE=" in text


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
    install = next(
        i for i, r in enumerate(runs) if re.search(r"pip install (-c constraints\.txt )?\.$", r)
    )
    assert torch < install  # so the project's torch pin finds the CPU build installed
    # The image installs the versions the tests ran on, as `make install` does.
    assert "-c constraints.txt" in runs[install]
    assert "constraints.txt" in {a.split()[0] for a in args_of(dockerfile, "COPY")}


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


def test_an_empty_model_cache_line_keeps_the_per_user_cache(monkeypatch, tmp_path):
    """The .env.example line of a machine-dependent default is empty when uncommented."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("RAG_MODEL_CACHE_DIR", "")
    assert load_settings().model_cache_dir == tmp_path / "rag" / "models"
    monkeypatch.setenv("RAG_MODEL_CACHE_DIR", str(tmp_path / "mine"))
    assert load_settings().model_cache_dir == tmp_path / "mine"
