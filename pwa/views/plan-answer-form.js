// A family member's answer to one part of the plan: three choices of the same size
// and weight (I agree / I'm not sure / I disagree) and, if they want, why, in their
// own words, with who can read those words (their worker unless they choose
// otherwise: someone must be able to answer them). Their answer so far, who read
// it, and the team's response to it, show above; they can take their words back.
// An answer goes through the outbox like every family write: with no signal it is
// kept on the phone and sent when the connection comes back.
import { el, icon } from "../shell/dom.js";
import { formMessage, onSubmit } from "../shell/forms.js";
import { choiceGroup } from "../shell/choices.js";
import { api, ProblemError } from "../shell/api.js";
import { characterCount, tooLong } from "../shell/character-count.js";
import { t, tp, formatDate } from "../shell/i18n.js";
import { announce } from "../shell/layout.js";
import { currentPersonId } from "../store/people.js";
import { readCommand } from "../store/commands.js";
import { answerPlanItem, askAManager as askAManagerCommand, isStopped, ANSWER, ESCALATE } from "../outbox/commands.js";
import { enqueue, discard, sendAgain, waiting, outboxEvents } from "../outbox/queue.js";
import { flush } from "../outbox/flush.js";
import { audienceLine, audiencePicker, carersCanSee, audienceLabel } from "./audiences.js";
import { commentBlock, managerAnswer } from "./answer-comment.js";
import { readBy } from "./my-words.js";
import { cancelButton, confirmPanel } from "./panels.js";

// "Just me" is not offered: a comment nobody reads cannot be answered.
const COMMENT_AUDIENCES = ["my_worker", "my_meeting", "my_family_too"];
const COMMENT_LIMIT = 2000; // as the server allows
const ANSWER_WAIT = 8 * 1000;
const onThisPhone = () => t("Saved on this phone. It will be sent when you are back online.");

function answers() {
  return [
    { value: "agree", label: t("I agree") },
    { value: "not_sure", label: t("I'm not sure") },
    { value: "disagree", label: t("I disagree") },
  ];
}

/** isCarer: whether the person answering is a carer (for the "carers can see" sign). */
export function answerArea(item, isCarer = false) {
  const area = el("div", { class: "my-answer-area" });
  const render = (mine, sent) => {
    const form = (cancel) =>
      answerForm(item, mine, isCarer, cancel, (saved) => {
        render(saved, true);
        area.querySelector(".receipt").focus(); // read out from there
        announce(saved.pending ? onThisPhone() : tp("carer", "Thank you. Your answer has been sent."));
        if (saved.pending) whenSent(item, area, (now) => render(now, true));
      });
    if (!mine) return area.replaceChildren(form(null));
    // Answered: their answer, and the form only when they want to change it.
    const change = el("button", { type: "button", class: "action" }, t("Change my answer"));
    change.addEventListener("click", () => {
      change.replaceWith(
        form(() => {
          render(mine, false);
          area.querySelector("button").focus();
        }),
      );
      (area.querySelector("input:checked") || area.querySelector("input[type=radio]")).focus();
    });
    const buttons = el("div", { class: "action-row" }, change, stopSharing(mine, area, render), askAManager(item, mine, area, render));
    area.replaceChildren(myAnswer(mine, sent, isCarer), buttons);
  };
  render(item.my_answer, false);
  fromThisPhone(item, area, render);
  return area;
}

// An answer (or "Ask a manager") still on this phone shows instead of the server's;
// one the server would not take shows what to do about it (try again, or discard it).
async function fromThisPhone(item, area, render) {
  const mine = (await waiting(currentPersonId())).filter((one) => (one.kind === ANSWER || one.kind === ESCALATE) && one.itemId === item.id);
  const last = mine[mine.length - 1];
  if (!last) return;
  const pending = () => {
    render(last.kind === ESCALATE ? waitingForAManager(item.my_answer) : pendingAnswer(last.body), true);
    whenSent(item, area, (now) => render(now, true));
  };
  if (!isStopped(last)) return pending();
  const panel = el("div", { class: "attention stack-small" });
  const gone = () => (panel.remove(), area.querySelector("button, a, input").focus());
  const options = () =>
    panel.replaceChildren(
      el("p", { class: "attention-title" }, (last.lastError && last.lastError.title) || t("The server could not take this.")),
      el(
        "div",
        { class: "action-row" },
        el("button", { type: "button", class: "action", onclick: async () => (await sendAgain(last.id), pending(), gone()) }, t("Try again")),
        el("button", { type: "button", class: "action", onclick: () => panel.replaceChildren(confirmDiscard()) }, t("Discard")),
      ),
    );
  const confirmDiscard = () =>
    confirmPanel({
      question: t("Discard this? It will not be sent."),
      yes: t("Yes, discard it"),
      no: t("No, keep it"),
      act: async () => (await discard(last.id), gone()),
      cancel: options,
    });
  options();
  area.prepend(panel);
}

