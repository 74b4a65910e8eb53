/**
 * `bench/bot-load.ts`'s figures: what happened to a burst of interactions, the CPU seconds a
 * process used, and the rows of the results table.
 */
import { readFile } from "node:fs/promises";
import type { InteractionOutcome } from "../tests/emulator/emulator.ts";

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const CLOCK_TICKS = 100;

/** What happened to a burst of interactions: how many were late, answered, deferred, and the latencies. */
export interface Figures {
  readonly sent: number;
  /** From the first interaction sent to the last (the emulator sends as fast as it can). */
  readonly sentOverMs: number;
  readonly late: number;
  readonly answered: number;
  readonly deferred: number;
  readonly ack: readonly number[];
  readonly answer: readonly number[];
}

/** CPU seconds used during a scenario by the bot's process and by this one (the emulator). */
export interface Cpu {
  readonly bot: number;
  readonly emulator: number;
  readonly wallSeconds: number;
}

/** The `p`th percentile of `values` (NaN for none). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** What happened to a set of interactions (a rejection means no answer within the timeout). */
export function figures(settled: readonly PromiseSettledResult<InteractionOutcome>[]): Figures {
  const outcomes = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const answeredAt = (o: InteractionOutcome): number | undefined =>
    o.callback?.type === 5 ? (o.edits[0]?.at ?? o.followups[0]?.at) : o.callback?.at;
  const dispatched = outcomes.map((o) => o.dispatchedAt);
  return {
    sent: settled.length,
    sentOverMs: Math.max(...dispatched) - Math.min(...dispatched),
    late: outcomes.filter((o) => o.late).length + (settled.length - outcomes.length),
    answered: outcomes.filter((o) => !o.late && answeredAt(o) !== undefined).length,
    deferred: outcomes.filter((o) => (o.callback?.type ?? o.lateCallbackType) === 5).length,
    // Late callbacks too (refused by the emulator, as by Discord): their latency is the tail.
    ack: outcomes.flatMap((o) => {
      const latency = o.callback?.latencyMs ?? o.lateCallbackMs;
      return latency === undefined ? [] : [latency];
    }),
    answer: outcomes.flatMap((o) => {
      const at = answeredAt(o);
      return at === undefined || o.late ? [] : [at - o.dispatchedAt];
    }),
  };
}

/** CPU seconds a process has used so far (user + system, all its threads), from /proc. */
export async function cpuSecondsOf(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN; // not Linux
  }
}

const ms = (values: readonly number[]): string =>
  values.length === 0
    ? "–"
    : `${percentile(values, 50).toFixed(0)} / ${percentile(values, 99).toFixed(0)} / ` +
      `${Math.max(...values).toFixed(0)}`;
const cpu = (c: Cpu): string =>
  `${c.bot.toFixed(1)} / ${c.emulator.toFixed(1)} / ${c.wallSeconds.toFixed(1)}`;
/** A row of the results table: a burst's figures and, when measured, its CPU seconds. */
export const row = (name: string, f: Figures, c?: Cpu): string =>
  `| ${name} | ${f.sent} in ${(f.sentOverMs / 1000).toFixed(1)} s | ${f.late} | ${f.answered} | ${f.deferred} | ${ms(f.ack)} | ` +
  `${ms(f.answer)} | ${c ? cpu(c) : ""} |`;
