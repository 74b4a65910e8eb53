/**
 * The core's fixed tuning tables, named and documented like the ranking's options
 * (`options.ts`), but not overridden per index: how a short answer is picked, how acronyms
 * are read, how a follow-up is read, how confident an answer must be, how misspelt and
 * abbreviated question words are matched, and how much of an article's Markdown tables is
 * read as cells. What trades memory for speed is in `speed-tuning.ts`.
 */

/** How a short answer is picked out of the top excerpt. */
export const SHORT_ANSWER = Object.freeze({
  /** Characters over which a question word's pull on a nearby figure halves (closeness = 1 / (1 + d / this)). */
  closenessScale: 6,
  /** Closeness a question word adds when it is in the figure's own clause (between commas). */
  clauseCredit: 1,
  /** Share of a question word's pull that a synonym of it pulls with ("large" for "big"). */
  synonymPull: 0.6,
  /**
   * Closeness added, for "until when"/"when does it expire", to a date right after "until",
   * "through", "expiring": the date something stops ("until sunset, August 30, 2021"). More
   * than the question's words near another date can add.
   */
  endCredit: 100,
  /** Characters before a date searched for "until", "through", "expiring". */
  endLookBehind: 24,
  /** Characters before a name searched for a question word (an apposition: "researcher JL Warren Capital"). */
  lookBehind: 40,
  /** Characters after a name searched likewise. */
  lookAhead: 30,
  /**
   * Words either side of a name within which the role asked ("who is the president of
   * argentina") and one of its phrase's other words must stand for the name to hold it.
   */
  roleReach: 5,
  /** Rank added to a name next to a question word. */
  appositionRank: 2,
  /**
   * Rank added besides to a name right after a question word ("team captain Lily Mullens"),
   * over one whose next word is the question's ("Roanoke College swim team captain" for "the
   * roanoke swim captain"): a role's holder follows it; a name before one modifies it.
   */
  followsQuestionRank: 0.25,
  /** Rank added to a name whose head is the noun asked for ("Technology Council" for "which council"). */
  kindRank: 2,
  /** Rank added, for "where", to a name after a preposition of place ("in Woodside", "at Camp David"). */
  locativeRank: 2,
  /**
   * Rank added besides to a name titled by the role asked that also holds the role's other
   * words ("Secretary of Commerce Gina Raimondo" for "the secretary of commerce"): two words'
   * worth, so a longer title of another department ("Deputy Secretary of Defense Kathleen
   * Hicks") does not outrank it.
   */
  roleWordsRank: 1,
  /** Rank added per word of a name: longer names are more specific. */
  rankPerWord: 0.5,
  /**
   * Words after a number searched for the thing a "how many" question counts ("two new
   * weekly flights"); a common noun right after it that is not the thing counts something else.
   */
  countedWithin: 4,
  /**
   * Order added to a place that may answer "where", per question word in its own clause
   * (between commas): it tells places apart, never lets a name answer that would not.
   */
  nameClauseCredit: 1,
  /** Lowest rank of a name given as the answer: a lone word tied to nothing is a guess. */
  minRank: 1,
  /** Longest acronym ("NHTSA"): an all-capital word longer than this is a heading's shouting, no name. */
  maxAcronymLength: 5,
  /** Longest quotation (characters) read as a title in quotes ("the “Clean Water Act”"), not as speech. */
  maxQuotedTitle: 120,
  /**
   * Fewest words of a name made only of dictionary words ("AI Action Plan") read as a titled
   * thing whose head says what it is. Two-word names are left alone: "Mark Price" is a person.
   */
  titledThingWords: 3,
  /**
   * Fewest letters of the shorter of two words one of which begins the other ("chair",
   * "chairman") for a name's word to be taken as the question's own (answer/echo.ts):
   * shorter beginnings are accidents ("us" and "use").
   */
  echoPrefixLength: 4,
  /**
   * Shortest word taken as a misspelling of a name's word one edit away ("ofice" for
   * "Office") when a name restates the question (answer/names.ts): "fund" and "find" differ.
   */
  echoTypoLength: 5,
});

/** Which acronyms of a passage stand for a name the question spells out (search/acronyms.ts). */
export const ACRONYM_READING = Object.freeze({
  /** Fewest capitals of an acronym: two ("US", "AI") are too often words or other names. */
  minLetters: 3,
  /** Most capitals of an acronym: longer runs of capitals are words shouted. */
  maxLetters: 6,
  /**
   * Fewest of an acronym's last letters the question must spell: chat drops a name's first
   * words ("the energy dominance council" for the "National Energy Dominance Council", NEDC).
   */
  minSpelt: 3,
});

