"""Evaluate a running server: ``RemoteAsk`` is an ``ask(question) -> Answer`` over HTTP.

It POSTs to ``{base_url}/api/ask`` and rebuilds the ``Answer`` from ``Answer.to_dict()``'s JSON,
so ``run_eval`` scores a deployed service exactly as it scores an in-process ``RagService``
(and, with ``concurrency``, measures it under load).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

import httpx

from rag.errors import EvalError
from rag.types import Answer, Chunk, Evidence, Source


class RemoteAsk:
    """``RemoteAsk("http://127.0.0.1:8000", api_key=..., top_k=5)(question) -> Answer``.

    ``client`` is injectable (tests pass one over ``httpx.MockTransport``); one that was passed
    in is the caller's to close. The client is shared by the evaluation threads: httpx's
    connection pool is thread-safe, and reusing connections keeps TCP set-up out of the timings.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        timeout: float = 60,
        top_k: int | None = None,
        client: httpx.Client | None = None,
        retrieve_k: int | None = 10,
        collection: str | None = None,
    ) -> None:
        base_url = base_url.strip().rstrip("/")
        if not base_url.startswith(("http://", "https://")):
            raise EvalError(
                f"server URL {base_url!r} must start with http:// or https://, "
                "e.g. http://127.0.0.1:8000"
            )
        self.base_url = base_url
        self.url = f"{base_url}/api/ask"
        self.timeout = timeout
        self.top_k = top_k
        self.retrieve_k = retrieve_k  # as service_ask: recall@10 while the answer reads top_k
        self.collection = (
            collection  # one collection of the server's index (None: all the key reads)
        )
        self._headers = {"Accept": "application/json"}
        if api_key:
            self._headers["Authorization"] = f"Bearer {api_key}"
        self._own_client = client is None
        self._client = client or httpx.Client(timeout=timeout)

    def __call__(self, question: str) -> Answer:
        body: dict[str, Any] = {"question": question}
        if self.top_k is not None:
            body["top_k"] = self.top_k
        if self.retrieve_k is not None:
            body["retrieve_k"] = self.retrieve_k
        if self.collection is not None:
            body["filters"] = {"collection": [self.collection]}
        started = time.perf_counter()
        try:
            response = self._client.post(
                self.url, json=body, headers=self._headers, timeout=self.timeout
            )
        except httpx.TimeoutException as exc:
            raise EvalError(
                f"the server at {self.base_url} did not answer within {self.timeout:g} s "
                f"({type(exc).__name__}); raise the timeout or lower the concurrency"
            ) from exc
        except httpx.HTTPError as exc:  # connection refused, DNS, TLS, protocol errors
            raise EvalError(
                f"cannot reach the server at {self.base_url} ({exc or type(exc).__name__}): "
                "is `rag serve` running there?"
            ) from exc
        elapsed_ms = (time.perf_counter() - started) * 1000
        if response.status_code >= 400:
            raise EvalError(self._http_error(response))
        try:
            data = response.json()
        except ValueError as exc:
            raise EvalError(
                f"the server at {self.base_url} answered POST /api/ask with something that is "
                f"not JSON (HTTP {response.status_code}, {_excerpt(response.text)!r})"
            ) from exc
        answer = answer_from_dict(data, where=f"the reply of {self.url}")
        # The server's "total" is its own time; this one adds the network and the HTTP stack.
        answer.timings_ms["client_total"] = elapsed_ms
        return answer

    def _http_error(self, response: httpx.Response) -> str:
        message = _server_message(response)
        hint = ""
        if response.status_code in (401, 403):
            hint = " (check the API key)"
        elif response.status_code == 404:
            hint = " (is this the URL of a rag server?)"
        return (
            f"the server at {self.base_url} answered POST /api/ask with HTTP "
            f"{response.status_code}{hint}: {message}"
        )

    def close(self) -> None:
        if self._own_client:
            self._client.close()

    def __enter__(self) -> RemoteAsk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _excerpt(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


def _server_message(response: httpx.Response) -> str:
    """The server's ``{"error": {"message"}}``, else the start of whatever it sent."""
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        error = None
    if isinstance(error, Mapping) and error.get("message"):
        return str(error["message"])
    if isinstance(error, str) and error:
        return error
    return _excerpt(response.text) or response.reason_phrase


def answer_from_dict(data: Any, *, where: str = "the answer") -> Answer:
    """Rebuild an ``Answer`` from ``Answer.to_dict()``'s JSON.

    Retrieved chunks come back as minimal ``Chunk`` objects: file, page, modality and score are
    all the evaluation reads; the text and hashes are not sent.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("answer"), str):
        raise EvalError(f"{where} is not an answer: a JSON object with an 'answer' is expected")
    try:
        sources = [
            Source(
                n=int(s.get("n", i + 1)),
                file=str(s["file"]),
                page=s.get("page"),
                modality=s.get("modality", "text"),
                snippet=str(s.get("snippet", "")),
                doc_id=str(s.get("doc_id", "")),
                score=float(s.get("score", 0.0)),
                image=s.get("image"),
            )
            for i, s in enumerate(data.get("sources") or [])
        ]
        evidence = [
            Evidence(
                chunk=Chunk(
                    doc_id="",
                    file=str(r["file"]),
                    sha256="",
                    chunk_index=i,
                    text="",
                    modality=r.get("modality", "text"),
                    page=r.get("page"),
                ),
                score=float(r.get("score", 0.0)),
                rank=i + 1,
            )
            for i, r in enumerate(data.get("retrieved") or [])
        ]
        timings = {str(k): float(v) for k, v in (data.get("timings_ms") or {}).items()}
        return Answer(
            text=data["answer"],
            sources=sources,
            evidence=evidence,
            abstained=bool(data.get("abstained", False)),
            timings_ms=timings,
            grounding=float(data.get("grounding", 1.0)),
            unsupported=[str(u) for u in data.get("unsupported") or []],
            dropped_markers=[int(d) for d in data.get("dropped_markers") or []],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise EvalError(f"{where} is malformed ({type(exc).__name__}: {exc})") from exc
