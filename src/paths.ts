/**
 * The project's default folders. A module of its own so that the
 * configuration can name its defaults without importing the corpus or the core.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder above this module with a package.json (from src/ or dist/src/). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return dir;
}

/** The project's root folder. */
export const PROJECT_ROOT = projectRoot();

/** The bundled articles: the folder `data/` at the project's root. */
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, "data");

/** Where saved indexes go unless CITEBOT_CACHE_DIR says otherwise: `.cache/index/` in the project. */
export const DEFAULT_CACHE_DIR = path.join(PROJECT_ROOT, ".cache", "index");

/** Where citebot keeps its database unless CITEBOT_STATE_DIR says otherwise: `.state/` in the project. */
export const DEFAULT_STATE_DIR = path.join(PROJECT_ROOT, ".state");
