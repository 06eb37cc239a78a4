"""What the database itself says about its indexes, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import defaultdict

from tortoise import connections

Indexes = dict[str, set[tuple[str, ...]]]

_POSTGRES = """
SELECT t.relname AS table_name, i.relname AS index_name,
       array_agg(a.attname ORDER BY k.ord) AS columns, x.indisprimary AS is_primary
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
WHERE n.nspname = current_schema() AND t.relname <> 'tortoise_migrations'
GROUP BY t.relname, i.relname, x.indisprimary
"""


async def indexes() -> Indexes:
    """Each table's indexed column lists, primary keys left out (SQLite keeps an
    integer primary key as the row id, with no index of its own)."""
    connection = connections.get("default")
    found: Indexes = defaultdict(set)
    if connection.capabilities.dialect == "postgres":
        _, rows = await connection.execute_query(_POSTGRES)
        for row in rows:
            if not row["is_primary"]:
                found[row["table_name"]].add(tuple(row["columns"]))
        return dict(found)
    _, tables = await connection.execute_query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name <> 'tortoise_migrations'"
    )
    for table in (row["name"] for row in tables):
        _, listed = await connection.execute_query(f'PRAGMA index_list("{table}")')
        for index in listed:
            if index["origin"] == "pk":
                continue
            _, info = await connection.execute_query(f'PRAGMA index_info("{index["name"]}")')
            found[table].add(tuple(c["name"] for c in sorted(info, key=lambda c: c["seqno"])))
    return dict(found)
