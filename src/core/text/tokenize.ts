import { stemmer } from "stemmer";

/** One word or number of a text, with where it stands. */
export interface Token {
  /** The text as written (for highlighting). */
  readonly surface: string;
  /** Lower-cased, accent-free form, before stemming. */
  readonly word: string;
  /** The index term: stem of a word, canonical form of a number. */
  readonly term: string;
  readonly start: number;
  readonly end: number;
  readonly isNumber: boolean;
  /** Written with a capital letter (a name, unless it opens the sentence). */
  readonly capitalized: boolean;
  /** All capitals or dotted ("US", "U.S."): never a stop word, even when it spells one. */
  readonly acronym: boolean;
  /** Follows a capitalised word directly ("Model" in "Model X"). */
  readonly afterName?: boolean;
}

/**
 * Function words that say nothing about what a passage is about, and the filler
 * of chat ("ok", "lol", "gonna"). Question words are here too; the question's
 * type is read before they are dropped.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
  during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
  here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
  let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves
  out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their
  theirs them themselves then there there's these they they'd they'll they're they've this those through
  to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's
  where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're
  you've your yours yourself yourselves also just will shall may might must many much whose tell says
  said say get got make makes making made like one ever s t
  ok okay wait lol lmao nah yeah yep yup gonna wanna gotta actually basically literally even yet hey hi
  hello pls plz please thanks thank thx u ur im idk tbh btw anyway anyways kinda sorta guys`
    .split(/\s+/u)
    .filter(Boolean),
);

/**
 * Words that name no topic of their own (time deixis, vague nouns, words about
 * the article itself): they count half, so that "today" in a question does not
 * pull in any sentence saying "Today".
 */
export const LOW_INFORMATION_WORDS: ReadonlySet<string> = new Set(
  `today now currently current recently recent lately nowadays yesterday tomorrow thing things stuff way
  kind lot lots really actually something anything someone anyone anybody somebody else
  article articles story stories piece text quoted quote mentioned mention mentions`
    .split(/\s+/u)
    .filter(Boolean),
);

/**
 * Common irregular verb forms and their base form, so "met" finds "meet" and
 * "rose" finds "rise": the stemmer only handles regular endings.
 */
const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  `arose:arise arisen:arise ate:eat eaten:eat became:become began:begin begun:begin bought:buy brought:bring
  built:build caught:catch chose:choose chosen:choose came:come cost:cost dealt:deal drove:drive driven:drive
  fell:fall fallen:fall felt:feel fought:fight found:find flew:fly flown:fly forgot:forget gave:give given:give
  went:go gone:go grew:grow grown:grow held:hold hid:hide kept:keep knew:know known:know led:lead left:leave
  lent:lend lost:lose meant:mean met:meet paid:pay ran:run rose:rise risen:rise sold:sell sent:send set:set
  shot:shoot shown:show spoke:speak spoken:speak spent:spend stood:stand struck:strike swore:swear took:take
  taken:take taught:teach thought:think threw:throw thrown:throw told:tell understood:understand won:win
  wrote:write written:write worse:bad worst:bad better:good best:good larger:large largest:large bigger:big
  biggest:big higher:high highest:high lower:low lowest:low men:man women:woman children:child people:person`
    .split(/\s+/u)
    .filter(Boolean)
    .map((pair) => pair.split(":") as [string, string]),
);

// Dotted acronyms ("U.S.", "D.C.") come first so that they stay one word.
const WORD_OR_NUMBER = /(?:\p{Lu}\.){2,}|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu;

const NUMBER_WORDS: ReadonlyMap<string, string> = new Map([
  ["zero", "0"],
  ["two", "2"],
  ["three", "3"],
  ["four", "4"],
  ["five", "5"],
  ["six", "6"],
  ["seven", "7"],
  ["eight", "8"],
  ["nine", "9"],
  ["ten", "10"],
  ["twelve", "12"],
  ["twenty", "20"],
  ["hundred", "100"],
  ["percent", "%"],
  ["percentage", "%"],
  ["pct", "%"],
]);

