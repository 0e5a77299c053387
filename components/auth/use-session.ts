"use client";

import { useQuery } from "@tanstack/react-query";
import { hasRole, type SessionUser } from "@/core/auth/auth";
import { fetchSession, SESSION_QUERY_KEY } from "./session-api";

/** The signed-in user; null while it loads (or when the session could not be read). */
export function useSessionUser(): SessionUser | null {
  const session = useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: ({ signal }) => fetchSession(signal), retry: 1 });
  return session.data?.user ?? null;
}

/**
 * Why the signed-in user may not use an operator's control ("Operators only"), or null when they
 * may. Until the session is known the control stays enabled: the server decides anyway.
 */
export function useOperatorOnly(): string | null {
  const user = useSessionUser();
  return user && !hasRole(user.role, "operator") ? "Operators only" : null;
}

/** Why the signed-in user may not change alert rules or users ("Admins only"), or null when they may. */
export function useAdminOnly(): string | null {
  const user = useSessionUser();
  return user && !hasRole(user.role, "admin") ? "Admins only" : null;
}
