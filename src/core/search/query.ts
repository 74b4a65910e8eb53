import { isYear } from "../answer/years.ts";
import type { IndexView } from "../index/view.ts";
import { TYPO_MATCHING } from "../fixed-tuning.ts";
import type { RankingOptions } from "../options.ts";
import {
  AUXILIARIES,
  IRREGULAR_FORMS,
  LOW_INFORMATION_WORDS,
  STOP_WORDS,
} from "../text/lexicon.ts";
import { spellsOut } from "../text/initials.ts";
import { isContentToken, type Token } from "../text/tokenize.ts";
import { askedAttribute } from "./attribute.ts";
import {
  kindNounAsked,
  letterAfterWord,
  measureAsked,
  untilNow,
  mistypedFunctionWord,
} from "./question-words.ts";
import { addCompoundSynonyms, commonCompounds, compoundNames } from "./compound-names.ts";
import { addPhrasalVerbs } from "./phrasal-verbs.ts";
import { addDescribedTerms } from "./described-terms.ts";
import { initialismOf } from "./initialisms.ts";
import { linkComplements, linkNames } from "./query-links.ts";
import { addMetonyms } from "./metonymy.ts";
import type { NameEvidence } from "./names.ts";
import type { TermWeighing } from "./types.ts";
import type { VariantFinder, VariantMap } from "./variants.ts";

/** Shorter names are letters or abbreviations ("d" of "R&D", "EU"), which articles spell in many ways. */
const MIN_FULL_NAME_LENGTH = 3;

/** A question word, what stands for it in the index, and how much it weighs. */
export interface QueryTerm {
  readonly word: string;
  /** How the weight was reached (for `--explain`). */
  readonly weighing: TermWeighing;
  readonly weight: number;
  readonly variants: VariantMap;
  /**
   * Position (in the question's terms) of the word just before this one ("stock" in
   * "stock price"): where the passage's article lacks it, this word counts less.
   */
  readonly modifier?: number | undefined;
  /** Positions of the other words of the name this word is part of ("3" for "Model" in "Model 3"). */
  readonly partners: number[];
  /** A word that names no topic ("today"): found, it is no evidence that a passage answers. */
  readonly lowInformation: boolean;
  /** Weight of a name where the passage's article never mentions it (a missing name weighs most). */
  readonly weightIfAbsent: number;
  /**
   * True when the word is a name (a person, a place, a company; see {@link NameEvidence})
   * spelt out, not a letter or an abbreviation: an article without "Europe" is not about
   * Europe, but one without "US" may say "United States".
   */
  readonly fullName: boolean;
  /**
   * True for the attribute the question asks about: "range" in "what is the range of the
   * Model S". A passage that never says it answers about something else of the Model S.
   */
  readonly attribute: boolean;
  /**
   * The letters of the initialism the word may be ("eo", "ev"), when the articles never write
   * it: a passage that spells it out ("Executive Order") holds it (see Initialisms).
   */
  readonly initialism: string | undefined;
}

/**
 * Turns a question's tokens into weighted query terms: each content word once,
 * weighed by its rarity in the articles and by what kind of word it is, with
 * the modifiers and multi-word names that tie words together.
 */
