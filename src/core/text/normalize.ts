/**
 * Discord text made plain before anything reads a question: what Discord's client
 * adds around words (mentions, emoji, markdown) is no part of what is asked, and
 * chat spellings of common contractions ("whats", "doesnt") read as the written ones.
 */

import { withoutChatEnding, withoutChatFrame } from "./chat-frame.ts";
import { spellChatFigures } from "./chat-numbers.ts";
import { ACCORDING } from "./lexicon.ts";

/** Mentions of users, roles and channels, slash commands and timestamps: `<@123>`, `<@!1>`, `<@&1>`, `<#1>`, `</cmd:1>`, `<t:1:R>`. */
const DISCORD_TAGS = /<(?:@[!&]?\d+|#\d+|\/[\w -]+:\d+|t:-?\d+(?::[tTdDfFR])?)>/gu;

/** Custom emoji: `<:name:id>` and animated `<a:name:id>`. */
const CUSTOM_EMOJI = /<a?:[\w~-]+:\d+>/gu;

/** An emoji written as its short code, `:thinking:` (never a clock time: it starts with a letter). */
const SHORTCODE_EMOJI = /(?<![\w:]):[a-z][\w+-]*:(?![\w:])/giu;

/** A typed mention of a member or of the bot, "@citebot", "@everyone". */
const TYPED_MENTION = /(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_.-]+/gu;

/**
 * Emoji pictographs and what composes them (skin tones, joiners, variation
 * selectors, keycaps, tags, regional-indicator flags).
 */
const EMOJI =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u{FE0E}\u{FE0F}\u{20E3}\u{E0020}-\u{E007F}]/gu;

/** Characters that are invisible inside a word: soft hyphen, zero-width space and joiners, word joiner, BOM. */
export const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

/** Markdown markers of Discord: bold, italics, underline, strike-through, spoilers, code. */
const MARKERS = /\*+|~~|\|\||`+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;

/** A line's own markdown: block quotes, headings, sub-text and list bullets. */
const LINE_MARKERS = /^[ \t]*(?:>>>\s?|>\s?|#{1,3}\s+|-#\s+|[-*]\s+)/gmu;

/** A masked link `[text](https://…)`: its text is what was written. */
const MASKED_LINK = /\[([^\]\n]*)\]\(\s*<?https?:\/\/[^)\s]*>?\s*\)/gu;

/**
 * English contractions as typed without their apostrophe. Only forms that are not
 * themselves words ("its", "ill", "well", "were", "cant", "wont" are left alone).
 */
const CONTRACTIONS: ReadonlyMap<string, string> = new Map(
  `whats:what's whos:who's wheres:where's whens:when's whys:why's hows:how's thats:that's
  theres:there's heres:here's isnt:isn't arent:aren't wasnt:wasn't werent:weren't doesnt:doesn't
  dont:don't didnt:didn't hasnt:hasn't havent:haven't hadnt:hadn't couldnt:couldn't wouldnt:wouldn't
  shouldnt:shouldn't mustnt:mustn't neednt:needn't aint:ain't im:i'm ive:i've youre:you're youve:you've
  theyre:they're theyve:they've weve:we've hes:he's shes:she's itll:it'll thatll:that'll whatre:what're
  whatve:what've wouldve:would've couldve:could've shouldve:should've yall:y'all`
    .split(/\s+/u)
    .filter(Boolean)
    .map((pair) => pair.split(":") as [string, string]),
);

/** Initials with their full stops ("u.s.", "u.k."), in lower case: two letters or more. */
const DOTTED_INITIALS = /(?<![\p{L}\p{N}.])(?:\p{Ll}\.){2,}(?![\p{L}\p{N}])/gu;

/**
 * "cant" and "wont" before a verb are "can't" and "won't" ("what cant folks do"): the nouns
 * ("the cant of politics", "as was his wont") follow an article, a possessive or "as".
 */
