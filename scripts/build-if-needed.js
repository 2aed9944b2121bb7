// `npm start` (and the end-to-end tests) build the production bundle the first time, or again when
// sources changed since the last build. A lock keeps concurrent callers from building at once.
import { existsSync, readFileSync, statSync, readdirSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";

const LOCK = ".next-build.lock";
const buildId = ".next/BUILD_ID";

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "generated" || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function stale() {
  const sources = Math.max(
    ...["app", "lib", "seed", "next.config.js", "package.json", "postcss.config.mjs"]
      .filter(existsSync)
      .map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)),
  );
  return !existsSync(buildId) || statSync(buildId).mtimeMs < sources;
}

function acquire() {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      // A lock older than 10 minutes belongs to a build that died.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error("timed out waiting for another build to finish");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
}

if (stale()) {
  acquire();
  try {
    if (stale()) {
      console.log(existsSync(buildId) ? "sources changed since the last build: building" : "first start: building the app (about a minute)");
      execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
} else {
  console.log(`using build ${readFileSync(buildId, "utf8").trim()}`);
}
