"""A count per circle of every change to what a family member's home shows, kept
by the database itself: triggers on each table the home reads, so no write (an
API call, a job, a bulk update, SQL by hand) can change a home without counting."""

from collections.abc import Callable
from typing import Any
from uuid import uuid4

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

BUMP = 'UPDATE "circle_changes" SET "changes" = "changes" + 1 WHERE "circle_id" IN ({circles})'


def _columns(rows: list[str], column: str) -> str:
    return ", ".join(f'{row}."{column}"' for row in rows)


#: For each table the home reads: the circles a changed row shows in, given the
#: trigger's row names (OLD, NEW). A practitioner shows in the homes of the
#: circles whose team they are on, and where they acknowledged a call for help or
#: asked for views.
CIRCLES_OF: dict[str, Callable[[list[str]], str]] = {
    "family_member": lambda rows: _columns(rows, "circle_id"),
    "team_member": lambda rows: _columns(rows, "circle_id"),
    "contribution": lambda rows: _columns(rows, "circle_id"),
    "meeting": lambda rows: _columns(rows, "circle_id"),
    "check_in": lambda rows: _columns(rows, "circle_id"),
    "urgent_request": lambda rows: _columns(rows, "circle_id"),
    "view_request": lambda rows: (
        f'SELECT "circle_id" FROM "family_member" WHERE "id" IN ({_columns(rows, "member_id")})'
    ),
    "circle": lambda rows: _columns(rows, "id"),
    "practitioner": lambda rows: (
        f'SELECT "circle_id" FROM "team_member" WHERE "practitioner_id" IN ({_columns(rows, "id")})'
        ' UNION SELECT "circle_id" FROM "urgent_request"'
        f' WHERE "acknowledged_by_id" IN ({_columns(rows, "id")})'
        ' UNION SELECT m."circle_id" FROM "view_request" v JOIN "family_member" m'
        f' ON m."id" = v."member_id" WHERE v."requested_by_id" IN ({_columns(rows, "id")})'
    ),
}
#: Which row each kind of write has (SQLite has no OLD on insert, no NEW on delete).
ROWS = {"INSERT": ["NEW"], "UPDATE": ["OLD", "NEW"], "DELETE": ["OLD"]}
#: A circle's count is made with it and goes with it.
NEW_CIRCLE = 'INSERT INTO "circle_changes" ("circle_id", "changes") VALUES (NEW."id", 0)'
GONE_CIRCLE = 'DELETE FROM "circle_changes" WHERE "circle_id" = OLD."id"'


def _sqlite() -> list[str]:
    made = []
    for table, circles in CIRCLES_OF.items():
        for op, rows in ROWS.items():
            body = BUMP.format(circles=circles(rows))
            if table == "circle" and op != "UPDATE":
                body = NEW_CIRCLE if op == "INSERT" else GONE_CIRCLE
            made.append(
                f'CREATE TRIGGER "home_changed_{table}_{op.lower()}" AFTER {op} ON "{table}"'
                f" FOR EACH ROW BEGIN {body}; END"
            )
    return made


def _postgres() -> list[str]:
    """One function per table: OLD is NULL on insert and NEW on delete, so the
    same statement counts every kind of write."""
    made = []
    for table, circles in CIRCLES_OF.items():
        body = BUMP.format(circles=circles(["OLD", "NEW"])) + ";"
        if table == "circle":
            body = (
                f"IF TG_OP = 'INSERT' THEN {NEW_CIRCLE}; ELSIF TG_OP = 'DELETE' THEN"
                f" {GONE_CIRCLE}; ELSE {body} END IF;"
            )
        made.append(
            f'CREATE FUNCTION "home_changed_{table}"() RETURNS trigger LANGUAGE plpgsql'
            f" AS $$ BEGIN {body} RETURN NULL; END $$"
        )
        made.append(
            f'CREATE TRIGGER "home_changed" AFTER INSERT OR UPDATE OR DELETE ON "{table}"'
            f' FOR EACH ROW EXECUTE FUNCTION "home_changed_{table}"()'
        )
    return made


async def count_changes(apps: Any, schema_editor: Any) -> None:
    client = schema_editor.client
    made = _postgres() if client.capabilities.dialect == "postgres" else _sqlite()
    made.append(
        'INSERT INTO "circle_changes" ("circle_id", "changes") SELECT "id", 0 FROM "circle"'
    )
    for sql in made:
        await client.execute_script(sql)


class Migration(migrations.Migration):
    dependencies = [("models", "0018_audit_paging")]

    initial = False

    operations = [
        ops.CreateModel(
            name="CircleChanges",
            fields=[
                (
                    "circle_id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("changes", fields.BigIntField(default=0)),
            ],
            options={
                "table": "circle_changes",
                "app": "models",
                "pk_attr": "circle_id",
                "table_description": "How many times anything a family member's home shows has changed",
            },
            bases=["Model"],
        ),
        ops.RunPython(count_changes, reverse_code=ops.RunPython.noop),
    ]
