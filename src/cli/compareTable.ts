/** `fairpace compare --format table`: the arms side by side with paired differences, then each arm's scorecard. */
import {
  armDisplayName,
  differencePaths,
  metricAt,
  PLATFORM_COST_PARTS,
  platformCost,
  platformCostSentences,
  type Comparison,
  type Difference,
} from '../analysis/index.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ComplianceCheck } from '../sim/results.ts';
import { formatDifference, formatMetric, formatPlain, metricUnit } from './metricFormat.ts';

/** Extra context the comparison object does not carry. */
export interface TableOptions {
  /** The scenario's `meta.name`, shown in the heading. */
  scenarioName?: string;
  /** The scenario, for what each pair of arms costs the platform (its arms' deadlines and rules). */
  scenario?: Scenario;
}

/** One set of differences shown as a pair of columns: `B - A` and its interval. */
interface DiffColumn {
  heading: string;
  differences: Record<string, Difference>;
}

type Row = { heading: string } | { cells: string[] };

const GAP = '  ';

/** Renders a comparison as a plain-text table (ASCII in aligned columns, so any terminal lines it up). */
export function formatCompareTable(comparison: Comparison, options: TableOptions = {}): string {
  const lines = [...headerLines(comparison, options), ''];
  lines.push(...metricTable(comparison), '');
  if (options.scenario) lines.push(...platformCostLines(options.scenario, comparison));
  for (const arm of comparison.arms) {
    lines.push(`Compliance: ${arm.id} (${arm.label})`);
    lines.push(...scorecard(arm.compliance).map((l) => `${GAP}${l}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** What the looser arm of each pair costs the platform, in words, and its parts (they add up to the whole). */
function platformCostLines(scenario: Scenario, c: Comparison): string[] {
  const out: string[] = [];
  for (let i = 1; i < c.arms.length; i++) {
    const cost = platformCost(scenario, c, i);
    if (!cost) continue;
    const s = platformCostSentences(cost, {
      stricter: armDisplayName(scenario, cost.stricter),
      looser: armDisplayName(scenario, cost.looser),
    });
    out.push(`Platform: ${cost.looser} vs ${cost.stricter}`, `${GAP}${s.total.en}`);
    for (const part of PLATFORM_COST_PARTS) out.push(`${GAP}- ${s.parts[part].en}`);
    out.push(`${GAP}${s.retained.en}`);
    if (s.uncertain) out.push(`${GAP}${s.uncertain.en}`);
    out.push('');
  }
  return out;
}

function headerLines(c: Comparison, options: TableOptions): string[] {
  const name = options.scenarioName ? `${options.scenarioName} ` : '';
  const first = c.seeds[0];
  const last = c.seeds.at(-1);
  const seeds = first === undefined ? 'none' : first === last ? `${first}` : `${first}..${last}`;
  const width = Math.max(0, ...c.arms.map((a) => a.id.length));
  return [
    `Scenario: ${name}(digest ${c.scenarioDigest.slice(0, 12)})`,
    `Replications: ${c.seeds.length} per arm, seeds ${seeds}; Fairpace ${c.fairpaceVersion}`,
    'Arms:',
    ...c.arms.map((a) => `${GAP}${a.id.padEnd(width)}${GAP}${a.label}`),
  ];
}

function diffColumns(c: Comparison): DiffColumn[] {
  const [a, b] = c.arms;
  if (!a || !b) return [];
  if (c.differencesVsFirst) {
    return c.arms.slice(1).map((arm) => ({
      heading: `${arm.id} - ${a.id}`,
      differences: c.differencesVsFirst?.[arm.id] ?? {},
    }));
  }
  return [{ heading: `${b.id} - ${a.id}`, differences: c.differences }];
}

function metricTable(c: Comparison): string[] {
  const first = c.arms[0];
  if (!first) return ['(no arms)'];
  const diffs = diffColumns(c);
  const header = ['metric', 'unit', ...c.arms.map((a) => a.id), ...diffs.flatMap((d) => [d.heading, '95% CI', ''])];
  // The interval-excludes-zero marker gets its own left-aligned column so the intervals line up on their brackets.
  const align: ('l' | 'r')[] = header.map((h, i) => (i < 2 || h === '' ? 'l' : 'r'));
  const rows: Row[] = [{ cells: header }];
  let section = '';
  let anyExcludesZero = false;
  for (const path of differencePaths(first.metrics)) {
    const [head, ...rest] = path.split('.');
    if (head !== section) {
      section = head ?? '';
      rows.push({ heading: section });
    }
    const cells = [`${GAP}${rest.join('.')}`, metricUnit(path)];
    for (const arm of c.arms) cells.push(formatMetric(metricAt(arm.metrics, path), path));
    for (const d of diffs) {
      const diff = d.differences[path];
      const excludesZero = diff !== undefined && (diff.ci95[0] > 0 || diff.ci95[1] < 0);
      anyExcludesZero ||= excludesZero;
      cells.push(formatDifference(diff?.mean, path), interval(diff, path), excludesZero ? '*' : '');
    }
    rows.push({ cells });
  }
  if (diffs.length === 0) return renderRows(rows, align);
  const notes = ['Differences of % values are percentage points; intervals are paired 95% t intervals.'];
  if (anyExcludesZero) notes.unshift('* the 95% interval excludes 0.');
  return [...renderRows(rows, align), '', ...notes];
}

function interval(diff: Difference | undefined, path: string): string {
  if (!diff) return 'n/a';
  return `[${formatDifference(diff.ci95[0], path)}, ${formatDifference(diff.ci95[1], path)}]`;
}

const STATUS: Record<string, string> = { pass: 'pass', fail: 'FAIL', notApplicable: 'n/a', info: 'info' };

function scorecard(checks: readonly ComplianceCheck[]): string[] {
  const rows: Row[] = [{ cells: ['check', 'status', 'value', 'threshold'] }];
  for (const check of checks) {
    rows.push({
      cells: [check.id, STATUS[check.status] ?? check.status, formatPlain(check.value), check.threshold],
    });
  }
  return renderRows(rows, ['l', 'l', 'l', 'l']);
}

/** Pads cells into columns; heading rows are printed as they are and do not widen columns. */
function renderRows(rows: readonly Row[], align: readonly ('l' | 'r')[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    if (!('cells' in row)) continue;
    row.cells.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  return rows.map((row) => {
    if (!('cells' in row)) return row.heading;
    const padded = row.cells.map((cell, i) =>
      align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
    );
    return padded.join(GAP).trimEnd();
  });
}
