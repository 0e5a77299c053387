import type { AlertTransition } from "./alert-evaluator";
import type { AlertNotice } from "./alert-message";
import type { Silence } from "./alert-rules";

/** What happened to an alert: a transition the evaluator found, or a person acknowledging it. */
export type AlertChange = AlertTransition["kind"] | "acknowledge";

// A flap reopens quietly and a severity change waits for the next notice; everything else is announced.
// Every change is listed, so a new kind of transition cannot go unannounced (or announced) by accident.
const NOTICES: Record<AlertChange, AlertNotice | null> = {
  fire: "fired",
  reopen: null,
  severity: null,
  escalate: "escalated",
  acknowledge: "acknowledged",
  resolve: "resolved",
};

/** The notice a change of an alert sends to its channels, or null when it notifies nobody. */
export function noticeFor(change: AlertChange): AlertNotice | null {
  return NOTICES[change];
}

/** The delivery note recorded instead of a notice that a silence held back. */
export function describeSilencedNotice(notice: AlertNotice, silence: Pick<Silence, "endsAt" | "createdBy" | "reason">): string {
  return `${notice}: silenced until ${new Date(silence.endsAt).toISOString()} by ${silence.createdBy} (${silence.reason})`;
}
