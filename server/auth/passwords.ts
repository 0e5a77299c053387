import { hash, verify } from "@node-rs/argon2";

/** An argon2id hash of `password` ($argon2id$…, the library's default: 19 MiB, 2 passes, OWASP's minimum), salted by the library. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Checked when the username is unknown, so a wrong name takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;

/** Whether `password` matches `passwordHash`; with no hash (an unknown user) it still spends the time and answers false. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoyHash ??= hashPassword("decoy password nobody has");
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