function pendingAnswer(answer) {
  const label = answers().find((one) => one.value === answer.answer).label;
  return { ...answer, answer_label: label, audience_label: audienceLabel(answer.audience), read_by: [], pending: true };
}

// Their answer as the server has it, with "Ask a manager" waiting on this phone.
function waitingForAManager(answer) {
  return answer && { ...answer, where_label: t("Waiting to go to a manager"), escalation_pending: true };
}

function myAnswer(mine, sent, isCarer) {
  return el(
    "div",
    { class: "my-answer" },
    el(
      "p",
      { class: sent ? "receipt" : "your-answer", tabIndex: sent ? -1 : null },
      sent ? icon(mine.pending ? "state-on-phone" : "tick", "icon small") : null,
      el("span", {}, tp("carer", "Your answer: {answer}", { answer: mine.answer_label })),
    ),
    mine.pending || mine.escalation_pending ? el("p", { class: "meta" }, onThisPhone()) : null,
    mine.comment ? myComment(mine, isCarer) : null,
    mine.responded_at
      ? el(
          "div",
          { class: "team-response" },
          el("p", { class: "meta" }, t("The team replied on {date}", { date: formatDate(mine.responded_at) })),
          el("p", { dir: "auto" }, mine.response),
        )
      : null,
    mine.pending ? null : managerAnswer(mine),
  );
}

// Their own disagreement can go to a manager of their worker's team, who answers
// here. It goes through the outbox: with no signal it is sent when they are back.
function askAManager(item, mine, area, render) {
  if (mine.pending || mine.answer !== "disagree" || mine.escalated_at || mine.escalation_pending) return null;
  return askedFirst(mine, area, render, {
    label: t("Ask a manager to look at this"),
    question: t("Ask a manager to look at this?"),
    detail: tp("carer", "A manager in your worker's team will answer you here."),
    yes: t("Yes, ask a manager"),
    no: t("No, not now"),
    send: async () => {
      if (!(await throughOutbox(askAManagerCommand(currentPersonId(), item.id, mine.id)))) return (await answerOnServer(item.id)) || mine;
      whenSent(item, area, (now) => render(now, true));
      return waitingForAManager(mine);
    },
    focus: ".where-now",
    done: t("A manager will look at this."),
  });
}

// A button that asks first, in place of the answer, then sends and shows the answer again.
function askedFirst(mine, area, render, { label, question, detail, yes, no, send, focus, done }) {
  const button = el("button", { type: "button", class: "action" }, label);
  button.addEventListener("click", () => {
    const back = () => {
      render(mine, false);
      area.querySelector(".action-row button:last-child").focus();
    };
    area.replaceChildren(
      confirmPanel({
        question,
        detail,
        yes,
        no,
        act: async () => {
          const now = await send();
          render(now, false);
          area.querySelector(focus).focus();
          announce(now.escalation_pending ? onThisPhone() : done);
        },
        cancel: back,
      }),
    );
    area.querySelector(".panel-question").focus();
  });
  return button;
}

// Their own words stay theirs to read, with who can see them and who has.
function myComment(mine, isCarer) {
  const withdrawn = mine.comment_withdrawn_at;
  const shared = { audience: mine.audience, withdrawn_at: withdrawn, read_by: mine.read_by };
  return el(
    "div",
    { class: "answer-comment" },
    el("blockquote", { class: "words", dir: "auto" }, el("p", { dir: "auto", class: "their-words" }, mine.comment)),
    withdrawn
      ? el(
          "p",
          { class: "withdrawn", tabIndex: -1 },
          icon("stopped", "icon small"),
          el("span", {}, tp("carer", "You stopped sharing this on {date}.", { date: formatDate(withdrawn) }) + " " + tp("carer", "Only you can see it now.")),
        )
      : audienceLine(mine.audience, mine.audience_label),
    mine.audience === "my_family_too" && !withdrawn ? carersCanSee(isCarer) : null,
    readBy(shared),
  );
}

