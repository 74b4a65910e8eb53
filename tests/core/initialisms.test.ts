import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { article } from "./article-fixture.ts";
import { initialismLetters, spellsOut } from "../../src/core/text/initials.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { ROOT } from "../helpers.ts";
import path from "node:path";

describe("initialisms: a question word spelt out by the passage's words", () => {
  it.each([
    ["ev", "Sales of electric vehicles rose.", true],
    ["nrc", "The Nuclear Regulatory Commission must act.", true],
    ["doe", "under contract with the Department of Energy", true],
    ["jv", "a joint-venture deal", true],
    ["ev", "every vote counts", true],
    ["ev", "electric cars", false],
    ["jv", "the major joint", false],
    ["ioc", "the International Olympic Committee", true],
    ["ioc", "the indoctrination of children", false],
    ["ioc", "indoctrination of children, and the International Olympic Committee", true],
    ["e1", "anything", null],
  ])("GIVEN %j and %j THEN the words spell it: %j", (letters, text, spelled) => {
    const initialism = initialismLetters(letters);
    if (spelled === null) expect(initialism).toBeUndefined();
    else expect(initialism && spellsOut(initialism, text)).toBe(spelled);
  });

  /** The regular expression the scan replaced (compiled per word, 1-2 ms each), as the reference. */
  function referencePattern(letters: string): RegExp {
    const words = [...letters].map((letter) => `${letter}[\\p{L}’'-]+`);
    return new RegExp(
      `(?<![\\p{L}\\p{N}])${words.join("(?:\\s+|-)(?:(?:of|and|for|the|on|&)\\s+)?")}(?![\\p{L}\\p{N}])`,
      "giu",
    );
  }

  const CONNECTORS = new Set(["of", "and", "for", "the", "on", "&"]);
  function spelledByPattern(pattern: RegExp, text: string): boolean {
    for (const match of text.matchAll(pattern)) {
      const spelled = match[0].split(/\s+|-/u);
      if (!spelled.some((word) => CONNECTORS.has(word.toLowerCase()))) return true;
      if (spelled.every((word) => CONNECTORS.has(word.toLowerCase()) || /^\p{Lu}/u.test(word))) {
        return true;
      }
    }
    return false;
  }

  it("GIVEN the sentences of the fixture articles and the initials of their own word runs THEN the scan agrees with the regular expression it replaced", async () => {
    const texts = (await loadArticles(path.join(ROOT, "tests/fixtures/articles/eval"))).articles
      .flatMap((loaded) => loaded.paragraphs.flatMap((paragraph) => paragraph.sentences))
      .map((sentence) => sentence.text)
      .concat(
        "the Department Of Energy and the DEPARTMENT OF ENERGY",
        "high-risk shipments from state-of-the-art labs & tools",
        "Research & Development,   Research and\u00a0Development",
        "U.S.-Japan trade; joint-ventures’ deals (JV) in 2024-25",
      );
    // The initials of runs of two to five words, every third word on: what spells something.
    const initialisms = new Set<string>();
    for (const text of texts) {
      const initials = (text.match(/(?:^|[\s-])\p{L}/gu) ?? []).map((m) => m.at(-1)?.toLowerCase());
      for (let start = 0; start + 2 <= initials.length; start += 3) {
        for (const length of [2, 3, 4, 5]) {
          const letters = initialismLetters(initials.slice(start, start + length).join(""));
          if (letters !== undefined) initialisms.add(letters);
        }
      }
    }
    let spelled = 0;
    const disagree: string[] = [];
    for (const letters of [...initialisms].slice(0, 200)) {
      const pattern = referencePattern(letters);
      for (const text of texts) {
        const expected = spelledByPattern(pattern, text);
        if (expected) spelled += 1;
        if (spellsOut(letters, text) !== expected) disagree.push(`${letters} in ${text}`);
      }
    }
    expect(disagree).toEqual([]);
    expect(initialisms.size).toBeGreaterThan(200);
    expect(spelled).toBeGreaterThan(500);
  });

  it("GIVEN a run of 2,000 short hyphenated words THEN whether it spells an initialism is found without trying every way of cutting it", () => {
    // Cut every way, 80 such words took 5 s (the regular expression before the scan, 0.24 s;
    // both grow as a power of the length): 2,000 would not end.
    const run = Array.from({ length: 2000 }, () => "ab").join("-");
    expect(spellsOut("aaaaz", `${run} x`)).toBe(false);
    expect(spellsOut("aaaaz", `${run} zebra`)).toBe(true);
    expect(spellsOut("aaaaz", `${run}-zebra`)).toBe(true);
  });

  const reactors = article(
    "reactors",
    "Reactor testing",
    "The Nuclear Regulatory Commission must review the design within a year.",
    "The reactors must be tested under contract with the laboratories before any review.",
  );
  const weather = article("weather", "Mountain weather", "Snow closed the pass on Monday.");

  it("GIVEN an initialism the articles never write THEN the passage that spells it out comes first, explained", () => {
    const index = new CitationIndex([reactors, weather], { synonyms: null, wordVectors: null });
    const explained = index.explain("what must the nrc review");
    expect(explained.citations[0]?.excerpt).toContain("Nuclear Regulatory Commission");
    const nrc = explained.citations[0]?.terms.find((term) => term.word === "nrc");
    expect(nrc?.notes).toContain("initialism");
    expect(nrc?.credit).toBeGreaterThan(0);
    // Turned off, the word counts for nothing there.
    const off = new CitationIndex([reactors, weather], {
      synonyms: null,
      wordVectors: null,
      initialismCredit: 0,
    });
    const plain = off.explain("what must the nrc review").citations[0];
    expect(plain?.terms.find((term) => term.word === "nrc")?.credit ?? 0).toBe(0);
  });

  const commission = article(
    "commission",
    "The Make America Healthy Again Commission",
    "Today the President established the Make America Healthy Again Commission.",
    "The Commission will meet on Monday to study childhood diseases.",
  );

  it("GIVEN a name the articles only spell out, typed in lower case THEN the passage that spells it out does not lack it: answered as when typed in capitals", () => {
    // The dictionary reads "maha" before "commission" as a name; without the passage's
    // spelling-out, a name no article has declines the question.
    const index = new CitationIndex([commission, weather], {
      synonyms: defaultSynonyms,
      wordVectors: null,
    });
    const lower = index.explain("when was the maha commission established");
    expect(index.ask("when was the MAHA Commission established").answered).toBe(true);
    expect(lower.answer.answered).toBe(true);
    const maha = lower.citations[0]?.terms.find((term) => term.word === "maha");
    expect(maha?.weighing.name).toBe(true);
    expect(maha?.notes).toContain("initialism");
    expect(maha?.notes).not.toContain("missing-name");
  });
});

