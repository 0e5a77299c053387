/**
 * Where to go after signing in: `next` only when it is a path on this site, resolved the way the
 * browser will resolve it (tabs and newlines dropped), so a crafted link cannot send a person elsewhere.
 */
export function chooseSignInDestination(next: string | null, origin: string): string {
  if (!next || !next.startsWith("/")) return "/";
  const target = new URL(next, origin);
  return target.origin === origin ? `${target.pathname}${target.search}${target.hash}` : "/";
}
