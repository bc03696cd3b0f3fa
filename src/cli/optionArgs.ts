/**
 * Option text checked by the shared option schemas (src/analysis/options.ts), so that `fairpace` and the library
 * refuse the same values in the same words: the CLI turns text into a value (NaN for a number it cannot read, so the
 * schema refuses it rather than this file), and prints the schema's message after the flag and before the text typed.
 */
import type { z } from 'zod';
import { OPTION_FIELDS, optionProblems, withOptionNames, type OptionProblem } from '../analysis/options.ts';
import { UsageError } from './errors.ts';

/** The flag of a library option name: `maxSteps` → `--max-steps`. */
export function flagOf(option: string): string {
  return `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** A whole number's text as a number; NaN unless plain decimal digits, so `1.5`, `1e3`, `0x10` and `` are refused. */
export function wholeNumberText(text: string): number {
  const t = text.trim();
  return /^[+-]?\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** A decimal's text as a number; NaN unless a plain decimal (`Number()` alone would take '', '0x1f' and 'Infinity'). */
export function decimalText(text: string): number {
  const t = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** A problem as the CLI prints it: `--replications must be a whole number from 1 to 1000 (got '0')`. */
export function problemLine(p: OptionProblem, flag: string, text: string | undefined, flags: Record<string, string>) {
  const message = withOptionNames(p.message, (option) => flags[option] ?? flagOf(option));
  const got = text === undefined || message.startsWith("'") ? '' : ` (got '${text}')`;
  return `${flag} ${message}${got}`;
}

/** Checks `value`, read from `text`, against a schema; throws UsageError naming the flag. */
export function checkValue<S extends z.ZodType>(
  schema: S,
  value: unknown,
  flag: string,
  text: string | undefined,
  command: string,
): z.output<S> {
  const [problem] = optionProblems(schema, value);
  if (problem) throw new UsageError(problemLine(problem, flag, text, {}), command);
  return schema.parse(value);
}

type Field = keyof typeof OPTION_FIELDS;

/** A whole-number option (`--replications`, `--seed`, `--workers`, `--grid`, ...) by its shared rule. */
export function wholeOption(field: Field, text: string | undefined, command: string, flag = flagOf(field)) {
  if (text === undefined) return undefined;
  return checkValue(OPTION_FIELDS[field], wholeNumberText(text), flag, text, command) as number;
}

/** A decimal option (`--tolerance`, `--precision`) by its shared rule. */
export function decimalOption(field: Field, text: string | undefined, command: string, flag = flagOf(field)) {
  if (text === undefined) return undefined;
  return checkValue(OPTION_FIELDS[field], decimalText(text), flag, text, command) as number;
}

/** A word option (`--confidence`, `--direction`) by its shared rule; `fallback` when it was not given. */
export function wordOption<T extends string>(field: Field, text: string | undefined, fallback: T, command: string): T {
  if (text === undefined) return fallback;
  return checkValue(OPTION_FIELDS[field], text, flagOf(field), text, command) as T;
}

/** `--arms a,b`: arm ids by the shared rule (no empty item, none twice). */
export function armsOption(text: string | undefined, command: string): string[] | undefined {
  if (text === undefined) return undefined;
  return checkValue(OPTION_FIELDS.arms, text.split(','), '--arms', text, command) as string[];
}

/**
 * Checks a command's options together against its function's shared schema, for the rules between options (`--max`
 * above `--min`). `texts` holds each option's text as typed; `flags` the flags whose name is not the option's.
 */
export function checkOptionsTogether(
  schema: z.ZodType,
  options: Record<string, unknown>,
  command: string,
  texts: Record<string, string | undefined> = {},
  flags: Record<string, string> = {},
): void {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const [problem] = optionProblems(schema, defined);
  if (!problem) return;
  const option = problem.option.split(/[.[]/)[0] ?? problem.option;
  throw new UsageError(problemLine(problem, flags[option] ?? flagOf(option), texts[option], flags), command);
}
