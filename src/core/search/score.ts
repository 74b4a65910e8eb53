import { articleFactors, countArticles } from "./article-relevance.ts";
import { titleHits, titleRarityFactors } from "./title-hits.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { type ResolvedVariant, type Shortlister } from "./shortlist.ts";
import {
  ascendingUnique,
  bestInParagraphsAndArticles,
  bestInQuestions,
  neighbourRows,
} from "./context-tables.ts";
import { CandidateTables, ScoredCandidate } from "./scored-candidate.ts";
import type { QueryTerm } from "./query.ts";
import { isNumeral } from "../text/lexicon.ts";
import { termsIn, variantWords } from "./context-words.ts";
import { Place, TermNote } from "./term-notes.ts";

/** A shortlisted sentence, scored. */
export interface Candidate {
  readonly sentenceId: number;
  score: number;
  /** Share of the question's weight found in or around it (the answered/declined test). */
  coverage: number;
  /** -1 or +1: quote the previous or next sentence too; 0: the sentence alone. */
  withNeighbor: number;
  /**
   * True when the question names something (spelt out) that its article never mentions,
   * not even in a title or heading: the passage is about something else ("revenue in
   * Europe" asked of an article about China), however much else it shares with the question.
   */
  missingName: boolean;
  /**
   * True when the question asks for an attribute ("the range of the Model S") that
   * neither the passage's paragraph nor its headings mention: it answers something else.
   */
  missingAttribute: boolean;
  /** True when it holds the kind of answer asked for (set by the answer-kind pass). */
  kindFits: boolean;
  /**
   * What its short answer added to its score (`shortAnswerBonus`): it may change the order,
   * not how sure the reply sounds (the close call is judged without it).
   */
  answerCredit: number;
  /** Per question word: the credit it got. */
  readonly credits: Float64Array;
  /** Per question word: a {@link Place}. */
  readonly places: Uint8Array;
  /** Per question word: {@link TermNote} bits, for explaining. */
  readonly notes: Uint16Array;
  /** Per question word: credit withheld until a possible initialism is found spelt out (Initialisms). */
  readonly withheld: Float64Array;
}

/**
 * Scores shortlisted sentences with their context: each question word counts
 * where it is found best (the sentence, a neighbour, the paragraph, the article
 * or its title), weighed by its weight and discounted when it is the article's
 * topic. Returns the candidates, best first.
 */
