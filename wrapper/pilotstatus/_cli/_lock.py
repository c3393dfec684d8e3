"""The lock that keeps two exports from writing one file.

Two `calls export` runs appending to one file (a second one started with --resume while the first still runs) would
interleave their calls: calls written twice, lines cut into one another. So an export holds an exclusive lock on its
output file from before it reads the file until it ends, and a second export of that file is refused before it
reads or writes anything.

The lock is `flock`: advisory, so it keeps out other exports and nothing else, and released by the system when the
process ends however it ends, so a killed export leaves no stale lock behind. It is taken on a descriptor of its
own, apart from the ones the export reads and writes through, which `flock` allows. On Windows there is no lock:
its locks (`msvcrt.locking`) are mandatory locks of byte ranges, which would also stop this process's own reads and
writes through those other descriptors.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import types

from ._errors import FAILURE, CommandError

if sys.platform != "win32":
    import fcntl

# A lock that keeps being taken on a file replaced meanwhile gives up after this many tries (see `_take`).
_TRIES = 5


class ExportLock:
    """An exclusive lock on an export's output file, held while the `with` block runs; `path` None takes none
    (stdout).

    The file is created to be locked, when it does not exist. So that a command that fails before writing a call
    still leaves no file behind, a file created here is removed on release unless `keep` was set (the export opened
    it) or something was written to it.
    """

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.keep = False
        """Whether the file is the export's to keep, even empty: set once the export has opened it."""
        self._fd: int | None = None
        self._created = False

    def __enter__(self) -> ExportLock:
        if self.path is not None and sys.platform != "win32":
            self._fd, self._created = _take(self.path)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: types.TracebackType | None
    ) -> None:
        if self._fd is None:
            return
        try:
            # Removed while still locked, so that no other export is writing to it meanwhile. A failure to remove it
            # is not reported: what ended the command is.
            with contextlib.suppress(OSError):
                if self._created and not self.keep and self.path and os.fstat(self._fd).st_size == 0:
                    os.unlink(self.path)
        finally:
            os.close(self._fd)  # releases the lock
            self._fd = None


def _take(path: str) -> tuple[int | None, bool]:
    """Lock `path`, creating it when missing: the locked descriptor (None when the file cannot be locked) and
    whether it was created here. Raises `CommandError` when another export holds the lock.

    A file that cannot be opened, or that is not a regular file (a pipe, a device), or whose file system has no
    locks, is not locked: the export then reports what fails when it reads or writes it, as it would without the
    lock. Once locked, the file is checked to still be the one at `path`: an export that gave up the file and removed
    it, between this one opening it and locking it, leaves a file no one will see, so the lock is taken again."""
    for _ in range(_TRIES):
        created = True
        try:
            # Created with the mode an export's open() would give it; O_NONBLOCK: a FIFO must not block the open.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NONBLOCK, 0o666)
        except FileExistsError:
            created = False
            try:
                fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
            except FileNotFoundError:  # removed since: try again
                continue
            except OSError:
                return None, False
        except OSError:
            return None, False
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                os.close(fd)
                return None, False
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise CommandError(
                        f"{path} is being written by another pilotstatus calls export (wait for it to end, or choose"
                        " another --output)",
                        FAILURE,
                    ) from None
                os.close(fd)
                return None, False
            if _same_file(fd, path):
                return fd, created
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
    return None, False


def _same_file(fd: int, path: str) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False
