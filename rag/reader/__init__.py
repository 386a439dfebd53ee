"""The answer reader: decide what a question asks for, find the span that fills it, show it."""

from rag.reader.question import Question, Wants, analyse
from rag.reader.reader import Reader

__all__ = ["Question", "Reader", "Wants", "analyse"]
