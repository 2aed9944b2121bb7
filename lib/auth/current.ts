/** The session of the request being rendered (server components and route handlers). */
import { csrfTokenFor } from "./csrf";
import { SESSION_COOKIE, userForToken } from "./sessions";
import type { Editor } from "./users";

// Loaded on use: the CLI imports lib/auth outside Next.js.
async function sessionToken(): Promise<string | undefined> {
  const { cookies } = await import("next/headers");
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/** The signed-in editor of the current request, or null. */
export async function currentUser(): Promise<Editor | null> {
  return userForToken(await sessionToken());
}

/** The CSRF token for HTML forms of the current request (sign-out), or null when signed out. */
export async function currentCsrfToken(): Promise<string | null> {
  const token = await sessionToken();
  return token ? csrfTokenFor(token) : null;
}
