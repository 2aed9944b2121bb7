// `npm start` builds the production bundle the first time (or after `git pull` changed sources).
import { existsSync, readFileSync, statSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "generated" || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const buildId = ".next/BUILD_ID";
const sources = Math.max(...["app", "lib", "next.config.js", "package.json"].filter(existsSync).map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)));
if (!existsSync(buildId) || statSync(buildId).mtimeMs < sources) {
  console.log(existsSync(buildId) ? "sources changed since the last build: building" : "first start: building the app (about a minute)");
  execFileSync("npx", ["next", "build"], { stdio: "inherit" });
} else {
  console.log(`using build ${readFileSync(buildId, "utf8").trim()}`);
}
