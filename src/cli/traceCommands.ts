/**
 * `fairpace observe trace`: file I/O around src/io/traceObserve.ts. The table of figures goes to stdout; `--out`
 * also writes them as a targets file in the layout of observe waybills. Nothing is written unless the whole trace was
 * read without a problem.
 */
import { basename } from 'node:path';
import { TargetsFile } from '../analysis/calibrate/targets.ts';
import { figuresTable } from '../io/observed.ts';
import { TraceObserver, traceCountsSentence, traceTargets } from '../io/traceObserve.ts';
import type { CliIo } from './cliIo.ts';
import type { ObserveTraceCommand } from './dataArgs.ts';
import { readDataFile } from './dataSource.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { jsonText, writeFileAtomic } from './files.ts';

const ARM = /^[A-Za-z0-9_-]{1,40}$/;

/** `fairpace observe trace`. */
export async function observeTrace(command: ObserveTraceCommand, io: CliIo): Promise<number> {
  let observer: TraceObserver | undefined;
  const info = await readDataFile(
    command.file,
    (label) => (observer = new TraceObserver(label, command.peakHours ? { peakHours: command.peakHours } : {})),
    { ...io, quiet: command.quiet },
    'order trace',
  );
  if (!observer) throw new Error('no observer');
  const obs = observer.finish();
  if (obs.counts.deliveredOrders === 0) {
    throw new InputError(`${info.label}: no delivered order (a courier_id with an arrive_time) in the trace`);
  }
  const traceArm = obs.counts.arms.length === 1 ? obs.counts.arms[0] : undefined;
  const arm = command.arm ?? (traceArm !== undefined && ARM.test(traceArm) ? traceArm : 'median');

  const notes: string[] = [];
  if (obs.ignoredColumns.length > 0) notes.push(`note: ignored columns ${obs.ignoredColumns.join(', ')}`);
  if (obs.counts.arms.length > 1) notes.push(`note: the trace holds several arms (${obs.counts.arms.join(', ')})`);
  if (command.arm !== undefined && traceArm !== undefined && traceArm !== command.arm) {
    notes.push(`note: the trace is of arm ${traceArm}; the targets describe arm ${command.arm} (--arm)`);
  }
  io.stdout(`${traceCountsSentence(obs.counts)}\n\n${figuresTable(obs.figures)}${notes.map((n) => `${n}\n`).join('')}`);
  if (command.out !== undefined) {
    const targets = traceTargets(obs, {
      arm,
      fileName: info.entry === undefined ? basename(command.file) : `${basename(command.file)}!${info.entry}`,
      sha256: info.sha256,
      year: new Date().getUTCFullYear(),
    });
    const parsed = TargetsFile.safeParse(targets);
    if (!parsed.success) throw new Error(`the observed targets do not validate: ${parsed.error.message}`);
    await writeFileAtomic(command.out, jsonText(targets));
    io.stdout(`wrote ${command.out}: ${targets.targets.length} targets for arm ${arm}\n`);
  }
  return EXIT_OK;
}
