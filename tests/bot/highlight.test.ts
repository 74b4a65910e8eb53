import { describe, expect, it } from "vitest";
import { highlight } from "../../commands/shared/views.ts";

describe("highlighting matched words in an excerpt", () => {
  it("GIVEN matched words as the core cuts them THEN exactly those are bold, a number and its % as one piece", () => {
    expect(
      highlight("Today, 25% tariffs on Tesla’s U.S. cars, 25 in all", [
        "25",
        "%",
        "Tesla’s",
        "U.S.",
      ]),
    ).toEqual([
      "Today, ",
      { bold: "25%" },
      " tariffs on ",
      { bold: "Tesla’s" },
      " ",
      { bold: "U.S." },
      " cars, ",
      { bold: "25" },
      " in all",
    ]);
  });

  it("GIVEN a matched word inside a longer one THEN the longer word stays plain", () => {
    expect(highlight("Teslas and Tesla", ["Tesla"])).toEqual(["Teslas and ", { bold: "Tesla" }]);
  });
});
