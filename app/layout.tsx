import type { Metadata } from "next";
import Link from "next/link";
import "katex/dist/katex.min.css";
import "./globals.css";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { QueryProvider } from "./components/QueryProvider";
import { UserNav } from "./components/UserNav";

export const metadata: Metadata = {
  title: { default: "matlit", template: "%s · matlit" },
  description: "A knowledge base of battery-materials literature: find materials by what was measured.",
};

const NAV = [
  { href: "/", label: "Search" },
  { href: "/compare", label: "Compare" },
  { href: "/formulas", label: "Formulas" },
  { href: "/papers/new", label: "Add paper" },
];

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight text-brand">
              matlit
            </Link>
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="rounded px-1 py-0.5 text-slate-700 hover:text-brand hover:underline">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
            <UserNav />
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          <NuqsAdapter>
            <QueryProvider>{children}</QueryProvider>
          </NuqsAdapter>
        </main>
      </body>
    </html>
  );
}
