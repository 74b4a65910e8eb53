// Ranking one question over an index, from its words to an answer: the question's terms, the
// shortlist, the scores, the reranks (initialisms and acronyms, passages that ask, speakers,
// other roles, the kind of answer), the citations (each passage quoted once), whether they
// answer the question (verdict.ts), and its short answer. CitationIndex (citation-index.ts) routes
// questions here.

import type { CountedThing } from "../answer/counted.ts";
import { expectedAnswer, type AnswerType } from "../answer/expected.ts";
import { asksForName } from "../answer/name-asked.ts";
import { questionKind } from "../answer/kinds.ts";
import { extractShortAnswer } from "../answer/short-answer.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { DEFINITION_FRAME } from "../text/lexicon.ts";
import { foldCase, tokenize } from "../text/tokenize.ts";
import { cite, plainCitation } from "./cite.ts";
import { withoutExcluded } from "./exclusions.ts";
import { OtherRoles } from "./other-role.ts";
import { Initialisms } from "./initialisms.ts";
import { alternativeTokens } from "./alternatives.ts";
import { Acronyms } from "./acronyms.ts";
import { countedThing } from "./counted-thing.ts";
import { AskedSentences } from "./asked-sentences.ts";
import { KindFit, needsKind } from "./kind-fit.ts";
import { NameEvidence } from "./names.ts";
import { publisherAsSubject, publisherKeys } from "./publisher.ts";
import { queryTerms } from "./query.ts";
import { scoreCandidates, type Candidate } from "./score.ts";
import { withoutAddressee } from "./addressee.ts";
import { resolveVariants, Shortlister } from "./shortlist.ts";
import { asksName, judgeVerdict, type DeclineReason } from "./verdict.ts";
import { Speakers } from "./speakers.ts";
import type { Answer, AskOptions, Citation } from "./types.ts";
import { VariantFinder } from "./variants.ts";

/** An answer and its citations, explained or not. */
export interface Ranked<C extends Citation> {
  readonly answer: Answer;
  readonly citations: C[];
  /** Explained, why the question is declined (see {@link DeclineReason}). */
  readonly declined?: DeclineReason;
}

/** How many citations a question gets: its own `limit`, else the ranking's, at least one. */
export function limitOf(options: AskOptions, ranking: Readonly<RankingOptions>): number {
  return Math.max(1, Math.floor(options.limit ?? ranking.limit));
}

/** Ranks questions over one index; holds the per-index helpers each stage needs. */
export class Ranker {
  private readonly variants: VariantFinder;
  private readonly shortlister: Shortlister;
  private readonly kindFit: KindFit;
  private readonly speakers: Speakers;
  private readonly otherRoles: OtherRoles;
  private readonly initialisms: Initialisms;
  private readonly acronyms: Acronyms;
  private readonly asking: AskedSentences;
  private readonly names: NameEvidence;
  private publishers: ReadonlySet<string> | undefined;

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {
    this.variants = new VariantFinder(view, options);
    this.shortlister = new Shortlister(view, options);
    this.speakers = new Speakers(view, options);
    this.kindFit = new KindFit(view, options, this.speakers);
    this.otherRoles = new OtherRoles(view, options);
    this.initialisms = new Initialisms(view, options);
    this.acronyms = new Acronyms(view, options);
    this.asking = new AskedSentences(view, options);
    this.names = new NameEvidence(view, options);
  }

  /** Builds the word-variant tables the first question would otherwise build. */
  warm(): void {
    this.variants.warm();
  }

