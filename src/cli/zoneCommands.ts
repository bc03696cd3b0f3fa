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
import { sayOnTerminal } from './bargainingCommands.ts';
import { batchCommand } from './batch.ts';
import { EXIT_OK } from './errors.ts';
import { emit, jsonText } from './files.ts';
import type { ZoneCommand } from './zoneArgs.ts';

/** `fairpace zone`. Bad paths, arms or metric names exit 2 with the message. */
export const zoneCommand = batchCommand({
  options: (c: ZoneCommand): ZoneOptions => ({
    x: c.x,
    y: c.y,
    union: c.union,
    platform: c.platform,
    unionObjective: c.unionObjective,
    confidence: c.confidence,
    arm: c.arm,
    replications: c.replications,
    seed: c.seed,
  }),
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
    const s = zoneSentences(result, labelContext(scenario));
    sayOnTerminal(io, { en: zoneParagraph(s, 'en'), zh: zoneParagraph(s, 'zh') });
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
export function zoneProvisionalLine(zone: ZoneResult, total: number): string {
  const union = zone.cells.filter((c) => c.unionHolds).length;
  const platform = zone.cells.filter((c) => c.platformHolds).length;
  return (
    `provisional ${zone.seeds.length}/${total} replications: ${zone.agreedCells} of ${zone.cells.length} cells ` +
    `agreed (union accepts ${union}, platform ${platform}); cheapest for platform ${pickText(zone.cheapestForPlatform)}; ` +
    `best for union ${pickText(zone.bestForUnion)}\n`
  );
}
