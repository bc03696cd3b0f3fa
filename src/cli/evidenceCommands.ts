/** `fairpace evidence` and `fairpace verify`: packs made and checked by the pure functions of src/evidence. */
import type { Executor } from '../analysis/index.ts';
import { basename } from 'node:path';
import {
  buildEvidencePack,
  PACK_LIMITS,
  PackError,
  parseBargaining,
  planEvidence,
  sizeText,
  verifyPack,
} from '../evidence/index.ts';
import type { EvidenceCommand, VerifyCommand } from './args.ts';
import type { CliIo } from './commands.ts';
import { EXIT_NOT_VERIFIED, EXIT_OK, InputError } from './errors.ts';
import { execute } from './execute.ts';
import { readBoundedFile, readScenarioFile, writeFileAtomic } from './files.ts';

/** Most bytes of one included bargaining result. */
const MAX_INCLUDE_BYTES = 16 * 1024 * 1024;

/** The `--include` files as `bargaining/<base name>.json` entries. */
async function readIncluded(paths: readonly string[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const path of paths) {
    const base = basename(path).replace(/\.json$/i, '');
    out.push({ name: `bargaining/${base}.json`, bytes: await readBoundedFile(path, MAX_INCLUDE_BYTES) });
  }
  return out;
}

/** Runs the comparison with courier-day rows kept and writes the pack; prints one line saying what was written. */
export async function evidenceCommand(command: EvidenceCommand, io: CliIo): Promise<void> {
  const scenario = await readScenarioFile(command.file);
  let plan;
  try {
    plan = planEvidence(scenario, command);
  } catch (e) {
    // An unknown arm or a pack too large to hold: both the user's input.
    if (e instanceof RangeError) throw new InputError(e.message);
    throw e;
  }
  const bargaining = await readIncluded(command.include ?? []);
  try {
    parseBargaining(bargaining);
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(e.message);
    throw e;
  }
  const runs = await execute(plan.tasks, { ...command, courierDays: true }, io);
  const pack = buildEvidencePack({ scenario, plan, runs, bargaining });
  await writeFileAtomic(command.out, pack.zip);
  io.stdout(
    `wrote ${command.out}: ${pack.files.length} files, ${sizeText(pack.zip.length)}, digest ${pack.manifest.digest}\n`,
  );
}

/**
 * Verifies a pack in memory: prints "verified" (exit 0), or one `differs:` line per file or metric that differs
 * (exit 1), or for a pack made by another model one `not verified: made by another model: …` line without re-running
 * anything (exit 1). A pack that cannot be read or trusted is bad input (exit 2), each line prefixed with the file
 * name.
 */
export async function verifyCommand(command: VerifyCommand, io: CliIo): Promise<number> {
  const zip = await readBoundedFile(command.file, PACK_LIMITS.maxZipBytes);
  const rerun: Executor = (tasks) => execute(tasks, { ...command, courierDays: true }, io);
  let outcome;
  try {
    outcome = await verifyPack(zip, rerun);
  } catch (e) {
    if (e instanceof PackError) throw new InputError(e.lines.map((line) => `${command.file}: ${line}`));
    throw e;
  }
  if (outcome.otherModel) {
    // Checked before anything was re-run: one line, both fingerprints and the version to install.
    io.stdout(`not verified: ${outcome.differences.join(' ')}\n`);
    return EXIT_NOT_VERIFIED;
  }
  for (const note of outcome.notes) io.stderr(`note: ${note}\n`);
  if (outcome.verified) {
    io.stdout('verified\n');
    return EXIT_OK;
  }
  const count = outcome.differences.length;
  io.stdout(
    `${outcome.differences.map((d) => `differs: ${d}\n`).join('')}` +
      `not verified: ${count} difference${count === 1 ? '' : 's'}\n`,
  );
  return EXIT_NOT_VERIFIED;
}
