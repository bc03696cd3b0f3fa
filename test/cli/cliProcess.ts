// The `fairpace` command run as a separate process, as a user runs it: bin/fairpace.mjs under this Node, in a folder
// the test chose, with the run cache off. For tests that need real exit codes, worker threads and files on disk.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/fairpace.mjs', import.meta.url));

/** What a finished `fairpace` process left: its exit code and what it printed. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `fairpace <args>` in the folder `cwd()` names when called (a folder made in `beforeAll`), with `env` added. */
export function fairpaceIn(cwd: () => string, env: NodeJS.ProcessEnv = {}): (args: string[]) => Promise<CliOutcome> {
  return (args) =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [BIN, ...args],
        { cwd: cwd(), env: { ...process.env, FAIRPACE_CACHE: 'off', ...env } },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
      );
    });
}
