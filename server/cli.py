"""The `alongside` command."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from server.organisations.models import Agency
from server.records import cli as records_cli
from server.settings import Settings, SettingsError

DESCRIPTION = """Alongside: children, young people and carers say what matters, in their own
words, before every meeting. Settings come from ALONGSIDE_* environment variables
(see README.md); with none, everything runs on an SQLite file in ./data."""


def _serve(settings: Settings, args: argparse.Namespace) -> None:
    import uvicorn

    settings = replace(settings, host=args.host or settings.host, port=args.port or settings.port)
    if not settings.is_production:
        _migrate(settings, args)
    os.environ["ALONGSIDE_HOST"], os.environ["ALONGSIDE_PORT"] = settings.host, str(settings.port)
    uvicorn.run(
        "server.asgi:app_from_env",
        factory=True,
        host=settings.host,
        port=settings.port,
        proxy_headers=True,
        server_header=False,
        log_level="info",
        workers=getattr(args, "workers", None) or 1,
    )


def _migrate(settings: Settings, args: argparse.Namespace) -> None:
    from server.migrate import apply_migrations

    ready = settings.ready()
    asyncio.run(apply_migrations(ready.db_url, ready.secret_key))


def _demo(settings: Settings, args: argparse.Namespace) -> None:
    from server.demo import create_demo, describe

    if settings.is_production:
        raise SettingsError("The demo data is not for production.")
    settings = replace(settings, host=args.host or settings.host, port=args.port or settings.port)
    _migrate(settings, args)
    demo = asyncio.run(create_demo(settings.ready()))
    print(json.dumps(demo, indent=2) if args.json else describe(demo), flush=True)
    if args.serve:
        _serve(settings, args)


def _worker(settings: Settings, args: argparse.Namespace) -> None:
    from server.jobs.worker import work

    if not settings.is_production:
        _migrate(settings, args)
    taken = asyncio.run(work(settings.ready(), until_idle=args.until_idle))
    if args.until_idle:
        print(f"alongside worker: {taken} jobs done", flush=True)


def _create_partnership_admin(settings: Settings, args: argparse.Namespace) -> None:
    from server.organisations.bootstrap import create_partnership_admin

    if not settings.is_production:
        _migrate(settings, args)
    link = asyncio.run(
        create_partnership_admin(
            settings.ready(), args.email, args.name or "", args.organisation, args.agency
        )
    )
    print(f"Partnership administrator {args.email.strip().lower()} created.")
    print("Open this one-time link to choose a password (it works once, for 7 days):")
    print(link, flush=True)


def _vapid(settings: Settings, args: argparse.Namespace) -> None:
    from server.notifications.vapid import generate_private_key, public_key_of

    key = generate_private_key()
    print(f"ALONGSIDE_VAPID_PRIVATE_KEY={key}")
    print(f"# public key (browsers subscribe with it): {public_key_of(key)}")


def _backup(settings: Settings, args: argparse.Namespace) -> None:
    from server.records.backup import BackupError, backup

    try:
        backup(settings, Path(args.path))
    except BackupError as error:
        raise SettingsError(str(error)) from error
    print(f"alongside backup: written to {args.path}", flush=True)


def _restore(settings: Settings, args: argparse.Namespace) -> None:
    from server.records.backup import BackupError, restore

    try:
        restore(settings, Path(args.path))
    except BackupError as error:
        raise SettingsError(str(error)) from error
    print(f"alongside restore: restored from {args.path}", flush=True)


def _records(settings: Settings, args: argparse.Namespace) -> None:
    from server.records.cli import run

    if not settings.is_production:
        _migrate(settings, args)
    print(asyncio.run(run(settings.ready(), args)), end="", flush=True)


def _add_backup_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = commands.add_parser(
        "backup",
        help="back up the database to a new file, safely while the app runs",
        description="Write a backup of the database to PATH (a new file). SQLite: the online "
        "backup API, which includes what the running server has not yet written to the main "
        "file. PostgreSQL: pg_dump --format=custom.",
    )
    restore = commands.add_parser(
        "restore",
        help="restore a backup into an empty database",
        description="Restore the backup at PATH into the database in ALONGSIDE_DATABASE_URL "
        "(or the data folder's SQLite file), which must be empty: a new data folder, or a "
        "new PostgreSQL database (pg_restore). Then run `alongside migrate`.",
    )
    for command, run in ((backup, _backup), (restore, _restore)):
        command.add_argument("path", metavar="PATH", help="the backup file")
        command.set_defaults(run=run)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="alongside", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser(
        "serve",
        help="run the web app (in demo mode, first apply migrations)",
        description="Run the web app with uvicorn. In demo mode migrations are applied first; "
        "in production run `alongside migrate` as the release step.",
    )
    migrate = commands.add_parser(
        "migrate",
        help="apply database migrations",
        description="Apply every migration "
        "not yet applied to the database in ALONGSIDE_DATABASE_URL (or the demo SQLite file).",
    )
    demo = commands.add_parser(
        "demo",
        help="create demo data and print how to sign in",
        description="Create a demo organisation, two practitioners and one family circle with "
        "an upcoming meeting, and print sign-in details and fresh invitation codes. Safe to run "
        "again. Refused in production.",
    )
    worker = commands.add_parser(
        "worker",
        help="run background jobs (notifications, reminders, retention)",
        description="Take due jobs from the database queue and run them: push notifications "
        "and meeting reminders, and each night the retention schedule. Run as many workers as needed; "
        "each job runs once.",
    )
    worker.add_argument(
        "--until-idle", action="store_true", help="stop when no job is due (for tests and cron)"
    )
    vapid = commands.add_parser(
        "vapid",
        help="make a new Web Push (VAPID) key for production",
        description="Print a new VAPID private key as ALONGSIDE_VAPID_PRIVATE_KEY=..., and its "
        "public key. Demo mode makes and keeps its own key in the data folder.",
    )
    admin = commands.add_parser(
        "admin",
        help="create the first partnership administrator",
        description="The one step outside the app: everything else (organisations, teams, "
        "people, roles) is done in the app by administrators.",
    )
    admin_commands = admin.add_subparsers(dest="admin_command", required=True, metavar="ACTION")
    first_admin = admin_commands.add_parser(
        "create-partnership-admin",
        help="make a partnership administrator and print their one-time link",
        description="Create a partnership administrator with EMAIL and print a one-time link "
        "(ALONGSIDE_PUBLIC_URL/#/set-password/...) where they choose a password.",
    )
    first_admin.add_argument("email", metavar="EMAIL")
    first_admin.add_argument("--name", help="their name as others will see it")
    first_admin.add_argument(
        "--organisation",
        default="Partnership",
        help="their organisation (made if new; default 'Partnership')",
    )
    first_admin.add_argument(
        "--agency",
        type=Agency,
        choices=list(Agency),
        default=Agency.SOCIAL_CARE,
        help="the organisation's agency when it is made (default social_care)",
    )
    first_admin.set_defaults(run=_create_partnership_admin)
    for command in (serve, demo):
        command.add_argument("--host", help="address to listen on (default 127.0.0.1)")
        command.add_argument("--port", type=int, help="port to listen on (default 8000)")
        command.add_argument(
            "--workers", type=int, help="web processes sharing the port (default 1)"
        )
    demo.add_argument("--serve", action="store_true", help="then run the web app")
    demo.add_argument("--json", action="store_true", help="print the details as JSON")
    _add_backup_commands(commands)
    records_cli.add_commands(commands).set_defaults(run=_records)
    serve.set_defaults(run=_serve)
    migrate.set_defaults(run=_migrate)
    demo.set_defaults(run=_demo)
    worker.set_defaults(run=_worker)
    vapid.set_defaults(run=_vapid)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.run(Settings.from_env(os.environ), args)
    except SettingsError as error:
        print(f"alongside: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
