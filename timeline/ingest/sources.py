"""Command-line PATH arguments -> the releases to read: files, folders (recursive) and ``-`` for stdin.

Nothing is read here until a release's turn comes, so a batch of thousands starts at once and a
file that is too big is refused from its size alone, before its bytes are loaded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from . import decode
from .decode import UnreadableRelease

STDIN = "-"


@dataclass(frozen=True)
class Source:
    """One release to read. ``name`` is the path exactly as given (folder members: the folder as given
    joined with the file's path inside it); it becomes ``source.file`` in the contract."""

    name: str
    path: Path | None = None  # None for standard input
    problem: str | None = None  # set when the argument itself is unusable: not found, an empty folder

    def read(self, stdin: BinaryIO | None = None) -> bytes:
        """The bytes, or UnreadableRelease with one line a person can act on."""
        if self.problem:
            raise UnreadableRelease(self.problem)
        limit = decode.MAX_BYTES  # looked up each time, so tests can lower it
        if self.path is None:
            return _read_at_most(stdin or sys.stdin.buffer, limit)
        try:
            size = self.path.stat().st_size
            if size > limit:
                raise UnreadableRelease(too_big(size, limit))
            with self.path.open("rb") as f:
                # the file may grow between stat() and read(): never hold more than the limit
                return _read_at_most(f, limit)
        except FileNotFoundError:
            raise UnreadableRelease("not found") from None
        except IsADirectoryError:
            raise UnreadableRelease("is a directory") from None
        except PermissionError:
            raise UnreadableRelease("permission denied") from None
        except OSError as e:
            raise UnreadableRelease(f"could not be read ({e.strerror or e})") from None


def too_big(size: int, limit: int) -> str:
    return f"over the size limit ({size:,} bytes; the limit is {limit:,})"


def _read_at_most(f: BinaryIO, limit: int) -> bytes:
    raw = f.read(limit + 1)
    if len(raw) > limit:
        raise UnreadableRelease(f"over the size limit (more than {limit:,} bytes)")
    return raw


def expand(arguments: list[str]) -> list[Source]:
    """Every release the arguments name, in order; folders are walked recursively and sorted.

    Hidden files and folders and the corpus's ``*.expected.json`` annotations are skipped. An argument
    that names nothing readable still yields a Source (with its problem), so the command reports it
    in its place in the batch.
    """
    sources: list[Source] = []
    for arg in arguments:
        if arg == STDIN:
            sources.append(Source(STDIN))
            continue
        path = Path(arg)
        if path.is_dir():
            found = [Source(os.path.join(arg, rel), path / rel) for rel in _walk(path)]
            sources.extend(found or [Source(arg, path, "a directory with no releases")])
        elif path.exists():
            sources.append(Source(arg, path))
        else:
            sources.append(Source(arg, path, "not found"))
    return sources


def _walk(folder: Path) -> Iterator[str]:
    """Paths relative to ``folder``, sorted the same on every machine."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_root = os.path.relpath(root, folder)
        for name in files:
            if name.startswith(".") or name.endswith(".expected.json"):
                continue
            found.append(name if rel_root == "." else os.path.join(rel_root, name))
    yield from sorted(found)
