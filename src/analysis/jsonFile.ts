/** Reading a JSON file of the analysis (a targets file, a back-test file) against its zod schema. */
import type { z } from 'zod';
import { jsonPath, type Problem } from '../scenario/load.ts';

/** A file read: its value, or one located problem per thing wrong (and the raw JSON, when it parsed). */
export type JsonFileLoad<T> = { ok: true; value: T } | { ok: false; problems: Problem[]; raw?: unknown };

/** Parses `text` as JSON and validates it with `schema`; never throws for bad input. */
export function loadJsonFile<S extends z.ZodType>(schema: S, text: string): JsonFileLoad<z.output<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
    raw,
  };
}
