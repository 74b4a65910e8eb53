/** What the saved index's stamp tests (stamps.test.ts, restamp.test.ts) build their folders from. */
import path from "node:path";
import { RACY_MARGIN_MS } from "../../src/corpus/store.ts";
import { ROOT } from "../helpers.ts";

/** The seed article's file. */
export const SEED = path.join(ROOT, "tests/fixtures/seed.txt");
/** A second article, in Markdown. */
export const OTHER =
  "---\ntitle: Harbour news\n---\n\nThe harbour master said ferries run every hour.\n";
/** A question the seed answers ("25% tariffs"). */
export const TARIFF = "What tariff is applied to Tesla's imported cars?";

/** A clock far enough ahead that every file in the folder counts as written long ago. */
export const later = (): number => Date.now() + 10 * RACY_MARGIN_MS;
