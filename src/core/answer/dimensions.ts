// What a measure asked for measures ("how tall": a length), and what a measurement's unit does.

/** A measurable dimension: what "how tall", "how heavy", "how fast" ask, and what a unit measures. */
type Dimension = "length" | "area" | "weight" | "speed" | "volume" | "power";

/** The question's words that ask a dimension ("how tall", "what depth"), most specific first. */
const ASKED: readonly [RegExp, Dimension][] = [
  [/\bhow fast\b|\bwhat (?:speed|top speed)\b/u, "speed"],
  [/\bhow heavy\b|\bwhat weight\b/u, "weight"],
  [
    /\bhow (?:tall|far|deep|wide|long)\b|\bwhat (?:height|distance|depth|width|length)\b/u,
    "length",
  ],
];

/** A unit's dimension, from the unit a measurement ends in ("40 feet", "1,350 miles per hour"). */
const UNITS: readonly [RegExp, Dimension][] = [
  [/\b(?:per|an) hour$|\b(?:mph|km\/h|kph|knots?)$|^mach\b/iu, "speed"],
  [/\b(?:acres?|square (?:miles|feet|meters|metres|kilometers|kilometres))$/iu, "area"],
  [
    /\b(?:miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?|feet|foot|ft|inch(?:es)?|yards?|stories|storeys|floors)$/iu,
    "length",
  ],
  [/\b(?:pounds?|lbs?|tons?|tonnes?|kilograms?|kg|grams?)$/iu, "weight"],
  [/\b(?:gallons?|lit(?:er|re)s?|barrels?)$/iu, "volume"],
  [/\b(?:kilo|mega|giga)watts?$|\b(?:kW|MW|GW)$/iu, "power"],
];

/**
 * True when a measurement (`value`, as quoted) cannot answer the measure the question asks:
 * "6,672 acres" is no answer to "how tall is the peak", "40 tons" none to "how fast". A
 * question or a unit of no known dimension fits any.
 */
export function otherDimension(question: string, value: string): boolean {
  const asked = ASKED.find(([pattern]) => pattern.test(question))?.[1];
  if (asked === undefined) return false;
  const measured = UNITS.find(([pattern]) => pattern.test(value))?.[1];
  return measured !== undefined && measured !== asked;
}
