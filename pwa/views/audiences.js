// Who can see something: the four sharing choices, in the family's words. Every
// choice is drawn the same size and weight, so sharing and not sharing take the
// same effort; "Just me" comes first and is picked unless they choose otherwise.
import { el, icon } from "../shell/dom.js";
import { t } from "../shell/i18n.js";
import { choiceGroup, chosen } from "../shell/choices.js";

export const AUDIENCES = ["just_me", "my_worker", "my_meeting", "my_family_too"];

const ICONS = {
  just_me: "audience-just-me",
  my_worker: "audience-my-worker",
  my_meeting: "audience-my-meeting",
  my_family_too: "audience-my-family",
};

export function audienceIcon(audience) {
  return ICONS[audience] || ICONS.just_me;
}

export function audienceLabel(audience) {
  const labels = {
    // NOTE: who can see the words: only the person who wrote them (a draft).
    just_me: t("Just me"),
    // NOTE: who can see the words: the writer and their lead worker (social worker).
    my_worker: t("My worker"),
    // NOTE: who can see the words: every worker at the family's meeting.
    my_meeting: t("My meeting"),
    // NOTE: who can see the words: all the workers and the family's adult carers too.
    my_family_too: t("My family too"),
  };
  return labels[audience] || "";
}

function audienceDescription(audience) {
  const descriptions = {
    just_me: t("Only you. Nobody else can see it."),
    my_worker: t("You and your worker."),
    my_meeting: t("You and all the workers who help your family."),
    // NOTE: "My family too": workers and the family's adult carers (not other children).
    my_family_too: t("Your workers and the grown-ups who look after you."),
  };
  return descriptions[audience];
}

/**
 * The "Who can see this?" choices (`choices`: which of them are offered): a picture
 * and a short name each, with what each means behind "What does this mean?". When
 * "My family too" is picked, a sign that carers will see it appears (words and a
 * picture, not colour alone) and is read out.
 */
export function audiencePicker({ value = "just_me", isCarer = false, idPrefix = "field-", big = false, choices = AUDIENCES, legend = null }) {
  const group = choiceGroup({
    name: "audience",
    legend: legend || t("Who can see this?"),
    options: choices.map((audience) => ({
      value: audience,
      label: audienceLabel(audience),
      icon: audienceIcon(audience),
    })),
    value,
    idPrefix,
    className: big ? "audience-choices big" : "audience-choices",
  });
  const sign = el("div", { class: "carers-sign-area", "aria-live": "polite" });
  const update = () => {
    const family = chosen(group, "audience") === "my_family_too";
    sign.replaceChildren(family ? carersSign(isCarer) : "");
  };
  group.addEventListener("change", update);
  update();
  return el("div", { class: "audience-picker" }, group, sign, whatTheyMean(choices));
}

function whatTheyMean(choices) {
  return el(
    "details",
    { class: "audience-meaning" },
    el("summary", {}, t("What does this mean?")),
    el(
      "ul",
      { class: "plain-list stack-small" },
      choices.map((audience) =>
        el(
          "li",
          { class: "audience-meaning-item" },
          icon(audienceIcon(audience), "icon"),
          el("span", {}, el("strong", {}, audienceLabel(audience)), el("br"), audienceDescription(audience)),
        ),
      ),
    ),
  );
}

function carersSign(isCarer) {
  return el(
    "p",
    { class: "carers-sign" },
    icon("eye", "icon"),
    el(
      "span",
      {},
      isCarer
        ? t("The other carers in your circle will be able to see this.")
        : t("Your carers will be able to see this."),
    ),
  );
}

/** In lists of what was written: carers can see this one (a picture and words). */
export function carersCanSee(isCarer) {
  return el(
    "p",
    { class: "carers-sign" },
    icon("eye", "icon"),
    el("span", {}, isCarer ? t("The other carers in your circle can see this.") : t("Your carers can see this.")),
  );
}

/** "Who can see this: My worker", with its small picture (for lists of what was written). */
export function audienceLine(audience, label) {
  return el(
    "p",
    { class: "audience-line" },
    icon(audienceIcon(audience), "icon small"),
    el("span", {}, t("Who can see this: {audience}", { audience: label || audienceLabel(audience) })),
  );
}
