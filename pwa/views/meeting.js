// How a meeting reads on a home screen: its kind, when, and where.
import { el } from "../shell/dom.js";
import { formatDateTime } from "../shell/i18n.js";

export function meetingSummary(meeting) {
  return el(
    "div",
    { class: "meeting" },
    el("p", { class: "meeting-kind" }, meeting.kind_label),
    el("p", {}, el("time", { dateTime: meeting.starts_at }, formatDateTime(meeting.starts_at))),
    meeting.place ? el("p", { dir: "auto" }, meeting.place) : null,
  );
}
