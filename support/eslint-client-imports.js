/**
 * ESLint rule `matlit/client-imports`: a client component (a file starting with "use client")
 * must not bring the unit parser into the browser bundle, directly or through the modules it
 * imports: mathjs alone is several hundred kilobytes. Only imports that survive compilation count
 * (`import type` is erased). No stock rule knows the "use client" directive, hence this one.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const FORBIDDEN_FILES = ["lib/units/parse.ts", "lib/units/index.ts"].map((f) => join(ROOT, f));
const isForbiddenPackage = (spec) => spec === "mathjs" || spec.startsWith("mathjs/");
const SUFFIXES = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx", "/index.js"];

/** The project file an import names, or null for a package. */
function resolveImport(from, spec) {
  const base = spec.startsWith("@/") ? join(ROOT, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : null;
  if (base === null) return null;
  for (const suffix of SUFFIXES) {
    const file = base + suffix;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** Imports of a file that reach the bundle: static, re-exports and dynamic; not `import type`/`export type`. */
function valueImports(file) {
  const source = readFileSync(file, "utf8");
  const specs = [];
  for (const m of source.matchAll(/(?:^|[\n;])\s*(?:import|export)\s+(?!type[\s{])(?:[^'";]*?\sfrom\s*)?["']([^"']+)["']/g)) specs.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specs.push(m[1]);
  return specs;
}

/** Per lint run: the chain from a file to the parser (names of the modules on the way), or null. */
const chains = new Map();

function chainFrom(file, visiting = new Set()) {
  if (chains.has(file)) return chains.get(file);
  if (visiting.has(file)) return null;
  visiting.add(file);
  let found = null;
  for (const spec of valueImports(file)) {
    if (isForbiddenPackage(spec)) found = [spec];
    else {
      const target = resolveImport(file, spec);
      if (target === null) continue;
      if (FORBIDDEN_FILES.includes(target)) found = [relative(ROOT, target)];
      else {
        const rest = chainFrom(target, visiting);
        if (rest) found = [relative(ROOT, target), ...rest];
      }
    }
    if (found) break;
  }
  visiting.delete(file);
  chains.set(file, found);
  return found;
}

const isClientComponent = (program) => {
  const first = program.body[0];
  return first?.type === "ExpressionStatement" && first.directive === "use client";
};

export const clientImports = {
  meta: {
    type: "problem",
    docs: { description: "client components never import the unit parser (lib/units/parse.ts, lib/units/index.ts, mathjs)" },
    schema: [],
    messages: { parser: 'a "use client" file may not import the unit parser: {{chain}}' },
  },
  create(context) {
    const file = context.filename;
    let client = false;
    const check = (node, spec, typeOnly) => {
      if (!client || typeOnly || typeof spec !== "string") return;
      let chain = null;
      if (isForbiddenPackage(spec)) chain = [spec];
      else {
        const target = resolveImport(file, spec);
        if (target && FORBIDDEN_FILES.includes(target)) chain = [relative(ROOT, target)];
        else if (target) {
          const rest = chainFrom(target);
          if (rest) chain = [relative(ROOT, target), ...rest];
        }
      }
      if (chain) context.report({ node, messageId: "parser", data: { chain: chain.join(" → ") } });
    };
    const typeOnly = (node) =>
      node.importKind === "type" ||
      node.exportKind === "type" ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type"));
    return {
      Program(program) {
        client = isClientComponent(program);
      },
      ImportDeclaration: (node) => check(node, node.source.value, typeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, typeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === "type"),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value, false),
    };
  },
};
