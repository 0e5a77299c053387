import type { ReactNode } from "react";
import controls from "@/components/board/controls.module.css";

/** A refusal inside a dialog, announced to screen readers, with the message a person can act on. */
export function DialogError({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <p className={controls.error} role="alert" data-testid={testId}>
      <span aria-hidden="true" className={controls.errorIcon}>
        !
      </span>
      <span>{children}</span>
    </p>
  );
}
