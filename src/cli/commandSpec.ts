/**
 * What one command of the command line is: the options it accepts, how its words become a typed command, and how
 * `fairpace --help` and `fairpace <command> --help` explain it. Each parser module exports the specs of its commands;
 * the table of every command (commandTable.ts) gathers them, and parsing (args.ts) and help (help.ts) read the table.
 */

/** Node `parseArgs` options of a command. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** The option values `parseArgs` gives. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** `--help` / `-h`, which every command accepts. */
export const HELP_OPTIONS: OptionSpec = { help: { type: 'boolean', short: 'h' } };

/** One command of the `fairpace` command line. */
export interface CommandSpec<C> {
  /** Its lines in the usage list of `fairpace --help`, without the indent. */
  usage: readonly string[];
  /** Its entry in the command list of `fairpace --help`: one line, or several when it runs long. */
  summary: readonly string[];
  /** `fairpace <command> --help`, without the final line break. */
  help: string;
  /** The options it accepts (batch commands get the run-control flags on top, see args.ts). */
  options: OptionSpec;
  /** The command from its option values and words (`--help` already handled); throws UsageError. */
  parse(values: OptionValues, positionals: string[]): C;
}
