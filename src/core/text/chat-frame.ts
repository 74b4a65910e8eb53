/**
 * The chat around a Discord question: what opens it ("hey citebot", "does anyone know", "btw
 * quick q:") and what closes it ("… lol", "… tho"). Neither is part of what is asked.
 */

/** A verb that asks, after chat's "wtf": "wtf is …", "wtf did …" (see {@link WTF_AS_WHAT}). */
const ASKING_VERB = String.raw`(?:is|are|was|were|do|does|did|happened|happens|happening)`;

/**
 * What opens a chat question before the question itself: a greeting with whom it
 * greets ("hey citebot,", "yo bot:"), fillers ("ok so", "btw", "pls help", "quick q:"),
 * and the asker's frame ("does anyone know when…", "can u tell me why…", "i wonder
 * if…", "i want to know who…"). It says who is asked and how, not what.
 */
const CHAT_OPENINGS: readonly RegExp[] = [
  /^(?:hey|hi|hello|yo)\s+[\p{L}\p{N}_-]+\s*[,:!]\s*/iu,
  // "hey citebot who is…", "yo bot tesla sales": without a comma, the word after a greeting is
  // still whom it greets, unless it opens the question itself ("hey what is…", "hey quick q").
  /^(?:hey|hi|hello|yo)\s+(?!(?:who|whom|whose|what|whats|when|where|which|why|how|is|are|was|were|does|do|did|can|could|will|would|should|has|have|quick|real|random|serious|dumb|genuine|honest|stupid|so|ok|okay|wait|btw|guys)\b)[\p{L}\p{N}_-]+\s+/iu,
  /^(?:(?:hey|hi|hello|yo|ok(?:ay)?|so|um+|uh+|guys|wait|btw|idk|ngl|tbh|lol|like|honestly|pls|plz|please|help|(?:real |quick |random |serious |dumb )?q(?:uestion)?)(?![\p{L}\p{N}'&])[\s,:!.?-]*)+/iu,
  // Interjections and intensifiers that open a chat message ("lowkey which…", "omg did…",
  // "bro what…"): the question's own first word follows them.
  new RegExp(
    String.raw`^(?:(?:lowkey|highkey|deadass|omg|omfg|(?:wtf|wth)(?!\s+${ASKING_VERB}\b)|bro|bruh|dude|istg|tbf|imo|imho|welp|ayo|sheesh|ugh+|h+m+|yikes|damn|dang|srsly|seriously|ok(?:ay)? but|okay so|alright|ayy+)(?![\p{L}\p{N}'&])[\s,:!.?-]*)+`,
    "iu",
  ),
  // Discourse markers and labels that open a message ("but…", "real talk…", "genuine
  // question:", "quick one:", "sorry but…").
  /^(?:(?:and|but|also|anyway|anyways|basically|genuinely|(?:so|ok(?:ay)?)\s+basically|real\s+talk|(?:ok(?:ay)?\s+)?real\s+quick|sorry(?:\s+but)?|(?:genuine|honest|serious|random|stupid|quick)\s+(?:question|one|q)\s*:|quick\s+one)(?![\p{L}\p{N}'&])[\s,:!.?-]*)+/iu,
  /^(?:(?:(?:does|do|did)\s+)?(?:any\s?one|any\s?body|some\s?one|some\s?body|u|you|ya|y'all|guys)\s+(?:know|knows|remember|remembers|recall)\b[\s,:-]*)+/iu,
  /^(?:(?:can|could|would|will)\s+(?:u|you|ya|some\s?one|some\s?body|any\s?one|any\s?body)\s+(?:pls\s+|please\s+)?)?(?:tell|explain|remind)\s+(?:me|us)\b(?:\s+(?:about|if|whether))?[\s,:-]*/iu,
  /^(?:i\s+|i'm\s+|im\s+|i\s+am\s+|i\s+was\s+)?(?:wonder|wondering|curious)\b(?:\s+(?:about|if|whether))?[\s,:-]*/iu,
  /^(?:i|we)\s+(?:want|wanna|need|would like|'d like)\s+(?:to\s+)?know\b(?:\s+(?:about|if|whether))?[\s,:-]*/iu,
];

/**
 * Chat that closes a message after the question ("… lol", "… tho", "… pls", "… asap", "… or
 * smth", "… haha"): rules that read a question's end ("…, VA or HUD?") found it there.
 */
const CHAT_ENDING =
  /(?:[\s,.!?-]+(?:lol+|lmao+|lmfao|ha(?:ha)+|he(?:he)+|tho|though|pls|plz|thx|thanks|thank you|ty|smh|idk|ngl|tbh|bro|bruh|dude|asap|or (?:smth|sth|something)|irl|imo|ig))+[\s?!.]*$/iu;

/** How much of a message's end is searched for closing chat (the pattern is not anchored at its start). */
const CHAT_ENDING_REACH = 200;

/** The question without the chat that closes it; the whole text when nothing precedes it. */
export function withoutChatEnding(text: string): string {
  let end = text.length;
  for (;;) {
    // From a separator, so that the reach does not begin inside a word ("…l ol").
    const reach = Math.max(0, end - CHAT_ENDING_REACH);
    const separator = reach === 0 ? 0 : text.slice(reach, end).search(/[\s,.!?-]/u);
    if (separator < 0) break;
    const from = reach + separator;
    const found = CHAT_ENDING.exec(text.slice(from, end));
    if (!found) break;
    end = from + found.index;
    // A match from the reach's first character may go on before it: look again, earlier.
    if (found.index > 0 || from === 0) break;
  }
  const rest = text.slice(0, end);
  return /[\p{L}\p{N}]/u.test(rest) ? rest : text;
}

/** "wtf is …", "wtf did …": chat's "what", before a verb that asks ("what the … is it"). */
const WTF_AS_WHAT = new RegExp(String.raw`^(?:wtf|wth)\s+(?=${ASKING_VERB}\b)`, "iu");

/** The question without its chat openings; the whole text when nothing follows them. */
export function withoutChatFrame(text: string): string {
  let rest = text;
  for (let changed = true; changed;) {
    const before = rest;
    // "lowkey wtf is this": "what" once the openings before it are gone.
    rest = rest.replace(WTF_AS_WHAT, "what ");
    for (const opening of CHAT_OPENINGS) rest = rest.replace(opening, "");
    changed = rest !== before;
  }
  return /[\p{L}\p{N}]/u.test(rest) ? rest : text;
}