const CANT_OR_WONT =
  /\b(?<!\b(?:the|a|an|his|her|its|their|our|my|your|as|was|is)\s{1,3})(?:can|won)t(?=\s+\p{L})/giu;

/**
 * "countrys", "agencys": a consonant and "ys" end no English word (the plural is "-ies"), so
 * it is a possessive typed without its apostrophe, "country's". So is an indefinite pronoun
 * with an "s" ("someones", "everybodys"), which has no plural.
 */
const POSSESSIVE_WITHOUT_APOSTROPHE =
  /(?<![\p{L}\p{N}'])(?:\p{L}{2,}[b-df-hj-np-tv-xz]y|(?:some|any|every|no)(?:one|body))s(?![\p{L}\p{N}'])/giu;

/**
 * Function words as chat types them ("wht", "cud", "abt"): forms no English word or
 * name is spelt like, read as the word they stand for. Content words are left to the
 * articles' vocabulary (typo and abbreviation matching), which knows their topic.
 */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map(
  `wat:what wht:what wut:what wot:what whut:what hw:how wen:when wher:where whr:where
  cud:could cld:could wud:would wld:would shud:should shld:should abt:about bc:because
  bcuz:because becuz:because cuz:because coz:because thru:through ppl:people gonna:will
  wanna:want.to gotta:have.to dunno:don't.know`
    .split(/\s+/u)
    .filter(Boolean)
    .map((pair) => pair.replace(".", " ").split(":") as [string, string]),
);

/** "r" for "are" between a question word or "why" and a pronoun: "why r they", "r u sure". */
const TYPED_ARE =
  /\b(what|who|how|why|where|when|which|there|they|we|you|u)\s+r\b|\br\s+(?=(?:they|we|you|u|there|these|those)\b)/giu;

/**
 * A lower-case "r" alone between two lower-case words is "are" as well ("which contractors r
 * building it"): "R" the language or a label is written in capitals.
 */
const TYPED_ARE_BETWEEN = /(?<=\p{Ll} )r(?= \p{Ll})/gu;

/**
 * Chat's one-letter "and" and "with" between two words: "biden n xi", "who came w musk",
 * "w/ the ceo". Lower case only: "Model N", "George W. Bush" are names. The spaces looked
 * back over are bounded: an unbounded run made a long blank message take quadratic time.
 */
const TYPED_AND = /(?<=\p{L}\s{1,3})n(?=\s+\p{L})/gu;
const TYPED_WITH = /(?<=\p{L}\s{1,3})w(?:\/\s*|(?=\s+\p{L}))/gu;

/**
 * "used to" before a verb, not after a form of "be" or "get" ("was used to buy" says what
 * for): the habit of the past, which articles write "former" ("used to lead" → "former
 * leader").
 */
const USED_TO =
  /(?<!\b(?:is|was|were|are|be|been|being|get|got|gets|getting)\s)\bused to(?=\s+\p{L})/giu;

/**
 * "supposed to", "meant to", "supposedly": the asker's hedge around the verb ("what is the
 * fund supposed to invest in"), read as the plain verb; the articles never say it so. Chat
 * types it with one "p" or one "s" too ("suposed", "supossed"), which the articles' words
 * never correct: they lack it.
 */
const HEDGE = /\b(?:sup{1,2}os{1,2}ed|meant)(?= to\s+\p{L})|\bsup{1,2}os{1,2}edly\b/giu;

/**
 * Chat fillers the stop words do not hold because they are letters of other words in the
 * articles ("Fr." for Father): "fr" (for real), "istg", "tbf", "lmk", "ong", "fyi", typed
 * in lower case (or in title case, but for "Ong", a surname) around a question, ask
 * nothing. Nor does "rn" (right now): kept, it was read as the dictionary's "Rn" (radon), a
 * name no article has, and declined the question it ended.
 */
const CHAT_FILLERS =
  /(?<![\p{L}\p{N}'’.-])(?:[Ff]r|[Rr]n|[Ii]stg|[Tt]bf|[Ll]mk|ong|[Ff]yi)(?![\p{L}\p{N}'’.-])/gu;

