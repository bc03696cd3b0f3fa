/**
 * "Did you mean": the known path nearest to a mistyped parameter or metric path, and the error lines that carry it.
 * Pure functions, so every rule is tested with exact outputs.
 */
import { METRIC_PATHS } from '../analysis/metricList.ts';

/** Most edits (insert, delete, substitute, swap two neighbours) between a given text and a suggestion. */
export const MAX_EDITS = 2;

/** The optimal-string-alignment distance: Levenshtein with a swap of two neighbouring characters as one edit. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] as number[];
      let d = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(d);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The edits from `given` to `known` when they are few enough to be a typo: at most MAX_EDITS, and at most one per
 * three characters of `given` (so "bar" never suggests "base", nor "x" suggest "max"); otherwise undefined.
 */
function near(given: string, known: string): number | undefined {
  const d = editDistance(given, known);
  return d <= Math.min(MAX_EDITS, Math.max(1, Math.floor(given.length / 3))) && d < given.length ? d : undefined;
}

const lastSegment = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/**
 * The known path `given` most likely meant, or undefined when it is known or nothing is near. In order: the one path
 * that ends with the given text (`penalties.lateFine` → `rules.penalties.lateFine`; when several do, as for `p90`, no
 * guess), then the path fewest edits from it, then the path whose last segment is fewest edits from its last segment.
 * Ties go to the path listed first.
 */
export function didYouMean(given: string, known: readonly string[]): string | undefined {
  if (given === '' || known.includes(given)) return undefined;
  const endings = known.filter((path) => path.endsWith(`.${given}`));
  if (endings.length > 0) return endings.length === 1 ? endings[0] : undefined;
  const segment = lastSegment(given);
  return (
    lowest(known.map((path) => [path, near(given, path)])) ??
    lowest(
      known.map((path) => {
        const d = near(segment, lastSegment(path));
        // Ties go to the nearer whole path, so `earnings.gimi` prefers `earnings.gini` to another `…gini`.
        return [path, d === undefined ? undefined : d * 10_000 + Math.min(editDistance(given, path), 9_999)];
      }),
    )
  );
}

/** The path of the lowest score (the first of equals), or undefined when none has a score. */
function lowest(scored: readonly [string, number | undefined][]): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const [path, score] of scored) {
    if (score !== undefined && score < bestScore) {
      best = path;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The numeric parameters of a scenario (what `--param`, `--params`, `--x`, `--y` and `--fit` take), as dotted paths in
 * document order. Arrays are left out: their items are addressed by index and a replay holds thousands of them.
 */
export function parameterPaths(scenario: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'number' || (node === null && prefix !== '')) out.push(prefix);
    else if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, value] of Object.entries(node)) walk(value, prefix ? `${prefix}.${key}` : key);
    }
  };
  walk(scenario, '');
  return out;
}

const hint = (path: string) => ` (did you mean "${path}"?)`;

/** `<path>: no such parameter in the scenario`, as src/scenario/paths.ts and the analyses word it. */
const NO_PARAMETER = /(^|[\s'"])([^\s'"]+): no such parameter in the scenario(?! \(did you mean)/;
/** `unknown metric path '<path>'`, as the assertion, target and zone parsers word it. */
const NO_METRIC = /unknown metric path '([^']+)'(?! \(did you mean)/;

/** A line with a suggestion after an unknown parameter path, when the scenario has a path near it. */
export function suggestParameter(line: string, scenario: unknown): string {
  const m = NO_PARAMETER.exec(line);
  const path = m?.[2];
  if (m === null || path === undefined) return line;
  const suggestion = didYouMean(path, parameterPaths(scenario));
  if (suggestion === undefined) return line;
  const end = m.index + m[0].length;
  return `${line.slice(0, end)}${hint(suggestion)}${line.slice(end)}`;
}

/** A line with a suggestion after an unknown metric path, when a metric path is near it. */
export function suggestMetric(line: string): string {
  const m = NO_METRIC.exec(line);
  const path = m?.[1];
  if (m === null || path === undefined) return line;
  const suggestion = didYouMean(path, METRIC_PATHS);
  if (suggestion === undefined) return line;
  const end = m.index + m[0].length;
  return `${line.slice(0, end)}${hint(suggestion)}${line.slice(end)}`;
}

/** Error lines with suggestions: for metric paths always, for parameter paths when the scenario is given. */
export function withSuggestions(lines: readonly string[], scenario?: unknown): string[] {
  return lines.map((line) => suggestMetric(scenario === undefined ? line : suggestParameter(line, scenario)));
}
