// Unsent words, as a plain text file the author can keep (before signing out, or
// when the server will not take something). Made on the phone from a Blob: nothing
// is sent anywhere to make it.
import { t, formatDateTime, formatNumber } from "../shell/i18n.js";
import { kindLabel } from "../views/kinds.js";
import { audienceLabel } from "../views/audiences.js";
import { CREATE, EDIT, ANSWER, CHECK_IN } from "./commands.js";

/** The words in these commands as text; commands without words are left out. */
export function unsentText(commands) {
  const parts = commands.map(describe).filter(Boolean);
  const title = t("Words not sent yet, kept on this phone");
  return [title, "", ...parts].join("\n");
}

function describe(cmd) {
  const body = cmd.body || {};
  const when = t("Written on {date}", { date: formatDateTime(cmd.createdAt) });
  if (cmd.kind === CREATE) {
    return [
      kindLabel(body.kind),
      when,
      body.kind === "scale" ? scaleLine(body) : null,
      body.text || null,
      t("Who can see this: {audience}", { audience: audienceLabel(body.audience || "just_me") }),
      "",
    ].filter((line) => line !== null).join("\n");
  }
  if (cmd.kind === EDIT) {
    return [t("Changed words"), when, body.scale_question ? scaleLine(body) : null, body.text || null, ""]
      .filter((line) => line !== null)
      .join("\n");
  }
  if (cmd.kind === ANSWER && body.comment) return [t("Your answer about the plan"), when, body.comment, ""].join("\n");
  if (cmd.kind === CHECK_IN && body.anything_else) return [t("How was it for you?"), when, body.anything_else, ""].join("\n");
  return null;
}

function scaleLine(body) {
  return body.scale_question + " " + t("{count} out of 10", { count: formatNumber(body.scale_value ?? 0) });
}

/** Saves the text as a file on the phone ("alongside-words.txt"). */
export function downloadText(text, filename = "alongside-words.txt") {
  const url = URL.createObjectURL(new Blob([text + "\n"], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: the download has started by then.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function downloadUnsent(commands) {
  downloadText(unsentText(commands));
}
