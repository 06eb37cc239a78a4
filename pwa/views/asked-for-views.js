// "Priya would like to hear from you": the requests for views on a family member's
// home, each with who asked, for which meeting and by when. Answered ones say so.
// Writing from here keeps the meeting chosen for them (they still choose who sees).
import { el, icon } from "../shell/dom.js";
import { newId } from "../shell/api.js";
import { formatDateTime, t } from "../shell/i18n.js";
import { keepDraft, readDraft } from "../shell/drafts.js";
import { formatDay } from "./dates.js";

/** The meeting the person was asked about and has not answered yet, soonest first. */
export function meetingAskedAbout(home) {
  const open = (home.view_requests || []).find((asked) => !asked.answered);
  return open ? open.meeting.id : null;
}

export function askedForViews(requests, simple) {
  if (!requests || !requests.length) return null;
  return el(
    "section",
    { class: "card asked-for-views", "aria-labelledby": "asked-title" },
    el("h2", { id: "asked-title" }, icon("talk", "icon"), el("span", {}, t("You have been asked for your views"))),
    el("ul", { class: "plain-list stack" }, requests.map((asked) => el("li", {}, oneRequest(asked, simple)))),
  );
}

function oneRequest(asked, simple) {
  const who = asked.asked_by || t("Your worker");
  return el(
    "div",
    { class: "stack" },
    el(
      "p",
      {},
      el("span", { dir: "auto", class: "person" }, who),
      " ",
      simple ? t("wants to hear from you.") : t("would like to hear from you before this meeting:"),
    ),
    simple ? null : el("p", { class: "meeting-kind" }, asked.meeting.kind_label),
    el("p", {}, el("time", { dateTime: asked.meeting.starts_at }, formatDateTime(asked.meeting.starts_at))),
    el("p", { class: "due" }, t("Please share by {date}.", { date: formatDay(asked.due_on) })),
    asked.answered
      ? el("p", { class: "answered" }, icon("tick", "icon small"), el("span", {}, t("Thank you. You shared something for this meeting.")))
      : el(
          "a",
          { href: "#/write", class: "button", onclick: () => chooseMeeting(asked.meeting.id) },
          simple ? t("Tell them") : t("Share your views"),
        ),
  );
}

// The full form reads its draft when it opens: start one with this meeting picked.
function chooseMeeting(meetingId) {
  const draft = readDraft("write") || { id: newId(), commandId: newId(), values: { audience: "just_me" } };
  keepDraft("write", { ...draft, values: { ...draft.values, meeting_id: meetingId } });
}
