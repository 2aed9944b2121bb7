"use client";

import { useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";

/**
 * The one TanStack Query client of the browser tab: client components fetch through useQuery (its
 * AbortSignal cancels a superseded request, stale answers never land). One client per tab, made on
 * first render so that server renders do not share a cache between requests.
 */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // The pages show a failure at once and say what to change; repeating the request would only delay that.
          queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
