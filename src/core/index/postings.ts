/** Helpers over sorted typed arrays: the postings lists and the sentence table's columns. */

/** First position in a sorted array (within `low..high`) whose value is at least `value`. */
export function lowerBound(
  sorted: Int32Array,
  value: number,
  low = 0,
  high: number = sorted.length,
): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** For keys 0..count-1 that appear in ascending runs, where each run starts; entry `count` is the length. */
export function firstIndexes(keys: Int32Array, count: number): Int32Array {
  const first = new Int32Array(count + 1).fill(keys.length);
  for (let i = keys.length - 1; i >= 0; i -= 1) first[keys[i] as number] = i;
  first[count] = keys.length;
  // A key without sentences (an article whose paragraphs are all empty) starts where the next does.
  for (let key = count - 1; key >= 0; key -= 1) {
    if ((first[key] as number) > (first[key + 1] as number)) first[key] = first[key + 1] as number;
  }
  return first;
}

/** The k-th largest value (1-based) of an array, by quickselect; reorders the array. */
export function kthLargest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1] as number;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] as number) > pivot) i += 1;
      while ((values[j] as number) < pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target] as number;
}
