/**
 * `--drop-implausible` of the data importers: the commands read past implausible rows (src/io/plausibility.ts) and
 * count them, then refuse the input with every count, or, with the option, report what was left out.
 */
import { droppedSentence, refusalLines, type ImplausibleCounts, type PlausibilityCheck } from '../io/plausibility.ts';
import { InputError } from './errors.ts';

/**
 * Implausible rows (src/io/plausibility.ts) are read past and counted, so a refusal can say how many there are of
 * each kind. Without `--drop-implausible` any of them refuses the input, with their located messages: nothing is
 * written.
 */
export function refuseImplausible(command: { dropImplausible: boolean }, checks: [PlausibilityCheck, string][]): void {
  if (command.dropImplausible) return;
  const lines = checks.flatMap(([check, label]) => (check.rows > 0 ? refusalLines(check, label) : []));
  if (lines.length > 0) throw new InputError(lines);
}

/** The report of `--drop-implausible`: how many rows of each kind were left out of a file. */
export function dropNote(command: { dropImplausible: boolean }, counts: ImplausibleCounts, label: string): string {
  if (!command.dropImplausible) return '';
  return counts.rows > 0
    ? `note: --drop-implausible: ${label}: ${droppedSentence(counts)}\n`
    : `note: --drop-implausible: ${label}: no implausible row\n`;
}
