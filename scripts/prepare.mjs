// npm's `prepare` step (run by `npm ci` and `npm install`): builds dist/ with tsc.
// A production install (`npm ci --omit=dev`) has no TypeScript: then the build already
// in dist/ is kept, and without one it says how to make it instead of failing with 127.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
const built = path.join(root, "dist", "src", "bot", "main.js");

if (existsSync(tsc)) {
  const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  process.exit(run.status ?? 1);
} else if (existsSync(built)) {
  console.log(
    "prepare: TypeScript is not installed (production install): using the build in dist/",
  );
} else {
  console.error(
    "prepare: cannot build: TypeScript is not installed and dist/ holds no build. " +
      "Run a full `npm ci` (which builds), then `npm ci --omit=dev` for production.",
  );
  process.exit(1);
}
