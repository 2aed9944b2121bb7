/**
 * The sign-in rate limit (the policy is in index.ts). Every attempt first reserves a LoginAttempt
 * row under each of its keys and counts the keys' rows in the window, in one write transaction,
 * before the password is checked: guesses sent in parallel cannot all pass a check made before
 * any of them was recorded. A refused attempt leaves no row (hammering does not prolong the block);
 * a failed one keeps its row as the failure; a successful one removes it.
 */
import { db, type PrismaClient } from "../db";
import { writeTransaction } from "../db/transaction";
import { AppError } from "../errors";
import { normalizeEmail } from "./users";

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failures allowed in the window to one account from unknown devices, and from one known device. */
export const LOGIN_MAX_FAILURES = 5;
/** Failures allowed in the window from one client address, to any accounts, from unknown devices. */
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 20;

export interface LimitKey {
  key: string;
  limit: number;
}

/** The counters a sign-in attempt is charged to. `device` is set when the browser proved it signed in to this account before. */
export function limitKeys(attempt: { email: string; address: string; device: string | null }): LimitKey[] {
  if (attempt.device) return [{ key: `device:${attempt.device}`, limit: LOGIN_MAX_FAILURES }];
  return [
    { key: `account:${normalizeEmail(attempt.email)}`, limit: LOGIN_MAX_FAILURES },
    { key: `address:${attempt.address}`, limit: LOGIN_MAX_FAILURES_PER_ADDRESS },
  ];
}

export class RateLimitError extends AppError {
  declare readonly retryAfterMs: number;
  constructor(retryAfterMs: number) {
    super("rate_limited", `too many failed sign-in attempts; try again in ${Math.ceil(retryAfterMs / 60_000)} minute(s)`, { retryAfterMs });
  }
}

/** Reserves one attempt under every key; returns the reservation, or throws RateLimitError (reserving nothing). */
export async function reserveAttempt(keys: LimitKey[], prisma: PrismaClient = db(), now = Date.now()): Promise<number[]> {
  const since = new Date(now - LOGIN_WINDOW_MS);
  const outcome = await writeTransaction(prisma, async (tx) => {
    const reservation: number[] = [];
    for (const { key } of keys) reservation.push((await tx.loginAttempt.create({ data: { key, createdAt: new Date(now) }, select: { id: true } })).id);
    let waitMs = 0;
    for (const { key, limit } of keys) {
      const others = await tx.loginAttempt.findMany({
        where: { key, createdAt: { gt: since }, id: { notIn: reservation } },
        orderBy: { createdAt: "desc" },
        take: limit,
        select: { createdAt: true },
      });
      // At the limit: open again when the oldest of the last `limit` attempts leaves the window.
      if (others.length === limit) waitMs = Math.max(waitMs, others[limit - 1]!.createdAt.getTime() + LOGIN_WINDOW_MS - now);
    }
    // Deleted rather than rolled back: other requests' statements on the shared connection may have run inside this transaction.
    if (waitMs > 0) await tx.loginAttempt.deleteMany({ where: { id: { in: reservation } } });
    else await tx.loginAttempt.deleteMany({ where: { createdAt: { lte: since } } });
    return { reservation, waitMs };
  });
  if (outcome.waitMs > 0) throw new RateLimitError(outcome.waitMs);
  return outcome.reservation;
}

/** Removes a reservation (the attempt succeeded, so it is no failure). */
export async function releaseAttempt(reservation: number[], prisma: PrismaClient = db()): Promise<void> {
  await writeTransaction(prisma, (tx) => tx.loginAttempt.deleteMany({ where: { id: { in: reservation } } }));
}
