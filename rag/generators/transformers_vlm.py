"""Local generation with transformers: a vision-language model, or a text-only causal LM.

``RAG_GENERATOR_MODEL`` names a local directory or a model id in the local Hugging Face cache.
A model whose config has an image-text-to-text class (SmolVLM/Idefics3, Qwen2-VL, LLaVA, ...)
is shown the evidence pictures; any other causal LM sees only the text, where image evidence is
already present as its OCR text and labels. Weights load on the first question, not at import
or construction, so building a service (or running ``rag ingest``) stays cheap.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from typing import Any

from PIL import Image

from rag.errors import ConfigError, ModelError
from rag.generators.base import Generator, Turn
from rag.generators.prompting import Prompt, build_prompt
from rag.settings import Settings
from rag.types import Evidence

_DTYPES = ("float32", "bfloat16", "float16")


class TransformersGenerator(Generator):
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._model: Any = None
        self._processor: Any = None  # the multimodal processor, or the tokenizer of a text LM
        self._tokenizer: Any = None
        self._vision = False
        self._device = "cpu"
        self._controls: list[str] = []

    # Loading ----------------------------------------------------------------------------------

    @property
    def model(self) -> Any:
        """The loaded model (loads it on first access)."""
        self._load()
        return self._model

    @property
    def processor(self) -> Any:
        self._load()
        return self._processor

    @property
    def vision(self) -> bool:
        """Whether the model is shown pictures (an image-text-to-text model)."""
        self._load()
        return self._vision

    def _load(self) -> None:
        if self._model is not None:
            return
        with self._lock:  # concurrent first questions must not load the weights twice
            if self._model is None:
                self._load_locked()

    def _load_locked(self) -> None:
        name = self.settings.generator_model
        if not name:
            raise ConfigError(
                "the transformers generator needs a model: set RAG_GENERATOR_MODEL to a local "
                "model directory or a cached model id (e.g. HuggingFaceTB/SmolVLM-256M-Instruct)"
            )
        import torch
        import transformers
        from transformers.utils import logging as hf_logging

        torch.set_num_threads(self.settings.torch_threads)
        hf_logging.disable_progress_bar()  # weight-loading bars are noise in a CLI answer
        device = _device(self.settings.generator_device, torch)
        dtype = _dtype(self.settings.generator_dtype, device, torch)
        try:
            config = transformers.AutoConfig.from_pretrained(name)
        except Exception as exc:
            raise ModelError(
                f"cannot read a model config from {name!r} ({exc}). Set RAG_GENERATOR_MODEL to a "
                "directory holding a transformers model (config.json, weights, tokenizer) or to a "
                "model id that is in the local Hugging Face cache"
            ) from exc
        # Decided by the config class, not by the name: anything transformers can run as
        # image-text-to-text gets pictures; every other model is loaded as a causal LM.
        self._vision = type(config) in transformers.MODEL_FOR_IMAGE_TEXT_TO_TEXT_MAPPING
        try:
            if self._vision:
                processor = transformers.AutoProcessor.from_pretrained(name)
                tokenizer = processor.tokenizer
                model_class: Any = transformers.AutoModelForImageTextToText
            else:
                processor = tokenizer = transformers.AutoTokenizer.from_pretrained(name)
                model_class = transformers.AutoModelForCausalLM
            # .to() rather than device_map=: device_map needs accelerate, not a dependency here.
            model = model_class.from_pretrained(name, dtype=dtype).to(device).eval()
        except Exception as exc:
            kind = "vision-language" if self._vision else "causal language"
            raise ModelError(
                f"cannot load {name!r} as a {kind} model ({exc}). Set RAG_GENERATOR_MODEL to a "
                "complete model directory (config, weights and tokenizer/processor files)"
            ) from exc
        self._processor, self._tokenizer, self._device = processor, tokenizer, device
        self._controls = _control_tokens(processor, tokenizer)
        self._model = model  # last: it is the "loaded" flag the lock-free check reads

    # Prompting ---------------------------------------------------------------------------------

    def _messages(self, prompt: Prompt) -> list[dict[str, Any]]:
        clean = self._defuse
        if not self._vision:
            return [{"role": m["role"], "content": clean(m["content"])} for m in prompt.messages()]
        # Multimodal templates iterate over content parts; each picture's caption precedes it so
        # the model can tie "[2] photo.jpg" in the text to the image it sees.
        user: list[dict[str, str]] = []
        for picture in prompt.pictures:
            user += [{"type": "text", "text": clean(picture.caption) + ":"}, {"type": "image"}]
        user.append({"type": "text", "text": clean(prompt.user)})
        return [
            {"role": "system", "content": [{"type": "text", "text": prompt.system}]},
            *(
                {"role": t.role, "content": [{"type": "text", "text": clean(t.content)}]}
                for t in prompt.history
            ),
            {"role": "user", "content": user},
        ]

    def _defuse(self, text: str) -> str:
        # Documents and questions are data: a literal "<image>" or "<|im_end|>" in them must not
        # become a control token (an unmatched image token even makes the processor refuse).
        # A zero-width space keeps the text readable but stops the tokenizer matching it.
        for token in self._controls:
            if token in text:
                text = text.replace(token, token[0] + "\u200b" + token[1:])
        return text

    def _pad_token_id(self) -> int | None:
        pad = self._tokenizer.pad_token_id
        return self._tokenizer.eos_token_id if pad is None else pad

    def _render(self, prompt: Prompt) -> tuple[str, list[Image.Image]]:
        """The prompt as text in the model's chat format, and the images it has places for."""
        images = [p.image for p in prompt.pictures] if self._vision else []
        if not getattr(self._processor, "chat_template", None):
            return self._plain(prompt, images)
        from jinja2 import TemplateError

        messages = self._messages(prompt)
        try:
            try:
                text = self._processor.apply_chat_template(
                    messages, add_generation_prompt=True, tokenize=False
                )
            except TemplateError:
                # Templates such as Gemma's reject the system role: say it in the first user turn.
                text = self._processor.apply_chat_template(
                    _fold_system(messages), add_generation_prompt=True, tokenize=False
                )
        except TemplateError as exc:
            raise ModelError(
                f"the chat template of {self.settings.generator_model!r} cannot render the "
                f"conversation ({exc}); use an instruction-tuned model with a chat template"
            ) from exc
        return text, images

    def _plain(self, prompt: Prompt, images: list[Image.Image]) -> tuple[str, list[Image.Image]]:
        # A base model without a chat template gets a transcript to continue. A processor
        # without a placeholder token has no place for pictures: they are dropped, not fatal.
        image_token = getattr(self._processor, "image_token", None)
        if not isinstance(image_token, str):
            images, image_token = [], None
        pictures = "".join(f"{p.caption}: {image_token}\n" for p in prompt.pictures[: len(images)])
        lines = [f"System: {prompt.system}", ""]
        lines += [f"{t.role.capitalize()}: {self._defuse(t.content)}" for t in prompt.history]
        lines += [f"User: {pictures}{self._defuse(prompt.user)}", "Assistant:"]
        return "\n".join(lines), images

    def _encode(self, text: str, images: list[Image.Image]) -> Any:
        # Templates that already write the BOS token must not get a second one.
        bos = self._tokenizer.bos_token
        add_special = not (bos and text.startswith(bos))
        if not self._vision:
            inputs = self._tokenizer(text, return_tensors="pt", add_special_tokens=add_special)
            return inputs.to(self._device)
        inputs = self._processor(
            text=text, images=images or None, return_tensors="pt", add_special_tokens=add_special
        )
        # Pixel values follow the model's dtype (bfloat16 on a GPU); ids stay integers.
        return inputs.to(self._device, dtype=self._model.dtype)

    # Generation --------------------------------------------------------------------------------

    def stream(
        self,
        question: str,
        evidence: Sequence[Evidence],
        *,
        history: Sequence[Turn] = (),
        query_image: Image.Image | None = None,
    ) -> Iterator[str]:
        self._load()
        from transformers import StoppingCriteriaList, TextIteratorStreamer

        prompt = build_prompt(
            question,
            evidence,
            self.settings,
            history=history,
            query_image=query_image,
            with_pictures=self._vision,  # a text LM gets the image descriptions only
        )
        inputs = self._encode(*self._render(prompt))
        streamer = TextIteratorStreamer(self._tokenizer, skip_prompt=True, skip_special_tokens=True)
        stop = threading.Event()
        temperature = self.settings.generator_temperature
        sampling: dict[str, Any] = (
            {"do_sample": True, "temperature": temperature}
            if temperature > 0
            else {"do_sample": False, "temperature": None, "top_p": None, "top_k": None}
        )
        kwargs = {
            **inputs,
            **sampling,
            "streamer": streamer,
            "max_new_tokens": self.settings.generator_max_new_tokens,
            "pad_token_id": self._pad_token_id(),
            "stopping_criteria": StoppingCriteriaList([_Stopped(stop)]),
        }
        failure: list[BaseException] = []

        def run() -> None:
            try:
                self._model.generate(**kwargs)
            except BaseException as exc:  # re-raised in the caller's thread below
                failure.append(exc)
                streamer.end()  # unblocks the consumer, which would otherwise wait forever

        # generate() blocks until the last token; on its own thread, pieces reach the caller as
        # they are decoded.
        worker = threading.Thread(target=run, name="rag-generate", daemon=True)
        worker.start()
        try:
            for piece in streamer:
                if piece:
                    yield piece
        finally:
            stop.set()  # a caller that stops reading (client gone) stops the generation too
            worker.join()
        if failure:
            raise ModelError(
                f"generation with {self.settings.generator_model!r} failed ({failure[0]}); "
                "a shorter RAG_GENERATOR_MAX_NEW_TOKENS or fewer RAG_GENERATOR_MAX_IMAGES "
                "lowers the memory it needs"
            ) from failure[0]


