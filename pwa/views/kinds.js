// The kinds of thing a family member can write, in their words.
import { t } from "../shell/i18n.js";

export const KINDS = ["going_well", "worried_about", "want_to_happen", "scale", "message"];

const ICONS = {
  going_well: "kind-going-well",
  worried_about: "kind-worried",
  want_to_happen: "kind-want",
  scale: "kind-scale",
  message: "kind-message",
};

export function kindIcon(kind) {
  return ICONS[kind] || "kind-message";
}

/** What the choice is called on the write screen. */
export function kindLabel(kind) {
  const labels = {
    going_well: t("Something going well"),
    worried_about: t("Something I'm worried about"),
    want_to_happen: t("Something I want to happen"),
    scale: t("How I feel (a scale)"),
    message: t("A message to my meeting"),
  };
  return labels[kind] || "";
}

/** Fewer words, for the simpler version. */
export function simpleKindLabel(kind) {
  const labels = {
    going_well: t("Something good"),
    worried_about: t("A worry"),
    want_to_happen: t("Something I want"),
    scale: t("How I feel"),
    message: t("A message for my meeting"),
  };
  return labels[kind] || "";
}

/** The question above the words box for each kind. */
export function wordsQuestion(kind) {
  const questions = {
    going_well: t("What is going well?"),
    worried_about: t("What are you worried about?"),
    want_to_happen: t("What do you want to happen?"),
    scale: t("Why? (You can leave this empty.)"),
    message: t("What do you want to say to your meeting?"),
  };
  return questions[kind] || t("What do you want to say?");
}
