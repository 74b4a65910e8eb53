import type { CountedThing } from "../answer/answers-in.ts";
import { expectedAnswer, type AnswerType } from "../answer/expected.ts";
import { questionKind } from "../answer/kinds.ts";
import { metadataAnswer, metadataField } from "../answer/metadata.ts";
import { judgeConfidence } from "../answer/confidence.ts";
import { extractShortAnswer } from "../answer/short-answer.ts";
import type { Article } from "../article/types.ts";
import type { IndexData } from "../index/index-data.ts";
import { IndexView } from "../index/view.ts";
import { LRUCache } from "lru-cache";
import { DEFAULT_RANKING, type RankingOptions } from "../options.ts";
import { CACHE_SIZES } from "../fixed-tuning.ts";
import { DEFINITION_FRAME } from "../text/lexicon.ts";
import { normalizeDiscordText } from "../text/normalize.ts";
import { foldCase, tokenize } from "../text/tokenize.ts";
import { cite, plainCitation } from "./cite.ts";
import { OtherRoles } from "./other-role.ts";
import { Initialisms } from "./initialisms.ts";
import { AskedSentences } from "./asked-sentences.ts";
import { KindFit, needsKind } from "./kind-fit.ts";
import { NameEvidence } from "./names.ts";
import { queryTerms } from "./query.ts";
import { scoreCandidates, type Candidate } from "./score.ts";
import { resolveVariants, Shortlister } from "./shortlist.ts";
import { Speakers } from "./speakers.ts";
import type { Answer, AskOptions, Citation, ExplainedCitation } from "./types.ts";
import { VariantFinder } from "./variants.ts";

/** An answer and its citations, explained or not. */
interface Ranked<C extends Citation> {
  readonly answer: Answer;
  readonly citations: C[];
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
  private readonly variants: VariantFinder;
  private readonly shortlister: Shortlister;
  private readonly kindFit: KindFit;
  private readonly speakers: Speakers;
  private readonly otherRoles: OtherRoles;
  private readonly initialisms: Initialisms;
  private readonly asking: AskedSentences;
  private readonly names: NameEvidence;
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
    this.variants = new VariantFinder(this.view, this.options);
    this.shortlister = new Shortlister(this.view, this.options);
    this.speakers = new Speakers(this.view, this.options);
    this.kindFit = new KindFit(this.view, this.options, this.speakers);
    this.otherRoles = new OtherRoles(this.view, this.options);
    this.initialisms = new Initialisms(this.view, this.options);
    this.asking = new AskedSentences(this.view, this.options);
    this.names = new NameEvidence(this.view, this.options);
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
    this.variants.warm();
    this.options.synonyms?.knows("article");
    // One question made of the first title's words runs the ranking code once, so that the
    // engine compiles it now rather than during the first real question.
    const title = this.articles[0]?.title;
    if (title) this.ask(title);
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

  /** Like {@link ask}, with the reasons for each citation's rank. */
  explain(
    question: string,
    options: AskOptions = {},
  ): { answer: Answer; citations: ExplainedCitation[] } {
    return this.answer(question, options, true) as Ranked<ExplainedCitation>;
  }

