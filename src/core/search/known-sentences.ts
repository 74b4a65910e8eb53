import { lowerBound } from "../index/postings.ts";
import { POSTINGS_WALK_RATIO } from "../speed-tuning.ts";
import { gallopTo } from "./ranges.ts";

/**
 * The sentences a question's shortlist has found so far, ascending, each with its row (the
 * order it was found in), kept sorted as they are found: each walk of a postings list adds
 * an ascending run, merged into the sorted ones rather than sorting everything again. The
 * rows ride along so that matching a postings list against the known sentences needs no
 * look-up in a corpus-sized table (a cache miss per match on a large archive). Buffers are
 * reused from one question to the next.
 */
export class KnownSentences {
  private ids = new Int32Array(0);
  private rows = new Int32Array(0);
  private spareIds = new Int32Array(0);
  private spareRows = new Int32Array(0);
  /** Room for the sentences an {@link update} takes in (their ids and rows), reused. */
  private addedIds = new Int32Array(0);
  private addedRows = new Int32Array(0);
  private count = 0;

  /** The known sentences, ascending. */
  get sortedIds(): Int32Array {
    return this.ids.subarray(0, this.count);
  }

  /** The rows of {@link sortedIds}, alongside. */
  get sortedRows(): Int32Array {
    return this.rows.subarray(0, this.count);
  }

  /** Forgets the previous question's sentences. */
  reset(): void {
    this.count = 0;
  }

  /**
   * Like {@link forEachIn}, for the known sentences whose row lacks question word `term`
   * (`table[row * stride + term]` is 0): the others would ignore the visit. The row is read
   * for the matches only: a pass over every known sentence's row first (to match only the
   * lacking ones) cost more than the match itself, since nearly all of them lack the word and
   * the rows, in sentence order, are read at random.
   *
   * @param found - a bit per sentence, set for exactly the known ones: a walk of a postings
   *   list shorter than the known sentences looks up only the entries whose bit is set.
   */
  forEachLackingIn(
    postings: Int32Array,
    term: number,
    table: Float32Array,
    stride: number,
    visit: (row: number) => void,
    found?: Uint32Array,
  ): void {
    matchSorted(this.ids, this.rows, this.count, postings, visit, found, { table, stride, term });
  }

  /**
   * Like {@link forEachLackingIn}, for a postings list given as a bit per sentence (set for the
   * sentences in it): each known sentence reads its bit, in ascending order.
   */
  forEachLackingInBits(
    bits: Uint32Array,
    term: number,
    table: Float32Array,
    stride: number,
    visit: (row: number) => void,
  ): void {
    const { ids, rows, count } = this;
    for (let k = 0; k < count; k += 1) {
      const id = ids[k] as number;
      if ((((bits[id >>> 5] as number) >>> (id & 31)) & 1) === 0) continue;
      const row = rows[k] as number;
      if (table[row * stride + term] === 0) visit(row);
    }
  }

