"""Tables built from packaged data, cached with marshal under the user cache dir.

A table is kept in `$XDG_CACHE_HOME/warlog/NAME-DIGEST.marshal` (or `~/.cache/warlog`), where the
digest covers whatever the table is built from (package versions, data files, the build code),
so a new version builds a new file and the old ones are removed. A read-only home still works,
building the table on every start.
"""
from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_path(name: str, key: bytes) -> Path:
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "warlog"
    return root / f"{name}-{hashlib.sha1(key).hexdigest()[:12]}.marshal"


def cached_table(name: str, key: bytes, build: Callable[[], T]) -> T:
    """The table `build()` makes, read from its cache file when there is one for `key`."""
    path = cache_path(name, key)
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass  # absent, stale or truncated: build
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(table))
        os.replace(tmp, path)
        for stale in path.parent.glob(f"{name}-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)  # caches of other versions only take disk
    except OSError:
        pass
    return table
