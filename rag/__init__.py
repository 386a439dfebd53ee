"""Multimodal RAG question answering: the core library.

Importing this package loads no model and opens no store; ``RagService`` does both on first use.
"""

__version__ = "0.1.0"
