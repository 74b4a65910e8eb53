import { describe, expect, it } from "vitest";
import {
  formatDate,
  isContentToken,
  parsePublished,
  termOf,
  tokenize,
} from "../../../src/core/index.ts";

const terms = (text: string) =>
  tokenize(text)
    .filter(isContentToken)
    .map((token) => token.term);

describe("tokenize: words and numbers become index terms", () => {
  it("GIVEN possessives, thousands separators and percentages THEN they meet their plain forms", () => {
    expect(terms("Tesla's sales")).toEqual(terms("Tesla sales"));
    expect(terms("1,000 cars")).toEqual(["1000", "car"]);
    expect(terms("rose 376%")).toEqual(terms("rose 376 percent"));
  });

  it("GIVEN dotted and capitalised acronyms THEN they keep their capitals and are never stop words", () => {
    const [us] = tokenize("U.S.");
    expect(us).toMatchObject({ acronym: true, term: "US" });
    // "US" is not Porter's "us" of "useful": the acronym keeps its capitals.
    expect(termOf("useful")).not.toBe("US");
    expect(tokenize("EVs")[0]?.term).toBe("EV");
    expect(isContentToken(tokenize("IT")[0] as never)).toBe(true);
  });

  it("GIVEN irregular forms and number words THEN they share the base word's term", () => {
    expect(termOf("met")).toBe(termOf("meet"));
    expect(termOf("rose")).toBe(termOf("rise"));
    expect(termOf("three")).toBe("3");
  });

  it("GIVEN words Porter would merge with unrelated ones THEN each keeps a stem of its own", () => {
    expect(termOf("news")).not.toBe(termOf("new"));
    expect(termOf("business")).not.toBe(termOf("busy"));
    expect(termOf("important")).not.toBe(termOf("import"));
  });

  it("GIVEN stop words and chat filler THEN they are not content", () => {
    expect(terms("ok so what did they do lol")).toEqual([]);
  });

  it("GIVEN a capital letter after a name THEN it is part of the name ('Model X')", () => {
    expect(terms("the Model X")).toEqual(["model", "x"]);
    expect(terms("a x")).toEqual([]);
  });
});

describe("dates: one parser and one formatter", () => {
  it("GIVEN dates as people write them THEN they parse to ISO, and format back day first", () => {
    expect(parsePublished("April 27, 2017, 6:11 AM UTC")).toBe("2017-04-27T06:11:00.000Z");
    expect(formatDate("2017-04-27T06:11:00.000Z")).toBe("27 April 2017, 06:11 UTC");
    expect(formatDate("2024-09-23")).toBe("23 September 2024");
  });

  it("GIVEN an impossible ISO date or no year THEN it is not a date", () => {
    expect(parsePublished("2024-02-30")).toBeUndefined();
    expect(parsePublished("April 27")).toBeUndefined();
    expect(formatDate("not a date")).toBe("not a date");
  });

  it("GIVEN a day its month does not have, written out or in an ISO date-time THEN it is refused, not rolled into the next month", () => {
    for (const impossible of [
      "April 31, 2017",
      "February 30, 2024",
      "30 February 2024",
      "Feb 29, 2023",
      "2017-04-31T10:00Z",
    ]) {
      expect(parsePublished(impossible), impossible).toBeUndefined();
    }
    expect(parsePublished("Feb. 29, 2024")).toBe("2024-02-29");
    expect(parsePublished("31 December 2023")).toBe("2023-12-31");
    expect(parsePublished("Sept. 3, 2020")).toBe("2020-09-03");
  });
});
