// Choosing a language. Each language is named in itself ("Polski", "اردو"), so
// anyone finds theirs whatever is on screen. Before sign-in the choice is kept
// on this phone (a cookie the server reads too, so its messages follow it); once
// signed in it is also kept for the person, and follows them to every phone.
import { el } from "./dom.js";
import { api } from "./api.js";
import { t, currentLanguage, isSupported, loadLanguage } from "./i18n.js";

export const LANGUAGE_NAMES = { en: "English", pl: "Polski", pa: "ਪੰਜਾਬੀ", ur: "اردو", ro: "Română" };
const COOKIE = "alongside-lang";
const A_YEAR = 365 * 24 * 3600;

export function keepOnThisPhone(code) {
  document.cookie = `${COOKIE}=${code}; path=/; max-age=${A_YEAR}; samesite=lax`;
}

/** The language chosen on this phone: from an invitation link (?lang=ur), or the switcher. */
export function chosenOnThisPhone() {
  const fromLink = new URLSearchParams(location.search).get("lang");
  if (isSupported(fromLink)) {
    keepOnThisPhone(fromLink);
    history.replaceState(null, "", location.pathname + location.hash); // read once
    return fromLink;
  }
  const found = document.cookie.split("; ").find((part) => part.startsWith(COOKIE + "="));
  const code = found ? found.slice(COOKIE.length + 1) : "";
  return isSupported(code) ? code : null;
}

/**
 * Buttons, one per language. `signedIn`: the choice is saved for the person too.
 * `after` shows the screen again in the new language.
 */
export function languageSwitcher({ signedIn = false, after }) {
  const problem = el("p", { class: "form-message", role: "alert", hidden: true });
  const choose = async (code) => {
    problem.hidden = true;
    try {
      if (signedIn) await api.chooseLanguage(code);
    } catch (error) {
      problem.textContent = error.message;
      problem.hidden = false;
      return;
    }
    keepOnThisPhone(code);
    await loadLanguage(code);
    after();
  };
  const current = currentLanguage();
  const button = ([code, name]) =>
    el(
      "li",
      {},
      el("button", { type: "button", class: "language-choice", lang: code, "aria-pressed": String(code === current), onclick: () => choose(code) }, name),
    );
  return el(
    "nav",
    { class: "language-switcher stack-small", "aria-label": t("Language") },
    el("ul", { class: "language-list" }, Object.entries(LANGUAGE_NAMES).map(button)),
    problem,
  );
}
