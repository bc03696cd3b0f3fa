/** Parsing scenario files: JSON text in, a validated scenario or a list of path-specific problems out. */
import { z } from 'zod';
import { migrateScenario } from './migrations.ts';
import { Scenario, SCHEMA_VERSION } from './schema.ts';

/** One thing wrong with a scenario file: where (a JSON path such as `rules.pay.base`, or `(file)`) and what. */
export interface Problem {
  path: string;
  message: string;
}

/** A loaded scenario, with the notes of any migration from an older schema version (empty when none ran). */
export type LoadResult = { ok: true; scenario: Scenario; notes: string[] } | { ok: false; problems: Problem[] };

/** JSON path of a zod issue path: `arms[0].rules.deadline.percentile`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** Validates an already-parsed value as a scenario. */
export function validateScenario(value: unknown): LoadResult {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const version = (value as Record<string, unknown>).schemaVersion;
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      return {
        ok: false,
        problems: [
          {
            path: 'schemaVersion',
            message: `this file was written for schema version ${version}; this Fairpace reads version ${SCHEMA_VERSION} — update Fairpace`,
          },
        ],
      };
    }
  }
  const { file, notes } = migrateScenario(value, SCHEMA_VERSION);
  const parsed = Scenario.safeParse(file);
  if (parsed.success) return { ok: true, scenario: parsed.data, notes };
  return { ok: false, problems: problemsOf(parsed.error) };
}

/** The problems of a zod error, one per issue, with JSON paths. */
export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

/** Parses JSON text and validates it; JSON syntax errors are reported as a problem at `(file)`. */
export function loadScenario(text: string): LoadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return validateScenario(value);
}
