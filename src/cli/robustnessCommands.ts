/**
 * `fairpace robustness` as a batch command: the base comparison and every sampled world in one batch (so `--shard`
 * and `fairpace merge` work as for every batch command), the result as JSON or as a table a negotiator can read.
 */
import { robustnessBatch, type RobustnessOptions, type RobustnessResult } from '../analysis/robustness.ts';
import { lookupMetric } from '../analysis/index.ts';
import { ScenarioPathError } from '../scenario/paths.ts';
import { batchCommand } from './batch.ts';
import { EXIT_OK } from './errors.ts';
import { emit, jsonText } from './files.ts';
import type { RobustnessCommand, RobustnessFormat } from './robustnessArgs.ts';

/** What decides a robustness run and its output. */
interface RobustnessJob extends RobustnessOptions {
  format: RobustnessFormat;
}

/** `fairpace robustness`. Bad paths or arms exit 2 with the message. */
export const robustnessCommand = batchCommand({
  options: (c: RobustnessCommand): RobustnessJob => ({
    worlds: c.worlds,
    params: c.params,
    arms: c.arms,
    replications: c.replications,
    seed: c.seed,
    format: c.format,
    ...(c.totalIndices ? { totalIndices: true } : {}),
  }),
  plan(scenario, o: RobustnessJob) {
    try {
      return robustnessBatch(scenario, o);
    } catch (e) {
      if (e instanceof RangeError && e.message.startsWith('--total-indices')) throw e;
      if (e instanceof RangeError || e instanceof ScenarioPathError) {
        throw new RangeError(`${o.params ? '--params' : 'fairpace robustness'}: ${e.message}`);
      }
      throw e;
    }
  },
  async finish(result: RobustnessResult, { options, out, io }) {
    if (result.totalIndices && options.format === 'json') io.stderr(`${totalIndicesCost(result)}\n`);
    await emit(options.format === 'table' ? formatRobustnessTable(result) : jsonText(result), out, io);
    return EXIT_OK;
  },
});

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(2));

/** One row per headline difference, then where each one that can fail fails and what drives it. */
export function formatRobustnessTable(r: RobustnessResult): string {
  const [a, b] = r.arms;
  const lines = [
    `${r.worlds} worlds drawn from ${r.params.length} assumptions' ranges (Latin hypercube, seed ${r.seed}), ${r.replicationsPerWorld} seed(s) a world; ${b} − ${a}:`,
    '',
  ];
  const head = ['difference', 'base', 'holds in', '95% interval', 'verdict', 'half the worlds'];
  const rows = r.metrics.map((m) => [
    lookupMetric(m.metric)?.entry.short ?? m.metric,
    `${num(m.base.mean)}${m.baseClear ? '' : ' (interval includes 0)'}`,
    `${m.holds} of ${r.worlds} (${pct(m.share)})`,
    `${pct(m.interval[0])}–${pct(m.interval[1])}`,
    m.verdict,
    m.stable ? 'same verdict' : `${m.halfVerdict} (unstable: draw more worlds)`,
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => (row[j] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => c.padEnd(widths[j] as number))
      .join('  ')
      .trimEnd();
  lines.push(line(head), ...rows.map(line), '');
  for (const m of r.metrics) {
    if (m.holds === r.worlds) continue;
    const name = lookupMetric(m.metric)?.entry.short ?? m.metric;
    // A box without limits is the whole space: no region holds the failures (PRIM found nothing to peel).
    if (m.box && m.box.limits.length > 0) {
      const where = m.box.limits
        .map((l) =>
          l.low !== null && l.high !== null
            ? `${num(l.low)} ≤ ${l.param} ≤ ${num(l.high)}`
            : l.low !== null
              ? `${l.param} ≥ ${num(l.low)}`
              : `${l.param} ≤ ${num(l.high as number)}`,
        )
        .join(' and ');
      lines.push(
        `${name}: fails mostly where ${where}: in ${m.box.failures} of the ${m.box.worlds} worlds there, ${pct(m.box.coverage)} of all its failures`,
      );
    } else {
      lines.push(
        `${name}: fails in ${r.worlds - m.holds} worlds, with no region of the assumptions that holds most of them`,
      );
    }
    const top = m.firstOrder.filter((f) => f.index > 0).slice(0, 3);
    if (top.length > 0) {
      lines.push(
        `  most of its spread over worlds: ${top.map((f) => `${f.param} ${pct(f.index)}`).join(', ')} (first-order)`,
      );
    }
  }
  if (r.totalIndices) lines.push('', totalIndicesCost(r), ...totalIndicesTable(r));
  return `${lines.join('\n')}\n`;
}

/** What the total-effect indices cost, in one line. */
export function totalIndicesCost(r: RobustnessResult): string {
  const k = r.params.length;
  const t = r.totalIndices;
  return t
    ? `total-effect indices (Jansen estimator, radial design): (k + 2) × N = (${k} + 2) × ${r.worlds} = ${t.evaluations} worlds, ${t.runs} runs with the base comparison`
    : '';
}

/** Each assumption's total-effect index per difference, a column per difference, assumptions by their largest. */
function totalIndicesTable(r: RobustnessResult): string[] {
  const shortOf = (m: string) => lookupMetric(m)?.entry.short ?? m;
  const head = ['assumption', ...r.metrics.map((m) => shortOf(m.metric))];
  const at = (m: (typeof r.metrics)[number], p: string) => m.totalEffect?.find((t) => t.param === p)?.index ?? 0;
  const largest = (p: string) => Math.max(...r.metrics.map((m) => at(m, p)));
  const paths = r.params.map((p) => p.path).sort((a, b) => largest(b) - largest(a));
  const rows = paths.map((p) => [p, ...r.metrics.map((m) => pct(at(m, p)))]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((row) => (row[j] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => (j === 0 ? c.padEnd(widths[j] as number) : c.padStart(widths[j] as number)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}
