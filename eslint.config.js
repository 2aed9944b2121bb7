/**
 * Lint: the boundaries between layers (docs/ARCHITECTURE.md, "Boundaries"), React's rules of hooks
 * and unused code. No style rules.
 */
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import { clientImports } from "./support/eslint-client-imports.js";

/** An import of one of the top-level folders, by alias (@/app/…) or relative path (../../app/…). */
const folder = (...names) => ({ regex: `^(@/|(\\.\\./)+)(${names.join("|")})(/|$)` });

const LIB_IS_THE_BOTTOM = {
  ...folder("app", "seed", "test", "bench", "support"),
  message: "lib/ may not import app/, seed/, test/, bench/ or support/: they build on lib/, not the other way round.",
};
const DOMAIN_KNOWS_NO_TRANSPORT = {
  regex: "^(@/lib/|(\\.\\./)+)(http|cli)(/|$)",
  message: "domain code throws an AppError (lib/errors); only lib/http and lib/cli turn it into a status or an exit code.",
};

const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "lib/generated/", "scratch/", "test-results/", "next-env.d.ts"] },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "@typescript-eslint": tseslint.plugin, matlit: { rules: { "client-imports": clientImports } } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      "matlit/client-imports": "error",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  // Later blocks replace the patterns of earlier ones for the files they match, so each lists all of its own.
  { files: ["lib/http/**", "lib/cli/**"], rules: restrict(LIB_IS_THE_BOTTOM) },
  { files: ["lib/**"], ignores: ["lib/http/**", "lib/cli/**"], rules: restrict(LIB_IS_THE_BOTTOM, DOMAIN_KNOWS_NO_TRANSPORT) },
  { files: ["lib/errors/**"], rules: restrict({ regex: ".", message: "lib/errors imports nothing, so that every layer and the browser may use it." }) },
  {
    files: ["app/**"],
    rules: restrict({
      ...folder("seed", "test", "bench", "support"),
      message: "pages and routes build on lib/ alone, never on seed/, test/, bench/ or support/.",
    }),
  },
  {
    files: ["bench/**", "seed/**", "support/**"],
    rules: restrict({ ...folder("test"), message: "test/ is the tests' own; what the benchmark or lint share with them lives in support/." }),
  },
);
