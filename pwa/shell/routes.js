// The screens someone who is signed in can reach, by the name in the address's
// fragment (#/write). A route that keeps its code (#/circle/ID) needs it to show
// anything; other codes are dropped from the address.
// A practitioner's screens are loaded only when a practitioner opens them, so a
// family member's phone never downloads them; every family screen comes at start.
import { familyHomeView } from "../views/family-home.js";
import { writeView } from "../views/write.js";
import { editView } from "../views/edit.js";
import { myWordsView } from "../views/my-words.js";
import { sharingExplainedView } from "../views/sharing-explained.js";
import { sharedWithMeView } from "../views/shared-with-me.js";
import { talkNowView } from "../views/talk-now.js";
import { ourPlanView } from "../views/our-plan.js";
import { youSaidView } from "../views/you-said.js";
import { settingsView } from "../views/settings.js";
import { signOutView } from "../views/sign-out.js";
import { checkInView } from "../views/check-in.js";
import { importLater } from "./later.js";

const FAMILY = {
  home: familyHomeView,
  write: writeView,
  edit: editView,
  "my-words": myWordsView,
  "who-sees": sharingExplainedView,
  "shared-with-me": sharedWithMeView,
  "talk-now": talkNowView,
  plan: ourPlanView,
  "you-said": youSaidView,
  settings: settingsView,
  "sign-out": signOutView,
  "check-in": checkInView,
};

/** A screen whose module is imported the first time it is shown. */
function later(load, name) {
  return async (context) => (await importLater(load))[name](context);
}

const PRACTITIONER = {
  home: later(() => import("../views/practitioner-home.js"), "practitionerHomeView"),
  circle: later(() => import("../views/circle-voice.js"), "circleVoiceView"),
  meeting: later(() => import("../views/meeting-detail.js"), "meetingView"),
  settings: settingsView,
  admin: later(() => import("../views/admin.js"), "adminView"),
  organisation: later(() => import("../views/admin-organisation.js"), "adminOrganisationView"),
  "organisation-sign-in": later(() => import("../views/admin-sign-in.js"), "adminSignInView"),
  oversight: later(() => import("../views/oversight.js"), "oversightView"),
  review: later(() => import("../views/review.js"), "reviewView"),
  records: later(() => import("../views/records.js"), "recordsView"),
  audit: later(() => import("../views/audit.js"), "auditView"),
  "second-factor": later(() => import("../views/second-factor.js"), "secondFactorView"),
};

// A circle's other screens, after its code: #/circle/ID/people, …/meetings, …/plan.
const CIRCLE_SCREENS = {
  people: later(() => import("../views/circle-people.js"), "circlePeopleView"),
  meetings: later(() => import("../views/circle-meetings.js"), "circleMeetingsView"),
  plan: later(() => import("../views/circle-plan.js"), "circlePlanView"),
};

const KEEPS_CODE = new Set(["edit", "check-in", "circle", "meeting", "organisation", "organisation-sign-in", "review"]);

/** The screen for a signed-in person; anything unknown is their home. */
export function signedInRoute(kind, route) {
  const family = kind === "family";
  const circleScreen = family ? null : circleScreenRoute(route);
  if (circleScreen) return circleScreen;
  const views = family ? FAMILY : PRACTITIONER;
  const needsCode = KEEPS_CODE.has(route.name);
  const known = Object.hasOwn(views, route.name) && (!needsCode || route.code);
  const name = known ? route.name : "home";
  const keepCode = KEEPS_CODE.has(name);
  return { name, view: views[name], family, code: keepCode ? route.code : "", keepCode };
}

// The router keeps a route's code as one encoded piece; a circle's screen keeps its
// slash instead (#/circle/ID/plan), so the whole path is given as the route's name.
function circleScreenRoute(route) {
  if (route.name !== "circle") return null;
  const [id, screen, ...more] = route.code.split("/");
  if (!id || more.length || !Object.hasOwn(CIRCLE_SCREENS, screen || "")) return null;
  const name = "circle/" + encodeURIComponent(id) + "/" + screen;
  return { name, view: CIRCLE_SCREENS[screen], family: false, code: id, keepCode: false };
}
