"""The one exception tree of the product.

    RagError                      everything raised on purpose derives from this
    ├── ConfigError               settings that cannot work (bad value, missing file)
    ├── ModelError                a model could not be loaded or run (what to install / set)
    ├── StoreError                the vector store failed
    │   ├── StoreLockedError      another process holds the embedded shard
    │   └── StoreUnavailableError the Qdrant server cannot be reached
    ├── DocumentNotFoundError     ``rag delete`` / lookups of a document that is not indexed
    ├── IngestError               one input file cannot be ingested (the batch goes on)
    │   ├── UnsupportedFileError  a type the product does not read, or a mislabelled file
    │   ├── CorruptFileError      truncated or damaged content
    │   ├── EncryptedFileError    a password-protected PDF
    │   ├── EmptyFileError        zero bytes or no extractable content
    │   ├── FileTooLargeError     over the configured size, page or pixel limits
    │   └── FetchError            a URL refused (scheme, private address) or not fetched
    ├── PromptError               a prompt template is missing or a variable is unset
    └── EvalError                 a malformed question file

Library errors (pypdf, PIL, Qdrant, torch) are wrapped with ``raise ... from exc`` where they
cross into the product, so callers catch ``RagError`` and show ``str(exc)``, which always says
what went wrong and, where it can, how to fix it.
"""

from __future__ import annotations


class RagError(Exception):
    """Base class of every error the product raises on purpose."""


class ConfigError(RagError):
    pass


class ModelError(RagError):
    pass


class StoreError(RagError):
    pass


class StoreLockedError(StoreError):
    pass


class StoreUnavailableError(StoreError):
    pass


class DocumentNotFoundError(RagError):
    pass


class IngestError(RagError):
    """One file could not be ingested. ``reason`` is the short, user-facing cause."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        # Rebuilt from both arguments: a worker process hands the failure of its file back.
        return (type(self), (self.path, self.reason))


class UnsupportedFileError(IngestError):
    pass


class CorruptFileError(IngestError):
    pass


class EncryptedFileError(IngestError):
    pass


class EmptyFileError(IngestError):
    pass


class FileTooLargeError(IngestError):
    pass


class FetchError(IngestError):
    pass


class PromptError(RagError):
    pass


class EvalError(RagError):
    pass