/**
 * "what's the deal with X", "what's up with X", "what's going on with X": chat's way of
 * asking about X, read as "what about X"; the articles' own "deal" or "up" is not asked.
 */
const WHATS_WITH =
  /\bwhat(?:'s| is)\s+(?:the\s+(?:deal|story|situation)|up|going\s+on)\s+with\b/giu;

/**
 * Where the asker says the answer should come from: "according to this", "per the fact
 * sheet", "according to the White House", "according to the quoted remarks". The source is
 * the article itself, or who wrote it: its words say where to look, not what about, and a
 * passage that does not repeat them answers no less. Only such a source (the document, its
 * author, a pronoun), and only at the end of the question, between commas or opening it
 * before a comma: "according to the memo's definitions" asks about definitions, "according
 * to trump" about a person.
 */
const SOURCE = String.raw`(?:${ACCORDING}\s+to|per)\s+(?:this|that|it|them|(?:the|this|that|their|his|her)\s+(?:(?:new|latest|original|quoted|official|actual)\s+)?(?:fact\s?sheet|memo|memorandum|(?:executive\s+)?order|proclamation|article|post|story|statement|(?:press\s+)?release|briefing|transcript|text|document|doc|remarks|white\s+house|wh|admin|administration))`;
const SOURCE_ATTRIBUTION = new RegExp(
  String.raw`(?:,\s*|\s+)${SOURCE}(?=\s*(?:[?.!]+\s*$|$|,))`,
  "giu",
);
/** The same source opening the question: "According to the White House, what…". */
const LEADING_SOURCE = new RegExp(String.raw`^${SOURCE}\s*,\s*`, "iu");

/** "gotten" is "got", a function word as "get" is ("have companies gotten contracts"). */
const GOTTEN = /\bgotten\b/giu;

const BARE_WORD = /[\p{L}]+/gu;

/** Words typed with a capital although no name ("The", "Of"): a sign of Title Case typing. */
const FUNCTION_WORDS =
  /^(?:the|of|a|an|in|on|at|to|for|and|or|is|are|was|were|do|does|did|be|by|with|from|what|who|how|why|when|which|will|can|has|have)$/iu;

/**
 * A message typed in Title Case ("Who Is The Ceo Of Apple") capitalises every word,
 * names or not: its capitals say nothing, so its capitalised words are read in lower
 * case (all-capital words stay: acronyms). Needs a function word after the first word.
 */
function withoutTitleCase(text: string): string {
  const words = text.match(/\p{L}[\p{L}\p{N}]*(?:'\p{L}+)?/gu) ?? [];
  if (words.length < 3 || !words.every((word) => /^\p{Lu}/u.test(word))) return text;
  if (!words.slice(1).some((word) => FUNCTION_WORDS.test(word))) return text;
  return (
    text
      // "B3w" is "b3w" typed in Title Case: letters and digits, capitalised only at the start.
      .replace(/(?<![\p{L}\p{N}])\p{Lu}(?:\p{Ll}+|\p{N}+\p{Ll}[\p{Ll}\p{N}]*)/gu, (word) =>
        word.toLowerCase(),
      )
      .replace(/(?<![\p{L}\p{N}&])A(?![\p{L}\p{N}&])/gu, "a")
  );
}

/** Keeps the case of what was typed: "Whats" → "What's", "Wht" → "What". */
function restoreContraction(word: string): string {
  const folded = word.toLowerCase();
  return asTyped(word, CONTRACTIONS.get(folded) ?? CHAT_SPELLINGS.get(folded));
}

/** A chat spelling before an apostrophe ("wat's", "ppl's"): the word it stands for, the rest kept. */
function chatSpelling(word: string): string {
  return asTyped(word, CHAT_SPELLINGS.get(word.toLowerCase()));
}

/** The word written in place of `word`, in its case; `word` itself when there is none. */
function asTyped(word: string, written: string | undefined): string {
  if (written === undefined) return word;
  if (word === word.toUpperCase() && word.length > 1) return written.toUpperCase();
  return /^\p{Lu}/u.test(word) ? written[0]?.toUpperCase() + written.slice(1) : written;
}

/**
 * Plain text of a Discord message: full-width and compatibility forms folded
 * (NFKC), invisible characters dropped, mentions, custom and Unicode emoji
 * removed, markdown markers removed (their text kept), chat figures written out ("6k"), contractions typed
 * without an apostrophe spelt out, and an opening chat frame ("does anyone know")
 * dropped. White space collapses. Pure and idempotent.
 */
export function normalizeDiscordText(text: string): string {
  return (
    text
      .normalize("NFKC")
      .replace(INVISIBLE, "")
      .replace(CUSTOM_EMOJI, " ")
      .replace(DISCORD_TAGS, " ")
      .replace(MASKED_LINK, "$1")
      .replace(SHORTCODE_EMOJI, " ")
      .replace(EMOJI, " ")
      .replace(LINE_MARKERS, "")
      .replace(MARKERS, "")
      // After the markers: "@**citebot**" is the mention "@citebot" in bold.
      .replace(TYPED_MENTION, " ")
      // Runs of spaces as one before the rules that read words apart ("supposed  to").
      .replace(/[^\S\n]+/gu, " ")
      .replace(/[’‘]/gu, "'")
      .replace(BARE_WORD, (word, offset: number, whole: string) =>
        // "doesnt" but not "doesn't" (already written) nor a part of a longer token.
        whole[offset + word.length] === "'" ? chatSpelling(word) : restoreContraction(word),
      )
      .replace(CANT_OR_WONT, (word: string) => `${word.slice(0, -1)}'${word.at(-1) ?? "t"}`)
      .replace(
        POSSESSIVE_WITHOUT_APOSTROPHE,
        (word: string) => `${word.slice(0, -1)}'${word.at(-1) ?? "s"}`,
      )
      // A message typed in capitals throughout is shouted, not a row of acronyms.
      .replace(/^[^\p{Ll}]*$/u, (all) =>
        (all.match(/\p{Lu}{2,}/gu) ?? []).length >= 3 ? all.toLowerCase() : all,
      )
      // After the shouting is undone: "550B" read as "550 billion" would end it.
      .replace(/^.*$/su, spellChatFigures)
      // "u.s." typed in lower case is the articles' "U.S.", one word, as typed in capitals.
      .replace(DOTTED_INITIALS, (initials) => initials.toUpperCase())
      .replace(USED_TO, "former")
      .replace(HEDGE, "")
      .replace(WHATS_WITH, (all: string) => (/^W/u.test(all) ? "What about" : "what about"))
      .replace(GOTTEN, "got")
      .replace(TYPED_AND, "and")
      .replace(TYPED_WITH, "with ")
      .replace(TYPED_ARE, (_all, before: string | undefined) =>
        before === undefined ? "are " : `${before} are`,
      )
      .replace(TYPED_ARE_BETWEEN, "are")
      .replace(/\s+/gu, " ")
      .trim()
      // "according to the article, anyone know…": the source first, then the frame after it.
      .replace(LEADING_SOURCE, "")
      .replace(/^.*$/su, withoutChatFrame)
      .replace(/^.*$/su, withoutChatEnding)
      .replace(/^.*$/su, withoutTitleCase)
      // After the title case is undone: "… So Bad Fr" ends with the same filler.
      .replace(CHAT_FILLERS, "")
      .replace(/\s+/gu, " ")
      .trim()
      // After the fillers: "…, per the fact sheet rn" ends with the source too.
      .replace(SOURCE_ATTRIBUTION, "")
      .replace(LEADING_SOURCE, "")
      // "the us" can only be the country: typed in lower case it would read as the pronoun.
      .replace(/\bthe us\b/giu, "the US")
  );
}
