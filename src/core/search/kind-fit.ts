import { LRUCache } from "lru-cache";
import { answersIn, patternsOf } from "../answer/answers-in.ts";
import { askedNoun } from "../answer/asked-noun.ts";
import type { CountedThing } from "../answer/counted.ts";
import type { AnswerType } from "../answer/expected.ts";
import { extractShortAnswer, wrongTense } from "../answer/short-answer.ts";
import { definedTerm, type QuestionKind } from "../answer/kinds.ts";
import { SentenceFlag } from "../index/index-data.ts";
import { WH_WORDS } from "../text/lexicon.ts";
import type { IndexView } from "../index/view.ts";
import { TYPO_MATCHING } from "../fixed-tuning.ts";
import { CACHE_SIZES, cacheSizeFor } from "../speed-tuning.ts";
import type { RankingOptions } from "../options.ts";
import { isContentToken, tokenize, type Token } from "../text/tokenize.ts";
import { byScore, type Candidate } from "./score.ts";
import type { Speakers } from "./speakers.ts";

/**
 * Where a passage defines a term: the term (its last word singular or plural), after
 * closing quotes and an abbreviation in brackets, followed by "which"/"that", "is a",
 * "refers to", "means", a dash or a colon ("“automated driving systems” (ADS), which
 * allow…"). Definitions in the text, as news writes them.
 */
function definitionOf(words: readonly string[]): RegExp {
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  const last = escape((words.at(-1) ?? "").replace(/(?:es|s)$/u, ""));
  const head = words.slice(0, -1).map(escape);
  const term = [...head, `${last}(?:e?s)?`].join("[\\s-]+");
  return new RegExp(
    `\\b${term}\\b["”’)]*\\s*(?:\\([^)]{1,16}\\)\\s*)?(?:,\\s*(?:which|that|who|an?)\\b|(?:is|are)\\s+(?:an?|the)\\b|refers?\\s+to\\b|means?\\b|[—–:]|--)`,
    "iu",
  );
}

/**
 * A list of three or more, ending with its last item: "military personnel, veterans, and
 * federal employees." (not "…actual prices, not estimates, and take action").
 */
const LIST =
  /\b[\p{L}-]+(?: [\p{L}-]+){0,2}, [\p{L}-]+(?: [\p{L}-]+){0,2},? (?:and|or) [\p{L}-]+(?: [\p{L}-]+){0,2}(?:[.;:,)—–]|$| (?:in|of|that|who|with|from|across)\b)/u;

/** Question kinds whose answer is a thing to find (a name, a number, a date). */
const EXPECTS_ENTITY: ReadonlySet<QuestionKind> = new Set([
  "person",
  "quantity",
  "time",
  "definition",
]);

/** True when an answer of this kind must be found in the passage for it to answer at all. */
export function needsKind(expected: AnswerType, kind: QuestionKind): boolean {
  return patternsOf(expected).length > 0 || EXPECTS_ENTITY.has(kind);
}

/**
 * Lets the kind of answer asked for decide among the leading candidates: a
 * "who" question wants a name it does not already mention, "how many" a count,
 * "how long" a duration, "when" a time expression, "what does VCS stand for" the
 * brackets that spell it out.
 */
export class KindFit {
  /** Sentences already looked at, and the terms of the names inside them. */
  private readonly names: LRUCache<number, readonly string[]>;

