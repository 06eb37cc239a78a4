// After a meeting: "How was it for you?" Four short questions, each answered with
// a face (no, a bit, yes), and "anything else?" if they want. Optional, under a
// minute, and "just me" unless they choose to share it. Kept on this phone first
// and sent through the outbox, so it works with no signal. The simpler version
// shows the same questions with bigger faces and fewer words.
import { el, heading, icon } from "../shell/dom.js";
import { formMessage, onSubmit } from "../shell/forms.js";
import { choiceGroup, chosen } from "../shell/choices.js";
import { characterCount, tooLong } from "../shell/character-count.js";
import { t, formatDate } from "../shell/i18n.js";
import { currentPersonId } from "../store/people.js";
import { enqueue, waiting } from "../outbox/queue.js";
import { checkInAfterMeeting, CHECK_IN } from "../outbox/commands.js";
import { flush } from "../outbox/flush.js";
import { familyHomeNow } from "../outbox/merge.js";
import { audiencePicker, audienceLine } from "./audiences.js";

const LIMIT = 2000; // as the server allows

/** The four questions, by the key each answer is kept under. */
export function questions() {
  return [
    ["listened", t("Did people listen to what you said?")],
    ["helped_decide", t("Did you help decide what happens next?")],
    ["told_honestly", t("Were you told honestly about worries?")],
    ["got_help", t("Did you get the help you were promised?")],
  ];
}

/** The three faces every answer is given with: no, a bit, yes. */
export function faces() {
  return [
    { value: "1", label: t("No"), icon: "face-sad" },
    { value: "2", label: t("A bit"), icon: "face-ok" },
    { value: "3", label: t("Yes"), icon: "face-happy" },
  ];
}

/** Check-ins this person has on this phone, not yet sent: meeting ids. */
export async function checkInsOnPhone() {
  const mine = await waiting(currentPersonId());
  return new Set(mine.filter((one) => one.kind === CHECK_IN).map((one) => one.meetingId));
}

export async function checkInView(ctx) {
  const home = await familyHomeNow();
  const due = (home.check_ins || []).find((one) => one.meeting_id === ctx.code);
  const simple = home.simple_mode === true;
  const root = el("section", { class: simple ? "stack simple check-in" : "stack check-in" });
  if (!due) {
    root.append(heading(t("How was it for you?")), el("p", {}, t("We could not find this meeting.")), homeLink());
    return root;
  }
  const before = due.mine || {};
  const form = el(
    "form",
    { class: "stack" },
    formMessage(),
    ...questions().map(([key, text]) =>
      choiceGroup({ name: key, legend: text, options: faces(), value: before[key] ? String(before[key]) : "", className: "face-choices" }),
    ),
    el(
      "div",
      { class: "field" },
      el("label", { for: "field-anything_else" }, t("Anything else? (you can leave this empty)")),
      el("p", { id: "field-anything_else-error", class: "field-error", hidden: true }),
      (() => {
        const box = el("textarea", { id: "field-anything_else", name: "anything_else", rows: 3, dir: "auto", value: before.anything_else || "" });
        return el("div", {}, box, characterCount(box, LIMIT, 500));
      })(),
    ),
    audiencePicker({ value: before.audience || "just_me", isCarer: home.is_carer === true, big: simple }),
    el("button", { type: "submit", class: simple ? "button big" : "button" }, t("Send")),
  );
  onSubmit(form, {
    check: (values) => {
      const answered = questions().some(([key]) => values[key]);
      if (!answered) return [{ field: "listened", message: t("Please answer at least one question.") }];
      return [tooLong("anything_else", values.anything_else || "", LIMIT)].filter(Boolean);
    },
    send: async (values) => {
      const body = { anything_else: (values.anything_else || "").trim(), audience: chosen(form, "audience") || "just_me" };
      for (const [key] of questions()) body[key] = values[key] ? Number(values[key]) : null;
      await enqueue(checkInAfterMeeting(currentPersonId(), due.meeting_id, body));
      flush();
      root.replaceChildren(...thanks(body.audience));
      root.querySelector("h1").focus();
    },
  });
  root.append(
    heading(t("How was it for you?")),
    el("p", {}, simple ? t("Tell us how it was at your meeting on {date}.", { date: formatDate(due.starts_at) }) : t("Tell us how it was at the {meeting} on {date}.", { meeting: due.kind_label, date: formatDate(due.starts_at) })),
    el("p", { class: "hint" }, t("You do not have to answer. It takes less than a minute.")),
    form,
  );
  return root;
}

function thanks(audience) {
  return [
    heading(t("Thank you")),
    el("p", { class: "done" }, icon("tick", "icon large"), el("span", {}, t("Your answers are saved."))),
    el("p", {}, navigator.onLine === false ? t("Saved on this phone. It will be sent when you are back online.") : t("They are on their way.")),
    audienceLine(audience),
    homeLink(),
  ];
}

function homeLink() {
  return el("a", { href: "#/home", class: "button secondary" }, t("Back to home"));
}

/** On the home screen: a meeting has happened, so ask how it was (or thank them). */
export function checkInCards(checkIns, onPhone, simple) {
  const open = (checkIns || []).filter((one) => !one.mine && !onPhone.has(one.meeting_id));
  if (!open.length) return null;
  return el(
    "section",
    { class: "card check-in-card", "aria-labelledby": "check-in-title" },
    el("h2", { id: "check-in-title" }, icon("face-ok", "icon"), " ", t("How was it for you?")),
    el(
      "ul",
      { class: "plain-list" },
      open.map((one) =>
        el(
          "li",
          {},
          el(
            "a",
            { href: "#/check-in/" + encodeURIComponent(one.meeting_id), class: simple ? "button big" : "button" },
            simple ? t("Tell us about your meeting") : t("Tell us about the {meeting} on {date}", { meeting: one.kind_label, date: formatDate(one.starts_at) }),
          ),
        ),
      ),
    ),
  );
}
