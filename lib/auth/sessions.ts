/**
 * Sessions: a random 32-byte token in the `matlit_session` cookie; the database keeps only its
 * SHA-256 (Session.id), so a leaked database opens no session.
 */
import { createHash, randomBytes } from "node:crypto";
import { db, type PrismaClient } from "../db";
import { writeTransaction } from "../db/transaction";
import { parseCookies } from "./cookies";
import { editorOf, type Editor } from "./users";

export const SESSION_COOKIE = "matlit_session";
export const SESSION_DAYS = 14;

export const sessionIdOf = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Opens a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(userId: number, prisma: PrismaClient = db()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600_000);
  await writeTransaction(prisma, async (tx) => {
    await tx.session.create({ data: { id: sessionIdOf(token), userId, expiresAt } });
    // Expired sessions of anyone are removed now and then.
    await tx.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  });
  return { token, expiresAt };
}

export async function userForToken(token: string | undefined | null, prisma: PrismaClient = db()): Promise<Editor | null> {
  if (!token || token.length > 200) return null;
  const session = await prisma.session.findUnique({ where: { id: sessionIdOf(token) }, include: { user: true } });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now()) {
    await writeTransaction(prisma, (tx) => tx.session.deleteMany({ where: { id: session.id } }));
    return null;
  }
  return editorOf(session.user);
}

export async function deleteSession(token: string | undefined | null, prisma: PrismaClient = db()): Promise<void> {
  if (token) await writeTransaction(prisma, (tx) => tx.session.deleteMany({ where: { id: sessionIdOf(token) } }));
}

export function sessionTokenOf(request: Request): string | undefined {
  return parseCookies(request.headers.get("cookie")).get(SESSION_COOKIE);
}
