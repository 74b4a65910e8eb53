import { describe, expect, it } from "vitest";
import { answersIn } from "../../src/core/answer/answers-in.ts";

describe("a part of a sum the question states", () => {
  it("GIVEN '$1.2 billion' and '$410 million' THEN 'how much of the $686 million is humanitarian aid' finds only the smaller sum", () => {
    const passage =
      "The United States has committed over $1.2 billion this year, including $410 million in humanitarian aid.";
    expect(answersIn("money", passage, "how much of the $686 million is humanitarian aid")).toEqual(
      ["$410 million"],
    );
  });

  it("GIVEN the same passage THEN a question stating no whole finds both sums", () => {
    const passage =
      "The United States has committed over $1.2 billion this year, including $410 million in humanitarian aid.";
    expect(answersIn("money", passage, "how much humanitarian aid is there")).toEqual([
      "$1.2 billion",
      "$410 million",
    ]);
  });
});