class _Stopped:
    """Stopping criterion: true once the consumer of the stream has gone away."""

    def __init__(self, event: threading.Event) -> None:
        self.event = event

    def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
        import torch

        return torch.full(
            (input_ids.shape[0],), self.event.is_set(), dtype=torch.bool, device=input_ids.device
        )


def _control_tokens(processor: Any, tokenizer: Any) -> list[str]:
    added = getattr(tokenizer, "added_tokens_decoder", {}).values()
    tokens = {t.content for t in added if t.special} | set(tokenizer.all_special_tokens)
    image_token = getattr(processor, "image_token", None)
    if isinstance(image_token, str):
        tokens.add(image_token)
    # Longest first, so "<image>" inside a longer token is handled by the longer one.
    return sorted((t for t in tokens if len(t) > 1), key=len, reverse=True)


def _fold_system(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not messages or messages[0]["role"] != "system":
        return messages
    system, rest = messages[0]["content"], [dict(m) for m in messages[1:]]
    first = next(m for m in rest if m["role"] == "user")  # the question is always a user turn
    if isinstance(first["content"], str):
        first["content"] = f"{system}\n\n{first['content']}"
    else:
        first["content"] = [*system, {"type": "text", "text": "\n\n"}, *first["content"]]
    return rest


def _device(name: str, torch: Any) -> str:
    if name not in ("cpu", "cuda", "auto"):
        raise ConfigError(f"RAG_GENERATOR_DEVICE must be cpu, cuda or auto, not {name!r}")
    if name == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if name == "cuda" and not torch.cuda.is_available():
        raise ModelError(
            "RAG_GENERATOR_DEVICE=cuda but torch sees no CUDA device; install a CUDA build of "
            "torch or set RAG_GENERATOR_DEVICE=cpu (or auto)"
        )
    return name


def _dtype(name: str, device: str, torch: Any) -> Any:
    if name == "auto":
        # bfloat16 halves GPU memory at no practical cost; CPUs are fastest and exact in float32.
        return torch.bfloat16 if device == "cuda" else torch.float32
    if name not in _DTYPES:
        raise ConfigError(f"RAG_GENERATOR_DTYPE must be auto or one of {', '.join(_DTYPES)}")
    return getattr(torch, name)
