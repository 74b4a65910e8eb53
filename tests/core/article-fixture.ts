import { parseArticle, type Article } from "../../src/core/index.ts";

/** An article made in a test: a title in front matter, then its paragraphs. */
export function article(id: string, title: string, ...paragraphs: string[]): Article {
  const text = `---\ntitle: "${title}"\n---\n\n${paragraphs.join("\n\n")}\n`;
  return parseArticle(`${id}.md`, new TextEncoder().encode(text));
}
