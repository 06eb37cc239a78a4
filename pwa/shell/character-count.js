// A character count as GOV.UK's: the box never cuts what is typed or pasted;
// near the limit it says how much room is left, past it how much is too much
// (and the form says so when sent). Screen readers hear the count once typing
// pauses, from a polite live region, not at every key.
import { el } from "./dom.js";
import { t, tn } from "./i18n.js";

const SAY_AFTER = 1000; // ms without typing

/** The count below `box`: shown from `near` letters left. */
export function characterCount(box, limit, near) {
  const shown = el("p", { class: "hint text-count", "aria-hidden": "true" });
  const said = el("p", { class: "visually-hidden", "aria-live": "polite" });
  let timer = 0;
  const update = () => {
    const left = limit - box.value.length;
    shown.textContent = left > near ? "" : roomLeft(left);
    shown.classList.toggle("too-many", left < 0);
    clearTimeout(timer);
    timer = setTimeout(() => (said.textContent = shown.textContent), SAY_AFTER);
  };
  box.addEventListener("input", update);
  update();
  return el("div", { class: "character-count" }, shown, said);
}

/** The problem with `text` for the field `name`, or null when it fits. */
export function tooLong(name, text, limit) {
  const over = (text || "").length - limit;
  return over > 0 ? { field: name, message: roomLeft(-over) } : null;
}

function roomLeft(left) {
  if (left < 0) return tn("That is {count} letter too many. Please take some out.", "That is {count} letters too many. Please take some out.", -left);
  if (left === 0) return t("That is the most you can write here.");
  return tn("You can write {count} more letter.", "You can write {count} more letters.", left);
}
