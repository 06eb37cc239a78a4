"""New invitations, for each kind of person. (Every endpoint × every kind of
person is checked by the matrix generated from the OpenAPI document, in
tests/auth/test_access_matrix.py.)"""

import pytest

from tests import factories

PEOPLE = ["author", "other_child", "carer", "lead", "teammate", "outsider", "signed_out"]


@pytest.mark.parametrize("person", PEOPLE)
async def test_only_the_circles_lead_can_send_a_new_invitation(client, person):
    world = await factories.world()
    who = {
        "author": world.young_person,
        "other_child": world.child,
        "carer": world.parent,
        "lead": world.lead,
        "teammate": world.teammate,
        "outsider": world.outsider,
    }
    if person != "signed_out":
        await factories.act_as(client, who[person])
    url = f"/api/circles/{world.circle.id}/members/{world.young_person.id}/invitations"
    response = await client.post(url)
    # A teammate (Tom, from school) may not re-invite a child: only the lead (or
    # the lead's manager) decides who is in the circle.
    expected = {"lead": 201, "teammate": 403, "signed_out": 401}.get(person, 404)
    assert response.status_code == expected, response.text
    if expected == 201:
        code = response.json()["code"]
        assert response.json()["link"].endswith(f"/#/join/{code}")
        joined = await client.post("/api/invitations/redeem", json={"code": code, "pin": "9753"})
        assert joined.json()["name"] == "Sam"


async def test_an_invitation_names_a_member_of_that_circle_only(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    url = f"/api/circles/{world.circle.id}/members/{world.other_young_person.id}/invitations"
    assert (await client.post(url)).status_code == 404