describe("acronyms: a passage writing the acronym of a name the question spells out", () => {
  const index = new CitationIndex(
    [
      article(
        "grid",
        "Keeping the Grid Reliable",
        "President Trump established the National Energy Dominance Council (NEDC) to maximize energy production and cut red tape.",
        "In January, the NEDC took action to intervene in the failed PJM power market.",
        "Utilities in the region will coordinate with grid operators on backup generation.",
      ),
    ],
    { synonyms: defaultSynonyms },
  );

  it("GIVEN 'NEDC' defined once and then used THEN 'what power market did the energy dominance council step into' cites the passage that says NEDC did", () => {
    const answer = index.ask("what power market did the energy dominance council step into");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("PJM power market");
    // The passage's "NEDC" is credited with the words it stands for.
    const explained = index.explain("what power market did the energy dominance council step into");
    const council = explained.citations[0]?.terms.find((term) => term.word === "council");
    expect(council).toMatchObject({ found: "sentence", notes: ["acronym"] });
  });

  it("GIVEN a question that spells out no acronym of the passage THEN nothing changes: 'what power market did the utilities step into' does not credit 'NEDC'", () => {
    const explained = index.explain("what power market did the utilities step into");
    const cited = explained.citations.find((citation) => citation.excerpt.includes("NEDC took"));
    const utilities = cited?.terms.find((term) => term.word === "utilities");
    expect(utilities?.found).not.toBe("sentence");
  });
});

describe("acronyms: words of a heading in capitals", () => {
  it("GIVEN a heading 'THE HIGH END:' THEN its 'THE' is no acronym of 'transit hub expansion'", () => {
    const index = new CitationIndex(
      [
        article(
          "routes",
          "New Routes",
          "THE HIGH END: The agency adds new routes across the county.",
          "A transit hub expansion is planned for the airport.",
        ),
      ],
      { synonyms: defaultSynonyms },
    );
    const explained = index.explain("is there a transit hub expansion planned for the routes");
    const heading = explained.citations.find((citation) => citation.excerpt.includes("HIGH END"));
    const transit = heading?.terms.find((term) => term.word === "transit");
    expect(heading).toBeDefined();
    expect(transit?.notes).not.toContain("acronym");
  });
});

describe("a name whose other word is an initialism the passage spells out", () => {
  // Cut from the archive's coal fact sheet, with a passage of the same words beside it.
  const index = new CitationIndex(
    [
      article(
        "coal",
        "Reinvigorating Clean Coal",
        "Directs CEQ to assist agencies in adopting coal-related categorical exclusions under NEPA.",
        "Directs the Chair of the National Energy Dominance Council to designate coal as a “mineral” under Executive Order 14241, entitling coal to all of the benefits of that prior Order.",
      ),
    ],
    { synonyms: defaultSynonyms },
  );
  const question = "what does coal get classified as under EO 14241";

  it("GIVEN 'EO 14241' and a passage saying 'Executive Order 14241' THEN that passage answers", () => {
    const answer = index.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("under Executive Order 14241");
  });

  it("GIVEN the same THEN the name's number counts there, as the initialism does", () => {
    const { citations } = index.explain(question);
    const terms = citations[0]?.terms ?? [];
    expect(terms.find((term) => term.word === "14241")?.credit).toBeGreaterThan(0.5);
    expect(terms.find((term) => term.word === "eo")?.notes).toContain("initialism");
  });
});
