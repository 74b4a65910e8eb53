import type { SortedFile } from "./wordnet-files.ts";

/**
 * The country whose capital a gloss defines ("capital of the People's Republic of China
 * in …" → "People's Republic of China"): news names a government by its capital
 * ("Beijing says…"). Only a gloss that opens so: Guangzhou is "a city … the capital of
 * Guangdong province", no stand-in for China.
 */
function capitalOf(gloss: string): string | undefined {
  return /^(?:the )?capital (?:and largest city )?of (?:the )?(.+?)(?: in | located|[;,(]|$)/u.exec(
    gloss,
  )?.[1];
}

/** A synset line's words (lemmas as WordNet writes them: "capital_of_the_Russian_Federation"). */
function wordsOf(fields: readonly string[]): string[] {
  const count = parseInt(fields[3] ?? "0", 16);
  return Array.from({ length: count }, (_, i) => fields[4 + 2 * i] ?? "");
}

/**
 * True when a noun's main sense is an instance of a country or a nation: its instance
 * hypernym is "European_country", "Asian_nation"…, where a state of the US is an
 * "American_state".
 */
function isNation(lemma: string, index: SortedFile, data: SortedFile): boolean {
  const entry = index.find(lemma.toLowerCase())?.split(" ");
  const offset = entry?.[6 + Number(entry[3])];
  if (offset === undefined) return false;
  const synset = data.at(Number(offset)).split(" ");
  const pointerStart = 4 + 2 * parseInt(synset[3] ?? "0", 16);
  const pointerCount = Number(synset[pointerStart]);
  for (let i = 0; i < pointerCount; i += 1) {
    const base = pointerStart + 1 + 4 * i;
    if (synset[base] !== "@i") continue;
    const kind = data.at(Number(synset[base + 1])).split(" ");
    if (wordsOf(kind).some((word) => /(?:^|_)(?:country|nation)$/iu.test(word))) return true;
  }
  return false;
}

/**
 * The country a capital stands for, from the main sense of a noun: its gloss opening with
 * "capital of …" (Beijing), or else one of its synset's words ("Moscow" is also
 * "capital_of_the_Russian_Federation", though its gloss opens "a city of central European
 * Russia"). Only a nation counts from the words: Austin is "capital_of_Texas", and "Secretary
 * Austin" is no stand-in for Texas.
 *
 * @param gloss - the sense's gloss.
 * @param offset - the sense's synset in WordNet's noun data file.
 * @returns the country's name as WordNet writes it, with spaces ("Russian Federation").
 */
export function capitalCountry(
  gloss: string,
  offset: number,
  index: SortedFile,
  data: SortedFile,
): string | undefined {
  const fromGloss = capitalOf(gloss);
  if (fromGloss !== undefined) return fromGloss;
  for (const word of wordsOf(data.at(offset).split(" "))) {
    const country = /^capital_of_(?:the_)?(.+)$/u.exec(word)?.[1];
    if (country) return isNation(country, index, data) ? country.replace(/_/gu, " ") : undefined;
  }
  return undefined;
}

/**
 * The body a building or a site stands for in news, from its gloss: "the headquarters of the
 * United States Department of Defense" (the Pentagon), "housing the offices of the Russian
 * government" (the Kremlin). "The Pentagon says…" is the department speaking.
 *
 * @returns the body's name as the gloss writes it ("United States Department of Defense").
 */
export function seatOf(gloss: string): string | undefined {
  return /\b(?:headquarters|housing the offices) of (?:the )?(.+?)(?:[;,(]| located| in |$)/u
    .exec(gloss)?.[1]
    ?.trim();
}
