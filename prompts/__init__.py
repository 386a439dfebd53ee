"""Prompt templates as data: one TOML file per prompt, read by ``rag.prompts``.

A package only so that the templates travel in the wheel and are found with
``importlib.resources`` wherever the product is installed.
"""
