import { describe, expect, it } from "vitest";
import { CONVERSATION, RecentContexts, type AskedContext } from "../../src/bot/conversation.ts";
import { questionText } from "../../src/bot/messages.ts";

const context = (question: string): AskedContext => ({
  question,
  guildId: "1",
  channelId: "2",
  askedMessageId: "3",
  userId: "4",
});

describe("follow-up memory and message text", () => {
  it("GIVEN a full memory WHEN another context is remembered THEN the least recently used is dropped", () => {
    const memory = new RecentContexts({ max: 2 });
    memory.remember("a", context("first"));
    memory.remember("b", context("second"));
    expect(memory.recall("a")?.question).toBe("first");
    memory.remember("c", context("third"));
    expect(memory.recall("b")).toBeUndefined();
    expect(memory.recall("a")?.question).toBe("first");
    expect(memory.size).toBe(2);
  });

  it("GIVEN a context older than a day WHEN recalled THEN it is gone", () => {
    const clock = { now: 1_000 };
    const memory = new RecentContexts({ now: () => clock.now });
    memory.remember("a", context("first"));
    clock.now += CONVERSATION.contextTtlMs - 1;
    expect(memory.recall("a")?.question).toBe("first");
    clock.now += 2;
    expect(memory.recall("a")).toBeUndefined();
  });

  it("GIVEN mentions in a message WHEN its question is read THEN citebot's go, members' become names, roles, channels and emoji go", () => {
    const names: Record<string, string> = { "22": "Bob" };
    expect(
      questionText(
        "<@11> did <@!22> see <#33> <@&44> <:tesla:55> the tariffs?",
        "11",
        (id) => names[id],
      ),
    ).toBe("did Bob see the tariffs?");
  });
});
