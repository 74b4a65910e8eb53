import { ApplicationCommandOptionType } from "discord.js";
import { describe, expect, it } from "vitest";
import { data as ask } from "../../commands/ask.ts";
import { data as quote } from "../../commands/quote.ts";
import { customId, RefStore, refRoom } from "../../commands/shared/state.ts";
import { ConsoleSession, parseOptions } from "../../src/console/session.ts";
import { ALICE, world } from "./helpers.ts";

describe("button state", () => {
  it("GIVEN a short text THEN it travels inline in the custom id and needs no memory", () => {
    const refs = new RefStore(1);
    const ref = refs.put("Who?", refRoom("ask", "more", 3));
    expect(ref).toBe("=Who?");
    expect(new RefStore().get(ref)).toBe("Who?");
  });

  it("GIVEN a text too long for a custom id THEN a short key keeps it, and the id stays within 100 characters", () => {
    const refs = new RefStore();
    const question = "why ".repeat(75);
    const id = customId("ask", "more", 3, refs.put(question, refRoom("ask", "more", 3)));
    expect(id.length).toBeLessThanOrEqual(100);
    expect(refs.get(id.split(":").slice(3).join(":"))).toBe(question);
  });

  it("GIVEN more long texts than the store holds THEN the least recently used is forgotten (a stale button)", () => {
    const refs = new RefStore(2);
    const [a, b] = [refs.put("a".repeat(200), 10), refs.put("b".repeat(200), 10)];
    refs.get(a);
    const c = refs.put("c".repeat(200), 10);
    expect(refs.get(b)).toBeUndefined();
    expect(refs.get(a)).toBe("a".repeat(200));
    expect(refs.get(c)).toBe("c".repeat(200));
  });

  it("GIVEN a key from another process or a malformed ref THEN nothing is found", () => {
    const refs = new RefStore();
    expect([refs.get("#abcdefgh"), refs.get("nonsense"), refs.get(undefined)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("console option parsing", () => {
  const askOptions = ask.toJSON().options ?? [];
  it("GIVEN free text THEN it is the first option, and colons in it are kept", () => {
    expect(parseOptions("What happened at 3:30?", askOptions)).toEqual({
      question: "What happened at 3:30?",
    });
  });

  it("GIVEN name:value pairs THEN each is typed as its option declares", () => {
    expect(parseOptions("question: Who met Wang? private:true for:@sam", askOptions)).toEqual({
      question: "Who met Wang?",
      private: true,
      for: { id: "sam", name: "sam" },
    });
    const quoteOptions = quote.toJSON().options ?? [];
    expect(quoteOptions[0]?.type).toBe(ApplicationCommandOptionType.Integer);
    expect(parseOptions("6 article:abc", quoteOptions)).toEqual({ paragraph: 6, article: "abc" });
  });
});

describe("console completion", () => {
  it("GIVEN a slash and a prefix THEN Tab offers the matching commands; GIVEN /search text THEN the suggested passages", async () => {
    const { dispatcher } = await world();
    const session = new ConsoleSession(dispatcher, ALICE);
    expect(session.complete("/q")).toEqual([["/quote ", "/quit "], "/q"]);
    const [passages] = session.complete("/search tarif");
    expect(passages[0]).toMatch(/^\/search .*tariffs/u);
  });
});
