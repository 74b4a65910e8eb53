import { describe, expect, it } from "vitest";
import { followUpQuestion } from "../../src/core/index.ts";
import { bundledCorpus } from "../bot/helpers.ts";

describe("follow-up questions", () => {
  it("GIVEN a follow-up without words of its own WHEN read THEN its question word replaces the earlier one's", () => {
    expect(followUpQuestion("Who did Musk meet in China?", "why?")).toBe(
      "Why did Musk meet in China?",
    );
    expect(followUpQuestion("How much did exports to China rise?", "and when?")).toBe(
      "When did exports to China rise?",
    );
    expect(followUpQuestion("Who did Musk meet in China?", "and?")).toBe(
      "Who did Musk meet in China?",
    );
  });

  it("GIVEN only a new date WHEN read THEN the earlier question's time words give way to it", () => {
    const read = followUpQuestion("How much did Tesla sell in China last year?", "and in 2016?");
    expect(read).toMatch(/^How much did Tesla sell China in 2016\?$/);
  });

  it("GIVEN a new name WHEN read THEN the earlier question's other words are asked about it", () => {
    const read = followUpQuestion(
      "How much revenue did Tesla make in China in 2016?",
      "and in the U.S.?",
    );
    expect(read).toContain("revenue");
    expect(read).toContain("2016");
    expect(read).toContain("U.S.");
    expect(read).not.toMatch(/China|Tesla/);
  });

  it("GIVEN 'what about' a topic WHEN read THEN the earlier question's opening and names come along", () => {
    expect(followUpQuestion("How much did Tesla sell in China?", "what about the tariffs")).toBe(
      "How much did Tesla China the tariffs?",
    );
  });

  it("GIVEN a follow-up that is a question of its own WHEN read THEN it is unchanged", () => {
    const own = "What tariff applies to imported cars?";
    expect(followUpQuestion("Who did Musk meet in China?", own)).toBe(own);
  });

  it("GIVEN the bundled article WHEN follow-ups are read and asked THEN they find what the whole question would", async () => {
    const { index } = await bundledCorpus();
    const us = index.ask(
      followUpQuestion("How much revenue did Tesla make in China in 2016?", "and in the U.S.?"),
    );
    expect(us.answer).toBe("$4.2 billion");
    const year = index.ask(
      followUpQuestion("How much did Tesla sell in China last year?", "and in 2016?"),
    );
    expect(year.citations[0]?.paragraph).toBe(3);
    const tariffs = index.ask(
      followUpQuestion("How much did Tesla sell in China?", "what about the tariffs"),
    );
    expect(tariffs.answer).toBe("25%");
  });
});
