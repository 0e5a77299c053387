"use client";

import Link from "next/link";
import { useState } from "react";
import { ErrorText } from "@/components/ui/notice";
import { TimeZoneControl } from "@/components/ui/time-zone-control";
import { signOut } from "./session-api";
import styles from "./auth.module.css";
import { useSessionUser } from "./use-session";
import { describeFailure } from "@/components/ui/api-client";

/** Who is signed in and as what; it opens (click, Enter or Space) to the time base, the users page for admins and Sign out. */
export function UserMenu() {
  const user = useSessionUser();
  const [problem, setProblem] = useState<string | null>(null);
  if (!user) return null;

  async function leave(): Promise<void> {
    try {
      await signOut();
      window.location.assign("/login");
    } catch (error) {
      setProblem(describeFailure(error, "could not sign out"));
    }
  }

  return (
    <details className={styles.userMenu} data-testid="user-menu">
      <summary className={styles.userSummary} aria-label={`Signed in as ${user.username}, ${user.role}: account menu`}>
        <span className={styles.userName} data-testid="signed-in-user">
          {user.username}
        </span>
        <span className={styles.role} data-testid="signed-in-role">
          {user.role}
        </span>
      </summary>
      <div className={styles.userPanel}>
        <TimeZoneControl />
        {user.role === "admin" ? (
          <Link href="/admin/users" className={styles.link} data-testid="nav-users">
            Users
          </Link>
        ) : null}
        <button type="button" className={styles.button} onClick={() => void leave()} data-testid="sign-out">
          Sign out
        </button>
        {problem ? <ErrorText as="span">{problem}</ErrorText> : null}
      </div>
    </details>
  );
}