/** Lower case, accents removed, typographic apostrophes made plain. */
export function foldCase(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`´]/gu, "'")
    .toLowerCase();
}

/** The index term of a lower-cased word: its base form, stemmed. */
export function termOf(word: string): string {
  let term = termCache.get(word);
  if (term === undefined) {
    const base = IRREGULAR_FORMS.get(word) ?? word;
    term =
      NUMBER_WORDS.get(word) ??
      STEM_COLLISIONS.get(base) ??
      (base.length <= 3 ? base : stemmer(base));
    // Bounded: a corpus's vocabulary repeats, so a plain map is hit nearly always.
    if (termCache.size >= 200_000) termCache.clear();
    termCache.set(word, term);
  }
  return term;
}

/**
 * Porter's stemmer gives some common words the stem of an unrelated word: "news"
 * becomes "new", "important" becomes "import", "useful" becomes "us" (of "use"),
 * "business" meets "busy", "university" meets "universe", "general" meets
 * "generate", "organization" meets "organ". These keep stems of their own.
 */
const STEM_COLLISIONS: ReadonlyMap<string, string> = new Map(
  `news:news important:importan importance:importan importantly:importan useful:useful
  usefulness:useful business:business businesses:business university:universit
  universities:universit general:general generally:general organization:organiz
  organizations:organiz organisation:organiz organisations:organiz`
    .split(/\s+/u)
    .filter(Boolean)
    .map((pair) => pair.split(":") as [string, string]),
);

/** Stems already computed: stemming is most of the cost of indexing. */
const termCache = new Map<string, string>();

type WordReading = Pick<Token, "word" | "term" | "isNumber" | "capitalized" | "acronym">;

/** How each written form reads; the same forms recur through a corpus, so each is read once. */
const readings = new Map<string, WordReading>();

function readWord(surface: string): WordReading {
  let reading = readings.get(surface);
  if (reading) return reading;
  const isNumber = /^\p{N}/u.test(surface);
  const acronym = /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,5}s?$/u.test(surface);
  let word = foldCase(surface).replace(/\./gu, acronym ? "" : ".");
  // "EVs" is the plural of "EV".
  if (acronym && /\p{Lu}s$/u.test(surface)) word = word.slice(0, -1);
  if (isNumber) {
    word = word.replace(/,(?=\d{3}\b)/gu, "").replace(/\.$/u, "");
  } else {
    word = word.replace(/'s$/u, "").replace(/'$/u, "");
  }
  const capitalized = /^\p{Lu}/u.test(surface);
  // Acronyms keep their capitals as their term, apart from stems: "US" is not "useful" ("us").
  const term = isNumber ? word : acronym ? word.toUpperCase() : termOf(word);
  reading = { word, term, isNumber, capitalized, acronym };
  if (readings.size >= 200_000) readings.clear();
  readings.set(surface, reading);
  return reading;
}

/** What indexing needs of a sentence, read in one pass without token objects. */
export interface SentenceTerms {
  /** Content terms and how often each occurs (the caller's map, cleared first). */
  readonly counts: Map<string, number>;
  /** Content words (and numbers) as written, for the vocabulary. */
  readonly words: Map<string, string>;
  length: number;
  hasNumber: boolean;
}

/**
 * Reads a sentence for the index: the same terms as {@link tokenize} then
 * {@link isContentToken}, but without allocating a token per word (indexing
 * reads millions of words).
 */
export function readSentence(text: string, into: SentenceTerms): SentenceTerms {
  into.counts.clear();
  into.length = 0;
  into.hasNumber = false;
  let previousEnd = -2;
  let previousCapitalized = false;
  const count = (term: string) => {
    into.counts.set(term, (into.counts.get(term) ?? 0) + 1);
    into.length += 1;
  };
  WORD_OR_NUMBER.lastIndex = 0;
  for (let match = WORD_OR_NUMBER.exec(text); match; match = WORD_OR_NUMBER.exec(text)) {
    const surface = match[0];
    const reading = readWord(surface);
    const start = match.index;
    const afterName = previousCapitalized && previousEnd + 1 === start;
    previousEnd = start + surface.length;
    previousCapitalized = reading.capitalized;
    const content =
      reading.isNumber ||
      reading.acronym ||
      (reading.capitalized && reading.word.length === 1 && afterName) ||
      (reading.word.length > 1 && !STOP_WORDS.has(reading.word));
    if (!content) continue;
    count(reading.term);
    if (reading.isNumber) {
      into.hasNumber = true;
      if (text[previousEnd] === "%") count("%");
    } else {
      into.words.set(reading.word, reading.term);
    }
  }
  return into;
}

/**
 * Cuts a text into word and number tokens. Possessives lose their "'s", numbers
 * lose thousands separators ("1,000" → "1000"), and a "%" after a number becomes
 * its own "%" token so that "376%" and "25 percent" meet.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_OR_NUMBER)) {
    const surface = match[0];
    const start = match.index;
    const end = start + surface.length;
    const { word, term, isNumber, capitalized, acronym } = readWord(surface);
    const previous = tokens.at(-1);
    const afterName = previous !== undefined && previous.capitalized && previous.end + 1 === start;
    tokens.push({ surface, word, term, start, end, isNumber, capitalized, acronym, afterName });
    if (isNumber && text[end] === "%") {
      tokens.push({
        surface: "%",
        word: "%",
        term: "%",
        start: end,
        end: end + 1,
        isNumber: false,
        capitalized: false,
        acronym: false,
      });
    }
  }
  return tokens;
}

/** True when a token carries meaning for search (not a stop word, not a lone letter). */
export function isContentToken(token: Token): boolean {
  if (token.isNumber || token.term === "%") return true;
  if (token.acronym) return true;
  // A capital letter after a name is part of it: "Model X", "Plan B".
  if (token.capitalized && token.word.length === 1 && token.afterName) return true;
  return token.word.length > 1 && !STOP_WORDS.has(token.word);
}
