// A process that writes to citebot's database as fast as it can, for the crash and concurrency
// tests: each committed row is announced on stdout ("committed N") after its transaction ends.
// Usage: node --import tsx tests/storage/writer.ts <dir> <rows|forever> <label>

import { openStore } from "../../src/storage/database.ts";
import { Records } from "../../src/storage/records.ts";

const [dir = "", rowsText = "forever", label = "writer"] = process.argv.slice(2);
const store = openStore(dir);
const records = new Records(store.db);
const rows = rowsText === "forever" ? Infinity : Number(rowsText);
for (let i = 1; i <= rows; i++) {
  records.logUnanswered({
    guildId: "1",
    channelId: "2",
    messageId: String(i),
    question: `${label} question ${i} ${"padding ".repeat(50)}`,
  });
  // Written now, one transaction a row, rather than on the next turn of the event loop.
  records.flush();
  process.stdout.write(`committed ${i}\n`);
  // Yield now and then so that a kill can land between and during writes.
  if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
}
store.close();
