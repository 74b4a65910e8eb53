import { describe, expect, it } from "vitest";
import { parseArticle, termOf } from "../../src/core/index.ts";
import { IndexView } from "../../src/core/index/view.ts";
import { DEFAULT_RANKING } from "../../src/core/options.ts";
import { TITLE_BITS_FROM } from "../../src/core/speed-tuning.ts";
import { NameEvidence } from "../../src/core/search/names.ts";
import { queryTerms } from "../../src/core/search/query.ts";
import { TitleHits } from "../../src/core/search/title-hits.ts";
import { VariantFinder } from "../../src/core/search/variants.ts";
import { tokenize } from "../../src/core/text/tokenize.ts";

function article(id: string, title: string) {
  return parseArticle(
    `/x/${id}.md`,
    new TextEncoder().encode(`---\ntitle: ${title}\n---\n\nThe ${id} text says little.\n`),
  );
}

describe("which articles' titles hold a question word", () => {
  it("GIVEN a word in more titles than get a bit table and words in few THEN every article's hits are those its title's words give", () => {
    const titles = Array.from({ length: TITLE_BITS_FROM * 2 + 7 }, (_, i) =>
      [
        i % 2 === 0 ? "Remarks by the President" : "Statement on trade",
        i % 5 === 0 ? "and tariffs" : "",
        i === 17 ? "about Zanzibar" : "",
      ].join(" "),
    );
    const view = new IndexView(titles.map((title, i) => article(`a${i}`, title)));
    const options = { ...DEFAULT_RANKING, synonyms: null };
    const terms = queryTerms(
      tokenize("president tariffs zanzibar weather"),
      view,
      options,
      new VariantFinder(view, options),
      new NameEvidence(view, options),
    );
    expect(view.articlesTitled(termOf("president")).length).toBeGreaterThanOrEqual(TITLE_BITS_FROM);
    // Twice: the second reads the bit tables kept from the first.
    for (const hits of [new TitleHits(terms, view), new TitleHits(terms, view)]) {
      titles.forEach((_, position) => {
        const words = view.titleTermSet(position);
        const expected = terms.map((term) =>
          [...term.variants.keys()].some((variant) => words.has(variant)) ? 1 : 0,
        );
        expected.forEach((hit, i) => expect(hits.has(position, i)).toBe(hit === 1));
      });
    }
    expect(new TitleHits(terms, view).has(17, 2)).toBe(true);
  });
});
