"""Command-line PATH arguments -> the releases to read: files, folders (recursive) and ``-`` for stdin.

Nothing is read until a release's turn comes (or a few releases before it, with ``ReadAhead``), so a
batch of thousands starts at once and a file that is too big is refused from its size alone, before its
bytes are loaded.
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import signal
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from . import decode
from .decode import UnreadableRelease

if TYPE_CHECKING:
    from .facts import Extraction

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
            info = self.path.stat()
            if not stat.S_ISREG(info.st_mode):  # opening a FIFO would wait for a writer, for ever
                raise UnreadableRelease(not_a_file(info.st_mode))
            if info.st_size > limit:
                raise UnreadableRelease(too_big(info.st_size, limit))
            # O_NONBLOCK: were it swapped for a FIFO since stat(), the open must not wait either
            with open(os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as f:
                mode = os.fstat(f.fileno()).st_mode
                if not stat.S_ISREG(mode):
                    raise UnreadableRelease(not_a_file(mode))
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


_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def not_a_file(mode: int) -> str:
    """Why a path that is not a regular file is not read: a pipe or a device never says where its bytes end."""
    if stat.S_ISDIR(mode):
        return "is a directory"
    kind = next((name for is_kind, name in _SPECIAL if is_kind(mode)), "a special file")
    return f"not a regular file ({kind})"


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


# --- reading ahead of the writer ---------------------------------------------------------------------


def extract(raw: bytes, name: str) -> tuple[Extraction | None, str | None]:
    """(the extraction, None) or (None, the one line a person is told): the same in a worker process as
    in this one. A parser bug on one release must not stop the batch."""
    from .extract import extract_release  # the parser alone: a worker needs no Django

    try:
        return extract_release(raw, name), None
    except UnreadableRelease as e:
        return None, str(e)
    except Exception as e:
        return None, f"could not be read ({type(e).__name__}: {e})"


@dataclass
class Ahead:
    """One source read ahead of its turn: its bytes (or why there are none) and its extraction, done
    now in a worker process or later in this one."""

    source: Source
    raw: bytes | None = None
    problem: str | None = None  # why it could not be read
    sha256: str = ""
    stored: bool = False  # already stored when looked up, or the same bytes came earlier in this batch
    parsing: Future | None = None
    parsed: tuple[Extraction | None, str | None] | None = None  # taken back from the workers: parsed here
    steal: Callable[[], bool] | None = None  # parse here a later release no worker has taken: False if none

    def extraction(self) -> tuple[Extraction | None, str | None]:
        if self.parsed is not None:
            return self.parsed
        if self.parsing is not None:
            # the workers are behind: rather than wait, this process parses releases they have not taken
            # yet, the last ones first (the same results either way)
            while self.steal is not None and not self.parsing.done() and self.steal():
                pass
            if not self.parsing.cancel():  # cancelled: no worker had taken this one either
                try:
                    return self.parsing.result()
                except Exception:  # the worker is gone (killed, out of memory): read it here instead
                    pass
        return extract(self.raw, self.source.name)


def start_worker(parent: int) -> None:
    """Make a parsing worker a pure parser that cannot outlive the import.

    Forked, it shares the import's database socket: were it to outlive a killed import, the server would
    keep that session (idle in its transaction, holding its row locks) for as long as the worker lives,
    and the next import would wait on those locks. So the worker lets go of the socket at once, dies with
    its parent whatever ends it (kill -9 included), and leaves Ctrl-C to the parent, which stops it.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    _let_go_of_database_sockets()


def _die_with(parent: int) -> None:
    """Linux: the kernel kills this process when its parent goes. Elsewhere a thread watches the parent."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (AttributeError, OSError, TypeError):  # no prctl: not Linux
        armed = False
    if os.getppid() != parent:  # gone already, before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def _let_go_of_database_sockets() -> None:
    """Close, in this forked process only, the database sockets inherited from the import.

    Closing the connections the usual way would tell the server to end the import's own session, so
    each socket's descriptor is pointed at /dev/null instead: the server's session is the parent's alone
    and ends with it. (SQLite holds no session: its open files are left as they are.)
    """
    db = sys.modules.get("django.db")  # spawned, or before Django was set up: nothing inherited
    if db is None:
        return
    devnull = os.open(os.devnull, os.O_RDWR)
    for connection in db.connections.all(initialized_only=True):
        fileno = getattr(connection.connection, "fileno", None)
        if fileno is not None:
            os.dup2(devnull, fileno())
    os.close(devnull)


class ReadAhead:
    """The sources in order, each read, hashed and looked up a little ahead of its turn.

    ``stored(shas)`` says which of a window of sha256s are stored already (one query per window instead
    of one per release); those are not parsed ahead, and neither are bytes seen earlier in the batch,
    since at their turn they may be stored by then. With ``workers`` > 0 the other releases are parsed
    in that many worker processes while this one writes; results come back in order, so the outcome
    and the output are those of a serial run.
    """

    WINDOW = 32  # releases read ahead of the one being written: enough to keep a worker busy

    def __init__(
        self,
        sources: list[Source],
        stdin: BinaryIO | None = None,
        *,
        stored: Callable[[list[str]], set[str]] | None = None,
        workers: int = 0,
    ) -> None:
        self.sources, self.stdin, self.stored, self.workers = sources, stdin, stored, workers
        self.pool: ProcessPoolExecutor | None = None
        self.seen: set[str] = set()
        self.ahead: deque[Ahead] = deque()  # read, not yet handed out

    def __enter__(self) -> ReadAhead:
        if self.workers > 0:
            methods = multiprocessing.get_all_start_methods()
            # fork: the worker starts at once with the parser already imported; it lets go of the database
            # sockets it inherits (start_worker). Elsewhere spawn imports the parser alone.
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self.pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=start_worker, initargs=(os.getpid(),)
            )
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def __iter__(self) -> Iterator[Ahead]:
        ahead = self.ahead = deque()
        following = iter(self.sources)
        more = True
        while more or ahead:
            if more and len(ahead) <= self.WINDOW // 2:
                batch = [self._read(source) for source in islice(following, self.WINDOW - len(ahead))]
                more = bool(batch)
                self._look_up(batch)
                ahead.extend(batch)
            if ahead:
                yield ahead.popleft()

    def _read(self, source: Source) -> Ahead:
        try:
            raw = source.read(self.stdin)
        except UnreadableRelease as e:
            return Ahead(source, problem=str(e))
        return Ahead(source, raw, sha256=hashlib.sha256(raw).hexdigest())

    def _look_up(self, batch: list[Ahead]) -> None:
        readable = [item for item in batch if item.raw is not None]
        if self.stored is not None and readable:
            stored = self.stored([item.sha256 for item in readable if item.sha256 not in self.seen])
            for item in readable:
                item.stored = item.sha256 in stored or item.sha256 in self.seen
                self.seen.add(item.sha256)
        for item in readable:
            if self.pool is not None and not item.stored:
                item.parsing = self.pool.submit(extract, item.raw, item.source.name)
                item.steal = self._steal

    def _steal(self) -> bool:
        """Parse here the last release read ahead that no worker has taken yet; False when there is none."""
        for item in reversed(self.ahead):
            if item.parsing is not None and item.parsed is None and item.parsing.cancel():
                item.parsed = extract(item.raw, item.source.name)
                return True
        return False
