/**
 * The CLI's run cache (src/analysis/runCache.ts) in a folder: one JSON file per run, named by its key, written with
 * writeFileAtomic (a temporary name, then a rename), so a run stopped half-way never leaves half a file. By default
 * the folder is `$FAIRPACE_CACHE_DIR`, else `$XDG_CACHE_HOME/fairpace/runs`, else `~/.cache/fairpace/runs`;
 * `--cache DIR` picks another, and `--no-cache` or `FAIRPACE_CACHE=off` turns it off (the test suite does, so every
 * test computes).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  cachingExecutor,
  repricingExecutor,
  type CacheCount,
  type Executor,
  type RepriceCount,
  type RunKeeps,
  type RunStore,
} from '../analysis/index.ts';
import type { CliIo } from './cliIo.ts';
import { writeFileAtomic } from './files.ts';

/** Runs as JSON files under `dir`, in sub-folders by the key's first two characters. */
export class DirRunStore implements RunStore {
  constructor(readonly dir: string) {}

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return await readFile(this.pathOf(key), 'utf8');
    } catch {
      return undefined; // not cached, or unreadable: run it
    }
  }

  async set(key: string, json: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
      await writeFileAtomic(path, json);
    } catch {
      // A cache that cannot be written keeps nothing; the run's result is used all the same.
    }
  }
}

/** The cache folder a command uses: `--cache DIR`; none with `--no-cache`, or FAIRPACE_CACHE=off and no --cache; else the default. */
export function cacheDirFor(cache: string | false | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  if (cache === false) return null;
  if (typeof cache === 'string') return cache;
  if (env.FAIRPACE_CACHE === 'off') return null;
  if (env.FAIRPACE_CACHE_DIR) return env.FAIRPACE_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'fairpace', 'runs');
}

/**
 * `executor` answering from the command's run cache, if it has one, and running once what differs only in per-order
 * money (src/analysis/repricing.ts; not for evidence packs, whose runs keep courier-day rows and are all made); after
 * the job, `report` says on stderr how many runs came from the cache or were re-priced (nothing when none were, or
 * with --quiet).
 */
export function withRunCache(
  executor: Executor,
  command: { cache?: string | false; quiet?: boolean },
  keeps: RunKeeps,
  io: CliIo,
): { executor: Executor; report: () => void } {
  const dir = cacheDirFor(command.cache);
  const count: CacheCount = { hits: 0, misses: 0 };
  const priced: RepriceCount = { run: 0, repriced: 0 };
  const cached = dir === null ? executor : cachingExecutor(executor, new DirRunStore(dir), keeps, count);
  return {
    executor: keeps.courierDays === true ? cached : repricingExecutor(cached, priced),
    report: () => {
      if (command.quiet === true || (count.hits === 0 && priced.repriced === 0)) return;
      const parts: string[] = [];
      if (dir === null) parts.push(`${priced.run} made`);
      else parts.push(`${count.misses} made`, `${count.hits} reused from the run cache ${dir}`);
      if (priced.repriced > 0) parts.push(`${priced.repriced} re-priced from runs that differ only in per-order money`);
      const hint = count.hits > 0 ? ' (--no-cache to run everything)' : '';
      io.stderr(`runs: ${parts.join(', ')}${hint}\n`);
    },
  };
}
