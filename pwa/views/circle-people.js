// A circle's people, for its team: the family members (each can be sent a new
// invitation), adding a family member, the team, adding a colleague from any
// agency and, for the lead practitioner, handing on the lead and closing the circle.
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

function content(circle, people) {
  const open = !circle.closed_at;
  return [
    ...circleTop(circle, "people", t("People: {circle}", { circle: circle.name })),
    familyMembers(circle, people),
    open ? addMemberForm(circle, people) : null,
    teamMembers(circle, people),
    open ? addTeammateForm(circle, people) : null,
    open && circle.is_lead ? closeCircle(circle, people) : null,
  ];
}
