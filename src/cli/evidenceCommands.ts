/** `fairpace evidence` and `fairpace verify`: packs made and checked by the pure functions of src/evidence. */
import type { Executor } from '../analysis/index.ts';
import { batchCommand } from './batch.ts';
import { basename } from 'node:path';
import {
  buildEvidencePack,
  PACK_LIMITS,
  PackError,
  parseBargaining,
  planEvidence,
  sizeText,
  verifyPack,
  type EvidenceOptions,
} from '../evidence/index.ts';
import type { EvidenceCommand, VerifyCommand } from './packArgs.ts';
import type { CliIo } from './cliIo.ts';
import { EXIT_NOT_VERIFIED, EXIT_OK, InputError } from './errors.ts';
import { execute } from './execute.ts';
import { readBoundedFile, writeFileAtomic } from './files.ts';

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

/** What decides a pack: the comparison's options and the bargaining files it carries (their bytes, as base64). */
interface EvidenceJob extends EvidenceOptions {
  include: { name: string; base64: string }[];
}

/** `fairpace evidence`: the comparison run with courier-day rows kept, written as a pack; prints what it wrote. */
export const evidenceCommand = batchCommand({
  async options(c: EvidenceCommand): Promise<EvidenceJob> {
    const included = await readIncluded(c.include ?? []);
    return {
      arms: c.arms,
      replications: c.replications,
      seed: c.seed,
      include: included.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') })),
    };
  },
  plan(scenario, o: EvidenceJob) {
    // An unknown arm, a pack too large to hold or a bad bargaining file: RangeError, the user's input.
    const plan = planEvidence(scenario, o);
    const bargaining = o.include.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));
    parseBargaining(bargaining);
    return { tasks: plan.tasks, summarise: (runs) => buildEvidencePack({ scenario, plan, runs, bargaining }) };
  },
  courierDays: true,
  async finish(pack, { out, io }) {
    // runBatchCommand passes the command's --out, which evidence requires; merge requires its own.
    const file = out as string;
    await writeFileAtomic(file, pack.zip);
    io.stdout(
      `wrote ${file}: ${pack.files.length} files, ${sizeText(pack.zip.length)}, digest ${pack.manifest.digest}\n`,
    );
    return EXIT_OK;
  },
});

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
