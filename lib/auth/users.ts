/** Editor accounts: e-mail (normalized) and argon2id password hash. */
import { db, type PrismaClient } from "../db";
import { writeTransaction } from "../db/transaction";
import { AppError } from "../errors";
import { hashPassword, passwordMatches, passwordProblem } from "./passwords";

export interface Editor {
  id: number;
  email: string;
  isAdmin: boolean;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const editorOf = (user: Editor): Editor => ({ id: user.id, email: user.email, isAdmin: user.isAdmin });

export async function createUser(email: string, password: string, options: { admin?: boolean; prisma?: PrismaClient } = {}): Promise<Editor> {
  const prisma = options.prisma ?? db();
  const normalized = normalizeEmail(email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized) || normalized.length > 254)
    throw new AppError("invalid", `"${email}" is not an e-mail address`, { field: "email" });
  const problem = passwordProblem(password);
  if (problem) throw new AppError("invalid", problem, { field: "password" });
  const passwordHash = await hashPassword(password);
  const user = await writeTransaction(prisma, async (tx) => {
    if (await tx.user.findUnique({ where: { email: normalized } }))
      throw new AppError("conflict", `a user with e-mail ${normalized} already exists`, { field: "email" });
    return tx.user.create({ data: { email: normalized, passwordHash, isAdmin: Boolean(options.admin) } });
  });
  return editorOf(user);
}

/** The user with these credentials, or null. Takes the same time whether or not the e-mail exists. */
export async function verifyUser(email: string, password: string, prisma: PrismaClient = db()): Promise<Editor | null> {
  const user = await prisma.user.findUnique({ where: { email: normalizeEmail(email) } });
  return (await passwordMatches(user?.passwordHash ?? null, password)) && user ? editorOf(user) : null;
}
