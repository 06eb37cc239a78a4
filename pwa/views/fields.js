// Fields that shell/forms.js does not make: a list to pick from, a box for longer
// writing, and a group of tick boxes. Shaped like field(): the control's id is
// "field-<name>" and its error line "field-<name>-error", so showErrors() finds them.
import { el } from "../shell/dom.js";

function fieldBox(name, label, hint, control) {
  const id = "field-" + name;
  return el(
    "div",
    { class: "field", "data-field": name },
    el("label", { for: id }, label),
    hint ? el("p", { id: id + "-hint", class: "hint" }, hint) : null,
    el("p", { id: id + "-error", class: "field-error", hidden: true }),
    control,
  );
}

/** options: [{value, label}] or groups [{group, options: [...]}]. */
export function selectField({ name, label, hint, options, value = "" }) {
  const id = "field-" + name;
  const select = el(
    "select",
    { id, name, "aria-describedby": hint ? id + "-hint" : null },
    options.map((option) => optionOrGroup(option, value)),
  );
  return fieldBox(name, label, hint, select);
}

function optionOrGroup(option, value) {
  if (option.options) {
    return el("optgroup", { label: option.group }, option.options.map((inner) => optionOrGroup(inner, value)));
  }
  return el("option", { value: option.value, selected: option.value === value }, option.label);
}

export function textareaField({ name, label, hint, value = "", ...props }) {
  const id = "field-" + name;
  const box = el("textarea", { id, name, dir: "auto", "aria-describedby": hint ? id + "-hint" : null, ...props });
  box.value = value;
  return fieldBox(name, label, hint, box);
}

/** Tick boxes with a legend: the fieldset is "field-<name>", so an error about <name> sits beside it.
 *  type "radio" makes it a choice of one. */
export function checkboxGroup({ name, legend, hint, options, type = "checkbox" }) {
  const id = "field-" + name;
  return el(
    "fieldset",
    { id, class: "choices", "aria-describedby": hint ? id + "-hint" : null },
    el("legend", {}, legend),
    hint ? el("p", { id: id + "-hint", class: "hint" }, hint) : null,
    el("p", { id: id + "-error", class: "field-error", hidden: true }),
    el(
      "div",
      { class: "choice-list" },
      options.map((option, index) =>
        el(
          "label",
          { class: "choice", for: id + "-" + index },
          el("input", { type, id: id + "-" + index, name, value: option.value, checked: !!option.checked }),
          el(
            "span",
            { class: "choice-text" },
            el("span", { class: "choice-label", dir: "auto" }, option.label),
            option.description ? el("span", { class: "choice-description" }, option.description) : null,
          ),
        ),
      ),
    ),
  );
}

/** The values of the ticked boxes called name inside container. */
export function ticked(container, name) {
  return [...container.querySelectorAll(`input[name="${name}"]:checked`)].map((box) => box.value);
}
