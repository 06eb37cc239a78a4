// A circle's meetings, for its team: those coming up and those past, each opening
// its own page, and a form to schedule one (then ask the family for their views).
import { el } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { choiceGroup } from "../shell/choices.js";
import { api } from "../shell/api.js";
import { t, formatDateTime } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { circleTop, circleNotFound, unlessMissing } from "./circle-nav.js";
import { meetingKinds } from "./meeting-kinds.js";
import { nowLocal, withOffset } from "./dates.js";

export async function circleMeetingsView(ctx) {
  const circle = await unlessMissing(() => api.circle(ctx.code));
  if (!circle) return circleNotFound();
  const now = Date.now();
  const coming = circle.meetings.filter((meeting) => Date.parse(meeting.starts_at) >= now);
  const past = circle.meetings.filter((meeting) => Date.parse(meeting.starts_at) < now).reverse();
  return el(
    "section",
    { class: "stack" },
    ...circleTop(circle, "meetings", t("Meetings: {circle}", { circle: circle.name })),
    meetingList("coming-title", t("Coming up"), coming, t("No meetings booked yet.")),
    past.length ? meetingList("past-title", t("Past meetings"), past) : null,
    circle.closed_at ? null : scheduleForm(circle, ctx),
  );
}

function meetingList(titleId, title, meetings, none = "") {
  return el(
    "section",
    { class: "stack", "aria-labelledby": titleId },
    el("h2", { id: titleId }, title),
    meetings.length
      ? el("ul", { class: "plain-list stack" }, meetings.map((meeting) => el("li", {}, meetingCard(meeting))))
      : el("p", {}, none),
  );
}

function meetingCard(meeting) {
  return el(
    "article",
    { class: "card tappable" },
    // The whole card can be tapped: the link's area is stretched over it (styles.css).
    el("h3", {}, el("a", { href: "#/meeting/" + encodeURIComponent(meeting.id), class: "card-link" }, meeting.kind_label)),
    el("p", {}, el("time", { dateTime: meeting.starts_at }, formatDateTime(meeting.starts_at))),
    meeting.place ? el("p", { dir: "auto" }, meeting.place) : null,
  );
}

function scheduleForm(circle, ctx) {
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "schedule-title" },
    formMessage(),
    choiceGroup({ name: "kind", legend: t("What kind of meeting?"), options: meetingKinds() }),
    field({
      name: "starts_at",
      label: t("Date and time"),
      hint: t("In the time zone this device is set to."),
      type: "datetime-local",
      min: nowLocal(),
    }),
    field({
      name: "place",
      label: t("Place"),
      hint: t("Where it will be, or how to join it."),
      autocomplete: "off",
      dir: "auto",
      maxLength: 200,
    }),
    el("button", { type: "submit", class: "button" }, t("Schedule the meeting")),
  );
  onSubmit(form, {
    check: ({ kind, starts_at: startsAt }) =>
      [
        !kind && { field: "kind", message: t("Choose the kind of meeting.") },
        !withOffset(startsAt) && { field: "starts_at", message: t("Enter the date and time of the meeting.") },
      ].filter(Boolean),
    send: async ({ kind, starts_at: startsAt, place }) => {
      const meeting = await api.scheduleMeeting(circle.id, { kind, starts_at: withOffset(startsAt), place: place.trim() });
      ctx.go("meeting/" + encodeURIComponent(meeting.id));
      announce(t("The meeting is booked. Now ask the family for their views."));
    },
  });
  return el("section", { class: "card stack" }, el("h2", { id: "schedule-title" }, t("Schedule a meeting")), form);
}
