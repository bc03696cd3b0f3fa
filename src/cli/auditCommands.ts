/**
 * `fairpace audit riders`: riders' own order records against a scenario's (or a preset's) minimum wage and
 * working-time limits. Inputs are read in full before anything is written; the salt of the rider-id hashes is kept
 * in a file of its own, made on first use, and never written into the audit.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { auditZip, type AuditBundleInput } from '../io/auditBundle.ts';
import { isStandardPreset, presetStandards, STANDARD_PRESETS } from '../io/auditStandards.ts';
import { figuresTable } from '../io/observed.ts';
import { PlausibilityCheck } from '../io/plausibility.ts';
import { auditRiders as audit, RiderOnlineReader, RiderOrdersReader, RiderRecords } from '../io/riders.ts';
import { FAIRPACE_VERSION } from '../version.ts';
import type { CliIo } from './cliIo.ts';
import type { AuditRidersCommand } from './dataArgs.ts';
import { readDataFile } from './dataSource.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { dropNote, refuseImplausible } from './implausible.ts';
import { fileErrorReason, readScenarioFile, writeFileAtomic } from './files.ts';

/** Shortest salt accepted from a salt file: 16 characters. */
const MIN_SALT = 16;

/** The salt in `file`, or a new random one written there (readable by its owner only). */
async function saltFrom(file: string): Promise<{ salt: string; made: boolean }> {
  try {
    const salt = (await readFile(file, 'utf8')).trim();
    if (salt.length < MIN_SALT) throw new InputError(`${file}: a salt is at least ${MIN_SALT} characters`);
    return { salt, made: false };
  } catch (e) {
    if (e instanceof InputError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new InputError(`cannot read ${file}: ${fileErrorReason(e)}`);
  }
  const salt = randomBytes(32).toString('hex');
  try {
    await writeFile(file, `${salt}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    throw new InputError(`cannot write ${file}: ${fileErrorReason(e)}`);
  }
  return { salt, made: true };
}

/** `fairpace audit riders`. */
export async function auditRiders(command: AuditRidersCommand, io: CliIo): Promise<number> {
  let standards;
  let standardsName;
  if (isStandardPreset(command.standards)) {
    standards = presetStandards(command.standards);
    const p = STANDARD_PRESETS[command.standards];
    standardsName = { zh: p.zh, en: p.en };
  } else {
    const scenario = await readScenarioFile(command.standards, io);
    standards = scenario.standards;
    standardsName = { zh: scenario.meta.name, en: scenario.meta.name };
  }
  const progress = { ...io, quiet: command.quiet };
  // One check for both files: an online row is checked against its rider-day's orders.
  const records = new RiderRecords(new PlausibilityCheck(true));
  const files: AuditBundleInput['files'] = [];
  const info = await readDataFile(command.file, (label) => new RiderOrdersReader(label, records), progress, 'records');
  files.push({
    role: { zh: '骑手订单记录', en: 'Rider order records' },
    name: basename(command.file),
    sha256: info.sha256,
  });
  if (command.online !== undefined) {
    const online = await readDataFile(
      command.online,
      (label) => new RiderOnlineReader(label, records),
      progress,
      'online',
    );
    files.push({ role: { zh: '在线时长', en: 'Online time' }, name: basename(command.online), sha256: online.sha256 });
  }
  const inputs = command.online !== undefined ? `${info.label} and ${command.online}` : info.label;
  refuseImplausible(command, [[records.plausibility, inputs]]);
  if (records.rider.length === 0) throw new InputError(`${info.label}: no order rows after the header`);

  // Hashes only reach the zip: without --out no salt is needed, and none is made.
  const salt =
    command.out !== undefined
      ? await saltFrom(command.saltFile)
      : { salt: randomBytes(32).toString('hex'), made: false };
  const result = audit(records, standards, salt.salt);
  const c = result.counts;
  const notes = [
    c.duplicateOrders > 0 ? `note: ${c.duplicateOrders} repeated order rows counted once\n` : '',
    c.duplicateOnline > 0 ? `note: ${c.duplicateOnline} repeated online rows (same rider and date) counted once\n` : '',
    c.daysWithoutOnline > 0
      ? `note: ${c.daysWithoutOnline} rider-days with orders have no online time: left out of the hour figures\n`
      : '',
    c.onlineDaysWithoutOrders > 0
      ? `note: ${c.onlineDaysWithoutOrders} rider-days of the online file have no order: counted as days online with no pay\n`
      : '',
    result.basis === 'engaged'
      ? 'note: no --online file: hours are engaged hours (accepted to delivered), so pay per hour is an upper bound\n'
      : '',
    dropNote(command, c.implausible, inputs),
  ].join('');
  const summary =
    `${c.orders} orders of ${c.riders} riders on ${c.riderDays} rider-days (${c.firstDate} to ${c.lastDate}), against ${standardsName.en}: minimum wage ${standards.minHourlyWage} CNY/h, ${standards.standardDailyHours} h day + ${standards.maxDailyOvertime} h overtime\n\n` +
    figuresTable(result.figures) +
    notes;
  if (command.out !== undefined) {
    const zip = auditZip({ audit: result, standardsName, files, arm: command.arm, fairpaceVersion: FAIRPACE_VERSION });
    await writeFileAtomic(command.out, zip);
    io.stdout(
      `${summary}wrote ${command.out}: report.html, targets.json, rider_days.csv, audit.json\n` +
        `rider ids are salted hashes; the salt is in ${command.saltFile}${salt.made ? ' (new)' : ''}: keep it, never share it\n`,
    );
  } else io.stdout(summary);
  return EXIT_OK;
}
