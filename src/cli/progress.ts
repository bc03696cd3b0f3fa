/** Progress of a batch of runs on stderr, e.g. `[12/40] runs done`, rewritten in place. */

/** Receives progress as runs finish, and is told when the batch is over. */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

/** Progress that prints nothing (`--quiet`, or stderr is not a terminal). */
export const silentProgress: Progress = { update() {}, finish() {} };

/**
 * Progress written with `write`, at most every `intervalMs` (thousands of quick runs would otherwise spend their
 * time repainting the terminal), always including the last update.
 */
export function terminalProgress(
  write: (text: string) => void,
  now: () => number = Date.now,
  intervalMs = 100,
): Progress {
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (done < total && t - last < intervalMs) return;
      last = t;
      shown = true;
      write(`\r[${done}/${total}] runs done`);
    },
    finish() {
      // End the line so the shell prompt or a following message does not start after the counter.
      if (shown) write('\n');
      shown = false;
    },
  };
}
