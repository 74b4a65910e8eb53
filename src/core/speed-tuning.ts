/**
 * How the core trades memory for speed, named and documented like the fixed tuning
 * (`fixed-tuning.ts`): the caches' sizes, when a term gets a bit table, how postings are
 * matched, how the vector scan prunes, and how an index is warmed. None changes an answer.
 */

/** Sizes of the core's caches (least recently used entries go first). */
export const CACHE_SIZES = Object.freeze({
  /** Written forms and their stems: a corpus's vocabulary repeats, so nearly every look-up hits. */
  words: 200_000,
  /** Question words and their stand-ins: the same words come back in questions. */
  variants: 5_000,
  /** Sentences and the names inside them, for "who" questions. */
  names: 20_000,
  /** WordNet look-ups. */
  wordnet: 5_000,
  /** Sentences holding all the words of a phrase synonym ("united states"), by phrase. */
  phrases: 256,
  /**
   * Which articles a title word is in, as a bit per article, for the words in more titles
   * than {@link TITLE_BITS_FROM} ("president" titles thousands of briefings): a question
   * reads them instead of walking the list (a 14,000-article archive: 1.8 KB each).
   */
  titleBits: 512,
  /**
   * A bit per sentence for the postings of a word in many sentences (at least
   * {@link POSTING_BITS_FROM} of them): matching the sentences a question has found against it
   * reads one bit each instead of searching the list (149 KB each on a 1.2 M-sentence archive,
   * 38 MB at most).
   */
  postingBits: 256,
  /**
   * Characters of sentence texts a saved index keeps decoded (src/corpus/article-texts.ts),
   * the sentences read last: a question reads about 60 sentences of 15 articles (the median
   * question on the 14,000-article archive), many of them read by earlier questions. Two
   * bytes a character at most: 8 MB. Every article ever read, kept decoded whole, held
   * 320 MB after 1,000 questions on that archive.
   */
  sentenceChars: 4 * 1024 * 1024,
  /**
   * Bytes of articles' texts kept as read from the index file and checked against their
   * digests, in one buffer written around (the oldest pushed out first): a sentence that
   * left {@link sentenceChars} is decoded from them, else its article is read and checked
   * again (pread and SHA-256 of the article; 17 KB on average on the archive).
   */
  articleBytes: 32 * 1024 * 1024,
  /**
   * Characters of articles kept decoded whole, paragraphs and sentences (about 3.5 bytes
   * each), for quoting and an article's card. An article longer than this is decoded each
   * time it is read whole.
   */
  articleChars: 1024 * 1024,
  /**
   * Indexes of one article each kept for questions asked of one article
   * ({@link RankingOptions.articleAlone}): a channel asks of the same article again and
   * again, and a server has a few channels. One of an average archive article (about 90
   * sentences) adds about 300 KB of resident memory; one not kept is made again on its
   * article's next question (about 15 ms).
   */
  articleIndexes: 16,
  /** Sentences, in all, of the indexes of one article each kept: bounds the memory of long ones. */
  articleIndexSentences: 20_000,
  /**
   * An article of more sentences than this is never indexed alone: a question asked of it
   * is ranked in the whole index, restricted to it, instead of indexing it a second time.
   */
  articleAloneMaxSentences: 5_000,
});

/**
 * The size of a cache of at most `limit` entries keyed by one of `items` things (sentences,
 * words): no larger than the things it can hold. A cache's table is allocated whole when it
 * is made (20 ms for 20,000 entries), which an index of one article makes on its first question.
 */
export function cacheSizeFor(limit: number, items: number): number {
  return Math.max(1, Math.min(limit, items));
}

/** Title words in at least this many titles get a cached bit table ({@link CACHE_SIZES}.titleBits). */
export const TITLE_BITS_FROM = 64;

/**
 * Share of all sentences from which a word's postings get a cached bit table
 * ({@link CACHE_SIZES}.postingBits): from 1/64, the table takes at most twice the list's own
 * memory (4 bytes an entry, against a bit a sentence).
 */
export const POSTING_BITS_FROM = 1 / 64;

/**
 * Matching a postings list with the sentences a question has found, given their bits: the list
 * is walked (each entry reads its found-bit) unless it is this many times longer than the found
 * sentences, then they are walked, galloping along the list. A walk reading bits costs about
 * a gallop's step an entry; a gallop, several steps and mispredicted branches a found sentence.
 */
export const POSTINGS_WALK_RATIO = 4;

/**
 * Postings entries from which a candidate's paragraphs and articles are checked in a list's
 * bits (when it has them: {@link POSTING_BITS_FROM}) rather than galloped along: a short list
 * (an article's index of its own) is cheap to gallop along, and a table each would be made for
 * nothing.
 */
export const RANGE_BITS_FROM = 1024;

/**
 * How the scan for a word's vector neighbours (`search/vector-neighbours.ts`) leaves rows
 * that cannot reach the threshold; it finds the same neighbours, with the same similarities,
 * as a scan of every dimension.
 */
export const VECTOR_SCAN = Object.freeze({
  /**
   * Share of the dimensions summed before a row may be left: past it, the rest can add at most
   * the product of the two vectors' lengths over them. At 0.4, 14% of the rows are summed on
   * (the archive's 182 real questions: 0.48 of the multiply-adds); the scan's CPU time
   * 841 -> 476 ms for their first asks (0.5: 7.5% summed on, 0.54 of the work; 0.3: 22%,
   * 0.45, but more rows summed on one at a time, and slower).
   */
  pruneAt: 0.4,
  /** Kept below the threshold by this much, so that no rounding leaves a row that reaches it. */
  pruneMargin: 1e-6,
});

/**
 * How an index is warmed before its first question (`CitationIndex.warm`): the warming
 * questions are made of this many titles, spread over the articles. The engine compiles a
 * path of the ranking only after running it a number of times; with the first title alone
 * (8 questions), the archive's 182 real questions took 74–103 ms of CPU at p99 on their first
 * ask; with 8 titles, 40–61 ms (0.54×; median 0.81×), the answers the same, for about 0.4 s
 * more of warming (1.2 → 1.6 s on the archive, before the bot connects to Discord).
 * `npm run bench:engines -- --baseline DIR --real --repeats 4`, 4 December
 * (docs/runs/engines-first-ask-warming.txt). 16 titles gained nothing more (first asks'
 * CPU p99 1.10× and wall p99 1.43× those of 8, two repeats, noisy) for 0.6 s more of warming
 * (1.7 → 2.3 s).
 */
export const WARMING = Object.freeze({
  titles: 8,
});
