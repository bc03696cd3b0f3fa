/**
 * Reading the words and plain option values of a command line (pure): the file argument, names, lists, formats and
 * numbers. Each refusal is a UsageError naming the option and pointing at the command's help.
 */
import { wholeNumber } from '../analysis/options.ts';
import type { OptionValues } from './commandSpec.ts';
import { UsageError } from './errors.ts';
import { checkValue, wholeNumberText, wholeOption } from './optionArgs.ts';

/** The one file argument of a command (`<scenario.json>`, or `<pack.zip>` for verify). */
export function singleFile(
  positionals: readonly string[],
  command: string,
  noun = 'scenario',
  placeholder = '<scenario.json>',
): string {
  const [file, extra] = positionals;
  if (file === undefined) throw new UsageError(`missing the ${noun} file argument ${placeholder}`, command);
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`, command);
  if (file === '') throw new UsageError(`the ${noun} file name is empty`, command);
  return file;
}

/**
 * The parser of a command that runs a scenario: its file, `--seed` and `--workers`, read in that order (so the first
 * problem of a command line is the one reported), then `build` with the rest of its options.
 */
export function scenarioCommand<C>(
  command: string,
  build: (file: string, values: OptionValues, seed: number | undefined, workers: number | undefined) => C,
): (values: OptionValues, positionals: string[]) => C {
  return (values, positionals) => {
    const file = singleFile(positionals, command);
    const seed = wholeOption('seed', stringOf(values, 'seed'), command);
    const workers = wholeOption('workers', stringOf(values, 'workers'), command);
    return build(file, values, seed, workers);
  };
}

/** A string option's text, or undefined when it was not given. */
export function stringOf(values: OptionValues, name: string): string | undefined {
  return values[name] as string | undefined;
}

/** A name (`--arm`, `--param`), trimmed; refused when given empty. */
export function optNonEmpty(text: string | undefined, name: string, command: string): string | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') throw new UsageError(`--${name} needs a value`, command);
  return text.trim();
}

/** `--out FILE`; refused when given empty. */
export function outFile(text: string | undefined, command: string): string | undefined {
  if (text === undefined) return undefined;
  if (text === '') throw new UsageError('--out needs a file name', command);
  return text;
}

/** A comma-separated list without empty items and without an item twice. */
export function optList(text: string | undefined, name: string, command: string): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === ''))
    throw new UsageError(`--${name} is a comma-separated list without empty items`, command);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item)) throw new UsageError(`--${name} lists '${item}' twice`, command);
    seen.add(item);
  }
  return items;
}

/** One of `allowed`; the first when the option was not given. */
export function oneOf<T extends string>(
  text: string | undefined,
  allowed: readonly T[],
  name: string,
  command: string,
): T {
  if (text === undefined) return allowed[0] as T;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${text}')`, command);
}

/** Parses a whole decimal integer in [min, max]; `1.5`, `1e3`, `0x10` and `` are refused rather than coerced. */
export function parseInteger(text: string, name: string, min: number, max: number, command?: string): number {
  return checkValue(wholeNumber(min, max), wholeNumberText(text), `--${name}`, text, command ?? '') as number;
}
