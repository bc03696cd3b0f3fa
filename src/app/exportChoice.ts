/**
 * What Export puts in a pack: whether the editor still matches the results on screen, and which of the bargaining
 * results on screen a pack of a given scenario carries. Pure, so it is tested in Node.
 */
import { BARGAINING_KINDS, bargainingEntry, type BargainingKind } from '../evidence/bargainingEntry.ts';
import { digestOf } from '../scenario/canonical.ts';
import type { LoadResult } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

/** A bargaining result on screen: its kind, and the digest of the scenario it was computed on. */
export interface ShownBargaining {
  kind: BargainingKind;
  result: { scenarioDigest: string };
}

/** The bargaining part of a pack: the entries to carry, and the kinds carried or left out. */
export interface PackBargaining {
  entries: { name: string; bytes: Uint8Array }[];
  included: BargainingKind[];
  /** Chosen results computed on another scenario than the pack's: carrying them would misdescribe the pack. */
  leftOut: BargainingKind[];
}

/** Whether the editor no longer holds the scenario of the results on screen (an invalid editor never does). */
export function editorDiffers(shown: Scenario | null, edited: LoadResult): boolean {
  if (shown === null) return false;
  return !edited.ok || digestOf(edited.scenario) !== digestOf(shown);
}

/**
 * The chosen bargaining results a pack of `scenario` carries, in the order target, sensitivity, zone: those computed
 * on that very scenario, with the bytes `fairpace <kind> --out` writes. The CLI command that makes the same pack is
 * `fairpace evidence scenario.json --include <kind>.json,…` with the files in that order.
 */
export function bargainingForPack(
  scenario: Scenario,
  shown: readonly ShownBargaining[],
  chosen: ReadonlySet<BargainingKind>,
): PackBargaining {
  const digest = digestOf(scenario);
  const out: PackBargaining = { entries: [], included: [], leftOut: [] };
  for (const kind of BARGAINING_KINDS) {
    const item = shown.find((s) => s.kind === kind);
    if (!item || !chosen.has(kind)) continue;
    if (item.result.scenarioDigest !== digest) {
      out.leftOut.push(kind);
      continue;
    }
    out.entries.push(bargainingEntry(kind, item.result));
    out.included.push(kind);
  }
  return out;
}
