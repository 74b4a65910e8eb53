/** JavaScript's white space (what `\s` and `trim` take), one UTF-16 code unit at a time. */
export function isSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * A run of white space that is not one plain space: what collapsing replaces by a space. Each
 * such run is matched from its start and whole (greedy), so that with a `trim` after it this
 * gives what `/\s+/gu` and `trim` give, while a clean passage, or one whose only blemish is a
 * space at an end, meets no match and comes back as it is. Half the archive's passages hold a
 * no-break space or a space at an end; the regular-expression engine finds these runs in
 * compiled code, and copies the text between them once.
 */
const UNCLEAN_RUN = /[^\S ]\s*| \s+/g; // no `u` flag: white space is all in the Basic Multilingual Plane

/**
 * White space (line breaks, tabs, no-break spaces) collapsed to one space, trimmed: what
 * `text.replace(/\s+/gu, " ").trim()` gives, without a match at every word's plain space (that
 * pattern built a new string for every passage, about a tenth of an archive build; a loop over
 * character codes, which took its place, cost as much for the passages that need collapsing).
 */
export function collapseSpace(text: string): string {
  return text.replace(UNCLEAN_RUN, " ").trim();
}
