// The screens someone who is signed in can reach, by the name in the address's
// fragment (#/write). A route that keeps its code (#/circle/ID) needs it to show
// anything; other codes are dropped from the address.
import { familyHomeView } from "../views/family-home.js";
import { writeView } from "../views/write.js";
import { editView } from "../views/edit.js";
import { myWordsView } from "../views/my-words.js";
import { sharingExplainedView } from "../views/sharing-explained.js";
import { sharedWithMeView } from "../views/shared-with-me.js";
import { talkNowView } from "../views/talk-now.js";
import { practitionerHomeView } from "../views/practitioner-home.js";
import { circleVoiceView } from "../views/circle-voice.js";

const FAMILY = {
  home: familyHomeView,
  write: writeView,
  edit: editView,
  "my-words": myWordsView,
  "who-sees": sharingExplainedView,
  "shared-with-me": sharedWithMeView,
  "talk-now": talkNowView,
};

const PRACTITIONER = {
  home: practitionerHomeView,
  circle: circleVoiceView,
};

const KEEPS_CODE = new Set(["edit", "circle"]);

/** The screen for a signed-in person; anything unknown is their home. */
export function signedInRoute(kind, route) {
  const family = kind === "family";
  const views = family ? FAMILY : PRACTITIONER;
  const needsCode = KEEPS_CODE.has(route.name);
  const known = Object.hasOwn(views, route.name) && (!needsCode || route.code);
  const name = known ? route.name : "home";
  const keepCode = KEEPS_CODE.has(name);
  return { name, view: views[name], family, code: keepCode ? route.code : "", keepCode };
}
