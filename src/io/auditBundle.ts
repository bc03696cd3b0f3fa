/**
 * The files of a rider audit, the same from `fairpace audit riders --out audit.zip` and from the workbench's audit
 * panel: report.html, targets.json, rider_days.csv (rider ids as salted hashes) and audit.json (the figures and
 * counts). No file holds a rider id.
 */
import { strToU8 } from 'fflate';
import type { Bi } from '../format/bilingual.ts';
import { csvBytes } from '../format/csv.ts';
import { writeZip, type PackFile } from '../format/zip.ts';
import { auditReportHtml } from './auditReport.ts';
import { auditTargets, riderDaysCsv, type RiderAudit } from './riders.ts';

/** Everything the audit's files say besides the audit. */
export interface AuditBundleInput {
  audit: RiderAudit;
  standardsName: Bi;
  /** The records file first, then the online-time file when given. */
  files: { role: Bi; name: string; sha256: string }[];
  arm: string;
  fairpaceVersion: string;
}

const text = (s: string) => strToU8(s);
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The audit's targets file (figures with a model metric, the records' interval as the range). */
export function auditTargetsFile(input: AuditBundleInput): ReturnType<typeof auditTargets> {
  const records = input.files[0];
  return auditTargets(input.audit, {
    arm: input.arm,
    fileName: records?.name ?? 'records',
    sha256: records?.sha256 ?? '',
  });
}

/** The audit's files, in zip order. */
export function auditFiles(input: AuditBundleInput): PackFile[] {
  const { audit } = input;
  const summary = {
    schemaVersion: 1,
    fairpaceVersion: input.fairpaceVersion,
    basis: audit.basis,
    standards: { name: input.standardsName, ...audit.standards },
    files: input.files.map((f) => ({ role: f.role.en, name: f.name, sha256: f.sha256 })),
    counts: audit.counts,
    figures: audit.figures,
  };
  return [
    { name: 'report.html', bytes: text(auditReportHtml(input)) },
    { name: 'targets.json', bytes: text(json(auditTargetsFile(input))) },
    { name: 'rider_days.csv', bytes: csvBytes(riderDaysCsv(audit)) },
    { name: 'audit.json', bytes: text(json(summary)) },
  ];
}

/** The audit as a zip. */
export function auditZip(input: AuditBundleInput): Uint8Array {
  return writeZip(auditFiles(input));
}
