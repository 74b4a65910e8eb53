import { describe, expect, it } from "vitest";
import { answersIn } from "../../src/core/answer/answers-in.ts";

describe("a measure of the dimension asked", () => {
  it("GIVEN a monument of '6,672 acres' THEN 'how tall is the highest peak' finds no height there", () => {
    const passage = "The monument consists of 6,672 acres of high-desert mountains.";
    expect(answersIn("measure", passage, "how tall is the highest peak")).toEqual([]);
  });

  it("GIVEN a peak of '7,192 feet' on '6,672 acres' THEN 'how tall is the highest peak' finds the feet", () => {
    const passage = "Its highest peak rises 7,192 feet over 6,672 acres of desert.";
    expect(answersIn("measure", passage, "how tall is the highest peak")).toEqual(["7,192 feet"]);
  });

  it("GIVEN a jet's '1,350 miles per hour' and '40 tons' THEN 'how fast' finds the speed and 'how heavy' the weight", () => {
    const passage = "The jet flies at 1,350 miles per hour and weighs 40 tons.";
    expect(answersIn("measure", passage, "how fast does the jet fly")).toEqual([
      "1,350 miles per hour",
    ]);
    expect(answersIn("measure", passage, "how heavy is the jet")).toEqual(["40 tons"]);
  });

  it("GIVEN two hospitals 'within 30 minutes of one another' THEN 'how far apart' is answered by the time it takes, 'how tall' is not", () => {
    const passage =
      "One patient saved $1,095 by shopping between two hospitals located within 30 minutes of one another.";
    expect(answersIn("measure", passage, "how far apart were the two hospitals")).toEqual([
      "within 30 minutes",
    ]);
    expect(answersIn("measure", passage, "how tall are the two hospitals")).toEqual([]);
  });
});
