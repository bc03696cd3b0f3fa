/**
 * `fairpace observe waybills` and `fairpace import waybills`: file I/O around the pure waybill code of src/io.
 * Nothing is written unless the whole input was read without a problem.
 */
import { basename } from 'node:path';
import { TargetsFile } from '../analysis/calibrate/targets.ts';
import { dayOfYmd } from '../io/geoTime.ts';
import { figuresTable } from '../io/observed.ts';
import { PlausibilityCheck } from '../io/plausibility.ts';
import { DataFormatError } from '../io/records.ts';
import { countsSentence, WaybillObserver, waybillTargets } from '../io/waybillObserve.ts';
import { WaybillReplayBuilder, waybillScenario } from '../io/waybillReplay.ts';
import { WaveObserver } from '../io/waves.ts';
import { validateScenario } from '../scenario/load.ts';
import type { CliIo } from './cliIo.ts';
import type { ImportWaybillsCommand, ObserveWaybillsCommand } from './dataArgs.ts';
import { readDataFile } from './dataSource.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { dropNote, refuseImplausible } from './implausible.ts';
import { jsonText, writeFileAtomic } from './files.ts';

/** The name a source file goes by in outputs: its base name, and the CSV inside a zip. */
function sourceName(file: string, entry: string | undefined): string {
  return entry === undefined ? basename(file) : `${basename(file)}!${entry}`;
}

/** `fairpace observe waybills`. */
export async function observeWaybills(command: ObserveWaybillsCommand, io: CliIo): Promise<number> {
  const progress = { ...io, quiet: command.quiet };
  let waveObserver: WaveObserver | undefined;
  const waveCheck = new PlausibilityCheck(true);
  let wavesLabel = '';
  if (command.waves !== undefined) {
    const read = await readDataFile(
      command.waves,
      (label) => (waveObserver = new WaveObserver(label, waveCheck)),
      progress,
      'waves',
    );
    wavesLabel = read.label;
  }
  let observer: WaybillObserver | undefined;
  const check = new PlausibilityCheck(true);
  const info = await readDataFile(
    command.file,
    (label) =>
      (observer = new WaybillObserver(label, command.peakHours ? { peakHours: command.peakHours } : {}, check)),
    progress,
    'waybills',
  );
  if (!observer) throw new Error('no observer');
  refuseImplausible(command, [
    [check, info.label],
    [waveCheck, wavesLabel],
  ]);
  const waves = waveObserver?.finish();
  const obs = observer.finish(waves);
  if (obs.counts.deliveredOrders === 0) {
    throw new InputError(`${info.label}: no delivered waybill (is_courier_grabbed 1 with grab_time and arrive_time)`);
  }
  const targets = waybillTargets(obs, {
    arm: command.arm,
    fileName: sourceName(command.file, info.entry),
    sha256: info.sha256,
  });
  const parsed = TargetsFile.safeParse(targets);
  if (!parsed.success) throw new Error(`the observed targets do not validate: ${parsed.error.message}`);

  const notes: string[] = [];
  if (obs.ignoredColumns.length > 0) notes.push(`note: ignored columns ${obs.ignoredColumns.join(', ')}`);
  if (obs.counts.duplicateRows > 0) {
    notes.push(`note: ${obs.counts.duplicateRows} duplicate rows (a waybill_id already read) skipped`);
  }
  if (waves && waves.duplicateRows > 0) notes.push(`note: ${waves.duplicateRows} duplicate wave rows skipped`);
  const dropped =
    dropNote(command, obs.counts.implausible, info.label) +
    (waves ? dropNote(command, waves.implausible, wavesLabel) : '');
  const summary =
    `${countsSentence(obs.counts)}\n${waves ? `${waves.waves} waves read from ${command.waves}.\n` : ''}\n` +
    figuresTable(obs.figures) +
    notes.map((n) => `${n}\n`).join('') +
    dropped;
  if (command.out !== undefined) {
    await writeFileAtomic(command.out, jsonText(targets));
    io.stdout(`${summary}wrote ${command.out}: ${targets.targets.length} targets for arm ${command.arm}\n`);
  } else {
    io.stdout(jsonText(targets));
    if (!command.quiet) io.stderr(summary);
  }
  return EXIT_OK;
}

/** `fairpace import waybills`. */
export async function importWaybills(command: ImportWaybillsCommand, io: CliIo): Promise<number> {
  const day = command.day === undefined ? undefined : dayOfYmd(command.day);
  if (command.day !== undefined && day === undefined) {
    throw new InputError(`--day ${command.day} is not a date (YYYYMMDD)`);
  }
  let builder: WaybillReplayBuilder | undefined;
  const check = new PlausibilityCheck(true);
  const info = await readDataFile(
    command.file,
    (label) =>
      (builder = new WaybillReplayBuilder(
        label,
        {
          ...(day !== undefined ? { day } : {}),
          ...(command.area !== undefined ? { area: command.area } : {}),
        },
        check,
      )),
    { ...io, quiet: command.quiet },
    'waybills',
  );
  if (!builder) throw new Error('no builder');
  refuseImplausible(command, [[check, info.label]]);
  let result;
  try {
    result = builder.finish(info.label);
  } catch (e) {
    if (e instanceof DataFormatError) throw new InputError(e.problems);
    throw e;
  }
  const scenario = waybillScenario(result, {
    fileName: sourceName(command.file, info.entry),
    sha256: info.sha256,
    ...(command.area !== undefined ? { area: command.area } : {}),
  });
  const loaded = validateScenario(scenario);
  if (!loaded.ok) throw new InputError(loaded.problems.map((p) => `${info.label}: ${p.path}: ${p.message}`));
  await writeFileAtomic(command.out, `${JSON.stringify(scenario, null, 2)}\n`);
  const i = result.instance;
  const c = result.counts;
  const notes = [
    c.duplicateRows > 0 ? `note: ${c.duplicateRows} duplicate rows (a waybill_id already read) skipped\n` : '',
    c.ordersWithoutPositions > 0 ? `note: ${c.ordersWithoutPositions} orders without both positions left out\n` : '',
    dropNote(command, c.implausible, info.label),
  ].join('');
  io.stdout(
    `${notes}wrote ${command.out}: ${result.day}${command.area !== undefined ? `, area ${command.area}` : ''}, ${i.orders.length} orders, ${i.couriers.length} couriers, ${i.restaurants.length} restaurants, ${i.parameters.metersPerMinute} m/min\n`,
  );
  return EXIT_OK;
}
