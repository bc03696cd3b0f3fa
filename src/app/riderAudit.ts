/**
 * The workbench's rider audit: the same pure code as `fairpace audit riders`, on files dropped or picked in the
 * browser. Nothing is sent anywhere: the files are read in this page, and the results are offered as downloads.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { PackError } from '../evidence/packError.ts';
import { PACK_LIMITS, readZip } from '../evidence/zipRead.ts';
import { auditFiles, type AuditBundleInput } from '../io/auditBundle.ts';
import { presetStandards, STANDARD_PRESETS, type StandardPreset } from '../io/auditStandards.ts';
import { CsvLineReader } from '../io/csvLines.ts';
import { DataFormatError, type RecordSink } from '../io/records.ts';
import { auditRiders, RiderOnlineReader, RiderOrdersReader, RiderRecords, type RiderAudit } from '../io/riders.ts';
import type { Scenario } from '../scenario/schema.ts';
import { writeZip, type PackFile } from '../format/zip.ts';

/** A file as the page read it. */
export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

/** Where the standards come from: a preset, or the scenario in the editor. */
export type StandardsChoice = StandardPreset | 'editor';

/** Largest file read in the page (a union's records are megabytes; a zip is checked with the pack limits). */
export const MAX_AUDIT_FILE_BYTES = 200 * 1024 * 1024;

/** What an audit gives the panel. */
export type AuditOutcome =
  { ok: true; audit: RiderAudit; files: PackFile[]; zip: Uint8Array } | { ok: false; lines: string[] };

/** The text of a CSV, or of the one CSV in a zip; throws DataFormatError naming the file. */
function csvText(file: DroppedFile): { label: string; text: string } {
  let bytes = file.bytes;
  let label = file.name;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let entries;
    try {
      entries = readZip(bytes, () => true, PACK_LIMITS).filter(
        (e) => /\.csv$/i.test(e.name) && !e.name.startsWith('__MACOSX/'),
      );
    } catch (e) {
      if (e instanceof PackError) throw new DataFormatError(e.lines.map((l) => `${file.name}: ${l}`));
      throw e;
    }
    if (entries.length !== 1) {
      throw new DataFormatError(
        `${file.name}: it holds ${entries.length} CSV files${entries.length > 1 ? ` (${entries.map((e) => e.name).join(', ')})` : ''}; give a zip with one, or the CSV itself`,
      );
    }
    const entry = entries[0] as PackFile;
    bytes = entry.bytes;
    label = `${file.name}!${entry.name}`;
  }
  try {
    return { label, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw new DataFormatError(`${label}: not UTF-8 text (save the CSV as UTF-8)`);
  }
}

function read(file: DroppedFile, make: (label: string) => RecordSink): void {
  const { label, text } = csvText(file);
  const reader = new CsvLineReader(make(label), label);
  reader.push(text);
  reader.end();
}

/** Runs the audit on the dropped files; never throws for bad input (it comes back as lines to show). */
export function runAudit(options: {
  records: DroppedFile;
  online?: DroppedFile;
  standards: StandardsChoice;
  editorScenario: Scenario | null;
  salt: string;
  fairpaceVersion: string;
  arm?: string;
}): AuditOutcome {
  let standards;
  let standardsName;
  if (options.standards === 'editor') {
    if (!options.editorScenario) return { ok: false, lines: ['the scenario in the editor is not valid'] };
    standards = options.editorScenario.standards;
    standardsName = { zh: options.editorScenario.meta.name, en: options.editorScenario.meta.name };
  } else {
    standards = presetStandards(options.standards);
    const p = STANDARD_PRESETS[options.standards];
    standardsName = { zh: p.zh, en: p.en };
  }
  const records = new RiderRecords();
  try {
    read(options.records, (label) => new RiderOrdersReader(label, records));
    if (options.online) {
      const online = options.online;
      read(online, (label) => new RiderOnlineReader(label, records));
    }
  } catch (e) {
    if (e instanceof DataFormatError) return { ok: false, lines: e.problems };
    throw e;
  }
  if (records.rider.length === 0)
    return { ok: false, lines: [`${options.records.name}: no order rows after the header`] };
  const audit = auditRiders(records, standards, options.salt);
  const digest = (f: DroppedFile) => bytesToHex(sha256(f.bytes));
  const files: AuditBundleInput['files'] = [
    {
      role: { zh: '骑手订单记录', en: 'Rider order records' },
      name: options.records.name,
      sha256: digest(options.records),
    },
  ];
  if (options.online) {
    files.push({
      role: { zh: '在线时长', en: 'Online time' },
      name: options.online.name,
      sha256: digest(options.online),
    });
  }
  const bundle = auditFiles({
    audit,
    standardsName,
    files,
    arm: options.arm ?? 'median',
    fairpaceVersion: options.fairpaceVersion,
  });
  return { ok: true, audit, files: bundle, zip: writeZip(bundle) };
}

/** A new random salt: 32 bytes as hex, from the browser's cryptographic generator. */
export function newSalt(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return bytesToHex(bytes);
}
