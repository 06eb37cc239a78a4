"""`alongside records export-member` and `erase-member`, run as a real process."""

from __future__ import annotations

import sqlite3

from tests.cli.test_commands import alongside


def test_a_member_is_exported_then_erased_from_the_command_line(tmp_path):
    env = {"ALONGSIDE_DATA_DIR": str(tmp_path), "ALONGSIDE_DATABASE_URL": ""}
    assert alongside("demo", env=env).returncode == 0
    database = tmp_path / "alongside.sqlite3"
    with sqlite3.connect(database) as db:
        [(sam,)] = db.execute("SELECT id FROM family_member WHERE name = 'Sam'").fetchall()

    exported = alongside("records", "export-member", sam, env=env)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("Everything I wrote in Alongside\nName: Sam\n")

    no_reason = alongside("records", "erase-member", sam, env=env)
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr
    erased = alongside("records", "erase-member", sam, "--reason", "Court order", env=env)
    assert erased.returncode == 0, erased.stderr
    assert '"family_members": 1' in erased.stdout
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT COUNT(*) FROM family_member WHERE id = ?", (sam,)).fetchone() == (
            0,
        )
        events = db.execute("SELECT action, done_by, reason FROM records_event").fetchall()
    assert events == [
        ("subject_access", "command line", ""),
        ("erasure", "command line", "Court order"),
    ]
    again = alongside("records", "erase-member", sam, "--reason", "again", env=env)
    assert again.returncode == 2 and "no family member" in again.stderr
    typo = alongside("records", "export-member", "not-an-id", env=env)
    assert typo.returncode == 2 and "no family member" in typo.stderr
