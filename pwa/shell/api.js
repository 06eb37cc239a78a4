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

/** Whether changes can be sent now (someone is signed in, and the token is known). */
export function hasSession() {
  return csrfToken !== null;
}

/** options.headers: extra headers (such as Idempotency-Key); options.timeout: give up after this many ms. */
export async function request(method, path, body, options = {}) {
  const headers = { Accept: "application/json, application/problem+json", ...(options.headers || {}) };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response;
  const signal = options.timeout && AbortSignal.timeout ? AbortSignal.timeout(options.timeout) : undefined;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
      signal,
    });
  } catch {
    throw new OfflineError();
  }
  const answer = await readJson(response);
  if (!response.ok) {
    const error = new ProblemError(response.status, answer || {});
    const after = response.headers.get("Retry-After") || "";
    error.retryAfter = /^[0-9]+$/.test(after) ? Number(after) : null; // seconds the server asked to wait
    throw error;
  }
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
  signInPractitioner: (email, password, code) =>
    request("POST", "/api/sessions/practitioner", { email, password, ...(code ? { code } : {}) }),
  signInProviders: () => request("GET", "/api/sign-in/providers"),
  forgotPassword: (email) => request("POST", "/api/password-reset", { email }),
  redeemInvitation: (code, pin, again = {}) =>
    request("POST", "/api/invitations/redeem", { code, pin, ...again }),
  signInFamily: (pin) => request("POST", "/api/sessions/family", { pin }),
  signOut: () => request("DELETE", "/api/session"),
  chooseLanguage: (locale) => request("PUT", "/api/me/locale", { locale }),
  lookAtLink: (token) => request("POST", "/api/practitioner-invitations/look", { token }),
  acceptLink: (token, password) => request("POST", "/api/practitioner-invitations/accept", { token, password }),
  familyHome: () => request("GET", "/api/family/home"),
  practitionerHome: () => request("GET", "/api/practitioner/home"),
  sharingExplained: () => request("POST", "/api/family/sharing-explained"),
  setSimpleMode: (on) => request("PUT", "/api/family/simple-mode", { simple_mode: on }),
  needToTalk: () => request("POST", "/api/family/urgent"),
  needToTalkToMyMeeting: () => request("POST", "/api/family/urgent/my-meeting"),
  urgentWaiting: () => request("GET", "/api/urgent"),
  acknowledgeUrgent: (id) => request("POST", "/api/urgent/" + encodeURIComponent(id) + "/acknowledgement"),
  sharedWithMe: () => request("GET", "/api/family/shared-with-me"),
  myWords: () => request("GET", "/api/contributions"),
  saveWords: (words) => request("POST", "/api/contributions", words),
  editWords: (id, changes) => request("PATCH", contribution(id), changes),
  deleteWords: (id) => request("DELETE", contribution(id)),
  chooseAudience: (id, audience) => request("PUT", contribution(id) + "/audience", { audience }),
  stopSharing: (id) => request("POST", contribution(id) + "/withdraw"),
  circleVoice: (id) => request("GET", "/api/circles/" + encodeURIComponent(id) + "/voice"),
  // A circle's people, meetings and plan, for its team.
  circle: (id) => request("GET", circlePath(id)),
  createCircle: (name) => request("POST", "/api/circles", { name }),
  addFamilyMember: (id, member) => request("POST", circlePath(id) + "/members", member),
  newInvitation: (id, memberId) =>
    request("POST", circlePath(id) + "/members/" + encodeURIComponent(memberId) + "/invitations"),
  addTeammate: (id, email) => request("POST", circlePath(id) + "/team", { email }),
  removeMember: (id, memberId) => request("DELETE", circlePath(id) + "/members/" + encodeURIComponent(memberId)),
  removeTeammate: (id, personId) => request("DELETE", circlePath(id) + "/team/" + encodeURIComponent(personId)),
  makeLead: (id, practitionerId) => request("PUT", circlePath(id) + "/lead", { practitioner_id: practitionerId }),
  closeCircle: (id) => request("POST", circlePath(id) + "/close"),
  scheduleMeeting: (id, meeting) => request("POST", circlePath(id) + "/meetings", meeting),
  meeting: (id) => request("GET", meetingPath(id)),
  voiceCoverage: (id) => request("GET", meetingPath(id) + "/voice-coverage"),
  meetingCheckIns: (id) => request("GET", meetingPath(id) + "/check-ins"),
  reflect: (id, answers) => request("PUT", meetingPath(id) + "/reflection", answers),
  askForViews: (id, memberIds, dueOn) =>
    request("POST", meetingPath(id) + "/view-requests", { member_ids: memberIds, due_on: dueOn }),
  teamPlan: (id) => request("GET", circlePath(id) + "/plan"),
  addPlanItem: (id, item) => request("POST", circlePath(id) + "/plan/items", item),
  addWordsToPlan: (id, contributionId, section) =>
    request("POST", circlePath(id) + "/plan/imports", { contribution_id: contributionId, section }),
  editPlanItem: (itemId, changes) => request("PATCH", "/api/plan-items/" + encodeURIComponent(itemId), changes),
  removePlanItem: (itemId) => request("DELETE", "/api/plan-items/" + encodeURIComponent(itemId)),
  publishPlan: (id) => request("POST", circlePath(id) + "/plan/publish"),
  respondToAnswer: (answerId, text) => request("POST", planAnswerPath(answerId) + "/response", { text }),
  escalateAnswer: (answerId) => request("POST", planAnswerPath(answerId) + "/escalate"),
  answerAsManager: (answerId, text) => request("POST", planAnswerPath(answerId) + "/manager-answer", { text }),
  oversight: () => request("GET", "/api/oversight"),
  // The annual review: figures as JSON; its charts, page to print and CSV are links.
  review: (year) => request("GET", "/api/review?year=" + encodeURIComponent(year)),
  reviewChartUrl: (year, measure) => "/review/" + encodeURIComponent(year) + "/chart.svg?measure=" + encodeURIComponent(measure),
  reviewPrintUrl: (year) => "/review/" + encodeURIComponent(year) + "/print",
  reviewCsvUrl: (year) => "/api/review.csv?year=" + encodeURIComponent(year),
  nameDutyContact: (teamId, practitionerId) =>
    request("PUT", "/api/teams/" + encodeURIComponent(teamId) + "/duty-contact", { practitioner_id: practitionerId }),
  // The published plan, for the family.
  familyPlan: () => request("GET", "/api/family/plan"),
  planSeen: (version) => request("POST", "/api/family/plan/seen", { version }),
  withdrawAnswerComment: (answerId) => request("POST", "/api/family/plan/answers/" + encodeURIComponent(answerId) + "/withdraw"),
  youSaid: () => request("GET", "/api/family/you-said"),
  // Administration: organisations, teams, people and their roles, leavers.
  adminOrganisations: () => request("GET", "/api/admin/organisations"),
  createOrganisation: (name, agency) => request("POST", "/api/admin/organisations", { name, agency }),
  createTeam: (organisationId, name) => request("POST", organisationPath(organisationId) + "/teams", { name }),
  organisationSignIn: (organisationId) => request("GET", organisationPath(organisationId) + "/sign-in"),
  setOrganisationSignIn: (organisationId, identityProvider, requiresSecondFactor) =>
    request("PUT", organisationPath(organisationId) + "/sign-in", {
      identity_provider: identityProvider,
      requires_second_factor: requiresSecondFactor,
    }),
  organisationPeople: (organisationId) => request("GET", organisationPath(organisationId) + "/people"),
  invitePerson: (organisationId, person) => request("POST", organisationPath(organisationId) + "/people", person),
  changeRole: (personId, role, teamId) =>
    request("PUT", personPath(personId) + "/role", { role, team_id: teamId || null }),
  deactivate: (personId) => request("POST", personPath(personId) + "/deactivate"),
  reassignLead: (circleId, personId) =>
    request("PUT", "/api/admin/circles/" + encodeURIComponent(circleId) + "/lead", { practitioner_id: personId }),
  // The audit: a search, and the same search's CSV (a link, downloaded by the browser).
  audit: (query) => request("GET", "/api/audit" + queryString(query)),
  auditCsvUrl: (query) => "/api/audit/export" + queryString(query),
  // Records: a family member's export (a link) and erasure.
  findMembers: (name) => request("GET", "/api/records/members" + queryString({ name })),
  memberExportUrl: (id) => "/api/records/members/" + encodeURIComponent(id) + "/export",
  eraseMember: (id, confirmName, reason) =>
    request("POST", "/api/records/members/" + encodeURIComponent(id) + "/erasure", { confirm_name: confirmName, reason }),
  // A practitioner's sign-in code (authenticator app).
  secondFactor: () => request("GET", "/api/me/second-factor"),
  startSecondFactor: () => request("POST", "/api/me/second-factor"),
  confirmSecondFactor: (code) => request("PUT", "/api/me/second-factor", { code }),
  turnOffSecondFactor: (code) => request("DELETE", "/api/me/second-factor", { code }),
  // Notifications on this phone (never with anyone's words in them).
  pushKey: () => request("GET", "/api/push/key"),
  subscribePush: (subscription) => request("POST", "/api/push/subscriptions", subscription),
  unsubscribePush: (endpoint) => request("DELETE", "/api/push/subscriptions", { endpoint }),
};

function queryString(query) {
  const search = new URLSearchParams(query).toString();
  return search ? "?" + search : "";
}

function contribution(id) {
  return "/api/contributions/" + encodeURIComponent(id);
}

function circlePath(id) {
  return "/api/circles/" + encodeURIComponent(id);
}

function organisationPath(id) {
  return "/api/admin/organisations/" + encodeURIComponent(id);
}

function personPath(id) {
  return "/api/admin/people/" + encodeURIComponent(id);
}

function meetingPath(id) {
  return "/api/meetings/" + encodeURIComponent(id);
}

function planAnswerPath(id) {
  return "/api/plan-answers/" + encodeURIComponent(id);
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

/**
 * Quick exit (and signing out): ends the session without waiting, even as the page
 * is left. Resolves true once the server has ended it (false: not known to have).
 */
export function signOutInBackground() {
  if (!csrfToken) return Promise.resolve(false); // no token here: nothing this page can end
  const headers = { "X-CSRF-Token": csrfToken };
  const ending = { method: "DELETE", headers, credentials: "same-origin", keepalive: true };
  csrfToken = null;
  return fetch("/api/session", ending)
    .then((response) => response.ok || response.status === 401)
    .catch(() => false);
}
