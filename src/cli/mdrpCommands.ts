/**
 * `fairpace import mdrp <instance_dir> --out scenario.json` and `fairpace export mdrp <scenario.json> --out <dir>`:
 * file I/O around the pure MDRP functions of src/io/mdrp.ts.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  MDRP_INSTANCE_FILES,
  MdrpFormatError,
  formatMdrpSolution,
  mdrpScenario,
  readMdrpInstance,
  type MdrpFileRole,
} from '../io/mdrp.ts';
import { validateScenario } from '../scenario/load.ts';
import { simulate } from '../sim/simulate.ts';
import { InputError } from './errors.ts';
import { dropNote } from './implausible.ts';
import { fileErrorReason, readScenarioFile, writeFileAtomic } from './files.ts';
import type { ExportMdrpCommand, ImportMdrpCommand } from './mdrpArgs.ts';

/** Reads an instance folder and writes the replay scenario; returns the line to print. */
export async function importMdrp(command: ImportMdrpCommand): Promise<string> {
  const texts = {} as Record<MdrpFileRole, string>;
  for (const [role, name] of Object.entries(MDRP_INSTANCE_FILES) as [MdrpFileRole, string][]) {
    const file = join(command.dir, name);
    try {
      texts[role] = await readFile(file, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read ${file}: ${fileErrorReason(e)}`);
    }
  }
  let read;
  try {
    read = readMdrpInstance(texts, { dropImplausible: command.dropImplausible });
  } catch (e) {
    if (e instanceof MdrpFormatError) {
      const lines = e.problems.map((p) => join(command.dir, p));
      if (e.problems.some((p) => p.includes('[implausible: ') && !p.startsWith(MDRP_INSTANCE_FILES.parameters))) {
        lines.push(
          `${command.dir}: rows no platform could have produced: nothing written. --drop-implausible leaves implausible order and courier rows out and reports how many.`,
        );
      }
      throw new InputError(lines);
    }
    throw e;
  }
  const { instance, implausible } = read;
  const name = basename(resolve(command.dir));
  const scenario = mdrpScenario(instance, name, implausible);
  const loaded = validateScenario(scenario);
  if (!loaded.ok) throw new InputError(loaded.problems.map((p) => `${p.path}: ${p.message}`));
  await writeFileAtomic(command.out, `${JSON.stringify(scenario, null, 2)}\n`);
  return `${dropNote(command, implausible, command.dir)}wrote ${command.out}: ${instance.orders.length} orders, ${instance.couriers.length} couriers, ${instance.restaurants.length} restaurants\n`;
}

/** Runs one replication of one arm of a replay scenario and writes the three MDRP solution files. */
export async function exportMdrp(command: ExportMdrpCommand): Promise<string> {
  const scenario = await readScenarioFile(command.file);
  if (scenario.kind !== 'replay') {
    throw new InputError(
      `${command.file}: export mdrp needs a replay scenario (kind "replay"; see fairpace import mdrp)`,
    );
  }
  const armId = command.arm ?? scenario.arms[0]?.id ?? '';
  if (!scenario.arms.some((a) => a.id === armId)) {
    throw new InputError(`unknown arm "${armId}" (arms: ${scenario.arms.map((a) => a.id).join(', ')})`);
  }
  const result = simulate(scenario, armId, command.seed ?? scenario.seed, { solution: true });
  const files = formatMdrpSolution(result.solution ?? { assignments: [], orders: [], moves: [] });
  try {
    await mkdir(command.out, { recursive: true });
  } catch (e) {
    throw new InputError(`cannot create ${command.out}: ${fileErrorReason(e)}`);
  }
  for (const [name, text] of Object.entries(files)) await writeFileAtomic(join(command.out, name), text);
  const delivered = result.metrics.mdrp?.ordersDelivered ?? 0;
  return `wrote ${command.out}: ${Object.keys(files).length} files, ${delivered} of ${scenario.replay?.orders.length ?? 0} orders delivered\n`;
}
