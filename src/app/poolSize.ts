/** How many simulation workers the page starts (pure, so it is tested in Node). */

/** Most workers the pool starts, whatever the machine reports (each holds its own copy of a run's state). */
export const MAX_WORKERS = 8;

/** Workers for a machine with `hardwareConcurrency` logical processors: between 1 and MAX_WORKERS. */
export function poolSize(hardwareConcurrency: number | undefined): number {
  const n = Math.floor(hardwareConcurrency ?? 1);
  return Number.isFinite(n) ? Math.max(1, Math.min(MAX_WORKERS, n)) : 1;
}

/**
 * The pool size for a page address's query string: `?workers=N` (1..MAX_WORKERS) wins, so a measurement can pin the
 * one-worker case; anything else falls back to the machine's processors.
 */
export function poolSizeFor(search: string, hardwareConcurrency: number | undefined): number {
  const asked = new URLSearchParams(search).get('workers');
  const n = asked === null || asked.trim() === '' ? Number.NaN : Number(asked);
  if (Number.isInteger(n) && n >= 1) return Math.min(MAX_WORKERS, n);
  return poolSize(hardwareConcurrency);
}
