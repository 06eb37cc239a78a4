// A group of choices (radio buttons) with a legend, an optional hint and an error
// line. Shaped like field(): the fieldset's id is "field-<name>", so showErrors()
// puts a message about <name> beside the whole group.
import { el, icon } from "./dom.js";

export function choiceGroup({ name, legend, hint, options, value, className = "", idPrefix = "field-" }) {
  const id = idPrefix + name;
  const hintId = hint ? id + "-hint" : null;
  return el(
    "fieldset",
    { id, class: ("choices " + className).trim(), "aria-describedby": hintId },
    el("legend", {}, legend),
    hint ? el("p", { id: hintId, class: "hint" }, hint) : null,
    el("p", { id: id + "-error", class: "field-error", hidden: true }),
    el("div", { class: "choice-list" }, options.map((option, index) => choice(id + "-" + index, name, option, value))),
  );
}

function choice(id, name, option, value) {
  return el(
    "label",
    { class: "choice", for: id },
    el("input", { type: "radio", id, name, value: option.value, checked: option.value === value }),
    option.icon ? icon(option.icon, "icon choice-icon") : null,
    el(
      "span",
      { class: "choice-text" },
      el("span", { class: "choice-label" }, option.label),
      option.description ? el("span", { class: "choice-description" }, option.description) : null,
    ),
  );
}

/** The value of the checked radio button called name inside container, or "". */
export function chosen(container, name) {
  const checked = container.querySelector(`input[name="${name}"]:checked`);
  return checked ? checked.value : "";
}
