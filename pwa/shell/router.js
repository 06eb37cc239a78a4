// Which screen to show. Routes live in the URL's fragment (#/sign-in, #/join/CODE,
// #/pin, #/home), which is never sent to the server. Every move replaces the
// history entry, so Back (or Quick exit) never walks through Alongside's screens.
import { api, rememberSession, forgetSession, ProblemError, OfflineError } from "./api.js";
import { currentLanguage, isSupported, loadLanguage, t } from "./i18n.js";
import { announce, showTopBar } from "./layout.js";
import { signInView } from "../views/sign-in.js";
import { joinView } from "../views/join.js";
import { pinView } from "../views/pin.js";
import { familyHomeView } from "../views/family-home.js";
import { practitionerHomeView } from "../views/practitioner-home.js";
import { troubleView } from "../views/trouble.js";
import { loadingView } from "../views/loading.js";

const SIGNED_OUT_ROUTES = {
  "sign-in": { view: signInView, family: false },
  join: { view: joinView, family: true },
  pin: { view: pinView, family: true },
};
const HOMES = { family: familyHomeView, practitioner: practitionerHomeView };

const session = { me: null, deviceKnown: false, checked: false };
let main = null;
let showing = 0;

export function startRouter(viewElement) {
  main = viewElement;
  document.addEventListener("click", followInAppLink);
  window.addEventListener("hashchange", () => show(readHash()));
  show(readHash());
}

function readHash() {
  const [name = "", ...rest] = location.hash.replace(/^#\/?/, "").split("/");
  let code = "";
  try {
    code = decodeURIComponent(rest.join("/"));
  } catch {
    code = rest.join("/");
  }
  return { name, code };
}

function navigate(name) {
  history.replaceState(null, "", "#/" + name);
  show({ name, code: "" });
}

function followInAppLink(event) {
  const link = event.target.closest("a[href^='#/']");
  if (!link || event.defaultPrevented || event.button !== 0) return;
  event.preventDefault();
  navigate(link.getAttribute("href").slice(2));
}

async function show(route) {
  const mine = ++showing;
  const slow = setTimeout(() => mine === showing && display(loadingView()), 400);
  try {
    if (!session.checked) await checkSession();
    const { name, view, family } = chooseRoute(route);
    // The invitation code is read once, then taken out of the address bar.
    if (location.hash !== "#/" + name) history.replaceState(null, "", "#/" + name);
    showTopBar({ quickExitShown: family });
    const content = await view(context(route));
    if (mine === showing) display(content);
  } catch (error) {
    if (mine !== showing) return;
    if (error instanceof ProblemError && error.status === 401 && session.me) return signedOut(error);
    if (!(error instanceof ProblemError || error instanceof OfflineError)) console.error(error);
    // Who is here is unknown (or a family member): keep Quick exit within reach.
    showTopBar({ quickExitShown: !session.me || session.me.kind === "family" });
    const tryAgain = () => show(readHash());
    if (error instanceof OfflineError) window.addEventListener("online", tryAgain, { once: true });
    display(troubleView(explain(error), tryAgain));
  } finally {
    clearTimeout(slow);
  }
}

function chooseRoute(route) {
  if (session.me) {
    const family = session.me.kind === "family";
    return { name: "home", view: family ? HOMES.family : HOMES.practitioner, family };
  }
  const wanted = SIGNED_OUT_ROUTES[route.name];
  if (wanted && (route.name !== "pin" || session.deviceKnown)) return { name: route.name, ...wanted };
  const name = session.deviceKnown ? "pin" : "sign-in";
  return { name, ...SIGNED_OUT_ROUTES[name] };
}

async function checkSession() {
  try {
    await signedIn(await api.me());
  } catch (error) {
    if (!(error instanceof ProblemError && error.status === 401)) throw error;
    session.me = null;
    session.deviceKnown = error.problem.device_known === true;
  }
  session.checked = true;
}

function context(route) {
  return {
    code: route.code,
    signedIn: async (me) => {
      await signedIn(me);
      navigate("home");
    },
    signOut,
  };
}

async function signedIn(me) {
  rememberSession(me);
  session.me = me;
  if (me.kind === "family") session.deviceKnown = true;
  if (isSupported(me.locale) && me.locale !== currentLanguage()) await loadLanguage(me.locale);
}

async function signOut() {
  try {
    await api.signOut();
  } catch (error) {
    // Already signed out on the server is fine; being offline is not: say so.
    if (!(error instanceof ProblemError && error.status === 401)) {
      announce(explain(error).message);
      return;
    }
  }
  signedOut();
}

function signedOut(expired = null) {
  forgetSession();
  session.me = null;
  if (expired) session.deviceKnown = expired.problem.device_known === true || session.deviceKnown;
  navigate(session.deviceKnown ? "pin" : "sign-in");
  announce(t("You have signed out."));
}

function explain(error) {
  if (error instanceof ProblemError || error instanceof OfflineError) return error;
  return { status: -1, message: t("Something went wrong. Please try again.") };
}

function display(content) {
  main.replaceChildren(content);
  const title = main.querySelector("h1") || main;
  title.focus();
}
