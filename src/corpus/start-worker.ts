import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type ResourceLimits, type TransferListItem } from "node:worker_threads";

/**
 * Starts a worker module of this folder (`reload-worker`, `server-index-worker`, `build-worker`,
 * `signed-read-worker`),
 * its request handed over with `transferList` moved rather than copied: `.js` once
 * compiled. From the sources (tests, `tsx`), a worker thread does not inherit tsx's loader
 * (Node 20 runs no `--import` hooks in workers), so a two-line bootstrap loads the module
 * through tsx's ESM API. `resourceLimits`: the worker's heap, when not V8's defaults.
 */
export function startWorker(
  module: string,
  request: unknown,
  transferList: TransferListItem[] = [],
  resourceLimits?: ResourceLimits,
): Worker {
  const extension = path.extname(fileURLToPath(import.meta.url));
  const url = new URL(`./${module}${extension}`, import.meta.url);
  const limits = resourceLimits ? { resourceLimits } : {};
  if (extension !== ".ts") return new Worker(url, { workerData: request, transferList, ...limits });
  // tsx's "require" build of this API cannot load ES modules; its "import" build sits next to it.
  const api = createRequire(import.meta.url)
    .resolve("tsx/esm/api")
    .replace(/\.cjs$/u, ".mjs");
  const bootstrap = `import(${JSON.stringify(pathToFileURL(api).href)}).then(({ tsImport }) => tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`;
  return new Worker(bootstrap, { eval: true, workerData: request, transferList, ...limits });
}
