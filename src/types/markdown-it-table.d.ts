declare module "markdown-it/lib/rules_block/table.mjs" {
  import type { StateBlock } from "markdown-it";
  /** markdown-it's block rule for GitHub's pipe tables (`silent`: only say whether one starts). */
  export default function table(
    state: StateBlock,
    startLine: number,
    endLine: number,
    silent: boolean,
  ): boolean;
}
