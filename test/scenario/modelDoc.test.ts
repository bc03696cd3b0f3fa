import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, type StatusKind } from '../../src/scenario/catalogue.ts';
import type { FieldPath } from '../../src/scenario/fieldPath.ts';

const MODEL_DOC = fileURLToPath(new URL('../../docs/model.md', import.meta.url));

/** A markdown table: its header cells and its rows' cells, trimmed. */
interface Table {
  header: string[];
  rows: string[][];
}

/** Every pipe table of a markdown text. */
function tablesOf(markdown: string): Table[] {
  const tables: Table[] = [];
  let lines: string[] = [];
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  const flush = () => {
    if (lines.length >= 2 && /^\|[\s:|-]+\|$/.test(lines[1]?.trim() ?? '')) {
      tables.push({ header: cells(lines[0] ?? ''), rows: lines.slice(2).map(cells) });
    }
    lines = [];
  };
  for (const line of markdown.split('\n')) {
    if (line.trim().startsWith('|')) lines.push(line);
    else flush();
  }
  flush();
  return tables;
}

/**
 * The schema fields each row of docs/model.md's defaults tables describes (the row's first cell), or null for a row
 * that has no field (drawn inside the model).
 */
const ROW_FIELDS: Readonly<Record<string, readonly FieldPath[] | null>> = {
  employment: ['population.crowdShare'],
  'new (< 30 days)': ['population.newShare', 'behaviour.newCourierSlowdown', 'behaviour.newCourierDetour'],
  'comfort speed': [
    'population.comfortSpeedKmh.mean',
    'population.comfortSpeedKmh.sd',
    'population.comfortSpeedKmh.min',
    'population.comfortSpeedKmh.max',
  ],
  'maximum speed': [
    'population.maxSpeedKmh.mean',
    'population.maxSpeedKmh.sd',
    'population.maxSpeedKmh.min',
    'population.maxSpeedKmh.max',
  ],
  'risk tolerance r': null,
  'shift start': [
    'population.morningShare',
    'population.morningStartHour',
    'population.eveningStartHour',
    'population.crowdStartDelayHours',
  ],
  'hours limit': [
    'population.maxHoursMin',
    'population.maxHoursMax',
    'population.crowdHoursMin',
    'population.crowdHoursMax',
  ],
  'daily income target': ['population.incomeTargetMedianCny', 'population.incomeTargetSigma'],
  'multi-platform': ['population.multiPlatformShare'],
};

/** The status a cell states: its first word, and the _target_ names of a calibrated one. */
function statusOfCell(cell: string): { kind: StatusKind; targets: string[] } {
  const kind = /^(sourced|calibrated|assumption)\b/.exec(cell)?.[1] as StatusKind | undefined;
  if (!kind)
    throw new Error(`docs/model.md: a status cell that says none of sourced, calibrated, assumption: "${cell}"`);
  const head = kind === 'calibrated' ? (cell.split('(')[0] ?? '') : '';
  return { kind, targets: [...head.matchAll(/_([\w-]+)_/g)].map((m) => m[1] as string) };
}

describe('docs/model.md agrees with the parameter catalogue', () => {
  const tables = tablesOf(readFileSync(MODEL_DOC, 'utf8')).filter((t) => t.header.includes('status'));

  it('has defaults tables with a status column', () => {
    expect(tables.length).toBeGreaterThan(0);
  });

  it('states for each row the status the catalogue gives its fields (and a calibrated row’s targets)', () => {
    let checked = 0;
    for (const table of tables) {
      const statusAt = table.header.indexOf('status');
      for (const row of table.rows) {
        const name = row[0] ?? '';
        expect(Object.hasOwn(ROW_FIELDS, name), `docs/model.md row "${name}" is not mapped to schema fields`).toBe(
          true,
        );
        const fields = ROW_FIELDS[name];
        if (!fields) continue;
        const stated = statusOfCell(row[statusAt] ?? '');
        for (const path of fields) {
          const status = CATALOGUE[path].status;
          expect(status.kind, `${name}: ${path}`).toBe(stated.kind);
          if (status.kind === 'calibrated') expect([...status.targets], `${name}: ${path}`).toEqual(stated.targets);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
