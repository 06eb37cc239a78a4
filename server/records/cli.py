"""`alongside records export-member ID` and `alongside records erase-member ID
--reason ...`: run by someone with the server's own access (the command line)."""

from __future__ import annotations

import argparse
import json

from server.settings import Settings, SettingsError


async def run(settings: Settings, args: argparse.Namespace) -> str:
    from tortoise import Tortoise

    from server.db import tortoise_config
    from server.errors import AppError
    from server.records.access import COMMAND_LINE
    from server.records.service import erase_member, export_member

    await Tortoise.init(config=tortoise_config(settings.db_url))
    try:
        if args.records_command == "export-member":
            return await export_member(COMMAND_LINE, settings, args.member_id)
        counts = await erase_member(COMMAND_LINE, settings, args.member_id, args.reason)
        return "alongside records: erased; deleted " + json.dumps(counts) + "\n"
    except AppError as error:
        raise SettingsError(f"no family member with the id {args.member_id}") from error
    finally:
        await Tortoise.close_connections()


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    records: argparse.ArgumentParser = commands.add_parser(
        "records",
        help="subject access and erasure of one family member",
        description="Records management. Each use is recorded (who, when, counts) in the "
        "records_event table, never with anyone's words.",
    )
    which = records.add_subparsers(dest="records_command", required=True, metavar="ACTION")
    export = which.add_parser(
        "export-member",
        help="print everything held about one family member",
        description="Print the family member's own 'Download my words' file (every item, "
        "who read it, plan answers, phones and codes) in their language.",
    )
    erase = which.add_parser(
        "erase-member",
        help="erase a family member and every word they wrote",
        description="Delete the family member, everything they wrote, their phones and "
        "sessions, and every kept copy of their words. Cannot be undone.",
    )
    erase.add_argument("--reason", required=True, help="why the law requires it (recorded)")
    for command in (export, erase):
        command.add_argument("member_id", metavar="ID", help="the family member's id")
    return records
