import type { Article } from "../article/types.ts";
import { metadataAnswer, metadataField } from "../answer/metadata.ts";
import type { IndexData } from "../index/index-data.ts";
import { IndexView } from "../index/view.ts";
import { LRUCache } from "lru-cache";
import { DEFAULT_RANKING, type RankingOptions } from "../options.ts";
import { CACHE_SIZES, WARMING } from "../speed-tuning.ts";
import { normalizeDiscordText } from "../text/normalize.ts";
import { setApartWords } from "./exclusions.ts";
import { limitOf, Ranker, type Ranked } from "./ranker.ts";
import type { Answer, AskOptions, Citation, ExplainedCitation } from "./types.ts";
import type { DeclineReason } from "./verdict.ts";

/**
 * Questions that take each path of the ranking once (a name, a date, a count, a sum, a
 * place, a definition asked for; Discord's markup and a misspelt word): made of a title's
 * words, so that they find passages in any library. Answering one compiles the regular
 * expressions and the code of its path; a first "who" question after a start cost 44 ms
 * of CPU when only the title itself was asked, against 2–10 ms for later ones.
 */
function warmingQuestions(title: string): string[] {
  const words = title.split(/\s+/u).filter((word) => /\p{L}{4,}/u.test(word));
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), "");
  // Two letters of its longest word swapped: the misspelling look-up runs.
  const misspelt =
    longest.length >= 6
      ? title.replace(
          longest,
          `${longest.slice(0, 2)}${longest[3]}${longest[2]}${longest.slice(4)}`,
        )
      : title;
  return [
    title,
    `who ${title}?`,
    `when ${title}?`,
    `how many ${title}?`,
    `how much ${title}?`,
    `where ${title}?`,
    `what is ${words[0] ?? title}?`,
    `<@1> ${misspelt.toLowerCase()} 🤔`,
  ];
}

/**
 * The search index over articles: sentences are the unit, scored with their
 * neighbours, paragraph and article as context. Pure computation over loaded
 * articles: no files, no Discord, no network. Answers one question at a time.
 */
export class CitationIndex {
  readonly articles: readonly Article[];
  readonly options: Readonly<RankingOptions>;
  private readonly view: IndexView;
  /** Ranks each question (ranker.ts); this class routes questions to it. */
  private readonly ranker: Ranker;
  /** Indexes of one article each, by article position (see {@link RankingOptions.articleAlone}). */
  private readonly alone = new LRUCache<number, CitationIndex>({
    max: CACHE_SIZES.articleIndexes,
    maxSize: CACHE_SIZES.articleIndexSentences,
    sizeCalculation: (index) => Math.max(1, index.size),
  });

  /**
   * @param articles - the loaded articles.
   * @param options - ranking options merged over {@link DEFAULT_RANKING}.
   * @param data - a saved index of exactly these articles, to skip tokenising.
   */
  constructor(
    articles: readonly Article[],
    options: Partial<RankingOptions> = {},
    data?: IndexData,
  ) {
    this.articles = articles;
    this.options = Object.freeze({ ...DEFAULT_RANKING, ...options });
    this.view = new IndexView(articles, data);
    this.ranker = new Ranker(this.view, this.options);
  }

  /**
   * Builds the tables that are otherwise made when the first question needs them (every
   * title's terms and the articles they title, the articles' words as word vectors, which
   * loads the vector table, and the dictionary's first look-up): on the whole archive they
   * made the first answer after a start cost about half a second more than the next ones.
   * Answers are the same either way; a front end calls this once the index is ready, before
   * questions come in.
   */
  warm(): void {
    void this.view.titleVocabulary;
    this.view.articlesTitled("");
    this.ranker.warm();
    this.options.synonyms?.knows("article");
    // Questions made of titles' words run the ranking code for each kind of answer, so that
    // the engine compiles it now rather than during the first real questions.
    // Titles spread evenly from the first article to the last.
    const count = this.articles.length;
    const titles = Math.min(WARMING.titles, count);
    for (let i = 0; i < titles; i += 1) {
      const title = this.articles[Math.floor((i * count) / titles)]?.title;
      if (title) for (const question of warmingQuestions(title)) this.ask(question);
    }
  }

  /** Number of indexed sentences. */
  get size(): number {
    return this.view.size;
  }

  /** The index's data, for saving. */
  get indexData(): IndexData {
    return this.view.data;
  }

  /** Finds an article by id. */
  article(id: string): Article | undefined {
    const position = this.view.articlePosition(id);
    return position === undefined ? undefined : this.articles[position];
  }

  /**
   * Answers a question: ranked citations, whether the articles cover it, and a
   * short answer when the question asks for one.
   */
  ask(question: string, options: AskOptions = {}): Answer {
    return this.answer(question, options, false).answer;
  }

  /**
   * Like {@link ask}, with the reasons for each citation's rank, the words the question sets
   * apart ("2022" of "…, not 2022"), which no passage was credited for, and why a declined
   * question is declined (the first test of the verdict its best passage fails).
   */
  explain(
    question: string,
    options: AskOptions = {},
  ): {
    answer: Answer;
    citations: ExplainedCitation[];
    setApart: string[];
    declined?: DeclineReason;
  } {
    const ranked = this.answer(question, options, true) as Ranked<ExplainedCitation>;
    return { ...ranked, setApart: setApartWords(normalizeDiscordText(question)) };
  }

  private answer(asked: string, options: AskOptions, explain: boolean): Ranked<Citation> {
    const alone = this.indexOfArticleAlone(options.article);
    if (alone) return alone.answer(asked, options, explain);
    // What Discord adds around the words (mentions, emoji, markdown) is no part of the
    // question; the answer still quotes the question as asked.
    const question = this.ranker.withoutAddressee(
      normalizeDiscordText(asked),
      normalizeDiscordText,
    );
    const ranked = this.ranker.rank(question, options, explain);
    const field = metadataField(question);
    if (field === undefined) return { ...ranked, answer: { ...ranked.answer, question: asked } };
    // A question about the article itself: the one asked for, the only one, or the
    // one the question's other words point to.
    const chosen =
      (options.article !== undefined ? this.article(options.article) : undefined) ??
      (this.articles.length === 1 ? this.articles[0] : undefined) ??
      (ranked.citations[0] ? this.article(ranked.citations[0].article) : undefined);
    const result = chosen
      ? metadataAnswer(field, chosen, ranked, limitOf(options, this.options), explain)
      : ranked;
    return { ...result, answer: { ...result.answer, question: asked } };
  }

  /**
   * The index of one article alone, for a question asked of it, when
   * {@link RankingOptions.articleAlone} is on and other articles are loaded: undefined otherwise,
   * for an id that is not loaded (which finds nothing) and for an article too long to index a
   * second time ({@link CACHE_SIZES}.articleAloneMaxSentences).
   */
  private indexOfArticleAlone(id: string | undefined): CitationIndex | undefined {
    if (id === undefined || !this.options.articleAlone || this.articles.length <= 1)
      return undefined;
    const position = this.view.articlePosition(id);
    if (position === undefined) return undefined;
    const sentences =
      (this.view.articleFirst[position + 1] ?? this.size) - (this.view.articleFirst[position] ?? 0);
    if (sentences > CACHE_SIZES.articleAloneMaxSentences) return undefined;
    let index = this.alone.get(position);
    if (!index) {
      index = new CitationIndex([this.articles[position] as Article], this.options);
      this.alone.set(position, index);
    }
    return index;
  }
}
