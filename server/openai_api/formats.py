"""``response_format``: the answer as a JSON object instead of prose.

``json_object`` gives ``{"answer", "sources"}``. ``json_schema`` fills the client's schema from
what the service knows, by property name: a string named like ``answer`` gets the answer text,
an array named like ``sources`` the numbered sources (objects filled field by field, or one
string per source), ``abstained`` and ``grounding`` (or ``confidence``) their values. Nothing
is invented: a schema that requires a property the service cannot fill is a 400 before any
work is done, and the object is checked against the schema before it is sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from server.openai_api.errors import InvalidRequest
from server.openai_api.sources import source_label

PARAM = "response_format"
ANSWER_NAMES = frozenset(
    {"answer", "response", "reply", "text", "content", "output", "result", "message", "summary"}
)
SOURCES_NAMES = frozenset({"sources", "citations", "references", "documents", "evidence"})
# A property of one source, by the names clients give it -> the key of our source object.
SOURCE_FIELDS = {
    **dict.fromkeys(("n", "number", "index", "id", "marker", "citation"), "n"),
    **dict.fromkeys(("file", "filename", "file_name", "document", "name", "title"), "file"),
    **dict.fromkeys(("source", "label"), "label"),
    **dict.fromkeys(("page", "page_number", "pageno"), "page"),
    **dict.fromkeys(("snippet", "text", "quote", "excerpt", "content", "passage"), "snippet"),
    **dict.fromkeys(("url", "link", "href", "uri", "preview_url"), "url"),
    **dict.fromkeys(("doc_id", "document_id"), "doc_id"),
    **dict.fromkeys(("score", "relevance"), "score"),
    **dict.fromkeys(("modality", "kind"), "modality"),
}
TOP_FIELDS = {
    "abstained": "abstained",
    "grounding": "grounding",
    "confidence": "grounding",
    "grounded": "grounding",
}
JSON_TYPES = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
    "array": list,
    "object": dict,
}


@dataclass(frozen=True)
class ResponseFormat:
    kind: str  # text | json_object | json_schema
    schema: dict[str, Any] | None = None
    name: str = "response"

    @property
    def is_json(self) -> bool:
        return self.kind != "text"


TEXT = ResponseFormat("text")


def read_response_format(value: Any) -> ResponseFormat:
    if value is None:
        return TEXT
    if not isinstance(value, dict) or value.get("type") not in (
        "text",
        "json_object",
        "json_schema",
    ):
        raise InvalidRequest(
            '\'response_format\' must be {"type": "text"}, {"type": "json_object"} or '
            '{"type": "json_schema", "json_schema": {"name", "schema"}}',
            PARAM,
        )
    if value["type"] != "json_schema":
        return ResponseFormat(value["type"])
    spec = value.get("json_schema")
    if not isinstance(spec, dict) or not isinstance(spec.get("schema"), dict):
        raise InvalidRequest(
            "'response_format.json_schema.schema' must be a JSON schema object",
            "response_format.json_schema.schema",
        )
    schema = spec["schema"]
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        raise InvalidRequest(
            f"'response_format.json_schema.schema' is not a valid JSON schema: {exc.message}",
            "response_format.json_schema.schema",
        ) from None
    _plan(schema, schema)  # a schema we cannot fill is refused before answering
    return ResponseFormat("json_schema", schema, str(spec.get("name") or "response"))


def render(fmt: ResponseFormat, answer: dict[str, Any]) -> str:
    """``answer``: ``{"text", "abstained", "grounding", "sources"}`` with the ``sources``
    extension objects. Returns the JSON text of the completion's content."""
    if fmt.kind == "json_object":
        value: Any = {
            "answer": answer["text"],
            "sources": [
                {k: s.get(k) for k in ("n", "file", "page", "modality", "snippet", "url")}
                for s in answer["sources"]
            ],
        }
    else:
        assert fmt.schema is not None
        value = _fill(fmt.schema, fmt.schema, answer)
        errors = sorted(Draft202012Validator(fmt.schema).iter_errors(value), key=str)
        if errors:
            raise InvalidRequest(
                f"the answer does not fit the schema {fmt.name!r}: {errors[0].message}",
                "response_format.json_schema.schema",
                "unsupported_schema",
            )
    return json.dumps(value, ensure_ascii=False)


# Reading a schema ----------------------------------------------------------------------------


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """Follow local ``$ref``s (``#/$defs/Name``, ``#/definitions/Name``), as pydantic writes."""
    seen = 0
    while "$ref" in schema:
        ref = schema["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/") or seen > 32:
            raise _unfillable(f"only local references (#/$defs/...) are followed, not {ref!r}")
        target: Any = root
        for part in ref[2:].split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        if not isinstance(target, dict):
            raise _unfillable(f"the reference {ref!r} points to nothing")
        schema, seen = target, seen + 1
    return schema


