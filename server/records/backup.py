"""Backups that restore: `alongside backup PATH` and `alongside restore PATH`.

- SQLite: SQLite's online backup API copies the database page by page, including
  what a running server has in its write-ahead log (copying the file alone loses
  that), so it is safe while the server runs. Restore copies it back into an empty
  data folder the same way.
- PostgreSQL: `pg_dump -Fc` (a consistent snapshot while the server runs) and
  `pg_restore` into an empty database. The password goes to them in the
  environment, never on a command line other users can see."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from server.settings import Settings


class BackupError(Exception):
    """The backup or restore cannot be done; the message says why."""


def _sqlite_path(db_url: str) -> Path:
    return Path(db_url.removeprefix("sqlite://").split("?", 1)[0])


def _is_sqlite(db_url: str) -> bool:
    return db_url.startswith("sqlite://")


def backup(settings: Settings, target: Path) -> None:
    if target.exists():
        raise BackupError(f"{target} already exists; choose a new file.")
    if _is_sqlite(settings.db_url):
        source = _sqlite_path(settings.db_url)
        if not source.exists():
            raise BackupError(f"There is no database at {source}.")
        _copy_sqlite(source, target)
    else:
        _postgres_tool("pg_dump", settings.db_url, "--format=custom", f"--file={target}")


def restore(settings: Settings, source: Path) -> None:
    if not source.is_file():
        raise BackupError(f"There is no backup at {source}.")
    if _is_sqlite(settings.db_url):
        target = _sqlite_path(settings.db_url)
        if target.exists():
            raise BackupError(
                f"{target} already exists: restore into an empty data folder "
                "(move the old database away first)."
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy_sqlite(source, target)
    else:
        _postgres_tool("pg_restore", settings.db_url, "--exit-on-error", str(source))


def _copy_sqlite(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as reading, sqlite3.connect(target) as writing:
        reading.backup(writing)
    writing.close()
    reading.close()


def _postgres_tool(tool: str, db_url: str, *args: str) -> None:
    """Runs pg_dump or pg_restore on the database in `db_url`."""
    parts = urlsplit(db_url)
    env = {**os.environ}
    if parts.password:
        env["PGPASSWORD"] = unquote(parts.password)
    netloc = parts.netloc.rsplit("@", 1)
    user = unquote(netloc[0].split(":", 1)[0]) + "@" if len(netloc) == 2 else ""
    # Tortoise's own options (?minsize=...) mean nothing to libpq.
    url = urlunsplit(("postgresql", user + netloc[-1], parts.path, "", ""))
    command = [tool, "--no-owner", "--no-privileges", f"--dbname={url}", *args]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise BackupError(
            f"{tool} is not installed (apt-get install postgresql-client)."
        ) from error
    if done.returncode != 0:
        raise BackupError(f"{tool} failed: {done.stderr.strip()}")
