// The top of a circle's screens for practitioners: the way back to their circles,
// the screen's heading, and the way between the circle's four screens.
import { el, heading, icon } from "../shell/dom.js";
import { ProblemError } from "../shell/api.js";
import { t, formatDate } from "../shell/i18n.js";

function screens() {
  return [
    { path: "", label: t("Family voice") },
    { path: "people", label: t("People") },
    { path: "meetings", label: t("Meetings") },
    { path: "plan", label: t("Plan") },
  ];
}

/** current: "" (family voice), "people", "meetings" or "plan". */
export function circleNav(circleId, current) {
  const base = "#/circle/" + encodeURIComponent(circleId);
  return el(
    "nav",
    { class: "circle-nav", "aria-label": t("This circle") },
    el(
      "ul",
      { class: "plain-list" },
      screens().map(({ path, label }) =>
        el(
          "li",
          {},
          el("a", { href: path ? base + "/" + path : base, "aria-current": path === current ? "page" : null }, label),
        ),
      ),
    ),
  );
}

function backToCircles() {
  return el(
    "p",
    {},
    el("a", { href: "#/home", class: "back-link" }, icon("back", "icon flip"), el("span", {}, t("Your circles"))),
  );
}

/** Back link, heading and the circle's navigation; a closed circle says so. */
export function circleTop(circle, current, title) {
  return [
    backToCircles(),
    heading(title),
    circleNav(circle.id, current),
    circle.closed_at
      ? el("p", { class: "notice" }, t("This circle was closed on {date}.", { date: formatDate(circle.closed_at) }))
      : null,
  ];
}

/** The answer, or null when the server does not know the circle (or meeting) for this person. */
export async function unlessMissing(load) {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) return null;
    throw error;
  }
}

export function circleNotFound() {
  return el(
    "section",
    { class: "stack" },
    heading(t("We could not find this circle")),
    el("p", {}, t("It may have closed, or you may not be part of it any more.")),
    el("a", { href: "#/home", class: "button secondary" }, t("Back to your circles")),
  );
}
