"""The simpler version, as a 9-year-old notices it: a face comes back as that face
(not "7 out of 10"), "Done!" shows no stray words, and "just me" says it is saved
for them alone rather than "Sent"."""

from __future__ import annotations

from playwright.sync_api import expect

from e2e.steps import assert_accessible, join, new_phone


def test_a_child_picks_a_face_and_sees_it_again_as_that_face(browser, live_server, circle):
    mia = new_phone(browser, live_server.url)
    join(mia, circle.code("Mia"), "2468")
    expect(mia.get_by_role("heading", level=1)).to_contain_text("Mia")
    mia.get_by_role("link", name="Tell us something").click()
    heading = mia.get_by_role("heading", level=1)
    expect(heading).to_have_text("Who sees my words?")
    mia.get_by_role("button", name="I understand").click()
    mia.get_by_role("button", name="How I feel").click()
    mia.get_by_role("button", name="Happy", exact=True).click()
    expect(heading).to_have_text("Who can see this?")
    mia.get_by_role("button", name="Save").click()
    expect(heading).to_have_text("Done!")
    expect(mia.get_by_text("Saved. Only you can see it.")).to_be_visible()
    expect(mia.get_by_text("Sent", exact=True)).to_have_count(0)
    assert "null" not in mia.locator("main").inner_text()
    assert_accessible(mia)
    mia.get_by_role("link", name="See my words").click()
    mine = mia.get_by_role("listitem").filter(has=mia.locator(".scale-answer"))
    expect(mine).to_contain_text("Happy")
    expect(mine).not_to_contain_text("out of 10")
