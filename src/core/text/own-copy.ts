/**
 * V8 makes a slice of 13 characters or more a view of the string it was cut from (a "sliced
 * string"), and a concatenation of that length a pair of its parts (a "cons string"): keeping
 * such a string keeps its whole parent alive. A title read from front matter, a word first met
 * in a sentence, a heading joined from markdown-it's tokens are all cut from their file's
 * whole text: a build that kept them (the index's vocabulary, the articles' metadata) kept
 * every file's text in its heap, which the collector then copied and marked again and again.
 */

/** Below this length V8 copies a slice or a concatenation into a string of its own. */
const VIEW_MIN_LENGTH = 13;

/**
 * The same text in a string of its own, which keeps no other string alive: for a string that
 * is kept long after the text it was cut from is done with. (A concatenation's slice makes V8
 * write its parts into one new string; the slice is a view of that copy alone.)
 */
export function ownCopy(text: string): string {
  return text.length < VIEW_MIN_LENGTH ? text : ` ${text}`.slice(1);
}
