// A circle's people, for its team: the family members and the team. The lead
// practitioner (or their manager) sends new invitations, adds and removes family
// members and colleagues, hands on the lead and closes the circle.
import { el } from "../shell/dom.js";
import { api } from "../shell/api.js";
import { t } from "../shell/i18n.js";
import { circleTop, circleNotFound, unlessMissing } from "./circle-nav.js";
import { panelSlot } from "./panels.js";
import { familyMembers, addMemberForm } from "./people-family.js";
import { teamMembers, addTeammateForm, closeCircle } from "./people-team.js";

export async function circlePeopleView(ctx) {
  const circle = await unlessMissing(() => api.circle(ctx.code));
  if (!circle) return circleNotFound();
  const screen = el("section", { class: "stack" });
  // Invitation codes are shown once, when made: kept here (in memory only) so they
  // stay on screen while the practitioner does other things on it.
  const people = { invitations: new Map(), slot: panelSlot(), show: null };
  people.show = (detail, focusOn = null) => {
    people.slot.forget();
    screen.replaceChildren(...content(detail, people).filter(Boolean));
    const target = focusOn && screen.querySelector(focusOn);
    if (target) target.focus();
  };
  people.show(circle);
  return screen;
}

// Only the lead, or the lead's manager, changes who is in the circle (may_govern).
function content(circle, people) {
  const governs = circle.may_govern;
  return [
    ...circleTop(circle, "people", t("People: {circle}", { circle: circle.name })),
    familyMembers(circle, people),
    governs ? addMemberForm(circle, people) : null,
    teamMembers(circle, people),
    governs ? addTeammateForm(circle, people) : null,
    governs ? closeCircle(circle, people) : null,
  ];
}
