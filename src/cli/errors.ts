/** Errors that decide the exit code: bad input (2) versus everything else (1, an internal error). */

/** Exit code of a successful run. */
export const EXIT_OK = 0;
/** Exit code of an unexpected failure inside Fairpace. */
export const EXIT_INTERNAL = 1;
/** Exit code of `fairpace verify` when a pack differs from its re-run (the same code as an internal error). */
export const EXIT_NOT_VERIFIED = 1;
/** Exit code of `fairpace compare --assert ...` when an assertion fails (the same code as an internal error). */
export const EXIT_GATE_FAILED = 1;
/** Exit code of bad input: a file, a field or an argument the user can fix. */
export const EXIT_BAD_INPUT = 2;

/**
 * Bad input the user can fix. Each line of `lines` is one problem; they are printed as they are, without a stack,
 * because a stack trace says nothing to someone whose scenario file has a typo.
 */
export class InputError extends Error {
  override name = 'InputError';
  readonly lines: string[];
  constructor(lines: string | string[]) {
    const list = typeof lines === 'string' ? [lines] : lines;
    super(list.join('\n'));
    this.lines = list;
  }
}

/** A command line that does not parse; the message says which command's `--help` to read. */
export class UsageError extends InputError {
  override name = 'UsageError';
  constructor(message: string, command?: string) {
    super(`${message} (see 'fairpace${command ? ` ${command}` : ''} --help')`);
  }
}
