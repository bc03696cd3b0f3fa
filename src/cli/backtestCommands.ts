/**
 * `fairpace backtest`: reads a back-test file and the preset it names, runs it with order traces over worker
 * threads (the run cache is not used: cached runs carry no trace), and prints each observed figure against the model.
 */
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { loadBacktest, runBacktest, type BacktestResult } from '../analysis/backtest.ts';
import { runInProcess } from '../analysis/index.ts';
import { withExecutor } from '../node/pool.ts';
import type { BacktestCommand } from './backtestArgs.ts';
import type { CliIo } from './cliIo.ts';
import { EXIT_OK, InputError } from './errors.ts';
import { emit, jsonText, readBoundedFile, readScenarioFile } from './files.ts';
import { progressFor } from './progress.ts';

/** Largest back-test file read (one is a few kilobytes). */
const MAX_BACKTEST_BYTES = 4 * 1024 * 1024;

/** `fairpace backtest`. */
export async function backtestCommand(command: BacktestCommand, io: CliIo): Promise<number> {
  const bytes = await readBoundedFile(command.file, MAX_BACKTEST_BYTES);
  const loaded = loadBacktest(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  if (!loaded.ok) throw new InputError(loaded.problems.map((p) => `${command.file}: ${p.path}: ${p.message}`));
  const file = loaded.file;
  const scenario = await readScenarioFile(resolve(dirname(command.file), file.scenario), io);
  const threads = command.workers ?? availableParallelism();
  const progress = progressFor(command, io);
  let result: BacktestResult;
  try {
    result = await withExecutor(threads, runInProcess, (executor) =>
      runBacktest(file, scenario, executor, {
        ...(command.seeds !== undefined ? { seeds: command.seeds } : {}),
        onProgress: (done, total) => progress.update(done, total),
      }),
    );
  } catch (e) {
    if (e instanceof RangeError && e.name === 'BacktestProblemError')
      throw new InputError(e.message.split('\n').map((line) => `${command.file}: ${line}`));
    throw e;
  } finally {
    progress.finish();
  }
  const text = command.format === 'json' ? jsonText(result) : backtestTable(result, scenario.time.days);
  await emit(text, command.out, io);
  return EXIT_OK;
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const signed = (x: number) => (x > 0 ? `+${f1(x)}` : f1(x));

/** The table `fairpace backtest` prints: one row per figure. */
export function backtestTable(result: BacktestResult, days: number): string {
  const header = ['arm', 'figure', 'steps', 'observed', 'model', '95% CI', 'model − observed', 'strength'];
  const rows = result.rows.map((r) => [
    r.figure.versusArm === undefined ? r.figure.arm : `${r.figure.arm} vs ${r.figure.versusArm}`,
    r.figure.id,
    r.figure.fromStep === undefined ? `${r.figure.step}` : `${r.figure.fromStep}→${r.figure.step}`,
    f1(r.figure.observed),
    f1(r.model.mean),
    `[${f1(r.model.ci95[0])}, ${f1(r.model.ci95[1])}]`,
    signed(r.gap),
    r.figure.strength,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i >= 3 && i <= 6 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const series = result.rows.some((r) => r.figure.series !== undefined);
  const seeds = `seeds ${result.seeds[0]}..${result.seeds[result.seeds.length - 1]}`;
  return [
    `Back-test: ${result.name} (${result.id})`,
    `Steps 0–${days - 1}; ${seeds}${series ? "; each step's level is the mean of the 5 steps around it" : ''}.`,
    '',
    line(header),
    ...rows.map(line),
    '',
    ...(series ? ['Minutes. A change is the level at its second step minus the level at its first.'] : []),
    ...(result.rows.some((r) => r.figure.versusArm !== undefined)
      ? [
          'A row "arm vs other" is the relative change in percent from the other arm to the arm, seed by seed (same orders and couriers); a metric row reads the whole run.',
        ]
      : []),
    '',
  ].join('\n');
}