def _types(schema: dict[str, Any], root: dict[str, Any]) -> set[str]:
    schema = _resolve(schema, root)
    kind = schema.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    options = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(options, list):
        return set().union(*(_types(o, root) for o in options if isinstance(o, dict)))
    if "properties" in schema:
        return {"object"}
    return set(JSON_TYPES)  # no type named: anything goes


def _branch(schema: dict[str, Any], root: dict[str, Any], kind: str) -> dict[str, Any]:
    """The part of a (possibly anyOf) schema that describes values of ``kind``."""
    schema = _resolve(schema, root)
    for option in schema.get("anyOf") or schema.get("oneOf") or []:
        if isinstance(option, dict) and kind in _types(option, root):
            return _resolve(option, root)
    return schema


def _unfillable(reason: str) -> InvalidRequest:
    return InvalidRequest(
        f"cannot answer in this response_format: {reason}. Name the fields the service "
        "fills (answer: string; sources: array; abstained: boolean; grounding: number)",
        "response_format.json_schema.schema",
        "unsupported_schema",
    )


def _object_fields(schema: dict[str, Any], root: dict[str, Any], where: str):
    schema = _branch(schema, root, "object")
    if "object" not in _types(schema, root) or not isinstance(schema.get("properties"), dict):
        raise _unfillable(f"{where} must be an object with 'properties'")
    required = schema.get("required") or []
    return schema["properties"], set(required)


def _plan(schema: dict[str, Any], root: dict[str, Any]) -> None:
    properties, required = _object_fields(schema, root, "the schema")
    answer_found = False
    for name, prop in properties.items():
        key = name.lower()
        types = _types(prop, root) if isinstance(prop, dict) else set()
        if key in ANSWER_NAMES and "string" in types:
            answer_found = True
        elif key in SOURCES_NAMES and "array" in types:
            items = _branch(prop, root, "array").get("items")
            if isinstance(items, dict) and "object" in _types(items, root):
                _plan_source(items, root, f"'{name}' items")
        elif key in TOP_FIELDS:
            continue
        elif name in required:
            raise _unfillable(f"the required property {name!r} is not one the service knows")
    if not answer_found:
        raise _unfillable("the schema has no string property named like 'answer'")


def _plan_source(schema: dict[str, Any], root: dict[str, Any], where: str) -> None:
    properties, required = _object_fields(schema, root, where)
    unknown = sorted(n for n in required if n.lower() not in SOURCE_FIELDS)
    if unknown:
        raise _unfillable(f"{where} require {unknown}, which a source does not have")


# Filling it ------------------------------------------------------------------------------------


def _fits(value: Any, types: set[str]) -> bool:
    if isinstance(value, bool):
        return "boolean" in types
    return any(isinstance(value, JSON_TYPES[t]) for t in types if t in JSON_TYPES)


def _fill(schema: dict[str, Any], root: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
    properties, required = _object_fields(schema, root, "the schema")
    out: dict[str, Any] = {}
    for name, prop in properties.items():
        key = name.lower()
        types = _types(prop, root)
        if key in ANSWER_NAMES and "string" in types:
            out[name] = answer["text"]
        elif key in SOURCES_NAMES and "array" in types:
            items = _branch(prop, root, "array").get("items")
            item_types = _types(items, root) if isinstance(items, dict) else {"object"}
            out[name] = [_one_source(s, items, item_types, root) for s in answer["sources"]]
        elif key in TOP_FIELDS:
            value = answer[TOP_FIELDS[key]]
            if _fits(value, types):
                out[name] = value
            elif name in required:
                raise _unfillable(f"{name!r} cannot hold {value!r}")
    return out


def _one_source(source: dict[str, Any], items: Any, item_types: set[str], root) -> Any:
    values = {**source, "label": source_label(source)}
    if not isinstance(items, dict):
        return {k: source.get(k) for k in ("n", "file", "page", "modality", "snippet", "url")}
    if "object" not in item_types:
        text = values["label"] + (f" ({source['url']})" if source.get("url") else "")
        return f"[{source['n']}] {text}"
    properties, required = _object_fields(items, root, "a source")
    out: dict[str, Any] = {}
    for name, prop in properties.items():
        key = SOURCE_FIELDS.get(name.lower())
        if key is None:
            continue
        value = values.get(key)
        types = _types(prop, root)
        if key == "n" and "integer" not in types and "string" in types:
            value = f"[{value}]"
        if _fits(value, types):
            out[name] = value
        elif name in required:
            raise InvalidRequest(
                f"source {source['n']} ({values['label']}) has no {name!r} that fits the "
                "schema: make it nullable or optional",
                "response_format.json_schema.schema",
                "unsupported_schema",
            )
    return out
