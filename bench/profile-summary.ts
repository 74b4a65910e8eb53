/**
 * Summarises V8 CPU profiles (from `npm run bench -- --cpu-prof`): the functions
 * with the most self time, and the share of time under each src/ file.
 *
 *   npx tsx bench/profile-summary.ts DIR_OR_FILE... [--top 25]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: number[];
}

interface Profile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

function files(args: string[]): string[] {
  return args.flatMap((arg) =>
    statSync(arg).isDirectory()
      ? readdirSync(arg)
          .filter((name) => name.endsWith(".cpuprofile"))
          .sort()
          .map((name) => path.join(arg, name))
      : [arg],
  );
}

function shortUrl(url: string): string {
  const at = url.indexOf("/src/");
  if (at >= 0) return url.slice(at + 1);
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + "node_modules/".length);
  return url.replace(/^file:\/\//u, "");
}

function summarise(file: string, top: number): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfTime.values()].reduce((sum, t) => sum + t, 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = shortUrl(frame.url);
    const key = `${frame.functionName || "(anonymous)"} ${where ? `${where}:${frame.lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + time);
    const fileKey = where.startsWith("src/") ? where : where === "" ? "(native/gc)" : "(libraries)";
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + time);
  }
  const idle = [...selfTime].reduce(
    (sum, [id, time]) => (byId.get(id)?.callFrame.functionName === "(idle)" ? sum + time : sum),
    0,
  );
  if (idle > 0.7 * total) {
    return `${path.basename(file)}: ${(total / 1000).toFixed(0)} ms sampled, ${((100 * idle) / total).toFixed(0)}% idle (tsx's loader thread): skipped`;
  }
  const lines = [`${path.basename(file)}: ${(total / 1000).toFixed(0)} ms sampled`];
  const show = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(
        ([key, time]) =>
          `  ${(time / 1000).toFixed(0).padStart(7)} ms ${((100 * time) / total).toFixed(1).padStart(5)}%  ${key}`,
      );
  lines.push(" self time by function:", ...show(byFunction, top));
  lines.push(" self time by file:", ...show(byFile, 12));
  return lines.join("\n");
}

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1] ?? 25) : 25;
if (args.length === 0) {
  console.error("Usage: npx tsx bench/profile-summary.ts DIR_OR_FILE... [--top 25]");
  process.exitCode = 2;
} else {
  for (const file of files(args)) console.log(`${summarise(file, top)}\n`);
}
