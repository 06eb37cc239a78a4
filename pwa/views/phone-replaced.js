// Shown when this phone was signed out because its owner joined on another
// phone: if that was not them, they need to know at once (the server's words).
import { el } from "../shell/dom.js";
import { session } from "../shell/session.js";

export function phoneReplacedNotice() {
  if (!session.phoneReplaced) return null;
  return el("p", { class: "notice", role: "alert" }, session.phoneReplaced);
}
