/**
 * Progress of a batch of runs on stderr: `[12/40] runs done` rewritten in place on a terminal, or one JSON line per
 * finished task for schedulers and dashboards (`--progress json`).
 */

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

/**
 * One JSON line per finished task: `{"task":12,"total":40,"elapsed":3.215}`, where `task` counts the tasks finished
 * so far, `total` is how many this process runs and `elapsed` is seconds since the batch started. A repeated count
 * (a search reporting its final total) prints nothing, so there is exactly one line per task.
 */
export function jsonProgress(write: (text: string) => void, now: () => number = Date.now): Progress {
  const start = now();
  let last = 0;
  return {
    update(done, total) {
      if (done <= last) return;
      last = done;
      write(`${JSON.stringify({ task: done, total, elapsed: Math.round(now() - start) / 1000 })}\n`);
    },
    finish() {},
  };
}

/** The progress a command shows: JSON lines when asked, else a counter when stderr is a terminal and not quiet. */
export function progressFor(
  options: { quiet: boolean; progress?: 'json' },
  io: { stderr(text: string): void; stderrIsTTY: boolean },
): Progress {
  if (options.progress === 'json') return jsonProgress((text) => io.stderr(text));
  return io.stderrIsTTY && !options.quiet ? terminalProgress((text) => io.stderr(text)) : silentProgress;
}

/** Progress through a file on stderr: `reading waybills: 45% (270 of 600 MB)`, on a terminal and not quiet. */
export function byteProgress(
  options: { stderr(text: string): void; stderrIsTTY: boolean; quiet: boolean },
  label: string,
  total: number,
  now: () => number = Date.now,
  intervalMs = 200,
): { update(done: number): void; finish(): void } {
  if (!options.stderrIsTTY || options.quiet) return { update() {}, finish() {} };
  const MB = 1024 * 1024;
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    update(done) {
      const t = now();
      if (done < total && t - last < intervalMs) return;
      last = t;
      shown = true;
      const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
      options.stderr(`\r${label}: ${pct}% (${(done / MB).toFixed(0)} of ${(total / MB).toFixed(0)} MB)`);
    },
    finish() {
      if (shown) options.stderr('\n');
      shown = false;
    },
  };
}
