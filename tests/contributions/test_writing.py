"""A family member writes, edits drafts, chooses who sees each item, withdraws."""

import uuid
from datetime import UTC

import pytest

from server.contributions.models import AudienceChange, Contribution
from tests import factories


def new(kind="worried_about", **fields):
    return {
        "id": str(uuid.uuid4()),
        "kind": kind,
        "text": "I worry about the shouting",
        "audience": "just_me",
        **fields,
    }


@pytest.fixture
async def sam(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    return world


async def test_each_kind_is_saved_in_the_authors_own_words(client, sam):
    kinds = [
        new("going_well", text="Football on Saturdays"),
        new("worried_about", text="Mum is sad"),
        new("want_to_happen", text="See my dad more"),
        new(
            "scale",
            text="Because of the arguments",
            scale_question="How safe do you feel at home?",
            scale_value=0,
        ),
        new("message", text="Please listen to me", meeting_id=str(sam.meeting.id)),
        new("worried_about", text="Tęsknię za babcią — میں ڈرتا ہوں"),
    ]
    for body in kinds:
        response = await client.post("/api/contributions", json=body)
        assert response.status_code == 201, response.text
        saved = response.json()
        assert (saved["text"], saved["audience"]) == (body["text"], "just_me")
        assert saved["history"][0]["summary"] == "Saved. Who can see it: Just me."
    listed = (await client.get("/api/contributions")).json()["items"]
    assert [item["text"] for item in listed] == [b["text"] for b in reversed(kinds)]


async def test_sending_the_same_item_twice_stores_it_once(client, sam):
    body = new(audience="my_worker")
    first = await client.post("/api/contributions", json=body)
    again = await client.post("/api/contributions", json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert await Contribution.all().count() == 1
    assert await AudienceChange.all().count() == 1


async def test_the_same_id_with_other_words_is_a_conflict_not_an_overwrite(client, sam):
    body = new()
    await client.post("/api/contributions", json=body)
    clash = await client.post("/api/contributions", json={**body, "text": "different"})
    assert clash.status_code == 409
    assert clash.headers["content-type"] == "application/problem+json"
    assert (await Contribution.get(id=body["id"])).text == body["text"]


BAD = [
    ({"text": ""}, "text"),
    ({"text": "   "}, "text"),
    ({"text": "x" * 20_000}, "text"),
    ({"kind": "scale", "scale_question": "How safe?", "scale_value": 11}, "scale_value"),
    ({"kind": "scale", "scale_question": "How safe?", "scale_value": -1}, "scale_value"),
    ({"kind": "scale", "scale_question": "How safe?", "scale_value": "abc"}, "scale_value"),
    ({"kind": "scale", "scale_question": "How safe?", "scale_value": "5"}, "scale_value"),
    ({"kind": "scale", "scale_question": "How safe?"}, "scale_value"),
    ({"kind": "scale", "scale_value": 4}, "scale_question"),
    ({"scale_value": 4}, "scale_value"),
    ({"audience": "everyone"}, "audience"),
    ({"kind": "poem"}, "kind"),
    ({"id": "not-a-uuid"}, "id"),
    ({"text": 42}, "text"),
    ({"meeting_id": "00000000-0000-0000-0000-000000000000"}, "meeting_id"),
]


@pytest.mark.parametrize(("change", "field"), BAD, ids=[f for _, f in BAD])
async def test_bad_input_is_a_clear_error_and_stores_nothing(client, sam, change, field):
    response = await client.post("/api/contributions", json=new(**change))
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == [field]
    assert all(e["message"] for e in errors)
    assert await Contribution.all().count() == 0


async def test_a_meeting_of_another_circle_is_refused(client, sam):
    from datetime import datetime, timedelta

    from server.meetings.models import Meeting, MeetingKind

    theirs = await Meeting.create(
        circle=sam.other_circle,
        kind=MeetingKind.LOOKED_AFTER_REVIEW,
        starts_at=datetime.now(UTC) + timedelta(days=3),
    )
    response = await client.post("/api/contributions", json=new(meeting_id=str(theirs.id)))
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "Please pick one of your own meetings."
    assert await Contribution.all().count() == 0


async def test_script_in_text_is_kept_as_words(client, sam):
    words = '<script>alert("hi")</script><img src=x onerror=alert(1)>'
    response = await client.post("/api/contributions", json=new(text=words))
    assert response.json()["text"] == words
    assert response.headers["content-type"] == "application/json"


async def test_drafts_are_edited_from_the_version_they_were_made_from(client, sam):
    body = new()
    await client.post("/api/contributions", json=body)
    edited = await client.patch(
        f"/api/contributions/{body['id']}", json={"version": 1, "text": "Now I feel better"}
    )
    assert edited.status_code == 200
    assert (edited.json()["text"], edited.json()["version"]) == ("Now I feel better", 2)
    stale = await client.patch(
        f"/api/contributions/{body['id']}", json={"version": 1, "text": "from the other phone"}
    )
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    assert (await Contribution.get(id=body["id"])).text == "Now I feel better"


async def test_shared_items_cannot_be_edited_or_deleted_only_narrowed_or_withdrawn(client, sam):
    body = new(audience="my_worker")
    await client.post("/api/contributions", json=body)
    url = f"/api/contributions/{body['id']}"
    assert (await client.patch(url, json={"version": 1, "text": "x"})).status_code == 409
    assert (await client.delete(url)).status_code == 409
    assert (await Contribution.get(id=body["id"])).text == body["text"]


async def test_a_draft_can_be_deleted(client, sam):
    body = new()
    await client.post("/api/contributions", json=body)
    assert (await client.delete(f"/api/contributions/{body['id']}")).status_code == 204
    assert await Contribution.all().count() == 0


async def test_each_change_of_choice_gives_a_receipt(client, sam):
    body = new()
    await client.post("/api/contributions", json=body)
    url = f"/api/contributions/{body['id']}"
    widened = await client.put(url + "/audience", json={"audience": "my_family_too"})
    narrowed = await client.put(url + "/audience", json={"audience": "my_worker"})
    withdrawn = await client.post(url + "/withdraw")
    assert widened.json()["audience_label"] == "My family too"
    assert narrowed.json()["history"][-1]["summary"] == "Changed from My family too to My worker."
    assert withdrawn.json()["withdrawn_at"] is not None
    assert withdrawn.json()["history"][-1]["summary"] == "You stopped sharing this."
    again = await client.put(url + "/audience", json={"audience": "my_meeting"})
    assert again.json()["withdrawn_at"] is None and again.json()["audience"] == "my_meeting"
    assert len(again.json()["history"]) == 5


async def test_withdrawing_a_private_item_is_explained(client, sam):
    body = new()
    await client.post("/api/contributions", json=body)
    response = await client.post(f"/api/contributions/{body['id']}/withdraw")
    assert response.status_code == 409
    assert response.json()["title"] == "This is already just for you."
