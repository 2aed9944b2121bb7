/** Writes from the browser: JSON with the session's CSRF token (the readable `matlit_csrf` cookie) echoed in X-CSRF-Token. */
export function csrfToken(): string {
  const match = /(?:^|;\s*)matlit_csrf=([^;]*)/.exec(typeof document === "undefined" ? "" : document.cookie);
  return match ? decodeURIComponent(match[1]!) : "";
}

export interface ApiError {
  message: string;
  field?: string;
  details?: unknown;
}

export async function writeJson(
  url: string,
  method: "POST" | "PUT" | "DELETE",
  body?: unknown,
  init: RequestInit = {},
): Promise<{ ok: boolean; status: number; data: unknown; error?: ApiError }> {
  const response = await fetch(url, {
    ...init,
    method,
    credentials: "same-origin",
    headers: { ...(init.headers as Record<string, string> | undefined), "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  const error = !response.ok ? ((data as { error?: ApiError } | null)?.error ?? { message: `${response.status} ${response.statusText}` }) : undefined;
  return { ok: response.ok, status: response.status, data, error };
}
