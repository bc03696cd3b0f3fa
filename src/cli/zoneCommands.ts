/**
 * `fairpace zone` as a batch command: every cell of the grid in one batch, the result as JSON, and on a terminal each
 * side's best cells and the cells both accept in sentences.
 */
import {
  labelContext,
  zoneBatch,
  zoneParagraph,
  zoneSentences,
  type ZoneOptions,
  type ZoneResult,
} from '../analysis/index.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { CliIo } from './cliIo.ts';
import { sayOnTerminal } from './bargainingCommands.ts';
import { batchCommand } from './batch.ts';
import { EXIT_OK } from './errors.ts';
import { emit, jsonText } from './files.ts';
import type { ZoneCommand } from './zoneArgs.ts';

/** The analysis options of a `fairpace zone` line. */
export const zoneOptionsOf = (c: ZoneCommand): ZoneOptions => ({
  x: c.x,
  y: c.y,
  union: c.union,
  platform: c.platform,
  unionObjective: c.unionObjective,
  confidence: c.confidence,
  arm: c.arm,
  replications: c.replications,
  seed: c.seed,
});

/** On a terminal, each side's best cells and the cells both accept, in sentences. */
export function sayZone(result: ZoneResult, scenario: Scenario, io: CliIo): void {
  const s = zoneSentences(result, labelContext(scenario));
  sayOnTerminal(io, { en: zoneParagraph(s, 'en'), zh: zoneParagraph(s, 'zh') });
}

/** `fairpace zone`. Bad paths, arms or metric names exit 2 with the message. */
export const zoneCommand = batchCommand({
  options: zoneOptionsOf,
  plan(scenario, o: ZoneOptions) {
    try {
      return zoneBatch(scenario, o);
    } catch (e) {
      if (e instanceof RangeError || e instanceof ScenarioPathError)
        throw new RangeError(`fairpace zone: ${e.message}`);
      throw e;
    }
  },
  async finish(result: ZoneResult, { scenario, out, io }) {
    await emit(jsonText(result), out, io);
    sayZone(result, scenario, io);
    return EXIT_OK;
  },
  provisionalLine: (zone: ZoneResult, _replications: number, of: number) => zoneProvisionalLine(zone, of),
});

/** A picked cell as `x=…, y=…`, or `none`. */
const pickText = (pick: ZoneResult['cheapestForPlatform']) => (pick ? `x=${pick.x}, y=${pick.y}` : 'none');

/**
 * One line on stderr for a provisional zone: how many replications it stands on, the cells each side accepts and
 * both sides' picks, e.g. `provisional 3/10 replications: 4 of 12 cells agreed (union accepts 6, platform 8);
 * cheapest for platform x=50, y=12; best for union x=30, y=18`.
 */
export function zoneProvisionalLine(zone: ZoneResult, total: number, replications = zone.seeds.length): string {
  const union = zone.cells.filter((c) => c.unionHolds).length;
  const platform = zone.cells.filter((c) => c.platformHolds).length;
  // A sequential zone's cells stand on different seeds: say how far the undecided ones are.
  const counts = (zone as { replicationsByCell?: number[] }).replicationsByCell ?? [];
  const most = Math.max(replications, ...counts);
  const ahead = counts.filter((n) => n === most).length;
  const detail = most > replications ? ` (${ahead} undecided cell${ahead === 1 ? '' : 's'} on ${most})` : '';
  return (
    `provisional ${replications}/${total} replications${detail}: ${zone.agreedCells} of ${zone.cells.length} cells ` +
    `agreed (union accepts ${union}, platform ${platform}); cheapest for platform ${pickText(zone.cheapestForPlatform)}; ` +
    `best for union ${pickText(zone.bestForUnion)}\n`
  );
}
