import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { tokenize } from "../text/tokenize.ts";
import type { NameEvidence } from "./names.ts";
import type { VariantFinder } from "./variants.ts";

/** Words that open a question, after the name it is addressed to ("citebot what…", "citebot is…"). */
const QUESTION_OPENERS: ReadonlySet<string> = new Set(
  `who whom whose whos what whats when whens where wheres which why how hows is are was were
  do does did dont doesnt didnt has have had can could will would should`.split(/\s+/u),
);

/** What tells a word nothing knows: the articles, the dictionary, close spellings. */
export interface AddresseeEvidence {
  readonly view: IndexView;
  readonly options: Readonly<RankingOptions>;
  readonly names: NameEvidence;
  readonly variants: VariantFinder;
}

/**
 * The question without the name it is addressed to: "citebot what is…", "citebot ngl does
 * the order…". A first word nothing knows (not the articles, not the dictionary, no close
 * spelling), when what follows it opens a question as typed or once read as a question is
 * read (`normalize`), is whom the asker speaks to, not a name the articles lack: left in, it
 * would decline every such question as missing a name. A name nothing knows before keywords
 * ("valorant tournament schedule") is kept.
 */
export function withoutAddressee(
  question: string,
  normalize: (text: string) => string,
  { view, options, names, variants }: AddresseeEvidence,
): string {
  const [first, second] = tokenize(question);
  if (
    first === undefined ||
    second === undefined ||
    // What the articles or the dictionary know is looked no further into.
    view.has(first.term) ||
    (options.synonyms?.knows(first.word) ?? true)
  ) {
    return question;
  }
  // "citebot does anyone know if…" opens with "does" before the chat frame goes, "citebot
  // ngl what…" with "what" after.
  const typed = question.slice(second.start);
  const rest = normalize(typed);
  const opens = (text: string) => QUESTION_OPENERS.has(tokenize(text)[0]?.word ?? "");
  if (!opens(typed) && !opens(rest)) return question;
  return names.unknownEverywhere(first, variants.variantsOf(first, false)) ? rest : question;
}
