import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser, safeNext } from "@/lib/auth";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Sign-in for editors: a plain HTML form (works without JavaScript), posted to /api/auth/login. */
export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNext(one(params.next));
  if (await currentUser()) redirect(next);
  const error = one(params.error);
  const email = one(params.email) ?? "";
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600">
        Editors sign in to add and edit papers. Anyone can search and read without an account; to become an editor, ask whoever runs this matlit for one.
      </p>
      {error ? (
        <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="login-error">
          {error}
        </p>
      ) : null}
      <form method="post" action="/api/auth/login" className="mt-4 space-y-3 rounded border border-slate-200 bg-white p-4 shadow-sm">
        <input type="hidden" name="next" value={next} />
        <div>
          <label htmlFor="email" className="block text-sm font-medium text-slate-700">
            E-mail
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={email}
            autoFocus={!email}
            className="w-full rounded border border-slate-300 px-2 py-1.5 shadow-sm focus:border-brand"
          />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium text-slate-700">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus={Boolean(email)}
            className="w-full rounded border border-slate-300 px-2 py-1.5 shadow-sm focus:border-brand"
          />
        </div>
        <button type="submit" className="w-full rounded bg-brand px-3 py-1.5 font-medium text-white shadow-sm hover:opacity-90">
          Sign in
        </button>
      </form>
    </div>
  );
}
