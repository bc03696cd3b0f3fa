/** The gate's reports: a plain table for stdout and JUnit XML for CI systems. Pure string functions. */
import type { AssertionOutcome, GateResult } from '../analysis/index.ts';

/** What the reports say about the comparison besides the assertions. */
export interface GateContext {
  scenarioName: string;
  scenarioDigest: string;
  fairpaceVersion: string;
  seeds: readonly number[];
}

/** A number as a table shows it: four significant digits, whole numbers above 1000, `n/a` for NaN. */
function num(x: number): string {
  if (Number.isNaN(x)) return 'n/a';
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1000) return x.toFixed(0);
  return String(Number(x.toPrecision(4)));
}

function judgedOn(gate: GateResult, a: AssertionOutcome): string {
  if (gate.confidence === 'mean') return 'mean';
  return a.op === '<=' || a.op === '<' ? 'upper end' : 'lower end';
}

/** Why an assertion fails, in one line. */
export function failureText(gate: GateResult, a: AssertionOutcome): string {
  const value = Number.isNaN(a.judged) ? 'no value' : `${judgedOn(gate, a)} ${num(a.judged)}`;
  return (
    `${a.name} fails: ${value} (mean ${num(a.mean)}, 95% interval ${num(a.ci95[0])} to ${num(a.ci95[1])}), ` +
    `needs ${a.op} ${a.threshold}`
  );
}

/** One row per assertion, aligned, then a verdict line. */
export function formatGateTable(gate: GateResult, context: GateContext): string {
  const basis = gate.confidence === 'mean' ? 'the mean' : 'the unfavourable end of the 95% interval over replications';
  const head = ['result', 'assertion', 'mean', '95% interval', 'judged on'];
  const rows = gate.assertions.map((a) => [
    a.holds ? 'pass' : 'FAIL',
    a.name,
    num(a.mean),
    `${num(a.ci95[0])} to ${num(a.ci95[1])}`,
    `${judgedOn(gate, a)} ${num(a.judged)}`,
  ]);
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 2 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const failed = gate.assertions.filter((a) => !a.holds).length;
  const total = gate.assertions.length;
  return [
    `Gate on "${context.scenarioName}", ${context.seeds.length} replications, judged on ${basis}`,
    '',
    ...all.map(line),
    '',
    failed === 0
      ? `all ${total} assertion${total === 1 ? '' : 's'} hold`
      : `${failed} of ${total} assertion${total === 1 ? '' : 's'} fail${failed === 1 ? 's' : ''}`,
    '',
  ].join('\n');
}

/** Text safe inside XML 1.0 attributes and elements: the five special characters escaped, invalid characters dropped. */
function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters outright
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/**
 * JUnit XML with one test case per assertion (a `<failure>` for each that does not hold), in the common form that
 * Jenkins, GitLab and GitHub test reporters read. No timestamps, so the same gate gives the same bytes.
 */
export function gateJunit(gate: GateResult, context: GateContext): string {
  const failures = gate.assertions.filter((a) => !a.holds).length;
  const suite = `fairpace gate: ${context.scenarioName}`;
  const props: [string, string][] = [
    ['fairpaceVersion', context.fairpaceVersion],
    ['scenarioDigest', context.scenarioDigest],
    ['seeds', context.seeds.join(',')],
    ['confidence', gate.confidence],
  ];
  const cases = gate.assertions.map((a) => {
    const open = `    <testcase classname="fairpace.gate" name="${xml(a.name)}">`;
    if (a.holds) return `${open}</testcase>`;
    const why = failureText(gate, a);
    return `${open}\n      <failure message="${xml(why)}" type="AssertionFailed">${xml(why)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="fairpace" tests="${gate.assertions.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="${xml(suite)}" tests="${gate.assertions.length}" failures="${failures}" errors="0" skipped="0">`,
    '    <properties>',
    ...props.map(([name, value]) => `      <property name="${name}" value="${xml(value)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
