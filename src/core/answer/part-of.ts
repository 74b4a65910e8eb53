// "How much of the $686 million is humanitarian aid": a part, which is no more than its whole.

/** Multipliers of the scale words a sum is written with. */
const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** A sum as written: "$686 million", "1.2 billion", "$15,000". */
const SUM = /(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion)?\b/iu;

/** "how much of the $686 million", "how much of its 550 billion": the whole the question divides. */
const PART_OF =
  /\bhow much of (?:the |its |their |this |that )?((?:us)?[$€£¥]?\s?\d[\d,.]*(?:\s*(?:thousand|million|billion|trillion))?)/iu;

/** The value of a sum as written, or undefined when it holds no number. */
function valueOf(text: string): number | undefined {
  const match = SUM.exec(text);
  if (!match?.[1]) return undefined;
  const number = Number(match[1].replace(/,/gu, ""));
  if (!Number.isFinite(number)) return undefined;
  return number * (SCALES[(match[2] ?? "").toLowerCase()] ?? 1);
}

/**
 * True when the question asks a part of a sum it states ("how much of the $686 million…") and
 * `value` is a sum larger than that whole ("$1.2 billion"): no part of it.
 */
export function exceedsWhole(asked: string, value: string): boolean {
  const whole = PART_OF.exec(asked)?.[1];
  if (whole === undefined) return false;
  const wholeValue = valueOf(whole);
  const partValue = valueOf(value);
  return wholeValue !== undefined && partValue !== undefined && partValue > wholeValue;
}
