import { LRUCache } from "lru-cache";
import type { Article } from "../article/types.ts";
import { CACHE_SIZES } from "../speed-tuning.ts";
import { buildIndexData } from "./build.ts";
import type { IndexData } from "./index-data.ts";
import { firstIndexes } from "./postings.ts";

/** True for a phrase term: index terms joined by a space. */
export function isPhrase(term: string): boolean {
  return term.includes(" ");
}

/** The entries common to ascending lists, ascending (one forward walk of each). */
function intersect(lists: readonly Int32Array[]): Int32Array {
  const [shortest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  let common = shortest ?? new Int32Array(0);
  for (const other of others) {
    const out = new Int32Array(common.length);
    let count = 0;
    let j = 0;
    for (let i = 0; i < common.length; i += 1) {
      const id = common[i] as number;
      while (j < other.length && (other[j] as number) < id) j += 1;
      if (j === other.length) break;
      if (other[j] === id) out[count++] = id;
    }
    common = out.slice(0, count);
  }
  return common;
}

const NO_POSITIONS: readonly number[] = Object.freeze([]);

/**
 * Read access to an index: its articles, sentence table and postings, with the
 * lookups every search room needs (where paragraphs and articles start, a
 * term's rarity, a sentence's text). Built once per index; never changes.
 */
export class IndexView {
  readonly articles: readonly Article[];
  readonly data: IndexData;
  // Sets made when first asked for: a question looks at a few dozen articles, and making
  // one set per article and heading up front cost a tenth of a second on a large archive.
  private readonly titleSets: (ReadonlySet<string> | undefined)[] = [];
  private readonly contextSets: (ReadonlySet<string> | undefined)[] = [];
  private allTitleTerms: ReadonlySet<string> | undefined;
  private titledBy: ReadonlyMap<string, readonly number[]> | undefined;
  /** First sentence of each paragraph (by paragraph key), plus the end: paragraphs are contiguous. */
  readonly paragraphFirst: Int32Array;
  /** First sentence of each article, plus the end. */
  readonly articleFirst: Int32Array;
  private readonly articlePositionById: ReadonlyMap<string, number>;
  /** The sentences of the phrases asked about ({@link sentencesWith}). */
  private readonly phrases = new LRUCache<string, Int32Array>({ max: CACHE_SIZES.phrases });

  /**
   * @param articles - the loaded articles.
   * @param data - a saved index of exactly these articles, to skip tokenising.
   */
  constructor(articles: readonly Article[], data?: IndexData) {
    this.articles = articles;
    this.data = data ?? buildIndexData(articles);
    this.articlePositionById = new Map(articles.map((article, position) => [article.id, position]));
    const { paragraphKey, article } = this.data.sentences;
    const paragraphCount =
      paragraphKey.length > 0 ? (paragraphKey[paragraphKey.length - 1] as number) + 1 : 0;
    this.paragraphFirst = firstIndexes(paragraphKey, paragraphCount);
    this.articleFirst = firstIndexes(article, articles.length);
  }

  /** An article's title terms, by article position (empty outside the index). */
  titleTermSet(position: number): ReadonlySet<string> {
    let set = this.titleSets[position];
    if (!set) {
      set = new Set(this.data.titleTerms[position] ?? []);
      this.titleSets[position] = set;
    }
    return set;
  }

  /** A paragraph context's terms, by context position ({@link IndexData.contextOf}); undefined outside. */
  contextTermSet(position: number): ReadonlySet<string> | undefined {
    const terms = this.data.contextTerms[position];
    if (!terms) return undefined;
    let set = this.contextSets[position];
    if (!set) {
      set = new Set(terms);
      this.contextSets[position] = set;
    }
    return set;
  }

  /** Every term of every title. */
  get titleVocabulary(): ReadonlySet<string> {
    this.allTitleTerms ??= new Set(this.data.titleTerms.flat());
    return this.allTitleTerms;
  }

  /** Positions of the articles whose title holds a term, ascending (made when first asked for). */
  articlesTitled(term: string): readonly number[] {
    if (!this.titledBy) {
      const titledBy = new Map<string, number[]>();
      this.data.titleTerms.forEach((terms, position) => {
        for (const titleTerm of terms) {
          const positions = titledBy.get(titleTerm);
          if (positions) positions.push(position);
          else titledBy.set(titleTerm, [position]);
        }
      });
      this.titledBy = titledBy;
    }
    return this.titledBy.get(term) ?? NO_POSITIONS;
  }

  /** Number of indexed sentences. */
  get size(): number {
    return this.data.sentences.article.length;
  }

  /** An article's position in {@link articles}, by id. */
  articlePosition(id: string): number | undefined {
    return this.articlePositionById.get(id);
  }

  /** True when some sentence holds the term (for a phrase, all its words). */
  has(term: string): boolean {
    if (this.data.postings.has(term)) return true;
    return isPhrase(term) && (this.sentencesWith(term)?.length ?? 0) > 0;
  }

  /** How many sentences hold the term (for a phrase, all its words). */
  frequency(term: string): number {
    return this.sentencesWith(term)?.length ?? 0;
  }

  /**
   * The sentences holding a term, ascending; for a phrase (index terms joined by a space,
   * "unit state" for WordNet's "united_states"), the sentences holding all its words.
   */
  sentencesWith(term: string): Int32Array | undefined {
    const own = this.data.postings.get(term)?.sentenceIds;
    if (own || !isPhrase(term)) return own;
    let found = this.phrases.get(term);
    if (!found) {
      const lists = term.split(" ").map((word) => this.data.postings.get(word)?.sentenceIds);
      found = lists.every((list) => list !== undefined)
        ? intersect(lists as Int32Array[])
        : new Int32Array(0);
      this.phrases.set(term, found);
    }
    return found;
  }

  /** Inverse document frequency of a term over sentences (BM25's, never negative). */
  idf(term: string): number {
    const df = this.frequency(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** The text of a sentence, by id. */
  sentenceText(sentenceId: number): string {
    const { sentences, texts } = this.data;
    if (texts) return texts.sentence(sentenceId);
    const article = this.articles[sentences.article[sentenceId] as number];
    const paragraph = article?.paragraphs[(sentences.paragraph[sentenceId] as number) - 1];
    return paragraph?.sentences[sentences.sentence[sentenceId] as number]?.text ?? "";
  }
}
