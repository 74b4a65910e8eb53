import type { IndexView } from "../index/view.ts";
import { type RankingOptions } from "../options.ts";
import { CACHE_SIZES, TITLE_BITS_FROM } from "../speed-tuning.ts";
import { BitTables, setBit } from "./bit-tables.ts";
import type { QueryTerm } from "./query.ts";

/** Bit tables of the title words in many titles, per index. */
const tables = new BitTables(CACHE_SIZES.titleBits);

/** A bit per article: set where the word is in the article's title. */
function titleBits(view: IndexView, word: string): Uint32Array {
  return tables.get(view, word, view.articles.length, (bits) => {
    for (const position of view.articlesTitled(word)) setBit(bits, position);
  });
}

/**
 * Which articles have one of a question word's variants in their title, for one question: a
 * bit per article and question word, made from the index's title postings (a word in many
 * titles from a bit table kept between questions) instead of asking each article's title
 * for each variant.
 */
export class TitleHits {
  private readonly words: number;
  private readonly bits: Uint32Array;
  /** Per question word, how many titles its commonest variant is in (see {@link titleRarityFactors}). */
  readonly mostTitled: Float64Array;

  constructor(terms: readonly QueryTerm[], view: IndexView) {
    this.words = (view.articles.length + 31) >>> 5;
    const { words } = this;
    this.bits = new Uint32Array(words * terms.length);
    this.mostTitled = new Float64Array(terms.length);
    terms.forEach((term, i) => {
      const own = this.bits.subarray(i * words, (i + 1) * words);
      for (const variant of term.variants.keys()) {
        const titled = view.articlesTitled(variant);
        this.mostTitled[i] = Math.max(this.mostTitled[i] as number, titled.length);
        if (titled.length < TITLE_BITS_FROM) {
          for (const position of titled) setBit(own, position);
          continue;
        }
        const bits = titleBits(view, variant);
        for (let word = 0; word < words; word += 1) {
          own[word] = (own[word] as number) | (bits[word] as number);
        }
      }
    });
  }

  /** True when the article's title holds question word `term` (by any of its variants). */
  has(position: number, term: number): boolean {
    const word = (this.bits[term * this.words + (position >>> 5)] as number) >>> (position & 31);
    return (word & 1) === 1;
  }
}

/** The question's title hits (its terms array), made when first asked for. */
const hitsOf = new WeakMap<readonly QueryTerm[], { view: IndexView; hits: TitleHits }>();

/** The title hits of a question (by its terms array, as made for it). */
export function titleHits(terms: readonly QueryTerm[], view: IndexView): TitleHits {
  const known = hitsOf.get(terms);
  if (known?.view === view) return known.hits;
  const hits = new TitleHits(terms, view);
  hitsOf.set(terms, { view, hits });
  return hits;
}

/**
 * Per question word, the factor on the title context it gives (see
 * {@link RankingOptions.titleContextRarity}): how rare the titles holding it are, as BM25's
 * idf over the articles' titles (its commonest variant's count), over `titleContextRarity`,
 * from 1 up to `titleContextMaxBoost`. In a library of a few articles every title word is
 * about equally rare and the factor is 1; in an archive, "nuclear" in 37 titles of 14,392
 * says which story is meant (1.75), "Trump" in 865 much less (1.12).
 */
export function titleRarityFactors(
  terms: readonly QueryTerm[],
  view: IndexView,
  options: Readonly<RankingOptions>,
): Float64Array {
  const factors = new Float64Array(terms.length).fill(1);
  const count = view.articles.length;
  const { mostTitled } = titleHits(terms, view);
  terms.forEach((_, i) => {
    const titled = mostTitled[i] as number;
    if (titled === 0) return;
    const rarity = Math.log(1 + (count - titled + 0.5) / (titled + 0.5));
    factors[i] = Math.max(
      1,
      Math.min(options.titleContextMaxBoost, rarity / options.titleContextRarity),
    );
  });
  return factors;
}
