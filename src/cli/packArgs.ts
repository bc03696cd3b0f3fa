/** Parsing `fairpace evidence` and `fairpace verify` (pure): making an evidence pack, and checking one. */
import { MAX_COURIER_DAY_ROWS } from '../evidence/plan.ts';
import { armsOption, wholeOption } from './optionArgs.ts';
import { optList, outFile, singleFile, stringOf } from './argValues.ts';
import { HELP_OPTIONS, type CommandSpec } from './commandSpec.ts';
import { UsageError } from './errors.ts';
import { RUN_CONTROL_HELP, runControl, type RunControl } from './runControl.ts';

/** `fairpace evidence <file> --out pack.zip`: an evidence pack of the comparison with the same options. */
export interface EvidenceCommand extends RunControl {
  kind: 'evidence';
  file: string;
  arms?: string[];
  replications?: number;
  seed?: number;
  out: string;
  workers?: number;
  quiet: boolean;
  /** Bargaining result files (`fairpace target/sensitivity/zone --out`) to carry as `bargaining/<name>.json`. */
  include?: string[];
}

/** `fairpace verify <pack.zip>`: re-run a pack's scenario and check every file and digest. */
export interface VerifyCommand {
  kind: 'verify';
  file: string;
  workers?: number;
  quiet: boolean;
  progress?: 'json';
}

/** `fairpace evidence`. */
export const EVIDENCE: CommandSpec<EvidenceCommand> = {
  usage: [
    'fairpace evidence <scenario.json> [--arms A,B] [--replications R] [--seed N] [--workers N] [--include F,...] --out pack.zip',
  ],
  summary: ['an evidence pack: a zip with the scenario, results, CSVs, charts, a bilingual report and digests'],
  help: `Usage: fairpace evidence <scenario.json> [options] --out pack.zip

Runs the comparison that 'fairpace compare' runs with the same options and writes an evidence pack: a zip holding
scenario.json (the full scenario, every default written out), results.json (the compare output), courier_days.csv
(one row per courier-day of every run), per_day.csv, compliance.csv (each CSV with a UTF-8 byte-order mark, for
Excel and WPS), tables.xlsx (the three tables as sheets, headed in Chinese and English), charts/*.svg, report.html (a
printable report in Chinese and English) and manifest.json (versions, the model fingerprint, seeds, the SHA-256 of
every file, one digest over scenario and results, and the command that makes the pack again). The same inputs always
give the same bytes.

Options:
  --out FILE, -o FILE   the zip to write (required)
  --arms A,B            arms to compare, by id (default: every arm of the scenario)
  --replications R      replications per arm (default: the scenario's "replications")
  --seed N              first seed; replication i uses N + i (default: the scenario's "seed")
  --workers N           worker threads (default: one per core); the pack is identical for any N
  --quiet, -q           no progress on stderr
  --include F1,F2       bargaining results (files written by 'fairpace target/sensitivity/zone --out') to carry
                        as bargaining/<name>.json, listed with their SHA-256 and summarised in report.html;
                        'fairpace verify' checks their digests but does not re-run them
${RUN_CONTROL_HELP}

A pack holds at most ${String(MAX_COURIER_DAY_ROWS).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} courier-day rows (couriers × days × replications × arms).

Example:
  fairpace evidence scenarios/yantai-2021.json --out yantai-pack.zip`,
  options: {
    ...HELP_OPTIONS,
    arms: { type: 'string' },
    replications: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string', short: 'o' },
    workers: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    include: { type: 'string' },
  },
  parse: (v, positionals) => {
    const c = 'evidence';
    const file = singleFile(positionals, c);
    const seed = wholeOption('seed', stringOf(v, 'seed'), c);
    const out = outFile(stringOf(v, 'out'), c);
    if (out === undefined)
      throw new UsageError('missing --out <pack.zip>: a pack is a zip file, not text for stdout', c);
    return {
      kind: 'evidence',
      file,
      arms: armsOption(stringOf(v, 'arms'), c),
      replications: wholeOption('replications', stringOf(v, 'replications'), c),
      seed,
      out,
      workers: wholeOption('workers', stringOf(v, 'workers'), c),
      quiet: v.quiet === true,
      include: optList(stringOf(v, 'include'), 'include', c),
    };
  },
};

/** `fairpace verify`. */
export const VERIFY: CommandSpec<VerifyCommand> = {
  usage: ['fairpace verify <pack.zip> [--workers N]'],
  summary: ["re-run an evidence pack's scenario and check every file and number in it"],
  help: `Usage: fairpace verify <pack.zip> [--workers N] [--quiet]

Checks an evidence pack: first its model fingerprint, then every file against the SHA-256 in its manifest, the digest
over scenario and results, and then re-runs the scenario with the pack's arms and seeds and makes every file again.
Prints "verified" and exits 0 when all of it matches; otherwise names each file and metric that differs and exits 1.
A pack made by another model (another fingerprint) is not re-run: one line names both fingerprints and the Fairpace
version to install, and the exit code is 1. A damaged or hostile zip
(bad CRC, unsafe or unexpected file names, absurd sizes, too many files, invalid JSON, a scenario the schema
refuses) exits 2 with a message. Works in memory and writes nothing to disk.

Options:
  --workers N           worker threads for the re-run (default: one per core)
  --quiet, -q           no progress on stderr
  --progress json       one JSON line per finished run on stderr`,
  options: {
    ...HELP_OPTIONS,
    workers: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    progress: { type: 'string' },
  },
  parse: (v, positionals) => {
    const c = 'verify';
    const file = singleFile(positionals, c, 'pack', '<pack.zip>');
    const quiet = v.quiet === true;
    const workers = wholeOption('workers', stringOf(v, 'workers'), c);
    return { kind: 'verify', file, workers, quiet, ...runControl(v, c, { out: undefined, quiet }) };
  },
};
