/** Password hashing: argon2id (@node-rs/argon2, memory-hard; OWASP parameters). */
import { randomBytes } from "node:crypto";
import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

/** argon2id with OWASP's minimum: 19 MiB, 2 passes, 1 lane (algorithm 2 = Argon2id). */
const ARGON = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argonHash(password, ARGON);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argonVerify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular, verified against when the e-mail is unknown (same timing). */
let decoy: Promise<string> | undefined;

/** Whether `password` matches `hash`; with no hash (unknown e-mail), false after the same work. */
export async function passwordMatches(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    decoy ??= hashPassword(randomBytes(16).toString("hex"));
    await verifyPassword(await decoy, password);
    return false;
  }
  return verifyPassword(hash, password);
}

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}