  /**
   * @param speakers - who speaks each passage of a transcript, for "who said …".
   */
  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
    private readonly speakers: Speakers,
  ) {
    this.names = new LRUCache({ max: cacheSizeFor(CACHE_SIZES.names, view.size) });
  }

  /**
   * True when a "who" question asks who said something: a verb of saying after its question
   * word ("who said…", "who warned…", "which official announced…"). Its answer may be the
   * passage's speaker in a transcript, whom the passage itself need not name.
   */
  asksSpeaker(kind: QuestionKind, tokens: readonly Token[]): boolean {
    return kind === "person" && this.asksWhatWasSaid(tokens);
  }

  /** True when a question has a verb of saying after its question word ("what did psaki say about…"). */
  asksWhatWasSaid(tokens: readonly Token[]): boolean {
    const start = tokens.findIndex((token) => WH_WORDS.has(token.word));
    const dictionary = this.options.synonyms;
    if (start < 0 || !dictionary?.speechVerb) return false;
    return tokens
      .slice(start + 1)
      .some((token) => !token.isNumber && (dictionary.speechVerb?.(token.word) ?? false));
  }

  /**
   * Re-ranks the leading candidates (marking `kindFits` on each) and returns
   * them, best first.
   *
   * @param question - the question, as plain text (an expression it already says answers nothing).
   * @param expected - the finer kind of answer expected; names and definitions use `kind`.
   * @param tokens - the question's tokens (all of them, stop words included).
   * @param totalWeight - the question's summed term weight: the bonus is a share of it.
   * @param counted - what a "how many" question counts (see {@link countedThing}).
   * @param asksSpeaker - a "who said" question (see {@link asksSpeaker}): a passage's speaker is a name it holds.
   */
  rerank(
    candidates: readonly Candidate[],
    question: string,
    kind: QuestionKind,
    expected: AnswerType,
    tokens: readonly Token[],
    limit: number,
    totalWeight: number,
    counted?: CountedThing,
    asksSpeaker = false,
  ): Candidate[] {
    // A short word typed in lower case is also the acronym the passage writes ("ivf" is its
    // "IVF"): a name the question already says, typed in either case.
    const asked = new Set(
      tokens.flatMap((token) =>
        isContentToken(token) &&
        !token.acronym &&
        token.word.length <= TYPO_MATCHING.maxAcronymLength
          ? [token.term, token.word.toUpperCase()]
          : [token.term],
      ),
    );
    const abbreviations = tokens.filter(
      (t) => !t.isNumber && t.word.length >= 2 && t.word.length <= 6,
    );
    const defines =
      kind === "definition" && abbreviations.length > 0
        ? new RegExp(
            `\\((?:${abbreviations.map((t) => t.word.replace(/[^a-z0-9]/gu, "")).join("|")})\\)`,
            "iu",
          )
        : undefined;
    const term = kind === "definition" ? definedTerm(question) : undefined;
    const definition = term ? definitionOf(term) : undefined;
    // "Which groups…", "which industries…": members of a kind, often listed by their common
    // names ("military personnel, veterans, and federal employees").
    const noun = kind === "person" ? askedNoun(question, this.options.synonyms) : undefined;
    const listAsked = noun !== undefined && /[^s]s$/u.test(noun.word) && !noun.sense.person;
    const leaders = candidates.slice(0, Math.max(this.options.leaders, limit * 3));
    // "What does SAVE stand for": where the abbreviation is spelt out may be a long sentence
    // that ranks below many that merely use it; the first that defines it joins the leaders.
    if (defines) {
      const defining = candidates
        .slice(leaders.length)
        .find((candidate) => defines.test(this.view.sentenceText(candidate.sentenceId)));
      if (defining) leaders.push(defining);
    }
    const typed = patternsOf(expected).length > 0;
    for (const candidate of leaders) {
      candidate.kindFits = typed
        ? answersIn(expected, this.quotedText(candidate), question, counted).some(
            (found) =>
              expected !== "date" ||
              !wrongTense(found, question, this.publishedOf(candidate.sentenceId)),
          )
        : this.fits(kind, candidate.sentenceId, asked, defines, definition) ||
          (listAsked && LIST.test(this.view.sentenceText(candidate.sentenceId))) ||
          (asksSpeaker && this.spokenBySomeoneElse(candidate.sentenceId, asked));
      if (candidate.kindFits) candidate.score += this.options.kindBonus * totalWeight;
      else if (needsKind(expected, kind)) candidate.score *= this.options.kindMisfit;
    }
    leaders.sort(byScore);
    return leaders;
  }

  /**
   * Of the leading passages that fit the kind asked for, those whose short answer can be read
   * off get {@link RankingOptions.shortAnswerBonus} more: a word of the kind ("one high-level
   * official", "fiscal year 2023") lets a passage fit, the answer itself ("Vice Premier Wang
   * Yang", "by November 24, 2021") answers. Re-sorts and returns `leaders`.
   */
  creditShortAnswers(
    leaders: Candidate[],
    expected: AnswerType,
    question: string,
    totalWeight: number,
    counted?: CountedThing,
  ): Candidate[] {
    const { shortAnswerBonus, shortAnswerLeaders, synonyms } = this.options;
    if (shortAnswerBonus <= 0 || expected === "none") return leaders;
    for (const candidate of leaders.slice(0, shortAnswerLeaders)) {
      if (!candidate.kindFits) continue;
      const article = this.view.data.sentences.article[candidate.sentenceId] as number;
      const { title = "", published } = this.view.articles[article] ?? {};
      const text = this.quotedText(candidate);
      const found = extractShortAnswer(
        expected,
        question,
        text,
        title,
        synonyms,
        counted,
        published,
      );
      if (found !== null) {
        candidate.answerCredit = shortAnswerBonus * totalWeight;
        candidate.score += candidate.answerCredit;
      }
    }
    return leaders.sort(byScore);
  }

  /**
   * When a name is asked for and the first passage gives none, the first of the next that gives
   * one (read by {@link creditShortAnswers}) leads, if it scores within `nameLeadMargin` of the
   * first: "who are the parties to this conflict" is answered by "The parties to the conflict –
   * including Ethiopian National Defense Forces…", not declined for "…the flow of weapons to any
   * parties to the conflict".
   */
  nameFirst(leaders: Candidate[]): Candidate[] {
    const { nameLeadMargin, shortAnswerLeaders } = this.options;
    const first = leaders[0];
    if (nameLeadMargin <= 0 || first === undefined || first.answerCredit > 0) return leaders;
    const floor = first.score * (1 - nameLeadMargin);
    const at = leaders
      .slice(1, shortAnswerLeaders)
      .findIndex((candidate) => candidate.answerCredit > 0 && candidate.score >= floor);
    if (at < 0) return leaders;
    const [named] = leaders.splice(at + 1, 1);
    return [named as Candidate, ...leaders];
  }

  private fits(
    kind: QuestionKind,
    sentenceId: number,
    asked: ReadonlySet<string>,
    defines: RegExp | undefined,
    definition: RegExp | undefined,
  ): boolean {
    const flags = this.view.data.sentences.flags[sentenceId] as number;
    switch (kind) {
      case "definition": {
        // An abbreviation is defined where it stands in brackets after its expansion; a
        // term where a clause or an apposition follows it.
        const text = this.view.sentenceText(sentenceId);
        return (defines?.test(text) ?? false) || (definition?.test(text) ?? false);
      }
      case "quantity":
        return (flags & SentenceFlag.hasNumber) !== 0;
      case "time":
        return (flags & SentenceFlag.hasTime) !== 0;
      case "person":
      case "place":
        // A capitalised word inside the sentence that the question does not name.
        return this.namesIn(sentenceId).some((term) => !asked.has(term));
      default:
        return false;
    }
  }

  /** True when a transcript's passage has a speaker the question does not name. */
  private spokenBySomeoneElse(sentenceId: number, asked: ReadonlySet<string>): boolean {
    const speaker = this.speakers.of(sentenceId);
    return (
      speaker !== undefined &&
      tokenize(speaker).some((token) => isContentToken(token) && !asked.has(token.term))
    );
  }

  /** When the article of a sentence was published, if known. */
  private publishedOf(sentenceId: number): string | undefined {
    const article = this.view.data.sentences.article[sentenceId] as number;
    return this.view.articles[article]?.published;
  }

  /** The sentence and the neighbour it would be quoted with. */
  private quotedText(candidate: Candidate): string {
    const own = this.view.sentenceText(candidate.sentenceId);
    if (candidate.withNeighbor === 0) return own;
    const other = this.view.sentenceText(candidate.sentenceId + candidate.withNeighbor);
    return candidate.withNeighbor < 0 ? `${other} ${own}` : `${own} ${other}`;
  }

  /** Terms of the capitalised words inside a sentence (not its first word). */
  private namesIn(sentenceId: number): readonly string[] {
    let names = this.names.get(sentenceId);
    if (!names) {
      names = tokenize(this.view.sentenceText(sentenceId))
        .filter((token, position) => position > 0 && token.capitalized && !token.isNumber)
        .map((token) => token.term);
      this.names.set(sentenceId, names);
    }
    return names;
  }
}
