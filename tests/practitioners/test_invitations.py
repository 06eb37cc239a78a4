"""A practitioner's one-time link: works once, runs out, and is kept only as a hash."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.organisations.models import Organisation, PractitionerInvitation
from server.practitioners.invitations import (
    InvitationLinkUnknown,
    InvitationLinkUsed,
    invite,
    practitioner_for_invitation,
    redeem_invitation,
)
from tests import factories


async def _teacher():
    school = await Organisation.create(name="Hill School")
    return await factories.practitioner(school, "teacher@school.test", "Tess Teacher")


async def test_a_link_names_its_practitioner_and_works_once(app):
    teacher = await _teacher()
    token = await invite(teacher)

    assert (await practitioner_for_invitation(token)).id == teacher.id
    assert (await redeem_invitation(token)).id == teacher.id
    with pytest.raises(InvitationLinkUsed):
        await redeem_invitation(token)
    with pytest.raises(InvitationLinkUsed):
        await practitioner_for_invitation(token)


async def test_the_token_itself_is_not_stored(app):
    token = await invite(await _teacher())

    (row,) = await PractitionerInvitation.all()
    assert token not in row.token_hash


async def test_an_unknown_link_is_not_found(app):
    await invite(await _teacher())
    with pytest.raises(InvitationLinkUnknown):
        await practitioner_for_invitation("not-a-token")


async def test_a_link_runs_out(app):
    token = await invite(await _teacher())
    await PractitionerInvitation.all().update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    with pytest.raises(InvitationLinkUsed):
        await redeem_invitation(token)


async def test_a_new_link_stops_the_earlier_one(app):
    teacher = await _teacher()
    first = await invite(teacher)
    second = await invite(teacher)

    with pytest.raises(InvitationLinkUsed):
        await practitioner_for_invitation(first)
    assert (await practitioner_for_invitation(second)).id == teacher.id


async def test_a_leavers_link_no_longer_works(app):
    teacher = await _teacher()
    token = await invite(teacher)
    teacher.is_active = False
    await teacher.save(update_fields=["is_active"])
    with pytest.raises(InvitationLinkUsed):
        await redeem_invitation(token)
