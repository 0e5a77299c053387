import type { ReactNode } from "react";
import styles from "./notice.module.css";

export type NoticeTone = "ok" | "warning" | "error";

interface NoticeProps {
  tone: NoticeTone;
  /** "alert" for a failure that must interrupt; none for a question or a confirmation. */
  role?: "alert" | "status";
  testId?: string;
  /** The message as a <p>, which takes the free width, then any buttons. */
  children: ReactNode;
}

/** A raised message with its actions beside it. */
export function Notice({ tone, role, testId, children }: NoticeProps) {
  return (
    <div className={styles.notice} data-tone={tone} data-testid={testId} role={role}>
      {children}
    </div>
  );
}

/** A refusal or failure in plain red text, announced to screen readers. */
export function ErrorText({ as: Tag = "p", testId, children }: { as?: "p" | "span"; testId?: string; children: ReactNode }) {
  return (
    <Tag className={styles.errorText} role="alert" data-testid={testId}>
      {children}
    </Tag>
  );
}
