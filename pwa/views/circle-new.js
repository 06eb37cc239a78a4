// "Set up a new circle", on a practitioner's home: whoever sets it up leads it,
// and goes straight on to adding the family and the team.
import { el } from "../shell/dom.js";
import { field, formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";

export function newCircleForm(ctx) {
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "new-circle-title" },
    formMessage(),
    field({
      name: "name",
      label: t("Name of the circle"),
      hint: t("Usually the family's first names, such as “Sam and Mia”. The family will see it."),
      autocomplete: "off",
      dir: "auto",
      maxLength: 200,
    }),
    el("button", { type: "submit", class: "button" }, t("Set up the circle")),
  );
  onSubmit(form, {
    check: ({ name }) =>
      name.trim() ? [] : [{ field: "name", message: t("Enter a name for the circle.") }],
    send: async ({ name }) => {
      const circle = await api.createCircle(name.trim());
      ctx.go("circle/" + encodeURIComponent(circle.id) + "/people");
      announce(t("The circle is set up. You are its lead practitioner."));
    },
  });
  return el(
    "section",
    { class: "card stack" },
    el("h2", { id: "new-circle-title" }, t("Set up a new circle")),
    form,
  );
}
