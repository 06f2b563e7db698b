"""A throwaway PostgreSQL server for the tests (initdb into a temp dir, pg_ctl on 127.0.0.1),
and helpers to compare stores and to run writers at once.

PostgreSQL refuses to run as root, so under root the server runs as the `postgres` system
user (runuser) in a temp dir it owns. No server binaries: `find_bindir()` says None and the
tests that need one skip.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from dataclasses import asdict
from pathlib import Path

import psycopg
from psycopg import sql

from warlog.model import Event
from warlog.store import Store

SUPERUSER = "postgres"
# Durability is worth nothing for a server that lives as long as a test session.
_FAST = "-F -c synchronous_commit=off -c full_page_writes=off -c max_connections=50"


def find_bindir() -> Path | None:
    """The directory of initdb and pg_ctl: `pg_config --bindir`, else the newest Debian install."""
    candidates = []
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], check=False, capture_output=True, text=True)
        candidates.append(found.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """One server in its own temp dir; `start()`, `database()` per test, `stop()` at the end."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_root = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="warlog-pg-"))
        self.data = self.root / "data"
        self.port = 0

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", SUPERUSER, "--", *command]
        return subprocess.run(command, check=False, capture_output=True, text=True, timeout=60, cwd=self.root)

    def start(self) -> None:
        """initdb and start on a free loopback port; raises RuntimeError with the server's words."""
        if self.as_root:
            owner = pwd.getpwnam(SUPERUSER)
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
        os.chmod(self.root, 0o700)
        done = self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8",
                         "--locale=C.UTF-8", "--no-sync", "--no-instructions")
        if done.returncode:
            raise RuntimeError(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")
        for _attempt in range(3):  # another process may take the free port first
            self.port = _free_port()
            options = f"-h 127.0.0.1 -p {self.port} -k {self.root} {_FAST}"
            done = self._run("pg_ctl", "start", "-w", "-t", "30", "-D", str(self.data),
                             "-l", str(self.root / "server.log"), "-o", options)
            if done.returncode == 0:
                return
        log = self.root / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()} {tail}")

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres",
                               autocommit=True)

    def create_database(self, prefix: str = "warlog_test") -> str:
        """A new empty database; returns its URL."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with self._admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with self._admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def stop(self) -> None:
        if self.port and (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate", "-w")
        shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> tuple[PostgresServer | None, str]:
    """A started server, or None and the reason there is none."""
    bindir = find_bindir()
    if bindir is None:
        return None, "no PostgreSQL server binaries (initdb, pg_ctl): `make postgres` installs them"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return None, "running as root without runuser: cannot start PostgreSQL as another user"
    server = PostgresServer(bindir)
    try:
        server.start()
    except (RuntimeError, OSError, KeyError, subprocess.SubprocessError) as error:
        server.stop()
        return None, f"could not start a PostgreSQL server from {bindir}: {error}"
    return server, ""


def snapshot(store: Store) -> dict:
    """Everything a store gives back, in a form two stores can be compared by."""
    events = store.events(historical=None)
    return {"articles": store.articles(), "events": events, "claims": store.claims(),
            "reports": {e.id: [a.id for a in store.reports(e.id)] for e in events}, "counts": store.counts()}


def differing_fields(left: list[Event], right: list[Event]) -> list[str]:
    """'event id: field' for every field that differs between two lists of events."""
    found = [f"{len(left)} events against {len(right)}"] if len(left) != len(right) else []
    for a, b in zip(left, right):
        one, other = asdict(a), asdict(b)
        found += [f"{a.id}: {name} {one[name]!r} != {other[name]!r}" for name in one if one[name] != other[name]]
    return found


def at_once(work, n: int) -> list:
    """Run work(i) in n threads released together; their results (or exceptions) in order."""
    barrier, results = threading.Barrier(n), [None] * n

    def run(i):
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as error:  # noqa: BLE001 - reported to the test
            results[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results
