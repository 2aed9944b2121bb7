/** Signing in: rate limit, credentials, session and device cookie. */
import { db, type PrismaClient } from "../db";
import { deviceOf, issueDeviceToken } from "./devices";
import { passwordMatches } from "./passwords";
import { limitKeys, releaseAttempt, reserveAttempt } from "./rate-limit";
import { createSession } from "./sessions";
import { AppError } from "../errors";
import { editorOf, normalizeEmail, type Editor } from "./users";

/** Who is signing in: the client address the server decided, and the browser's device cookie if any. */
export interface SignInClient {
  address: string;
  deviceToken?: string | null;
}

/**
 * Sign in: reserve the attempt (RateLimitError when over a limit, before the password is even
 * checked), check the credentials (AppError "unauthenticated"), open a session. Returns the device token for the
 * browser: the one it presented when valid for this account, else a new one.
 */
export async function signIn(
  email: string,
  password: string,
  client: SignInClient,
  prisma: PrismaClient = db(),
  now = Date.now(),
): Promise<{ user: Editor; token: string; expiresAt: Date; deviceToken: string }> {
  const account = await prisma.user.findUnique({ where: { email: normalizeEmail(email) } });
  const device = account ? deviceOf(client.deviceToken, account) : null;
  const reservation = await reserveAttempt(limitKeys({ email, address: client.address, device }), prisma, now);
  const matches = await passwordMatches(account?.passwordHash ?? null, password);
  if (!account || !matches) throw new AppError("unauthenticated", "wrong e-mail or password");
  await releaseAttempt(reservation, prisma);
  const session = await createSession(account.id, prisma);
  return { user: editorOf(account), ...session, deviceToken: device && client.deviceToken ? client.deviceToken : issueDeviceToken(account) };
}
