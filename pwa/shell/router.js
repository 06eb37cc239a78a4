// Which screen to show. Routes live in the URL's fragment (#/sign-in, #/join/CODE,
// #/pin, #/home, #/write …; see routes.js), which is never sent to the server.
// Every move replaces the history entry, so Back (or Quick exit) never walks
// through Alongside's screens. Who is here comes from the server, or, with no
// connection, from what this phone remembers (see session.js).
import { ProblemError, OfflineError } from "./api.js";
import { t } from "./i18n.js";
import { announce, clearBanner, nameThePage, showTopBar } from "./layout.js";
import { signedInRoute } from "./routes.js";
import { session, checkSession, signedIn, leave, whenBackOnline, lockWhenIdle } from "./session.js";
import { unsentCount, outboxEvents } from "../outbox/queue.js";
import { signInView } from "../views/sign-in.js";
import { joinView } from "../views/join.js";
import { pinView } from "../views/pin.js";
import { lockedView } from "../views/locked.js";
import { troubleView } from "../views/trouble.js";
import { talkNowView } from "../views/talk-now.js";
import { loadingView } from "../views/loading.js";
import { el } from "./dom.js";
import { importLater } from "./later.js";

const SIGNED_OUT_ROUTES = {
  "sign-in": { view: signInView, family: false },
  join: { view: joinView, family: true },
  pin: { view: pinView, family: true },
  // Practitioners' code: loaded only when opened, never on a family member's phone.
  "set-password": { view: async (context) => (await importLater(() => import("../views/set-password.js"))).setPasswordView(context), family: false },
  // The numbers to call are shown to anyone; telling the worker needs a session.
  "talk-now": { view: talkNowView, family: true },
};

let main = null;
let showing = 0;
let shown = ""; // the route on screen now: the next screen's "from"

export function startRouter(viewElement) {
  main = viewElement;
  document.addEventListener("click", followInAppLink);
  window.addEventListener("hashchange", () => {
    clearBanner();
    show(readHash());
  });
  // Back online after opening with no connection: find out again who is here.
  window.addEventListener("online", () => whenBackOnline().then(afterCheck));
  // The server ended the session while the outbox was sending: the PIN opens it again.
  outboxEvents.addEventListener("session-ended", () => whenBackOnline(true).then(afterCheck));
  lockWhenIdle(lockNow);
  // Screens stay current: coming back to the app, or a push arriving while it is
  // open, shows the screen afresh (see refreshInPlace).
  document.addEventListener("visibilitychange", refreshInPlace);
  window.addEventListener("focus", refreshInPlace);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data && event.data.type === "alongside-news") refreshInPlace({ news: true });
    });
  }
  show(readHash());
}

// Screens that show what others do (new words, read receipts, answers, what
// changed, calls for help). Screens for writing, and those that show something
// only once (a new invitation code), are never redrawn under someone.
const STAY_CURRENT = new Set(["home", "my-words", "shared-with-me", "plan", "you-said", "circle", "circle-plan", "circle-meetings", "meeting"]);
const QUIET = 2000; // ms: focus and visibility arrive together
let lastRefresh = 0;
let drawing = 0; // screens on their way (not refreshes): a refresh never overtakes one
let drawn = 0; // counts full draws: a refresh only replaces the screen it started from
let later = null; // news that came while a screen was on its way waits for it

function screenOf(path) {
  const parts = path.split("/");
  return parts[0] === "circle" && parts.length === 3 ? "circle-" + parts[2] : parts[0];
}

/** Shows the current screen afresh, in place: not while someone has typed or
 * chosen something on it, and without moving their focus or scroll. */
function refreshInPlace({ news = false } = {}) {
  if (document.visibilityState !== "visible" || navigator.onLine === false) return;
  if (!session.me || session.locked || !STAY_CURRENT.has(screenOf(shown))) return;
  if (somethingChanged(main)) return;
  if (drawing) {
    // A screen on its way is current already; news is looked at once it has come.
    if (news && !later) {
      later = setTimeout(() => {
        later = null;
        refreshInPlace({ news: true });
      }, QUIET);
    }
    return;
  }
  if (!news && Date.now() - lastRefresh < QUIET) return;
  lastRefresh = Date.now();
  show(readHash(), { refresh: true });
}

