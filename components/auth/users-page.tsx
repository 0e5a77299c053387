"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLES, type Role, type UserView } from "@/core/auth/auth";
import { Brand } from "@/components/ui/brand";
import { SiteNav } from "@/components/ui/site-nav";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ErrorText } from "@/components/ui/notice";
import styles from "./auth.module.css";
import { UserMenu } from "./user-menu";
import { createUser, deleteUser, fetchUsers, updateUser, USERS_QUERY_KEY } from "./users-api";
import { useSessionUser } from "./use-session";
import { describeFailure } from "@/components/ui/api-client";

const ROLE_HELP: Record<Role, string> = {
  viewer: "watches the board",
  operator: "acknowledges, silences, replays, controls regions, runs drills, saves scenarios",
  admin: "everything an operator does, plus alert rules and users",
};

function UserRow({
  user,
  self,
  onChanged,
  onProblem,
}: {
  user: UserView;
  self: boolean;
  onChanged: () => void;
  onProblem: (message: string | null) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    try {
      await action();
      onProblem(null);
      onChanged();
    } catch (error) {
      onProblem(describeFailure(error, "the change failed"));
    }
    setBusy(false);
    setConfirming(false);
  }

  function resetPassword(): void {
    const password = window.prompt(`New password for ${user.username} (at least 8 characters). It signs them out everywhere.`);
    if (password) void run(() => updateUser(user.id, { password }));
  }

  return (
    <tr data-testid={`user-${user.username}`}>
      <td>
        {user.username}
        {self ? " (you)" : ""}
      </td>
      <td>
        <select
          aria-label={`Role of ${user.username}`}
          value={user.role}
          disabled={busy}
          data-testid={`user-${user.username}-role`}
          onChange={(event) => void run(() => updateUser(user.id, { role: event.target.value as Role }))}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td className={styles.actionsCell}>
        <button type="button" className={styles.button} disabled={busy} onClick={resetPassword}>
          Reset password…
        </button>
        {confirming ? (
          <>
            <span>Delete {user.username}?</span>
            <button
              type="button"
              className={styles.danger}
              disabled={busy}
              data-testid={`user-${user.username}-delete-confirm`}
              onClick={() => void run(() => deleteUser(user.id))}
            >
              Delete
            </button>
            <button type="button" className={styles.button} onClick={() => setConfirming(false)} autoFocus>
              Keep
            </button>
          </>
        ) : (
          <button
            type="button"
            className={styles.button}
            disabled={busy || self}
            title={self ? "You cannot delete yourself" : undefined}
            data-testid={`user-${user.username}-delete`}
            onClick={() => setConfirming(true)}
          >
            Delete…
          </button>
        )}
      </td>
    </tr>
  );
}

/** /admin/users: every user with their role; create, change role, reset a password, delete with confirmation. */
export function UsersPage() {
  const me = useSessionUser();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: USERS_QUERY_KEY, queryFn: ({ signal }) => fetchUsers(signal), enabled: me?.role === "admin" });
  const [draft, setDraft] = useState<{ username: string; password: string; role: Role }>({ username: "", password: "", role: "viewer" });
  const [problem, setProblem] = useState<string | null>(null);
  const hydrated = useHydrated();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });

  async function create(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    try {
      await createUser(draft);
      setDraft({ username: "", password: "", role: "viewer" });
      setProblem(null);
      refresh();
    } catch (error) {
      setProblem(describeFailure(error, "could not create the user"));
    }
  }

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Brand tag="users" />
        <SiteNav current="users" />
        <UserMenu />
      </header>
      <main className={styles.usersMain}>
        {me && me.role !== "admin" ? (
          <ErrorText>Only admins manage users; you are signed in as {me.role}.</ErrorText>
        ) : (
          <>
            <form className={styles.createForm} method="post" onSubmit={(event) => void create(event)} aria-label="New user">
              <fieldset className={styles.fieldset} disabled={!hydrated}>
                <label className={styles.field}>
                  <span>Username</span>
                  <input
                    required
                    value={draft.username}
                    onChange={(event) => setDraft({ ...draft, username: event.target.value })}
                    data-testid="new-user-username"
                  />
                </label>
                <label className={styles.field}>
                  <span>Password</span>
                  <input
                    required
                    type="password"
                    autoComplete="new-password"
                    value={draft.password}
                    onChange={(event) => setDraft({ ...draft, password: event.target.value })}
                    data-testid="new-user-password"
                  />
                </label>
                <label className={styles.field}>
                  <span>Role</span>
                  <select
                    value={draft.role}
                    onChange={(event) => setDraft({ ...draft, role: event.target.value as Role })}
                    data-testid="new-user-role"
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role} — {ROLE_HELP[role]}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className={styles.primary} data-testid="new-user-create">
                  Create user
                </button>
              </fieldset>
            </form>
            {problem ? <ErrorText testId="users-error">{problem}</ErrorText> : null}
            {users.isError ? <ErrorText>{users.error.message}</ErrorText> : null}
            <table className={styles.table} data-testid="users">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Role</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {(users.data?.users ?? []).map((user) => (
                  <UserRow key={user.id} user={user} self={user.username === me?.username} onChanged={refresh} onProblem={setProblem} />
                ))}
              </tbody>
            </table>
          </>
        )}
      </main>
    </div>
  );
}
