"use client";

import { useState, type FormEvent } from "react";
import { sessionResponseSchema } from "@/core/auth/auth";
import { Brand } from "@/components/ui/brand";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ErrorText } from "@/components/ui/notice";
import styles from "./auth.module.css";
import { chooseSignInDestination } from "./sign-in-destination";

/** The sign-in form: POST /api/session, the server's reason on failure, back where the person came from on success. */
export function LoginForm({ next }: { next: string | null }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ username, password }),
      });
      const body: unknown = await response.json().catch(() => null);
      if (response.ok && sessionResponseSchema.safeParse(body).success) {
        window.location.assign(chooseSignInDestination(next, window.location.origin));
        return;
      }
      const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
      setError(typeof message === "string" ? message : `Signing in failed (HTTP ${response.status}).`);
    } catch {
      setError("The server could not be reached; try again.");
    }
    setBusy(false);
  }

  return (
    <main className={styles.loginPage}>
      <form className={styles.loginForm} method="post" onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
        <Brand tag="sign in" />
        <h2 id="login-title" className={styles.loginTitle}>
          Sign in to the control room
        </h2>
        <fieldset className={styles.fieldset} disabled={!hydrated}>
          <label className={styles.field}>
            <span>Username</span>
            <input
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              data-testid="login-username"
              autoFocus
            />
          </label>
          <label className={styles.field}>
            <span>Password</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="login-password"
            />
          </label>
          {error ? <ErrorText testId="login-error">{error}</ErrorText> : null}
          <button type="submit" className={styles.primary} disabled={busy} data-testid="login-submit">
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </fieldset>
      </form>
    </main>
  );
}
