// Where a question word was found for a candidate, and what changed its count: the per-word
// facts scoring records (score.ts), the reranks adjust and citing explains (cite.ts).

/** Where a question word was found for a candidate, nearest first. */
export const Place = Object.freeze({
  nowhere: 0,
  sentence: 1,
  neighbor: 2,
  paragraph: 3,
  article: 4,
});

/** The names of {@link Place}'s values, by value. */
export const PLACE_NAMES = ["nowhere", "sentence", "neighbor", "paragraph", "article"] as const;

/** What changed a question word's count for a candidate (bits of {@link Candidate.notes}). */
export const TermNote = Object.freeze({
  /** A name the candidate's article never mentions: it weighed `weightIfAbsent`. */
  absentName: 1,
  /** A word of the article's title: discounted as the article's topic (`titleDiscount`). */
  title: 2,
  /** Its modifier ("stock" of "stock price") is missing from the article (`modifierMissingCredit`). */
  modifierMissing: 4,
  /** Another word of its name is missing from the article: no credit. */
  partnerMissing: 8,
  /** The attribute asked about ("range" of "the range of the Model S"), not near the passage: it is declined. */
  attributeMissing: 16,
  /** Found only as another role ("vice premier" for "premier"; see OtherRoles): `otherRoleCredit`. */
  otherRole: 32,
  /** Not in the articles, but spelt out in the passage as the words it is the initials of ("ev": "electric vehicles"). */
  initialism: 64,
  /** Found best in the reporter's question that the passage answers (`askedQuestionCredit`). */
  askedQuestion: 128,
  /** A name of several letters the article never mentions: the passage is about something else (`declineMissingName`). */
  missingName: 256,
  /** The number of its name ("14004" of "Executive Order 14004") is not in or next to the passage (`nameNumberMissingCredit`). */
  numberMissing: 512,
  /** Written in the passage as its name's acronym ("NEDC" for "energy dominance council"; see Acronyms). */
  acronym: 1024,
});
