// How an organisation's people sign in, for its administrators: with a password, or
// through one of the sign-in services this deployment has (set up by whoever runs
// Alongside, secrets kept outside the app); and whether everyone must also use a
// sign-in code from an app on their phone.
import { el, heading } from "../shell/dom.js";
import { formMessage, onSubmit } from "../shell/forms.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { checkboxGroup } from "./fields.js";

export async function adminSignInView(ctx) {
  const shown = await api.organisationSignIn(ctx.code);
  const ways = [
    { value: "", label: t("Password"), description: t("Their work email address and a password they choose.") },
    ...shown.providers.map((provider) => ({
      value: provider.key,
      label: provider.name,
      description: t("They sign in on that service's own page."),
    })),
  ].map((way) => ({ ...way, checked: way.value === shown.identity_provider }));
  const status = el("p", { role: "status" });
  const form = el(
    "form",
    { class: "stack", "aria-labelledby": "sign-in-way-title" },
    formMessage(),
    checkboxGroup({ name: "identity_provider", legend: t("They sign in with"), options: ways, type: "radio" }),
    shown.providers.length ? null : el("p", { class: "hint" }, t("No sign-in service is set up here yet. Whoever runs Alongside can add one.")),
    checkboxGroup({
      name: "requires_second_factor",
      legend: t("Sign-in code"),
      options: [
        {
          value: "yes",
          label: t("Everyone must use a sign-in code"),
          description: t("With a password, they also type a code from an app on their phone."),
          checked: shown.requires_second_factor,
        },
      ],
    }),
    el("button", { type: "submit", class: "button" }, t("Save how they sign in")),
  );
  onSubmit(form, {
    send: async (values) => {
      await api.setOrganisationSignIn(ctx.code, values.identity_provider || "", values.requires_second_factor === "yes");
      status.textContent = t("Saved.");
    },
  });
  return el(
    "section",
    { class: "stack" },
    heading(t("How people at {name} sign in", { name: shown.name })),
    el("p", { class: "lead", id: "sign-in-way-title" }, t("Choose how the people in this organisation sign in.")),
    form,
    status,
    el("p", { class: "other-way" }, el("a", { href: "#/organisation/" + encodeURIComponent(ctx.code), dir: "auto" }, shown.name)),
  );
}
