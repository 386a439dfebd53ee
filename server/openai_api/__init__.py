"""The OpenAI-compatible API: any OpenAI client asks the documents.

``GET /v1/models`` lists ``rag`` (every collection the key reads) and one ``rag/COLLECTION``
per collection; ``POST /v1/chat/completions`` answers the last
user message from the index, plain or streamed (server-sent events). The numbered sources
travel with the answer as the extension field ``sources``, in both modes. Errors use OpenAI's
shape ``{"error": {"message", "type", "param", "code"}}``.
"""

from server.openai_api.routes import openai_api

__all__ = ["openai_api"]