  /** The question's citations and answer; `explain` adds each citation's reasons. */
  rank(question: string, options: AskOptions, explain: boolean): Ranked<Citation> {
    const limit = limitOf(options, this.options);
    this.variants.beginQuestion();
    const onlyArticle =
      options.article === undefined
        ? undefined
        : (this.view.articlePosition(options.article) ?? -1);
    const kind = questionKind(question);
    // In "what does VCS stand for", only "VCS" is looked for: the rest is the question's frame.
    // In "what's the name of the reporter", "name" is the frame: the reporter is looked for.
    const expected: AnswerType = expectedAnswer(question, this.options.synonyms);
    const nameAsked = asksForName(question, this.options.synonyms, expected);
    // "…, not the June order": the words a contrastive "not" sets apart are no evidence.
    const typed = withoutExcluded(question, tokenize(question));
    this.publishers ??= publisherKeys(this.view.articles);
    const source = publisherAsSubject(typed, this.publishers);
    const tokens = typed.filter(
      (token, position) =>
        (kind !== "definition" || !DEFINITION_FRAME.has(token.word)) &&
        !(nameAsked && (token.word === "name" || token.word === "names")) &&
        !source.has(position),
    );
    const terms = queryTerms(
      tokens,
      this.view,
      this.options,
      this.variants,
      this.names,
      alternativeTokens(question, tokens),
    );
    const totalWeight = terms.reduce((sum, term) => sum + term.weight, 0);
    const empty = {
      answer: { question, answered: false, answer: null, close: false, citations: [] },
      citations: [],
    };
    if (terms.length === 0 || totalWeight === 0)
      return explain ? { ...empty, declined: "no-passage" } : empty;

    const resolved = resolveVariants(terms, this.view);
    const range: [number, number] =
      onlyArticle === undefined
        ? [0, this.view.size - 1]
        : [
            this.view.articleFirst[onlyArticle] ?? 0,
            (this.view.articleFirst[onlyArticle + 1] ?? 0) - 1,
          ];
    const shortlist = this.shortlister.shortlist(terms, resolved, range);
    if (shortlist.length === 0) return explain ? { ...empty, declined: "no-passage" } : empty;
    const candidates = scoreCandidates(
      shortlist,
      terms,
      resolved,
      this.view,
      this.options,
      this.shortlister,
    );
    // What "how many" counts: a number counting something else is no answer.
    const counted = expected === "count" ? countedThing(tokens, terms, this.options) : undefined;
    // "who is josh" asks what Josh is, though "josh" is a verb of saying too.
    const asksSpeaker = expected !== "description" && this.kindFit.asksSpeaker(kind, tokens);
    const ranked = this.kindFit.rerank(
      this.otherRoles.apply(
        this.spoken(
          this.asking.apply(
            this.acronyms.apply(this.initialisms.apply(candidates, terms), terms, question),
            // A heading may name what is asked, but gives no reason.
            expected !== "none",
          ),
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
    // "Where": only a passage that gives a place answers (below), so one that does leads.
    const credited =
      needsKind(expected, kind) || expected === "place"
        ? this.kindFit.creditShortAnswers(ranked, expected, question, totalWeight, counted)
        : ranked;
    // A name asked for: a passage that gives one leads one that cannot answer, when close.
    const namesOnly = asksName(question, expected, nameAsked, this.options);
    const leaders = namesOnly ? this.kindFit.nameFirst(credited) : credited;

    const citations: Citation[] = [];
    // The sentences the first citation quotes (its neighbour too): no runner-up of its own.
    let inFirst: ReadonlySet<number> = new Set();
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
      if (citations.length === 1) inFirst = new Set(citedSentences);
    }
    const { declined, ...judged } = judgeVerdict(
      {
        question,
        kind,
        expected,
        namesOnly,
        tokens,
        terms,
        leaders,
        citations,
        inFirst,
        counted,
        shortAnswerIn: (citation) => this.shortAnswerIn(expected, question, citation, counted),
        publishedOf: this.publishedOf,
      },
      this.view,
      this.options,
    );
    const best = leaders[0];
    const answered = declined === undefined;
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
      ...(explain && declined !== undefined ? { declined } : {}),
    };
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
      this.publishedOf(citation.article),
    );
  }

  /** When an article (by id) was published, for the tense of a date (see extractShortAnswer). */
  private readonly publishedOf = (id: string): string | undefined => {
    const position = this.view.articlePosition(id);
    return position === undefined ? undefined : this.view.articles[position]?.published;
  };

  /** The question without the name it is addressed to ({@link withoutAddressee}). */
  withoutAddressee(question: string, normalize: (text: string) => string): string {
    this.variants.beginQuestion();
    return withoutAddressee(question, normalize, {
      view: this.view,
      options: this.options,
      names: this.names,
      variants: this.variants,
    });
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
}
