/** The `fairpace` command: parse, run, and turn every failure into a short message and an exit code. */
import { parseCommandLine } from './args.ts';
import { executeCommand, type CliIo } from './commands.ts';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, InputError } from './errors.ts';
import { withSuggestions } from './suggest.ts';

/** Options of `main` beyond the arguments. */
export interface MainOptions {
  io?: CliIo;
  /** Environment; FAIRPACE_DEBUG=1 adds the stack to internal errors. */
  env?: Record<string, string | undefined>;
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code; never throws. */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const io = options.io ?? processIo();
  const env = options.env ?? process.env;
  try {
    return await executeCommand(parseCommandLine(argv), io);
  } catch (e) {
    if (e instanceof InputError) {
      // An unknown metric path, wherever it was given, gets the nearest known one as a suggestion.
      io.stderr(
        withSuggestions(e.lines)
          .map((line) => `${line}\n`)
          .join(''),
      );
      return EXIT_BAD_INPUT;
    }
    const error = e instanceof Error ? e : new Error(String(e));
    const debug = env.FAIRPACE_DEBUG === '1';
    io.stderr(`fairpace: internal error: ${error.message}\n`);
    io.stderr(debug ? `${error.stack ?? ''}\n` : '(set FAIRPACE_DEBUG=1 to see the stack trace)\n');
    return EXIT_INTERNAL;
  }
}

/** Entry used by bin/fairpace.mjs: runs `main` and sets the exit code, letting pending output drain. */
export async function runCli(argv: readonly string[]): Promise<void> {
  // `fairpace compare ... | head` closes stdout early; that is the reader's choice, not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw e;
  });
  process.exitCode = await main(argv);
}
