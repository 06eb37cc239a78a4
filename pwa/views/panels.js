// Small panels that open under an item (a form, or "Are you sure?"), one at a time
// on a screen, so no two forms on it share a field's id. Used by the circle's
// People and Plan screens, the family's plan and a circle's family voice.
import { el } from "../shell/dom.js";

/** One open panel at a time: opening another puts the last one's buttons back. */
export function panelSlot() {
  let closeOpen = () => {};
  return {
    open(area, panel, restore) {
      closeOpen();
      closeOpen = () => {
        closeOpen = () => {};
        restore();
      };
      area.replaceChildren(panel);
      const focusable = panel.querySelectorAll("[tabindex='-1'], input, textarea, select, button");
      const first = [...focusable].find((node) => node.type !== "hidden" && !node.closest("[hidden]"));
      if (first) first.focus();
    },
    close() {
      closeOpen();
    },
    forget() {
      closeOpen = () => {};
    },
  };
}

export function problemLine() {
  return el("p", { class: "form-message", role: "alert", hidden: true });
}

export function cancelButton(label, cancel) {
  return el("button", { type: "button", class: "button secondary", onclick: cancel }, label);
}

/** "Are you sure?" with a yes and a no of the same size. */
export function confirmPanel({ question, detail, yes, no, act, cancel }) {
  const problem = problemLine();
  const yesButton = el("button", { type: "button", class: "button" }, yes);
  yesButton.addEventListener("click", () => attempt(yesButton, problem, act));
  return el(
    "div",
    { class: "word-panel stack" },
    el("p", { class: "panel-question", tabIndex: -1 }, question),
    detail ? el("p", {}, detail) : null,
    problem,
    el("div", { class: "panel-buttons" }, yesButton, cancelButton(no, cancel)),
  );
}

/** One tap, one request: the button is off while it is on its way; a refusal is shown. */
export async function attempt(button, problem, act) {
  if (button.disabled) return;
  button.disabled = true;
  problem.hidden = true;
  try {
    await act();
  } catch (error) {
    problem.textContent = error.message;
    problem.hidden = false;
    if (button.isConnected) {
      button.disabled = false;
      button.focus();
    }
    return;
  }
  button.disabled = false;
}

/** A small button that asks first ("Are you sure?") in a panel under it, then acts. */
export function askFirst(slot, { label, describedBy, question, detail, yes, no, act }) {
  const area = el("div", { class: "word-actions" });
  const showButton = () => {
    const button = el("button", { type: "button", class: "action", "aria-describedby": describedBy }, label);
    button.addEventListener("click", () => slot.open(area, panel, showButtonAndFocus));
    area.replaceChildren(el("div", { class: "action-row" }, button));
  };
  const showButtonAndFocus = () => {
    showButton();
    area.querySelector("button").focus();
  };
  const panel = confirmPanel({ question, detail, yes, no, act, cancel: () => slot.close() });
  showButton();
  return area;
}
