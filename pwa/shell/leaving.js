// Leaving a shared phone: signing out and quick exit clear what this person kept on
// it (their outbox, their last known words and home, the app's cached files) even
// with no connection, and end the server session: at once when online, otherwise
// the next time Alongside opens. Notifications for them stop on this phone too.
import { api, signOutInBackground, rememberSession, ProblemError } from "./api.js";
import { keepOffline } from "./i18n.js";
import { currentPerson, lastPerson, forgetPerson } from "../store/people.js";

// Set while a server session may still be open after someone left; not personal.
const SESSION_TO_END = "alongside-session-to-end";
const CACHE_PREFIX = "alongside-shell-";

/**
 * Clears this phone for the next person. quick: for quick exit, which waits for
 * nothing (the caller leaves after a moment whatever happened).
 */
export async function leaveThisPhone({ quick = false } = {}) {
  const person = currentPerson() || (await lastPerson().then((record) => record && record.me).catch(() => null));
  if (!quick) await stopNotifications(true);
  remember(true);
  const ended = signOutInBackground().then((done) => done && remember(false));
  await Promise.all([
    person && person.kind === "family" ? forgetPerson(person.id).catch(() => {}) : null,
    clearShellCaches(),
    quick ? stopNotifications(false) : null,
    quick ? null : within(ended, 3000),
  ]);
}

/**
 * At start: someone left while offline, and the server still knows their session.
 * Ends it now; true if it did (this person then counts as signed out).
 */
export async function finishLeaving(signIn) {
  if (!sessionToEnd()) return false;
  signIn();
  if (await signOutInBackground()) remember(false); // kept until it is done
  return true;
}

/** Back online with nobody here: a session left open by signing out offline ends now. */
export async function endLeftSession() {
  if (!sessionToEnd()) return;
  try {
    rememberSession(await api.me());
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) remember(false); // it had ended already
    return;
  }
  if (await signOutInBackground()) remember(false);
}

/**
 * Nobody is signed in on the server any more, or someone has just signed in (their
 * new session replaced the old one, which ends by itself when idle): nothing is
 * left to end, and nothing is left in localStorage.
 */
export function nothingToEnd() {
  remember(false);
}

function sessionToEnd() {
  try {
    return localStorage.getItem(SESSION_TO_END) === "1";
  } catch {
    return false;
  }
}

function remember(toEnd) {
  try {
    if (toEnd) localStorage.setItem(SESSION_TO_END, "1");
    else localStorage.removeItem(SESSION_TO_END);
  } catch {
    // No storage at all: the session ends by itself when idle.
  }
}

async function clearShellCaches() {
  if (!("caches" in self)) return;
  const names = await caches.keys().catch(() => []);
  await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX)).map((name) => caches.delete(name)));
}

// The subscription belongs to the person leaving: the next person chooses their own.
async function stopNotifications(tellServer) {
  try {
    if (!("serviceWorker" in navigator)) return;
    const registration = await navigator.serviceWorker.getRegistration();
    const subscription = registration && registration.pushManager ? await registration.pushManager.getSubscription() : null;
    if (!subscription) return;
    if (tellServer) await within(api.unsubscribePush(subscription.endpoint).catch(() => {}), 3000);
    await subscription.unsubscribe();
  } catch {
    // Nothing to stop, or the browser would not say.
  }
}

function within(promise, ms) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);
}

/** Asks the service worker to keep the app's files again (after someone signs in). */
export function keepShellFiles() {
  keepOffline("alongside-cache-shell");
}

/** Asks once that the phone keeps Alongside's storage (Safari clears it after 7 days otherwise). */
export async function askToKeepStorage(alreadyAsked, asked) {
  if (!navigator.storage || !navigator.storage.persist || alreadyAsked) return;
  try {
    if (!(await navigator.storage.persisted())) await navigator.storage.persist();
  } catch {
    // Not offered here: the install hint helps instead.
  }
  asked();
}
