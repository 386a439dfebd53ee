"""Server paths as clients see them: relative to the data directory, else the file name.

Where the server keeps its data, and where an operator's files lie, is nobody else's business:
no answer, listing or error message carries an absolute path of the server.
"""

from __future__ import annotations

import re
from pathlib import Path

# An absolute path in a message: a slash not preceded by a word character, a colon or a slash
# (so URLs and ``a/b`` are left alone), at least two components.
_ABSOLUTE = re.compile(r"(?<![\w:/.~-])/(?:[^\s'\"/,;]+/)+([^\s'\"/,;]+)")


class PublicPaths:
    def __init__(self, data_dir: Path) -> None:
        given = Path(data_dir)
        roots = {str(given.absolute()), str(given.resolve())}
        self._roots = sorted(roots, key=len, reverse=True)

    def path(self, path: str | Path) -> str:
        """``uploads/report.pdf`` for a file under the data directory, else ``report.pdf``."""
        absolute = Path(path).absolute()
        for root in self._roots:
            try:
                return absolute.relative_to(root).as_posix()
            except ValueError:
                continue
        resolved = Path(path).resolve()
        for root in self._roots:
            try:
                return resolved.relative_to(root).as_posix()
            except ValueError:
                continue
        return Path(path).name

    def scrub(self, text: str) -> str:
        """``text`` with every absolute path in it shown as ``path`` shows it."""
        for root in self._roots:
            text = text.replace(root + "/", "")
        return _ABSOLUTE.sub(lambda m: self.path(m.group(0)), text)
