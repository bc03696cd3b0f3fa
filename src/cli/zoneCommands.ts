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
});
