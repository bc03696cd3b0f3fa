/**
 * Verifying a pack: unzip it under hard limits, check every file against the manifest, re-run its scenario with its
 * arms and seeds, make every file again and compare byte for byte. Pure: the runs go through an injected executor,
 * so the CLI uses its worker threads and the app its Web Workers.
 */
import { strFromU8 } from 'fflate';
import type { CancelSignal, Executor, ProgressFn } from '../analysis/index.ts';
import { sha256Hex } from '../scenario/canonical.ts';
import { problemsOf, validateScenario } from '../scenario/load.ts';
import { SCHEMA_VERSION, type Scenario } from '../scenario/schema.ts';
import { FAIRPACE_VERSION } from '../version.ts';
import { buildEvidenceFiles } from './bundle.ts';
import { csvRows } from '../format/csv.ts';
import { jsonDifferences } from './jsonDiff.ts';
import { BARGAINING_FILE, isPackFileName, Manifest, packDigest, PACK_FILES } from './manifest.ts';
import { PackError } from './packError.ts';
import { otherModel, otherModelLine, type OtherModel } from './packModel.ts';
import { planFromManifest, runEvidenceInProcess } from './plan.ts';
import { readZip, type ZipLimits, PACK_LIMITS } from './zipRead.ts';
import type { PackFile } from '../format/zip.ts';

/** A pack that unzipped cleanly and whose manifest, scenario and results parse. */
export interface OpenedPack {
  files: ReadonlyMap<string, Uint8Array>;
  manifest: Manifest;
  scenario: Scenario;
  /** scenario.json and results.json as parsed JSON (what the digest covers). */
  scenarioJson: unknown;
  resultsJson: unknown;
}

/** The result of verifying a pack that could be read. */
export interface VerifyOutcome {
  verified: boolean;
  /** One line per file or metric that differs, e.g. `results.json: arms[0].metrics.earnings.gini: pack 0.2, re-run 0.3`. */
  differences: string[];
  /** Things worth knowing that are not differences (e.g. another Fairpace version made the pack). */
  notes: string[];
  /**
   * Set when another model made the pack: then nothing was re-run, and `differences` is the one line that names both
   * fingerprints and the Fairpace version to install (`otherModelLine`).
   */
  otherModel?: OtherModel;
  /** The pack's manifest and scenario; absent when another model made the pack (they were not read). */
  manifest?: Manifest;
  scenario?: Scenario;
}

/** At most this many differing paths are listed per file; the rest are counted. */
const MAX_LISTED = 20;