export function scoreCandidates(
  shortlist: readonly number[],
  terms: readonly QueryTerm[],
  resolved: readonly ResolvedVariant[][],
  view: IndexView,
  options: Readonly<RankingOptions>,
  shortlister: Shortlister,
): Candidate[] {
  const { sentences } = view.data;
  const { neighborCredit, paragraphCredit, articleCredit, askedQuestionCredit } = options;
  const { lengthNormalization } = options;
  // Which question words the headings and lead-in above a paragraph hold, by context: by any
  // stand-in, and by a close one only ("TRADE" above a paragraph is no "capital", a vector
  // neighbour at 0.33: the attribute asked is not said there).
  const inclusion = (minQuality: number) => {
    const words = variantWords(terms, minQuality);
    const byContext = new Map<number, Uint8Array>();
    return (position: number): Uint8Array => {
      let found = byContext.get(position);
      if (!found) {
        const contextTerms = view.contextTermSet(position);
        found = contextTerms
          ? termsIn(terms, words, contextTerms, minQuality)
          : new Uint8Array(terms.length);
        byContext.set(position, found);
      }
      return found;
    };
  };
  const contextHolds = inclusion(0);
  const contextHoldsClosely = inclusion(options.looseMatch);
  // Each question word's best match in the candidates' paragraphs and articles, all found
  // up front (see bestInParagraphsAndArticles).
  const rows = neighbourRows(shortlist, view, shortlister);
  // How much each candidate's article is about the question, counted first: the counts say
  // which words' best variants each article holds, for the context tables below.
  const relevance = options.articleRelevance > 0 && view.articles.length > 1;
  const counted = relevance
    ? countArticles(ascendingUnique(shortlist, sentences.article), resolved, view, options)
    : undefined;
  const { paragraphs: paragraphBest, articles: articleBest } = bestInParagraphsAndArticles(
    shortlist,
    resolved,
    view,
    shortlister,
    rows,
    counted,
  );
  // In a transcript, the reporter's question a passage answers is what it is about.
  const asked = bestInQuestions(shortlist, resolved, view);
  // Which question words an article's title holds: the question's table of title hits.
  const hits = titleHits(terms, view);
  const titleRarity = titleRarityFactors(terms, view, options);
  const candidates: Candidate[] = [];
  const tables = new CandidateTables(shortlist.length, terms.length);
  // A number or a Roman numeral: as part of a name ("Model 3", "Artemis III"), it says which one.
  const numeral = terms.map((term) => isNumeral(term.word));
  const { looseMatch } = options;
  // Per question word, 1 where the candidate's article's title holds it (refilled a candidate).
  const inTitle = new Uint8Array(terms.length);
  // A loop, and no closure a candidate: the ~180 candidates' closures were most of the bytes a
  // question allocated.
  for (let k = 0; k < shortlist.length; k += 1) {
    const sentenceId = shortlist[k] as number;
    const paragraphKey = sentences.paragraphKey[sentenceId] as number;
    const articlePosition = sentences.article[sentenceId] as number;
    // This paragraph's and this article's best matches: paragraph[paragraphAt + i] for word i.
    const paragraph = paragraphBest.qualities;
    const paragraphAt = (paragraphBest.rowOfCandidate[k] as number) * terms.length;
    const article = articleBest.qualities;
    const articleAt = (articleBest.rowOfCandidate[k] as number) * terms.length;
    for (let i = 0; i < terms.length; i += 1) inTitle[i] = hits.has(articlePosition, i) ? 1 : 0;
    const askedRow = asked.rowOfCandidate[k] as number;
    const askedAt = askedRow * terms.length;
    // The headings and lead-in above the paragraph are part of what it says.
    const contextPosition = view.data.contextOf[paragraphKey] ?? -1;
    const inContext = contextHolds(contextPosition);
    const closeInContext = contextHoldsClosely(contextPosition);
    const length = sentences.length[sentenceId] as number;
    const lengthFactor = Math.min(
      options.maxLengthBoost,
      1 / (1 - lengthNormalization + (lengthNormalization * length) / view.data.averageLength),
    );
    // This candidate's row of the question's tables (see ScoredCandidate).
    const row = k * terms.length;
    const { credits, places, notes } = tables;
    let score = 0;
    let covered = 0;
    let possible = 0;
    let gainPrevious = 0;
    let gainNext = 0;
    let missingName = false;
    let missingAttribute = false;
    // The rows of the sentence and its neighbours in the paragraph, looked up once.
    const hereRow = rows.here[k] as number;
    const previousRow = rows.previous[k] as number;
    const nextRow = rows.next[k] as number;
    for (let i = 0; i < terms.length; i += 1) {
      const term = terms[i] as QueryTerm;
      const here = shortlister.qualityInRow(hereRow, i);
      const previous = shortlister.qualityInRow(previousRow, i);
      const next = shortlister.qualityInRow(nextRow, i);
      // The best of: in the sentence, next to it, in its paragraph, in its article.
      let credit = here;
      let place: number = here > 0 ? Place.sentence : Place.nowhere;
      const around = neighborCredit * Math.max(previous, next);
      if (around > credit) {
        credit = around;
        place = Place.neighbor;
      }
      const inParagraph =
        paragraphCredit * Math.max(paragraph[paragraphAt + i] as number, inContext[i] ?? 0);
      const inQuestion =
        askedRow < 0 ? 0 : askedQuestionCredit * (asked.qualities[askedAt + i] as number);
      let note = 0;
      if (Math.max(inParagraph, inQuestion) > credit) {
        credit = Math.max(inParagraph, inQuestion);
        place = Place.paragraph;
        if (inQuestion > inParagraph) note |= TermNote.askedQuestion;
      }
      const inArticle = articleCredit * Math.max(article[articleAt + i] as number, inTitle[i] ?? 0);
      if (inArticle > credit) {
        credit = inArticle;
        place = Place.article;
      }
      // What the rules below take away only for want of a possible initialism ("EO 14241" in
      // a passage saying "Executive Order 14241") is withheld, and given back where the
      // passage spells it out (Initialisms).
      const before = credit;
      let byInitialismOnly = true;
      const { modifier, partners } = term;
      if (
        modifier !== undefined &&
        modifier !== i &&
        lacks(article, articleAt, inTitle, inContext, modifier, looseMatch)
      ) {
        credit *= options.modifierMissingCredit;
        note |= TermNote.modifierMissing;
        byInitialismOnly &&= initialismOnly(terms, modifier);
      }
      // A loop, not filter(): an array for every word of every candidate.
      for (const partner of partners) {
        if (!lacks(article, articleAt, inTitle, inContext, partner, looseMatch)) continue;
        credit = 0;
        note |= TermNote.partnerMissing;
        byInitialismOnly &&= initialismOnly(terms, partner);
      }
      tables.withheld[row + i] = credit < before && byInitialismOnly ? before : 0;
      // "Executive Order 14004": a passage that says the name's words but not its number,
      // in it or next to it, names another of its kind ("Today, … signed an Executive Order").
      let numberMissing = false;
      if (credit > 0) {
        for (const p of partners) {
          numberMissing ||=
            numeral[p] === true &&
            Math.max(
              shortlister.qualityInRow(hereRow, p),
              shortlister.qualityInRow(previousRow, p),
              shortlister.qualityInRow(nextRow, p),
            ) < looseMatch;
        }
      }
      if (numberMissing) {
        credit *= options.nameNumberMissingCredit;
        note |= TermNote.numberMissing;
      }
      // A name this article never mentions: the passage is about something else.
      const absent = lacks(article, articleAt, inTitle, inContext, i, looseMatch);
      const weight = absent ? term.weightIfAbsent : term.weight;
      if (term.fullName && credit === 0 && absent) {
        missingName = true;
        note |= TermNote.missingName;
      }
      const near = Math.max(here, previous, next, paragraph[paragraphAt + i] as number);
      if (term.attribute && near < options.looseMatch && !closeInContext[i]) {
        missingAttribute = true;
        note |= TermNote.attributeMissing;
      }
      // A word of the article's title is its topic: it says little about which passage answers.
      const topical = inTitle[i] ? options.titleDiscount : 1;
      if (absent && term.weightIfAbsent !== term.weight) note |= TermNote.absentName;
      if (inTitle[i]) note |= TermNote.title;
      credits[row + i] = credit;
      places[row + i] = place;
      notes[row + i] = note;
      if (!term.lowInformation) covered += weight * credit;
      possible += weight;
      // The title is the context of every passage under it: the part of a title word's
      // weight that the discount takes from the sentence, the title gives to every passage
      // of the article, so passages of the story about the question are not worse off than
      // a stray sentence elsewhere (order within the article is unchanged). A title word
      // that few of many titles hold gives more (titleRarityFactors).
      const titleContext = inTitle[i]
        ? (1 - topical) * options.titleContextCredit * (titleRarity[i] as number)
        : 0;
      score +=
        weight * (topical * credit * (place === Place.sentence ? lengthFactor : 1) + titleContext);
      gainPrevious += term.weight * Math.max(0, previous - here);
      gainNext += term.weight * Math.max(0, next - here);
    }
    const withNeighbor = gainNext > 0 && gainNext >= gainPrevious ? 1 : gainPrevious > 0 ? -1 : 0;
    candidates.push(
      new ScoredCandidate(
        sentenceId,
        score,
        possible > 0 ? covered / possible : 0,
        withNeighbor,
        missingName,
        missingAttribute,
        tables,
        row,
      ),
    );
  }
  if (counted) {
    const factors = articleFactors(counted, terms, view, options);
    for (const candidate of candidates) {
      candidate.score *= factors.get(sentences.article[candidate.sentenceId] as number) ?? 1;
    }
  }
  candidates.sort(byScore);
  return candidates;
}

/** True when the article lacks question word `m` (not even in its title or the headings above the paragraph). */
function lacks(
  article: Float64Array,
  articleAt: number,
  inTitle: Uint8Array,
  inContext: Uint8Array,
  m: number,
  looseMatch: number,
): boolean {
  return (article[articleAt + m] as number) < looseMatch && !inTitle[m] && !inContext[m];
}

/** Of the words a rule of names needs: one that may be an initialism ("EO" of "EO 14241"). */
function initialismOnly(terms: readonly QueryTerm[], m: number): boolean {
  return (terms[m] as QueryTerm).initialism !== undefined;
}

/** Best score first; the earlier sentence among equals. */
export function byScore(a: Candidate, b: Candidate): number {
  // Compared rather than subtracted: the same order, without a number made for each comparison.
  if (b.score > a.score) return 1;
  if (b.score < a.score) return -1;
  return a.sentenceId - b.sentenceId;
}
