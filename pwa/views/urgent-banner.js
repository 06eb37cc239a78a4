// "Needs to talk now", at the top of every practitioner screen until someone
// acknowledges it: who, which circle, when, and one button to say it was seen.
// Acknowledging tells the young person who has seen it.
import { el, icon } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { formatDateTime, t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";

/** The banner, or null when nothing is waiting (or the server cannot be reached). */
export async function urgentBanner() {
  const { waiting } = await api.urgentWaiting().catch(() => ({ waiting: [] }));
  if (!waiting.length) return null;
  const list = el("ul", { class: "plain-list stack" });
  const banner = el(
    "section",
    { class: "urgent urgent-banner", "aria-labelledby": "urgent-title" },
    el("h2", { id: "urgent-title" }, icon("talk", "icon"), el("span", {}, t("Needs to talk now"))),
    list,
  );
  list.replaceChildren(...waiting.map((request) => el("li", {}, oneRequest(request, banner))));
  return banner;
}

function oneRequest(request, banner) {
  const when = { name: request.name, date: formatDateTime(request.at) };
  const problem = el("p", { class: "form-message", role: "alert", hidden: true });
  const button = el("button", { type: "button", class: "button" }, t("I've seen this — I'll call them today"));
  const item = el(
    "div",
    { class: "stack" },
    el("p", {}, t("{name} needs to talk to someone now — {date}", when)),
    el("p", { class: "meta" }, el("span", {}, request.role_label), " · ", el("a", { href: "#/circle/" + encodeURIComponent(request.circle_id), dir: "auto" }, request.circle_name)),
    problem,
    button,
  );
  button.addEventListener("click", async () => {
    if (button.disabled) return;
    button.disabled = true;
    try {
      await api.acknowledgeUrgent(request.id);
      item.closest("li").remove();
      if (!banner.querySelector("li")) banner.remove();
      announce(t("{name} will see that you have seen this.", { name: request.name }));
    } catch (error) {
      problem.textContent = error.message;
      problem.hidden = false;
      button.disabled = false;
    }
  });
  return item;
}
