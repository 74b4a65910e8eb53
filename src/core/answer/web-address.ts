// Where something is online: a "where" answered by a web address ("To find a list of
// participating providers, please visit www.fcc.gov/…").

/** A web address written out: "www.fcc.gov/affordable-connectivity", "https://…", "vote.gov". */
const WEB_ADDRESS =
  /\b(?:https?:\/\/[^\s<>()]+|www\.[^\s<>()]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov|com|org|net|edu)(?:\/[^\s<>()]*)?)/iu;

/**
 * "Where" asked of what is found online: a list, a form, how to apply or sign up, where to
 * learn or report (not where a plant is built or a summit held).
 */
const ONLINE_ASKED =
  /\b(?:list|lists|info|information|details|form|forms|application|applications|apply|sign(?:\s|-)?up|enroll|register|find|learn|read|download|website|site|link|report|submit|check)\b/iu;

/**
 * For a "where" asked of what is found online ({@link ONLINE_ASKED}), the first web address of
 * the excerpt, without the punctuation that ends its sentence; null otherwise.
 */
export function onlineAnswer(question: string, excerpt: string): string | null {
  if (!ONLINE_ASKED.test(question)) return null;
  const found = WEB_ADDRESS.exec(excerpt)?.[0];
  return found === undefined ? null : found.replace(/[.,;:!?'"’”]+$/u, "");
}