// Taking their words back: the answer stays, the comment is hidden from everyone else.
function stopSharing(mine, area, render) {
  if (!mine.comment || mine.comment_withdrawn_at) return null;
  return askedFirst(mine, area, render, {
    label: t("Stop sharing my comment"),
    question: tp("carer", "Stop sharing your comment?"),
    detail: tp("carer", "Your answer stays. Your words will be hidden from everyone else."),
    yes: t("Yes, stop sharing"),
    no: t("No, keep sharing"),
    send: () => api.withdrawAnswerComment(mine.id),
    focus: ".withdrawn",
    done: tp("carer", "You stopped sharing your comment."),
  });
}

function answerForm(item, mine, isCarer, cancel, sent) {
  // Ids start "field-<item>": showErrors() finds the fields of this item's form.
  const prefix = "field-" + item.id + "-";
  const commentId = prefix + "comment";
  const commentBox = el("textarea", { id: commentId, name: "comment", dir: "auto", rows: 3, "aria-describedby": commentId + "-hint" });
  const form = el(
    "form",
    { class: "answer-form stack" },
    formMessage(),
    choiceGroup({
      name: "answer",
      legend: tp("carer", "What do you think about this?"),
      options: answers(),
      value: mine ? mine.answer : undefined,
      idPrefix: prefix,
      className: "answer-choices",
    }),
    el(
      "div",
      { class: "field" },
      el("label", { for: commentId }, tp("carer", "Tell us why, in your own words")),
      el("p", { id: commentId + "-hint", class: "hint" }, tp("carer", "You do not have to.")),
      el("p", { id: commentId + "-error", class: "field-error", hidden: true }),
      commentBox,
      characterCount(commentBox, COMMENT_LIMIT, 200),
    ),
    audiencePicker({
      value: mine && COMMENT_AUDIENCES.includes(mine.audience) ? mine.audience : "my_worker",
      isCarer,
      idPrefix: prefix,
      choices: COMMENT_AUDIENCES,
      legend: tp("carer", "Who can read your comment?"),
    }),
    el(
      "div",
      { class: "panel-buttons" },
      el("button", { type: "submit", class: "button" }, t("Send my answer")),
      cancel ? cancelButton(t("Cancel"), cancel) : null,
    ),
  );
  onSubmit(form, {
    check: ({ answer, comment }) =>
      answer ? [tooLong(commentId, comment, COMMENT_LIMIT)].filter(Boolean) : [{ field: item.id + "-answer", message: t("Choose one of the three answers first.") }],
    send: async ({ answer, comment, audience }) =>
      sent(await sendAnswer(item, { answer, comment: (comment || "").trim(), audience: audience || "my_worker" })),
  });
  return form;
}

async function sendAnswer(item, answer) {
  const pending = await throughOutbox(answerPlanItem(currentPersonId(), item.id, answer));
  const now = pending ? null : await answerOnServer(item.id);
  return now || pendingAnswer(answer);
}

// Kept in the outbox, then sent; waits a moment for the server's answer. Refused:
// the panel shows why, and the command leaves the outbox (the panel is the way on).
// True while it is still on this phone, to be sent when the connection is back.
async function throughOutbox(command) {
  const cmd = await enqueue(command);
  if (navigator.onLine !== false) await Promise.race([flush(), new Promise((resolve) => setTimeout(resolve, ANSWER_WAIT))]);
  const still = await readCommand(cmd.id).catch(() => null);
  if (still && isStopped(still)) {
    await discard(still.id);
    throw new ProblemError(still.lastError.status, still.lastError);
  }
  return Boolean(still);
}

async function answerOnServer(itemId) {
  const plan = await api.familyPlan().catch(() => null);
  const item = plan && plan.items.find((one) => one.id === itemId);
  return item ? item.my_answer : null;
}

// Sent later by the outbox: the answer as the server now has it.
function whenSent(item, area, show) {
  const follow = async (event) => {
    if (!area.isConnected) return outboxEvents.removeEventListener("change", follow);
    if (!event.detail || event.detail.itemId !== item.id || event.detail.state !== "sent") return;
    outboxEvents.removeEventListener("change", follow);
    const now = await answerOnServer(item.id);
    if (now) show(now);
  };
  outboxEvents.addEventListener("change", follow);
}

/** For carers: what others in the family said about this part, where they shared it with them. */
export function othersAnswers(item) {
  if (!item.answers || !item.answers.length) return null;
  return el(
    "div",
    { class: "answers" },
    el("h3", {}, tp("carer", "What others in your family said")),
    el(
      "ul",
      { class: "plain-list" },
      item.answers.map((answer) =>
        el(
          "li",
          { class: "answer" },
          el("p", { class: "answer-line" }, t("{name}: {answer}", { name: answer.member_name, answer: answer.answer_label })),
          commentBlock(answer),
        ),
      ),
    ),
  );
}