  private answer(asked: string, options: AskOptions, explain: boolean): Ranked<Citation> {
    const alone = this.indexOfArticleAlone(options.article);
    if (alone) return alone.answer(asked, options, explain);
    // What Discord adds around the words (mentions, emoji, markdown) is no part of the
    // question; the answer still quotes the question as asked.
    const question = normalizeDiscordText(asked);
    const ranked = this.rank(question, options, explain);
    const field = metadataField(question);
    if (field === undefined) return { ...ranked, answer: { ...ranked.answer, question: asked } };
    // A question about the article itself: the one asked for, the only one, or the
    // one the question's other words point to.
    const chosen =
      (options.article !== undefined ? this.article(options.article) : undefined) ??
      (this.articles.length === 1 ? this.articles[0] : undefined) ??
      (ranked.citations[0] ? this.article(ranked.citations[0].article) : undefined);
    const result = chosen
      ? metadataAnswer(field, chosen, ranked, this.limitOf(options), explain)
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

  private shortAnswerIn(
    expected: AnswerType,
    question: string,
    citation: Citation,
    counted: CountedThing | undefined,
  ) {
    return extractShortAnswer(
      expected,
      question,
      citation.excerpt,
      citation.title,
      this.options.synonyms,
      counted,
    );
  }

  /** The leading passages credited with their speakers, for a question about what someone said. */
  private spoken(
    candidates: Candidate[],
    terms: Parameters<Speakers["credit"]>[1],
    tokens: Parameters<KindFit["asksWhatWasSaid"]>[0],
    totalWeight: number,
  ): Candidate[] {
    if (!this.kindFit.asksWhatWasSaid(tokens)) return candidates;
    return this.speakers.credit(candidates, terms, totalWeight);
  }

  private limitOf(options: AskOptions): number {
    return Math.max(1, Math.floor(options.limit ?? this.options.limit));
  }

  private rank(question: string, options: AskOptions, explain: boolean): Ranked<Citation> {
    const limit = this.limitOf(options);
    const onlyArticle =
      options.article === undefined
        ? undefined
        : (this.view.articlePosition(options.article) ?? -1);
    const kind = questionKind(question);
    // In "what does VCS stand for", only "VCS" is looked for: the rest is the question's frame.
    const tokens = tokenize(question).filter(
      (token) => kind !== "definition" || !DEFINITION_FRAME.has(token.word),
    );
    this.variants.beginQuestion();
    const terms = queryTerms(tokens, this.view, this.options, this.variants, this.names);
    const totalWeight = terms.reduce((sum, term) => sum + term.weight, 0);
    const empty = {
      answer: { question, answered: false, answer: null, close: false, citations: [] },
      citations: [],
    };
    if (terms.length === 0 || totalWeight === 0) return empty;

    const resolved = resolveVariants(terms, this.view);
    const range: [number, number] =
      onlyArticle === undefined
        ? [0, this.size - 1]
        : [
            this.view.articleFirst[onlyArticle] ?? 0,
            (this.view.articleFirst[onlyArticle + 1] ?? 0) - 1,
          ];
    const shortlist = this.shortlister.shortlist(terms, resolved, range);
    if (shortlist.length === 0) return empty;
    const candidates = scoreCandidates(
      shortlist,
      terms,
      resolved,
      this.view,
      this.options,
      this.shortlister,
    );
    const expected: AnswerType = expectedAnswer(question, this.options.synonyms);
    // What "how many" counts: a number counting something else is no answer.
    const counted = expected === "count" ? this.kindFit.countedThing(tokens, terms) : undefined;
    const asksSpeaker = this.kindFit.asksSpeaker(kind, tokens);
    const leaders = this.kindFit.rerank(
      this.otherRoles.apply(
        this.spoken(
          this.asking.apply(this.initialisms.apply(candidates, terms)),
          terms,
          tokens,
          totalWeight,
        ),
        terms,
        question,
      ),
      question,
      kind,
      expected,
      tokens,
      limit,
      totalWeight,
      counted,
      asksSpeaker,
    );

    const citations: Citation[] = [];
    const citedSentences = new Set<number>();
    // The same words in two places (a sentence repeated in a transcript, a paragraph
    // shared by two releases) are quoted once: a second copy tells the reader nothing.
    const citedExcerpts = new Set<string>();
    for (const candidate of leaders) {
      // Two at least, to tell whether the best one is a close call (judgeConfidence).
      if (citations.length >= Math.max(limit, 2)) break;
      if (citedSentences.has(candidate.sentenceId)) continue;
      const citation = cite(
        candidate,
        terms,
        citedSentences,
        this.view,
        this.options,
        explain,
        expected,
      );
      const key = foldCase(citation.excerpt).replace(/\s+/gu, " ").trim();
      if (citedExcerpts.has(key)) continue;
      citedExcerpts.add(key);
      citations.push(citation);
    }
    const best = leaders[0];
    // A question asking for a count, a date, a name… is answered only by a passage holding one.
    // One ordinary word ("which other country is doing one of these") is in too many
    // passages for any of them to answer: a name, or a definition asked for, is specific.
    const topical = terms.filter((term) => !term.lowInformation);
    const tooVague = topical.length === 1 && !topical[0]?.weighing.name && kind !== "definition";
    const answered =
      best !== undefined &&
      !tooVague &&
      best.coverage >= this.options.answerCoverage &&
      !(this.options.declineMissingName && best.missingName) &&
      !(this.options.declineMissingAttribute && best.missingAttribute) &&
      (!needsKind(expected, kind) || best.kindFits);
    const judged = answered
      ? judgeConfidence(expected, question, citations, this.options.synonyms, counted)
      : { answer: null, close: false };
    // "who said …" of a transcript's passage that names nobody else: its speaker.
    const speaker =
      answered && asksSpeaker && judged.answer === null && !judged.close && best
        ? (this.speakers.of(best.sentenceId) ?? null)
        : null;
    const { answer: shortAnswer, close } = { ...judged, answer: judged.answer ?? speaker };
    // Explained, each citation says what short answer it holds (evidence of the kind asked for).
    const shown = citations
      .slice(0, limit)
      .map((citation) =>
        explain
          ? { ...citation, shortAnswer: this.shortAnswerIn(expected, question, citation, counted) }
          : citation,
      );
    const plain = explain ? shown.map(plainCitation) : shown;
    return {
      answer: { question, answered, answer: shortAnswer, close, citations: plain },
      citations: shown,
    };
  }
}