export function queryTerms(
  tokens: readonly Token[],
  view: IndexView,
  options: Readonly<RankingOptions>,
  finder: VariantFinder,
  names: NameEvidence,
  /** The words of the alternatives the question offers (search/alternatives.ts). */
  alternatives: ReadonlySet<Token> = new Set(),
): QueryTerm[] {
  const content = tokens.map((token, position) =>
    (isContentToken(token) && !mistypedFunctionWord(token, view, options)) ||
    letterAfterWord(tokens, position)
      ? token
      : undefined,
  );
  // Whether a word names something, from evidence that does not depend on the asker's capitals.
  const compounds = compoundNames(tokens, content, options);
  const inCompoundName = new Set(compounds.flatMap((compound) => compound.tokens));
  // An acronym typed in lower case that the articles never write ("ioc", "ftc"): a name when
  // the dictionary spells it out, as the same word typed in capitals is. A phrase that holds the
  // word itself spells nothing out: "Sir Joseph Banks" makes no acronym of "banks"; nor is a
  // word the dictionary knows as an adjective or a verb one ("far" of "so far" is no "FAR"); nor
  // one whose phrase it does not spell ("exec", the dictionary's "White House"). "fdrs" is
  // "fdr's" typed without its apostrophe (or a plural): its letters but the "s" spell it.
  const spells = (word: string, phrase: string) =>
    spellsOut(word, phrase) || (word.endsWith("s") && spellsOut(word.slice(0, -1), phrase));
  const spelledAcronym = (token: Token) =>
    !token.acronym &&
    !token.isNumber &&
    token.word.length >= MIN_FULL_NAME_LENGTH &&
    token.word.length <= TYPO_MATCHING.maxAcronymLength &&
    !STOP_WORDS.has(token.word) &&
    !view.has(token.term) &&
    !(options.synonyms?.adjective?.(token.word) ?? false) &&
    !(options.synonyms?.verb?.(token.word) ?? false) &&
    (options.synonyms?.phraseSynonyms?.(token.word) ?? []).some(
      (phrase) => !phrase.includes(token.word) && spells(token.word, phrase.join(" ")),
    );
  const isName = (token: Token) =>
    inCompoundName.has(token) || names.isName(token) || spelledAcronym(token);
  const variantsByTerm = new Map<string, VariantMap>();
  content.forEach((token) => {
    if (token && !variantsByTerm.has(token.term)) {
      variantsByTerm.set(token.term, finder.variantsOf(token, isName(token)));
    }
  });
  addMetonyms(tokens, content, isName, variantsByTerm, view, options);
  addCompoundSynonyms(compounds, variantsByTerm, view, options);
  addCompoundSynonyms(commonCompounds(content, options), variantsByTerm, view, options);
  addPhrasalVerbs(tokens, content, variantsByTerm, view, options);
  addDescribedTerms(content, isName, variantsByTerm, view, options);
  // A stand-in that is another word of the question stands for that word only: in "stock
  // price", "price" is no evidence of "stock".
  const asked = new Set(variantsByTerm.keys());
  for (const [term, variants] of variantsByTerm) {
    const own = [...variants].filter(
      ([variant, match]) => match.how === "exact" || !asked.has(variant) || variant === term,
    );
    if (own.length < variants.size) variantsByTerm.set(term, new Map(own));
  }
  /** True when nothing in the articles stands for the word: no synonym, no close spelling (a definition word is too loose). */
  const unmatched = (token: Token) =>
    [...(variantsByTerm.get(token.term) ?? [])].every(
      ([term, match]) => !view.has(term) || match.quality < options.looseMatch,
    );
  const attributeAt = askedAttribute(tokens, content, isName, options);
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  const positionOf = new Map<string, number>();
  content.forEach((token, position) => {
    if (!token || seen.has(token.term)) return;
    seen.add(token.term);
    const variants = variantsByTerm.get(token.term) as VariantMap;
    // A word absent from the articles weighs as much as the rarest word they have.
    // A word the articles have (as itself or as its acronym) weighs by its own rarity.
    // Of its exact forms ("ai" the name, "AI" the acronym), the commonest tells its rarity.
    const exactForms = [...variants].filter(
      ([term, match]) => match.how === "exact" && view.has(term),
    );
    const exact = exactForms.length > 0;
    let weight = exact ? Math.min(...exactForms.map(([term]) => view.idf(term))) : 0;
    let rarityOf: TermWeighing["rarityOf"] = "word";
    // A misspelling ("allowd") is as rare as the article word it misspells, not as the rarest.
    const misspelt = [...variants].filter(
      ([term, match]) =>
        match.how === "fuzzy" && match.quality >= options.looseMatch && view.has(term),
    );
    if (!exact && misspelt.length > 0) {
      weight = Math.max(...misspelt.map(([term]) => view.idf(term)));
      rarityOf = "misspelt";
    } else if (!exact) {
      for (const [term, match] of variants) {
        const idf = view.has(term) ? view.idf(term) : view.idf(token.term);
        const candidate = term === token.term ? idf : idf * match.quality;
        if (candidate <= weight) continue;
        weight = candidate;
        rarityOf = term === token.term && !view.has(term) ? "absent" : "stand-in";
      }
    }
    const idf = weight;
    const factors: TermWeighing["factors"][number][] = [];
    const lowInformation =
      LOW_INFORMATION_WORDS.has(token.word) ||
      measureAsked(tokens, position) ||
      untilNow(tokens, position) ||
      kindNounAsked(tokens, position);
    if (lowInformation) {
      weight *= options.lowInformationWeight;
      factors.push({ why: "low-information", factor: options.lowInformationWeight });
    }
    // Names are the most specific words of a question; one the articles never mention
    // ("Apple", "Beijing") means the question is about something else.
    // The articles' own topics (words of their titles, "Tesla") are no rarer for being names.
    let nameFactor = 1;
    // A name only a title has ("Harris" of "Remarks by Vice President Harris", whose text
    // says "THE VICE PRESIDENT:") is the article's topic, not missing.
    // "fcpa" typed in lower case is the titles' "FCPA": its exact forms count, as "FCPA" would.
    const inTitles = [...variants].some(
      ([term, match]) => match.how === "exact" && view.titleVocabulary.has(term),
    );
    // "How much did americans lose to cyber fraud in 2023": a year no article mentions asks
    // about another time than theirs ("In 2024, American consumers reported losing…"), as a
    // name no article mentions asks about something else.
    const absentYear = token.isNumber && isYear(token.word) && !view.has(token.term);
    const named = isName(token) || names.unknownEverywhere(token, variants) || absentYear;
    // An alternative the articles never name is the other answer, not a missing topic.
    const alternative = alternatives.has(token);
    const missingName = named && unmatched(token) && !inTitles && !alternative;
    if (named) {
      if (missingName) nameFactor = options.missingNameWeight;
      else if (!inTitles) nameFactor = options.nameWeight;
    }
    weight *= nameFactor;
    if (named) {
      const why = nameFactor === 1 ? "topic-name" : missingName ? "missing-name" : "name";
      factors.push({ why, factor: nameFactor });
    }
    if (alternative) {
      weight *= options.alternativeWeight;
      factors.push({ why: "alternative", factor: options.alternativeWeight });
    }
    if (!named && !token.isNumber && unmatched(token)) {
      // An ordinary word the articles lack is more often the asker's wording than a
      // missing fact; names and numbers keep their full weight. After "did", "will",
      // "can"… it is most often the question's verb, which articles word in many ways
      // ("grow" for "tripled").
      const afterAuxiliary = tokens.slice(0, position).some((t) => AUXILIARIES.has(t.word));
      const factor = afterAuxiliary ? options.unknownVerbWeight : options.unknownWordWeight;
      weight *= factor;
      factors.push({ why: afterAuxiliary ? "unknown-verb" : "unknown-word", factor });
    }
    // "stock price", "Model 3 cars": where the word before is missing, a "price" or
    // "cars" found is probably another one.
    // A verb is no modifier: in "have companies gotten government contracts", a passage
    // without "gotten" may still hold the government's contracts.
    const before = position > 0 ? content[position - 1] : undefined;
    const beforeIsVerb =
      before !== undefined &&
      !isName(before) &&
      (options.synonyms?.mostlyVerb?.(IRREGULAR_FORMS.get(before.word) ?? before.word) ?? false);
    const modifier = before && !beforeIsVerb ? positionOf.get(before.term) : undefined;
    // From a passage's point of view, a name its article never mentions is missing
    // altogether: it weighs as a name missing from every article does.
    // Alone: a word of a name of several ("White House", "AI Action Plan") is that name's.
    // "chinese money": a name the dictionary knows as an adjective ("Chinese") before the word
    // describes it, and leaves it alone (not so a name after it: "house" of "house speaker").
    const describes = (next: Token) =>
      next === content[position - 1] && (options.synonyms?.adjective?.(next.word) ?? false);
    const alone = ![content[position - 1], content[position + 1]].some(
      (next) => next !== undefined && isName(next) && !describes(next),
    );
    // A weak name: "house", a name to the ranker for the articles' "White House", is an English
    // word the dictionary writes as no name, capitalised only inside longer names. An acronym's
    // term keeps its capitals ("AI"): the articles' acronym is a name of theirs.
    const weakName =
      named &&
      alone &&
      view.has(token.term) &&
      token.term === token.term.toLowerCase() &&
      names.commonWord(token.word) &&
      names.onlyInsideNames(token);
    const weightIfAbsent = named && !weakName ? view.idf("") * options.missingNameWeight : weight;
    positionOf.set(token.term, terms.length);
    terms.push({
      word: token.word,
      weighing: { idf, rarityOf, name: named, factors },
      weight,
      variants,
      modifier,
      weightIfAbsent,
      fullName:
        named &&
        !token.acronym &&
        !weakName &&
        token.word.length >= MIN_FULL_NAME_LENGTH &&
        ![...variants.keys()].some((variant) => /^\p{Lu}+$/u.test(variant)),
      partners: [],
      lowInformation,
      attribute: position === attributeAt,
      initialism: initialismOf(token.word, view),
    });
  });
  linkComplements(tokens, content, terms, positionOf);
  linkNames(content, terms, positionOf, isName);
  if (terms.length <= options.maxQueryTerms) return terms;
  const kept = new Set(
    [...terms].sort((a, b) => b.weight - a.weight).slice(0, options.maxQueryTerms),
  );
  return terms.filter((term) => kept.has(term));
}