// Anything typed, picked or opened on the screen that a redraw would lose.
function somethingChanged(root) {
  for (const box of root.querySelectorAll("input, textarea, select")) {
    if (box.type === "hidden") continue;
    if (box.type === "checkbox" || box.type === "radio") {
      if (box.checked !== box.defaultChecked) return true;
    } else if (box.tagName === "SELECT") {
      if ([...box.options].some((option) => option.selected !== option.defaultSelected)) return true;
    } else if (box.value !== box.defaultValue) return true;
  }
  // Opened panels and explanations, and what is shown only once (recovery codes, invitations).
  return Boolean(root.querySelector(".word-panel, [aria-expanded='true'], details[open], [data-shown-once]"));
}

function readHash() {
  return parse(location.hash.replace(/^#\/?/, ""));
}

function parse(path) {
  const [name = "", ...rest] = path.split("/");
  let code = "";
  try {
    code = decodeURIComponent(rest.join("/"));
  } catch {
    code = rest.join("/");
  }
  return { name, code };
}

/** Moves to a screen ("write", "edit/ID"); state is handed to the view, in memory only. */
function navigate(path, state = null) {
  history.replaceState(null, "", "#/" + path);
  show({ ...parse(path), state });
}

function followInAppLink(event) {
  const link = event.target.closest("a[href^='#/']");
  if (!link || event.defaultPrevented || event.button !== 0) return;
  event.preventDefault();
  clearBanner();
  navigate(link.getAttribute("href").slice(2));
}

async function show(route, { refresh = false } = {}) {
  const mine = ++showing;
  const from = drawn;
  if (!refresh) drawing++;
  const slow = refresh ? 0 : setTimeout(() => mine === showing && display(loadingView()), 400);
  try {
    // Offline and not yet known who is here: "talk now" still shows the numbers.
    if (!session.checked) await checkSession().catch(unlessTalkingNow(route));
    const { name, view, family, code, keepCode } = chooseRoute(route);
    // The invitation code is read once, then taken out of the address bar.
    const path = keepCode ? name + "/" + encodeURIComponent(code) : name;
    if (refresh && path !== shown) return; // the screen changed meanwhile: leave it
    if (location.hash !== "#/" + path) history.replaceState(null, "", "#/" + path);
    showTopBar({ quickExitShown: family, onTalk: family && name !== "talk-now" ? talkNow : null });
    const content = await view(context({ ...route, code }));
    // A call for help waits at the top of every practitioner screen until acknowledged.
    const banner = session.me && session.me.kind !== "family" ? await (await importLater(() => import("../views/urgent-banner.js"))).urgentBanner() : null;
    if (mine !== showing) return;
    // Whatever was typed, opened or shown once while the fresh screen was fetched stays.
    if (refresh && (from !== drawn || somethingChanged(main))) return;
    const screen = banner ? el("div", { class: "stack" }, banner, content) : content;
    if (refresh && !screen.querySelector("h1")) return; // never a screen without its heading
    if (refresh) redisplay(screen);
    else display(screen, path);
  } catch (error) {
    if (mine !== showing) return;
    if (refresh && !(error instanceof ProblemError && error.status === 401)) return; // keep the screen as it was
    if (error instanceof ProblemError && error.status === 401 && session.me) return signedOut(error);
    if (!(error instanceof ProblemError || error instanceof OfflineError)) console.error(error);
    // Who is here is unknown (or a family member): keep Quick exit and help within reach.
    const family = !session.me || session.me.kind === "family";
    showTopBar({ quickExitShown: family, onTalk: family ? talkNow : null });
    const tryAgain = () => show(readHash());
    // Back online: try again, unless they have moved on (such as to "talk now") meanwhile.
    const stillHere = () => mine === showing;
    if (error instanceof OfflineError) window.addEventListener("online", () => stillHere() && tryAgain(), { once: true });
    display(troubleView(explain(error), tryAgain));
  } finally {
    clearTimeout(slow);
    if (!refresh) drawing--;
  }
}

// "I need to talk to someone now", on every family screen, even offline.
function talkNow() {
  navigate("talk-now", { send: true });
}

function unlessTalkingNow(route) {
  return (error) => {
    if (route.name !== "talk-now" || !(error instanceof OfflineError)) throw error;
  };
}

function chooseRoute(route) {
  if (session.me && session.locked) {
    if (route.name === "talk-now") return { name: "talk-now", code: "", ...SIGNED_OUT_ROUTES["talk-now"] };
    // A new invitation code works even on a locked phone (its cookies may be gone).
    if (route.name === "join") return { name: "join", code: route.code, ...SIGNED_OUT_ROUTES.join };
    return { name: "pin", code: "", view: lockedView, family: true };
  }
  if (session.me) return signedInRoute(session.me.kind, route);
  const wanted = SIGNED_OUT_ROUTES[route.name];
  if (wanted && (route.name !== "pin" || session.deviceKnown)) return { name: route.name, code: route.code, ...wanted };
  const name = session.deviceKnown ? "pin" : "sign-in";
  return { name, code: "", ...SIGNED_OUT_ROUTES[name] };
}

function context(route) {
  return {
    code: route.code,
    state: route.state || null,
    from: shown,
    go: navigate,
    signedIn: async (me) => {
      await signedIn(me, { fresh: true });
      navigate("home");
    },
    signOut,
    leave: signOutNow,
    me: session.me,
    offline: session.offline,
  };
}

// Unsent words are never lost silently: with some waiting, signing out asks first.
async function signOut() {
  const me = session.me;
  if (me && me.kind === "family" && (await unsentCount(me.id)) > 0) return navigate("sign-out");
  await signOutNow();
}

async function signOutNow() {
  await leave();
  navigate(session.deviceKnown ? "pin" : "sign-in");
  announce(t("You have signed out."));
}

function signedOut(expired) {
  session.me = null;
  session.checked = false; // the next screen asks the server (or the phone) again
  const replaced = (expired.problem.type || "").endsWith("/phone-replaced");
  if (replaced) Object.assign(session, { deviceKnown: false, phoneReplaced: expired.problem.title });
  session.deviceKnown = !replaced && (expired.problem.device_known === true || session.deviceKnown);
  navigate(session.deviceKnown ? "pin" : "sign-in");
  announce(t("You have signed out."));
}

// Five minutes without a tap: the family screens lock (see lock.js).
function lockNow() {
  if (!session.me || session.me.kind !== "family" || session.locked) return;
  session.locked = true;
  navigate("pin");
  announce(t("Alongside locked itself because it was not used for a while."));
}

function afterCheck(changed) {
  if (changed === "locked") navigate("pin");
  else if (changed === "signed-out") navigate(session.deviceKnown ? "pin" : "sign-in");
}

function explain(error) {
  if (error instanceof ProblemError || error instanceof OfflineError) return error;
  return { status: -1, message: t("Something went wrong. Please try again.") };
}

// The same screen, fresh: focus stays where it was (or on the heading if that
// part has gone), the page does not jump, and nothing is announced.
function redisplay(content) {
  const focused = main.contains(document.activeElement) ? document.activeElement.id : null;
  const top = window.scrollY;
  main.replaceChildren(content);
  nameThePage();
  if (focused !== null) (document.getElementById(focused) || main.querySelector("h1") || main).focus({ preventScroll: true });
  window.scrollTo(0, top);
}

function display(content, path = shown) {
  shown = path;
  drawn++;
  main.replaceChildren(content);
  const title = main.querySelector("h1") || main;
  nameThePage();
  title.focus();
}
