// The kinds of meeting a circle holds, in the words the partnership uses.
import { t } from "../shell/i18n.js";

export function meetingKinds() {
  return [
    { value: "child_protection_conference", label: t("Child protection conference") },
    { value: "child_in_need_review", label: t("Child in need review") },
    { value: "team_around_the_family", label: t("Team around the family meeting") },
    { value: "looked_after_review", label: t("Looked-after review") },
    { value: "family_group_conference", label: t("Family group conference") },
  ];
}