function parseJson(files: ReadonlyMap<string, Uint8Array>, name: string): unknown {
  const bytes = files.get(name);
  if (!bytes) throw new PackError(`the pack has no ${name}`);
  try {
    return JSON.parse(strFromU8(bytes));
  } catch (e) {
    throw new PackError(`${name}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * Unzips a pack and parses its manifest, scenario and results. Throws PackError for a damaged or hostile zip, a
 * missing or unexpected file, invalid JSON, or a manifest or scenario the schemas refuse (with the JSON path).
 */
export function openPack(zip: Uint8Array, limits: ZipLimits = PACK_LIMITS): OpenedPack {
  return openPackFiles(readPackFiles(zip, limits));
}

/** The files of a pack's zip by name; throws PackError for a damaged or hostile zip or a file a pack never holds. */
export function readPackFiles(zip: Uint8Array, limits: ZipLimits = PACK_LIMITS): Map<string, Uint8Array> {
  return new Map(readZip(zip, isPackFileName, limits).map((f) => [f.name, f.bytes]));
}

/** `openPack` on files already read from the zip. */
export function openPackFiles(files: ReadonlyMap<string, Uint8Array>): OpenedPack {
  const missing = PACK_FILES.filter((name) => !files.has(name));
  if (missing.length > 0) throw new PackError(`the pack lacks ${missing.join(', ')}`);

  const parsed = Manifest.safeParse(parseJson(files, 'manifest.json'));
  if (!parsed.success)
    throw new PackError(problemsOf(parsed.error).map((p) => `manifest.json: ${p.path}: ${p.message}`));
  const manifest = parsed.data;
  const carried = [...files.keys()].filter((n) => BARGAINING_FILE.test(n));
  const expected = [...PACK_FILES.filter((n) => n !== 'manifest.json'), ...carried].sort();
  const listed = Object.keys(manifest.files).sort();
  if (listed.join('\n') !== expected.join('\n')) {
    throw new PackError(`manifest.json: files must list exactly ${expected.join(', ')}`);
  }
  if (manifest.schemaVersion > SCHEMA_VERSION) {
    throw new PackError(
      `the pack uses scenario schema version ${manifest.schemaVersion}; this Fairpace reads version ${SCHEMA_VERSION} — update Fairpace`,
    );
  }

  const scenarioJson = parseJson(files, 'scenario.json');
  const loaded = validateScenario(scenarioJson);
  if (!loaded.ok) throw new PackError(loaded.problems.map((p) => `scenario.json: ${p.path}: ${p.message}`));
  const resultsJson = parseJson(files, 'results.json');
  if (resultsJson === null || typeof resultsJson !== 'object' || Array.isArray(resultsJson)) {
    throw new PackError('results.json: not a comparison (not a JSON object)');
  }
  return { files, manifest, scenario: loaded.scenario, scenarioJson, resultsJson };
}

/** The bargaining results a pack carries, in zip order. */
function bargainingNames(pack: OpenedPack): string[] {
  return [...pack.files.keys()].filter((n) => BARGAINING_FILE.test(n));
}

/** Files whose SHA-256 is not the manifest's, and a digest that does not match scenario.json and results.json. */
export function checkDigests(pack: OpenedPack): string[] {
  const out: string[] = [];
  for (const name of [...PACK_FILES, ...bargainingNames(pack)]) {
    if (name === 'manifest.json') continue;
    const bytes = pack.files.get(name);
    if (bytes && sha256Hex(bytes) !== pack.manifest.files[name]) {
      out.push(`${name}: its SHA-256 does not match manifest.json (the file was changed after the pack was made)`);
    }
  }
  if (packDigest(pack.scenarioJson, pack.resultsJson) !== pack.manifest.digest) {
    out.push('digest: the SHA-256 over scenario.json and results.json does not match manifest.json');
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function listed(name: string, lines: readonly string[]): string[] {
  if (lines.length <= MAX_LISTED) return lines.map((l) => `${name}: ${l}`);
  return [
    ...lines.slice(0, MAX_LISTED).map((l) => `${name}: ${l}`),
    `${name}: … and ${lines.length - MAX_LISTED} more`,
  ];
}

/**
 * How a CSV file differs from the re-made one: the number of lines that differ and the first of them, with its
 * column. Lines are compared as text (a pack's CSV fields hold no line breaks), so a file of a million rows is not
 * parsed field by field.
 */
function csvDifference(pack: string, rerun: string): string {
  const lines = (text: string) => (text.endsWith('\r\n') ? text.slice(0, -2) : text).split('\r\n');
  const a = lines(pack);
  const b = lines(rerun);
  const total = Math.max(a.length, b.length);
  let differing = 0;
  let first = '';
  for (let i = 0; i < total; i++) {
    if (a[i] === b[i]) continue;
    differing += 1;
    if (!first) {
      const header = csvRows(b[0] ?? '')[0] ?? [];
      const x = csvRows(a[i] ?? '')[0] ?? [];
      const y = csvRows(b[i] ?? '')[0] ?? [];
      const at = Array.from({ length: Math.max(x.length, y.length) }, (_, k) => k).find((k) => x[k] !== y[k]);
      const column = a[i] !== undefined && b[i] !== undefined && at !== undefined ? header[at] : undefined;
      first = ` (first at line ${i + 1}${column ? `, column ${column}` : ''})`;
    }
  }
  if (differing === 0) return 'same values, different bytes';
  return `${differing} of ${total} lines differ from the re-run${first}`;
}

const startsWithBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** A CSV file against the re-made one; the BOM is compared apart, so the texts stay one byte per character. */
function csvFileDifference(pack: Uint8Array | undefined, remade: Uint8Array): string {
  if (!pack) return 'missing';
  const text = (b: Uint8Array) => strFromU8(startsWithBom(b) ? b.subarray(3) : b);
  const lines = csvDifference(text(pack), text(remade));
  if (startsWithBom(pack) === startsWithBom(remade)) return lines;
  const bom = startsWithBom(pack) ? 'starts with a byte-order mark' : 'lacks the byte-order mark at its start';
  return lines === 'same values, different bytes' ? bom : `${bom}; ${lines}`;
}

function jsonFileDifferences(name: string, pack: unknown, rerun: unknown): string[] {
  const diffs = jsonDifferences(pack, rerun);
  if (diffs.length === 0) return [`${name}: same values, different bytes (not the form Fairpace writes)`];
  return listed(
    name,
    diffs.map((d) => `${d.path}: pack ${d.pack}, re-run ${d.rerun}`),
  );
}

/** A JSON file of a pack parsed, or its text when it is not JSON (so the difference still shows). */
function parsedOrText(bytes: Uint8Array | undefined): unknown {
  if (!bytes) return undefined;
  const text = strFromU8(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Each file of the pack against the same file made again from the re-run, with what differs in it. */
export function compareWithRemade(pack: OpenedPack, remade: readonly PackFile[]): string[] {
  const out: string[] = [];
  for (const file of remade) {
    const original = pack.files.get(file.name);
    if (original && sameBytes(original, file.bytes)) continue;
    if (file.name.endsWith('.csv')) {
      out.push(`${file.name}: ${csvFileDifference(original, file.bytes)}`);
      continue;
    }
    const remadeJson = () => JSON.parse(strFromU8(file.bytes)) as unknown;
    if (file.name === 'manifest.json') {
      // File hashes that differ are reported per file; here only the rest of the manifest counts.
      const { files: _a, ...packManifest } = pack.manifest;
      const { files: _b, ...remadeManifest } = remadeJson() as Manifest;
      const diffs = jsonDifferences(packManifest, remadeManifest);
      out.push(
        ...listed(
          'manifest.json',
          diffs.map((d) => `${d.path}: pack ${d.pack}, re-run ${d.rerun}`),
        ),
      );
    } else if (file.name === 'results.json') {
      out.push(...jsonFileDifferences(file.name, pack.resultsJson, remadeJson()));
    } else if (file.name === 'scenario.json') {
      out.push(...jsonFileDifferences(file.name, pack.scenarioJson, remadeJson()));
    } else if (file.name === 'calibration.json') {
      // Named by the target's row, e.g. `calibration.json: rows[2].model.mean: pack 33.1, re-run 33.4`.
      out.push(...jsonFileDifferences(file.name, parsedOrText(original), remadeJson()));
    } else {
      // tables.xlsx is compared as bytes only; its cells are those of the CSVs, which are compared line by line.
      out.push(`${file.name}: differs from the file made again from the re-run`);
    }
  }
  return out;
}

/**
 * Verifies a pack: throws PackError when it cannot be read or trusted as a pack (a damaged or hostile zip, invalid
 * JSON, a scenario the schema refuses); otherwise returns whether every digest holds and every file is remade
 * byte for byte by re-running its scenario with `execute` (whose results must keep their courier-day rows).
 */
export async function verifyPack(
  zip: Uint8Array,
  execute: Executor = runEvidenceInProcess,
  onProgress?: ProgressFn,
  signal?: CancelSignal,
): Promise<VerifyOutcome> {
  const files = readPackFiles(zip);
  // The model first: a pack of another model cannot be remade here, whatever else is in it.
  const other = otherModel(files);
  if (other) return { verified: false, differences: [otherModelLine(other)], notes: [], otherModel: other };
  const pack = openPackFiles(files);
  const notes: string[] = [];
  if (pack.manifest.fairpaceVersion !== FAIRPACE_VERSION) {
    notes.push(
      `the pack was made by Fairpace ${pack.manifest.fairpaceVersion} and is checked by Fairpace ${FAIRPACE_VERSION}; ` +
        'a difference may come from the change of version',
    );
  }
  const differences = checkDigests(pack);
  let plan;
  try {
    plan = planFromManifest(pack.scenario, pack.manifest.arms, pack.manifest.seeds);
  } catch (e) {
    if (e instanceof RangeError) throw new PackError(`manifest.json: ${e.message}`);
    throw e;
  }
  const runs = await execute(plan.tasks, onProgress, signal);
  // Bargaining results are carried as they are (their digests are checked above); they are not re-run, but the
  // report made again must show them the same way.
  const bargaining = bargainingNames(pack).map((name) => ({ name, bytes: pack.files.get(name) as Uint8Array }));
  let remade;
  try {
    remade = buildEvidenceFiles({ scenario: pack.scenario, plan, runs, bargaining });
  } catch (e) {
    if (e instanceof RangeError) throw new PackError(e.message);
    throw e;
  }
  differences.push(...compareWithRemade(pack, remade.files));
  return { verified: differences.length === 0, differences, notes, manifest: pack.manifest, scenario: pack.scenario };
}
