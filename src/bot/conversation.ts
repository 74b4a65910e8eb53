import { LRUCache } from "lru-cache";
import { ANSWER_PAGE, answerReply } from "../../commands/ask.ts";
import { checkQuestion, followUpQuestion } from "../core/index.ts";
import { describeQuestionProblem } from "../reply/problems.ts";
import { errorReply, type Reply } from "../reply/types.ts";
import type { UserRef } from "./context.ts";
import type { Dispatcher } from "./dispatch.ts";
import { askIndex } from "../../commands/shared/views.ts";

/** Tuning of conversations in channels (mentions and follow-ups). */
export const CONVERSATION = Object.freeze({
  /** Follow-up contexts kept in memory; the least recently used go first. */
  maxContexts: 10_000,
  /** How long a follow-up context is kept: a reply to an older answer is a question of its own. */
  contextTtlMs: 24 * 60 * 60 * 1000,
});

/** A message written in a channel, as the conversation needs it (no discord.js types). */
export interface ChannelMessage {
  readonly id: string;
  /** Null outside a server: such messages are not answered. */
  readonly guildId: string | null;
  readonly channelId: string;
  /** The thread's channel, when the message is in a thread. */
  readonly parentId?: string;
  readonly author: UserRef;
  /** Written by a bot or through a webhook: never answered. */
  readonly fromBot: boolean;
  /** The text with citebot's mentions taken out and other mentions made plain. */
  readonly text: string;
  /** The text mentions citebot. */
  readonly mentionsBot: boolean;
  /** The id of citebot's message this one replies to, if it replies to one. */
  readonly repliesToBot?: string;
}

/** The question an answer answered, remembered under the answer's message id for follow-ups. */
export interface AskedContext {
  /** The question as it was searched (a follow-up's rewritten form). */
  readonly question: string;
  /** The article it was answered from, which a follow-up stays on. */
  readonly article?: string;
  readonly guildId: string;
  readonly channelId: string;
  /** The member's message that asked it. */
  readonly askedMessageId: string;
  readonly userId: string;
}

/** Where follow-up contexts live: memory here, the database when one is configured. */
export interface ContextMemory {
  remember(answerId: string, context: AskedContext): void;
  recall(answerId: string): AskedContext | undefined;
}

/** A question the articles did not cover, where it was asked. */
export interface UnansweredQuestion {
  readonly guildId: string;
  readonly channelId?: string;
  /** The member's message, when the question came in one (not a slash command). */
  readonly messageId?: string;
  readonly question: string;
}

/** Where questions the articles did not cover are logged. */
export interface QuestionLog {
  logUnanswered(entry: UnansweredQuestion): void;
}

/** Follow-up contexts in a bounded memory: the oldest dropped first, none kept past a day. */
export class RecentContexts implements ContextMemory {
  private readonly cache: LRUCache<string, AskedContext>;

  constructor(options: { max?: number; ttlMs?: number; now?: () => number } = {}) {
    const now = options.now;
    this.cache = new LRUCache({
      max: options.max ?? CONVERSATION.maxContexts,
      ttl: options.ttlMs ?? CONVERSATION.contextTtlMs,
      // An injected clock is read on every check (no cached time), so tests can move it.
      ...(now ? { perf: { now }, ttlResolution: 0 } : {}),
    });
  }

  remember(answerId: string, context: AskedContext): void {
    this.cache.set(answerId, context);
  }

  recall(answerId: string): AskedContext | undefined {
    return this.cache.get(answerId);
  }

  get size(): number {
    return this.cache.size;
  }
}

/** What to post in reply, and the context to remember under the posted message's id. */
export interface ChannelAnswer {
  readonly reply: Reply;
  readonly context?: AskedContext;
}

/**
 * Answers messages addressed to citebot in channels: a mention is asked like `/ask`; a reply to
 * one of citebot's answers is read as a follow-up of the question that answer answered (same
 * article, its subject carried over). Everything else, and anything from bots and webhooks, is
 * ignored. The dispatcher's cooldown applies; a member over it is told once per wait, then ignored,
 * so that a burst of mentions cannot make citebot flood the channel.
 */
export class Conversation {
  private readonly warned: LRUCache<string, true>;

  constructor(
    private readonly dispatcher: Dispatcher,
    readonly memory: ContextMemory,
    cooldownSeconds: number,
    /** Where questions the articles did not cover are logged (for /gaps), if anywhere. */
    private readonly log?: QuestionLog,
  ) {
    this.warned = new LRUCache({ max: 10_000, ttl: Math.max(1, cooldownSeconds) * 1000 });
  }

  /** The reply to post for `message`, or null when citebot stays silent. */
  async answer(message: ChannelMessage): Promise<ChannelAnswer | null> {
    if (message.fromBot || message.guildId === null) return null;
    if (!message.mentionsBot && message.repliesToBot === undefined) return null;
    const guildId = message.guildId;
    const previous =
      message.repliesToBot === undefined ? undefined : this.memory.recall(message.repliesToBot);
    let context: AskedContext | undefined;
    const { reply, outcome } = await this.dispatcher.message(
      previous ? "follow-up" : "mention",
      message.author,
      guildId,
      (commandContext) => {
        const checked = checkQuestion(message.text);
        if (!checked.ok)
          return errorReply(describeQuestionProblem(checked.problem, checked.length));
        const index = commandContext.corpus().index;
        const question = previous
          ? followUpQuestion(previous.question, checked.question)
          : checked.question;
        const topic = commandContext.topics?.resolve({
          guildId,
          channelId: message.channelId,
          ...(message.parentId ? { parentId: message.parentId } : {}),
        });
        // A follow-up stays on its question's article; a new question uses the channel's.
        const candidate = previous ? previous.article : topic?.articleId;
        const article = candidate !== undefined && index.article(candidate) ? candidate : undefined;
        const answer = askIndex(index, question, ANSWER_PAGE + 1, article);
        if (!answer.answered) {
          this.log?.logUnanswered({
            guildId,
            channelId: message.channelId,
            messageId: message.id,
            question,
          });
        }
        const answeredFrom = answer.answered ? answer.citations[0]?.article : undefined;
        const kept = article ?? answeredFrom;
        context = {
          question,
          ...(kept !== undefined ? { article: kept } : {}),
          guildId,
          channelId: message.channelId,
          askedMessageId: message.id,
          userId: message.author.id,
        };
        return answerReply(commandContext, question, {
          offset: 0,
          ephemeral: false,
          ...(article !== undefined ? { article } : {}),
          ...(previous ? { asked: checked.question } : {}),
        });
      },
    );
    if (outcome === "cooldown") {
      if (this.warned.has(message.author.id)) return null;
      this.warned.set(message.author.id, true);
    }
    return context && !reply.error ? { reply, context } : { reply };
  }
}
