"""API keys and what each may reach: ``RAG_API_KEYS`` and the keys file ``RAG_API_KEYS_FILE``.

``RAG_API_KEYS`` is either a plain comma-separated list (``k1,k2``: every key reads and writes
every collection and manages them, as before collections existed), or ``;``-separated entries
``KEY:COLLECTION,COLLECTION`` (``k1:team-a,team-b;k2:team-c``), where a bare ``KEY`` keeps the
full reach and ``*`` stands for every collection. The keys file (TOML or JSON) maps each key to
``{"collections": [...], "admin": bool}``; an admin key with no ``collections`` reaches all.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.collections import DEFAULT_COLLECTION, CollectionNameError, check_name
from rag.errors import ConfigError

EVERY_COLLECTION = "*"


@dataclass(frozen=True)
class KeyGrant:
    """One key and its reach: ``collections`` in the order given (None: every collection)."""

    key: str
    collections: tuple[str, ...] | None
    admin: bool = False

    @property
    def home(self) -> str:
        """Where an upload goes when it names no collection: the key's first collection."""
        return self.collections[0] if self.collections else DEFAULT_COLLECTION


def split_entries(value: str) -> list[str]:
    """The entries of ``RAG_API_KEYS``: ``;``-separated once any entry maps collections."""
    separator = ";" if ":" in value or ";" in value else ","
    return [entry.strip() for entry in value.split(separator) if entry.strip()]


def parse_entry(entry: str) -> KeyGrant:
    key, mapped, names = entry.partition(":")
    key = key.strip()
    if not key:
        raise ConfigError(f"RAG_API_KEYS entry {entry!r} has no key before ':'")
    if not mapped:
        return KeyGrant(key, None, admin=True)
    return KeyGrant(key, _collections(names.split(","), f"RAG_API_KEYS entry for key {key[:4]}…"))


def _collections(names: Iterable[Any], where: str) -> tuple[str, ...] | None:
    cleaned = [n.strip() if isinstance(n, str) else n for n in names]
    cleaned = [n for n in cleaned if n != ""]
    if not cleaned:
        raise ConfigError(f"{where} names no collection: list some, or '*' for all")
    if EVERY_COLLECTION in cleaned:
        return None
    try:
        return tuple(dict.fromkeys(check_name(n) for n in cleaned))
    except CollectionNameError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def read_keys_file(path: Path) -> list[KeyGrant]:
    """The grants of a keys file: TOML (``.toml``) or JSON."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the keys file {path} (RAG_API_KEYS_FILE): {exc}") from exc
    try:
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        kind = "TOML" if path.suffix.lower() == ".toml" else "JSON"
        raise ConfigError(f"the keys file {path} is not valid {kind}: {exc}") from exc
    if not isinstance(data, Mapping):
        raise ConfigError(f"the keys file {path} must map each key to its collections")
    return [_file_grant(key, spec, path) for key, spec in data.items()]


def _file_grant(key: str, spec: Any, path: Path) -> KeyGrant:
    where = f"key {key[:4]}… of {path}"
    if not key.strip() or not isinstance(spec, Mapping):
        raise ConfigError(f'{where} must be a non-empty key mapped to {{"collections": [...]}}')
    unknown = sorted(set(spec) - {"collections", "admin"})
    if unknown:
        raise ConfigError(f"{where} has unknown fields {unknown}: use collections and admin")
    admin = spec.get("admin", False)
    if not isinstance(admin, bool):
        raise ConfigError(f"{where}: 'admin' must be true or false")
    names = spec.get("collections")
    if names is None and admin:
        return KeyGrant(key, None, admin=True)
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, list):
        raise ConfigError(f"{where}: 'collections' must be a list of collection names, or '*'")
    return KeyGrant(key, _collections(names, where), admin=admin)


def load_grants(entries: Iterable[str], keys_file: Path | None) -> list[KeyGrant]:
    """Every configured key with its reach; a key given twice is a configuration error."""
    grants = [parse_entry(entry) for entry in entries]
    if keys_file is not None:
        grants += read_keys_file(keys_file)
    seen: set[str] = set()
    for grant in grants:
        if grant.key in seen:
            raise ConfigError(f"the API key {grant.key[:4]}… is configured twice")
        seen.add(grant.key)
    return grants


def key_of(entry: str) -> str:
    """The key of a ``RAG_API_KEYS`` entry, without the collections it maps."""
    return entry.partition(":")[0].strip()
