// One meeting, for the circle's team: who in the family was asked for their views
// and by when, how much each has shared, and a challenge when someone was not asked:
// everyone should have the chance to take part. Then a form to ask them.
import { el, heading, icon } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t, tn, formatDate, formatDateTime } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { circleNav, unlessMissing } from "./circle-nav.js";
import { checkboxGroup, ticked } from "./fields.js";
import { dayOf, formatDay, today } from "./dates.js";
import { afterTheMeeting } from "./meeting-after.js";

export async function meetingView(ctx) {
  const meeting = await unlessMissing(() => api.meeting(ctx.code));
  if (!meeting) return notFound();
  const screen = el("section", { class: "stack" });
  // Once its time has passed: how it went, in place of asking for views.
  const after = new Date(meeting.starts_at) <= new Date() ? await afterTheMeeting(meeting) : null;
  const show = (shown, focusOn = null) => {
    screen.replaceChildren(...content(shown, show, after).filter(Boolean));
    const target = focusOn && screen.querySelector(focusOn);
    if (target) target.focus();
  };
  show(meeting);
  return screen;
}

function notFound() {
  return el(
    "section",
    { class: "stack" },
    heading(t("We could not find this meeting")),
    el("p", {}, t("It may have been in a circle that closed, or you may not be part of it any more.")),
    el("a", { href: "#/home", class: "button secondary" }, t("Back to your circles")),
  );
}

function content(meeting, show, after) {
  const back = "#/circle/" + encodeURIComponent(meeting.circle_id) + "/meetings";
  return [
    el("p", {}, el("a", { href: back, class: "back-link" }, icon("back", "icon flip"), el("span", {}, t("Meetings")))),
    heading(meeting.kind_label),
    el(
      "div",
      {},
      el("p", {}, el("time", { dateTime: meeting.starts_at }, formatDateTime(meeting.starts_at))),
      meeting.place ? el("p", { dir: "auto" }, meeting.place) : null,
    ),
    circleNav(meeting.circle_id, "meetings"),
    meeting.not_asked.length ? challenge(meeting.not_asked) : null,
    views(meeting),
    ...(after || [askForm(meeting, show)]),
  ];
}

// Words and a picture, not colour alone.
function challenge(names) {
  return el(
    "section",
    { class: "challenge", "aria-labelledby": "challenge-title" },
    el("h2", { id: "challenge-title" }, icon("flag", "icon"), el("span", {}, t("Has everyone had the chance to take part?"))),
    el(
      "ul",
      { class: "plain-list" },
      names.map((name) => el("li", {}, t("Nobody has asked {name} for their views yet.", { name }))),
    ),
    el("p", {}, t("Ask them before the meeting, or talk as a team about why not.")),
  );
}

function views(meeting) {
  return el(
    "section",
    { class: "stack", "aria-labelledby": "views-title", tabIndex: -1, id: "views" },
    el("h2", { id: "views-title" }, t("Their views before the meeting")),
    el(
      "ul",
      { class: "plain-list stack" },
      meeting.members.map((member) =>
        el(
          "li",
          { class: "card member-views" },
          el("h3", {}, el("span", { dir: "auto" }, member.name)),
          el("p", { class: "meta" }, member.role_label),
          whereTheirViewsAre(member),
          member.asked ? el("p", { class: "meta" }, t("Asked — by {date}", { date: formatDay(member.due_on) })) : null,
          el("p", {}, tn("Shared {count} thing", "Shared {count} things", member.shared_count)),
        ),
      ),
    ),
  );
}

// Asked, seen, shared or nothing yet: in words and a picture, not colour alone.
function whereTheirViewsAre(member) {
  const states = {
    not_asked: ["flag", "not-asked", t("Nothing yet: not asked")],
    asked: ["bell", "asked", t("Asked, not seen yet")],
    seen: ["eye", "asked", member.seen_at ? t("Seen on {date}", { date: formatDate(member.seen_at) }) : t("Seen")],
    shared: ["tick", "asked", t("Shared their views")],
  };
  const [picture, className, words] = states[member.views];
  return el("p", { class: className + " views-state" }, icon(picture, "icon small"), el("span", {}, words));
}

function askForm(meeting, show) {
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "ask-title" },
    formMessage(),
    checkboxGroup({
      name: "member_ids",
      legend: t("Who would you like to ask?"),
      options: meeting.members.map((member) => ({
        value: member.id,
        label: member.name,
        description: member.role_label,
      })),
    }),
    field({
      name: "due_on",
      label: t("By when?"),
      hint: t("On or before the day of the meeting."),
      type: "date",
      min: today(),
      max: dayOf(new Date(meeting.starts_at)),
    }),
    el("button", { type: "submit", class: "button" }, t("Ask for their views")),
  );
  onSubmit(form, {
    check: ({ due_on: dueOn }) =>
      [
        !ticked(form, "member_ids").length && { field: "member_ids", message: t("Choose at least one person to ask.") },
        !dueOn && { field: "due_on", message: t("Enter the day their views are needed by.") },
      ].filter(Boolean),
    send: async ({ due_on: dueOn }) => {
      const chosen = ticked(form, "member_ids");
      show(await api.askForViews(meeting.id, chosen, dueOn), "#views");
      announce(tn("Asked {count} person for their views.", "Asked {count} people for their views.", chosen.length));
    },
  });
  return el("section", { class: "card stack" }, el("h2", { id: "ask-title" }, t("Ask for their views")), form);
}
