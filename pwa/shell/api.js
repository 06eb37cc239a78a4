// Talks to the Alongside server. Answers are never stored on the phone here;
// the CSRF token lives only in memory, from the last sign-in or /api/me answer.
import { t } from "./i18n.js";

let csrfToken = null;

/** The server said no: carries the problem's status, type, translated title and field errors. */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.title || t("Something went wrong. Please try again."));
    this.status = status;
    this.type = problem.type || "about:blank";
    this.title = this.message;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.problem = problem;
  }
}

/** The server could not be reached. */
export class OfflineError extends Error {
  constructor() {
    super(t("You seem to be offline. Check your connection and try again."));
    this.status = 0;
    this.errors = [];
  }
}

export function rememberSession(me) {
  csrfToken = me && me.csrf_token ? me.csrf_token : null;
}

export function forgetSession() {
  csrfToken = null;
}

export async function request(method, path, body) {
  const headers = { Accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new OfflineError();
  }
  const answer = await readJson(response);
  if (!response.ok) throw new ProblemError(response.status, answer || {});
  return answer;
}

async function readJson(response) {
  const type = response.headers.get("Content-Type") || "";
  if (response.status === 204 || !/json/.test(type)) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export const api = {
  me: () => request("GET", "/api/me"),
  signInPractitioner: (email, password) => request("POST", "/api/sessions/practitioner", { email, password }),
  redeemInvitation: (code, pin) => request("POST", "/api/invitations/redeem", { code, pin }),
  signInFamily: (pin) => request("POST", "/api/sessions/family", { pin }),
  signOut: () => request("DELETE", "/api/session"),
  familyHome: () => request("GET", "/api/family/home"),
  practitionerHome: () => request("GET", "/api/practitioner/home"),
  sharingExplained: () => request("POST", "/api/family/sharing-explained"),
  setSimpleMode: (on) => request("PUT", "/api/family/simple-mode", { simple_mode: on }),
  needToTalk: () => request("POST", "/api/family/urgent"),
  sharedWithMe: () => request("GET", "/api/family/shared-with-me"),
  myWords: () => request("GET", "/api/contributions"),
  saveWords: (words) => request("POST", "/api/contributions", words),
  editWords: (id, changes) => request("PATCH", contribution(id), changes),
  deleteWords: (id) => request("DELETE", contribution(id)),
  chooseAudience: (id, audience) => request("PUT", contribution(id) + "/audience", { audience }),
  stopSharing: (id) => request("POST", contribution(id) + "/withdraw"),
  circleVoice: (id) => request("GET", "/api/circles/" + encodeURIComponent(id) + "/voice"),
};

function contribution(id) {
  return "/api/contributions/" + encodeURIComponent(id);
}

/** A new id for something written on this phone: the server is idempotent on it. */
export function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  // randomUUID needs a secure context; a version 4 UUID from random bytes otherwise.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}

/** Quick exit: ends the session without waiting, even as the page is left. */
export function signOutInBackground() {
  if (!csrfToken) return; // not signed in: nothing to end
  const headers = { "X-CSRF-Token": csrfToken };
  const ending = { method: "DELETE", headers, credentials: "same-origin", keepalive: true };
  fetch("/api/session", ending).catch(() => {});
  csrfToken = null;
}
