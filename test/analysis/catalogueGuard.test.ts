// No metric's label, unit or direction is defined outside the metric catalogue (src/analysis/catalogue): the
// command line, the workbench and evidence reports read it. This test reads every source file and fails on the
// shapes such a definition takes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lookupMetric, METRIC_CATALOGUE, UNITS } from '../../src/analysis/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATALOGUE = 'src/analysis/catalogue/';

/** Every TypeScript source file outside the catalogue, as [path from the root, text]. */
function sources(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name)) out.push([relative(ROOT, full).replaceAll('\\', '/'), readFileSync(full, 'utf8')]);
    }
  };
  walk(join(ROOT, 'src'));
  return out.filter(([path]) => !path.startsWith(CATALOGUE));
}

/** The string literals of a source text ('…', "…" and `…` without substitutions). */
function literals(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.)*)`/g)) {
    out.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return out;
}

const isMetric = (path: string) => lookupMetric(path) !== undefined || METRIC_CATALOGUE.some((e) => e.path === path);

const files = sources();

describe('the metric catalogue is the only place a metric is described', () => {
  it('has found the sources it guards', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some(([p]) => p === 'src/cli/metricFormat.ts')).toBe(true);
  });

  it('no table keyed by metric path outside it', () => {
    const found = files.flatMap(([path, text]) =>
      // A key, not the first branch of a ternary (`online ? 'earnings.…' : undefined`).
      [...text.matchAll(/(?<!\?\s*)['"`]([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)['"`]\s*:/g)]
        .map((m) => m[1] ?? '')
        .filter(isMetric)
        .map((metric) => `${path}: ${metric}`),
    );
    expect(found).toEqual([]);
  });

  it('no object that gives a metric path a label, unit, format or direction outside it', () => {
    const found = files.flatMap(([path, text]) =>
      [...text.matchAll(/\{[^{}]*\bpath:\s*['"`]([\w.]+)['"`][^{}]*\}/g)]
        .filter(
          (m) => isMetric(m[1] ?? '') && /\b(label|title|unit|format|digits|scale|better|direction)\s*:/.test(m[0]),
        )
        .map((m) => `${path}: ${m[1]}`),
    );
    expect(found).toEqual([]);
  });

  it('no message key naming a metric (metric.*, mdrp.kpi.*) in the app’s dictionaries', () => {
    const found = files.flatMap(([path, text]) =>
      [...text.matchAll(/['"`]((?:metric|mdrp\.kpi)\.[\w.]+)['"`]\s*:/g)].map((m) => `${path}: ${m[1]}`),
    );
    expect(found).toEqual([]);
  });

  it('no string that is a metric’s label, with or without its unit, outside it', () => {
    const labels = new Set<string>();
    for (const e of METRIC_CATALOGUE) {
      for (const lang of ['zh', 'en'] as const) {
        // Labels with a threshold placeholder are matched on the text before the placeholder.
        const text = e.label[lang].split('{')[0]?.trim() ?? '';
        if (text.length < 3) continue;
        labels.add(text);
        const unit = UNITS[e.unit].text[lang];
        if (unit) labels.add(lang === 'zh' ? `${text}（${unit}）` : `${text} (${unit})`);
      }
    }
    const found = files.flatMap(([path, text]) =>
      literals(text)
        .filter((s) => labels.has(s.trim()))
        .map((s) => `${path}: "${s}"`),
    );
    expect(found).toEqual([]);
  });

  it('no metric unit word defined outside it (the editor’s parameter units excepted)', () => {
    const words = new Set([
      '个百分点',
      'percentage points',
      'CNY/day',
      '元/天',
      'CNY/order',
      '元/单',
      'CNY/h',
      '元/小时',
    ]);
    // The parameter catalogue's units are those of scenario parameters (a pay rule in CNY per hour, say), not of
    // metrics; the editor reads them from there.
    const allowed = new Set(['src/app/i18nFields.ts', 'src/scenario/catalogue.ts']);
    const found = files
      .filter(([path]) => !allowed.has(path))
      .flatMap(([path, text]) =>
        literals(text)
          .filter((s) => words.has(s.trim()))
          .map((s) => `${path}: "${s}"`),
      );
    expect(found).toEqual([]);
  });
});