/** How a reply to an answer is read in the context of the question it replies to. */
export const FOLLOW_UP = Object.freeze({
  /** A follow-up with at least this many content words is a question of its own (only the article is kept). */
  standaloneWords: 3,
});

/**
 * When the ranking is too close to call. Measured over every dev set (417 answers of
 * the eval and fixture sets, 308 answered with two passages or more): where the best
 * passage's score leads the second's by less than 10%, the best passage was wrong 26
 * times in 68 (38%); by 10% or more, 25 times in 240 (10%).
 */
export const CONFIDENCE = Object.freeze({
  /**
   * Lead of the best passage over the second, as a share of the best score, below which
   * the two are a close call: both are shown as candidates and no short answer is given
   * (unless both passages give the same one).
   */
  closeMargin: 0.1,
});

/** How misspellings are matched against the articles' vocabulary. */
export const TYPO_MATCHING = Object.freeze({
  /** Shortest word taken for a possible misspelling: shorter ones are too often other words. */
  minWordLength: 4,
  /** Shortest word looked up in WordNet at all. */
  minVariantWordLength: 3,
  /** Known words up to this many letters longer or shorter are candidates. */
  lengthWindow: 2,
  /** Fuse.js's threshold (0 exact … 1 anything): it proposes, the edit distance decides. */
  fuseThreshold: 0.4,
  /** Proposals taken from Fuse.js per word. */
  fuseLimit: 5,
  /** Words this long or shorter allow one edit; longer ones two. */
  shortWord: 5,
  /** Edits (transpositions count once) allowed in a short word. */
  shortWordEdits: 1,
  /** Edits allowed in a longer word. */
  longWordEdits: 2,
  /** Shortest head of a compound ("makers" of "carmakers"), and the shortest prefix cut off it. */
  minCompoundHead: 4,
  minCompoundPrefix: 3,
  /** A short lower-case word may be an acronym of the articles ("ev" = "EV") up to this length. */
  maxAcronymLength: 5,
  /**
   * Shortest plural ("teslas") read by its singular's written form when the articles lack
   * it: shorter words ending in "s" ("gas", "bus") are seldom plurals.
   */
  minPluralLength: 4,
  /**
   * Work budget: misspelling look-ups (Fuse.js runs) in one question; the words past it
   * are matched as written (a 300-character question of unknown words stays fast).
   */
  lookupsPerQuestion: 6,
  /** Work budget: known words handed to Fuse.js in one look-up; past it, the nearest lengths first. */
  maxPool: 3000,
});

/**
 * Which question words are read as chat abbreviations of an article's word ("regs",
 * "govt", "btc"): only words that neither the articles nor the dictionary know and for
 * which nothing else stands.
 */
export const ABBREVIATIONS = Object.freeze({
  /** Shortest abbreviation: two letters match too many words. */
  minLength: 3,
  /** Longest abbreviation. */
  maxLength: 5,
  /**
   * Longest clipping: a word longer than `maxLength` is read as an article's word only when it
   * is that word's beginning ("collab" of "collaboration", "congrats").
   */
  maxClippedLength: 8,
  /** Letters the article word must have beyond the abbreviation's. */
  minDroppedLetters: 2,
  /** Article words an abbreviation may stand for, the commonest first. */
  expansions: 3,
});

/**
 * How much of a Markdown article's pipe tables is read as cells. markdown-it makes three
 * tokens of every cell, and a cell costs one byte (`|`), so a 2 MB table of empty cells was
 * 2 million cells: 6–8 s and 1 GB of memory to read, whatever its number of columns (2 MB of
 * prose: 0.15 s). The briefing-room archive's articles hold at most about 3,000 cells (its
 * tables are HTML, at most 8 columns); a county-by-county results table, about 19,000.
 */
export const TABLE_READING = Object.freeze({
  /**
   * Most cells, header cells included, read as cells in one article's body, its tables
   * together: a table is read as rows of cells while its rows fit in what is left, and the
   * rest of it, or a later table, is read as plain text (its lines one paragraph, pipes and
   * all, as Markdown without tables reads them). About 50 ms of reading at most.
   */
  maxCells: 20_000,
});
