/**
 * Bargaining results as a pack carries them. The workbench's Export and `fairpace evidence --include` store the same
 * bytes: the JSON that `fairpace target|sensitivity|zone --out` writes, under `bargaining/<kind>.json`.
 */
import { strToU8 } from 'fflate';

/** The kinds of bargaining result, in the order the workbench carries them. */
export const BARGAINING_KINDS = ['target', 'sensitivity', 'zone', 'robustness'] as const;
/** One kind of bargaining result. */
export type BargainingKind = (typeof BARGAINING_KINDS)[number];

/** A result as the CLI writes it with `--out` (and to stdout): JSON indented by two spaces, with a final newline. */
export function resultJsonText(result: unknown): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/**
 * The pack entry of a bargaining result: the same name and bytes as `fairpace <kind> … --out <kind>.json` followed by
 * `fairpace evidence … --include <kind>.json` give.
 */
export function bargainingEntry(kind: BargainingKind, result: unknown): { name: string; bytes: Uint8Array } {
  return { name: `bargaining/${kind}.json`, bytes: strToU8(resultJsonText(result)) };
}
