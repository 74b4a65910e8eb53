/**
 * Every tuning number of the core's ranking, named and documented: the options an index
 * may override ({@link RankingOptions}) and the fixed tables of word matching. The other
 * fixed tables (short answers, follow-ups, confidence) are in `fixed-tuning.ts`; what trades
 * memory for speed (caches, bit tables, warming) in `speed-tuning.ts`.
 */
import type { WordVectors } from "./vectors.ts";
import type { SynonymSource } from "./synonyms.ts";

/** Tuning of the ranker. Every value has a default in {@link DEFAULT_RANKING}. */
export interface RankingOptions {
  /** How many citations `ask` returns when the caller does not say. */
  readonly limit: number;
  /** Share of the question's weighted content the best passage must cover to count as an answer. */
  readonly answerCoverage: number;
  /** Decline when the best passage's article never mentions a name the question asks about. */
  readonly declineMissingName: boolean;
  /**
   * Decline when the best passage's paragraph never mentions the attribute the question
   * asks about ("range" in "what is the range of the Model S"): it says something else.
   */
  readonly declineMissingAttribute: boolean;
  /** Credit for a question word found in the sentence next to the cited one. */
  readonly neighborCredit: number;
  /**
   * Credit for a question word found elsewhere in the same paragraph (0.4 until 4 December;
   * 0.45 since: dev sweep top1 1017 → 1021, top3 1148 → 1150, declines unchanged).
   */
  readonly paragraphCredit: number;
  /** Credit for a question word found elsewhere in the same article (or its title). */
  readonly articleCredit: number;
  /**
   * Credit for a question word found in the reporter's question that a transcript's passage
   * answers (`IndexData.questionDistance`): the answer is about it without repeating it.
   */
  readonly askedQuestionCredit: number;
  /** BM25 length normalisation over sentences (0: none, 1: full). */
  readonly lengthNormalization: number;
  /** Highest boost a short sentence gets from length normalisation (a fragment is no better answer). */
  readonly maxLengthBoost: number;
  /** Match quality of a misspelling corrected against the vocabulary, at best. */
  readonly fuzzyCredit: number;
  /** Match quality of a WordNet synonym. */
  readonly synonymCredit: number;
  /**
   * Match quality of a synonym from a word's second dictionary sense: below a main-sense
   * synonym, since a second sense is often not the one meant.
   */
  readonly otherSenseCredit: number;
  /** Match quality of a word from the definition of a question word ("expensive" → "price"). */
  readonly definitionCredit: number;
  /**
   * Match quality of a word or name whose dictionary definition says two words of the
   * question in a row ("top law officer" → "Attorney General"), for each of the two.
   */
  readonly describedCredit: number;
  /** Match quality of a compound's head ("carmakers" → "makers"). */
  readonly compoundCredit: number;
  /**
   * Match quality of the article word a chat abbreviation spells out ("regs" →
   * "regulations"; see {@link ABBREVIATIONS}): a guess, below a synonym.
   */
  readonly abbreviationCredit: number;
  /** Bonus, as a share of the question's weight, for a passage holding the kind of answer asked for. */
  readonly kindBonus: number;
  /**
   * A further bonus, as a share of the question's weight, for one of the leading passages that
   * fit the kind asked for when its short answer can be read off it ("Vice Premier Wang Yang",
   * "November 24, 2021"), not only a word of that kind ("official", "2023 budget").
   */
  readonly shortAnswerBonus: number;
  /** How many of the leading passages are read for {@link shortAnswerBonus}. */
  readonly shortAnswerLeaders: number;
  /**
   * When a name is asked for ("which official", "where", "what's the name of…") and the first
   * passage gives none, a passage that gives one leads instead if it scores within this share
   * of the first: the question would otherwise be declined for a passage that cannot answer.
   * 0: off. Dev sweep: 0.02–0.15 give the same top1 and top3, 0.05 declines one unanswerable more.
   */
  readonly nameLeadMargin: number;
  /** Weight factor of an ordinary word (not a name or number) that nothing in the articles stands for. */
  readonly unknownWordWeight: number;
  /** Weight factor of such a word after an auxiliary ("did … grow"): most often the question's own verb. */
  readonly unknownVerbWeight: number;
  /** Weight factor of a word that names no topic ("today", "article"). */
  readonly lowInformationWeight: number;
  /**
   * Factor on the words of the two alternatives a question offers ("…, VA or HUD?", "is it
   * the EPA or NOAA that…"): the passage that answers names one of them, so they count for
   * less than what the question says of them (search/alternatives.ts).
   */
  readonly alternativeWeight: number;
  /** Weight factor of a name (capitalised word, acronym) in the question. */
  readonly nameWeight: number;
  /** Weight factor of a name that the articles never mention. */
  readonly missingNameWeight: number;
  /**
   * Credit left to a question word that a passage has only as another role: "premier" in
   * "Vice Premier Wang" when the question asks for the premier (see OtherRoles). 1: no change.
   */
  readonly otherRoleCredit: number;
  /**
   * Credit of a question word the articles lack that a leading passage spells out as the
   * words of its initials ("ev": "electric vehicles"; see Initialisms). 0: off.
   */
  readonly initialismCredit: number;
  /**
   * Score factor of a leading passage that is itself a question ("…?", a reporter's "Q …"
   * in a transcript; see AskedSentences): it states no fact. 1: off.
   */
  readonly askingFactor: number;
  /**
   * Score factor of a leading passage that ends with a colon and announces ("Duties imposed …
   * are now:"): it introduces the passages after it and states nothing itself; one whose
   * clause ends in a noun states its fact first (see AskedSentences). Also of a heading in title
   * case ("Rapidly Increase Virus Genome Sequencing.") when the question expects no name nor
   * figure. 1: off.
   */
  readonly leadInFactor: number;
  /** Credit left to a word whose modifier ("stock" in "stock price") the passage's article lacks. */
  readonly modifierMissingCredit: number;
  /**
   * Credit left to the words of a name with a number ("Executive Order 14004", "Section 232")
   * in a passage that says them without the number, in it or next to it: it names another.
   */
  readonly nameNumberMissingCredit: number;
  /** Match quality below which a stand-in does not count as the word being there (a definition word is too loose). */
  readonly looseMatch: number;
  /**
   * Factor on the score of a passage that lacks the kind of answer asked for ("who" without a
   * name, "how many" without a number of the thing counted). Swept over every dev set: 0.2 to
   * 0.5 give the same answers; 0.8 declined 3 more answerable questions and put 2 fewer right
   * passages first.
   */
  readonly kindMisfit: number;
  /** Weight factor, in ranking, of a question word that is in the article's title (its topic). */
  readonly titleDiscount: number;
  /**
   * Credit that a word of an article's title gives every passage of that article, on the
   * share of its weight that {@link titleDiscount} takes away (0: none).
   */
  readonly titleContextCredit: number;
  /**
   * Rarity among the titles (BM25's idf over the articles' titles) from which a title word's
   * context credit grows in proportion: a word in one title of 17 articles is at about this
   * rarity, so a library of a few articles keeps {@link titleContextCredit} as it is. In an
   * archive a title word that few of thousands of titles hold says which story is meant.
   */
  readonly titleContextRarity: number;
  /** Most that rarity multiplies a title word's context credit by. */
  readonly titleContextMaxBoost: number;
  /**
   * Credit of a question word that names the speaker of a transcript's passage, in a
   * question about what someone said ("what did psaki say about sanctions"): the turn's
   * speaker is who the passage is by, as good as the name in the sentence at 1.
   */
  readonly speakerCredit: number;
  /**
   * Score factor, in such a question, of a passage that someone other than the speaker it
   * names speaks (another speaker, a reporter): "what did psaki say" is not answered by the
   * reporter's question to her. 1: off.
   */
  readonly otherSpeakerFactor: number;
  /**
   * Whether a question asked of one article (`AskOptions.article`) is answered as if that
   * article were the only one loaded: its words, their rarity and their stand-ins taken from
   * it alone, so a channel's article answers the same however many others are loaded.
   */
  readonly articleAlone: boolean;
  /** Longest excerpt, in characters, when two sentences are quoted together. */
  readonly maxExcerptLength: number;
  /** How many sentences are scored in full for one question, at most (about). */
  readonly shortlistSize: number;
  /** A loose variant found in more sentences than this (and {@link commonShare} of them) is not scanned sentence by sentence. */
  readonly commonPostings: number;
  /** Share of all sentences above which a word's postings count as common. */
  readonly commonShare: number;
  /** How many of the best-scored candidates the answer kind re-ranks, at least (and 3× the limit). */
  readonly leaders: number;
  /** Stand-ins kept for one question word (its own term included): each costs a postings scan. */
  readonly maxVariants: number;
  /** Question words beyond this many (the least informative) are dropped: long messages stay fast. */
  readonly maxQueryTerms: number;
  /**
   * Work budget of one question's shortlist, in postings entries walked. Past it, the
   * remaining words only strengthen the sentences already found (looked up one by one),
   * so a question of common words costs at most about this much, not the corpus's size.
   */
  readonly postingsBudget: number;
  /**
   * Share of a passage's score that depends on how much its article, as a whole, is about
   * the question (article-level BM25 relative to the best article among the candidates).
   */
  readonly articleRelevance: number;
  /** Article-level BM25's term saturation (k1). */
  readonly articleK1: number;
  /** Article-level BM25's length normalisation (b): long transcripts hold every word once. */
  readonly articleB: number;
  /** Sentences a title word counts as, in article-level relevance: a title says what the story is about. */
  readonly articleTitleFrequency: number;
  /**
   * Lowest match quality that counts in article-level relevance: a loose stand-in ("see" for
   * "meet") is in every long transcript many times and would make them all look relevant.
   */
  readonly articleMinQuality: number;
  /**
   * Articles, the most relevant as wholes, whose best sentences are scored even when other
   * sentences hold more question words: in an archive, the story about the question may
   * spread its words over a heading, a lead-in and the sentence that answers.
   */
  readonly articleShortlist: number;
  /** Sentences of each of those articles added to the shortlist. */
  readonly articleShortlistSentences: number;
  /** Sentences read to tell whether the articles write a question word as a name (with a capital). */
  readonly nameSample: number;
  /** Where synonyms come from; `null` turns them off. The corpus layer supplies WordNet. */
  readonly synonyms: SynonymSource | null;
  /** Cosine similarity from which a word of the articles may stand for a question word (word vectors). */
  readonly vectorThreshold: number;
  /** Match quality of a word-vector neighbour at similarity 1 (scaled by the similarity). */
  readonly vectorCredit: number;
  /** Word-vector neighbours kept for one question word, at most. */
  readonly vectorNeighbours: number;
  /** The table's this many most common words never stand in: they lie near everything ("first", "year"). */
  readonly vectorCommonWords: number;
  /** Word vectors of general English; `null`: none. The corpus layer supplies a reduced GloVe table. */
  readonly wordVectors: WordVectors | null;
}

