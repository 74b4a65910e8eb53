/** The clause around a span of text: from the comma, semicolon or sentence end before it to the one after. */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  const before = Math.max(
    ...[",", ";", ". ", ":"].map((mark) => text.lastIndexOf(mark, start - 1)),
  );
  const after = /[,;:]|\.\s/u.exec(text.slice(end));
  return [before + 1, after ? end + after.index : text.length];
}
