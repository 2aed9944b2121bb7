import Link from "next/link";
import { currentCsrfToken, currentUser } from "@/lib/auth";

/** The nav's account corner: "Sign in", or the editor's e-mail and a sign-out button (a form, CSRF token as a field). */
export async function UserNav() {
  const user = await currentUser();
  if (!user) {
    return (
      <Link href="/login" className="ml-auto rounded px-1 py-0.5 text-sm text-slate-700 hover:text-brand hover:underline">
        Sign in
      </Link>
    );
  }
  const csrf = (await currentCsrfToken()) ?? "";
  return (
    <form method="post" action="/api/auth/logout" className="ml-auto flex items-center gap-2 text-sm">
      <span className="text-slate-600" data-testid="signed-in-as">
        {user.email}
      </span>
      <input type="hidden" name="csrf" value={csrf} />
      <button type="submit" className="rounded border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-100">
        Sign out
      </button>
    </form>
  );
}