  /**
   * Takes in the sentences found since the last call: `touched[count..found)` (row k holds
   * `touched[k]`), ascending when they come from one walk of a postings list.
   */
  update(touched: Int32Array, found: number): void {
    const from = this.count;
    if (from === found) return;
    const added = found - from;
    if (this.addedIds.length < added) {
      this.addedIds = new Int32Array(Math.max(added, this.addedIds.length * 2, 1024));
      this.addedRows = new Int32Array(this.addedIds.length);
    }
    const { addedIds, addedRows } = this;
    for (let k = 0; k < added; k += 1) {
      addedIds[k] = touched[from + k] as number;
      addedRows[k] = from + k;
    }
    let inOrder = true;
    for (let k = 1; k < added && inOrder; k += 1) {
      inOrder = (addedIds[k - 1] as number) < (addedIds[k] as number);
    }
    if (!inOrder) {
      // Several walks' sentences at once: sorted by id, each keeping its row.
      const order = Array.from(addedRows.subarray(0, added)).sort(
        (a, b) => (touched[a] as number) - (touched[b] as number),
      );
      order.forEach((row, k) => {
        addedIds[k] = touched[row] as number;
        addedRows[k] = row;
      });
    }
    if (this.spareIds.length < found) {
      this.spareIds = new Int32Array(Math.max(found, this.spareIds.length * 2, 1024));
      this.spareRows = new Int32Array(this.spareIds.length);
    }
    const { ids, rows, spareIds, spareRows } = this;
    // Merge the sorted known sentences with the added ones (distinct ids) into the spares.
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < from && j < added) {
      if ((ids[i] as number) < (addedIds[j] as number)) {
        spareIds[k] = ids[i] as number;
        spareRows[k++] = rows[i++] as number;
      } else {
        spareIds[k] = addedIds[j] as number;
        spareRows[k++] = addedRows[j++] as number;
      }
    }
    for (; i < from; i += 1, k += 1) {
      spareIds[k] = ids[i] as number;
      spareRows[k] = rows[i] as number;
    }
    for (; j < added; j += 1, k += 1) {
      spareIds[k] = addedIds[j] as number;
      spareRows[k] = addedRows[j] as number;
    }
    [this.ids, this.spareIds] = [spareIds, ids];
    [this.rows, this.spareRows] = [spareRows, rows];
    this.count = found;
  }

  /**
   * Position of a known sentence among the sorted known ones, searching from position `from`
   * (all before it are smaller): ascending look-ups gallop forward. Its row is
   * {@link rowAt}(position).
   */
  seek(id: number, from: number): number {
    return gallopTo(this.ids, id, from, this.count);
  }

  /** The row of the known sentence at a sorted position (see {@link seek}). */
  rowAt(position: number): number {
    return this.rows[position] as number;
  }

  /** The row of a known sentence, -1 when it is not known (a binary search). */
  rowOf(id: number): number {
    const at = lowerBound(this.ids, id, 0, this.count);
    return at < this.count && this.ids[at] === id ? (this.rows[at] as number) : -1;
  }

  /**
   * Calls `visit` with the row of each known sentence that is in `postings` (ascending), in
   * ascending order of sentence: a merge that walks the shorter list and gallops along the
   * longer, so a long list costs about log(its length / the short one's) steps a value of
   * the short one.
   */
  forEachIn(postings: Int32Array, visit: (row: number) => void): void {
    matchSorted(this.ids, this.rows, this.count, postings, visit);
  }
}

/**
 * Calls `visit` with rows[k] for each ids[k] (k below count; ascending, distinct) that is in
 * `postings`, ascending: a merge that walks the shorter list and gallops along the longer.
 * With `found` (a bit per id, set for exactly the ids), a walk of the postings skips the
 * entries whose bit is unset without looking them up, so the postings are walked up to
 * {@link POSTINGS_WALK_RATIO} times the ids' length. With `lacking`, only the rows it says lack
 * the word are visited.
 */
function matchSorted(
  ids: Int32Array,
  rows: Int32Array,
  count: number,
  postings: Int32Array,
  visit: (row: number) => void,
  found?: Uint32Array,
  lacking?: Lacking,
): void {
  // The rows' test inline, not in a closure around `visit`: a call a match cost more.
  const table = lacking?.table;
  const column = lacking?.term ?? 0;
  const stride = lacking?.stride ?? 0;
  // The shorter list is walked; with the found-bits, the postings up to a few times longer.
  const walkKnown =
    found === undefined ? count <= postings.length : count * POSTINGS_WALK_RATIO < postings.length;
  if (walkKnown) {
    const length = postings.length;
    let at = 0;
    for (let k = 0; k < count && at < length; k += 1) {
      const value = ids[k] as number;
      if ((postings[at] as number) < value) at = gallopTo(postings, value, at, length);
      if (at < length && postings[at] === value) {
        const row = rows[k] as number;
        if (table === undefined || table[row * stride + column] === 0) visit(row);
      }
    }
    return;
  }
  let at = 0;
  for (let k = 0; k < postings.length && at < count; k += 1) {
    const value = postings[k] as number;
    if (found !== undefined && (((found[value >>> 5] as number) >>> (value & 31)) & 1) === 0) {
      continue;
    }
    if ((ids[at] as number) < value) at = gallopTo(ids, value, at, count);
    if (at < count && ids[at] === value) {
      const row = rows[at] as number;
      if (table === undefined || table[row * stride + column] === 0) visit(row);
    }
  }
}

/** Visit only the rows where `table[row * stride + term]` is 0 (a question word they lack). */
interface Lacking {
  readonly table: Float32Array;
  readonly stride: number;
  readonly term: number;
}
