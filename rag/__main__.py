"""``python -m rag``: the same command as ``rag``, where the script is not on PATH."""

from rag.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in the tests
    main(prog_name="rag")
