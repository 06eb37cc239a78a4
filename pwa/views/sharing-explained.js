// "Who sees my words?": the four sharing choices, that they can change their mind,
// that they can see who has read their words, and, plainly, that a worker must act
// if someone may be at risk of harm. Shown before someone's first entry, and at any time.
import { el, heading, icon } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { AUDIENCES, audienceIcon, audienceLabel } from "./audiences.js";

let understood = false;

/** True once "I understand" was answered in this visit (so it is not shown twice in a row). */
export function explainedJustNow() {
  return understood;
}

export function sharingExplainedView(ctx) {
  // Back to what they were doing (such as writing, which keeps their words).
  const back = ctx.from && !/^(who-sees|talk-now)/.test(ctx.from) ? ctx.from : "home";
  return explainer(() => ctx.go(back));
}

export function explainer(carryOn) {
  const problem = el("p", { class: "form-message", role: "alert", hidden: true });
  const button = el("button", { type: "button", class: "button" }, t("I understand"));
  button.addEventListener("click", async () => {
    if (button.disabled) return;
    button.disabled = true;
    problem.hidden = true;
    try {
      await api.sharingExplained();
      understood = true;
      carryOn();
    } catch (error) {
      problem.textContent = error.message;
      problem.hidden = false;
      button.disabled = false;
      button.focus();
    }
  });
  return el(
    "section",
    { class: "stack explainer" },
    heading(t("Who sees my words?")),
    el("p", { class: "lead" }, t("Each time you write something, you choose who can see it.")),
    el("p", {}, t("It starts as “Just me”, so nobody else sees it unless you choose.")),
    el("ul", { class: "plain-list explain-choices" }, AUDIENCES.map(choice)),
    part(t("You can change your mind"), [
      t("You can choose different people at any time."),
      t("You can also stop sharing something. Then nobody else can see your words, and anywhere they were used will say you took them back."),
    ]),
    part(t("You can see who has read your words"), [
      t("When someone reads something you shared, you will see their name and the day they read it."),
    ]),
    el(
      "section",
      { class: "card safety" },
      el("h2", {}, t("Keeping people safe")),
      // NOTE: the harm notice, for children from 8: keep it as plain as the English.
      el("p", {}, t("If you say someone may get hurt, your worker must act to keep them safe.")),
      el("p", {}, t("They must do this even if you only told them.")),
      el("p", {}, t("Keeping you and others safe comes first.")),
    ),
    problem,
    button,
  );
}

function choice(audience) {
  return el(
    "li",
    { class: "explain-choice" },
    icon(audienceIcon(audience), "icon large"),
    el("div", {}, el("h2", {}, audienceLabel(audience)), el("p", {}, explanation(audience))),
  );
}

function explanation(audience) {
  const words = {
    just_me: t("Only you can see it. Nobody else, not even your worker."),
    my_worker: t("You and your worker can see it."),
    my_meeting: t("You and all the workers who help your family can see it. They can talk about it in your meeting."),
    my_family_too: t("Your workers and your carers can see it. Carers are the grown-ups who look after you."),
  };
  return words[audience];
}

function part(title, lines) {
  return el("section", { class: "card" }, el("h2", {}, title), ...lines.map((line) => el("p", {}, line)));
}