/** The ranker's defaults; options given to a `CitationIndex` are merged over them. */
export const DEFAULT_RANKING: Readonly<RankingOptions> = Object.freeze({
  limit: 3,
  answerCoverage: 0.36,
  declineMissingName: true,
  declineMissingAttribute: true,
  neighborCredit: 0.5,
  paragraphCredit: 0.45,
  articleCredit: 0.15,
  askedQuestionCredit: 0.4,
  lengthNormalization: 0.15,
  maxLengthBoost: 1.1,
  fuzzyCredit: 0.9,
  synonymCredit: 0.6,
  otherSenseCredit: 0.5,
  definitionCredit: 0.35,
  describedCredit: 0.4,
  compoundCredit: 0.5,
  abbreviationCredit: 0.4,
  kindBonus: 0.1,
  shortAnswerBonus: 0.05,
  shortAnswerLeaders: 5,
  nameLeadMargin: 0.05,
  unknownWordWeight: 0.6,
  unknownVerbWeight: 0.5,
  lowInformationWeight: 0.5,
  alternativeWeight: 0.4,
  nameWeight: 1.5,
  otherRoleCredit: 0.3,
  initialismCredit: 0.8,
  askingFactor: 0.5,
  leadInFactor: 0.5,
  missingNameWeight: 2.5,
  modifierMissingCredit: 0.5,
  nameNumberMissingCredit: 0.5,
  looseMatch: 0.5,
  kindMisfit: 0.5,
  titleDiscount: 0.5,
  titleContextCredit: 0.5,
  titleContextRarity: 2.5,
  titleContextMaxBoost: 1.75,
  speakerCredit: 1,
  otherSpeakerFactor: 0.7,
  articleAlone: true,
  maxExcerptLength: 320,
  shortlistSize: 120,
  commonPostings: 1000,
  commonShare: 0.05,
  leaders: 20,
  maxVariants: 8,
  maxQueryTerms: 16,
  postingsBudget: 60_000,
  articleRelevance: 0.6,
  articleK1: 1.2,
  articleB: 1,
  articleTitleFrequency: 2,
  articleMinQuality: 0.85,
  articleShortlist: 20,
  articleShortlistSentences: 3,
  // Enough to outvote a name's odd lower-case use or a word's capital in a heading.
  nameSample: 12,
  synonyms: null,
  vectorThreshold: 0.6,
  vectorCredit: 0.5,
  vectorNeighbours: 4,
  vectorCommonWords: 500,
  wordVectors: null,
});
